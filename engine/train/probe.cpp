#include "probe.h"
#include "augment/augmenter.h"
#include "nn/backend.h"
#include "task_p.h"

#include <QElapsedTimer>
#include <algorithm>
#include <future>
#include <opencv2/imgproc.hpp>
#include <random>
#include <thread>
#include <torch/torch.h>

namespace visor::train {
namespace {

// `batch` images of the input size with smooth random content and three objects each.
SplitData generated(const ProbeRequest &r, int channels)
{
    SplitData d;
    std::mt19937 rng(7);
    for (int i = 0; i < r.batch; ++i) {
        cv::Mat img(r.height, r.width, CV_8UC(channels));
        cv::randu(img, 0, 255);
        cv::GaussianBlur(img, img, cv::Size(0, 0), 3);
        d.images.push_back(img);
        d.labels.push_back(i % std::max(1, r.classes));
        std::vector<Box> list;
        for (int k = 0; k < 3; ++k) {
            const float w = float(r.width) * (0.1f + 0.1f * float(k)), h = float(r.height) * (0.1f + 0.1f * float(k));
            const float x = float(rng() % unsigned(std::max(1, int(float(r.width) - w))));
            const float y = float(rng() % unsigned(std::max(1, int(float(r.height) - h))));
            list.push_back(Box{0, qint64(k % std::max(1, r.classes)), x, y, x + w, y + h});
        }
        d.boxes.push_back(list);
    }
    return d;
}

} // namespace

ProbeResult probe(const ProbeRequest &r, int steps)
{
    const int threads = nn::trainingThreads(r.threads);
    torch::set_num_threads(threads);
    cv::setNumThreads(1);
    torch::manual_seed(1);
    const torch::Device device(torch::kCPU);
    std::unique_ptr<Task> task;
    try {
        task = r.kind == DatasetKind::Classification ? makeClassificationTask(r.parameters, r.classes, device)
                                                     : makeDetectionTask(r.parameters, r.classes, device);
    } catch (const std::invalid_argument &e) {
        throw Error(QString::fromUtf8(e.what()));
    }
    const SplitData data = generated(r, r.parameters.toInt(QStringLiteral("input.channels")));
    const augment::Pipeline pipeline(r.parameters);
    auto augmented = [&](int step) { // as the trainer: one augmentation thread, OpenCV only
        auto samples =
            augment::applyBatch(pipeline, data.images, data.boxes, 1, 1, quint64(step) * quint64(r.batch), 1);
        std::pair<std::vector<cv::Mat>, std::vector<std::vector<Box>>> out;
        for (auto &s : samples) {
            out.first.push_back(std::move(s.image));
            out.second.push_back(std::move(s.boxes));
        }
        return out;
    };
    torch::optim::Adam optimizer(task->parameters(), torch::optim::AdamOptions(1e-4));
    task->setTraining(true);
    // At least `steps` measured steps, more for small networks until a second is measured (at most 30):
    // a step of 30 ms is at the mercy of one scheduler hiccup, and the median of many is not.
    std::vector<double> seconds;
    double measured = 0;
    auto more = [&](int step) { return step <= std::max(1, steps) || (measured < 1.0 && step <= 30); };
    auto next = std::async(std::launch::async, augmented, 0);
    for (int step = 0; more(step); ++step) {
        QElapsedTimer clock;
        clock.start();
        const auto [images, boxes] = next.get();
        const Batch batch = task->makeBatch(images, boxes, data.labels);
        const StepResult result = task->step(batch);
        optimizer.zero_grad();
        result.loss.backward();
        optimizer.step();
        const double s = double(clock.nsecsElapsed()) / 1e9;
        if (step > 0) { // the first step allocates and picks kernels
            seconds.push_back(s);
            measured += s;
        }
        if (more(step + 1))
            next = std::async(std::launch::async, augmented, step + 1);
    }
    // The fastest measured step: what the network costs here. Slower ones mostly measure what else the
    // machine did meanwhile (a median of two is their maximum, and overestimated microcontrollers' steps
    // twofold); the advisor's margin and the run's time limit cover the rest.
    ProbeResult out;
    out.stepSeconds = *std::min_element(seconds.begin(), seconds.end());
    QElapsedTimer clock;
    clock.start();
    task->evaluate(data);
    out.evalSecondsPerImage = double(clock.nsecsElapsed()) / 1e9 / double(std::max(1, r.batch));
    return out;
}

} // namespace visor::train
