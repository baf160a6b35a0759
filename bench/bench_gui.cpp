// Responsiveness of the workbench with a large project open and training running (offscreen).
//
//   build/bin/bench_gui [--examples 100000] [--dir DIR]
//
// Creates (once, reused when present) a detection project of N 16x16 images with 5 boxes each, opens
// it in the main window, starts training, and runs a scripted session while a 5 ms timer probes the
// event loop: sit idle for 10 s (the noise floor), scroll the whole grid, edit an augmentation parameter ten times,
// watch the training page, annotate 50 boxes (drawn with the mouse, 5 per image, D to the next image, Esc back to the
// grid), cancel. Reports the longest event-loop stall per phase, the grid's frame time while scrolling,
// the augmentation preview's latency from the edit to the new previews on screen, and each drawn box's
// time from the press to the box saved in the project.

#include "annotationcanvas.h"
#include "annotationdocument.h"
#include "annotationpage.h"
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
#include <QTest>
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

/// The boxes stored for one example, read from the project (not from the annotator's document).
size_t storedBoxes(Project &project, qint64 exampleId)
{
    return project.boxes(exampleId).size();
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
    std::string step;                                            // what the session is doing within the phase
    std::vector<QString> stallLog;                               // each stall over 50 ms: when, in which phase and step
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
                stallLog.push_back(
                    QStringLiteral("      %1 ms at %2 s, \"%3\"%4")
                        .arg(gaps.back(), 0, 'f', 1)
                        .arg(now / 1000, 0, 'f', 1)
                        .arg(QString::fromLatin1(phase))
                        .arg(step.empty() ? QString() : QStringLiteral(", ") + QString::fromStdString(step)));
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

    // The machine's own noise floor: the window shown, nothing asked of it, training on every core.
    // A stall here is the scheduler's, not the window's; the phases below are read against it.
    phase = "idle (training only)";
    window.showPage(MainWindow::Dataset);
    pump(10000);

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

    phase = "annotate 50 boxes";
    // The edit path: open the first image of the grid in the annotator, draw 5 boxes per image with the
    // mouse (W once, then press, move, release), D to the next image; each box timed from the press to the
    // release handled (the edit is saved in the release); Esc back to the grid at the end.
    window.showPage(MainWindow::Dataset);
    DatasetPage *dataPage = window.datasetPage();
    step = "opening the annotator";
    QElapsedTimer opening;
    opening.start();
    dataPage->annotate(0);
    const double openMs = double(opening.nsecsElapsed()) / 1e6;
    pump(500);
    AnnotationPage *annotator = dataPage->annotator();
    AnnotationCanvas *canvas = annotator->canvas();
    QTest::keyClick(canvas, Qt::Key_W); // draw mode stays on from image to image
    pump(50);
    std::vector<double> edits;
    size_t expected = 0, stored = 0;
    for (int k = 0; k < 50; ++k) {
        if (k % 5 == 0) {
            step = "image " + std::to_string(k / 5 + 1);
            if (k > 0) {
                stored += storedBoxes(*window.project(), annotator->currentExample());
                QTest::keyClick(canvas, Qt::Key_D);
                pump(150);
            }
            expected += annotator->document()->boxes().size() + 5;
        }
        const float x = float(1 + (k % 5) * 2), y = float(1 + (k % 5) * 2);
        const QPoint from = canvas->mapFromScene(QPointF(x, y));
        const QPoint to = canvas->mapFromScene(QPointF(x + 5, y + 5));
        QElapsedTimer t;
        t.start();
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas->viewport(), (from + to) / 2);
        QTest::mouseMove(canvas->viewport(), to);
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, to);
        edits.push_back(double(t.nsecsElapsed()) / 1e6);
        pump(100);
    }
    stored += storedBoxes(*window.project(), annotator->currentExample());
    QElapsedTimer back;
    back.start();
    step = "back to the grid";
    QTest::keyClick(canvas, Qt::Key_Escape);
    const double backMs = double(back.nsecsElapsed()) / 1e6;
    pump(3000);

    step.clear();
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
    for (const QString &line : stallLog)
        out << line << "\n";
    out << QStringLiteral("  grid scrolling over %1 rows: frame time median %2 ms, 95th percentile %3 ms, worst %4 ms "
                          "(60 fps needs under 16.7 ms)\n")
               .arg(examples)
               .arg(percentile(frames, 0.5), 0, 'f', 1)
               .arg(percentile(frames, 0.95), 0, 'f', 1)
               .arg(*std::max_element(frames.begin(), frames.end()), 0, 'f', 1);
    out << QStringLiteral("  augmentation preview after an edit: median %1 ms, worst %2 ms (target under 100 ms)\n")
               .arg(percentile(previews, 0.5), 0, 'f', 0)
               .arg(*std::max_element(previews.begin(), previews.end()), 0, 'f', 0);
    out << QStringLiteral("  annotate 50 boxes (10 images): opening the annotator %6 ms; press to saved median %1 ms, "
                          "worst %2 ms; back to the grid "
                          "%3 ms; boxes stored %4 of %5 expected\n")
               .arg(percentile(edits, 0.5), 0, 'f', 1)
               .arg(*std::max_element(edits.begin(), edits.end()), 0, 'f', 1)
               .arg(backMs, 0, 'f', 1)
               .arg(stored)
               .arg(expected)
               .arg(openMs, 0, 'f', 1);
    return stored == expected ? 0 : 1;
}
