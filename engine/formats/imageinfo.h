#pragma once
/// Decoding checks and perceptual hashing of image files (OpenCV).

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace cv {
class Mat;
}

namespace visor {

struct ImageInfo {
    bool ok = false;
    QString error; // why the bytes are not a usable image
    int width = 0, height = 0, channels = 0;
    quint64 perceptualHash = 0; // 64-bit difference hash (dHash) of the grey image
    QString suffix;             // "jpg", "png", ... from the content's signature
};

/// Decodes the bytes fully (a truncated or corrupt file is an error, not a grey image).
ImageInfo inspectImage(const QByteArray &bytes);

/// 64-bit difference hash (dHash) of an 8-bit image with 1, 3 or 4 channels.
quint64 differenceHash(const cv::Mat &image);

/// File suffixes that Visor imports as images.
bool isImageFile(const QString &fileName);
const QStringList &imageSuffixes();

} // namespace visor
