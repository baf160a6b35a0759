#pragma once
// Helpers shared by the benchmark programs.

#include <QByteArray>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <vector>

namespace visor::bench {

/// A distinct 16x16 PNG per index: four 8x8 blocks whose grey levels spell out the index.
inline QByteArray tinyPng(int index)
{
    cv::Mat img(16, 16, CV_8UC3);
    for (int b = 0; b < 4; ++b) {
        const int v = (index >> (b * 8)) & 0xff;
        img(cv::Rect((b % 2) * 8, (b / 2) * 8, 8, 8)).setTo(cv::Scalar(v, 255 - v, (v * 7) & 0xff));
    }
    std::vector<uchar> buf;
    cv::imencode(".png", img, buf);
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

} // namespace visor::bench
