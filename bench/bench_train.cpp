// Training quality and time on real data, through the same engine as visor-cli train.
//
//   build/bin/bench_train digits [--minutes 5]        5000 handwritten digits (opencv-doc), test accuracy
//   (any of them with --keep DIR: the project and its run stay in DIR)
//   build/bin/bench_train shapes [--minutes 10]       generated shapes detection, test mAP@0.5
//   build/bin/bench_train speed [--quick] [--only class_cnn|objdet]
//                                                                class_cnn and objdet images/s against bench/reference/
//
// Prints the settings, one line per epoch and the test metrics. The digits image comes from
// /usr/share/doc/opencv-doc/examples/data/digits.png (apt-get install opencv-doc).

#include "benchutil.h"
#include "project/project.h"
#include "project/splitter.h"
#include "synth/shapes.h"
#include "train/trainer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>

using namespace visor;

namespace {

QTextStream out(stdout);

void setAll(ParameterSet &p, std::initializer_list<std::pair<const char *, QJsonValue>> values)
{
    for (const auto &[k, v] : values)
        p.set(QString::fromLatin1(k), v);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Training images/s of Visor's trainer and of a PyTorch reference (bench/reference/*.py) with the same
// network definition, batch size and augmentation, on the same images at the same input scale, both on
// every core. The two alternate `repeats` times and the medians are compared: this VM's speed drifts by
// +-15% within a minute, so one measurement of each side would mostly measure the drift.
//   classification: class_cnn at the spec defaults (grey, shorter side 50, batch 10) on 160x120 shapes;
//   detection: objdet with vgg7 at the spec defaults except the input, 320x240 (grey, batch 10).
int speedOf(DatasetKind kind, int repeats)
{
    const bool detection = kind == DatasetKind::ObjectDetection;
    QTemporaryDir dir;
    auto project = Project::create(dir.filePath(QStringLiteral("p")), QStringLiteral("speed"), kind);
    synth::ShapesOptions o;
    o.kind = kind;
    o.count = 200;
    synth::addShapes(*project, o);
    train::TrainOptions options;
    ParameterSet &p = options.parameters;
    if (detection)
        setAll(p, {{"input.min_side", 240}, {"input.max_side", 320}});
    const int threads = int(std::thread::hardware_concurrency());
    const int batch = p.toInt(QStringLiteral("train.batch_size"));
    const int warmup = detection ? 3 : 5, steps = detection ? 15 : 60;

    // The reference reads the same images, resized as Visor's loader does, with their labels or boxes.
    QDir().mkpath(dir.filePath(QStringLiteral("ref")));
    QFile labels(dir.filePath(detection ? QStringLiteral("ref/boxes.txt") : QStringLiteral("ref/labels.txt")));
    labels.open(QIODevice::WriteOnly);
    std::map<qint64, int> classIndex;
    for (const ClassInfo &c : project->classes())
        classIndex[c.id] = int(classIndex.size());
    const auto boxes = project->allBoxes();
    const int minSide = p.toInt(QStringLiteral("input.min_side")), maxSide = p.toInt(QStringLiteral("input.max_side"));
    int n = 0;
    for (const Example &e : project->examples()) {
        cv::Mat img = cv::imread(project->imagePath(e).toStdString(), cv::IMREAD_GRAYSCALE);
        const double scale =
            std::min(double(minSide) / std::min(img.cols, img.rows), double(maxSide) / std::max(img.cols, img.rows));
        const cv::Size size(int(std::lround(img.cols * scale)), int(std::lround(img.rows * scale)));
        cv::resize(img, img, size, 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        cv::imwrite(dir.filePath(QStringLiteral("ref/image_%1.png").arg(n++, 4, 10, QLatin1Char('0'))).toStdString(),
                    img);
        QStringList line;
        if (detection) {
            if (auto it = boxes.find(e.id); it != boxes.end())
                for (const Box &b : it->second)
                    line << QString::number(b.x1 * scale) << QString::number(b.y1 * scale)
                         << QString::number(b.x2 * scale) << QString::number(b.y2 * scale)
                         << QString::number(classIndex[b.classId]);
        } else {
            line << QString::number(classIndex[e.classId]);
        }
        labels.write(line.join(QLatin1Char(' ')).toUtf8() + '\n');
    }
    labels.close();
    QFile classes(dir.filePath(QStringLiteral("ref/classes.txt")));
    classes.open(QIODevice::WriteOnly);
    classes.write(QByteArray::number(int(classIndex.size())));
    classes.close();

    struct Timer : train::TrainHooks {
        QElapsedTimer clock;
        int warmup = 0, steps = 0, wanted = 0;
        double start = 0, end = 0;
        std::atomic<bool> cancel{false};
        void batchEnd(const train::BatchInfo &b) override
        {
            cancel = b.step >= wanted;            // the epoch's minimum is 50 steps; the measurement may need fewer
            if (b.step == warmup && b.epoch == 1) // after the warm-up steps, as the reference
                start = double(clock.nsecsElapsed()) / 1e9;
            end = double(clock.nsecsElapsed()) / 1e9;
            ++steps;
        }
    };
    options.parameters.set(QStringLiteral("train.epochs"), 1);
    options.parameters.set(QStringLiteral("train.steps_per_epoch"), std::max(50, warmup + steps));
    options.threads = threads;
    std::vector<double> visor, reference;
    for (int r = 0; r < repeats; ++r) {
        Timer timer;
        timer.warmup = warmup;
        timer.wanted = warmup + steps;
        timer.clock.start();
        train::Trainer(*project, options).run(timer, timer.cancel);
        visor.push_back(double(timer.steps - warmup) * batch / (timer.end - timer.start));

        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(VISOR_SOURCE_DIR "/bench/reference/%1")
                          .arg(detection ? QStringLiteral("detect_ref.py") : QStringLiteral("train_ref.py")),
                      dir.filePath(QStringLiteral("ref")), QStringLiteral("--steps"), QString::number(steps),
                      QStringLiteral("--threads"), QString::number(threads)});
        if (!python.waitForFinished(900000) || python.exitCode() != 0) {
            out << "reference failed: " << python.readAllStandardError() << "\n";
            return 1;
        }
        reference.push_back(
            QString::fromUtf8(python.readAllStandardOutput()).trimmed().section(QLatin1Char(' '), 1).toDouble());
        out << QStringLiteral("  %1 repeat %2: Visor %3 images/s, reference %4 images/s\n")
                   .arg(detection ? QStringLiteral("objdet") : QStringLiteral("class_cnn"))
                   .arg(r + 1)
                   .arg(visor.back(), 0, 'f', 1)
                   .arg(reference.back(), 0, 'f', 1);
        out.flush();
    }
    out << QStringLiteral("%1, %2 threads, median of %3: Visor %4 images/s, PyTorch reference %5 images/s, "
                          "ratio %6x (target >= 1.5x)\n")
               .arg(detection ? QStringLiteral("objdet vgg7 320x240") : QStringLiteral("class_cnn at the defaults"))
               .arg(threads)
               .arg(repeats)
               .arg(median(visor), 0, 'f', 1)
               .arg(median(reference), 0, 'f', 1)
               .arg(median(visor) / median(reference), 0, 'f', 2);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    train::configureAllocator();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString which = args.value(1, QStringLiteral("digits"));
    double minutes = which == QLatin1String("digits") ? 5 : 10;
    if (int i = int(args.indexOf(QStringLiteral("--minutes"))); i > 0)
        minutes = args.value(i + 1).toDouble();
    QTemporaryDir dir;
    // --keep DIR: the project (and its run) stays in DIR, e.g. for bench_edge DIR:1.
    const int keep = int(args.indexOf(QStringLiteral("--keep")));
    const QString projectDir = keep > 0 ? args.value(keep + 1) : dir.filePath(QStringLiteral("project"));
    train::TrainOptions options;
    ParameterSet &p = options.parameters;
    std::unique_ptr<Project> project;

    if (which == QLatin1String("speed")) {
        const int repeats = args.contains(QStringLiteral("--quick")) ? 1 : 3;
        const QString only = args.contains(QStringLiteral("--only"))
                                 ? args.value(args.indexOf(QStringLiteral("--only")) + 1)
                                 : QString();
        int rc = 0;
        if (only.isEmpty() || only == QLatin1String("class_cnn"))
            rc += speedOf(DatasetKind::Classification, repeats);
        if (only.isEmpty() || only == QLatin1String("objdet"))
            rc += speedOf(DatasetKind::ObjectDetection, repeats);
        return rc;
    }
    if (which == QLatin1String("digits")) {
        project = bench::makeDigitsProject(projectDir);
        if (!project) {
            out << "cannot read " << bench::kDigitsPath << " (apt-get install opencv-doc)\n";
            return 1;
        }
        // Digits are not mirror-symmetric and have no colour: flips, hue and saturation off; mild geometry.
        setAll(p, {{"input.min_side", 28},
                   {"input.max_side", 28},
                   {"input.channels", 1},
                   {"classifier.depth", 3},
                   {"classifier.width", 32},
                   {"train.batch_size", 32},
                   {"train.steps_per_epoch", 150},
                   {"train.epochs", 40},
                   {"optimizer.learning_rate", 0.003},
                   {"augment.flip.horizontal_probability", 0},
                   {"augment.flip.vertical_probability", 0},
                   {"augment.hue.probability", 0},
                   {"augment.saturation.probability", 0},
                   {"augment.noise.probability", 0},
                   {"augment.blur.probability", 0},
                   {"augment.rotate.degrees", QJsonArray{-10, 10}},
                   {"augment.shear.degrees", QJsonArray{-8, 8}},
                   {"augment.translate.horizontal", QJsonArray{-0.1, 0.1}},
                   {"augment.translate.vertical", QJsonArray{-0.1, 0.1}},
                   {"augment.scale.factor", QJsonArray{0.9, 1.1}},
                   {"augment.rotate.resize", false},
                   {"early_stopping.patience", 6},
                   {"reduce_lr.patience", 2}});
    } else {
        project = Project::create(projectDir, QStringLiteral("shapes"), DatasetKind::ObjectDetection);
        synth::ShapesOptions o;
        o.count = 600;
        o.seed = 11;
        synth::addShapes(*project, o);
        setAll(p, {{"input.min_side", 120},
                   {"input.max_side", 160},
                   {"input.channels", 3},
                   {"train.batch_size", 8},
                   {"train.steps_per_epoch", 100},
                   {"train.epochs", 60},
                   {"detector.width", 32},
                   {"anchors.sizes", QJsonArray{16, 32, 64}},
                   {"anchors.strides", QJsonArray{8, 16, 32}},
                   {"early_stopping.patience", 8},
                   {"reduce_lr.patience", 3},
                   {"checkpoint.monitor", QStringLiteral("val_map")},
                   {"checkpoint.mode", QStringLiteral("max")}});
    }
    out << which << ": " << project->exampleCount() << " examples; settings changed from the defaults: ";
    for (const QString &k : p.changedKeys())
        out << k << "=" << p.toString(k) << " ";
    out << "\n  time budget " << minutes << " min of training (the last epoch may end a little later)\n";
    out.flush();

    options.timeLimitSeconds = minutes * 60;
    std::atomic<bool> cancel{false};
    bench::EpochPrinter printer(out, QStringLiteral("  "));
    train::Trainer trainer(*project, options);
    train::RunSummary s = trainer.run(printer, cancel);
    out << "status " << s.status << " after " << s.epochs << " epoch(s), " << QString::number(s.seconds, 'f', 0)
        << " s including the test evaluation\n";
    out << "test metrics: " << QJsonDocument(s.testMetrics).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}
