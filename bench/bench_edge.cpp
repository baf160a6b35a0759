// bench_edge: frames per second of visor-edge (an exported bundle, OpenCV dnn, no LibTorch) against
// visor-cli predict (the LibTorch model) on the same 640x480 frames, for trained runs given as DIR:RUN.
//
//   build/bin/bench_edge [--frames 200] DIR:RUN[:WxH] [DIR:RUN[:WxH] ...]   (WxH: the bundle's canvas)
//
// For each run: the bundle is exported (with its parity check), a 640x480 Motion-JPEG video is made
// from the run's project images (letterboxed, cycled), and the same frames are written as JPEG files.
// Each program is timed on 1 frame and on all of them; the steady rate is (F - 1) / (T(F) - T(1)), so
// start-up and model loading (LibTorch's is seconds) are not counted. One thread for neither: both
// use the machine as they do by default.

#include "project/project.h"
#include "train/modelexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace visor;

namespace {

QTextStream out(stdout);

double timed(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitCode() != 0)
        qFatal("%s failed", qPrintable(program));
    return double(t.nsecsElapsed()) / 1e9;
}

cv::Mat letterbox(const cv::Mat &image)
{
    cv::Mat canvas(480, 640, CV_8UC3, cv::Scalar(0, 0, 0));
    const double s = std::min(640.0 / image.cols, 480.0 / image.rows);
    cv::Mat resized;
    cv::resize(image, resized, cv::Size(int(image.cols * s), int(image.rows * s)));
    resized.copyTo(canvas(cv::Rect((640 - resized.cols) / 2, (480 - resized.rows) / 2, resized.cols, resized.rows)));
    return canvas;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int frames = 200;
    if (args.size() >= 2 && args[0] == QLatin1String("--frames")) {
        frames = args[1].toInt();
        args = args.mid(2);
    }
    if (args.isEmpty() || frames < 2) {
        out << "usage: bench_edge [--frames N] DIR:RUN [DIR:RUN ...]\n";
        return 1;
    }
    const QString bin = QCoreApplication::applicationDirPath();
    const QString edge = bin + QStringLiteral("/visor-edge"), cli = bin + QStringLiteral("/visor-cli");
    out << QStringLiteral("%1 frames of 640x480 per run; steady rate = (F - 1) / (T(F) - T(1))\n").arg(frames);
    for (const QString &spec : args) {
        const QString dir = spec.section(QLatin1Char(':'), 0, 0);
        const qint64 run = spec.section(QLatin1Char(':'), 1, 1).toLongLong();
        QTemporaryDir tmp;
        auto project = Project::open(dir);
        train::ExportOptions o;
        o.folder = tmp.filePath(QStringLiteral("bundle"));
        o.split = Split::Test;
        if (const QString canvas = spec.section(QLatin1Char(':'), 2); !canvas.isEmpty()) {
            o.width = canvas.section(QLatin1Char('x'), 0, 0).toInt();
            o.height = canvas.section(QLatin1Char('x'), 1).toInt();
        }
        const train::ExportResult exported = train::exportModel(*project, run, o);

        std::vector<cv::Mat> pictures;
        for (const Example &e : project->examples()) {
            if (pictures.size() >= 50)
                break;
            const cv::Mat m = cv::imread(project->imagePath(e).toStdString(), cv::IMREAD_COLOR);
            if (!m.empty())
                pictures.push_back(letterbox(m));
        }
        const QString video = tmp.filePath(QStringLiteral("frames.avi")), one = tmp.filePath(QStringLiteral("one.avi"));
        cv::VideoWriter all(video.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25, cv::Size(640, 480));
        cv::VideoWriter first(one.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25, cv::Size(640, 480));
        QStringList files;
        QDir().mkpath(tmp.filePath(QStringLiteral("jpg")));
        for (int i = 0; i < frames; ++i) {
            const cv::Mat &f = pictures[size_t(i) % pictures.size()];
            all.write(f);
            if (i == 0)
                first.write(f);
            files << tmp.filePath(QStringLiteral("jpg/%1.jpg").arg(i, 5, 10, QLatin1Char('0')));
            cv::imwrite(files.back().toStdString(), f);
        }
        all.release();
        first.release();

        const double edgeOne = timed(edge, {o.folder, one, QStringLiteral("--no-feedback")});
        const double edgeAll = timed(edge, {o.folder, video, QStringLiteral("--no-feedback")});
        const QStringList base{QStringLiteral("predict"), dir, QString::number(run)};
        const double cliOne = timed(cli, base + QStringList{files.front()});
        const double cliAll = timed(cli, base + files);
        const double edgeFps = (frames - 1) / (edgeAll - edgeOne), cliFps = (frames - 1) / (cliAll - cliOne);
        out << QStringLiteral("%1 run %2 (%3, input %4x%5, model.onnx %6 MB):\n")
                   .arg(project->name())
                   .arg(run)
                   .arg(project->kind() == DatasetKind::ObjectDetection ? QStringLiteral("detection")
                                                                        : QStringLiteral("classification"))
                   .arg(exported.width)
                   .arg(exported.height)
                   .arg(double(exported.bytes) / 1e6, 0, 'f', 1)
            << QStringLiteral("  visor-edge          %1 frames/s  (start-up and one frame %2 s; all %3 s)\n")
                   .arg(edgeFps, 0, 'f', 1)
                   .arg(edgeOne, 0, 'f', 2)
                   .arg(edgeAll, 0, 'f', 2)
            << QStringLiteral("  visor-cli predict   %1 frames/s  (start-up and one frame %2 s; all %3 s)\n")
                   .arg(cliFps, 0, 'f', 1)
                   .arg(cliOne, 0, 'f', 2)
                   .arg(cliAll, 0, 'f', 2)
            << QStringLiteral("  parity: %1\n")
                   .arg(exported.parity.passed() ? QStringLiteral("equal") : QStringLiteral("NOT EQUAL"));
        out.flush();
    }
    return 0;
}
