#include "feedback.h"
#include "imagehash.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <algorithm>
#include <opencv2/imgcodecs.hpp>

namespace visor::deploy {
namespace {

double iou(const Detection &a, const Detection &b)
{
    const float w = std::min(a.box[2], b.box[2]) - std::max(a.box[0], b.box[0]);
    const float h = std::min(a.box[3], b.box[3]) - std::max(a.box[1], b.box[1]);
    if (w <= 0 || h <= 0)
        return 0;
    const double inter = double(w) * h;
    const double areaA = double(a.box[2] - a.box[0]) * (a.box[3] - a.box[1]);
    const double areaB = double(b.box[2] - b.box[0]) * (b.box[3] - b.box[1]);
    return inter / (areaA + areaB - inter);
}

/// Whether every object of `a` is in `b`: the same class at IoU 0.3 (a box that moved with the object
/// between two frames still overlaps it that much).
bool allFound(const std::vector<Detection> &a, const std::vector<Detection> &b)
{
    for (const Detection &x : a) {
        bool found = false;
        for (const Detection &y : b)
            found = found || (x.label == y.label && iou(x, y) >= 0.3);
        if (!found)
            return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
}

} // namespace

Result reported(const Result &result, double threshold)
{
    Result r = result;
    r.detections.clear();
    for (const Detection &d : result.detections)
        if (d.score >= threshold)
            r.detections.push_back(d);
    return r;
}

QJsonObject predictionsJson(const Result &r, const Bundle &b)
{
    if (!b.detection()) {
        QJsonArray scores;
        for (float p : r.probabilities)
            scores.append(double(p));
        return {{QStringLiteral("class"), b.classes.value(r.label)},
                {QStringLiteral("score"), r.label >= 0 ? double(r.probabilities.at(size_t(r.label))) : 0.0},
                {QStringLiteral("scores"), scores}};
    }
    QJsonArray boxes;
    for (const Detection &d : r.detections)
        boxes.append(QJsonObject{{QStringLiteral("box"), QJsonArray{d.box[0], d.box[1], d.box[2], d.box[3]}},
                                 {QStringLiteral("class"), b.classes.value(d.label)},
                                 {QStringLiteral("score"), double(d.score)}});
    return {{QStringLiteral("boxes"), boxes}};
}

FeedbackCollector::FeedbackCollector(const QString &folder, const Bundle &bundle, FeedbackOptions options)
    : m_folder(folder), m_bundle(bundle), m_options(options), m_random(options.seed)
{
    QDir().mkpath(folder);
}

QStringList FeedbackCollector::reasons(const Result &current, const Result &previous, bool havePrevious)
{
    QStringList why;
    const double t = m_options.threshold, band = m_options.band;
    bool uncertain = false;
    if (m_bundle.detection()) {
        for (const Detection &d : current.detections)
            uncertain = uncertain || std::abs(d.score - t) <= band;
    } else if (current.label >= 0) {
        uncertain = std::abs(current.probabilities.at(size_t(current.label)) - t) <= band;
    }
    if (uncertain)
        why << QStringLiteral("uncertain");
    if (havePrevious) {
        const Result now = reported(current, t), before = reported(previous, t);
        const bool unstable = m_bundle.detection() ? !allFound(now.detections, before.detections) ||
                                                         !allFound(before.detections, now.detections)
                                                   : now.label != before.label;
        if (unstable)
            why << QStringLiteral("unstable");
    }
    if (m_options.sampleRate > 0 && std::uniform_real_distribution<double>(0, 1)(m_random) < m_options.sampleRate)
        why << QStringLiteral("sampled");
    return why;
}

bool FeedbackCollector::rateAllows(double seconds)
{
    while (!m_keptTimes.empty() && m_keptTimes.front() <= seconds - 60)
        m_keptTimes.pop_front();
    return int(m_keptTimes.size()) < m_options.maxPerMinute;
}

// A 64-bit dHash barely sees an object a tenth of the frame wide: the frame where it vanished hashes
// like the one where it was. So a near duplicate must also have reported the same classes.
bool FeedbackCollector::nearDuplicate(quint64 hash, const std::vector<int> &signature) const
{
    for (const auto &[h, reportedClasses] : m_kept)
        if (hashDistance(h, hash) <= m_options.duplicateBits && reportedClasses == signature)
            return true;
    return false;
}

QStringList FeedbackCollector::consider(const cv::Mat &frame, qint64 frameNumber, double seconds, const Result &result,
                                        const QJsonObject &source)
{
    QStringList why = reasons(result, m_previous, m_havePrevious);
    m_previous = result;
    m_havePrevious = true;
    if (why.isEmpty())
        return why;
    if (!rateAllows(seconds)) {
        ++m_counts[QStringLiteral("skipped: rate limit")];
        return {};
    }
    const quint64 hash = differenceHash(frame);
    std::vector<int> signature; // the classes reported, sorted (classification: the class)
    const Result shown = reported(result, m_options.threshold);
    for (const Detection &d : shown.detections)
        signature.push_back(d.label);
    if (!m_bundle.detection())
        signature.push_back(result.label);
    std::sort(signature.begin(), signature.end());
    if (nearDuplicate(hash, signature)) {
        ++m_counts[QStringLiteral("skipped: near duplicate")];
        return {};
    }
    write(frame, frameNumber, seconds, result, why, source);
    m_keptTimes.push_back(seconds);
    m_kept.emplace_back(hash, std::move(signature));
    if (int(m_kept.size()) > m_options.recentFrames)
        m_kept.pop_front();
    for (const QString &r : why)
        ++m_counts[r];
    enforceCap();
    return why;
}

void FeedbackCollector::write(const cv::Mat &frame, qint64 frameNumber, double seconds, const Result &result,
                              const QStringList &why, const QJsonObject &source)
{
    const QString stem = QStringLiteral("frame_%1_%2")
                             .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'hhmmsszzz")))
                             .arg(frameNumber, 8, 10, QLatin1Char('0'));
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", frame, jpeg, {cv::IMWRITE_JPEG_QUALITY, 95});
    const QDir dir(m_folder);
    QJsonObject o{{QLatin1String(kFeedbackKey), 1},
                  {QStringLiteral("image"), stem + QStringLiteral(".jpg")},
                  {QStringLiteral("width"), frame.cols},
                  {QStringLiteral("height"), frame.rows},
                  {QStringLiteral("frame"), frameNumber},
                  {QStringLiteral("time"), seconds},
                  {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("reasons"), QJsonArray::fromStringList(why)},
                  {QStringLiteral("kind"), m_bundle.kind},
                  {QStringLiteral("threshold"), m_options.threshold},
                  {QStringLiteral("band"), m_options.band},
                  {QStringLiteral("source"), source},
                  {QStringLiteral("model"), m_bundle.extra.value(QStringLiteral("run"))},
                  {QStringLiteral("predictions"), predictionsJson(result, m_bundle)}};
    // The image first: a JSON without its image is never left behind.
    if (!writeFile(dir.filePath(stem + QStringLiteral(".jpg")),
                   QByteArray(reinterpret_cast<const char *>(jpeg.data()), qsizetype(jpeg.size()))) ||
        !writeFile(dir.filePath(stem + QStringLiteral(".json")), QJsonDocument(o).toJson(QJsonDocument::Indented)))
        ++m_counts[QStringLiteral("not written (disk)")];
}

void FeedbackCollector::enforceCap()
{
    QFileInfoList files = QDir(m_folder).entryInfoList({QStringLiteral("frame_*.jpg")}, QDir::Files, QDir::Name);
    qint64 total = 0;
    for (const QFileInfo &f : files)
        total +=
            f.size() + QFileInfo(f.path() + QLatin1Char('/') + f.completeBaseName() + QStringLiteral(".json")).size();
    // Names start with the time they were saved: name order is age order.
    for (const QFileInfo &f : files) {
        if (total <= m_options.maxBytes)
            break;
        const QString json = f.path() + QLatin1Char('/') + f.completeBaseName() + QStringLiteral(".json");
        total -= f.size() + QFileInfo(json).size();
        QFile::remove(json);
        QFile::remove(f.filePath());
        ++m_counts[QStringLiteral("removed: folder cap")];
    }
}

} // namespace visor::deploy
