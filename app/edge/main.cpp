// visor-edge: an exported model bundle on a video file, a camera, a stream or an image folder, with
// OpenCV (core, imgproc, imgcodecs, videoio, dnn) and QtCore alone: no LibTorch, no widgets, so that
// it installs on a camera box. Writes one JSON line per processed frame and keeps the frames the
// model found hard in DIR/feedback/ for `visor-cli import`.

#include "export/feedback.h"
#include "export/runtime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <csignal>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <optional>

using namespace visor;

namespace {

enum ExitCode { Ok = 0, Usage = 1, DataError = 2 };

volatile std::sig_atomic_t g_stop = 0;
extern "C" void onInterrupt(int)
{
    g_stop = 1;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(int code, const QString &message)
{
    err() << "visor-edge: " << message << "\n";
    err().flush();
    return code;
}

/// Frames from a video file, a camera index, a stream URL or an image folder.
class Source {
public:
    /// Empty string when it opened; otherwise why not.
    QString open(const QString &spec)
    {
        m_spec = spec;
        if (QFileInfo(spec).isDir()) {
            QDir dir(spec);
            for (const QString &f : dir.entryList(QDir::Files, QDir::Name))
                if (QStringList{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                QStringLiteral("bmp"), QStringLiteral("tif"), QStringLiteral("tiff"),
                                QStringLiteral("webp")}
                        .contains(QFileInfo(f).suffix().toLower()))
                    m_files << dir.filePath(f);
            if (m_files.isEmpty())
                return QStringLiteral("%1: a folder without images").arg(spec);
            m_folder = true;
            return {};
        }
        bool isIndex = false;
        const int index = spec.toInt(&isIndex);
        if (isIndex) {
            m_camera = true;
            if (!m_capture.open(index))
                return QStringLiteral("camera %1 cannot be opened (no such device, or it is busy)").arg(index);
        } else {
            if (!spec.contains(QStringLiteral("://")) && !QFileInfo::exists(spec))
                return QStringLiteral("%1: no such file").arg(spec);
            if (!m_capture.open(spec.toStdString()))
                return QStringLiteral("%1: OpenCV cannot open it as a video or stream").arg(spec);
        }
        m_fps = m_capture.get(cv::CAP_PROP_FPS);
        return {};
    }

    /// The next frame (empty at the end), its time in seconds and, for folders, its file.
    cv::Mat next(double *seconds, QString *file)
    {
        cv::Mat frame;
        if (m_folder) {
            while (frame.empty() && m_next < m_files.size()) {
                *file = m_files[m_next++];
                frame = cv::imread(QFile::encodeName(*file).toStdString(), cv::IMREAD_COLOR);
                if (frame.empty())
                    err() << "visor-edge: " << *file << ": not an image OpenCV can read; skipped\n";
            }
            *seconds = m_clock.isValid() ? m_clock.elapsed() / 1000.0 : (m_clock.start(), 0.0);
            return frame;
        }
        if (!m_capture.read(frame))
            return {};
        if (!m_clock.isValid())
            m_clock.start();
        const double ms = m_capture.get(cv::CAP_PROP_POS_MSEC);
        *seconds = m_camera || ms <= 0 ? m_clock.elapsed() / 1000.0 : ms / 1000.0;
        return frame;
    }
    double fps() const { return m_fps > 0 && m_fps < 1000 ? m_fps : 10; }
    QJsonObject describe() const
    {
        return {{QStringLiteral("source"), m_spec},
                {QStringLiteral("type"), m_folder   ? QStringLiteral("folder")
                                         : m_camera ? QStringLiteral("camera")
                                                    : QStringLiteral("video")}};
    }

private:
    QString m_spec;
    cv::VideoCapture m_capture;
    QStringList m_files;
    int m_next = 0;
    bool m_folder = false, m_camera = false;
    double m_fps = 0;
    QElapsedTimer m_clock;
};

void draw(cv::Mat &frame, const deploy::Result &r, const deploy::Bundle &b)
{
    auto colour = [&](int label) {
        const QString hex = b.colours.value(label);
        const uint rgb = hex.mid(1).toUInt(nullptr, 16);
        return cv::Scalar(rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
    };
    if (!b.detection()) {
        if (r.label >= 0)
            cv::putText(frame,
                        QStringLiteral("%1 %2")
                            .arg(b.classes.value(r.label))
                            .arg(r.probabilities[size_t(r.label)], 0, 'f', 2)
                            .toStdString(),
                        {8, 24}, cv::FONT_HERSHEY_SIMPLEX, 0.7, colour(r.label), 2);
        return;
    }
    for (const deploy::Detection &d : r.detections) {
        const cv::Point a(int(d.box[0]), int(d.box[1])), z(int(d.box[2]), int(d.box[3]));
        cv::rectangle(frame, a, z, colour(d.label), 2);
        cv::putText(frame, QStringLiteral("%1 %2").arg(b.classes.value(d.label)).arg(d.score, 0, 'f', 2).toStdString(),
                    {a.x, std::max(12, a.y - 4)}, cv::FONT_HERSHEY_SIMPLEX, 0.45, colour(d.label), 1);
    }
}

struct Options {
    int every = 1;
    qint64 maxFrames = -1;
    double threshold = -1;
    deploy::FeedbackOptions feedback;
    bool collect = true;
};

std::optional<QString> parseOptions(const QCommandLineParser &p, Options &o)
{
    bool ok = true;
    auto number = [&](const char *name, double low, double high, double *value) -> bool {
        if (!p.isSet(QLatin1String(name)))
            return true;
        *value = p.value(QLatin1String(name)).toDouble(&ok);
        return ok && *value >= low && *value <= high;
    };
    double every = 1, frames = -1, perMinute = 6, megabytes = 1024, sample = 0, band = 0.15;
    if (!number("every", 1, 1e6, &every))
        return QStringLiteral("--every must be a whole number of at least 1");
    if (!number("frames", 1, 1e12, &frames))
        return QStringLiteral("--frames must be a positive number");
    if (!number("threshold", 0, 1, &o.threshold))
        return QStringLiteral("--threshold must be a number between 0 and 1");
    if (!number("sample", 0, 1, &sample))
        return QStringLiteral("--sample must be a rate between 0 and 1");
    if (!number("band", 0, 1, &band))
        return QStringLiteral("--band must be a number between 0 and 1");
    if (!number("max-per-minute", 0, 6000, &perMinute))
        return QStringLiteral("--max-per-minute must be a number from 0 to 6000");
    if (!number("max-feedback-mb", 1, 1e7, &megabytes))
        return QStringLiteral("--max-feedback-mb must be at least 1");
    o.every = int(every);
    o.maxFrames = qint64(frames);
    o.feedback.sampleRate = sample;
    o.feedback.band = band;
    o.feedback.maxPerMinute = int(perMinute);
    o.feedback.maxBytes = qint64(megabytes * 1024 * 1024);
    o.collect = !p.isSet(QStringLiteral("no-feedback"));
    return std::nullopt;
}

QJsonObject frameLine(qint64 frame, double seconds, const QString &file, const deploy::Result &r,
                      const deploy::Bundle &b, const QStringList &kept)
{
    QJsonObject o = deploy::predictionsJson(r, b);
    o.insert(QStringLiteral("frame"), frame);
    o.insert(QStringLiteral("time"), seconds);
    if (!file.isEmpty())
        o.insert(QStringLiteral("file"), file);
    if (!kept.isEmpty())
        o.insert(QStringLiteral("feedback"), QJsonArray::fromStringList(kept));
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("visor-edge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VISOR_VERSION));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Runs a Visor model bundle (visor-cli export-model) on a video file, a camera index, a stream URL or an\n"
        "image folder. Prints one JSON line per processed frame (or writes DIR/predictions.jsonl) and keeps the\n"
        "frames worth a person's look in DIR/feedback/ (uncertain, unstable or sampled), for visor-cli import.\n"
        "Exit codes: 0 success, 1 usage error, 2 data error (bundle, source)."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("BUNDLE"), QStringLiteral("the folder export-model wrote"));
    p.addPositionalArgument(QStringLiteral("SOURCE"),
                            QStringLiteral("video file, camera index, stream URL or image folder"));
    p.addOptions({
        {QStringLiteral("out"),
         QStringLiteral("write predictions.jsonl and feedback/ here (else lines go to stdout, no feedback)"),
         QStringLiteral("DIR")},
        {QStringLiteral("every"), QStringLiteral("process every N-th frame (default 1)"), QStringLiteral("N")},
        {QStringLiteral("frames"), QStringLiteral("stop after N frames read"), QStringLiteral("N")},
        {QStringLiteral("threshold"), QStringLiteral("lowest score reported (default: the bundle's)"),
         QStringLiteral("T")},
        {QStringLiteral("video"), QStringLiteral("also write the annotated frames as a video (.mp4 or .avi)"),
         QStringLiteral("OUT")},
        {QStringLiteral("show"),
         QStringLiteral("show the annotated frames in a window (not in this build: see --help)")},
        {QStringLiteral("sample"), QStringLiteral("feedback: also keep this fraction of frames at random (e.g. 0.01)"),
         QStringLiteral("RATE")},
        {QStringLiteral("band"),
         QStringLiteral("feedback: uncertain means a score within threshold +- B (default 0.15)"), QStringLiteral("B")},
        {QStringLiteral("max-per-minute"), QStringLiteral("feedback: at most M frames a minute (default 6)"),
         QStringLiteral("M")},
        {QStringLiteral("max-feedback-mb"),
         QStringLiteral("feedback: the folder's cap; the oldest go first (default 1024)"), QStringLiteral("MB")},
        {QStringLiteral("no-feedback"), QStringLiteral("keep no feedback frames")},
    });
    p.process(app);
    const QStringList args = p.positionalArguments();
    if (args.size() != 2)
        return fail(Usage, QStringLiteral("expects BUNDLE SOURCE (got %1 argument(s)); see --help").arg(args.size()));
    if (p.isSet(QStringLiteral("show")))
        return fail(Usage, QStringLiteral("--show needs OpenCV's highgui, which this package leaves out to stay small "
                                          "on camera boxes; write the annotated frames with --video OUT.mp4"));
    Options o;
    if (const auto problem = parseOptions(p, o))
        return fail(Usage, *problem);

    std::optional<deploy::Runtime> runtime;
    try {
        runtime.emplace(deploy::loadBundle(args[0]));
    } catch (const deploy::BundleError &e) {
        return fail(DataError, e.message());
    }
    const deploy::Bundle &bundle = runtime->bundle();
    const double threshold = o.threshold >= 0 ? o.threshold : bundle.threshold;
    o.feedback.threshold = threshold;

    Source source;
    if (const QString why = source.open(args[1]); !why.isEmpty())
        return fail(DataError, why);

    QFile lines;
    std::optional<deploy::FeedbackCollector> feedback;
    if (p.isSet(QStringLiteral("out"))) {
        const QString dir = p.value(QStringLiteral("out"));
        if (!QDir().mkpath(dir))
            return fail(DataError, QStringLiteral("%1: cannot be created").arg(dir));
        lines.setFileName(QDir(dir).filePath(QStringLiteral("predictions.jsonl")));
        if (!lines.open(QIODevice::WriteOnly | QIODevice::Append))
            return fail(DataError, QStringLiteral("%1: %2").arg(lines.fileName(), lines.errorString()));
        if (o.collect)
            feedback.emplace(QDir(dir).filePath(QStringLiteral("feedback")), bundle, o.feedback);
    } else if (!lines.open(stdout, QIODevice::WriteOnly)) {
        return fail(DataError, QStringLiteral("cannot write to standard output"));
    }
    cv::VideoWriter video;
    const QString videoPath = p.value(QStringLiteral("video"));

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QElapsedTimer clock;
    clock.start();
    qint64 read = 0, processed = 0;
    double networkMs = 0;
    // Feedback sees every prediction down to threshold - band; lines report those at the threshold.
    const double lowest = feedback ? std::max(0.0, threshold - o.feedback.band) : threshold;
    while (!g_stop && (o.maxFrames < 0 || read < o.maxFrames)) {
        double seconds = 0;
        QString file;
        cv::Mat frame = source.next(&seconds, &file);
        if (frame.empty())
            break;
        const qint64 number = read++;
        if (number % o.every != 0)
            continue;
        ++processed;
        QElapsedTimer t;
        t.start();
        deploy::Result all;
        try {
            all = runtime->run(frame, lowest);
        } catch (const deploy::BundleError &e) {
            return fail(DataError, e.message());
        }
        networkMs += double(t.nsecsElapsed()) / 1e6;
        const deploy::Result shown = deploy::reported(all, threshold);
        QJsonObject where = source.describe();
        if (!file.isEmpty())
            where.insert(QStringLiteral("file"), file);
        const QStringList kept = feedback ? feedback->consider(frame, number, seconds, all, where) : QStringList();
        lines.write(
            QJsonDocument(frameLine(number, seconds, file, shown, bundle, kept)).toJson(QJsonDocument::Compact) + '\n');
        lines.flush();
        if (!videoPath.isEmpty()) {
            if (!video.isOpened()) {
                const bool avi = videoPath.endsWith(QStringLiteral(".avi"), Qt::CaseInsensitive);
                const int fourcc =
                    avi ? cv::VideoWriter::fourcc('M', 'J', 'P', 'G') : cv::VideoWriter::fourcc('m', 'p', '4', 'v');
                if (!video.open(videoPath.toStdString(), fourcc, source.fps() / o.every, frame.size()))
                    return fail(DataError,
                                QStringLiteral("%1: OpenCV cannot write this video (try .avi)").arg(videoPath));
            }
            cv::Mat annotated = frame.clone();
            draw(annotated, shown, bundle);
            video.write(annotated);
        }
    }
    const double wall = clock.elapsed() / 1000.0;
    err() << QStringLiteral("visor-edge: %1 frame(s) read, %2 processed in %3 s (%4 frames/s; network %5 ms a frame)\n")
                 .arg(read)
                 .arg(processed)
                 .arg(wall, 0, 'f', 1)
                 .arg(wall > 0 ? processed / wall : 0.0, 0, 'f', 1)
                 .arg(processed ? networkMs / processed : 0.0, 0, 'f', 1);
    if (feedback)
        for (const auto &[why, n] : feedback->counts())
            err() << "  feedback " << why << ": " << n << "\n";
    err().flush();
    return Ok;
}
