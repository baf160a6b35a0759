#include "project/splitter.h"
#include "project/statistics.h"
#include "testutil.h"

#include <QJsonArray>
#include <QTest>
#include <random>

using namespace visor;

namespace {

const HealthWarning *find(const DatasetStatistics &st, const QString &code)
{
    for (const auto &w : st.warnings)
        if (w.code == code)
            return &w;
    return nullptr;
}

qint64 addWithHash(Project &p, int i, quint64 phash, std::optional<Split> split, qint64 classId)
{
    NewExample ne;
    ne.meta.hash = p.storeImage(QByteArray("hashed-") + QByteArray::number(i), QStringLiteral("png"));
    ne.meta.suffix = QStringLiteral("png");
    ne.meta.fileName = QStringLiteral("h%1.png").arg(i);
    ne.meta.width = ne.meta.height = 64;
    ne.meta.perceptualHash = phash;
    ne.meta.split = split;
    ne.meta.labelled = true;
    ne.meta.classId = classId;
    return p.addExamples({ne}).added.at(0);
}

} // namespace

class TestStatistics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsPerClassAndSplit()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        Project &p = *t->project;
        const qint64 a = p.addClass(QStringLiteral("a"));
        const qint64 b = p.addClass(QStringLiteral("b"));
        test::addPlainExamples(p, 30, 100, 100, 0,
                               {Box{0, a, 10, 10, 50, 50}, Box{0, a, 60, 60, 90, 80}, Box{0, b, 0, 0, 20, 40}});
        test::addPlainExamples(p, 4, 100, 100, 0, {}, 100); // unlabelled
        assignSplits(p, false);
        const DatasetStatistics st = computeStatistics(p);
        QCOMPARE(st.examples, qint64(34));
        QCOMPARE(st.annotated, qint64(30));
        QCOMPARE(st.unlabelled, qint64(4));
        QCOMPARE(st.boxes, qint64(90));
        QCOMPARE(st.classes.size(), size_t(2));
        QCOMPARE(st.classes[0].examples.total(), qint64(30));
        QCOMPARE(st.classes[0].boxes.total(), qint64(60));
        QCOMPARE(st.classes[1].boxes.total(), qint64(30));
        QCOMPARE(st.splits.counts[1] + st.splits.counts[2] + st.splits.counts[0], qint64(34));
        QCOMPARE(st.classes[0].examples.counts[0] + st.classes[0].examples.counts[1] + st.classes[0].examples.counts[2],
                 qint64(30));
        // Histograms: 90 boxes in each.
        QCOMPARE(st.histograms.size(), size_t(4));
        for (const Histogram &h : st.histograms) {
            qint64 sum = 0;
            for (qint64 c : h.counts)
                sum += c;
            QCOMPARE(sum, qint64(90));
        }
        // width 40 -> [32,64) bin 4; widths 30 and 20 -> [16,32) bin 3.
        QCOMPARE(st.histograms[0].counts[4], qint64(30));
        QCOMPARE(st.histograms[0].counts[3], qint64(60));
        // aspect ratio: 40/40=1 (30), 20/30 = 0.67 (30), 40/20 = 2 (30)
        QCOMPARE(st.histograms[3].counts[4], qint64(30));
        QCOMPARE(st.histograms[3].counts[2], qint64(30));
        QCOMPARE(st.histograms[3].counts[7], qint64(30));

        const QJsonObject json = st.toJson();
        QCOMPARE(json[QStringLiteral("kind")].toString(), QStringLiteral("ObjectDetection"));
        QCOMPARE(json[QStringLiteral("examples")].toInt(), 34);
        QCOMPARE(json[QStringLiteral("annotated")].toInt(), 30);
        QCOMPARE(json[QStringLiteral("unlabelled")].toInt(), 4);
        const QJsonObject c0 = json[QStringLiteral("classes")].toArray()[0].toObject();
        QCOMPARE(c0[QStringLiteral("name")].toString(), QStringLiteral("a"));
        QCOMPARE(c0[QStringLiteral("boxes")].toInt(), 60);
        QVERIFY(c0[QStringLiteral("splits")].toObject().contains(QStringLiteral("train")));
        QVERIFY(json[QStringLiteral("warnings")].isArray());
    }

    void tooFewExamples()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        const qint64 a = t->project->addClass(QStringLiteral("a"));
        test::addPlainExamples(*t->project, 7, 64, 48, a);
        const auto unl = test::addPlainExamples(*t->project, 2, 64, 48, 0, {}, 50);
        const DatasetStatistics st = computeStatistics(*t->project);
        const HealthWarning *w = find(st, QStringLiteral("too_few_examples"));
        QVERIFY(w);
        QCOMPARE(w->numbers[QStringLiteral("missing")].toInt(), 3);
        QVERIFY(w->message.contains(QStringLiteral("3 more")));
        QCOMPARE(w->examples, unl);
        test::addPlainExamples(*t->project, 3, 64, 48, a, {}, 100);
        QVERIFY(!find(computeStatistics(*t->project), QStringLiteral("too_few_examples")));
    }

    void emptyClassAndMissingInTrain()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        Project &p = *t->project;
        const qint64 a = p.addClass(QStringLiteral("a"));
        const qint64 b = p.addClass(QStringLiteral("b"));
        p.addClass(QStringLiteral("empty"));
        test::addPlainExamples(p, 20, 64, 48, a);
        const auto bs = test::addPlainExamples(p, 2, 64, 48, b, {}, 100);
        for (qint64 id : bs)
            p.pinSplit(id, Split::Test);
        assignSplits(p, false);
        const DatasetStatistics st = computeStatistics(p);
        const HealthWarning *empty = find(st, QStringLiteral("empty_class"));
        QVERIFY(empty);
        QVERIFY(empty->message.contains(QStringLiteral("'empty'")));
        const HealthWarning *missing = find(st, QStringLiteral("class_missing_in_train"));
        QVERIFY(missing);
        QVERIFY(missing->message.contains(QStringLiteral("'b'")));
        QCOMPARE(missing->examples, bs);
    }

    void emptySplit()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        Project &p = *t->project;
        const qint64 a = p.addClass(QStringLiteral("a"));
        const auto ids = test::addPlainExamples(p, 30, 64, 48, a);
        std::vector<std::pair<qint64, std::optional<Split>>> splits;
        for (size_t i = 0; i < ids.size(); ++i)
            splits.emplace_back(ids[i], i < 3 ? Split::Test : Split::Train); // like a source with train/ and test/ only
        p.setSplits(splits);
        DatasetStatistics st = computeStatistics(p);
        const HealthWarning *w = find(st, QStringLiteral("empty_split"));
        QVERIFY(w);
        QCOMPARE(w->numbers[QStringLiteral("split")].toString(), QStringLiteral("val"));
        assignSplits(p, true);
        st = computeStatistics(p);
        QVERIFY(!find(st, QStringLiteral("empty_split")));
    }

    void imbalance()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        Project &p = *t->project;
        const qint64 a = p.addClass(QStringLiteral("a"));
        const qint64 b = p.addClass(QStringLiteral("b"));
        test::addPlainExamples(p, 31, 64, 48, a);
        const auto small = test::addPlainExamples(p, 10, 64, 48, b, {}, 100);
        const DatasetStatistics st = computeStatistics(p);
        const HealthWarning *w = find(st, QStringLiteral("imbalance"));
        QVERIFY(w);
        QCOMPARE(w->numbers[QStringLiteral("largest")].toInt(), 31);
        QCOMPARE(w->numbers[QStringLiteral("smallest")].toInt(), 10);
        QCOMPARE(w->examples, small);
        // The ratio is configurable.
        p.setParameter(QStringLiteral("health.imbalance_ratio"), 3.2);
        QVERIFY(!find(computeStatistics(p), QStringLiteral("imbalance")));
    }

    void smallAndLargeBoxes()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        Project &p = *t->project;
        const qint64 a = p.addClass(QStringLiteral("a"));
        // 800x600 image resized to shorter side 50 (scale 1/12, longer 66.7 <= 80): a 90 px box becomes 7.5 px.
        const auto small = test::addPlainExamples(p, 2, 800, 600, 0, {Box{0, a, 0, 0, 90, 200}});
        test::addPlainExamples(p, 3, 800, 600, 0, {Box{0, a, 0, 0, 100, 200}}, 10);
        const auto large = test::addPlainExamples(p, 1, 100, 100, 0, {Box{0, a, 0, 0, 99, 99}}, 20);
        DatasetStatistics st = computeStatistics(p);
        const HealthWarning *s = find(st, QStringLiteral("small_boxes"));
        QVERIFY(s);
        QCOMPARE(s->examples, small);
        QCOMPARE(s->numbers[QStringLiteral("boxes")].toInt(), 2);
        const HealthWarning *l = find(st, QStringLiteral("large_boxes"));
        QVERIFY(l);
        QCOMPARE(l->examples, large);
        // A larger input resolution makes the small boxes visible.
        p.setParameter(QStringLiteral("input.min_side"), 100);
        p.setParameter(QStringLiteral("input.max_side"), 200);
        QVERIFY(!find(computeStatistics(p), QStringLiteral("small_boxes")));
    }

    void nearDuplicatesAndLeakage()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        Project &p = *t->project;
        const qint64 a = p.addClass(QStringLiteral("a"));
        const quint64 h = 0xF0F0F0F0A5A5A5A5ULL;
        const qint64 x = addWithHash(p, 1, h, Split::Train, a);
        const qint64 y = addWithHash(p, 2, h ^ 0x8001ULL, Split::Test, a); // 2 bits apart: near duplicate, other split
        const qint64 u = addWithHash(p, 3, 0x0123456789ABCDEFULL, Split::Train, a);
        const qint64 v = addWithHash(p, 4, 0x0123456789ABCDEFULL ^ 0x1ULL, Split::Train, a); // same split
        addWithHash(p, 5, 0x7777000077770000ULL, Split::Train, a);                           // unrelated
        const DatasetStatistics st = computeStatistics(p);
        const HealthWarning *d = find(st, QStringLiteral("near_duplicates"));
        QVERIFY(d);
        QCOMPARE(d->groups.size(), size_t(2));
        QCOMPARE(d->groups[0], (std::vector<qint64>{x, y}));
        QCOMPARE(d->groups[1], (std::vector<qint64>{u, v}));
        const HealthWarning *leak = find(st, QStringLiteral("duplicate_leakage"));
        QVERIFY(leak);
        QCOMPARE(leak->groups.size(), size_t(1));
        QCOMPARE(leak->examples, (std::vector<qint64>{x, y}));
        p.setParameter(QStringLiteral("health.near_duplicate_distance"), 0);
        QVERIFY(!find(computeStatistics(p), QStringLiteral("near_duplicates")));
    }

    // The multi-index search finds exactly the pairs a brute-force comparison finds.
    void nearDuplicateSearchMatchesBruteForce()
    {
        std::mt19937_64 rng(7);
        std::vector<std::pair<qint64, quint64>> hashes;
        for (int i = 0; i < 300; ++i) {
            quint64 h = rng();
            if (i % 3 == 0 && i > 0) // plant neighbours at random small distances
                h = hashes[size_t(i - 1)].second ^ (1ULL << (rng() % 64)) ^ (1ULL << (rng() % 64)) ^
                    (1ULL << (rng() % 64));
            hashes.emplace_back(i, h);
        }
        for (int d : {0, 2, 4, 6}) {
            const auto groups = nearDuplicateGroups(hashes, d);
            // Union-find over brute-force pairs.
            std::vector<int> parent(hashes.size());
            for (size_t i = 0; i < parent.size(); ++i)
                parent[i] = int(i);
            std::function<int(int)> root = [&](int x) {
                return parent[size_t(x)] == x ? x : parent[size_t(x)] = root(parent[size_t(x)]);
            };
            for (size_t i = 0; i < hashes.size(); ++i)
                for (size_t j = i + 1; j < hashes.size(); ++j)
                    if (__builtin_popcountll(hashes[i].second ^ hashes[j].second) <= d)
                        parent[size_t(root(int(i)))] = root(int(j));
            std::map<int, std::vector<qint64>> expectedMap;
            for (size_t i = 0; i < hashes.size(); ++i)
                expectedMap[root(int(i))].push_back(hashes[i].first);
            std::vector<std::vector<qint64>> expected;
            for (auto &[r, g] : expectedMap)
                if (g.size() > 1)
                    expected.push_back(g);
            std::sort(expected.begin(), expected.end());
            QCOMPARE(groups, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
