#include "imagedecode.h"
#include "formats/imageinfo.h"

#include <QFile>
#include <opencv2/imgproc.hpp>

namespace visor {

QImage toQImage(const cv::Mat &image)
{
    cv::Mat rgb;
    if (image.channels() == 1)
        cv::cvtColor(image, rgb, cv::COLOR_GRAY2RGB);
    else
        cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB);
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
}

QImage loadDisplayImage(const QString &path, int maxSide)
{
    int reduce = 1;
    if (maxSide > 0) {
        QFile f(path);
        const HeaderSize size = f.open(QIODevice::ReadOnly) ? readHeaderSize(f.read(1 << 16)) : HeaderSize{};
        const qint64 longest = std::max(size.width, size.height);
        while (reduce < 8 && longest / (reduce * 2) >= maxSide)
            reduce *= 2;
    }
    cv::Mat image = decodeImage(path, 3, reduce);
    if (image.empty())
        return {};
    if (maxSide > 0 && std::max(image.cols, image.rows) > maxSide) {
        const double scale = double(maxSide) / std::max(image.cols, image.rows);
        cv::resize(image, image, cv::Size(), scale, scale, cv::INTER_AREA);
    }
    return toQImage(image);
}

} // namespace visor
