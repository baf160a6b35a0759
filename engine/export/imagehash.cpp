#include "imagehash.h"

#include <opencv2/imgproc.hpp>

namespace visor {

// dHash (Krawetz): shrink to 9x8 grey, one bit per horizontal neighbour comparison. Robust to
// scaling, compression and small brightness changes; near-duplicates differ by a few bits.
quint64 differenceHash(const cv::Mat &image)
{
    cv::Mat grey, small;
    if (image.channels() == 1)
        grey = image;
    else if (image.channels() == 4)
        cv::cvtColor(image, grey, cv::COLOR_BGRA2GRAY);
    else
        cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, small, cv::Size(9, 8), 0, 0, cv::INTER_AREA);
    quint64 hash = 0;
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)
            hash = (hash << 1) | (small.at<uchar>(y, x) < small.at<uchar>(y, x + 1) ? 1 : 0);
    // 0 means "no hash" in the store; an all-flat image hashes to 0, which is fine to skip.
    return hash;
}

} // namespace visor
