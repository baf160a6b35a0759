// Detector building blocks, on LibTorch directly (this test links it; the product's public headers do not).
#include "export/runtime.h"
#include "nn/model_p.h"

#include <QTest>
#include <torch/torch.h>

using namespace visor::nn;

namespace {
at::Tensor boxes(std::initializer_list<std::array<float, 4>> list)
{
    std::vector<float> v;
    for (const auto &b : list)
        v.insert(v.end(), b.begin(), b.end());
    return torch::tensor(v).view({int64_t(list.size()), 4});
}
int64_t anchorCount(const DetectorSpec &s, int64_t h, int64_t w)
{
    int64_t n = 0;
    for (int st : s.strides)
        n += ((h + st - 1) / st) * ((w + st - 1) / st) * s.anchorsPerLocation();
    return n;
}
} // namespace

class TestDetector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(1);
        torch::set_num_threads(2);
    }

    void outputShapes()
    {
        DetectorSpec s;
        s.classes = 3;
        auto det = makeDetector(s);
        const auto out = det->forward(torch::zeros({2, 3, 128, 192}));
        const int64_t n = anchorCount(s, 128, 192);
        QCOMPARE(n, int64_t((16 * 24 + 8 * 12 + 4 * 6 + 2 * 3 + 1 * 2) * 9));
        QCOMPARE(out.logits.sizes().vec(), (std::vector<int64_t>{2, n, 3}));
        QCOMPARE(out.deltas.sizes().vec(), (std::vector<int64_t>{2, n, 4}));
        QCOMPARE(makeAnchors(s, 128, 192).size(0), n);
        // Sizes that are no multiple of the largest stride: every level rounds up, as the anchors do.
        for (const char *backbone : {"vgg7", "resnet18", "mobilenet128", "densenet121"}) {
            DetectorSpec odd = s;
            odd.backbone = backbone;
            const auto o = makeDetector(odd)->forward(torch::zeros({1, 3, 96, 160}));
            QCOMPARE(o.logits.size(1), makeAnchors(odd, 96, 160).size(0));
        }
        // The focal prior: every anchor starts near probability 0.01.
        QVERIFY(std::abs(torch::sigmoid(out.logits).mean().item<double>() - 0.01) < 0.005);
    }

    // Flattened index of (level, row, column, anchor) = level offset + (row * w + column) * A + anchor,
    // the layout of (N, A*K, h, w) maps after permute(0, 2, 3, 1) and reshape(N, -1, K).
    void anchorOrderMatchesHeadLayout()
    {
        DetectorSpec s;
        const auto anchors = makeAnchors(s, 128, 256);
        const int A = s.anchorsPerLocation();
        int64_t offset = 0;
        for (size_t l = 0; l < s.strides.size(); ++l) {
            const int st = s.strides[l];
            const int64_t h = 128 / st, w = 256 / st;
            for (int64_t y : {int64_t(0), h - 1})
                for (int64_t x : {int64_t(0), w - 1})
                    for (int a = 0; a < A; ++a) {
                        const auto box = anchors[offset + (y * w + x) * A + a];
                        const double cx = (box[0].item<double>() + box[2].item<double>()) / 2;
                        const double cy = (box[1].item<double>() + box[3].item<double>()) / 2;
                        QVERIFY(std::abs(cx - (x + 0.5) * st) < 1e-3 && std::abs(cy - (y + 0.5) * st) < 1e-3);
                        const double bw = box[2].item<double>() - box[0].item<double>();
                        const double bh = box[3].item<double>() - box[1].item<double>();
                        const double ratio = s.ratios[size_t(a) / s.scales.size()],
                                     scale = s.scales[size_t(a) % s.scales.size()];
                        QVERIFY2(std::abs(bh / bw - ratio) < 1e-3, "ratio-major within a location");
                        QVERIFY(std::abs(std::sqrt(bw * bh) - s.sizes[l] * scale) < 1e-2);
                    }
            offset += h * w * A;
        }
        QCOMPARE(offset, anchors.size(0));
    }

    void everyBackboneIsConstructible()
    {
        for (const char *name : {"vgg16", "vgg19", "resnet50", "resnet101", "resnet152", "mobilenet160", "mobilenet192",
                                 "mobilenet224", "densenet169", "densenet201"}) {
            DetectorSpec s;
            s.backbone = name;
            QVERIFY2(makeDetector(s) != nullptr, name);
        }
        DetectorSpec bad;
        bad.backbone = "alexnet";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeDetector(bad));
        bad.backbone = "vgg7";
        bad.strides = {8, 24};
        bad.sizes = {12, 24};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeDetector(bad));
    }

    void endToEndBackbones_data()
    {
        QTest::addColumn<QString>("backbone");
        for (const char *b : {"vgg7", "resnet18", "resnet34", "mobilenet128", "densenet121"})
            QTest::newRow(b) << QString::fromLatin1(b);
    }

    // Forward, loss, backward and one optimiser step on a 128x128 image with one object.
    void endToEndBackbones()
    {
        QFETCH(QString, backbone);
        DetectorSpec s;
        s.backbone = backbone.toStdString();
        s.classes = 2;
        auto det = makeDetector(s);
        torch::optim::Adam opt(det->parameters(), torch::optim::AdamOptions(1e-3));
        const auto anchors = makeAnchors(s, 128, 128);
        const auto out = det->forward(torch::rand({1, 3, 128, 128}) * 255 - 128);
        const auto loss =
            detectionLoss(out, anchors, {boxes({{20, 30, 70, 90}})}, {torch::tensor({1}, torch::kLong)}, 0.45, 0.3);
        QVERIFY(loss.positives > 0);
        QVERIFY(std::isfinite(loss.total.item<double>()));
        opt.zero_grad();
        loss.total.backward();
        opt.step();
    }

    void matchingRules()
    {
        const auto anchors =
            boxes({{0, 0, 10, 10}, {0, 0, 10, 12}, {0, 0, 20, 20}, {50, 50, 60, 60}, {100, 100, 104, 104}});
        const auto gt = boxes({{0, 0, 10, 10}, {100, 100, 130, 130}});
        const auto labels = torch::tensor({3, 5}, torch::kLong);
        at::Tensor matched;
        const auto m = matchAnchors(anchors, gt, labels, 0.5, 0.4, &matched);
        QCOMPARE(m[0].item<int64_t>(), int64_t(3));  // IoU 1
        QCOMPARE(m[1].item<int64_t>(), int64_t(3));  // IoU 100/120 = 0.83
        QCOMPARE(m[2].item<int64_t>(), int64_t(-1)); // IoU 100/400 = 0.25 < 0.4: background
        QCOMPARE(m[3].item<int64_t>(), int64_t(-1)); // no overlap: background
        QCOMPARE(m[4].item<int64_t>(), int64_t(5));  // IoU 16/900, but the small anchor is the object's best: claimed
        QCOMPARE(matched[4].item<int64_t>(), int64_t(1));
    }

    void focalLossByHand()
    {
        // logit 0: p = 0.5, BCE = ln 2, (1 - p_t)^2 = 0.25; alpha_t 0.25 (positive) or 0.75 (negative).
        const double ln2 = std::log(2.0);
        QVERIFY(std::abs(sigmoidFocalLoss(torch::zeros({1}), torch::ones({1})).item<double>() - 0.25 * 0.25 * ln2) <
                1e-6);
        QVERIFY(std::abs(sigmoidFocalLoss(torch::zeros({1}), torch::zeros({1})).item<double>() - 0.75 * 0.25 * ln2) <
                1e-6);
        // logit 2, positive: p = 0.8808, BCE = 0.12693, (1 - p)^2 = 0.014181 -> 0.25 * 0.014181 * 0.12693.
        const double p = 1 / (1 + std::exp(-2.0));
        const double expected = 0.25 * std::pow(1 - p, 2) * -std::log(p);
        QVERIFY(std::abs(sigmoidFocalLoss(torch::full({1}, 2.0), torch::ones({1})).item<double>() - expected) < 1e-6);
    }

    void nonMaximumSuppression()
    {
        // One class: the runtime's selection (export/runtime.h), which Visor's own evaluation uses.
        const std::vector<float> b{0, 0, 10, 10, 1, 1, 11, 11, 20, 20, 30, 30, 0, 0, 10, 10};
        const std::vector<float> s{0.9f, 0.8f, 0.7f, 0.95f};
        auto kept = [&](double iou) {
            std::vector<float> scores;
            for (const auto &d : visor::deploy::selectDetections(b.data(), s.data(), 4, 1, 0.05, iou, 10, 100, 100))
                scores.push_back(d.score);
            return scores;
        };
        QCOMPARE(kept(0.5), (std::vector<float>{0.95f, 0.7f}));
        QCOMPARE(kept(0.99), (std::vector<float>{0.95f, 0.8f, 0.7f})); // only the exact duplicate goes
        // Two classes on the same box: NMS is class-wise, so both stay.
        const std::vector<float> two{0.9f, 0.8f};
        QCOMPARE(visor::deploy::selectDetections(b.data(), two.data(), 1, 2, 0.05, 0.5, 10, 100, 100).size(),
                 size_t(2));
    }

    void boxCoderRoundTrip()
    {
        const auto a = boxes({{10, 10, 30, 50}, {0, 0, 8, 8}});
        const auto g = boxes({{12, 8, 40, 44}, {1, 2, 5, 9}});
        QVERIFY(torch::allclose(decodeBoxes(a, encodeBoxes(a, g)), g, 1e-4, 1e-4));
    }
};

QTEST_GUILESS_MAIN(TestDetector)
#include "tst_detector.moc"
