#pragma once
// Internal to engine/train: examples of one split decoded once at the network's working resolution.

#include "project/project.h"

#include <ATen/ATen.h>
#include <QStringList>
#include <map>
#include <opencv2/core.hpp>

namespace visor::train {

struct SplitData {
    std::vector<qint64> ids;
    std::vector<cv::Size> originals;     // each image's size as stored (before the resize)
    std::vector<cv::Mat> images;         // 8-bit, 1 or 3 channels, already at the input scale
    std::vector<int> labels;             // classification: class index
    std::vector<std::vector<Box>> boxes; // detection: boxes at the input scale, classId = class index
    QStringList problems;                // unreadable images, named
};

/// Decodes the labelled examples of `split` on `threads` threads. `classIndex` maps class id to index.
/// Detection projects also get their boxes, scaled like the image.
SplitData loadSplit(const Project &project, Split split, int channels, int minSide, int maxSide,
                    const std::map<qint64, int> &classIndex, int threads);

/// A batch of 8-bit images as one uint8 tensor (N, H, W, C), zero-padded at the right and bottom to
/// the largest image, rounded up to a multiple of `multiple`.
at::Tensor toTensor(const std::vector<cv::Mat> &images, int multiple = 1);

/// Reads one image file as the network sees it (grey or colour, resized).
cv::Mat loadImage(const QString &path, int channels, int minSide, int maxSide);

} // namespace visor::train
