// Responsiveness of the workbench with a large project open and training running (offscreen).
//
//   build/bin/bench_gui [--examples 100000] [--dir DIR]
//
// Creates (once, reused when present) a detection project of N 16x16 images with 5 boxes each, opens
// it in the main window, starts training, and runs a scripted session while a 5 ms timer probes the
// event loop: scroll the whole grid, edit an augmentation parameter ten times, watch the training
// page, cancel. Reports the longest event-loop stall, the grid's frame time while scrolling, and the
// augmentation preview's latency from the edit to the new previews on screen.

#include "augmentationpage.h"
#include "benchutil.h"
#include "datasetpage.h"
#include "mainwindow.h"
#include "parametereditor.h"
#include "trainingcontroller.h"
#include "trainingpage.h"

#include "project/project.h"
#include "project/splitter.h"
#include "train/trainer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QListView>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <string>

using namespace visor;
using bench::tinyPng;

namespace {

QTextStream out(stdout);

void makeProject(const QString &dir, int examples)
{
    auto p = Project::create(dir, QStringLiteral("bench-gui"), DatasetKind::ObjectDetection);
    std::vector<qint64> classes;
    for (int c = 0; c < 8; ++c)
        classes.push_back(p->addClass(QStringLiteral("class_%1").arg(c)));
    QRandomGenerator rng(1);
    std::vector<NewExample> items;
    for (int i = 0; i < examples; ++i) {
        NewExample ne;
        ne.meta.hash = p->storeImage(tinyPng(i), QStringLiteral("png"));
        ne.meta.suffix = QStringLiteral("png");
        ne.meta.fileName = QStringLiteral("img_%1.png").arg(i, 6, 10, QLatin1Char('0'));
        ne.meta.width = ne.meta.height = 16;
        ne.meta.labelled = true;
        ne.meta.perceptualHash = rng.generate64() | 1;
        for (int b = 0; b < 5; ++b) {
            const float x = float(rng.bounded(8)), y = float(rng.bounded(8));
            ne.boxes.push_back(
                Box{0, classes[rng.bounded(8)], x, y, x + 4 + float(rng.bounded(4)), y + 4 + float(rng.bounded(4))});
        }
        items.push_back(std::move(ne));
    }
    p->syncImages();
    p->addExamples(items);
    assignSplits(*p, false);
    ParameterSet params = p->parameters();
    params.set(QStringLiteral("input.min_side"), 64);
    params.set(QStringLiteral("input.max_side"), 64);
    params.set(QStringLiteral("anchors.sizes"), QJsonArray{16, 32, 64});
    params.set(QStringLiteral("anchors.strides"), QJsonArray{8, 16, 32});
    params.set(QStringLiteral("train.epochs"), 100);
    params.set(QStringLiteral("train.steps_per_epoch"), 2000);
    p->setParameters(params);
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
}

void pump(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

int main(int argc, char **argv)
{
    train::configureAllocator();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the bench's settings stay out of the user's
    int examples = 100000;
    QString dir = QDir::temp().filePath(QStringLiteral("visor-bench-gui"));
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--examples"))
            examples = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dir"))
            dir = args[i + 1];
    }
    const QString projectDir = QDir(dir).filePath(QStringLiteral("p%1").arg(examples));
    QElapsedTimer clock;
    clock.start();
    if (!Project::exists(projectDir)) {
        out << "creating " << examples << " examples in " << projectDir << " ...\n";
        out.flush();
        makeProject(projectDir, examples);
        out << "  " << clock.elapsed() / 1000.0 << " s\n";
    }

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    clock.restart();
    if (!window.openProject(projectDir))
        return 1;
    out << "open the project in the window (grid model, statistics, health panel): " << clock.elapsed() << " ms"
        << " (before the session; not probed)\n";
    out.flush();

    // The probe: a 5 ms timer; any later tick is a stall of the event loop.
    std::vector<double> gaps;
    const char *phase = "start training";
    std::map<std::string, std::pair<int, double>> stallsByPhase; // phase -> (stalls over 50 ms, longest)
    QElapsedTimer probeClock;
    probeClock.start();
    double last = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double now = double(probeClock.nsecsElapsed()) / 1e6;
        if (last > 0) {
            gaps.push_back(now - last - 5);
            if (gaps.back() > 50) {
                auto &[n, longest] = stallsByPhase[phase];
                ++n;
                longest = std::max(longest, gaps.back());
            }
        }
        last = now;
    });
    probe.start();

    // Training in the background for the whole session.
    window.showPage(MainWindow::Training);
    int batches = 0;
    QObject::connect(window.trainingPage()->controller(), &TrainingController::batchEnded, [&] { ++batches; });
    if (!window.trainingPage()->start()) {
        out << "training did not start: " << TrainingController::check(projectDir, window.project()->parameters())
            << "\n";
        return 1;
    }
    pump(3000);

    phase = "scroll the grid";
    // Scroll the whole grid, one step per frame; each frame painted synchronously and timed.
    window.showPage(MainWindow::Dataset);
    QListView *view = window.datasetPage()->view();
    pump(300);
    QScrollBar *bar = view->verticalScrollBar();
    const int steps = 300;
    std::vector<double> frames;
    for (int s = 0; s <= steps; ++s) {
        bar->setValue(bar->minimum() + (bar->maximum() - bar->minimum()) * s / steps);
        QElapsedTimer f;
        f.start();
        view->viewport()->repaint();
        frames.push_back(double(f.nsecsElapsed()) / 1e6);
        pump(16);
    }
    pump(500);

    phase = "augmentation edits";
    // Augmentation: ten edits, each timed from the edit to the previews being shown.
    window.showPage(MainWindow::Augmentation);
    AugmentationPage *aug = window.augmentationPage();
    pump(1000);
    std::vector<double> previews;
    for (int k = 0; k < 10; ++k) {
        bool ready = false;
        auto c = QObject::connect(aug, &AugmentationPage::previewReady, [&] { ready = true; });
        QElapsedTimer t;
        t.start();
        aug->editor()->setText(QStringLiteral("augment.rotate.degrees"), QStringLiteral("-%1..%1").arg(10 + k));
        while (!ready && t.elapsed() < 5000)
            QApplication::processEvents(QEventLoop::AllEvents, 1);
        previews.push_back(double(t.nsecsElapsed()) / 1e6);
        QObject::disconnect(c);
        pump(200);
    }

    phase = "watch the live plots";
    // The live plots.
    window.showPage(MainWindow::Training);
    pump(5000);
    probe.stop();
    window.trainingPage()->cancel();
    QElapsedTimer wait;
    wait.start();
    while (window.trainingPage()->controller()->isRunning() && wait.elapsed() < 120000)
        QApplication::processEvents(QEventLoop::AllEvents, 20);

    const double maxGap = gaps.empty() ? 0 : *std::max_element(gaps.begin(), gaps.end());
    const auto over = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 50; });
    out << QStringLiteral("session of %1 s with training running (%2 training steps reported):\n")
               .arg(double(probeClock.elapsed()) / 1000, 0, 'f', 1)
               .arg(batches);
    out << QStringLiteral("  event loop: longest stall %1 ms, 99th percentile %2 ms, %3 stall(s) over 50 ms "
                          "(target: none over 50 ms)\n")
               .arg(maxGap, 0, 'f', 1)
               .arg(percentile(gaps, 0.99), 0, 'f', 1)
               .arg(over);
    for (const auto &[name, stats] : stallsByPhase)
        out << QStringLiteral("    during \"%1\": %2 stall(s) over 50 ms, longest %3 ms\n")
                   .arg(QString::fromStdString(name))
                   .arg(stats.first)
                   .arg(stats.second, 0, 'f', 1);
    out << QStringLiteral("  grid scrolling over %1 rows: frame time median %2 ms, 95th percentile %3 ms, worst %4 ms "
                          "(60 fps needs under 16.7 ms)\n")
               .arg(examples)
               .arg(percentile(frames, 0.5), 0, 'f', 1)
               .arg(percentile(frames, 0.95), 0, 'f', 1)
               .arg(*std::max_element(frames.begin(), frames.end()), 0, 'f', 1);
    out << QStringLiteral("  augmentation preview after an edit: median %1 ms, worst %2 ms (target under 100 ms)\n")
               .arg(percentile(previews, 0.5), 0, 'f', 0)
               .arg(*std::max_element(previews.begin(), previews.end()), 0, 'f', 0);
    return 0;
}
