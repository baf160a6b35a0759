#pragma once
// Internal to engine/train: examples of one split decoded once at the network's working resolution.

#include "project/project.h"

#include <QStringList>
#include <opencv2/core.hpp>

namespace visor::train {

/// The resize of the network input: the shorter side to min_side, unless the longer side would then
/// exceed max_side, in which case the longer side to max_side.
cv::Size inputSize(int width, int height, int minSide, int maxSide);

struct SplitData {
    std::vector<qint64> ids;
    std::vector<cv::Mat> images; // 8-bit, 1 or 3 channels, already at the input scale
    std::vector<int> labels;     // classification: class index
    QStringList problems;        // unreadable images, named
};

/// Decodes the labelled examples of `split` on `threads` threads. `classIndex` maps class id to index.
SplitData loadSplit(const Project &project, Split split, int channels, int minSide, int maxSide,
                    const std::map<qint64, int> &classIndex, int threads);

/// Reads one image file as the network sees it (grey or colour, resized).
cv::Mat loadImage(const QString &path, int channels, int minSide, int maxSide);

} // namespace visor::train
