#pragma once
/// The perceptual hash behind near-duplicate detection: the data set's health check, the import, the
/// generators and visor-edge's feedback (which skips frames like the ones it kept). QtCore and OpenCV.

#include <QtGlobal>
#include <opencv2/core.hpp>

namespace visor {

/// 64-bit difference hash (dHash) of an 8-bit image with 1, 3 or 4 channels.
quint64 differenceHash(const cv::Mat &image);

/// The number of bits in which two hashes differ (near-duplicates: a few).
inline int hashDistance(quint64 a, quint64 b)
{
    return __builtin_popcountll(a ^ b);
}

} // namespace visor
