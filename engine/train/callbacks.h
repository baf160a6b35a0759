#pragma once
/// Training callbacks driven by per-epoch metrics: early stopping, reduce learning rate on plateau,
/// best-checkpoint choice and the overfitting detector. Plain C++, no tensors: the trainer feeds them
/// and tests script them.

#include "project/parameters.h"

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace visor::train {

/// What one epoch measured. `metric` is accuracy (classification) or mAP@0.5 (detection).
struct EpochMetrics {
    int epoch = 0; // 1-based
    double loss = 0, valLoss = 0;
    double metric = 0, valMetric = 0;
    double learningRate = 0;
    double seconds = 0;
};

/// "epoch 3: loss 0.4123, val_loss 0.4420, map 0.8120, val_map 0.7980, lr 0.001, 41.2 s", with the
/// metric named `metricName` ("accuracy" or "map").
QString describe(const EpochMetrics &m, const QString &metricName);

enum class Mode { Min, Max };

/// The monitored quantity: "val_loss", "loss", "accuracy", "val_accuracy", "map", "val_map".
double monitoredValue(const EpochMetrics &m, const QString &key);
/// "auto" becomes max for accuracy and mAP, min for losses (the Keras rule).
Mode resolveMode(const QString &mode, const QString &key);

/// Keras EarlyStopping: stops after `patience` epochs without an improvement larger than min_delta.
class EarlyStopping {
public:
    EarlyStopping(QString key, int patience, double minDelta, Mode mode);
    static EarlyStopping fromParameters(const ParameterSet &p);
    /// Returns true when training should stop after this epoch.
    bool update(const EpochMetrics &m);
    double best() const { return m_best; }
    int bestEpoch() const { return m_bestEpoch; }
    int wait() const { return m_wait; }

private:
    QString m_key;
    int m_patience;
    double m_minDelta;
    Mode m_mode;
    double m_best;
    int m_bestEpoch = 0;
    int m_wait = 0;
};

/// Keras ReduceLROnPlateau: multiplies the learning rate by `factor` after `patience` epochs without
/// an improvement larger than min_delta, then waits `cooldown` epochs before counting again.
class ReduceLrOnPlateau {
public:
    ReduceLrOnPlateau(QString key, int patience, double minDelta, double factor, int cooldown, Mode mode,
                      double minLearningRate = 0);
    static ReduceLrOnPlateau fromParameters(const ParameterSet &p);
    /// The new learning rate when it is reduced after this epoch, nullopt otherwise.
    std::optional<double> update(const EpochMetrics &m);

private:
    QString m_key;
    int m_patience;
    double m_minDelta, m_factor;
    int m_cooldown;
    Mode m_mode;
    double m_minLr;
    double m_best;
    int m_wait = 0, m_cooldownLeft = 0;
};

/// Chooses the best checkpoint: true when this epoch's monitored value beats every earlier one.
class BestCheckpoint {
public:
    BestCheckpoint(QString key, Mode mode);
    static BestCheckpoint fromParameters(const ParameterSet &p);
    bool update(const EpochMetrics &m);
    int bestEpoch() const { return m_bestEpoch; }
    double best() const { return m_best; }

private:
    QString m_key;
    Mode m_mode;
    double m_best;
    int m_bestEpoch = 0;
};

/// Overfitting: validation loss rising for `window` consecutive epochs while training loss keeps
/// falling over the same epochs. Raised once, with the epoch where it began (the first epoch after the
/// validation minimum) and the losses as evidence.
class OverfittingDetector {
public:
    struct Event {
        /// Loss: validation loss rising while training loss falls. MetricGap: the validation quality
        /// falling while the training quality rises, the gap widening past 0.1 — validation loss can
        /// keep falling while validation mAP falls (a detector growing confident on the wrong boxes).
        enum class Kind { Loss, MetricGap } kind = Kind::Loss;
        int beganAt = 0; // first epoch of the rise
        int detectedAt = 0;
        std::vector<double> loss, valLoss;     // from the validation minimum to detection
        std::vector<double> metric, valMetric; // MetricGap: from the validation maximum to detection
        QString metricName;                    // "mAP", "accuracy"
        QString message() const;
        QJsonObject toJson() const;
    };
    /// `metricName` names the quality in messages ("mAP", "accuracy").
    explicit OverfittingDetector(int window = 3, QString metricName = QStringLiteral("quality"));
    /// Each kind is raised once per run.
    std::optional<Event> update(const EpochMetrics &m);
    bool raised() const { return m_lossRaised || m_gapRaised; }
    static constexpr double kMinGap = 0.1; // train minus validation quality at detection

private:
    std::optional<Event> lossRule();
    std::optional<Event> gapRule();
    int m_window;
    QString m_metricName;
    std::vector<EpochMetrics> m_history;
    bool m_lossRaised = false, m_gapRaised = false;
};

/// A time limit as a prediction: another epoch starts only when it, and the final test after it, still
/// fit in what is left. The next epoch is predicted as the longest of the last three (epochs vary with
/// the machine's load; erring long ends a run a little early rather than late).
class TimeBudget {
public:
    explicit TimeBudget(double limitSeconds) : m_limit(limitSeconds) {}
    bool limited() const { return m_limit > 0; }
    double limit() const { return m_limit; }
    void epochEnded(double seconds);
    double predictedEpochSeconds() const;
    /// Whether one more epoch and then `finalSeconds` (the test) fit when `elapsed` seconds are spent.
    bool nextEpochFits(double elapsed, double finalSeconds) const;

private:
    double m_limit;
    std::vector<double> m_epochs;
};

} // namespace visor::train
