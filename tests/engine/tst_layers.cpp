// Networks composed from registered parts, and their layer listings (issue 13.1): every backbone's
// listing, re-executed with ATen operators alone, reproduces the network's forward; the one Detector
// object owns anchors, loss and decoding; checkpoints of the earlier flat layout still load.
#include "nn/components.h"
#include "nn/modules_p.h"
#include "project/parameters.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <set>
#include <sstream>
#include <torch/torch.h>

using namespace visor;
using namespace visor::nn;

namespace {

// The largest difference relative to the largest magnitude of `expected`.
double relativeError(const at::Tensor &actual, const at::Tensor &expected)
{
    const double scale = std::max(1e-6, expected.abs().max().item<double>());
    return (actual - expected).abs().max().item<double>() / scale;
}

// A batch through the network in training mode once, so that BatchNorm's running statistics are
// not the identity (a listing that ignored them would still pass otherwise).
void warmUp(Detector &det, const at::Tensor &x)
{
    torch::NoGradGuard noGrad;
    det.setTraining(true);
    det.forward(x);
    det.setTraining(false);
}

} // namespace

class TestLayers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(3);
        torch::set_num_threads(2);
    }

    void everyBackboneIsRegistered()
    {
        const QStringList keys = backboneRegistry().keys();
        // The contract's list (shared/spec/PARAMETERS.md) is what the registry holds, in its order.
        const ParamSpec *backbone = ParameterRegistry::instance().find(QStringLiteral("detector.backbone"));
        QVERIFY(backbone);
        QCOMPARE(backbone->choices, keys);
        QCOMPARE(keys.size(), 15);
        for (const BackboneInfo *b : backboneRegistry().all())
            QVERIFY2(!b->description.text().isEmpty(), qPrintable(b->key));
        DetectorSpec bad;
        bad.backbone = "alexnet";
        try {
            makeDetector(bad);
            QFAIL("an unknown backbone was built");
        } catch (const std::invalid_argument &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QLatin1String("detector.backbone")) &&
                         message.contains(QLatin1String("alexnet")) && message.contains(QLatin1String("resnet18")) &&
                         message.contains(QLatin1String("densenet201")),
                     qPrintable(message));
        }
    }

    void networksAreBuiltByTheirComponentName()
    {
        ParameterSet p;
        QCOMPARE(networkRegistry().keys(), (QStringList{QStringLiteral("class_cnn"), QStringLiteral("objdet")}));
        QCOMPARE(ParameterRegistry::instance().find(QStringLiteral("classifier.component"))->choices,
                 QStringList{QStringLiteral("class_cnn")});
        QCOMPARE(ParameterRegistry::instance().find(QStringLiteral("detector.component"))->choices,
                 QStringList{QStringLiteral("objdet")});
        p.set(QStringLiteral("detector.width"), 8);
        auto det = buildDetector(p, 2);
        QCOMPARE(det->spec().classes, 2);
        QCOMPARE(det->spec().backbone, std::string("vgg7"));
        QCOMPARE(det->spec().positiveIou, p.toDouble(QStringLiteral("detector.positive_iou")));
        QVERIFY(buildClassifier(p, 3) != nullptr);
        // The classifier's component named for a detector: the contract refuses it, naming the choices.
        try {
            p.set(QStringLiteral("detector.component"), QStringLiteral("class_cnn"));
            QFAIL("a classifier was accepted as the detector's component");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QLatin1String("detector.component")) &&
                         e.message().contains(QLatin1String("objdet")),
                     qPrintable(e.message()));
        }
    }

    void backboneListingsReproduceTheForward_data()
    {
        QTest::addColumn<QString>("backbone");
        for (const BackboneInfo *b : backboneRegistry().all())
            QTest::newRow(qPrintable(b->key)) << b->key;
    }

    // The whole detector (backbone, pyramid, head) listed and re-executed on a size that is no
    // multiple of 32, so that every rounding (ceil-mode pooling, strided padding, upsampling) counts.
    void backboneListingsReproduceTheForward()
    {
        QFETCH(QString, backbone);
        DetectorSpec s;
        s.backbone = backbone.toStdString();
        s.classes = 3;
        s.width = 8;
        auto det = makeDetector(s);
        const at::Tensor x = torch::randn({1, 3, 72, 104}) * 60;
        warmUp(*det, x);
        torch::NoGradGuard noGrad;
        const DetectorOutput expected = det->forward(x);
        const LayerGraph g = det->layers();
        QCOMPARE(g.outputNames, (std::vector<std::string>{"logits", "deltas"}));
        const std::vector<at::Tensor> out = runLayers(g, x);
        QCOMPARE(out.size(), size_t(2));
        QCOMPARE(out[0].sizes().vec(), expected.logits.sizes().vec());
        QCOMPARE(out[1].sizes().vec(), expected.deltas.sizes().vec());
        QVERIFY2(relativeError(out[0], expected.logits) < 1e-4, qPrintable(backbone));
        QVERIFY2(relativeError(out[1], expected.deltas) < 1e-4, qPrintable(backbone));
        // Every parameter of the network appears in the listing (nothing computed outside it); the
        // head's are listed once per level, the same tensors.
        int64_t listed = 0, parameters = 0;
        std::set<const void *> seen;
        for (const Layer &l : g.layers)
            for (const auto &[key, t] : l.tensors)
                if (key != "mean" && key != "var" && seen.insert(t.data_ptr()).second)
                    listed += t.numel();
        for (const at::Tensor &t : det->parameters())
            parameters += t.numel();
        QCOMPARE(listed, parameters);
    }

    void classifierListingReproducesTheForward()
    {
        ClassifierSpec s;
        s.classes = 4;
        s.channels = 1;
        s.depth = 3;
        s.width = 8;
        auto net = makeClassifier(s);
        const at::Tensor x = torch::randn({2, 1, 37, 50}) * 50;
        {
            torch::NoGradGuard noGrad;
            net->setTraining(true);
            net->forward(x);
            net->setTraining(false);
        }
        torch::NoGradGuard noGrad;
        const at::Tensor expected = net->forward(x);
        const std::vector<at::Tensor> out = runLayers(net->layers(), x);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].sizes().vec(), expected.sizes().vec());
        QVERIFY(relativeError(out[0], expected) < 1e-4);
        QVERIFY(describeLayers(net->layers()).find("Gemm classifier") != std::string::npos);
    }

    // A listing that leaves something out is caught: a layer dropped from the list changes the output.
    void aWrongListingIsCaught()
    {
        DetectorSpec s;
        s.width = 8;
        auto det = makeDetector(s);
        const at::Tensor x = torch::randn({1, 3, 64, 64}) * 60;
        warmUp(*det, x);
        torch::NoGradGuard noGrad;
        LayerGraph g = det->layers();
        for (Layer &l : g.layers)
            if (l.type == "BatchNormalization") {
                l.tensors[3].second = l.tensors[3].second * 100; // a variance off by a factor of 100
                break;
            }
        QVERIFY(relativeError(runLayers(g, x)[1], det->forward(x).deltas) > 1e-3);
    }

    // The Detector owns its anchors, matching and decoding: its loss and detections are those of the
    // building blocks with its spec's settings.
    void theDetectorOwnsAnchorsLossAndDecoding()
    {
        DetectorSpec s;
        s.classes = 2;
        s.width = 8;
        s.positiveIou = 0.5;
        s.negativeIou = 0.4;
        auto det = makeDetector(s);
        det->setTraining(false);
        torch::NoGradGuard noGrad;
        const at::Tensor x = torch::randn({2, 3, 64, 96}) * 60;
        const DetectorOutput out = det->forward(x);
        const std::vector<at::Tensor> boxes{torch::tensor({10.f, 12.f, 40.f, 50.f}).view({1, 4}),
                                            torch::tensor({50.f, 8.f, 90.f, 30.f}).view({1, 4})};
        const std::vector<at::Tensor> labels{torch::tensor({1}, torch::kLong), torch::tensor({0}, torch::kLong)};
        const at::Tensor anchors = makeAnchors(s, 64, 96);
        QVERIFY(det->anchors(64, 96).equal(anchors));
        const auto mine = det->loss(out, x, boxes, labels);
        const auto direct = detectionLoss(out, anchors, boxes, labels, 0.5, 0.4);
        QCOMPARE(mine.total.item<double>(), direct.total.item<double>());
        QCOMPARE(mine.positives, direct.positives);
        const auto found = det->detect(out, x, {{96, 64}, {80, 60}}, {0.01, 0.5, 7});
        QCOMPARE(found.size(), size_t(2));
        const auto second = postprocess(out.logits[1], out.deltas[1], anchors, 0.01, 0.5, 7, 80, 60);
        QCOMPARE(found[1].scores, second.scores);
        QVERIFY(found[1].scores.size() <= 7);
        for (const auto &b : found[1].boxes)
            QVERIFY(b[2] <= 80 && b[3] <= 60); // clipped to the image's own size, not the batch's
    }

    // Runs saved before the backbone, neck and head became modules of their own still load.
    void aCheckpointOfTheFlatLayoutLoads()
    {
        DetectorSpec s;
        s.width = 8;
        auto det = makeDetector(s);
        const at::Tensor x = torch::randn({1, 3, 64, 64}) * 60;
        warmUp(*det, x);
        // The old archive: the backbone under "backbone", the neck's and the head's layers beside it.
        torch::serialize::OutputArchive flat;
        for (const auto &part : det->module().named_children()) {
            if (part.key() == "backbone") {
                torch::serialize::OutputArchive a;
                part.value()->save(a);
                flat.write(part.key(), a);
                continue;
            }
            for (const auto &layer : part.value()->named_children()) {
                torch::serialize::OutputArchive a;
                layer.value()->save(a);
                flat.write(layer.key(), a);
            }
        }
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("flat.pt")).toStdString();
        flat.save_to(path);
        torch::manual_seed(99);
        auto other = makeDetector(s);
        other->setTraining(false);
        det->setTraining(false);
        torch::NoGradGuard noGrad;
        QVERIFY(!other->forward(x).logits.equal(det->forward(x).logits));
        other->load(path);
        QVERIFY(other->forward(x).logits.equal(det->forward(x).logits));
        QVERIFY(other->forward(x).deltas.equal(det->forward(x).deltas));
        // And the current layout, through save() and load().
        std::stringstream saved;
        det->save(saved);
        const std::string current = dir.filePath(QStringLiteral("current.pt")).toStdString();
        std::ofstream(current, std::ios::binary) << saved.rdbuf();
        auto third = makeDetector(s);
        third->load(current);
        third->setTraining(false);
        QVERIFY(third->forward(x).logits.equal(det->forward(x).logits));
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
