#include "imageinfo.h"

#include <QCoreApplication>
#include <QStringList>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace visor {
namespace {

QString suffixFromSignature(const QByteArray &b)
{
    if (b.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("jpg");
    if (b.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("png");
    if (b.startsWith("BM"))
        return QStringLiteral("bmp");
    if (b.startsWith("II*\0") || b.startsWith("MM\0*"))
        return QStringLiteral("tif");
    if (b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return QStringLiteral("webp");
    return {};
}

} // namespace

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

const QStringList &imageSuffixes()
{
    static const QStringList s = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                  QStringLiteral("bmp"), QStringLiteral("tif"),  QStringLiteral("tiff"),
                                  QStringLiteral("webp")};
    return s;
}

bool isImageFile(const QString &fileName)
{
    return imageSuffixes().contains(fileName.section(QLatin1Char('.'), -1).toLower());
}

ImageInfo inspectImage(const QByteArray &bytes)
{
    ImageInfo info;
    if (bytes.isEmpty()) {
        info.error = QCoreApplication::translate("visor::Import", "empty file");
        return info;
    }
    info.suffix = suffixFromSignature(bytes);
    if (info.suffix.isEmpty()) {
        info.error = QCoreApplication::translate("visor::Import", "not a supported image (unknown file signature)");
        return info;
    }
    // libjpeg decodes a truncated JPEG into a partly grey image with only a warning: insist on the
    // end-of-image marker near the end of the file.
    if (info.suffix == QLatin1String("jpg") && !bytes.right(1024).contains("\xFF\xD9")) {
        info.error = QCoreApplication::translate("visor::Import", "truncated JPEG (no end-of-image marker)");
        return info;
    }
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    cv::Mat image;
    try {
        image = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &e) {
        info.error =
            QCoreApplication::translate("visor::Import", "cannot decode image: %1").arg(QString::fromStdString(e.msg));
        return info;
    }
    if (image.empty() || image.cols < 1 || image.rows < 1) {
        info.error = QCoreApplication::translate("visor::Import", "cannot decode image (corrupt or truncated %1)")
                         .arg(info.suffix.toUpper());
        return info;
    }
    if (image.depth() != CV_8U) {
        double lo = 0, hi = 0;
        cv::minMaxLoc(image.reshape(1), &lo, &hi);
        image.convertTo(image, CV_8U, hi > lo ? 255.0 / (hi - lo) : 1.0, hi > lo ? -lo * 255.0 / (hi - lo) : 0);
    }
    info.ok = true;
    info.width = image.cols;
    info.height = image.rows;
    info.channels = image.channels();
    info.perceptualHash = differenceHash(image);
    return info;
}

} // namespace visor
