#include "eval/metrics.h"

#include <QJsonArray>
#include <QTest>

using namespace visor::eval;

namespace {
GroundTruth gt(int image, int label, float x1, float y1, float x2, float y2, bool difficult = false)
{
    return {image, label, x1, y1, x2, y2, difficult};
}
Detection det(int image, int label, float score, float x1, float y1, float x2, float y2)
{
    return {image, label, score, x1, y1, x2, y2};
}
bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}
} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classification()
    {
        const auto m = classificationMetrics({0, 0, 1, 1, 2}, {0, 1, 1, 1, 0}, 3);
        QVERIFY(near(m.accuracy, 0.6));
        QCOMPARE(m.confusion[0], (std::vector<qint64>{1, 1, 0}));
        QCOMPARE(m.confusion[2], (std::vector<qint64>{1, 0, 0}));
        QVERIFY(near(m.precision[0], 0.5));
        QVERIFY(near(m.precision[1], 2.0 / 3));
        QVERIFY(near(m.precision[2], 0)); // never predicted: 0, not NaN
        QVERIFY(near(m.recall[1], 1));
        QVERIFY(near(m.f1[1], 0.8));
        QCOMPARE(m.support[2], qint64(1));
    }

    void iouOfBoxes()
    {
        QVERIFY(near(iou(0, 0, 10, 10, 0, 0, 10, 10), 1));
        QVERIFY(near(iou(0, 0, 10, 10, 5, 0, 15, 10), 50.0 / 150));
        QVERIFY(near(iou(0, 0, 10, 10, 10, 0, 20, 10), 0)); // touching
    }

    // TP, FP, TP with exact boxes: recall .5 .5 1, precision 1 .5 .667.
    void handComputedAp()
    {
        const std::vector<GroundTruth> g = {gt(1, 0, 0, 0, 10, 10), gt(1, 0, 20, 20, 30, 30)};
        const std::vector<Detection> d = {det(1, 0, 0.9f, 0, 0, 10, 10), det(1, 0, 0.8f, 50, 50, 60, 60),
                                          det(1, 0, 0.7f, 20, 20, 30, 30)};
        const auto m = detectionMetrics(g, d, 1);
        // VOC all-point: 0.5 * 1 + 0.5 * 2/3.
        QVERIFY2(near(m.perClass[0].ap50, 0.5 + 0.5 * 2.0 / 3),
                 qPrintable(QString::number(m.perClass[0].ap50, 'g', 17)));
        // COCO: recall points 0..0.50 (51) at precision 1, 0.51..1 (50) at 2/3; the same at every IoU.
        QVERIFY2(near(m.perClass[0].apCoco, (51 + 50 * 2.0 / 3) / 101),
                 qPrintable(QString::number(m.perClass[0].apCoco, 'g', 17)));
        QVERIFY(near(m.map50, m.perClass[0].ap50));
        QCOMPARE(m.perClass[0].curve.size(), size_t(3));
    }

    // Issue 17.14: the threshold of the best F1 over all classes, by hand. Scores 0.9 TP, 0.8 FP, 0.7 TP
    // and a class-1 detection without truth at 0.95 (FP); 2 objects. Thresholds: 0.95 F1 0; 0.9 2/4;
    // 0.8 2/5; 0.7 4/6 (best). The envelope has 101 points.
    void bestF1Threshold()
    {
        const std::vector<GroundTruth> g = {gt(1, 0, 0, 0, 10, 10), gt(1, 0, 20, 20, 30, 30)};
        const std::vector<Detection> d = {det(1, 0, 0.9f, 0, 0, 10, 10), det(1, 0, 0.8f, 50, 50, 60, 60),
                                          det(1, 0, 0.7f, 20, 20, 30, 30), det(1, 1, 0.95f, 0, 0, 5, 5)};
        const auto m = detectionMetrics(g, d, 2);
        QVERIFY2(near(m.bestF1, 4.0 / 6), qPrintable(QString::number(m.bestF1)));
        QVERIFY(near(m.bestF1Threshold, 0.7f));
        const QJsonObject o = m.toJson({QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(near(o.value(QStringLiteral("best_f1_threshold")).toDouble(), 0.7f));
        const QJsonArray envelope =
            o.value(QStringLiteral("per_class")).toArray()[0].toObject().value(QStringLiteral("pr_envelope")).toArray();
        QCOMPARE(envelope.size(), 101);
        QVERIFY(near(envelope[0].toDouble(), 1) && near(envelope[50].toDouble(), 1));
        QVERIFY(std::abs(envelope[51].toDouble() - 2.0 / 3) < 1e-4 && near(envelope[100].toDouble(), 0.6667));
        QVERIFY(!o.value(QStringLiteral("per_class")).toArray()[1].toObject().contains(QStringLiteral("pr_envelope")));
        QVERIFY(!detectionMetrics(g, {}, 1).toJson({}).contains(QStringLiteral("best_f1_threshold")));
    }

    // Equal scores keep their input order (stable sort), as in the VOC devkit and pycocotools.
    void tiesInScore()
    {
        const std::vector<GroundTruth> g = {gt(1, 0, 0, 0, 10, 10)};
        const auto fpFirst = detectionMetrics(g, {det(1, 0, 0.5f, 40, 40, 50, 50), det(1, 0, 0.5f, 0, 0, 10, 10)}, 1);
        const auto tpFirst = detectionMetrics(g, {det(1, 0, 0.5f, 0, 0, 10, 10), det(1, 0, 0.5f, 40, 40, 50, 50)}, 1);
        QVERIFY(near(fpFirst.perClass[0].ap50, 0.5));
        QVERIFY(near(tpFirst.perClass[0].ap50, 1.0));
        QVERIFY(near(fpFirst.perClass[0].apCoco, 0.5 * 101 / 101.0)); // precision 0.5 everywhere
        QVERIFY(near(tpFirst.perClass[0].apCoco, 1.0));
    }

    void duplicatesImagesWithoutTruthAndDifficult()
    {
        const std::vector<GroundTruth> g = {gt(1, 0, 0, 0, 10, 10), gt(1, 0, 30, 30, 40, 40, true)};
        const std::vector<Detection> d = {
            det(1, 0, 0.9f, 0, 0, 10, 10),   // TP
            det(1, 0, 0.8f, 0, 0, 10, 10),   // duplicate: FP
            det(1, 0, 0.7f, 30, 30, 40, 40), // on a difficult object: ignored
            det(2, 0, 0.6f, 0, 0, 10, 10),   // image without ground truth: FP
        };
        const auto m = detectionMetrics(g, d, 1);
        QCOMPARE(m.perClass[0].groundTruths, 1);
        // rec 1 1 1, prec 1 .5 .333: AP 1.
        QVERIFY(near(m.perClass[0].ap50, 1.0));
        QVERIFY(near(m.perClass[0].apCoco, 1.0));
        QCOMPARE(m.perClass[0].curve.size(), size_t(3)); // the ignored detection adds no point
    }

    void classesWithoutDetectionsOrTruth()
    {
        const std::vector<GroundTruth> g = {gt(1, 0, 0, 0, 10, 10), gt(1, 1, 0, 0, 10, 10)};
        const std::vector<Detection> d = {det(1, 0, 0.9f, 0, 0, 10, 10), det(1, 2, 0.9f, 0, 0, 10, 10)};
        const auto m = detectionMetrics(g, d, 3);
        QVERIFY(near(m.perClass[0].ap50, 1));
        QVERIFY(near(m.perClass[1].ap50, 0)); // ground truth, no detection: AP 0, counted
        QCOMPARE(m.perClass[2].ap50, -1.0);   // detections, no ground truth: undefined, left out
        QVERIFY(near(m.map50, 0.5));
        QVERIFY(near(m.map, 0.5));
    }

    // IoU 0.72: a true positive at thresholds .50-.70, a false positive at .75-.95.
    void cocoAveragesOverThresholds()
    {
        // Ground truth 0..100 x 0..10; detection 0..72: IoU = 720 / 1000 = 0.72.
        const auto m = detectionMetrics({gt(1, 0, 0, 0, 100, 10)}, {det(1, 0, 0.9f, 0, 0, 72, 10)}, 1);
        QVERIFY(near(m.perClass[0].ap50, 1));
        QVERIFY2(near(m.perClass[0].apCoco, 0.5), qPrintable(QString::number(m.perClass[0].apCoco, 'g', 17)));
    }

    void maxDetectionsPerImage()
    {
        // Two low-scoring correct detections beyond the limit of 1 per image are not seen by COCO.
        std::vector<Detection> d = {det(1, 0, 0.9f, 50, 50, 60, 60), det(1, 0, 0.1f, 0, 0, 10, 10)};
        const auto m = detectionMetrics({gt(1, 0, 0, 0, 10, 10)}, d, 1, 1);
        QVERIFY(near(m.perClass[0].apCoco, 0));
        QVERIFY(near(m.perClass[0].ap50, 0.5)); // VOC has no limit
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
