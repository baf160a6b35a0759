#include "eval/metrics.h"
#include "nn/model_p.h"
#include "task_p.h"

#include <torch/torch.h>

namespace visor::train {
namespace {

class ClassificationTask : public Task {
public:
    ClassificationTask(const ParameterSet &p, int classes, const at::Device &device)
        : m_device(device), m_classes(classes)
    {
        m_binary = p.toString(QStringLiteral("classifier.loss")) == QLatin1String("binary_crossentropy");
        m_model = nn::buildClassifier(p, classes);
        m_model->to(device);
    }

    std::vector<at::Tensor> parameters() override { return m_model->parameters(); }
    void setTraining(bool training) override { m_model->setTraining(training); }
    void save(std::ostream &out) override { m_model->save(out); }
    void load(const std::string &path) override { m_model->load(path); }
    bool measuresTrainMetric() const override { return false; }
    void setClassWeights(const std::vector<double> &weights) override
    {
        m_weights = weights.empty() ? torch::Tensor() : torch::tensor(weights, torch::kFloat).to(m_device);
    }

    Batch makeBatch(const std::vector<cv::Mat> &images, const std::vector<std::vector<Box>> &,
                    const std::vector<int> &labels) override
    {
        Batch b;
        b.input = nn::preprocess(toTensor(images).to(m_device), m_model->preprocessing());
        b.classes = torch::tensor(std::vector<int64_t>(labels.begin(), labels.end()), torch::kLong).to(m_device);
        return b;
    }

    StepResult step(const Batch &batch) override
    {
        const torch::Tensor logits = m_model->forward(batch.input);
        return {lossOf(logits, batch.classes), double(logits.argmax(1).eq(batch.classes).sum().item<int64_t>())};
    }

    std::pair<double, double> evaluate(const SplitData &data) override
    {
        std::vector<int> predicted;
        return evaluate(data, &predicted);
    }

    QJsonObject report(const SplitData &data, const QStringList &classNames, TestPredictions *predictions) override
    {
        std::vector<int> predicted;
        std::vector<double> confidence;
        const auto [loss, accuracy] = evaluate(data, &predicted, &confidence);
        if (predictions)
            for (size_t i = 0; i < predicted.size(); ++i) {
                ImagePredictions p;
                p.exampleId = i < data.ids.size() ? data.ids[i] : 0;
                p.classId = predicted[i];
                p.score = confidence[i];
                predictions->images.push_back(p);
            }
        QJsonObject o = eval::classificationMetrics(data.labels, predicted, m_classes).toJson(classNames);
        o.insert(QStringLiteral("loss"), loss);
        return o;
    }

private:
    torch::Tensor lossOf(const torch::Tensor &logits, const torch::Tensor &target) const
    {
        if (m_binary)
            return torch::binary_cross_entropy_with_logits(
                logits, torch::one_hot(target, logits.size(1)).to(logits.dtype()), m_weights);
        return torch::nn::functional::cross_entropy(logits, target,
                                                    torch::nn::functional::CrossEntropyFuncOptions().weight(m_weights));
    }

    std::pair<double, double> evaluate(const SplitData &data, std::vector<int> *predicted,
                                       std::vector<double> *confidence = nullptr)
    {
        torch::NoGradGuard noGrad;
        m_model->setTraining(false);
        double lossSum = 0;
        int64_t correct = 0;
        for (size_t start = 0; start < data.images.size(); start += 64) {
            const size_t end = std::min(data.images.size(), start + 64);
            const std::vector<cv::Mat> images(data.images.begin() + int64_t(start), data.images.begin() + int64_t(end));
            const std::vector<int> labels(data.labels.begin() + int64_t(start), data.labels.begin() + int64_t(end));
            const Batch b = makeBatch(images, {}, labels);
            const torch::Tensor logits = m_model->forward(b.input);
            lossSum += lossOf(logits, b.classes).item<double>() * double(end - start);
            const torch::Tensor pred = logits.argmax(1).cpu();
            correct += pred.eq(b.classes.cpu()).sum().item<int64_t>();
            for (int64_t k = 0; k < pred.size(0); ++k)
                predicted->push_back(int(pred[k].item<int64_t>()));
            if (confidence) { // the predicted class's probability, as the predictor reports it
                const torch::Tensor prob =
                    std::get<0>((m_binary ? torch::sigmoid(logits) : torch::softmax(logits, 1)).max(1)).cpu();
                for (int64_t k = 0; k < prob.size(0); ++k)
                    confidence->push_back(prob[k].item<double>());
            }
        }
        const double n = double(std::max<size_t>(1, data.images.size()));
        return {lossSum / n, double(correct) / n};
    }

    at::Device m_device;
    int m_classes;
    bool m_binary = false;
    torch::Tensor m_weights; // per class, or undefined
    std::unique_ptr<nn::Model> m_model;
};

} // namespace

std::unique_ptr<Task> makeClassificationTask(const ParameterSet &p, int classes, const at::Device &device)
{
    return std::make_unique<ClassificationTask>(p, classes, device);
}

} // namespace visor::train
