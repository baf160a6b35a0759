// Model export (issue 14.1): every backbone's detector and the classifier written as ONNX, read by
// OpenCV's dnn and equal to LibTorch; a trained run exported as a bundle whose parity check passes;
// bundles that cannot be used are refused with the file named.
#include "export/runtime.h"
#include "nn/components.h"
#include "nn/onnxwriter_p.h"
#include "testutil.h"
#include "train/modelexport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

using namespace visor;
using namespace visor::nn;

namespace {

/// The outputs OpenCV's dnn gives for `image` (uint8 1 x H x W x C), each without the batch.
std::vector<at::Tensor> runOpenCv(const std::string &onnx, const at::Tensor &image,
                                  const std::vector<std::string> &names)
{
    cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.data(), onnx.size());
    const at::Tensor c = image.contiguous();
    const int shape[] = {1, int(c.size(1)), int(c.size(2)), int(c.size(3))};
    net.setInput(cv::Mat(4, shape, CV_8U, c.data_ptr<uint8_t>()), "image");
    std::vector<cv::Mat> out;
    net.forward(out, names);
    std::vector<at::Tensor> tensors;
    for (cv::Mat &m : out) {
        std::vector<int64_t> sizes(m.size.p + 1, m.size.p + m.dims); // without the batch
        tensors.push_back(torch::from_blob(m.ptr<float>(), sizes, torch::kFloat).clone());
    }
    return tensors;
}

double largestDifference(const at::Tensor &a, const at::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

at::Tensor randomImage(int h, int w, int c)
{
    return torch::randint(0, 256, {1, h, w, c}, torch::kLong).to(torch::kUInt8);
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(5);
        torch::set_num_threads(2);
    }

    void everyBackboneExports_data()
    {
        QTest::addColumn<QString>("backbone");
        for (const QString &key : backboneRegistry().keys())
            QTest::newRow(qPrintable(key)) << key;
    }

    // The whole graph — preprocessing, backbone, pyramid with its 2x nearest upsampling, the
    // GroupNorm head, decoding — in OpenCV's dnn against LibTorch on the same bytes.
    void everyBackboneExports()
    {
        QFETCH(QString, backbone);
        DetectorSpec spec;
        spec.classes = 3;
        spec.width = 8;
        spec.backbone = backbone.toStdString();
        auto det = makeDetector(spec);
        const int h = 64, w = 96;
        {
            torch::NoGradGuard noGrad; // BatchNorm statistics other than the identity
            det->setTraining(true);
            det->forward(preprocess(randomImage(h, w, 3), spec.preprocessing));
            det->setTraining(false);
        }
        OnnxOptions o;
        o.height = h;
        o.width = w;
        o.anchors = det->anchors(h, w);
        const std::string onnx = writeOnnx(det->layers(), o);
        const at::Tensor image = randomImage(h, w, 3);
        const auto got = runOpenCv(onnx, image, deploy::Runtime::outputNames(true));
        torch::NoGradGuard noGrad;
        const DetectorOutput out = det->forward(preprocess(image, spec.preprocessing));
        const at::Tensor logits = out.logits[0], deltas = out.deltas[0];
        QCOMPARE(got.at(0).sizes(), logits.sizes());
        const double dLogits = largestDifference(got[0], logits), dDeltas = largestDifference(got[1], deltas);
        const double dBoxes = largestDifference(got[2], decodeBoxes(o.anchors, deltas));
        const double dScores = largestDifference(got[3], torch::sigmoid(logits));
        qInfo("%s: logits %.2g deltas %.2g boxes %.2g px scores %.2g", qPrintable(backbone), dLogits, dDeltas, dBoxes,
              dScores);
        QVERIFY2(dLogits < 1e-3 && dDeltas < 1e-3 && dScores < 1e-3, qPrintable(backbone));
        QVERIFY2(dBoxes < 1e-2, qPrintable(backbone));
    }

    // The tolerance against real defects: an export with one planted mistake moves raw outputs far
    // past 1e-3 (so the parity check catches it; measured 3e-3 to 4.6), where a faithful one stays near
    // 1e-6. (A BatchNorm
    // epsilon of 1e-2 instead of 1e-5 moved them by 2.4e-6 only: against variances in the thousands it
    // changes nothing, so the check need not see it.)
    void aPlantedDefectExceedsTheTolerance_data()
    {
        QTest::addColumn<QString>("defect");
        for (const char *d : {"tf preprocessing", "RGB instead of BGR", "biases lost", "a ReLU lost"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }

    void aPlantedDefectExceedsTheTolerance()
    {
        QFETCH(QString, defect);
        DetectorSpec spec;
        spec.classes = 3;
        spec.width = 8;
        spec.backbone = "resnet18";
        auto det = makeDetector(spec);
        const int h = 64, w = 96;
        {
            torch::NoGradGuard noGrad;
            det->setTraining(true);
            det->forward(preprocess(randomImage(h, w, 3), spec.preprocessing));
            det->setTraining(false);
        }
        LayerGraph g = det->layers();
        OnnxOptions o;
        o.height = h;
        o.width = w;
        o.anchors = det->anchors(h, w);
        auto first = [&](const char *type) -> Layer & {
            for (Layer &l : g.layers)
                if (l.type == type)
                    return l;
            qFatal("no %s layer", type);
        };
        if (defect == QLatin1String("tf preprocessing")) {
            o.preprocessing = Preprocessing::Tf;
        } else if (defect == QLatin1String("RGB instead of BGR")) {
            Layer &conv = first("Conv");
            for (auto &[key, t] : conv.tensors)
                if (key == "W")
                    t = t.flip({1});
        } else if (defect == QLatin1String("biases lost")) { // the convolutions' (the head's prior among them)
            for (Layer &l : g.layers)
                if (l.type == "Conv" && l.tensors.size() == 2)
                    l.tensors.pop_back();
        } else { // the first ReLU written as an identity
            Layer &relu = first("Relu");
            relu.type = "Transpose";
            relu.ints["perm"] = {0, 1, 2, 3};
        }
        const at::Tensor image = randomImage(h, w, 3);
        const auto got = runOpenCv(writeOnnx(g, o), image, deploy::Runtime::outputNames(true));
        torch::NoGradGuard noGrad;
        const DetectorOutput out = det->forward(preprocess(image, spec.preprocessing));
        const double d = std::max(largestDifference(got[0], out.logits[0]), largestDifference(got[1], out.deltas[0]));
        qInfo("%s: raw outputs differ by up to %.3g", qPrintable(defect), d);
        QVERIFY2(d > train::ParityReport::kOutputTolerance, qPrintable(defect));
    }

    void theClassifierExports_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("preprocessing");
        QTest::newRow("bgr caffe") << 3 << int(Preprocessing::Caffe);
        QTest::newRow("bgr tf") << 3 << int(Preprocessing::Tf);
        QTest::newRow("grey caffe") << 1 << int(Preprocessing::Caffe);
    }

    void theClassifierExports()
    {
        QFETCH(int, channels);
        QFETCH(int, preprocessing);
        ClassifierSpec spec;
        spec.classes = 4;
        spec.channels = channels;
        spec.depth = 3;
        spec.width = 8;
        spec.preprocessing = Preprocessing(preprocessing);
        auto net = makeClassifier(spec);
        const int h = 40, w = 52; // not a multiple of the pooling: every floor counts
        {
            torch::NoGradGuard noGrad;
            net->setTraining(true);
            net->forward(preprocess(randomImage(h, w, channels), spec.preprocessing));
            net->setTraining(false);
        }
        OnnxOptions o;
        o.height = h;
        o.width = w;
        o.channels = channels;
        o.preprocessing = spec.preprocessing;
        const at::Tensor image = randomImage(h, w, channels);
        const auto got = runOpenCv(writeOnnx(net->layers(), o), image, deploy::Runtime::outputNames(false));
        torch::NoGradGuard noGrad;
        const at::Tensor logits = net->forward(preprocess(image, spec.preprocessing))[0];
        QVERIFY(largestDifference(got.at(0).flatten(), logits) < 1e-3);
        QVERIFY(largestDifference(got.at(1).flatten(), torch::softmax(logits, 0)) < 1e-4);
    }

    void aTrainedRunExportsAsABundle_data()
    {
        QTest::addColumn<bool>("detection");
        QTest::newRow("detection") << true;
        QTest::newRow("classification") << false;
    }

    void aTrainedRunExportsAsABundle()
    {
        QFETCH(bool, detection);
        qint64 run = 0;
        auto t = test::trainedProject(detection ? DatasetKind::ObjectDetection : DatasetKind::Classification, &run);
        train::ExportOptions o;
        o.folder = t->dir.filePath(QStringLiteral("bundle"));
        o.split = Split::Test;
        int lastDone = -1;
        o.progress = [&](int done, int) { lastDone = done; };
        const train::ExportResult r = train::exportModel(*t->project, run, o);
        qInfo("%s", qPrintable(r.parity.summary()));
        QVERIFY2(r.parity.passed(), qPrintable(r.parity.summary()));
        QVERIFY(r.parity.images > 0);
        QCOMPARE(lastDone, r.parity.images);
        QCOMPARE(r.parity.imagesDiffering, 0);
        for (const char *file : {"model.onnx", "model.json", "README.txt"})
            QVERIFY2(QFile::exists(QDir(o.folder).filePath(QLatin1String(file))), file);
        QVERIFY(QDir(t->dir.path())
                    .entryList(QStringList{QStringLiteral(".*staging*")}, QDir::Hidden | QDir::Dirs)
                    .isEmpty());

        const deploy::Bundle b = deploy::loadBundle(o.folder);
        QCOMPARE(b.detection(), detection);
        QCOMPARE(b.classes.size(), int(t->project->classes().size()));
        QVERIFY(b.colours.front().startsWith(QLatin1Char('#')));
        QCOMPARE(b.width, detection ? 64 : 64);
        QCOMPARE(b.height, detection ? 64 : 48); // detection rounds 48 up to 64
        QCOMPARE(b.channels, 3);
        QCOMPARE(b.extra.value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toInteger(), run);
        QVERIFY(!b.extra.value(QStringLiteral("test_metrics")).toObject().isEmpty());
        QCOMPARE(b.extra.value(QStringLiteral("visor_version")).toString(), QStringLiteral(VISOR_VERSION));
        QVERIFY(b.extra.value(QStringLiteral("parity")).toObject().value(QStringLiteral("passed")).toBool());
        QVERIFY(!b.extra.value(QStringLiteral("exported")).toString().isEmpty());
        if (detection) {
            QCOMPARE(b.anchorCount, (8 * 8 + 4 * 4 + 2 * 2) * 9);
            QCOMPARE(b.threshold, 0.1);
        }
        QVERIFY(test::readFile(QDir(o.folder).filePath(QStringLiteral("README.txt"))).contains("onnxruntime"));

        // The runtime on an image of another size than the canvas: fitted, results in its pixels.
        deploy::Runtime rt(b);
        cv::Mat frame(120, 200, CV_8UC3, cv::Scalar(40, 90, 200));
        cv::circle(frame, {100, 60}, 30, cv::Scalar(250, 250, 250), -1);
        const deploy::Result res = rt.run(frame, 0.0001);
        if (detection) {
            QVERIFY(!res.detections.empty());
            for (const deploy::Detection &d : res.detections)
                QVERIFY(d.box[0] >= 0 && d.box[2] <= 200 && d.box[3] <= 120 && d.box[0] <= d.box[2]);
        } else {
            QCOMPARE(int(res.probabilities.size()), b.classes.size());
            QVERIFY(res.label >= 0);
        }

        // Another canvas for another aspect ratio (a 4:3 camera): the runtime fits frames into it.
        train::ExportOptions wide = o;
        wide.folder = t->dir.filePath(QStringLiteral("bundle-4x3"));
        wide.width = 96;
        wide.height = 64;
        const train::ExportResult w43 = train::exportModel(*t->project, run, wide);
        QVERIFY2(w43.parity.passed(), qPrintable(w43.parity.summary()));
        QCOMPARE(deploy::loadBundle(wide.folder).width, 96);
        wide.folder = t->dir.filePath(QStringLiteral("bundle-odd"));
        wide.width = detection ? 100 : 3;
        try {
            train::exportModel(*t->project, run, wide);
            QFAIL("an unusable canvas was accepted");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QStringLiteral("--input")), qPrintable(e.message()));
        }

        // Into a folder that is not empty: refused, nothing overwritten.
        try {
            train::exportModel(*t->project, run, o);
            QFAIL("exported into a non-empty folder");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QStringLiteral("not empty")), qPrintable(e.message()));
        }
        o.format = QStringLiteral("tflite");
        o.folder = t->dir.filePath(QStringLiteral("other"));
        try {
            train::exportModel(*t->project, run, o);
            QFAIL("an unknown format was accepted");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QStringLiteral("tflite")), qPrintable(e.message()));
        }
    }

    void aBundleThatCannotBeUsedIsNamed()
    {
        QString bundle;
        auto t = test::exportedProject(DatasetKind::Classification, &bundle);
        const QString onnx = QDir(bundle).filePath(QStringLiteral("model.onnx"));
        const QByteArray good = test::readFile(onnx);

        test::writeFile(bundle, QStringLiteral("model.onnx"), good.left(good.size() / 3)); // truncated
        try {
            deploy::Runtime rt(deploy::loadBundle(bundle));
            QFAIL("a truncated model.onnx was read");
        } catch (const deploy::BundleError &e) {
            QVERIFY2(e.message().contains(onnx), qPrintable(e.message()));
        }
        QFile::remove(onnx);
        try {
            deploy::loadBundle(bundle);
            QFAIL("a bundle without model.onnx was accepted");
        } catch (const deploy::BundleError &e) {
            QVERIFY2(e.message().contains(onnx) && e.message().contains(QStringLiteral("missing")),
                     qPrintable(e.message()));
        }
        test::writeFile(bundle, QStringLiteral("model.onnx"), good);
        const QString json = QDir(bundle).filePath(QStringLiteral("model.json"));
        QJsonObject description = QJsonDocument::fromJson(test::readFile(json)).object();
        description.insert(QStringLiteral("kind"), QStringLiteral("segmentation"));
        test::writeFile(bundle, QStringLiteral("model.json"), QJsonDocument(description).toJson());
        try {
            deploy::loadBundle(bundle);
            QFAIL("an unknown kind was accepted");
        } catch (const deploy::BundleError &e) {
            QVERIFY2(e.message().contains(json) && e.message().contains(QStringLiteral("kind")),
                     qPrintable(e.message()));
        }
        test::writeFile(bundle, QStringLiteral("model.json"), "{ not json");
        QVERIFY_THROWS_EXCEPTION(deploy::BundleError, deploy::loadBundle(bundle));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
