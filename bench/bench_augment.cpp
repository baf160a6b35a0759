// Augmentation throughput at the spec defaults on 640x480 colour images with 5 boxes each, on one
// thread and on all cores, against the torchvision reference (bench/reference/augment_ref.py) run in
// the same session; plus the preview latency (9 variants, one core).
//
//   build/bin/bench_augment [--n 400] [--reference bench/reference/augment_ref.py]

#include "augment/augmenter.h"
#include "synth/shapes.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <thread>

using namespace visor;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int n = 400;
    QString reference = QStringLiteral(VISOR_SOURCE_DIR "/bench/reference/augment_ref.py");
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--n"))
            n = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--reference"))
            reference = args[i + 1];
    }

    // 16 distinct 640x480 inputs with 5 boxes each.
    synth::ShapesOptions o;
    o.width = 640;
    o.height = 480;
    o.minShapes = o.maxShapes = 5;
    o.minSize = 40;
    o.maxSize = 120;
    std::vector<cv::Mat> images;
    std::vector<std::vector<Box>> boxes;
    QTemporaryDir folder;
    QFile boxFile(folder.filePath(QStringLiteral("boxes.txt")));
    boxFile.open(QIODevice::WriteOnly);
    for (int i = 0; i < 16; ++i) {
        const auto s = synth::renderShapes(o, i);
        images.push_back(s.image);
        std::vector<Box> b;
        QByteArray line;
        for (const auto &[cls, r] : s.boxes) {
            b.push_back(Box{0, cls + 1, r.x, r.y, r.x + r.width, r.y + r.height});
            line += QByteArray::number(r.x) + ' ' + QByteArray::number(r.y) + ' ' + QByteArray::number(r.x + r.width) +
                    ' ' + QByteArray::number(r.y + r.height) + ' ';
        }
        boxes.push_back(b);
        boxFile.write(line + '\n');
        cv::imwrite(folder.filePath(QStringLiteral("image_%1.png").arg(i, 2, 10, QLatin1Char('0'))).toStdString(),
                    s.image);
    }
    boxFile.close();

    const augment::Pipeline pipeline{ParameterSet()};
    std::vector<cv::Mat> batchImages;
    std::vector<std::vector<Box>> batchBoxes;
    for (int i = 0; i < n; ++i) {
        batchImages.push_back(images[size_t(i) % images.size()]);
        batchBoxes.push_back(boxes[size_t(i) % boxes.size()]);
    }
    auto throughput = [&](int threads) {
        augment::applyBatch(pipeline, batchImages, batchBoxes, 1, 0, 0, threads); // warm-up
        QElapsedTimer t;
        t.start();
        augment::applyBatch(pipeline, batchImages, batchBoxes, 1, 1, 0, threads);
        return n / (double(t.nsecsElapsed()) / 1e9);
    };
    // OpenCV's own threads off: the pipeline's parallelism is one sample per worker thread.
    cv::setNumThreads(1);
    const double one = throughput(1);
    const int cores = int(std::thread::hardware_concurrency());
    const double all = throughput(cores);

    std::vector<double> previews;
    for (int r = 0; r < 30; ++r) {
        QElapsedTimer t;
        t.start();
        augment::preview(pipeline, images[size_t(r) % images.size()], boxes[size_t(r) % boxes.size()], 9, quint64(r));
        previews.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(previews.begin(), previews.end());

    // Cost of each transform alone (Focus::Only), one core.
    QStringList costs;
    for (int t = 0; t < augment::kTransformCount; ++t) {
        QElapsedTimer timer;
        timer.start();
        for (int r = 0; r < 20; ++r)
            pipeline.apply(images[size_t(r) % images.size()], boxes[size_t(r) % boxes.size()], 1, 0, quint64(r),
                           augment::Focus::Only, augment::Transform(t));
        costs << QStringLiteral("%1 %2")
                     .arg(augment::transformKey(augment::Transform(t)))
                     .arg(double(timer.nsecsElapsed()) / 20e6, 0, 'f', 2);
    }

    out << "Visor, 640x480 colour, 5 boxes, spec defaults, " << n << " samples\n";
    out << QStringLiteral("  1 thread:        %1 images/s\n").arg(one, 0, 'f', 1);
    out << QStringLiteral("  %1 threads:       %2 images/s\n").arg(cores).arg(all, 0, 'f', 1);
    out << QStringLiteral("  preview of 9 variants (1 core): median %1 ms, worst %2 ms (target < 50 ms)\n")
               .arg(previews[previews.size() / 2], 0, 'f', 1)
               .arg(previews.back(), 0, 'f', 1);
    out << "  ms per transform alone (includes copying the input): " << costs.join(QStringLiteral(", ")) << "\n";
    out.flush();

    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {reference, folder.path(), QStringLiteral("--n"), QString::number(std::max(50, n / 4)),
                  QStringLiteral("--threads"), QStringLiteral("1")});
    if (!python.waitForFinished(600000) || python.exitCode() != 0) {
        out << "reference: could not run " << reference
            << " (install python3-torchvision: scripts/install-deps.sh --bench)\n"
            << python.readAllStandardError();
        return 1;
    }
    const QString line = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
    const double ref = line.section(QLatin1Char(' '), 1).toDouble();
    out << QStringLiteral("torchvision 0.14 reference, 1 thread: %1 images/s\n").arg(ref, 0, 'f', 1);
    out << QStringLiteral("ratio on one thread: %1x (target >= 5x)\n").arg(one / ref, 0, 'f', 1);
    return 0;
}
