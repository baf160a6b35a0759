#include "advise/advisor.h"
#include "advise/runadvice.h"
#include "project/splitter.h"
#include "synth/shapes.h"
#include "testutil.h"
#include "train/balance.h"
#include "train/callbacks.h"
#include "train/runs.h"
#include "train/trainer.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>

using namespace visor;
using namespace visor::advise;

namespace {

// A probe that costs what the pixels cost: 1 ms per 10,000 input pixels per image, plus 5 ms a step;
// evaluation a third of that per image.
train::ProbeResult fakeProbe(const train::ProbeRequest &r)
{
    const double perImage = double(r.width) * r.height / 1e7;
    return {0.005 + perImage * r.batch, perImage / 3};
}

// A detection profile: `images` images of w x h, each with one box of bw x bh at the centre.
DataProfile detectionProfile(int images, int w, int h, float bw, float bh)
{
    DataProfile p;
    p.kind = DatasetKind::ObjectDetection;
    p.annotated = images;
    p.annotatedPerSplit = {images * 8 / 10, images / 10, images / 10};
    p.classNames = {QStringLiteral("a"), QStringLiteral("b")};
    p.classCounts = {images / 2, images - images / 2};
    for (int i = 0; i < images; ++i) {
        p.images.push_back({w, h});
        p.boxes.push_back({float(w) / 2, float(h) / 2, bw, bh, i});
    }
    return p;
}

const Proposal *find(const Suggestion &s, const char *key)
{
    for (const Proposal &p : s.proposals)
        if (p.key == QLatin1String(key))
            return &p;
    return nullptr;
}

int proposedInt(const Suggestion &s, const char *key, const ParameterSet &current)
{
    const Proposal *p = find(s, key);
    return p ? p->proposed.toInt() : current.toInt(QString::fromLatin1(key));
}

train::RunRecord runWith(std::vector<double> losses, const QString &status = QStringLiteral("finished"))
{
    train::RunRecord r;
    r.status = status;
    for (size_t i = 0; i < losses.size(); ++i) {
        train::EpochMetrics m;
        m.epoch = int(i + 1);
        m.loss = losses[i];
        m.valLoss = losses[i];
        r.history.push_back(m);
    }
    return r;
}

// n examples of a class with real w x h colour images (the trainer decodes them).
void addImages(Project &project, int n, int w, int h, qint64 classId, int seed)
{
    std::vector<NewExample> items;
    for (int i = 0; i < n; ++i) {
        NewExample ne;
        ne.meta.hash = project.storeImage(test::imageBytes(w, h, seed + i), QStringLiteral("png"));
        ne.meta.suffix = QStringLiteral("png");
        ne.meta.fileName = QStringLiteral("img_%1.png").arg(seed + i);
        ne.meta.width = w;
        ne.meta.height = h;
        ne.meta.labelled = true;
        ne.meta.classId = classId;
        items.push_back(ne);
    }
    project.syncImages();
    project.addExamples(items);
}

bool hasCode(const std::vector<RunAdvice> &advice, const char *code)
{
    return std::any_of(advice.begin(), advice.end(),
                       [code](const RunAdvice &a) { return a.code == QLatin1String(code); });
}

} // namespace

class TestAdvise : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tinyBoxesGiveALargerInput()
    {
        Budget budget;
        budget.minutes = 60;
        const ParameterSet defaults;
        const Suggestion tiny = suggest(detectionProfile(300, 640, 480, 14, 14), defaults, budget, fakeProbe);
        const Suggestion large = suggest(detectionProfile(300, 640, 480, 200, 200), defaults, budget, fakeProbe);
        const int tinySide = proposedInt(tiny, "input.min_side", defaults);
        const int largeSide = proposedInt(large, "input.min_side", defaults);
        QVERIFY2(tinySide > largeSide, qPrintable(QStringLiteral("%1 vs %2").arg(tinySide).arg(largeSide)));
        // At the proposed size the 14 px boxes (of 480) reach at least 10 px, and at the contract's 50 they do not.
        QVERIFY(14.0 * tinySide / 480 >= 10);
        QVERIFY(14.0 * 50 / 480 < 10);
        QVERIFY(find(tiny, "input.min_side")->reason.contains(QStringLiteral("%1 px").arg(tinySide)));
    }

    void theBudgetCapsTheResolutionAndSaysWhatItCosts()
    {
        Budget budget;
        budget.minutes = 1; // far too short for 14 px boxes at full size
        const Suggestion s = suggest(detectionProfile(3000, 640, 480, 14, 14), ParameterSet(), budget, fakeProbe);
        const Proposal *side = find(s, "input.min_side");
        QVERIFY(side);
        QVERIFY2(side->proposed.toInt() < 344, qPrintable(side->reason)); // below the 10 px size (14 * 344 / 480)
        QVERIFY2(side->reason.contains(QStringLiteral("stay under 10 px")), qPrintable(side->reason));
        QVERIFY(side->evidence.value(QStringLiteral("boxes_under_10px")).toDouble() > 0.5);
    }

    void greyImagesGiveOneChannel_data()
    {
        QTest::addColumn<double>("chroma");
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("expected");
        QTest::newRow("grey photo, colour input") << 1.5 << 3 << 1;
        QTest::newRow("colour photo, grey input") << 27.0 << 1 << 3;
        QTest::newRow("grey photo, grey input") << 0.0 << 1 << 1;
    }
    void greyImagesGiveOneChannel()
    {
        QFETCH(double, chroma);
        QFETCH(int, current);
        QFETCH(int, expected);
        DataProfile p = detectionProfile(100, 320, 240, 60, 60);
        p.meanChroma = chroma;
        p.chromaImages = 48;
        ParameterSet params;
        params.set(QStringLiteral("input.channels"), current);
        const Suggestion s = suggest(p, params, Budget(), fakeProbe);
        QCOMPARE(s.applied(params).toInt(QStringLiteral("input.channels")), expected);
        QCOMPARE(find(s, "input.channels") != nullptr, expected != current);
    }

    void chromaOfRealImages()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        addImages(*t->project, 12, 64, 48, t->project->addClass(QStringLiteral("x")), 0);
        const DataProfile colour = profileProject(*t->project);
        QCOMPARE(colour.chromaImages, 12);
        QVERIFY2(colour.meanChroma > 8, qPrintable(QString::number(colour.meanChroma)));
    }

    void twoClustersGiveAnchorsCoveringBoth()
    {
        std::vector<SizedBox> boxes;
        for (int i = 0; i < 200; ++i) {
            const double x = 40 + (i * 37) % 500, y = 40 + (i * 53) % 300;
            boxes.push_back(i % 2 ? SizedBox{x, y, 16, 16} : SizedBox{x, y, 120, 60});
        }
        AnchorConfig bad;
        bad.sizes = {40};
        bad.strides = {32};
        bad.ratios = {1};
        bad.scales = {1};
        const double before = bestPossibleRecall(boxes, bad, 0.45);
        const AnchorFit fit = fitAnchors(boxes, 0.45);
        QVERIFY2(fit.recall > before + 0.3, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(fit.recall)));
        QVERIFY2(fit.recall >= 0.95, qPrintable(QString::number(fit.recall)));
        // Both clusters among the k-means shapes.
        auto near = [&](double w, double h) {
            return std::any_of(fit.shapes.begin(), fit.shapes.end(),
                               [&](const auto &s) { return iouOffset(0, 0, s.first, s.second, w, h) > 0.8; });
        };
        QVERIFY(near(16, 16));
        QVERIFY(near(120, 60));
        // Strides stay consecutive powers of two, as the detector needs.
        for (size_t i = 1; i < fit.config.strides.size(); ++i)
            QCOMPARE(fit.config.strides[i], 2 * fit.config.strides[i - 1]);
        QCOMPARE(fit.config.sizes.size(), fit.config.strides.size());
    }

    void recallCountsAnchorsAsTheDetectorPlacesThem()
    {
        AnchorConfig c;
        c.sizes = {32};
        c.strides = {32};
        c.ratios = {1};
        c.scales = {1};
        // Centred on a grid centre ((i + 0.5) * 32): exact match; on a cell corner: offset 16 px each way.
        QCOMPARE(bestPossibleRecall({{48, 48, 32, 32}}, c, 0.99), 1.0);
        QCOMPARE(bestPossibleRecall({{64, 64, 32, 32}}, c, 0.45), 0.0);
        QCOMPARE(bestPossibleRecall({{48, 48, 96, 96}}, c, 0.45), 0.0);
        QCOMPARE(boxesPerLevel({{48, 48, 32, 32}}, c), std::vector<qint64>{1});
    }

    void levelsNoBoxNeedsAreDropped()
    {
        DataProfile p = detectionProfile(200, 640, 480, 150, 150); // only large objects
        Budget budget;
        budget.minutes = 30;
        const Suggestion s = suggest(p, ParameterSet(), budget, fakeProbe);
        const Proposal *strides = find(s, "anchors.strides");
        QVERIFY(strides);
        QVERIFY(strides->proposed.toArray().first().toInt() > 8);
        QVERIFY(s.anchorRecallProposed.value() >= s.anchorRecallCurrent.value() - 0.005);
    }

    void imbalanceProposesClassBalance()
    {
        DataProfile p = detectionProfile(200, 320, 240, 60, 60);
        p.classCounts = {180, 20};
        const Suggestion s = suggest(p, ParameterSet(), Budget(), fakeProbe);
        const Proposal *b = find(s, "train.class_balance");
        QVERIFY(b);
        QCOMPARE(b->proposed.toString(), QStringLiteral("sampling"));
        QVERIFY(b->reason.contains(QStringLiteral("'b'")));
        p.classCounts = {100, 100};
        QVERIFY(!find(suggest(p, ParameterSet(), Budget(), fakeProbe), "train.class_balance"));
    }

    void theScheduleFillsTheBudget_data()
    {
        QTest::addColumn<double>("minutes");
        QTest::addColumn<double>("slowdown");
        QTest::newRow("5 min") << 5.0 << 1.0;
        QTest::newRow("20 min") << 20.0 << 1.0;
        QTest::newRow("5 min, slow machine") << 5.0 << 8.0;
    }
    void theScheduleFillsTheBudget()
    {
        QFETCH(double, minutes);
        QFETCH(double, slowdown);
        const DataProfile p = detectionProfile(400, 320, 240, 60, 60);
        Budget budget;
        budget.minutes = minutes;
        const Suggestion s = suggest(p, ParameterSet(), budget, [slowdown](const train::ProbeRequest &r) {
            train::ProbeResult t = fakeProbe(r);
            return train::ProbeResult{t.stepSeconds * slowdown, t.evalSecondsPerImage * slowdown};
        });
        const ParameterSet applied = s.applied(ParameterSet());
        const double step = s.secondsPerStep;
        QVERIFY(step > 0);
        const double epochSeconds = applied.toInt(QStringLiteral("train.steps_per_epoch")) * step;
        // What is predicted to fit fills the budget without passing it; the plan goes on (the time limit ends it).
        const double total = s.expectedEpochs * epochSeconds;
        QVERIFY2(total <= minutes * 60, qPrintable(QStringLiteral("%1 s of %2").arg(total).arg(minutes * 60)));
        QVERIFY2(total >= minutes * 60 * 0.6, qPrintable(QStringLiteral("%1 s of %2").arg(total).arg(minutes * 60)));
        QVERIFY(applied.toInt(QStringLiteral("train.epochs")) >= s.expectedEpochs);
        QCOMPARE(applied.toDouble(QStringLiteral("train.time_limit")), minutes);
        QCOMPARE(applied.toString(QStringLiteral("checkpoint.monitor")), QStringLiteral("val_map"));
        QVERIFY(applied.toInt(QStringLiteral("early_stopping.patience")) >
                2 * applied.toInt(QStringLiteral("reduce_lr.patience")));
    }

    void classificationDepthFollowsTheInput()
    {
        DataProfile p;
        p.kind = DatasetKind::Classification;
        p.annotated = 1000;
        p.annotatedPerSplit = {800, 100, 100};
        p.classNames = {QStringLiteral("a"), QStringLiteral("b")};
        p.classCounts = {500, 500};
        for (int i = 0; i < 1000; ++i)
            p.images.push_back({20, 20});
        const Suggestion s = suggest(p, ParameterSet(), Budget(), fakeProbe);
        const ParameterSet a = s.applied(ParameterSet());
        QCOMPARE(a.toInt(QStringLiteral("input.min_side")), 32);
        QCOMPARE(a.toInt(QStringLiteral("classifier.depth")), 3);
        QCOMPARE(a.toString(QStringLiteral("early_stopping.monitor")), QStringLiteral("val_accuracy"));
    }

    void flipsThatTurnOneClassIntoAnotherAreTurnedOff()
    {
        // Class means: an "L" and its mirror image "J" (a horizontal flip swaps them), and a symmetric "+".
        const int n = DataProfile::kMeanSide;
        auto image = [n](auto inside) {
            std::vector<float> m(size_t(n * n));
            double mean = 0;
            for (int y = 0; y < n; ++y)
                for (int x = 0; x < n; ++x)
                    mean += m[size_t(y * n + x)] = inside(x, y) ? 1.f : 0.f;
            mean /= n * n;
            double norm = 0;
            for (float &v : m) {
                v -= float(mean);
                norm += double(v) * v;
            }
            for (float &v : m)
                v /= float(std::sqrt(norm));
            return m;
        };
        const auto ell =
            image([](int x, int y) { return (x >= 3 && x <= 5 && y >= 2) || (y >= 12 && y <= 14 && x >= 3); });
        const auto jay = image([n](int x, int y) {
            return (n - 1 - x >= 3 && n - 1 - x <= 5 && y >= 2) || (y >= 12 && y <= 14 && n - 1 - x >= 3);
        });
        const auto plus = image([](int x, int y) { return (x >= 6 && x <= 9) || (y >= 6 && y <= 9); });
        DataProfile p;
        p.kind = DatasetKind::Classification;
        p.annotated = 300;
        p.annotatedPerSplit = {240, 30, 30};
        p.classNames = {QStringLiteral("L"), QStringLiteral("J"), QStringLiteral("plus")};
        p.classCounts = {100, 100, 100};
        p.images.assign(300, {32, 32});
        p.classMeans = {ell, jay, plus};
        const Suggestion s = suggest(p, ParameterSet(), Budget(), fakeProbe);
        const Proposal *h = find(s, "augment.flip.horizontal_probability");
        QVERIFY(h);
        QCOMPARE(h->proposed.toDouble(), 0.0);
        QVERIFY2(h->reason.contains(QStringLiteral("'L'")) || h->reason.contains(QStringLiteral("'J'")),
                 qPrintable(h->reason));
        QVERIFY(find(s, "augment.flip.vertical_probability")); // an upside-down L is no L either
        // Symmetric classes keep their flips.
        p.classNames = {QStringLiteral("plus"), QStringLiteral("frame")};
        p.classCounts = {150, 150};
        p.classMeans = {plus, image([](int x, int y) { return x < 2 || y < 2 || x > 13 || y > 13; })};
        const Suggestion sym = suggest(p, ParameterSet(), Budget(), fakeProbe);
        QVERIFY(!find(sym, "augment.flip.horizontal_probability"));
        QVERIFY(!find(sym, "augment.flip.vertical_probability"));
        // A 5 px blur on a 32 px input is too much; on 264 px it is not.
        QCOMPARE(find(sym, "augment.blur.kernel")->proposed.toInt(), 3);
        QVERIFY(!find(suggest(detectionProfile(150, 800, 600, 170, 250), ParameterSet(), Budget(), fakeProbe),
                      "augment.blur.kernel"));
    }

    void theBudgetBecomesTheRunsTimeLimit()
    {
        Budget budget;
        budget.minutes = 7;
        const Suggestion s = suggest(detectionProfile(100, 320, 240, 60, 60), ParameterSet(), budget, fakeProbe);
        QCOMPARE(s.applied(ParameterSet()).toDouble(QStringLiteral("train.time_limit")), 7.0);
    }

    void whatNoSettingFixesIsAnAction()
    {
        DataProfile p = detectionProfile(8, 320, 240, 60, 60);
        p.warnings.push_back({QStringLiteral("too_few_examples"), QStringLiteral("2 more are needed"), {}, {}, {}});
        p.warnings.push_back({QStringLiteral("small_boxes"), QStringLiteral("settings fix this"), {}, {}, {}});
        const Suggestion s = suggest(p, ParameterSet(), Budget(), fakeProbe);
        QCOMPARE(s.actions.size(), size_t(1));
        QCOMPARE(s.actions[0].code, QStringLiteral("too_few_examples"));
        for (const Proposal &prop : s.proposals)
            QVERIFY(!prop.reason.isEmpty());
    }

    void appliedTakesOnlyTheSelectedRows()
    {
        const Suggestion s = suggest(detectionProfile(300, 640, 480, 40, 40), ParameterSet(), Budget(), fakeProbe);
        QVERIFY(s.proposals.size() >= 3);
        std::vector<bool> selected(s.proposals.size(), false);
        selected[1] = true;
        const ParameterSet a = s.applied(ParameterSet(), &selected);
        QCOMPARE(a.changedKeys(), QStringList{s.proposals[1].key});
        const QJsonObject json = s.toJson();
        QCOMPARE(json.value(QStringLiteral("proposals")).toArray().size(), int(s.proposals.size()));
        QVERIFY(json.value(QStringLiteral("anchor_recall")).toObject().contains(QStringLiteral("proposed")));
    }

    void preflightNamesStrongConcerns()
    {
        const DataProfile p = detectionProfile(50, 640, 480, 30, 30);
        const QStringList concerns = preflight(p, ParameterSet()); // 30 px of 480 -> 3 px at the contract's 50
        QCOMPARE(concerns.size(), 2);
        ParameterSet good = suggest(p, ParameterSet(), Budget(), fakeProbe).applied(ParameterSet());
        QCOMPARE(preflight(p, good), QStringList());
    }

    // ---- class balance, as the trainer applies it

    void samplingDrawsRareClassesAsOftenAsCommonOnes()
    {
        std::vector<int> labels(90, 0);
        labels.insert(labels.end(), 10, 1);
        const auto w = train::sampleWeights(DatasetKind::Classification, labels, {}, 2);
        const auto order = train::weightedOrder(w, 10000, 1, 1, 0);
        const auto rare = std::count_if(order.begin(), order.end(), [&](int64_t i) { return labels[size_t(i)] == 1; });
        QVERIFY2(rare > 4500 && rare < 5500, qPrintable(QString::number(rare)));
        QCOMPARE(train::weightedOrder(w, 50, 1, 1, 0), train::weightedOrder(w, 50, 1, 1, 0));
        // Detection: LVIS repeat factors, sqrt(f_max / f_c) of the rarest class in the image.
        std::vector<std::vector<Box>> boxes(100, {Box{0, 0, 0, 0, 1, 1}});
        boxes[0].push_back(Box{0, 1, 0, 0, 1, 1}); // class 1 in 1 image of 100
        const auto dw = train::sampleWeights(DatasetKind::ObjectDetection, {}, boxes, 2);
        QCOMPARE(dw[0], 10.0);
        QCOMPARE(dw[1], 1.0);
        const auto lw = train::classLossWeights({90, 10});
        QVERIFY(lw[1] > 8 * lw[0]);
        QCOMPARE(lw[0] + lw[1], 2.0);
    }

    void theTrainerSamplesAndWeighs_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("eventKey");
        QTest::newRow("sampling") << QStringLiteral("sampling") << QStringLiteral("class_share");
        QTest::newRow("loss_weights") << QStringLiteral("loss_weights") << QStringLiteral("class_weights");
    }
    void theTrainerSamplesAndWeighs()
    {
        QFETCH(QString, mode);
        QFETCH(QString, eventKey);
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 common = t->project->addClass(QStringLiteral("common"));
        const qint64 rare = t->project->addClass(QStringLiteral("rare"));
        addImages(*t->project, 36, 32, 24, common, 0);
        addImages(*t->project, 6, 32, 24, rare, 1000);
        std::vector<std::pair<qint64, std::optional<Split>>> all; // everything in training, for the counts below
        for (qint64 id : t->project->exampleIds())
            all.emplace_back(id, Split::Train);
        t->project->setSplits(all);
        auto runOnce = [&](const QString &balance) {
            train::TrainOptions o;
            o.parameters.set(QStringLiteral("train.class_balance"), balance);
            o.parameters.set(QStringLiteral("train.epochs"), 1);
            o.parameters.set(QStringLiteral("train.steps_per_epoch"), 50);
            o.parameters.set(QStringLiteral("classifier.width"), 5);
            o.parameters.set(QStringLiteral("classifier.depth"), 1);
            o.threads = 1;
            o.allowCuda = false;
            struct FirstLoss : train::TrainHooks {
                std::vector<double> losses;
                void batchEnd(const train::BatchInfo &b) override { losses.push_back(b.loss); }
            } hooks;
            std::atomic<bool> cancel{false};
            const train::RunSummary s = train::Trainer(*t->project, o).run(hooks, cancel);
            return std::make_pair(s, hooks.losses);
        };
        const auto [plain, plainLosses] = runOnce(QStringLiteral("none"));
        const auto [balanced, balancedLosses] = runOnce(mode);
        QCOMPARE(balanced.status, QStringLiteral("finished"));
        QVERIFY(plainLosses != balancedLosses); // other samples or other weights, same seed
        const auto record = train::RunStore(*t->project).run(balanced.runId);
        QJsonArray numbers;
        for (const QJsonObject &e : record->events)
            if (e.value(QStringLiteral("kind")).toString() == QLatin1String("class_balance"))
                numbers = e.value(QStringLiteral("details")).toObject().value(eventKey).toArray();
        QCOMPARE(numbers.size(), 2);
        if (mode == QLatin1String("sampling"))
            QVERIFY(std::abs(numbers[0].toDouble() - 0.5) < 0.01); // each class half of the draws
        else
            QVERIFY(numbers[1].toDouble() > 5 * numbers[0].toDouble()); // the rare class weighs 6x
    }

    // ---- the time limit

    void theTimeLimitPredictsTheNextEpoch()
    {
        train::TimeBudget b(100);
        QVERIFY(b.nextEpochFits(10, 0)); // nothing measured yet
        b.epochEnded(30);
        b.epochEnded(25);
        QVERIFY(b.nextEpochFits(60, 5));  // 60 + 30 + 5 <= 100
        QVERIFY(!b.nextEpochFits(66, 5)); // 66 + 30 + 5 > 100: stop now, not after passing the limit
        QCOMPARE(b.predictedEpochSeconds(), 30.0);
        QVERIFY(train::TimeBudget(0).nextEpochFits(1e9, 1e9));
    }

    void theTrainerStopsBeforeAnEpochThatWouldNotFit_data()
    {
        QTest::addColumn<bool>("fromParameters");
        QTest::newRow("--minutes") << false;
        QTest::newRow("train.time_limit") << true;
    }
    void theTrainerStopsBeforeAnEpochThatWouldNotFit()
    {
        QFETCH(bool, fromParameters);
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 a = t->project->addClass(QStringLiteral("a")), b = t->project->addClass(QStringLiteral("b"));
        addImages(*t->project, 12, 32, 24, a, 0);
        addImages(*t->project, 12, 32, 24, b, 500);
        assignSplits(*t->project, false);
        train::TrainOptions o;
        o.parameters.set(QStringLiteral("train.epochs"), 5);
        o.parameters.set(QStringLiteral("classifier.width"), 5);
        o.threads = 1;
        o.allowCuda = false;
        if (fromParameters)
            o.parameters.set(QStringLiteral("train.time_limit"), 1e-5); // minutes: any epoch passes it
        else
            o.timeLimitSeconds = 1e-3;
        struct NoHooks : train::TrainHooks {
        } hooks;
        std::atomic<bool> cancel{false};
        const train::RunSummary s = train::Trainer(*t->project, o).run(hooks, cancel);
        QCOMPARE(s.status, QStringLiteral("time_limit"));
        QCOMPARE(s.epochs, 1);
        QVERIFY2(s.message.contains(QStringLiteral("would pass the time limit")), qPrintable(s.message));
        QVERIFY(s.testMetrics.contains(QStringLiteral("accuracy"))); // the test still runs
    }

    // ---- advice after a run

    void adviceAfterARun()
    {
        auto still = runWith({2.0, 1.5, 1.2, 1.0, 0.8});
        still.metrics = QJsonObject{{QStringLiteral("map50"), 0.45}};
        auto advice = adviseRun(still, DatasetKind::ObjectDetection);
        QVERIFY(hasCode(advice, "underfitted"));
        QVERIFY(hasCode(advice, "below_good"));
        QVERIFY(!hasCode(advice, "unstable"));

        auto flat = runWith({2.0, 1.0, 0.9, 0.9, 0.9}, QStringLiteral("stopped_early"));
        flat.metrics = QJsonObject{{QStringLiteral("map50"), 0.7}};
        advice = adviseRun(flat, DatasetKind::ObjectDetection);
        QVERIFY(!hasCode(advice, "underfitted"));
        QVERIFY(hasCode(advice, "good"));

        auto jumpy = runWith({1.0, 1.4, 0.9, 1.3, 0.8, 0.7});
        QVERIFY(hasCode(adviseRun(jumpy, DatasetKind::Classification), "unstable"));

        auto over = runWith({1.0, 0.8, 0.6});
        over.events.push_back({{QStringLiteral("kind"), QStringLiteral("overfitting")},
                               {QStringLiteral("details"), QJsonObject{{QStringLiteral("began_at"), 2}}}});
        QVERIFY(hasCode(adviseRun(over, DatasetKind::Classification), "overfitted"));

        auto weak = runWith({1.0, 0.9, 0.9}, QStringLiteral("stopped_early"));
        weak.metrics = QJsonObject{
            {QStringLiteral("accuracy"), 0.8},
            {QStringLiteral("per_class"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("class"), QStringLiteral("cat")}, {QStringLiteral("recall"), 0.95}},
                 QJsonObject{{QStringLiteral("class"), QStringLiteral("dog")}, {QStringLiteral("recall"), 0.9}},
                 QJsonObject{{QStringLiteral("class"), QStringLiteral("owl")}, {QStringLiteral("recall"), 0.2}}}}};
        advice = adviseRun(weak, DatasetKind::Classification);
        QVERIFY(hasCode(advice, "weak_class"));
        const auto it = std::find_if(advice.begin(), advice.end(),
                                     [](const RunAdvice &a) { return a.code == QLatin1String("weak_class"); });
        QVERIFY(it->message.contains(QStringLiteral("'owl'")));
        QVERIFY(adviseRun(runWith({1, 2, 3}, QStringLiteral("failed")), DatasetKind::Classification).empty());
    }
};

QTEST_GUILESS_MAIN(TestAdvise)
#include "tst_advise.moc"
