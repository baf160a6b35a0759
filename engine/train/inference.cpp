#include "inference.h"
#include "dataset_p.h"
#include "eval/metrics.h"
#include "nn/model_p.h"
#include "runs.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <torch/torch.h>

namespace visor::train {

struct Predictor::Private {
    Project *project = nullptr;
    std::unique_ptr<nn::Model> model;
    nn::ClassifierSpec spec;
    QStringList classes;
    int minSide = 0, maxSide = 0;
};

Predictor::Predictor() : d(new Private) {}
Predictor::~Predictor() = default;

std::unique_ptr<Predictor> Predictor::open(Project &project, qint64 runId)
{
    const auto run = RunStore(project).run(runId);
    if (!run)
        throw Error(QStringLiteral("no run %1 in %2").arg(runId).arg(project.dir()));
    const QDir folder(run->folder);
    QFile f(folder.filePath(QStringLiteral("model.json")));
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("run %1 has no model description (%2)").arg(runId).arg(f.fileName()));
    const QJsonObject description = QJsonDocument::fromJson(f.readAll()).object();
    QString weights = folder.filePath(QStringLiteral("best_model.pt"));
    if (!QFile::exists(weights))
        weights = folder.filePath(QStringLiteral("last_model.pt"));
    if (!QFile::exists(weights))
        throw Error(QStringLiteral("run %1 has no saved model yet").arg(runId));
    QStringList errors;
    const ParameterSet p = ParameterSet::fromJson(description.value(QStringLiteral("parameters")).toObject(), &errors);
    std::unique_ptr<Predictor> out(new Predictor);
    Private &d = *out->d;
    d.project = &project;
    for (const auto &c : description.value(QStringLiteral("classes")).toArray())
        d.classes << c.toString();
    d.spec.classes = int(d.classes.size());
    d.spec.channels = p.toInt(QStringLiteral("input.channels"));
    d.spec.depth = p.toInt(QStringLiteral("classifier.depth"));
    d.spec.width = p.toInt(QStringLiteral("classifier.width"));
    d.spec.preprocessing = p.toString(QStringLiteral("classifier.preprocessing")) == QLatin1String("tf")
                               ? nn::Preprocessing::Tf
                               : nn::Preprocessing::Caffe;
    d.minSide = p.toInt(QStringLiteral("input.min_side"));
    d.maxSide = p.toInt(QStringLiteral("input.max_side"));
    d.model = nn::makeClassifier(d.spec);
    d.model->load(QFile::encodeName(weights).toStdString());
    d.model->setTraining(false);
    return out;
}

QStringList Predictor::classNames() const
{
    return d->classes;
}

Prediction Predictor::predictFile(const QString &path) const
{
    Prediction out;
    out.file = path;
    const cv::Mat image = loadImage(path, d->spec.channels, d->minSide, d->maxSide);
    if (image.empty()) {
        out.error = QStringLiteral("cannot read image %1").arg(path);
        return out;
    }
    torch::NoGradGuard noGrad;
    torch::Tensor t =
        torch::from_blob(image.data, {1, image.rows, image.cols, image.channels()}, torch::kUInt8).clone();
    const torch::Tensor probabilities =
        torch::softmax(d->model->forward(nn::preprocess(t, d->spec.preprocessing)), 1)[0];
    std::vector<std::pair<QString, double>> scores;
    for (int c = 0; c < d->spec.classes; ++c)
        scores.emplace_back(d->classes.value(c), probabilities[c].item<double>());
    out.label = int(probabilities.argmax().item<int64_t>());
    out.className = d->classes.value(out.label);
    std::stable_sort(scores.begin(), scores.end(), [](auto &a, auto &b) { return a.second > b.second; });
    out.scores = scores;
    return out;
}

std::vector<Prediction> Predictor::predictSplit(Split split, std::vector<int> *truth, std::vector<qint64> *ids) const
{
    std::map<QString, int> byName;
    for (int i = 0; i < d->classes.size(); ++i)
        byName[d->classes[i]] = i;
    std::map<qint64, int> index; // today's class ids to the run's class indices, by name
    for (const ClassInfo &c : d->project->classes())
        if (byName.count(c.name))
            index[c.id] = byName[c.name];
    std::vector<Prediction> out;
    for (const Example &e : d->project->examples()) {
        if (e.split != split || !e.labelled || !index.count(e.classId))
            continue;
        out.push_back(predictFile(d->project->imagePath(e)));
        if (truth)
            truth->push_back(index[e.classId]);
        if (ids)
            ids->push_back(e.id);
    }
    return out;
}

QJsonObject Prediction::toJson() const
{
    QJsonArray s;
    for (const auto &[name, score] : scores)
        s.append(QJsonObject{{QStringLiteral("class"), name}, {QStringLiteral("score"), score}});
    QJsonObject o{{QStringLiteral("file"), file}, {QStringLiteral("class"), className}, {QStringLiteral("scores"), s}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

QJsonObject evaluateRun(Project &project, qint64 runId, Split split)
{
    const auto predictor = Predictor::open(project, runId);
    std::vector<int> truth;
    const auto predictions = predictor->predictSplit(split, &truth);
    std::vector<int> predicted;
    for (const Prediction &p : predictions)
        predicted.push_back(p.label);
    QJsonObject o = eval::classificationMetrics(truth, predicted, int(predictor->classNames().size()))
                        .toJson(predictor->classNames());
    o.insert(QStringLiteral("split"), splitKey(split));
    o.insert(QStringLiteral("examples"), int(truth.size()));
    return o;
}

} // namespace visor::train
