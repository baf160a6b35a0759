#include "augment/augmenter.h"
#include "dataset_p.h"
#include "formats/imageinfo.h"
#include "task_p.h"

#include <QCoreApplication>
#include <QFile>
#include <atomic>
#include <cmath>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>
#include <unordered_map>

namespace visor::train {

cv::Mat loadImage(const QString &path, int channels, int minSide, int maxSide)
{
    return augment::resizeToInput(decodeImage(path, channels), minSide, maxSide);
}

SplitData loadSplit(const Project &project, Split split, int channels, int minSide, int maxSide,
                    const std::map<qint64, int> &classIndex, int threads)
{
    const bool detection = project.kind() == DatasetKind::ObjectDetection;
    std::vector<Example> chosen;
    for (const Example &e : project.examples())
        if (e.split == split && e.labelled && (detection || classIndex.count(e.classId)))
            chosen.push_back(e);
    const auto allBoxes = detection ? project.allBoxes() : std::unordered_map<qint64, std::vector<Box>>();
    SplitData out;
    out.images.resize(chosen.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next++) < chosen.size();)
            out.images[i] = loadImage(project.imagePath(chosen[i]), channels, minSide, maxSide);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(1, threads); ++t)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
    std::vector<cv::Mat> images;
    for (size_t i = 0; i < chosen.size(); ++i) {
        if (out.images[i].empty()) {
            const QString path = project.imagePath(chosen[i]);
            out.problems << (QFile::exists(path)
                                 ? QCoreApplication::translate("visor::Trainer",
                                                               "example %1 (%2): %3 cannot be decoded; left out")
                                 : QCoreApplication::translate("visor::Trainer",
                                                               "example %1 (%2): %3 is missing; left out"))
                                .arg(chosen[i].id)
                                .arg(chosen[i].fileName, path);
            continue;
        }
        out.ids.push_back(chosen[i].id);
        out.originals.emplace_back(chosen[i].width, chosen[i].height);
        out.labels.push_back(detection ? -1 : classIndex.at(chosen[i].classId));
        if (detection) {
            const double sx = double(out.images[i].cols) / chosen[i].width,
                         sy = double(out.images[i].rows) / chosen[i].height;
            std::vector<Box> scaled;
            if (auto it = allBoxes.find(chosen[i].id); it != allBoxes.end())
                for (Box b : it->second) {
                    b.classId = classIndex.at(b.classId);
                    b.x1 = float(b.x1 * sx);
                    b.x2 = float(b.x2 * sx);
                    b.y1 = float(b.y1 * sy);
                    b.y2 = float(b.y2 * sy);
                    scaled.push_back(b);
                }
            out.boxes.push_back(std::move(scaled));
        }
        images.push_back(out.images[i]);
    }
    out.images = std::move(images);
    return out;
}

} // namespace visor::train

namespace visor::train {

at::Tensor toTensor(const std::vector<cv::Mat> &images, int multiple)
{
    int h = 0, w = 0;
    const int c = images.front().channels();
    for (const cv::Mat &m : images) {
        h = std::max(h, m.rows);
        w = std::max(w, m.cols);
    }
    h = (h + multiple - 1) / multiple * multiple;
    w = (w + multiple - 1) / multiple * multiple;
    at::Tensor t = at::zeros({int64_t(images.size()), h, w, c}, at::kByte);
    for (size_t i = 0; i < images.size(); ++i) {
        const cv::Mat &m = images[i];
        cv::Mat target(h, w, CV_8UC(c), t[int64_t(i)].data_ptr<uint8_t>());
        m.copyTo(target(cv::Rect(0, 0, m.cols, m.rows)));
    }
    return t;
}

void toProjectTerms(TestPredictions &predictions, const SplitData &data, const std::vector<qint64> &classIds)
{
    auto idOf = [&](qint64 index) {
        return index >= 0 && size_t(index) < classIds.size() ? classIds[size_t(index)] : 0;
    };
    for (size_t i = 0; i < predictions.images.size() && i < data.images.size(); ++i) {
        ImagePredictions &p = predictions.images[i];
        const double sx = double(data.originals[i].width) / data.images[i].cols,
                     sy = double(data.originals[i].height) / data.images[i].rows;
        for (StoredBox &b : p.boxes) {
            b.classId = idOf(b.classId);
            b.x1 = float(b.x1 * sx);
            b.x2 = float(b.x2 * sx);
            b.y1 = float(b.y1 * sy);
            b.y2 = float(b.y2 * sy);
        }
        if (!predictions.detection)
            p.classId = idOf(p.classId);
    }
}

} // namespace visor::train
