#include "eval/metrics.h"
#include "nn/model_p.h"
#include "task_p.h"

#include <torch/torch.h>

namespace visor::train {

namespace {

constexpr double kEvalScoreThreshold = 0.05; // mAP counts every detection above 0.05 (up to 100 an image)
constexpr int kEvalMaxBoxes = 100;

class DetectionTask : public Task {
public:
    DetectionTask(const ParameterSet &p, int classes, const at::Device &device)
        : m_device(device), m_nmsIou(p.toDouble(QStringLiteral("train.iou_threshold")))
    {
        m_model = nn::buildDetector(p, classes);
        m_model->to(device);
        // Every downsampling of the networks rounds up (padding 1 or ceil mode) and the anchors use the
        // same ceil(size / stride), so the input needs no padding to the largest stride (128 would double
        // a 160-pixel width); 32 keeps the tensor shapes few for the anchor cache.
        m_multiple = 32;
    }

    std::vector<at::Tensor> parameters() override { return m_model->parameters(); }
    void setTraining(bool training) override { m_model->setTraining(training); }
    void save(std::ostream &out) override { m_model->save(out); }
    void load(const std::string &path) override { m_model->load(path); }
    bool measuresTrainMetric() const override { return true; }
    void setClassWeights(const std::vector<double> &weights) override
    {
        m_weights = weights.empty() ? torch::Tensor() : torch::tensor(weights, torch::kFloat).to(m_device);
    }

    Batch makeBatch(const std::vector<cv::Mat> &images, const std::vector<std::vector<Box>> &boxes,
                    const std::vector<int> &) override
    {
        Batch b;
        b.input = nn::preprocess(toTensor(images, m_multiple).to(m_device), m_model->spec().preprocessing);
        for (const auto &list : boxes) {
            std::vector<float> coords;
            std::vector<int64_t> labels;
            for (const Box &box : list) {
                coords.insert(coords.end(), {box.x1, box.y1, box.x2, box.y2});
                labels.push_back(box.classId);
            }
            b.boxes.push_back(torch::tensor(coords, torch::kFloat).view({int64_t(list.size()), 4}).to(m_device));
            b.boxLabels.push_back(torch::tensor(labels, torch::kLong).to(m_device));
        }
        return b;
    }

    StepResult step(const Batch &batch) override
    {
        const nn::DetectorOutput out = m_model->forward(batch.input);
        return {m_model->loss(out, batch.input, batch.boxes, batch.boxLabels, m_weights).total, 0};
    }

    std::pair<double, double> evaluate(const SplitData &data) override
    {
        const auto r = run(data);
        return {r.loss, r.metrics.map50};
    }

    QJsonObject report(const SplitData &data, const QStringList &classNames, TestPredictions *predictions) override
    {
        if (predictions) {
            predictions->detection = true;
            predictions->minScore = kEvalScoreThreshold;
        }
        const auto r = run(data, predictions ? &predictions->images : nullptr);
        QJsonObject o = r.metrics.toJson(classNames);
        o.insert(QStringLiteral("loss"), r.loss);
        return o;
    }

private:
    struct Evaluation {
        double loss = 0;
        eval::DetectionMetrics metrics;
    };

    Evaluation run(const SplitData &data, std::vector<ImagePredictions> *predictions = nullptr)
    {
        torch::NoGradGuard noGrad;
        m_model->setTraining(false);
        std::vector<eval::GroundTruth> truth;
        std::vector<eval::Detection> detections;
        double lossSum = 0;
        for (size_t start = 0; start < data.images.size(); start += 16) {
            const size_t end = std::min(data.images.size(), start + 16);
            const std::vector<cv::Mat> images(data.images.begin() + int64_t(start), data.images.begin() + int64_t(end));
            const std::vector<std::vector<Box>> boxes(data.boxes.begin() + int64_t(start),
                                                      data.boxes.begin() + int64_t(end));
            const Batch b = makeBatch(images, boxes, {});
            const nn::DetectorOutput out = m_model->forward(b.input);
            lossSum +=
                m_model->loss(out, b.input, b.boxes, b.boxLabels, m_weights).total.item<double>() * double(end - start);
            std::vector<std::pair<int, int>> sizes;
            for (const cv::Mat &image : images)
                sizes.emplace_back(image.cols, image.rows);
            const auto detected = m_model->detect(out, b.input, sizes, {kEvalScoreThreshold, m_nmsIou, kEvalMaxBoxes});
            for (size_t i = 0; i < images.size(); ++i) {
                const int image = int(start + i);
                for (const Box &g : boxes[i])
                    truth.push_back({image, int(g.classId), g.x1, g.y1, g.x2, g.y2, false});
                const nn::ImageDetections &found = detected[i];
                ImagePredictions p;
                p.exampleId = size_t(image) < data.ids.size() ? data.ids[size_t(image)] : 0;
                for (size_t k = 0; k < found.scores.size(); ++k) {
                    detections.push_back({image, found.labels[k], found.scores[k], found.boxes[k][0], found.boxes[k][1],
                                          found.boxes[k][2], found.boxes[k][3]});
                    p.boxes.push_back({found.labels[k], found.scores[k], found.boxes[k][0], found.boxes[k][1],
                                       found.boxes[k][2], found.boxes[k][3]});
                }
                if (predictions)
                    predictions->push_back(std::move(p));
            }
        }
        Evaluation e;
        e.loss = lossSum / double(std::max<size_t>(1, data.images.size()));
        e.metrics = eval::detectionMetrics(truth, detections, m_model->spec().classes);
        return e;
    }

    at::Device m_device;
    double m_nmsIou;
    int m_multiple = 32;
    std::unique_ptr<nn::Detector> m_model;
    at::Tensor m_weights; // per class, or undefined
};

} // namespace

std::unique_ptr<Task> makeDetectionTask(const ParameterSet &p, int classes, const at::Device &device)
{
    return std::make_unique<DetectionTask>(p, classes, device);
}

} // namespace visor::train
