#pragma once
/// The frames a deployed model found hard, kept for a person's look (visor-edge's feedback/ folder):
/// a JPEG and a JSON with the model's predictions and why it was kept. `visor-cli import` reads such
/// a folder back as new examples whose predictions become proposals. QtCore and OpenCV only.

#include "runtime.h"

#include <QJsonObject>
#include <QString>
#include <deque>
#include <random>

namespace visor::deploy {

struct FeedbackOptions {
    double threshold = 0.5;            // the score a prediction is reported at
    double band = 0.15;                // uncertain: a score within threshold +- band
    double sampleRate = 0;             // random: this fraction of processed frames
    int maxPerMinute = 6;              // at most this many kept frames in any minute of the source's time
    int duplicateBits = 6;             // a frame within this dHash distance of a recently kept one is skipped
    int recentFrames = 16;             // ... of this many recently kept ones
    qint64 maxBytes = qint64(1) << 30; // the folder's cap: the oldest kept frames go first
    quint32 seed = 1;
};

/// The marker a feedback JSON carries (and the import looks for), and its version.
constexpr const char *kFeedbackKey = "visor_feedback";

/// Why a frame was kept: "uncertain", "unstable", "sampled"; empty when it was not.
class FeedbackCollector {
public:
    /// `folder` is created when missing; files already in it count toward the cap.
    FeedbackCollector(const QString &folder, const Bundle &bundle, FeedbackOptions options);
    /// Considers one processed frame (`result` holds every prediction down to threshold - band, in
    /// the frame's pixels). Returns the reasons it was kept for (and writes it), or an empty list.
    QStringList consider(const cv::Mat &frame, qint64 frameNumber, double seconds, const Result &result,
                         const QJsonObject &source);
    /// Reasons counted over all frames kept so far, and frames skipped by each limit.
    const std::map<QString, int> &counts() const { return m_counts; }

    /// The reasons alone, without writing: for tests and for visor-edge's own counting.
    QStringList reasons(const Result &current, const Result &previous, bool havePrevious);

private:
    bool rateAllows(double seconds);
    bool nearDuplicate(quint64 hash, const std::vector<int> &signature) const;
    void write(const cv::Mat &frame, qint64 frameNumber, double seconds, const Result &result,
               const QStringList &reasons, const QJsonObject &source);
    void enforceCap();

    QString m_folder;
    Bundle m_bundle;
    FeedbackOptions m_options;
    std::mt19937 m_random;
    Result m_previous;
    bool m_havePrevious = false;
    std::deque<double> m_keptTimes;
    std::deque<std::pair<quint64, std::vector<int>>> m_kept; // hash and what was reported, of recent kept frames
    std::map<QString, int> m_counts;
};

/// The predictions of `result` at or above `threshold` (what is reported).
Result reported(const Result &result, double threshold);
/// One prediction list as JSON: [{"box": [x1, y1, x2, y2], "class", "score"}] or {"class", "score", "scores"}.
QJsonObject predictionsJson(const Result &result, const Bundle &bundle);

} // namespace visor::deploy
