#pragma once
/// Runs the engine's Trainer on a worker QThread and re-emits its hooks as queued signals carrying value
/// structs, so that pages never block and never touch the training thread's objects.

#include "project/parameters.h"
#include "train/trainer.h"

#include <QObject>
#include <QPointer>
#include <atomic>
#include <memory>

class QThread;

namespace visor {

struct OverfittingInfo {
    int beganAt = 0, detectedAt = 0;
    QString message;
    bool metricGap = false; // the train/validation quality gap widened (not the validation loss)
    QString metricName;
};

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override; // cancels a running run and waits for it

    /// Why the project in `projectDir` cannot train, or an empty string. Runs on the calling thread.
    static QString check(const QString &projectDir, const ParameterSet &parameters);

    /// Starts a run (or resumes `resumeRun`) of the project in `projectDir`. The worker opens its own
    /// connection to the project store: SQLite connections belong to the thread that opened them.
    bool start(const QString &projectDir, const ParameterSet &parameters, qint64 resumeRun = 0);
    void cancel(); // takes effect within one training step
    bool isRunning() const;

    /// For tests: train with this many threads (0: every core).
    void setThreads(int threads) { m_threads = threads; }

Q_SIGNALS:
    void started();
    void batchEnded(const visor::train::BatchInfo &info);
    void epochEnded(const visor::train::EpochMetrics &metrics);
    void checkpointSaved(const QString &path, bool best, int epoch);
    void learningRateReduced(int epoch, double rate);
    void overfittingSuspected(const visor::OverfittingInfo &info);
    void finished(const visor::train::RunSummary &summary); // finished, stopped early, cancelled, time limit
    void failed(const QString &message);
    void stopped(); // after finished() or failed(): the worker thread has ended

private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_threads = 0;
};

} // namespace visor

Q_DECLARE_METATYPE(visor::train::BatchInfo)
Q_DECLARE_METATYPE(visor::train::EpochMetrics)
Q_DECLARE_METATYPE(visor::train::RunSummary)
Q_DECLARE_METATYPE(visor::OverfittingInfo)
