#include "eval/metrics.h"
#include "synth/shapes.h"
#include "testutil.h"
#include "train/inference.h"
#include "train/runs.h"
#include "train/testpredictions.h"
#include "train/trainer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace visor;
using namespace visor::train;

namespace {

// Tiny, fast, deterministic: 48 generated 48x36 shape images, no augmentation, small network.
std::unique_ptr<test::TempProject> tinyProject(int count = 48)
{
    auto t = test::makeProject(DatasetKind::Classification);
    synth::ShapesOptions o;
    o.kind = DatasetKind::Classification;
    o.count = count;
    o.width = 48;
    o.height = 36;
    o.minSize = 14;
    o.maxSize = 26;
    synth::addShapes(*t->project, o);
    return t;
}

TrainOptions tinyOptions()
{
    TrainOptions o;
    ParameterSet &p = o.parameters;
    for (const char *key : {"rotate", "translate", "shear", "scale", "contrast", "brightness", "gamma", "saturation",
                            "hue", "noise", "blur"})
        p.set(QStringLiteral("augment.%1.probability").arg(QLatin1String(key)), 0.0);
    p.set(QStringLiteral("augment.flip.horizontal_probability"), 0.0);
    p.set(QStringLiteral("augment.flip.vertical_probability"), 0.0);
    p.set(QStringLiteral("input.min_side"), 36);
    p.set(QStringLiteral("input.max_side"), 48);
    p.set(QStringLiteral("input.channels"), 3);
    p.set(QStringLiteral("classifier.depth"), 2);
    p.set(QStringLiteral("classifier.width"), 8);
    p.set(QStringLiteral("train.steps_per_epoch"), 50);
    p.set(QStringLiteral("train.batch_size"), 8);
    p.set(QStringLiteral("train.epochs"), 2);
    p.set(QStringLiteral("optimizer.learning_rate"), 0.003);
    o.threads = 2;
    o.allowCuda = false;
    return o;
}

struct Recorder : TrainHooks {
    std::vector<BatchInfo> batches;
    std::vector<EpochMetrics> epochs;
    int checkpoints = 0, finishedCalls = 0;
    QString failure;
    std::function<void(const BatchInfo &)> onBatch;
    void batchEnd(const BatchInfo &b) override
    {
        batches.push_back(b);
        if (onBatch)
            onBatch(b);
    }
    void epochEnd(const EpochMetrics &m) override { epochs.push_back(m); }
    void checkpointSaved(const QString &, bool) override { ++checkpoints; }
    void finished(const RunSummary &) override { ++finishedCalls; }
    void failed(const QString &m) override { failure = m; }
};

// A finished run of one epoch of the tiny settings.
RunSummary oneEpochRun(Project &project)
{
    TrainOptions o = tinyOptions();
    o.parameters.set(QStringLiteral("train.epochs"), 1);
    Recorder r;
    std::atomic<bool> cancel{false};
    return Trainer(project, o).run(r, cancel);
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusesTooFewExamples()
    {
        auto t = tinyProject(6);
        Trainer trainer(*t->project, tinyOptions());
        QVERIFY2(trainer.check().contains(QStringLiteral("4 more")), qPrintable(trainer.check()));
        Recorder r;
        std::atomic<bool> cancel{false};
        QCOMPARE(trainer.run(r, cancel).status, QStringLiteral("failed"));
        QVERIFY(!r.failure.isEmpty());
    }

    void lossFallsAndTheRunIsRecorded()
    {
        auto t = tinyProject();
        Trainer trainer(*t->project, tinyOptions());
        QCOMPARE(trainer.check(), QString());
        Recorder r;
        std::atomic<bool> cancel{false};
        const RunSummary s = trainer.run(r, cancel);
        QCOMPARE(s.status, QStringLiteral("finished"));
        QCOMPARE(r.batches.size(), size_t(100));
        QCOMPARE(r.epochs.size(), size_t(2));
        // The first steps' loss against the last ones'.
        double first = 0, last = 0;
        for (int i = 0; i < 10; ++i) {
            first += r.batches[size_t(i)].loss;
            last += r.batches[r.batches.size() - 1 - size_t(i)].loss;
        }
        QVERIFY2(last < first * 0.8, qPrintable(QStringLiteral("%1 -> %2").arg(first / 10).arg(last / 10)));
        QCOMPARE(r.finishedCalls, 1);
        QVERIFY(QFile::exists(QDir(s.folder).filePath(QStringLiteral("last_model.pt"))));
        QVERIFY(QFile::exists(QDir(s.folder).filePath(QStringLiteral("best_model.pt"))));
        const auto record = RunStore(*t->project).run(s.runId);
        QVERIFY(record);
        QCOMPARE(record->status, QStringLiteral("finished"));
        QCOMPARE(record->history.size(), size_t(2));
        QVERIFY(record->metrics.contains(QStringLiteral("accuracy")));
        QVERIFY(record->metrics.contains(QStringLiteral("confusion")));
        QCOMPARE(record->parameters.value(QStringLiteral("classes")).toArray().size(), 4);
        // The model predicts and evaluates.
        const auto predictor = Predictor::open(*t->project, s.runId);
        const Example e = t->project->examples().front();
        const Prediction pr = predictor->predictFile(t->project->imagePath(e));
        QVERIFY(pr.error.isEmpty());
        QCOMPARE(pr.scores.size(), size_t(4));
        const QJsonObject metrics = evaluateRun(*t->project, s.runId, Split::Train);
        QVERIFY(metrics.value(QStringLiteral("accuracy")).toDouble() > 0.3);
    }

    void resumeEqualsUninterrupted()
    {
        auto t = tinyProject();
        std::atomic<bool> cancel{false};
        Recorder full;
        const RunSummary whole = Trainer(*t->project, tinyOptions()).run(full, cancel);
        QCOMPARE(whole.status, QStringLiteral("finished"));

        TrainOptions first = tinyOptions();
        first.parameters.set(QStringLiteral("train.epochs"), 1);
        Recorder a;
        const RunSummary part = Trainer(*t->project, first).run(a, cancel);
        TrainOptions rest = tinyOptions();
        rest.resumeRun = part.runId;
        Recorder b;
        const RunSummary resumed = Trainer(*t->project, rest).run(b, cancel);
        QCOMPARE(resumed.runId, part.runId);
        QCOMPARE(resumed.history.size(), size_t(2));
        QCOMPARE(b.epochs.size(), size_t(1)); // only epoch 2 ran again
        QVERIFY2(std::abs(resumed.history[1].loss - whole.history[1].loss) < 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(resumed.history[1].loss, 0, 'g', 12)
                                .arg(whole.history[1].loss, 0, 'g', 12)));
        QVERIFY(std::abs(resumed.history[1].valLoss - whole.history[1].valLoss) < 1e-6);
        QCOMPARE(RunStore(*t->project).run(part.runId)->history.size(), size_t(2));
    }

    // An empty validation split: this run holds out its own instead of calling training figures "val".
    void emptyValidationIsHeldOutFromTraining()
    {
        auto t = tinyProject();
        std::vector<std::pair<qint64, std::optional<Split>>> moves;
        for (const Example &e : t->project->examples())
            if (e.split == Split::Val)
                moves.emplace_back(e.id, Split::Train);
        t->project->setSplits(moves);
        TrainOptions o = tinyOptions();
        o.parameters.set(QStringLiteral("train.epochs"), 1);
        Recorder r;
        std::atomic<bool> cancel{false};
        const RunSummary s = Trainer(*t->project, o).run(r, cancel);
        QCOMPARE(s.status, QStringLiteral("finished"));
        QVERIFY2(s.message.contains(QStringLiteral("held out")), qPrintable(s.message));
        QVERIFY(r.epochs.front().valLoss != r.epochs.front().loss);
        bool event = false;
        const auto record = RunStore(*t->project).run(s.runId);
        for (const QJsonObject &e : record->events)
            event |= e.value(QStringLiteral("kind")).toString() == QLatin1String("validation_held_out");
        QVERIFY(event);
    }

    // What ended a run is said, and whether the curve was still rising.
    void theEndOfARunIsExplained()
    {
        auto t = tinyProject();
        TrainOptions o = tinyOptions();
        o.parameters.set(QStringLiteral("checkpoint.monitor"), QStringLiteral("loss"));
        Recorder r;
        std::atomic<bool> cancel{false};
        const RunSummary s = Trainer(*t->project, o).run(r, cancel);
        QVERIFY2(s.message.startsWith(QStringLiteral("ran the 2 epoch(s) of train.epochs")), qPrintable(s.message));
        if (s.bestEpoch == 2)
            QVERIFY2(s.message.contains(QStringLiteral("still improving")), qPrintable(s.message));
    }

    void nonFiniteLossStops()
    {
        auto t = tinyProject();
        TrainOptions o = tinyOptions();
        o.nanAtGlobalStep = 70; // in epoch 2
        Recorder r;
        std::atomic<bool> cancel{false};
        const RunSummary s = Trainer(*t->project, o).run(r, cancel);
        QCOMPARE(s.status, QStringLiteral("failed"));
        QVERIFY2(s.message.contains(QStringLiteral("epoch 2, step 21")), qPrintable(s.message));
        QVERIFY(QFile::exists(QDir(s.folder).filePath(QStringLiteral("last_model.pt")))); // epoch 1's checkpoint stays
        QCOMPARE(RunStore(*t->project).run(s.runId)->status, QStringLiteral("failed"));
    }

    void detectionTrainsAndReports()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        synth::ShapesOptions so;
        so.count = 30;
        so.width = 64;
        so.height = 48;
        so.minSize = 14;
        so.maxSize = 24;
        so.maxShapes = 2;
        synth::addShapes(*t->project, so);
        TrainOptions o = tinyOptions();
        o.parameters.set(QStringLiteral("input.min_side"), 48);
        o.parameters.set(QStringLiteral("input.max_side"), 64);
        o.parameters.set(QStringLiteral("train.steps_per_epoch"), 50);
        o.parameters.set(QStringLiteral("train.batch_size"), 4);
        o.parameters.set(QStringLiteral("detector.width"), 16);
        o.parameters.set(QStringLiteral("anchors.sizes"), QJsonArray{12, 24, 48});
        o.parameters.set(QStringLiteral("anchors.strides"), QJsonArray{8, 16, 32});
        Recorder r;
        std::atomic<bool> cancel{false};
        const RunSummary s = Trainer(*t->project, o).run(r, cancel);
        QCOMPARE(s.status, QStringLiteral("finished"));
        double first = 0, last = 0;
        for (int i = 0; i < 10; ++i) {
            first += r.batches[size_t(i)].loss;
            last += r.batches[r.batches.size() - 1 - size_t(i)].loss;
        }
        QVERIFY2(last < first * 0.8, qPrintable(QStringLiteral("%1 -> %2").arg(first / 10).arg(last / 10)));
        QVERIFY(s.testMetrics.contains(QStringLiteral("map50")));
        QVERIFY(s.testMetrics.contains(QStringLiteral("map")));
        QCOMPARE(s.testMetrics.value(QStringLiteral("per_class")).toArray().size(), 4);
        const auto predictor = Predictor::open(*t->project, s.runId);
        QVERIFY(predictor->detection());
        predictor->setThreshold(0.0);
        const Prediction pr = predictor->predictFile(t->project->imagePath(t->project->examples().front()));
        QVERIFY(pr.error.isEmpty());
        QVERIFY(!pr.boxes.empty());
        QVERIFY(int(pr.boxes.size()) <= o.parameters.toInt(QStringLiteral("train.max_boxes")));
        for (const DetectedBox &b : pr.boxes)
            QVERIFY(b.x1 >= 0 && b.x2 <= 64 && b.y1 >= 0 && b.y2 <= 48 && b.x2 >= b.x1);
        const QJsonObject metrics = evaluateRun(*t->project, s.runId, Split::Train);
        QVERIFY(metrics.contains(QStringLiteral("map50")));

        // Issue 17.5: the test predictions are stored as the metrics counted them: scored again from the
        // file, in the original image's pixels, they give the reported mAP@0.5 (the gallery predicted
        // again and its PR legend disagreed with the table).
        QString error;
        const auto stored =
            loadTestPredictions(QDir(t->project->dir()).filePath(QStringLiteral("runs/%1").arg(s.runId)), &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->detection);
        QCOMPARE(int(stored->images.size()), s.testMetrics.value(QStringLiteral("examples")).toInt());
        std::map<qint64, int> index;
        for (const ClassInfo &c : t->project->classes())
            index[c.id] = int(index.size());
        const auto boxes = t->project->allBoxes();
        std::vector<eval::GroundTruth> truth;
        std::vector<eval::Detection> detections;
        for (int i = 0; i < int(stored->images.size()); ++i) {
            const auto &img = stored->images[size_t(i)];
            QCOMPARE(t->project->example(img.exampleId)->split, Split::Test);
            if (auto it = boxes.find(img.exampleId); it != boxes.end())
                for (const Box &b : it->second)
                    truth.push_back({i, index[b.classId], b.x1, b.y1, b.x2, b.y2, false});
            for (const StoredBox &b : img.boxes) {
                QVERIFY(b.score >= stored->minScore && index.count(b.classId));
                QVERIFY(b.x1 >= -1 && b.x2 <= 65 && b.y1 >= -1 && b.y2 <= 49);
                detections.push_back({i, index[b.classId], b.score, b.x1, b.y1, b.x2, b.y2});
            }
        }
        const auto again = eval::detectionMetrics(truth, detections, int(index.size()));
        QVERIFY2(std::abs(again.map50 - s.testMetrics.value(QStringLiteral("map50")).toDouble()) < 1e-4,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(again.map50)
                                .arg(s.testMetrics.value(QStringLiteral("map50")).toDouble())));
        // evaluateRun gives the same predictions (the gallery's way for runs trained before they were stored).
        TestPredictions evaluated;
        evaluateRun(*t->project, s.runId, Split::Test, &evaluated);
        QCOMPARE(evaluated.images.size(), stored->images.size());
        QCOMPARE(evaluated.images.front().boxes.size(), stored->images.front().boxes.size());
    }

    void cancelWithinAStep()
    {
        auto t = tinyProject();
        Recorder r;
        std::atomic<bool> cancel{false};
        r.onBatch = [&](const BatchInfo &b) {
            if (b.epoch == 2 && b.step == 3)
                cancel = true;
        };
        const RunSummary s = Trainer(*t->project, tinyOptions()).run(r, cancel);
        QCOMPARE(s.status, QStringLiteral("cancelled"));
        QCOMPARE(r.batches.back().step, 3); // no step ran after the flag
        QCOMPARE(s.epochs, 1);
        QVERIFY(QFile::exists(QDir(s.folder).filePath(QStringLiteral("last_model.pt"))));
    }

    // Issue 12.3: a resume that fails (a truncated checkpoint) leaves the finished run as it was, says
    // which file is damaged in one sentence, and keeps LibTorch's trace out of the run's message.
    void failedResumeLeavesTheRunAsItWas()
    {
        auto t = tinyProject();
        std::atomic<bool> cancel{false};
        const RunSummary done = oneEpochRun(*t->project);
        QCOMPARE(done.status, QStringLiteral("finished"));
        const RunRecord before = *RunStore(*t->project).run(done.runId);
        QVERIFY(before.metrics.contains(QStringLiteral("accuracy")));
        const QString last = QDir(done.folder).filePath(QStringLiteral("last_model.pt"));
        QFile f(last);
        QVERIFY(f.resize(f.size() / 3));

        TrainOptions again = tinyOptions();
        again.resumeRun = done.runId;
        again.parameters.set(QStringLiteral("train.epochs"), 2);
        Recorder b;
        const RunSummary failed = Trainer(*t->project, again).run(b, cancel);
        QCOMPARE(failed.status, QStringLiteral("failed"));
        QVERIFY2(failed.message.contains(last) && !failed.message.contains(QLatin1String("frame #")) &&
                     !failed.message.contains(QLatin1Char('\n')),
                 qPrintable(failed.message));
        const RunRecord after = *RunStore(*t->project).run(done.runId);
        QCOMPARE(after.status, before.status);
        QCOMPARE(after.metrics, before.metrics);
        QCOMPARE(after.message, before.message);
        QCOMPARE(after.history.size(), before.history.size());
        QVERIFY(QFile::exists(QDir(done.folder).filePath(QStringLiteral("errors.log"))));
        bool recorded = false;
        for (const QJsonObject &e : after.events)
            recorded |= e.value(QStringLiteral("kind")).toString() == QLatin1String("resume_failed");
        QVERIFY(recorded);
    }

    // Issue 12.20: a damaged best checkpoint: evaluation uses the last one and says so; both damaged:
    // one sentence naming the file.
    void evaluationFallsBackFromADamagedBestCheckpoint()
    {
        auto t = tinyProject();
        const RunSummary done = oneEpochRun(*t->project);
        QCOMPARE(done.status, QStringLiteral("finished"));
        const QString best = QDir(done.folder).filePath(QStringLiteral("best_model.pt"));
        test::writeFile(done.folder, QStringLiteral("best_model.pt"), QByteArray("not a checkpoint"));
        const QJsonObject metrics = evaluateRun(*t->project, done.runId, Split::Train);
        QCOMPARE(metrics.value(QStringLiteral("checkpoint")).toString(), QStringLiteral("last_model.pt"));
        QVERIFY2(metrics.value(QStringLiteral("note")).toString().contains(best),
                 qPrintable(metrics.value(QStringLiteral("note")).toString()));
        QVERIFY(metrics.value(QStringLiteral("accuracy")).toDouble() >= 0);
        test::writeFile(done.folder, QStringLiteral("last_model.pt"), QByteArray());
        try {
            evaluateRun(*t->project, done.runId, Split::Train);
            QFAIL("evaluated without a readable checkpoint");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(best) && !e.message().contains(QLatin1String("frame #")),
                     qPrintable(e.message()));
        }
    }

    // Issue 12.4: a run whose process is gone (no one holds its lock) reads as interrupted, a live one as
    // running; resuming one that never saved a checkpoint refuses and leaves it interrupted.
    void aKilledRunReadsAsInterrupted()
    {
        auto t = tinyProject();
        RunStore store(*t->project);
        const qint64 id = store.create({});
        const QString folder = store.folderFor(id);
        QDir().mkpath(folder);
        store.setFolder(id, folder);
        QCOMPARE(store.run(id)->status, QStringLiteral("interrupted"));
        {
            RunLock lock(folder);
            QVERIFY(lock.acquired());
            QCOMPARE(store.run(id)->status, QStringLiteral("running"));
            QVERIFY(!RunLock(folder).acquired());
        }
        QCOMPARE(store.run(id)->status, QStringLiteral("interrupted"));
        TrainOptions o = tinyOptions();
        o.resumeRun = id;
        Recorder r;
        std::atomic<bool> cancel{false};
        const RunSummary s = Trainer(*t->project, o).run(r, cancel);
        QCOMPARE(s.status, QStringLiteral("failed"));
        QVERIFY2(s.message.contains(QLatin1String("no complete checkpoint")), qPrintable(s.message));
        QCOMPARE(store.run(id)->status, QStringLiteral("interrupted"));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
