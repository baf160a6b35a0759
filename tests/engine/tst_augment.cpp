#include "augment/augmenter.h"
#include "project/inputsize.h"
#include "testutil.h"

#include <QTest>
#include <opencv2/imgproc.hpp>

using namespace visor;
using namespace visor::augment;

namespace {

// A configuration with every transform off; tests switch on what they examine.
Config quiet()
{
    Config c = Config::fromParameters(ParameterSet());
    for (double &p : c.probability)
        p = 0;
    return c;
}

cv::Mat pattern(int w, int h, int channels = 3)
{
    cv::Mat img(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 7 + y), uchar(y * 5 + 3 * x), uchar((x * y) % 251));
    if (channels == 1)
        cv::cvtColor(img, img, cv::COLOR_BGR2GRAY);
    return img;
}

bool same(const cv::Mat &a, const cv::Mat &b)
{
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

void compareBox(const Box &a, float x1, float y1, float x2, float y2, float tolerance = 1e-3f)
{
    QVERIFY2(std::abs(a.x1 - x1) <= tolerance && std::abs(a.y1 - y1) <= tolerance && std::abs(a.x2 - x2) <= tolerance &&
                 std::abs(a.y2 - y2) <= tolerance,
             qPrintable(QStringLiteral("(%1,%2,%3,%4) vs (%5,%6,%7,%8)")
                            .arg(a.x1)
                            .arg(a.y1)
                            .arg(a.x2)
                            .arg(a.y2)
                            .arg(x1)
                            .arg(y1)
                            .arg(x2)
                            .arg(y2)));
}

const std::vector<Box> kBoxes = {Box{0, 1, 10, 20, 50, 40}, Box{0, 2, 60, 5, 90, 55}};

} // namespace

class TestAugment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void horizontalFlipIsExact()
    {
        Config c = quiet();
        c.probability[int(Transform::FlipHorizontal)] = 1;
        const cv::Mat img = pattern(100, 60);
        const Sample s = Pipeline(c).apply(img, kBoxes, 1, 0, 0);
        cv::Mat expected;
        cv::flip(img, expected, 1);
        QVERIFY(same(s.image, expected));
        QCOMPARE(s.boxes.size(), size_t(2));
        compareBox(s.boxes[0], 100 - 50, 20, 100 - 10, 40, 0); // x -> W - x, exactly
        compareBox(s.boxes[1], 100 - 90, 5, 100 - 60, 55, 0);
        QVERIFY(s.record.has(Transform::FlipHorizontal));
    }

    void verticalFlipIsExact()
    {
        Config c = quiet();
        c.probability[int(Transform::FlipVertical)] = 1;
        const Sample s = Pipeline(c).apply(pattern(100, 60), kBoxes, 1, 0, 0);
        compareBox(s.boxes[0], 10, 60 - 40, 50, 60 - 20, 0);
    }

    void rotate90WithResizeIsExact()
    {
        Config c = quiet();
        c.probability[int(Transform::Rotate)] = 1;
        c.rotateDegrees = {90, 90};
        c.rotateResize = true;
        const cv::Mat img = pattern(100, 60);
        const Sample s = Pipeline(c).apply(img, kBoxes, 1, 0, 0);
        QCOMPARE(s.image.cols, 60);
        QCOMPARE(s.image.rows, 100);
        // Counter-clockwise: (x, y) -> (y, W - x).
        compareBox(s.boxes[0], 20, 100 - 50, 40, 100 - 10);
        compareBox(s.boxes[1], 5, 100 - 90, 55, 100 - 60);
        cv::Mat expected;
        cv::rotate(img, expected, cv::ROTATE_90_COUNTERCLOCKWISE);
        QVERIFY2(cv::norm(s.image, expected, cv::NORM_INF) <= 1, "pixels follow the boxes");
    }

    void rotateWithoutResizeKeepsTheCanvas()
    {
        Config c = quiet();
        c.probability[int(Transform::Rotate)] = 1;
        c.rotateDegrees = {30, 30};
        c.rotateResize = false;
        const Sample s = Pipeline(c).apply(pattern(100, 60), kBoxes, 1, 0, 0);
        QCOMPARE(s.image.cols, 100);
        QCOMPARE(s.image.rows, 60);
    }

    void translationShiftsExactly()
    {
        Config c = quiet();
        c.probability[int(Transform::Translate)] = 1;
        c.translateX = {0.1, 0.1};
        c.translateY = {0.05, 0.05};
        const cv::Mat img = pattern(100, 60);
        const Sample s = Pipeline(c).apply(img, kBoxes, 1, 0, 0);
        compareBox(s.boxes[0], 20, 23, 60, 43); // +10 px, +3 px
        compareBox(s.boxes[1], 70, 8, 100, 58); // clipped at the right edge, still 75% visible
        QVERIFY(same(s.image(cv::Rect(10, 3, 90, 57)), img(cv::Rect(0, 0, 90, 57))));
        QCOMPARE(s.record.applied[0].values[QStringLiteral("dx_pixels")].toDouble(), 10.0);
    }

    void scaleAboutTheCentre()
    {
        Config c = quiet();
        c.probability[int(Transform::Scale)] = 1;
        c.scale = {1.5, 1.5};
        const Sample s = Pipeline(c).apply(pattern(100, 60), {Box{0, 1, 40, 20, 60, 40}}, 1, 0, 0);
        // centre (50, 30): p -> c + 1.5 (p - c)
        compareBox(s.boxes[0], 35, 15, 65, 45);
    }

    void photometryNeverMovesBoxes()
    {
        Config c = quiet();
        for (int t = int(Transform::Contrast); t <= int(Transform::Blur); ++t)
            c.probability[t] = 1;
        const cv::Mat img = pattern(100, 60);
        for (const char *method : {"gauss", "poisson", "speckle"}) {
            c.noiseMethod = QString::fromLatin1(method);
            const Sample s = Pipeline(c).apply(img, kBoxes, 7, 0, 0);
            QCOMPARE(s.boxes.size(), kBoxes.size());
            for (size_t i = 0; i < kBoxes.size(); ++i)
                compareBox(s.boxes[i], kBoxes[i].x1, kBoxes[i].y1, kBoxes[i].x2, kBoxes[i].y2, 0);
            QVERIFY(!same(s.image, img));
            QCOMPARE(s.image.size(), img.size());
            QCOMPARE(s.record.applied.size(), size_t(7));
        }
    }

    void greyImagesSkipColourTransforms()
    {
        Config c = Config::fromParameters(ParameterSet());
        for (double &p : c.probability)
            p = 1;
        const cv::Mat grey = pattern(100, 60, 1);
        const Sample s = Pipeline(c).apply(grey, kBoxes, 3, 0, 0);
        QCOMPARE(s.image.channels(), 1);
        QVERIFY(!s.record.has(Transform::Saturation));
        QVERIFY(!s.record.has(Transform::Hue));
        QVERIFY(s.record.has(Transform::Gamma));
        QVERIFY(s.record.notes.join(QLatin1Char(' ')).contains(QStringLiteral("saturation: skipped on a grey image")));
    }

    void fillModes_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("constant") << "constant";
        QTest::newRow("nearest") << "nearest";
        QTest::newRow("reflect") << "reflect";
        QTest::newRow("wrap") << "wrap";
    }

    // Shift right by 10 px and look at the uncovered left band.
    void fillModes()
    {
        QFETCH(QString, mode);
        ParameterSet p;
        p.set(QStringLiteral("augment.fill_mode"), mode);
        p.set(QStringLiteral("augment.border_value"), 77);
        Config c = Config::fromParameters(p);
        for (double &prob : c.probability)
            prob = 0;
        c.probability[int(Transform::Translate)] = 1;
        c.translateX = {0.1, 0.1};
        c.translateY = {0, 0};
        const cv::Mat img = pattern(100, 60);
        const cv::Mat out = Pipeline(c).apply(img, {}, 1, 0, 0).image;
        for (int y = 0; y < 60; y += 7)
            for (int x = 0; x < 10; ++x) {
                cv::Vec3b expected;
                if (mode == QLatin1String("constant"))
                    expected = cv::Vec3b(77, 77, 77);
                else if (mode == QLatin1String("nearest"))
                    expected = img.at<cv::Vec3b>(y, 0);
                else if (mode == QLatin1String("reflect"))
                    expected = img.at<cv::Vec3b>(y, 9 - x); // ... c b a | a b c ...
                else
                    expected = img.at<cv::Vec3b>(y, 90 + x);
                QCOMPARE(out.at<cv::Vec3b>(y, x), expected);
            }
    }

    // Each transform applies with its probability: 10,000 samples, fixed seed. The count is
    // binomial (n = 10,000, p = 0.3): sd = sqrt(n p (1 - p)) = 45.8; we accept 4 sd (+-183, i.e.
    // +-0.018 on the rate), which a correct implementation misses with probability 6e-5 per transform.
    void probabilitiesAndRanges()
    {
        const Config c = Config::fromParameters(ParameterSet()); // spec defaults: every probability 0.3
        const Pipeline pipeline(c);
        const cv::Mat img = pattern(8, 8);
        int counts[kTransformCount] = {};
        const int n = 10000;
        for (int i = 0; i < n; ++i) {
            const Sample s = pipeline.apply(img, {}, 99, 0, quint64(i));
            for (const auto &a : s.record.applied) {
                counts[int(a.transform)]++;
                auto inside = [&](const char *key, std::pair<double, double> range) {
                    const double v = a.values[QString::fromLatin1(key)].toDouble();
                    QVERIFY2(v >= range.first - 5e-4 && v <= range.second + 5e-4,
                             qPrintable(QStringLiteral("%1 %2 outside [%3, %4]")
                                            .arg(transformKey(a.transform))
                                            .arg(v)
                                            .arg(range.first)
                                            .arg(range.second)));
                };
                switch (a.transform) {
                case Transform::Rotate:
                    inside("degrees", c.rotateDegrees);
                    break;
                case Transform::Shear:
                    inside("degrees", c.shearDegrees);
                    break;
                case Transform::Scale:
                    inside("factor", c.scale);
                    break;
                case Transform::Translate:
                    inside("dx", c.translateX);
                    inside("dy", c.translateY);
                    break;
                case Transform::Contrast:
                    inside("factor", c.contrast);
                    break;
                case Transform::Brightness:
                    inside("delta", c.brightness);
                    break;
                case Transform::Gamma:
                    inside("gamma", c.gamma);
                    break;
                case Transform::Saturation:
                    inside("factor", c.saturation);
                    break;
                case Transform::Hue:
                    inside("shift", c.hue);
                    break;
                default:
                    break;
                }
            }
        }
        for (int t = 0; t < kTransformCount; ++t)
            QVERIFY2(std::abs(counts[t] - 3000) <= 183,
                     qPrintable(QStringLiteral("%1: %2 of %3").arg(transformKey(Transform(t))).arg(counts[t]).arg(n)));
    }

    void boxDropRule()
    {
        const cv::Matx23d shiftRight(1, 0, 85, 0, 1, 0);
        // 20 px wide box moved to x 85..105 in a 100 px image: 15/20 = 75% visible -> kept, clipped.
        auto kept = transformBox(Box{0, 1, 0, 0, 20, 10}, shiftRight, 100, 60);
        QVERIFY(kept);
        compareBox(*kept, 85, 0, 100, 10, 0);
        // 4 px box moved to 97..101... 3/4 visible but fine; moved to 99..103: 1 px wide -> dropped (thin).
        QVERIFY(!transformBox(Box{0, 1, 14, 0, 18, 10}, shiftRight, 100, 60));
        // A box 80 px wide moved to 85..165: 15/80 < 25% visible -> dropped.
        QVERIFY(!transformBox(Box{0, 1, 0, 0, 80, 10}, shiftRight, 100, 60));
    }

    void droppedBoxesAreRecorded()
    {
        Config c = quiet();
        c.probability[int(Transform::Scale)] = 1;
        c.scale = {1.6, 1.6};
        // Near the corner, this box leaves the canvas when scaled about the centre.
        const Sample s =
            Pipeline(c).apply(pattern(100, 60), {Box{0, 1, 0, 0, 6, 6}, Box{0, 2, 45, 25, 55, 35}}, 1, 0, 0);
        QCOMPARE(s.boxes.size(), size_t(1));
        QCOMPARE(s.record.droppedBoxes, std::vector<int>{0});
        QCOMPARE(s.sourceIndex, std::vector<int>{1});
    }

    void translateRetriesThenGivesUp()
    {
        Config c = quiet();
        c.probability[int(Transform::Translate)] = 1;
        const std::vector<Box> edge = {Box{0, 1, 70, 10, 98, 50}};
        // Always +30%: the box would leave the image every time, so the sample is not translated.
        c.translateX = {0.3, 0.3};
        c.translateY = {0, 0};
        Sample s = Pipeline(c).apply(pattern(100, 60), edge, 1, 0, 0);
        QVERIFY(!s.record.has(Transform::Translate));
        QCOMPARE(s.boxes.size(), size_t(1));
        QVERIFY(s.record.notes.join(QLatin1Char(' ')).contains(QStringLiteral("not translated")));
        // Symmetric range with 6 attempts: over many samples some first draws would drop the box, and
        // a later draw is taken instead; the box is never lost.
        c.translateX = {-0.4, 0.4};
        c.translateAttempts = 6;
        int retried = 0, translated = 0;
        for (int i = 0; i < 300; ++i) {
            s = Pipeline(c).apply(pattern(100, 60), edge, 5, 0, quint64(i));
            QCOMPARE(s.boxes.size(), size_t(1));
            for (const auto &a : s.record.applied)
                if (a.transform == Transform::Translate) {
                    ++translated;
                    retried += a.values[QStringLiteral("attempt")].toInt() > 1;
                }
        }
        QVERIFY2(retried > 10, qPrintable(QString::number(retried)));
        QVERIFY(translated > 250);
    }

    void reproducibleAndThreadIndependent()
    {
        const Pipeline pipeline{ParameterSet()};
        std::vector<cv::Mat> images;
        std::vector<std::vector<Box>> boxes;
        for (int i = 0; i < 24; ++i) {
            images.push_back(pattern(64 + i, 48));
            boxes.push_back(kBoxes);
            boxes.back()[1].x2 = 60;
        }
        const auto one = applyBatch(pipeline, images, boxes, 42, 3, 100, 1);
        const auto two = applyBatch(pipeline, images, boxes, 42, 3, 100, 2);
        const auto again = applyBatch(pipeline, images, boxes, 42, 3, 100, 2);
        for (size_t i = 0; i < one.size(); ++i) {
            QVERIFY(same(one[i].image, two[i].image));
            QVERIFY(same(one[i].image, again[i].image));
            QCOMPARE(one[i].boxes.size(), two[i].boxes.size());
            QCOMPARE(one[i].record.toJson(), two[i].record.toJson());
        }
        // Another epoch or seed draws differently.
        const auto otherEpoch = applyBatch(pipeline, images, boxes, 42, 4, 100, 2);
        int differ = 0;
        for (size_t i = 0; i < one.size(); ++i)
            differ += one[i].record.toJson() != otherEpoch[i].record.toJson();
        QVERIFY(differ > 12);
        // Sample i of a batch equals the single call with index firstIndex + i.
        QVERIFY(same(one[5].image, pipeline.apply(images[5], boxes[5], 42, 3, 105).image));
    }

    void focusOnOneTransform()
    {
        const Pipeline pipeline{ParameterSet()};
        const cv::Mat img = pattern(100, 60);
        for (int i = 0; i < 20; ++i) {
            const Sample only = pipeline.apply(img, kBoxes, 1, 0, quint64(i), Focus::Only, Transform::Gamma);
            QCOMPARE(only.record.applied.size(), size_t(1));
            QCOMPARE(only.record.applied[0].transform, Transform::Gamma);
            const Sample forced = pipeline.apply(img, kBoxes, 1, 0, quint64(i), Focus::ForceOn, Transform::Blur);
            QVERIFY(forced.record.has(Transform::Blur));
        }
        QCOMPARE(preview(pipeline, img, kBoxes, 9, 1).size(), size_t(9));
    }

    void parametersAreValidated()
    {
        ParameterSet p;
        QVERIFY_THROWS_EXCEPTION(Error, p.set(QStringLiteral("augment.blur.kernel"), 4));
        QVERIFY_THROWS_EXCEPTION(Error, p.set(QStringLiteral("augment.scale.factor"), QJsonArray{0.3, 1.0}));
        QVERIFY_THROWS_EXCEPTION(Error, p.set(QStringLiteral("augment.rotate.probability"), 1.5));
        p.set(QStringLiteral("augment.noise.method"), QStringLiteral("speckle"));
        QCOMPARE(Config::fromParameters(p).noiseMethod, QStringLiteral("speckle"));
    }

    // Issue 13.5: the input resize was written six times (trainer, predictor, statistics, advisor twice,
    // augmentation preview); the preview scaled boxes by one factor where the trainer scales each axis
    // by the rounded size, so a box touching the right edge stopped short of it. One rule, one resize.
    void theInputRuleAndResizeAreOne_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("minSide");
        QTest::addColumn<int>("maxSide");
        QTest::addColumn<int>("inputWidth");
        QTest::addColumn<int>("inputHeight");
        QTest::newRow("shorter side to min_side") << 160 << 120 << 60 << 200 << 80 << 60;
        QTest::newRow("longer side capped") << 400 << 100 << 50 << 120 << 120 << 30;
        QTest::newRow("rounded") << 160 << 120 << 50 << 80 << 67 << 50;
        QTest::newRow("enlarged") << 20 << 10 << 40 << 100 << 80 << 40;
        QTest::newRow("never below one pixel") << 1000 << 1 << 1 << 10 << 10 << 1;
    }
    void theInputRuleAndResizeAreOne()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, minSide);
        QFETCH(int, maxSide);
        QFETCH(int, inputWidth);
        QFETCH(int, inputHeight);
        const InputSize size = inputSize(width, height, minSide, maxSide);
        QCOMPARE(size.width, inputWidth);
        QCOMPARE(size.height, inputHeight);
        QVERIFY(std::abs(inputScale(width, height, minSide, maxSide) - size.scale) < 1e-12);
        std::vector<Box> boxes{Box{0, 1, 0, 0, float(width), float(height)}};
        const cv::Mat input =
            augment::resizeToInput(cv::Mat(height, width, CV_8UC3, cv::Scalar(1, 2, 3)), minSide, maxSide, &boxes);
        QCOMPARE(input.cols, inputWidth);
        QCOMPARE(input.rows, inputHeight);
        QCOMPARE(boxes[0].x2, float(inputWidth)); // the whole image's box is the whole input's
        QCOMPARE(boxes[0].y2, float(inputHeight));
    }
};

QTEST_GUILESS_MAIN(TestAugment)
#include "tst_augment.moc"
