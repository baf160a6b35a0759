#include "project/splitter.h"
#include "testutil.h"

#include <QTest>
#include <map>

using namespace visor;

namespace {

std::map<qint64, std::optional<Split>> splitsOf(const Project &p)
{
    std::map<qint64, std::optional<Split>> m;
    for (const Example &e : p.examples())
        m[e.id] = e.split;
    return m;
}

std::map<QString, std::optional<Split>> splitsByHash(const Project &p)
{
    std::map<QString, std::optional<Split>> m;
    for (const Example &e : p.examples())
        m[e.hash] = e.split;
    return m;
}

} // namespace

class TestSplits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void targets_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("val");
        QTest::addColumn<int>("train");
        QTest::newRow("10") << 10 << 0.1 << 1 << 8;
        QTest::newRow("300") << 300 << 0.1 << 30 << 240;
        QTest::newRow("1000") << 1000 << 0.1 << 100 << 800;
        QTest::newRow("capped") << 5000 << 0.1 << 100 << 4800;
        QTest::newRow("capped large fraction") << 400 << 0.5 << 100 << 200;
        QTest::newRow("zero") << 0 << 0.1 << 0 << 0;
    }

    void targets()
    {
        QFETCH(int, total);
        QFETCH(double, fraction);
        QFETCH(int, val);
        QFETCH(int, train);
        const SplitCounts c = splitTargets(total, fraction, fraction);
        QCOMPARE(c.val, val);
        QCOMPARE(c.test, val);
        QCOMPARE(c.train, train);
    }

    void fractionsAndCaps()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 a = t->project->addClass(QStringLiteral("a"));
        test::addPlainExamples(*t->project, 1500, 64, 48, a);
        const SplitPlan plan = assignSplits(*t->project, false);
        QCOMPARE(plan.result.val, 100);
        QCOMPARE(plan.result.test, 100);
        QCOMPARE(plan.result.train, 1300);

        t->project->setParameter(QStringLiteral("train.val_fraction"), 0.05);
        t->project->setParameter(QStringLiteral("train.test_fraction"), 0.02);
        const SplitPlan again = assignSplits(*t->project, true);
        QCOMPARE(again.result.val, 75);
        QCOMPARE(again.result.test, 30);
    }

    void deterministicAcrossProjects()
    {
        auto t1 = test::makeProject(DatasetKind::Classification, QStringLiteral("same"));
        auto t2 = test::makeProject(DatasetKind::Classification, QStringLiteral("same"));
        for (auto *t : {t1.get(), t2.get()}) {
            t->project->setSplitSeed(42);
            const qint64 a = t->project->addClass(QStringLiteral("a"));
            test::addPlainExamples(*t->project, 200, 64, 48, a);
            assignSplits(*t->project, true);
        }
        QCOMPARE(splitsByHash(*t1->project), splitsByHash(*t2->project));
        // Another seed gives another split.
        t2->project->setSplitSeed(43);
        assignSplits(*t2->project, true);
        QVERIFY(splitsByHash(*t1->project) != splitsByHash(*t2->project));
    }

    void stableWhenExamplesAreAdded()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 a = t->project->addClass(QStringLiteral("a"));
        test::addPlainExamples(*t->project, 300, 64, 48, a);
        assignSplits(*t->project, false);
        const auto before = splitsOf(*t->project);
        test::addPlainExamples(*t->project, 200, 64, 48, a, {}, 1000);
        const SplitPlan plan = assignSplits(*t->project, false);
        QCOMPARE(plan.assigned, 200); // only the new ones
        const auto after = splitsOf(*t->project);
        for (const auto &[id, split] : before)
            QCOMPARE(after.at(id), split);
        QCOMPARE(plan.result.val, 50); // grown to 10% of 500
        QCOMPARE(plan.result.test, 50);
        // Running it again changes nothing.
        QCOMPARE(assignSplits(*t->project, false).assigned, 0);
        QCOMPARE(splitsOf(*t->project), after);
    }

    void stratifiedByClass()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 big = t->project->addClass(QStringLiteral("big"));
        const qint64 small = t->project->addClass(QStringLiteral("small"));
        test::addPlainExamples(*t->project, 450, 64, 48, big);
        test::addPlainExamples(*t->project, 50, 64, 48, small);
        for (quint64 seed = 0; seed < 20; ++seed) {
            t->project->setSplitSeed(seed);
            assignSplits(*t->project, true);
            std::map<qint64, std::array<int, 3>> counts;
            for (const Example &e : t->project->examples())
                counts[e.classId][size_t(*e.split)]++;
            // 10% of each class in val and in test, give or take one, whatever the seed.
            const QString where = QStringLiteral("seed %1: small %2/%3, big %4/%5")
                                      .arg(seed)
                                      .arg(counts[small][1])
                                      .arg(counts[small][2])
                                      .arg(counts[big][1])
                                      .arg(counts[big][2]);
            QVERIFY2(std::abs(counts[small][1] - 5) <= 1 && std::abs(counts[small][2] - 5) <= 1, qPrintable(where));
            QVERIFY2(std::abs(counts[big][1] - 45) <= 1 && std::abs(counts[big][2] - 45) <= 1, qPrintable(where));
        }
    }

    void detectionStratifiedByMostFrequentClass()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 a = t->project->addClass(QStringLiteral("a"));
        const qint64 b = t->project->addClass(QStringLiteral("b"));
        // 180 images mostly "a" (one b box), 20 images only "b".
        test::addPlainExamples(*t->project, 180, 64, 48, 0,
                               {Box{0, a, 0, 0, 9, 9}, Box{0, a, 10, 10, 20, 20}, Box{0, b, 1, 1, 5, 5}});
        test::addPlainExamples(*t->project, 20, 64, 48, 0, {Box{0, b, 0, 0, 9, 9}}, 500);
        assignSplits(*t->project, true);
        int bOnlyVal = 0, bOnlyTest = 0;
        for (const Example &e : t->project->examples())
            if (t->project->boxes(e.id).size() == 1) {
                bOnlyVal += e.split == Split::Val;
                bOnlyTest += e.split == Split::Test;
            }
        QVERIFY2(bOnlyVal >= 1 && bOnlyVal <= 3, qPrintable(QString::number(bOnlyVal)));
        QVERIFY2(bOnlyTest >= 1 && bOnlyTest <= 3, qPrintable(QString::number(bOnlyTest)));
    }

    // An empty validation split is filled from training; the official test split neither moves nor grows.
    void fillEmptyKeepsTheOfficialTest()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 a = t->project->addClass(QStringLiteral("a"));
        const auto ids = test::addPlainExamples(*t->project, 100, 64, 48, a);
        std::vector<std::pair<qint64, std::optional<Split>>> all;
        for (size_t i = 0; i < ids.size(); ++i)
            all.emplace_back(ids[i], i < 4 ? Split::Test : Split::Train);
        t->project->setSplits(all);
        for (size_t i = 0; i < 4; ++i)
            t->project->pinSplit(ids[i], Split::Test);
        const SplitPlan plan = assignSplits(*t->project, SplitMode::FillEmpty);
        QCOMPARE(plan.result.val, 10);
        QCOMPARE(plan.result.test, 4);
        QCOMPARE(plan.assigned, 10);
        for (size_t i = 0; i < 4; ++i)
            QCOMPARE(t->project->example(ids[i])->split, Split::Test);
        // Nothing empty any more: a second fill changes nothing.
        QCOMPARE(assignSplits(*t->project, SplitMode::FillEmpty).assigned, 0);
    }

    void pinning()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 a = t->project->addClass(QStringLiteral("a"));
        const auto ids = test::addPlainExamples(*t->project, 100, 64, 48, a);
        t->project->pinSplit(ids[0], Split::Test);
        t->project->pinSplit(ids[1], Split::Val);
        for (int seed = 0; seed < 5; ++seed) {
            t->project->setSplitSeed(quint64(seed));
            const SplitPlan plan = assignSplits(*t->project, true);
            QCOMPARE(t->project->example(ids[0])->split, Split::Test);
            QCOMPARE(t->project->example(ids[1])->split, Split::Val);
            QCOMPARE(plan.result.test, 10); // the pinned one counts towards the target
        }
        t->project->pinSplit(ids[0], std::nullopt);
        QVERIFY(!t->project->example(ids[0])->pinnedSplit);
    }

    void reshuffleMovesExamples()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 a = t->project->addClass(QStringLiteral("a"));
        test::addPlainExamples(*t->project, 200, 64, 48, a);
        assignSplits(*t->project, false);
        const auto before = splitsOf(*t->project);
        t->project->setSplitSeed(t->project->splitSeed() + 1);
        assignSplits(*t->project, true);
        QVERIFY(splitsOf(*t->project) != before);
    }
};

QTEST_GUILESS_MAIN(TestSplits)
#include "tst_splits.moc"
