#include "probe.h"
#include "task_p.h"

#include <QElapsedTimer>
#include <algorithm>
#include <opencv2/core.hpp>
#include <random>
#include <thread>
#include <torch/torch.h>

namespace visor::train {

double probeStepSeconds(const ProbeRequest &r, int steps)
{
    const int threads = r.threads > 0 ? r.threads : int(std::thread::hardware_concurrency());
    torch::set_num_threads(threads);
    torch::manual_seed(1);
    const torch::Device device(torch::kCPU); // the trainer's CUDA path is probed the same way once it exists here
    std::unique_ptr<Task> task;
    try {
        task = r.kind == DatasetKind::Classification ? makeClassificationTask(r.parameters, r.classes, device)
                                                     : makeDetectionTask(r.parameters, r.classes, device);
    } catch (const std::invalid_argument &e) {
        throw Error(QString::fromUtf8(e.what()));
    }
    const int channels = r.parameters.toInt(QStringLiteral("input.channels"));
    std::mt19937 rng(7);
    std::vector<cv::Mat> images;
    std::vector<std::vector<Box>> boxes;
    std::vector<int> labels;
    for (int i = 0; i < r.batch; ++i) {
        cv::Mat img(r.height, r.width, CV_8UC(channels));
        cv::randu(img, 0, 255);
        images.push_back(img);
        labels.push_back(i % std::max(1, r.classes));
        // A few objects of typical sizes, so that matching and the box loss do their real work.
        std::vector<Box> list;
        for (int k = 0; k < 3; ++k) {
            const float w = float(r.width) * (0.1f + 0.1f * float(k)), h = float(r.height) * (0.1f + 0.1f * float(k));
            const float x = float(rng() % unsigned(std::max(1, int(float(r.width) - w))));
            const float y = float(rng() % unsigned(std::max(1, int(float(r.height) - h))));
            list.push_back(Box{0, qint64(k % std::max(1, r.classes)), x, y, x + w, y + h});
        }
        boxes.push_back(list);
    }
    torch::optim::Adam optimizer(task->parameters(), torch::optim::AdamOptions(1e-4));
    task->setTraining(true);
    std::vector<double> seconds;
    for (int step = 0; step <= std::max(1, steps); ++step) {
        QElapsedTimer clock;
        clock.start();
        const Batch batch = task->makeBatch(images, boxes, labels);
        const StepResult result = task->step(batch);
        optimizer.zero_grad();
        result.loss.backward();
        optimizer.step();
        if (step > 0) // the first step allocates and picks kernels
            seconds.push_back(double(clock.nsecsElapsed()) / 1e9);
    }
    std::sort(seconds.begin(), seconds.end());
    return seconds[seconds.size() / 2];
}

} // namespace visor::train
