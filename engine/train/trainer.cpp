#include "trainer.h"
#include "augment/augmenter.h"
#include "balance.h"
#include "dataset_p.h"
#include "nn/backend.h"
#include "project/fileio.h"
#include "project/statistics.h"
#include "runs.h"
#include "task_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <future>
#include <malloc.h>
#include <map>
#include <mutex>
#include <opencv2/core/utility.hpp>
#include <random>
#include <thread>
#include <torch/torch.h>

namespace visor::train {
namespace {

constexpr int kWarmupSteps = 50; // linear warm-up of the learning rate: from scratch, the first steps are rough

std::vector<int64_t> permutation(size_t n, quint64 seed, quint64 epoch, quint64 pass)
{
    std::vector<int64_t> p(n);
    std::iota(p.begin(), p.end(), 0);
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL ^ (epoch << 20) ^ pass);
    std::shuffle(p.begin(), p.end(), rng);
    return p;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

void writeJson(const QString &path, const QJsonObject &o)
{
    fileio::writeAtomically(path, QJsonDocument(o).toJson());
}

// train.class_balance: the sampling weights of the training examples (empty: a plain shuffle), or the
// task's loss weights. Recorded as a run event with the numbers, so the run says what it did.
std::vector<double> setUpBalance(const ParameterSet &p, DatasetKind kind, const SplitData &train, int classes,
                                 Task &task, RunStore &store, qint64 run, int epoch)
{
    const ClassBalance mode = parseClassBalance(p.toString(QStringLiteral("train.class_balance")));
    if (mode == ClassBalance::None)
        return {};
    const bool detection = kind == DatasetKind::ObjectDetection;
    auto forClasses = [&](size_t i, const std::function<void(int)> &f) { // the classes of example i
        if (!detection && train.labels[i] >= 0)
            f(train.labels[i]);
        else if (detection)
            for (const Box &b : train.boxes[i])
                f(int(b.classId));
    };
    QJsonArray numbers;
    std::vector<double> sampling;
    if (mode == ClassBalance::Sampling) {
        sampling = sampleWeights(kind, train.labels, train.boxes, classes);
        std::vector<double> share(size_t(classes), 0.0); // expected share of draws per class, as evidence
        double total = 0;
        for (size_t i = 0; i < sampling.size(); ++i)
            forClasses(i, [&](int c) {
                share[size_t(c)] += sampling[i];
                total += sampling[i];
            });
        for (double v : share)
            numbers.append(total > 0 ? v / total : 0.0);
    } else {
        std::vector<qint64> counts(size_t(classes), 0);
        for (size_t i = 0; i < train.images.size(); ++i)
            forClasses(i, [&](int c) { ++counts[size_t(c)]; });
        const std::vector<double> weights = classLossWeights(counts);
        task.setClassWeights(weights);
        for (double v : weights)
            numbers.append(v);
    }
    store.addEvent(
        run, epoch, QStringLiteral("class_balance"),
        {{QStringLiteral("mode"), p.toString(QStringLiteral("train.class_balance"))},
         {mode == ClassBalance::Sampling ? QStringLiteral("class_share") : QStringLiteral("class_weights"), numbers}});
    return sampling;
}

// An empty validation split would make validation figures training figures, and early stopping, the best
// checkpoint and the learning-rate schedule follow them blindly: this run holds out its own, a seeded
// share of the training examples (train.val_fraction, at most 100, at most a fifth). Returns how many.
int holdOutValidation(SplitData &train, SplitData &val, double fraction, quint64 seed)
{
    const size_t n = train.images.size();
    if (!val.images.empty() || n < 20)
        return 0;
    const size_t k = std::clamp<size_t>(size_t(std::lround(fraction * double(n))), 2, std::min<size_t>(100, n / 5));
    std::vector<int64_t> order = permutation(n, seed, 0, 0x7a1);
    std::vector<char> held(n, 0);
    for (size_t i = 0; i < k; ++i)
        held[size_t(order[i])] = 1;
    SplitData kept;
    const bool boxes = !train.boxes.empty();
    for (size_t i = 0; i < n; ++i) {
        SplitData &to = held[i] ? val : kept;
        to.ids.push_back(train.ids[i]);
        to.images.push_back(train.images[i]);
        to.labels.push_back(train.labels[i]);
        if (boxes)
            to.boxes.push_back(train.boxes[i]);
    }
    kept.problems = train.problems;
    train = std::move(kept);
    return int(k);
}

qint64 labelledIn(const Project &project, Split split)
{
    qint64 n = 0;
    for (const Example &e : project.examples())
        n += e.split == split && e.labelled;
    return n;
}

} // namespace

void configureAllocator()
{
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_ARENA_MAX, 1);
        mallopt(M_MMAP_THRESHOLD, 1 << 30);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
    });
}

struct Trainer::Private {
    Project &project;
    TrainOptions options;
};

Trainer::Trainer(Project &project, TrainOptions options) : d(new Private{project, std::move(options)}) {}
Trainer::~Trainer() = default;

QString Trainer::check() const
{
    const DatasetStatistics st = computeStatistics(d->project);
    for (const HealthWarning &w : st.warnings)
        if (w.code == QLatin1String("too_few_examples") || w.code == QLatin1String("class_missing_in_train"))
            return w.message;
    int trained = 0;
    for (const ClassStatistics &c : st.classes)
        trained += c.examples.counts[size_t(Split::Train)] > 0;
    const int needed = d->project.kind() == DatasetKind::Classification ? 2 : 1;
    if (trained < needed)
        return needed == 2 ? QCoreApplication::translate(
                                 "visor::Trainer",
                                 "training a classifier needs at least two classes with examples in the training split")
                           : QCoreApplication::translate(
                                 "visor::Trainer",
                                 "training a detector needs boxes of at least one class in the training split");
    return {};
}

RunSummary Trainer::run(TrainHooks &hooks, const std::atomic<bool> &cancel)
{
    configureAllocator();
    struct TrimAfterwards { // what the run kept for reuse goes back to the system when it ends
        ~TrimAfterwards() { malloc_trim(0); }
    } trim;
    RunSummary summary;
    QElapsedTimer clock;
    clock.start();
    RunStore store(d->project);
    std::optional<RunRecord> resumed; // the run as it was before a resume: a failed resume puts it back
    std::unique_ptr<RunLock> lock;
    auto fail = [&](const QString &message) {
        summary.status = QStringLiteral("failed");
        summary.message = message;
        if (resumed)
            store.restore(*resumed, message);
        else if (summary.runId)
            store.finish(summary.runId, summary.status, {}, message);
        hooks.failed(message);
        return summary;
    };
    try {
        if (const QString why = check(); !why.isEmpty())
            return fail(why);
        if (d->options.resumeRun) {
            // A resumed run continues the same curve: with the parameters it started with, not today's.
            // Only the number of epochs may grow, to extend a finished run.
            if (auto record = store.run(d->options.resumeRun)) {
                const int requested = d->options.parameters.toInt(QStringLiteral("train.epochs"));
                d->options.parameters =
                    ParameterSet::fromJson(record->parameters.value(QStringLiteral("parameters")).toObject());
                const int stored = d->options.parameters.toInt(QStringLiteral("train.epochs"));
                d->options.parameters.set(QStringLiteral("train.epochs"), std::max(stored, requested));
            }
        }
        const ParameterSet &p = d->options.parameters;
        const int threads = nn::trainingThreads(d->options.threads);
        torch::set_num_threads(threads); // LibTorch's default is half the cores
        cv::setNumThreads(1);            // augmentation is parallel per sample instead
        torch::manual_seed(d->options.seed);
        const torch::Device device = d->options.allowCuda && torch::cuda::is_available() ? torch::Device(torch::kCUDA)
                                                                                         : torch::Device(torch::kCPU);

        const std::vector<ClassInfo> classes = d->project.classes();
        std::map<qint64, int> classIndex;
        QJsonArray classNames;
        for (size_t i = 0; i < classes.size(); ++i) {
            classIndex[classes[i].id] = int(i);
            classNames.append(classes[i].name);
        }
        const int channels = p.toInt(QStringLiteral("input.channels"));
        const int minSide = p.toInt(QStringLiteral("input.min_side")),
                  maxSide = p.toInt(QStringLiteral("input.max_side"));
        QElapsedTimer loadClock;
        loadClock.start();
        SplitData train = loadSplit(d->project, Split::Train, channels, minSide, maxSide, classIndex, threads);
        SplitData val = loadSplit(d->project, Split::Val, channels, minSide, maxSide, classIndex, threads);
        const double loadPerImage = double(loadClock.nsecsElapsed()) / 1e9 /
                                    double(std::max<size_t>(1, train.images.size() + val.images.size()));
        const qint64 testCount = labelledIn(d->project, Split::Test);
        const int heldOut =
            holdOutValidation(train, val, p.toDouble(QStringLiteral("train.val_fraction")), d->options.seed);
        if (train.images.empty())
            return fail(QCoreApplication::translate("visor::Trainer", "no readable image in the training split"));

        std::unique_ptr<Task> task;
        try {
            task = d->project.kind() == DatasetKind::Classification
                       ? makeClassificationTask(p, int(classes.size()), device)
                       : makeDetectionTask(p, int(classes.size()), device);
        } catch (const std::invalid_argument &e) {
            return fail(QString::fromUtf8(e.what())); // names the parameter (backbone, strides, sizes)
        }
        const double baseLr = p.toDouble(QStringLiteral("optimizer.learning_rate"));
        torch::optim::Adam optimizer(task->parameters(), torch::optim::AdamOptions(baseLr)
                                                             .betas({p.toDouble(QStringLiteral("optimizer.beta_1")),
                                                                     p.toDouble(QStringLiteral("optimizer.beta_2"))})
                                                             .amsgrad(p.toBool(QStringLiteral("optimizer.amsgrad"))));

        // The run: new, or resumed from its last checkpoint.
        const QJsonObject model_json{{QStringLiteral("kind"), kindKey(d->project.kind())},
                                     {QStringLiteral("classes"), classNames},
                                     {QStringLiteral("parameters"), p.toJson()},
                                     {QStringLiteral("seed"), QString::number(d->options.seed)}};
        int startEpoch = 0;
        std::vector<EpochMetrics> history;
        if (d->options.resumeRun) {
            auto record = store.run(d->options.resumeRun);
            if (!record)
                return fail(
                    QCoreApplication::translate("visor::Trainer", "no run %1 to resume").arg(d->options.resumeRun));
            const QDir runFolder(record->folder);
            lock = std::make_unique<RunLock>(record->folder);
            if (!lock->acquired())
                return fail(QCoreApplication::translate("visor::Trainer",
                                                        "run %1 is being trained by another process right now")
                                .arg(record->id));
            const QJsonObject state = readJson(runFolder.filePath(QStringLiteral("last.json")));
            if (state.isEmpty())
                return fail(QCoreApplication::translate("visor::Trainer",
                                                        "run %1 has no complete checkpoint to resume from (it ended "
                                                        "before its first epoch finished); start a new run")
                                .arg(record->id));
            // Everything that can fail is read before the run's record changes; a failure from here on
            // puts the record back as it was (restore) and notes the attempt.
            resumed = record;
            loadCheckpoint(runFolder.filePath(QStringLiteral("last_model.pt")),
                           [&](const std::string &path) { task->load(path); });
            loadCheckpoint(runFolder.filePath(QStringLiteral("last_optimizer.pt")),
                           [&](const std::string &path) { torch::load(optimizer, path); });
            summary.runId = record->id;
            summary.folder = record->folder;
            startEpoch = state.value(QStringLiteral("epoch")).toInt();
            store.truncate(summary.runId, startEpoch);
            for (const EpochMetrics &m : record->history)
                if (m.epoch <= startEpoch)
                    history.push_back(m);
        } else {
            summary.runId = store.create(model_json);
            summary.folder = store.folderFor(summary.runId);
            QDir().mkpath(summary.folder);
            lock = std::make_unique<RunLock>(summary.folder);
            store.setFolder(summary.runId, summary.folder);
            writeJson(QDir(summary.folder).filePath(QStringLiteral("model.json")), model_json);
        }
        const QDir folder(summary.folder);
        const QString heldOutNote =
            heldOut ? QCoreApplication::translate("visor::Trainer",
                                                  "the validation split is empty: %1 training examples were held out "
                                                  "as this run's validation")
                          .arg(heldOut)
                    : QString();
        if (heldOut)
            store.addEvent(summary.runId, startEpoch, QStringLiteral("validation_held_out"),
                           {{QStringLiteral("examples"), heldOut}});
        if (!train.problems.isEmpty() || !val.problems.isEmpty())
            store.addEvent(summary.runId, startEpoch, QStringLiteral("unreadable_images"),
                           {{QStringLiteral("examples"), QJsonArray::fromStringList(train.problems + val.problems)}});

        EarlyStopping earlyStopping = EarlyStopping::fromParameters(p);
        ReduceLrOnPlateau reduceLr = ReduceLrOnPlateau::fromParameters(p);
        BestCheckpoint best = BestCheckpoint::fromParameters(p);
        OverfittingDetector overfitting(3, d->project.kind() == DatasetKind::Classification ? QStringLiteral("accuracy")
                                                                                            : QStringLiteral("mAP"));
        double lr = baseLr;
        // Callbacks depend only on the metric history: replaying it restores their state on resume.
        for (const EpochMetrics &m : history) {
            best.update(m);
            overfitting.update(m);
            lr = m.learningRate;
            if (auto next = reduceLr.update(m))
                lr = *next;
            earlyStopping.update(m);
        }
        summary.bestEpoch = best.bestEpoch();

        const int epochs = p.toInt(QStringLiteral("train.epochs"));
        const int steps = p.toInt(QStringLiteral("train.steps_per_epoch"));
        const int batch = p.toInt(QStringLiteral("train.batch_size"));
        const augment::Pipeline pipeline(p);
        const quint64 seed = d->options.seed;

        // The samples of (epoch, step): indices from a per-epoch shuffle, augmented. Runs on a worker
        // thread and touches only OpenCV: a thread that starts ATen work gets its own OpenMP team, and
        // one per step competes with the training threads for the cores (measured: -40% on 2 cores).
        const bool detection = d->project.kind() == DatasetKind::ObjectDetection;
        const std::vector<double> sampling =
            setUpBalance(p, d->project.kind(), train, int(classes.size()), *task, store, summary.runId, startEpoch);
        struct Samples {
            std::vector<cv::Mat> images;
            std::vector<std::vector<Box>> boxes;
            std::vector<int> labels;
        };
        auto makeSamples = [&](int epoch, int step) {
            const size_t n = train.images.size();
            std::vector<cv::Mat> images;
            std::vector<std::vector<Box>> boxes;
            std::vector<int> labels;
            std::vector<int64_t> order;
            size_t orderPass = SIZE_MAX;
            for (int b = 0; b < batch; ++b) {
                // Passes over the training split: each a fresh shuffle, reproducible from (seed, epoch, pass).
                const size_t position = size_t(step) * size_t(batch) + size_t(b);
                if (position / n != orderPass) {
                    orderPass = position / n;
                    order = sampling.empty() ? permutation(n, seed, quint64(epoch), orderPass)
                                             : weightedOrder(sampling, n, seed, quint64(epoch), orderPass);
                }
                const size_t i = size_t(order[position % n]);
                images.push_back(train.images[i]);
                boxes.push_back(detection ? train.boxes[i] : std::vector<Box>());
                labels.push_back(train.labels[i]);
            }
            // One augmentation thread: the batch is prepared while LibTorch computes the previous one on
            // every core, and more threads would only compete with it.
            auto samples =
                augment::applyBatch(pipeline, images, boxes, seed, quint64(epoch), quint64(step) * quint64(batch), 1);
            for (size_t k = 0; k < samples.size(); ++k) {
                images[k] = std::move(samples[k].image);
                boxes[k] = std::move(samples[k].boxes);
            }
            return Samples{std::move(images), std::move(boxes), std::move(labels)};
        };
        // Detection's training mAP: on a fixed sample of training images, without augmentation.
        SplitData trainSample;
        if (task->measuresTrainMetric())
            for (size_t i = 0; i < train.images.size() && i < 64; ++i) {
                trainSample.images.push_back(train.images[i]);
                trainSample.labels.push_back(train.labels[i]);
                if (detection)
                    trainSample.boxes.push_back(train.boxes[i]);
            }

        // The limit of this call (visor-cli --minutes) or else the parameters' own (train.time_limit).
        if (d->options.timeLimitSeconds <= 0)
            d->options.timeLimitSeconds = p.toDouble(QStringLiteral("train.time_limit")) * 60;
        TimeBudget timeBudget(d->options.timeLimitSeconds);
        summary.status = QStringLiteral("finished");
        double smoothed = 0;
        bool smoothedInit = false;
        for (int epoch = startEpoch + 1; epoch <= epochs; ++epoch) {
            QElapsedTimer epochClock;
            epochClock.start();
            task->setTraining(true);
            double lossSum = 0;
            int64_t correct = 0, seen = 0;
            auto next = std::async(std::launch::async, makeSamples, epoch, 0);
            for (int step = 0; step < steps; ++step) {
                if (cancel) {
                    summary.status = QStringLiteral("cancelled");
                    summary.message =
                        QCoreApplication::translate(
                            "visor::Trainer", "cancelled by the user during epoch %1; the last checkpoint is kept")
                            .arg(epoch);
                    break;
                }
                const Samples samples = next.get();
                if (step + 1 < steps)
                    next = std::async(std::launch::async, makeSamples, epoch, step + 1); // overlaps the compute below
                const Batch current = task->makeBatch(samples.images, samples.boxes, samples.labels);
                const int globalStep = (epoch - 1) * steps + step;
                const double stepLr =
                    globalStep < kWarmupSteps && epoch == 1 ? lr * (globalStep + 1) / kWarmupSteps : lr;
                for (auto &group : optimizer.param_groups())
                    static_cast<torch::optim::AdamOptions &>(group.options()).lr(stepLr);
                const StepResult result = task->step(current);
                const torch::Tensor &loss = result.loss;
                const double value = globalStep == d->options.nanAtGlobalStep ? std::nan("") : loss.item<double>();
                if (!std::isfinite(value)) {
                    summary.status = QStringLiteral("failed");
                    summary.message = QCoreApplication::translate(
                                          "visor::Trainer",
                                          "the loss became %1 at epoch %2, step %3; training stopped, the last good "
                                          "checkpoint is kept (try a lower optimizer.learning_rate)")
                                          .arg(value)
                                          .arg(epoch)
                                          .arg(step + 1);
                    break;
                }
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += value;
                correct += int64_t(result.correct);
                seen += current.input.size(0);
                smoothed = smoothedInit ? 0.9 * smoothed + 0.1 * value : value;
                smoothedInit = true;
                BatchInfo info{
                    epoch, step + 1, steps, epochs, value, smoothed, stepLr, double(clock.nsecsElapsed()) / 1e9, 0};
                const double done = double(epoch - startEpoch - 1) * steps + step + 1;
                const double total = double(epochs - startEpoch) * steps;
                info.etaSeconds = info.elapsedSeconds / done * (total - done);
                if (d->options.timeLimitSeconds > 0) // no epoch starts that would pass the limit
                    info.etaSeconds =
                        std::min(info.etaSeconds, std::max(0.0, d->options.timeLimitSeconds - info.elapsedSeconds) +
                                                      info.elapsedSeconds / done * (steps - step - 1));
                hooks.batchEnd(info);
            }
            if (summary.status != QLatin1String("finished"))
                break;

            EpochMetrics m;
            m.epoch = epoch;
            m.loss = lossSum / steps;
            m.metric = task->measuresTrainMetric() ? task->evaluate(trainSample).second
                                                   : double(correct) / double(std::max<int64_t>(1, seen));
            const double trainedSeconds = double(epochClock.nsecsElapsed()) / 1e9;
            double evalPerImage = trainedSeconds / double(std::max(1, steps * batch)) * 0.5; // a forward pass
            if (val.images.empty()) {
                m.valLoss = m.loss; // no validation data: the curves coincide rather than vanish
                m.valMetric = m.metric;
            } else {
                QElapsedTimer valClock;
                valClock.start();
                std::tie(m.valLoss, m.valMetric) = task->evaluate(val);
                evalPerImage = double(valClock.nsecsElapsed()) / 1e9 / double(val.images.size());
            }
            m.learningRate = lr;
            m.seconds = double(epochClock.nsecsElapsed()) / 1e9;
            history.push_back(m);
            store.addEpoch(summary.runId, m);
            hooks.epochEnd(m);

            // Checkpoints: the last one every epoch (model, optimizer, epoch), the best by the monitored value.
            saveCheckpoint(folder.filePath(QStringLiteral("last_model.pt")),
                           [&](std::ostream &out) { task->save(out); });
            saveCheckpoint(folder.filePath(QStringLiteral("last_optimizer.pt")),
                           [&](std::ostream &out) { torch::save(optimizer, out); });
            writeJson(folder.filePath(QStringLiteral("last.json")), {{QStringLiteral("epoch"), epoch}});
            hooks.checkpointSaved(folder.filePath(QStringLiteral("last_model.pt")), false);
            if (best.update(m)) {
                saveCheckpoint(folder.filePath(QStringLiteral("best_model.pt")),
                               [&](std::ostream &out) { task->save(out); });
                store.addEvent(summary.runId, epoch, QStringLiteral("best_checkpoint"),
                               {{QStringLiteral("value"), best.best()}});
                hooks.checkpointSaved(folder.filePath(QStringLiteral("best_model.pt")), true);
            }
            if (auto event = overfitting.update(m)) {
                store.addEvent(summary.runId, epoch, QStringLiteral("overfitting"), event->toJson());
                hooks.overfittingSuspected(*event);
            }
            if (auto reduced = reduceLr.update(m)) {
                lr = *reduced;
                store.addEvent(summary.runId, epoch, QStringLiteral("lr_reduced"),
                               {{QStringLiteral("learning_rate"), lr}});
                hooks.learningRateReduced(epoch, lr);
            }
            if (earlyStopping.update(m)) {
                summary.status = QStringLiteral("stopped_early");
                summary.message =
                    QCoreApplication::translate("visor::Trainer",
                                                "stopped early after epoch %1: no improvement of %2 for %n epoch(s)",
                                                nullptr, earlyStopping.wait())
                        .arg(epoch)
                        .arg(p.toString(QStringLiteral("early_stopping.monitor")));
                store.addEvent(summary.runId, epoch, QStringLiteral("early_stop"),
                               {{QStringLiteral("best_epoch"), earlyStopping.bestEpoch()}});
                break;
            }
            // The time limit predicts: the next epoch starts only if it and the final test still fit.
            timeBudget.epochEnded(double(epochClock.nsecsElapsed()) / 1e9);
            const double elapsed = double(clock.nsecsElapsed()) / 1e9;
            const double testSeconds = double(testCount) * (loadPerImage + evalPerImage);
            if (epoch < epochs && !timeBudget.nextEpochFits(elapsed, testSeconds)) {
                summary.status = QStringLiteral("time_limit");
                summary.message =
                    QCoreApplication::translate("visor::Trainer",
                                                "stopped after epoch %1 at %2 s: another epoch (about %3 s) and the "
                                                "final test (about %4 s) would pass the time limit of %5 s")
                        .arg(epoch)
                        .arg(elapsed, 0, 'f', 0)
                        .arg(timeBudget.predictedEpochSeconds(), 0, 'f', 0)
                        .arg(testSeconds, 0, 'f', 0)
                        .arg(d->options.timeLimitSeconds, 0, 'f', 0);
                store.addEvent(summary.runId, epoch, QStringLiteral("time_limit"),
                               {{QStringLiteral("elapsed"), elapsed},
                                {QStringLiteral("predicted_epoch_seconds"), timeBudget.predictedEpochSeconds()},
                                {QStringLiteral("predicted_test_seconds"), testSeconds},
                                {QStringLiteral("limit"), d->options.timeLimitSeconds}});
                break;
            }
        }
        summary.history = history;
        summary.epochs = history.empty() ? 0 : history.back().epoch;
        summary.bestEpoch = best.bestEpoch();
        if (summary.status == QLatin1String("failed"))
            return fail(summary.message);
        if (summary.status == QLatin1String("cancelled")) {
            store.finish(summary.runId, summary.status, {}, summary.message);
            summary.seconds = double(clock.nsecsElapsed()) / 1e9;
            hooks.finished(summary);
            return summary;
        }

        if (summary.status == QLatin1String("finished") && summary.message.isEmpty() && !history.empty()) {
            // Say what ended the run, and whether the curve had flattened (a run cut short looks finished).
            summary.message = QCoreApplication::translate("visor::Trainer", "ran the %n epoch(s) of train.epochs",
                                                          nullptr, summary.epochs);
            if (summary.bestEpoch == summary.epochs && summary.epochs > 1)
                summary.message +=
                    QCoreApplication::translate("visor::Trainer",
                                                "; %1 was still improving at the last epoch: more epochs (or a "
                                                "larger time budget) would likely help")
                        .arg(p.toString(QStringLiteral("checkpoint.monitor")));
        }
        if (!heldOutNote.isEmpty())
            summary.message =
                summary.message.isEmpty() ? heldOutNote : summary.message + QStringLiteral("; ") + heldOutNote;
        // Final evaluation of the best model on the test split.
        const QString bestPath = folder.filePath(QStringLiteral("best_model.pt"));
        if (QFile::exists(bestPath))
            loadCheckpoint(bestPath, [&](const std::string &path) { task->load(path); });
        const SplitData test = loadSplit(d->project, Split::Test, channels, minSide, maxSide, classIndex, threads);
        QJsonObject metrics;
        if (!test.images.empty()) {
            QStringList names;
            for (const ClassInfo &c : classes)
                names << c.name;
            TestPredictions stored;
            metrics = task->report(test, names, &stored);
            metrics.insert(QStringLiteral("examples"), int(test.images.size()));
            // What the metrics counted, image by image, for the results gallery.
            std::vector<qint64> classIds;
            for (const ClassInfo &c : classes)
                classIds.push_back(c.id);
            toProjectTerms(stored, test, classIds);
            saveTestPredictions(folder.path(), stored);
        }
        const QStringList leftOut = train.problems + val.problems + test.problems;
        if (!leftOut.isEmpty()) {
            metrics.insert(QStringLiteral("left_out"), QJsonArray::fromStringList(leftOut));
            const QString note =
                QCoreApplication::translate("visor::Trainer",
                                            "%n example(s) left out, their image missing or unreadable (first: %1)",
                                            nullptr, int(leftOut.size()))
                    .arg(leftOut.front());
            summary.message = summary.message.isEmpty() ? note : summary.message + QStringLiteral("; ") + note;
        }
        metrics.insert(QStringLiteral("best_epoch"), summary.bestEpoch);
        metrics.insert(QStringLiteral("epochs"), summary.epochs);
        summary.testMetrics = metrics;
        summary.seconds = double(clock.nsecsElapsed()) / 1e9;
        metrics.insert(QStringLiteral("seconds"), summary.seconds);
        store.finish(summary.runId, summary.status, metrics, summary.message);
        hooks.finished(summary);
        return summary;
    } catch (const Error &e) {
        return fail(e.message()); // already a sentence naming its file or parameter
    } catch (const std::exception &e) {
        const QString log =
            summary.folder.isEmpty() ? QString() : QDir(summary.folder).filePath(QStringLiteral("errors.log"));
        return fail(QCoreApplication::translate("visor::Trainer", "training failed: %1").arg(shortError(e, log)));
    }
}

} // namespace visor::train
