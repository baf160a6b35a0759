#include "inference.h"
#include "augment/augmenter.h"
#include "dataset_p.h"
#include "eval/metrics.h"
#include "export/runtime.h"
#include "formats/imageinfo.h"
#include "nn/model_p.h"
#include "predictor_p.h"
#include "runs.h"
#include "task_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>
#include <torch/torch.h>

namespace visor::train {

Predictor::Predictor() : d(new Private) {}
Predictor::~Predictor() = default;

std::unique_ptr<Predictor> Predictor::open(Project &project, qint64 runId)
{
    const auto run = RunStore(project).run(runId);
    if (!run)
        throw Error(QCoreApplication::translate("visor::Inference", "no run %1 in %2").arg(runId).arg(project.dir()));
    const QDir folder(run->folder);
    QFile f(folder.filePath(QStringLiteral("model.json")));
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("visor::Inference", "run %1 has no model description (%2)")
                        .arg(runId)
                        .arg(f.fileName()));
    const QJsonObject description = QJsonDocument::fromJson(f.readAll()).object();
    QStringList candidates; // the best model first, the last one when the best is missing or damaged
    for (const char *name : {"best_model.pt", "last_model.pt"})
        if (QFile::exists(folder.filePath(QLatin1String(name))))
            candidates << folder.filePath(QLatin1String(name));
    if (candidates.isEmpty())
        throw Error(QCoreApplication::translate("visor::Inference", "run %1 has no saved model yet").arg(runId));
    std::unique_ptr<Predictor> out(new Predictor);
    Private &d = *out->d;
    d.project = &project;
    d.parameters = ParameterSet::fromJson(description.value(QStringLiteral("parameters")).toObject());
    const ParameterSet &p = d.parameters;
    for (const auto &c : description.value(QStringLiteral("classes")).toArray())
        d.classes << c.toString();
    d.detection = description.value(QStringLiteral("kind")).toString() == QLatin1String("detection");
    d.channels = p.toInt(QStringLiteral("input.channels"));
    d.minSide = p.toInt(QStringLiteral("input.min_side"));
    d.maxSide = p.toInt(QStringLiteral("input.max_side"));
    d.threshold = p.toDouble(QStringLiteral("train.confidence_threshold"));
    d.maxBoxes = p.toInt(QStringLiteral("train.max_boxes"));
    if (d.detection)
        d.detector = nn::buildDetector(p, int(d.classes.size()));
    else
        d.classifier = nn::buildClassifier(p, int(d.classes.size()));
    QStringList failures;
    for (const QString &weights : candidates) {
        try {
            loadCheckpoint(weights, [&](const std::string &path) {
                if (d.detector)
                    d.detector->load(path);
                else
                    d.classifier->load(path);
            });
            d.weights = weights;
            break;
        } catch (const Error &e) {
            failures << e.message();
        }
    }
    if (d.weights.isEmpty())
        throw Error(failures.join(QStringLiteral("; ")));
    if (!failures.isEmpty())
        d.note =
            QCoreApplication::translate("visor::Inference", "%1; used %2 instead").arg(failures.front(), d.weights);
    if (d.detector)
        d.detector->setTraining(false);
    else
        d.classifier->setTraining(false);
    return out;
}

QString Predictor::note() const
{
    return d->note;
}

bool Predictor::detection() const
{
    return d->detection;
}
void Predictor::setThreshold(double threshold)
{
    d->threshold = threshold;
}

void Predictor::setMaxBoxes(int maxBoxes)
{
    d->maxBoxes = maxBoxes;
}

int Predictor::maxBoxes() const
{
    return d->maxBoxes;
}

QStringList Predictor::classNames() const
{
    return d->classes;
}

Prediction Predictor::predictFile(const QString &path) const
{
    Prediction out;
    out.file = path;
    const cv::Mat original = decodeImage(path, d->channels);
    if (original.empty()) {
        out.error = QCoreApplication::translate("visor::Inference", "cannot read image %1").arg(path);
        return out;
    }
    const cv::Mat image = augment::resizeToInput(original, d->minSide, d->maxSide);
    torch::NoGradGuard noGrad;
    if (d->detection) {
        const ParameterSet &p = d->parameters;
        const at::Tensor input = nn::preprocess(toTensor({image}, 32), d->detector->spec().preprocessing);
        const auto found = d->detector
                               ->detect(d->detector->forward(input), input, {{image.cols, image.rows}},
                                        {d->threshold, p.toDouble(QStringLiteral("train.iou_threshold")), d->maxBoxes})
                               .front();
        const double grow = p.toDouble(QStringLiteral("train.box_expansion"));
        const double sx = double(image.cols) / original.cols, sy = double(image.rows) / original.rows;
        for (size_t i = 0; i < found.scores.size(); ++i) {
            const auto b = deploy::toImagePixels(found.boxes[i], sx, sy, grow, original.cols, original.rows);
            DetectedBox box;
            box.x1 = b[0];
            box.y1 = b[1];
            box.x2 = b[2];
            box.y2 = b[3];
            box.label = found.labels[i];
            box.className = d->classes.value(box.label);
            box.score = found.scores[i];
            out.boxes.push_back(box);
        }
        return out;
    }
    const torch::Tensor t =
        torch::from_blob(image.data, {1, image.rows, image.cols, image.channels()}, torch::kUInt8).clone();
    const torch::Tensor probabilities =
        torch::softmax(d->classifier->forward(nn::preprocess(t, d->classifier->preprocessing())), 1)[0];
    std::vector<std::pair<QString, double>> scores;
    for (int c = 0; c < int(d->classes.size()); ++c)
        scores.emplace_back(d->classes.value(c), probabilities[c].item<double>());
    out.label = int(probabilities.argmax().item<int64_t>());
    out.className = d->classes.value(out.label);
    std::stable_sort(scores.begin(), scores.end(), [](auto &a, auto &b) { return a.second > b.second; });
    out.scores = scores;
    return out;
}

QJsonObject Prediction::toJson() const
{
    QJsonObject o{{QStringLiteral("file"), file}};
    if (!error.isEmpty()) {
        o.insert(QStringLiteral("error"), error);
        return o;
    }
    if (!scores.empty()) {
        QJsonArray s;
        for (const auto &[name, score] : scores)
            s.append(QJsonObject{{QStringLiteral("class"), name}, {QStringLiteral("score"), score}});
        o.insert(QStringLiteral("class"), className);
        o.insert(QStringLiteral("scores"), s);
    } else {
        QJsonArray list;
        for (const DetectedBox &b : boxes)
            list.append(QJsonObject{{QStringLiteral("box"), QJsonArray{b.x1, b.y1, b.x2, b.y2}},
                                    {QStringLiteral("class"), b.className},
                                    {QStringLiteral("score"), b.score}});
        o.insert(QStringLiteral("boxes"), list);
    }
    return o;
}

QJsonObject evaluateRun(Project &project, qint64 runId, Split split, TestPredictions *predictions)
{
    const auto predictor = Predictor::open(project, runId);
    const Predictor::Private &d = *predictor->d;
    std::map<qint64, int> classIndex; // today's class ids to the run's class indices, by name
    for (const ClassInfo &c : project.classes())
        if (const int i = int(d.classes.indexOf(c.name)); i >= 0)
            classIndex[c.id] = i;
    auto task = d.detection ? makeDetectionTask(d.parameters, int(d.classes.size()), at::Device(at::kCPU))
                            : makeClassificationTask(d.parameters, int(d.classes.size()), at::Device(at::kCPU));
    loadCheckpoint(d.weights, [&](const std::string &path) { task->load(path); });
    const int threads = int(std::thread::hardware_concurrency());
    torch::set_num_threads(threads);
    const SplitData data = loadSplit(project, split, d.channels, d.minSide, d.maxSide, classIndex, threads);
    QJsonObject o = task->report(data, d.classes, predictions);
    if (predictions) { // the run's class indices to today's ids, by name
        std::vector<qint64> classIds(size_t(d.classes.size()), 0);
        for (const auto &[id, index] : classIndex)
            classIds[size_t(index)] = id;
        toProjectTerms(*predictions, data, classIds);
    }
    o.insert(QStringLiteral("split"), splitKey(split));
    o.insert(QStringLiteral("examples"), int(data.images.size()));
    o.insert(QStringLiteral("checkpoint"), QFileInfo(d.weights).fileName());
    if (!data.problems.isEmpty())
        o.insert(QStringLiteral("left_out"), QJsonArray::fromStringList(data.problems));
    if (!d.note.isEmpty())
        o.insert(QStringLiteral("note"), d.note);
    return o;
}

} // namespace visor::train
