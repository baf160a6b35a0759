#pragma once
/// The trainer: runs a training run of the project's network on its training split, reporting through
/// plain C++ hooks (the GUI wraps them in queued signals), with callbacks, checkpoints and resume.

#include "callbacks.h"
#include "project/project.h"
#include "runs.h"

#include <QJsonObject>
#include <atomic>
#include <memory>

namespace visor::train {

struct BatchInfo {
    int epoch = 0, step = 0, stepsPerEpoch = 0, epochs = 0;
    double loss = 0;         // this step
    double smoothedLoss = 0; // exponential moving average (0.9)
    double learningRate = 0;
    double elapsedSeconds = 0, etaSeconds = 0;
};

struct RunSummary {
    qint64 runId = 0;
    QString folder;
    QString status; // finished, stopped_early, time_limit, cancelled, failed
    QString message;
    int epochs = 0;
    int bestEpoch = 0;
    std::vector<EpochMetrics> history;
    QJsonObject testMetrics;
    double seconds = 0;
};

/// Named hooks, called on the training thread. Override what you need.
class TrainHooks {
public:
    virtual ~TrainHooks() = default;
    virtual void batchEnd(const BatchInfo &) {}
    virtual void epochEnd(const EpochMetrics &) {}
    virtual void checkpointSaved(const QString & /*path*/, bool /*best*/) {}
    virtual void learningRateReduced(int /*epoch*/, double /*rate*/) {}
    virtual void overfittingSuspected(const OverfittingDetector::Event &) {}
    virtual void finished(const RunSummary &) {}
    virtual void failed(const QString & /*message*/) {}
};

struct TrainOptions {
    ParameterSet parameters; // validated; usually the project's, with overrides
    quint64 seed = 1;
    int threads = 0;             // torch and data threads; 0: every core
    bool allowCuda = true;       // train on a CUDA device when LibTorch sees one
    qint64 resumeRun = 0;        // continue this run from its last checkpoint
    double timeLimitSeconds = 0; // no epoch starts unless it and the final test fit within this (0: train.time_limit)
    int nanAtGlobalStep = -1;    // fault injection for tests: the loss of this step (0-based) becomes NaN
};

/// Makes the C allocator keep big blocks for reuse and serve every thread from one arena: training
/// allocates and frees tens to hundreds of MB of activations per step, from the training thread and
/// from LibTorch's worker threads, and glibc's defaults hand each such block back to the kernel
/// (a fresh mmap, page faults, zeroing; or a per-thread arena too small to hold it). Measured on objdet
/// vgg7 at 320x240: 4.9 -> 7.7 images/s. Call it at the start of main(), before threads are created; the
/// trainer calls it too (idempotent), which covers threads created after that point.
void configureAllocator();

class Trainer {
public:
    Trainer(Project &project, TrainOptions options);
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    /// Empty when the project can train; otherwise why not (fewer than 10 annotated examples with how
    /// many more are needed, a class absent from the training split, an unsupported kind).
    QString check() const;

    /// Trains to the end, an early stop, a cancel (checked every step) or a failure. Never throws:
    /// failures end in status "failed" with a message, the last good checkpoint kept.
    RunSummary run(TrainHooks &hooks, const std::atomic<bool> &cancel);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace visor::train
