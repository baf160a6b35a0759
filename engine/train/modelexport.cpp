// Model export: the ONNX graph from the layer listing, the bundle around it, and the parity check.
//
// Tolerances of the parity check. The exported graph computes what the LibTorch model computes, in
// float32, in another order (OpenCV's convolution kernels against oneDNN's): measured at 1e-6 to 1e-4 on
// raw outputs for every backbone and for trained runs. Planted defects (tst_export: tf instead of caffe
// preprocessing, RGB read as BGR, the biases lost, one ReLU lost) moved them by 3e-3 to 4.6. 1e-3 on raw
// outputs sits between the two. The metric may move only when a score crosses the threshold or two scores
// swap: 0.001 (a tenth of a percent point) allows that on a split of a thousand images and nothing more.

#include "modelexport.h"
#include "eval/metrics.h"
#include "export/runtime.h"
#include "formats/imageinfo.h"
#include "nn/onnxwriter_p.h"
#include "predictor_p.h"
#include "project/fileio.h"
#include "project/inputsize.h"
#include "runs.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <thread>
#include <torch/torch.h>

namespace visor::train {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(visor::ModelExport)
};

constexpr double kEvalScoreThreshold = 0.05; // as the trainer's evaluation: mAP counts detections above 0.05
constexpr int kEvalMaxBoxes = 100;

/// The canvas: every image of the project resized by the rule fits it; detection rounds it up to 32
/// as the trainer's batches are, classification keeps it exact (padding would enter the average).
std::pair<int, int> canvasSize(const Project &project, int minSide, int maxSide, bool detection)
{
    int width = 0, height = 0;
    for (const Example &e : project.examples()) {
        const InputSize s = inputSize(e.width, e.height, minSide, maxSide);
        width = std::max(width, s.width);
        height = std::max(height, s.height);
    }
    if (width == 0)
        width = height = minSide;
    if (detection) {
        width = (width + 31) / 32 * 32;
        height = (height + 31) / 32 * 32;
    }
    return {width, height};
}

/// The LibTorch model's outputs for a canvas, named and shaped as the graph's (no batch dimension).
std::vector<cv::Mat> torchOutputs(PredictorAccess::Private &d, const deploy::Canvas &canvas, const at::Tensor &anchors)
{
    torch::NoGradGuard noGrad;
    const cv::Mat &px = canvas.pixels;
    const at::Tensor image = torch::from_blob(px.data, {1, px.rows, px.cols, px.channels()}, torch::kUInt8);
    auto mat = [](const at::Tensor &t) {
        const at::Tensor c = t.to(at::kFloat).contiguous();
        return cv::Mat(int(c.size(0)), int(c.numel() / c.size(0)), CV_32F, c.data_ptr<float>()).clone();
    };
    if (d.detector) {
        const nn::DetectorOutput out = d.detector->forward(nn::preprocess(image, d.detector->spec().preprocessing));
        const at::Tensor logits = out.logits[0], deltas = out.deltas[0];
        return {mat(logits), mat(deltas), mat(nn::decodeBoxes(anchors, deltas)), mat(torch::sigmoid(logits))};
    }
    const at::Tensor logits = d.classifier->forward(nn::preprocess(image, d.classifier->preprocessing()));
    return {mat(logits), mat(torch::softmax(logits, 1))};
}

std::vector<eval::Detection> detections(const deploy::Runtime &rt, const std::vector<cv::Mat> &out,
                                        const deploy::Canvas &canvas, const cv::Mat &image, int index)
{
    std::vector<eval::Detection> list;
    const cv::Mat &boxes = out.at(2), &scores = out.at(3);
    for (const deploy::Detection &det :
         deploy::selectDetections(boxes.ptr<float>(), scores.ptr<float>(), boxes.rows, scores.cols, kEvalScoreThreshold,
                                  rt.bundle().iouThreshold, kEvalMaxBoxes, canvas.width, canvas.height)) {
        const auto b = deploy::toImagePixels(det.box, canvas.scaleX, canvas.scaleY, 0, image.cols, image.rows);
        list.push_back({index, det.label, det.score, b[0], b[1], b[2], b[3]});
    }
    return list;
}

/// Whether two images' detections differ: the same count, each matched at IoU 0.99 with its class.
bool differ(const std::vector<eval::Detection> &a, const std::vector<eval::Detection> &b)
{
    if (a.size() != b.size())
        return true;
    std::vector<eval::GroundTruth> truth;
    for (const eval::Detection &d : a)
        truth.push_back({d.image, d.label, d.x1, d.y1, d.x2, d.y2, false});
    for (int m : eval::matchDetections(truth, b, 0.99))
        if (m < 0)
            return true;
    return false;
}

struct Accumulator {
    std::vector<double> largest;
    std::vector<eval::GroundTruth> truth;
    std::vector<eval::Detection> torchDetections, onnxDetections;
    std::vector<int> labels, torchLabels, onnxLabels;
    double torchNs = 0, onnxNs = 0;
};

ParityReport checkParity(Project &project, PredictorAccess::Private &d, deploy::Runtime &rt, const at::Tensor &anchors,
                         const ExportOptions &o)
{
    ParityReport r;
    r.detection = d.detection;
    std::map<qint64, int> classIndex; // today's class ids to the run's indices, by name (as evaluateRun)
    for (const ClassInfo &c : project.classes())
        if (const int i = int(d.classes.indexOf(c.name)); i >= 0)
            classIndex[c.id] = i;
    std::vector<Example> chosen;
    for (const Example &e : project.examples())
        if (e.split == o.split && e.labelled && (d.detection || classIndex.count(e.classId)))
            chosen.push_back(e);
    const auto boxes = d.detection ? project.allBoxes() : std::unordered_map<qint64, std::vector<Box>>();
    const std::vector<std::string> names = deploy::Runtime::outputNames(d.detection);
    Accumulator acc;
    acc.largest.assign(names.size(), 0);
    QElapsedTimer timer;
    for (size_t i = 0; i < chosen.size(); ++i) {
        if (o.cancel && o.cancel->load())
            throw Error(Text::tr("export cancelled"));
        if (o.progress)
            o.progress(int(i), int(chosen.size()));
        const QString path = project.imagePath(chosen[i]);
        const cv::Mat image = decodeImage(path, d.channels);
        if (image.empty()) {
            r.leftOut << path;
            continue;
        }
        const deploy::Canvas canvas = deploy::prepare(image, rt.bundle());
        timer.start();
        const std::vector<cv::Mat> onnx = rt.outputs(canvas);
        acc.onnxNs += double(timer.nsecsElapsed());
        timer.start();
        const std::vector<cv::Mat> torch = torchOutputs(d, canvas, anchors);
        acc.torchNs += double(timer.nsecsElapsed());
        for (size_t k = 0; k < names.size(); ++k)
            acc.largest[k] = std::max(acc.largest[k], cv::norm(onnx.at(k), torch.at(k), cv::NORM_INF));
        const int index = r.images++;
        if (d.detection) {
            if (const auto it = boxes.find(chosen[i].id); it != boxes.end())
                for (const Box &b : it->second)
                    if (const auto c = classIndex.find(b.classId); c != classIndex.end())
                        acc.truth.push_back({index, c->second, b.x1, b.y1, b.x2, b.y2, false});
            const auto t = detections(rt, torch, canvas, image, index), x = detections(rt, onnx, canvas, image, index);
            r.imagesDiffering += differ(t, x) ? 1 : 0;
            acc.torchDetections.insert(acc.torchDetections.end(), t.begin(), t.end());
            acc.onnxDetections.insert(acc.onnxDetections.end(), x.begin(), x.end());
        } else {
            auto argmax = [](const cv::Mat &p) {
                cv::Point at;
                cv::minMaxLoc(p, nullptr, nullptr, nullptr, &at);
                return at.x;
            };
            acc.labels.push_back(classIndex.at(chosen[i].classId));
            acc.torchLabels.push_back(argmax(torch.at(1)));
            acc.onnxLabels.push_back(argmax(onnx.at(1)));
            r.imagesDiffering += acc.torchLabels.back() != acc.onnxLabels.back() ? 1 : 0;
        }
    }
    if (o.progress)
        o.progress(int(chosen.size()), int(chosen.size()));
    const int classes = int(d.classes.size());
    if (d.detection) {
        const auto t = eval::detectionMetrics(acc.truth, acc.torchDetections, classes);
        const auto x = eval::detectionMetrics(acc.truth, acc.onnxDetections, classes);
        r.torchMetric = t.map50;
        r.onnxMetric = x.map50;
        r.torchMap = t.map;
        r.onnxMap = x.map;
    } else if (!acc.labels.empty()) {
        r.torchMetric = eval::classificationMetrics(acc.labels, acc.torchLabels, classes).accuracy;
        r.onnxMetric = eval::classificationMetrics(acc.labels, acc.onnxLabels, classes).accuracy;
    }
    for (size_t k = 0; k < names.size(); ++k)
        r.largestDifference.emplace_back(QString::fromStdString(names[k]), acc.largest[k]);
    if (r.images > 0) {
        r.torchMsPerImage = acc.torchNs / 1e6 / r.images;
        r.onnxMsPerImage = acc.onnxNs / 1e6 / r.images;
    }
    if (r.images == 0)
        r.failures << Text::tr("the %1 split has no labelled image that could be read; choose another split")
                          .arg(splitKey(o.split));
    // Boxes are derived outputs in pixels: checked through the metric and the 0.99-IoU matching.
    for (const auto &[name, difference] : r.largestDifference)
        if (name != QLatin1String("boxes") && !(difference <= ParityReport::kOutputTolerance))
            r.failures << Text::tr("output %1 differs by up to %2 (tolerance %3)")
                              .arg(name)
                              .arg(difference, 0, 'g', 3)
                              .arg(ParityReport::kOutputTolerance);
    if (!(std::abs(r.torchMetric - r.onnxMetric) <= ParityReport::kMetricTolerance) ||
        !(std::abs(r.torchMap - r.onnxMap) <= ParityReport::kMetricTolerance))
        r.failures << Text::tr("the metric differs: LibTorch %1, ONNX %2 (tolerance %3)")
                          .arg(r.torchMetric, 0, 'f', 4)
                          .arg(r.onnxMetric, 0, 'f', 4)
                          .arg(ParityReport::kMetricTolerance);
    return r;
}

QString readme(const deploy::Bundle &b)
{
    const QString outputs =
        b.detection()
            ? QStringLiteral(
                  "  boxes   float32 (N, %1, 4)  x1, y1, x2, y2 in canvas pixels, one row per anchor\n"
                  "  scores  float32 (N, %1, %2) per-class probabilities (sigmoid)\n"
                  "  logits, deltas              the raw outputs before decoding\n"
                  "Non-maximum suppression is not in the graph (OpenCV's dnn 4.6 has none): keep scores above\n"
                  "%3, the best 1000, suppress within each class at IoU %4, keep at most %5 boxes, then divide\n"
                  "by the resize scale and grow each box by %6 of its size (model.json: postprocessing).\n")
                  .arg(b.anchorCount)
                  .arg(b.classes.size())
                  .arg(b.threshold)
                  .arg(b.iouThreshold)
                  .arg(b.maxBoxes)
                  .arg(b.boxExpansion)
            : QStringLiteral("  probabilities  float32 (N, %1) softmax over the classes of model.json\n"
                             "  logits         float32 (N, %1) before the softmax\n")
                  .arg(b.classes.size());
    return QStringLiteral(
               "Visor model bundle\n==================\n\n"
               "model.onnx  the network, ONNX opset %1, preprocessing and decoding inside\n"
               "model.json  classes, input rule, thresholds, the run, its test metrics and the parity check\n\n"
               "Input\n-----\n"
               "  image  uint8 (N, %2, %3, %4), %5, as OpenCV decodes it.\n"
               "Resize each image keeping its aspect ratio: scale = min(%6 / shorter side, %7 / longer side,\n"
               "%3 / width, %2 / height); place it at the top left of a zero %3 x %2 canvas.\n"
               "OpenCV's dnn runs one image per forward; onnxruntime takes any N.\n\n"
               "Outputs\n-------\n%8\n"
               "OpenCV (C++)\n------------\n"
               "  cv::dnn::Net net = cv::dnn::readNetFromONNX(\"model.onnx\");\n"
               "  int shape[] = {1, canvas.rows, canvas.cols, canvas.channels()};\n"
               "  net.setInput(cv::Mat(4, shape, CV_8U, canvas.data), \"image\");\n"
               "  std::vector<cv::Mat> out;\n"
               "  net.forward(out, std::vector<std::string>{%9});\n\n"
               "onnxruntime (Python)\n--------------------\n"
               "  import onnxruntime, numpy\n"
               "  session = onnxruntime.InferenceSession(\"model.onnx\")\n"
               "  outputs = session.run([%9], {\"image\": canvas[numpy.newaxis]})\n\n"
               "visor-edge runs this folder on videos, cameras, streams and image folders:\n"
               "  visor-edge . video.mp4 --out results\n")
        .arg(nn::kOnnxOpset)
        .arg(b.height)
        .arg(b.width)
        .arg(b.channels)
        .arg(b.channels == 1 ? QStringLiteral("grey") : QStringLiteral("BGR channel order"))
        .arg(b.minSide)
        .arg(b.maxSide)
        .arg(outputs, b.detection() ? QStringLiteral("\"boxes\", \"scores\"") : QStringLiteral("\"probabilities\""));
}

deploy::Bundle describe(Project &project, const RunRecord &run, const PredictorAccess::Private &d, int width,
                        int height)
{
    const ParameterSet &p = d.parameters;
    deploy::Bundle b;
    b.kind = d.detection ? QStringLiteral("detection") : QStringLiteral("classification");
    b.classes = d.classes;
    for (const QString &name : d.classes) {
        QString colour = QStringLiteral("#00ff00");
        for (const ClassInfo &c : project.classes())
            if (c.name == name)
                colour = c.color;
        b.colours << colour;
    }
    b.width = width;
    b.height = height;
    b.channels = d.channels;
    b.preprocessing =
        p.toString(d.detection ? QStringLiteral("detector.preprocessing") : QStringLiteral("classifier.preprocessing"));
    b.minSide = d.minSide;
    b.maxSide = d.maxSide;
    b.threshold = d.threshold;
    b.iouThreshold = p.toDouble(QStringLiteral("train.iou_threshold"));
    b.maxBoxes = d.maxBoxes;
    b.boxExpansion = p.toDouble(QStringLiteral("train.box_expansion"));
    b.extra =
        QJsonObject{{QStringLiteral("run"), QJsonObject{{QStringLiteral("id"), run.id},
                                                        {QStringLiteral("name"), run.name},
                                                        {QStringLiteral("status"), run.status},
                                                        {QStringLiteral("checkpoint"), QFileInfo(d.weights).fileName()},
                                                        {QStringLiteral("project"), project.dir()}}},
                    {QStringLiteral("test_metrics"), run.metrics},
                    {QStringLiteral("parameters"), run.parameters},
                    {QStringLiteral("exported"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                    {QStringLiteral("visor_version"), QStringLiteral(VISOR_VERSION)},
                    {QStringLiteral("onnx_opset"), nn::kOnnxOpset}};
    return b;
}

void writeJson(const QString &path, const QJsonObject &o)
{
    fileio::writeAtomically(path, QJsonDocument(o).toJson(QJsonDocument::Indented));
}

} // namespace

QStringList modelExportFormats()
{
    return {QStringLiteral("onnx")};
}

ExportResult exportModel(Project &project, qint64 runId, const ExportOptions &o)
{
    if (!modelExportFormats().contains(o.format))
        throw Error(Text::tr("--format %1: models are exported as %2")
                        .arg(o.format, modelExportFormats().join(QStringLiteral(", "))));
    const auto predictor = Predictor::open(project, runId);
    PredictorAccess::Private &d = PredictorAccess::of(*predictor);
    const RunRecord run = *RunStore(project).run(runId);
    torch::set_num_threads(int(std::max(1u, std::thread::hardware_concurrency())));
    auto [width, height] = canvasSize(project, d.minSide, d.maxSide, d.detection);
    if (o.width > 0 || o.height > 0) {
        const int multiple = d.detection ? 32 : 1;
        if (o.width < 8 || o.height < 8 || o.width > 4096 || o.height > 4096 || o.width % multiple ||
            o.height % multiple)
            throw Error(Text::tr("--input %1x%2: the canvas must be 8 to 4096 pixels a side%3")
                            .arg(o.width)
                            .arg(o.height)
                            .arg(d.detection ? Text::tr(", in multiples of 32 for a detector") : QString()));
        width = o.width;
        height = o.height;
    }

    nn::OnnxOptions onnx;
    onnx.width = width;
    onnx.height = height;
    onnx.channels = d.channels;
    at::Tensor anchors;
    if (d.detector) {
        onnx.preprocessing = d.detector->spec().preprocessing;
        anchors = d.detector->anchors(height, width).to(at::kCPU);
        onnx.anchors = anchors;
    } else {
        onnx.preprocessing = d.classifier->preprocessing();
    }
    onnx.name = QStringLiteral("visor_run_%1").arg(runId).toStdString();
    onnx.docString = QStringLiteral("Visor run %1 (%2) of %3").arg(runId).arg(run.name, project.dir()).toStdString();
    onnx.metadata = {{"classes", d.classes.join(QLatin1Char('\n')).toStdString()}};
    std::string bytes;
    try {
        bytes = nn::writeOnnx(d.detector ? d.detector->layers() : d.classifier->layers(), onnx);
    } catch (const std::exception &e) {
        throw Error(Text::tr("run %1 cannot be exported: %2").arg(runId).arg(QString::fromUtf8(e.what())));
    }

    fileio::StagedFolder staging(o.folder);
    const QDir dir(staging.path());
    fileio::writeAtomically(dir.filePath(QStringLiteral("model.onnx")), QByteArray::fromStdString(bytes));
    deploy::Bundle bundle = describe(project, run, d, width, height);
    bundle.folder = staging.path();
    bundle.anchorCount = anchors.defined() ? int(anchors.size(0)) : 0;
    deploy::Runtime runtime(bundle);
    ExportResult result;
    result.parity = checkParity(project, d, runtime, anchors, o);
    bundle.extra.insert(QStringLiteral("parity"), result.parity.toJson());
    if (!result.parity.passed())
        throw Error(Text::tr("the exported model of run %1 does not score as the trained one:\n%2")
                        .arg(runId)
                        .arg(result.parity.summary()));
    writeJson(dir.filePath(QStringLiteral("model.json")), bundle.toJson());
    fileio::writeAtomically(dir.filePath(QStringLiteral("README.txt")), readme(bundle).toUtf8());
    staging.publish();
    result.folder = staging.target();
    result.onnxFile = QDir(result.folder).filePath(QStringLiteral("model.onnx"));
    result.bytes = qint64(bytes.size());
    result.width = width;
    result.height = height;
    return result;
}

QJsonObject ParityReport::toJson() const
{
    QJsonObject differences;
    for (const auto &[name, value] : largestDifference)
        differences.insert(name, value);
    QJsonObject o{{QStringLiteral("images"), images},
                  {QStringLiteral("largest_difference"), differences},
                  {QStringLiteral("output_tolerance"), kOutputTolerance},
                  {QStringLiteral("metric_tolerance"), kMetricTolerance},
                  {QStringLiteral("images_differing"), imagesDiffering},
                  {QStringLiteral("libtorch_ms_per_image"), torchMsPerImage},
                  {QStringLiteral("onnx_ms_per_image"), onnxMsPerImage},
                  {QStringLiteral("passed"), passed()}};
    if (detection) {
        o.insert(QStringLiteral("libtorch"),
                 QJsonObject{{QStringLiteral("map50"), torchMetric}, {QStringLiteral("map"), torchMap}});
        o.insert(QStringLiteral("onnx"),
                 QJsonObject{{QStringLiteral("map50"), onnxMetric}, {QStringLiteral("map"), onnxMap}});
    } else {
        o.insert(QStringLiteral("libtorch"), QJsonObject{{QStringLiteral("accuracy"), torchMetric}});
        o.insert(QStringLiteral("onnx"), QJsonObject{{QStringLiteral("accuracy"), onnxMetric}});
    }
    if (!leftOut.isEmpty())
        o.insert(QStringLiteral("left_out"), QJsonArray::fromStringList(leftOut));
    if (!failures.isEmpty())
        o.insert(QStringLiteral("failures"), QJsonArray::fromStringList(failures));
    return o;
}

QString ParityReport::summary() const
{
    QStringList lines;
    lines << Text::tr("Parity on %n image(s) (OpenCV dnn against LibTorch):", nullptr, images);
    QStringList diffs;
    for (const auto &[name, value] : largestDifference)
        diffs << QStringLiteral("%1 %2").arg(name).arg(value, 0, 'g', 3);
    lines << Text::tr("  largest difference of outputs: %1").arg(diffs.join(QStringLiteral(", ")));
    if (detection)
        lines << Text::tr("  mAP@0.5 %1 / %2, mAP@[.5:.95] %3 / %4 (LibTorch / ONNX)")
                     .arg(torchMetric, 0, 'f', 4)
                     .arg(onnxMetric, 0, 'f', 4)
                     .arg(torchMap, 0, 'f', 4)
                     .arg(onnxMap, 0, 'f', 4)
              << Text::tr("  images whose boxes differ (IoU 0.99): %1").arg(imagesDiffering);
    else
        lines << Text::tr("  accuracy %1 / %2 (LibTorch / ONNX)").arg(torchMetric, 0, 'f', 4).arg(onnxMetric, 0, 'f', 4)
              << Text::tr("  images classified differently: %1").arg(imagesDiffering);
    lines << Text::tr("  %1 ms per image with LibTorch, %2 ms with the export")
                 .arg(torchMsPerImage, 0, 'f', 1)
                 .arg(onnxMsPerImage, 0, 'f', 1);
    if (!leftOut.isEmpty())
        lines << Text::tr("  left out (unreadable): %1").arg(leftOut.join(QStringLiteral(", ")));
    lines << (passed() ? Text::tr("  equal within the tolerances (outputs %1, metric %2)")
                             .arg(kOutputTolerance)
                             .arg(kMetricTolerance)
                       : Text::tr("  NOT EQUAL: %1").arg(failures.join(QStringLiteral("; "))));
    return lines.join(QLatin1Char('\n'));
}

} // namespace visor::train
