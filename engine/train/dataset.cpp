#include "dataset_p.h"

#include <QFile>
#include <atomic>
#include <cmath>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>

namespace visor::train {

cv::Size inputSize(int width, int height, int minSide, int maxSide)
{
    double scale = double(minSide) / std::min(width, height);
    if (std::max(width, height) * scale > maxSide)
        scale = double(maxSide) / std::max(width, height);
    return {std::max(1, int(std::lround(width * scale))), std::max(1, int(std::lround(height * scale)))};
}

cv::Mat loadImage(const QString &path, int channels, int minSide, int maxSide)
{
    cv::Mat img =
        cv::imread(QFile::encodeName(path).toStdString(), channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
    if (img.empty())
        return img;
    const cv::Size size = inputSize(img.cols, img.rows, minSide, maxSide);
    if (size != img.size())
        cv::resize(img, img, size, 0, 0, size.area() < img.size().area() ? cv::INTER_AREA : cv::INTER_LINEAR);
    return img;
}

SplitData loadSplit(const Project &project, Split split, int channels, int minSide, int maxSide,
                    const std::map<qint64, int> &classIndex, int threads)
{
    std::vector<Example> chosen;
    for (const Example &e : project.examples())
        if (e.split == split && e.labelled && classIndex.count(e.classId))
            chosen.push_back(e);
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
            out.problems << QStringLiteral("example %1 (%2): image cannot be read; left out")
                                .arg(chosen[i].id)
                                .arg(chosen[i].fileName);
            continue;
        }
        out.ids.push_back(chosen[i].id);
        out.labels.push_back(classIndex.at(chosen[i].classId));
        images.push_back(out.images[i]);
    }
    out.images = std::move(images);
    return out;
}

} // namespace visor::train
