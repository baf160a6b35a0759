#pragma once
/// Decoding checks and perceptual hashing of image files (OpenCV).

#include "export/imagehash.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace cv {
class Mat;
}

namespace visor {

struct ImageInfo {
    bool ok = false;
    QString error;                           // why the bytes are not a usable image
    int width = 0, height = 0, channels = 0; // as shown: after the EXIF orientation
    bool reoriented = false;                 // EXIF orientation turned the stored pixels by 90 or 270 degrees
    quint64 perceptualHash = 0;              // 64-bit difference hash (dHash) of the grey image
    QString suffix;                          // "jpg", "png", ... from the content's signature
};

/// The dimensions a file's header declares (stored pixels, before any EXIF orientation), read without
/// decoding: JPEG, PNG, BMP, TIFF, WebP. {0, 0} when the header cannot be read.
struct HeaderSize {
    qint64 width = 0, height = 0;
};
HeaderSize readHeaderSize(const QByteArray &bytes);

/// Decodes the bytes fully: a truncated or corrupt file (libjpeg's warnings about corrupt scan data
/// included) is an error, not a grey image. An image whose header declares more than `maxPixels`
/// pixels is refused before decoding. Dimensions are as shown, after the EXIF orientation.
ImageInfo inspectImage(const QByteArray &bytes, qint64 maxPixels = 100'000'000);

/// The one way Visor decodes a stored image, everywhere (import, training, inference, previews, the
/// annotator): EXIF orientation applied, as viewers and annotation tools show the picture; 8-bit,
/// `channels` 1 (grey) or 3 (BGR); `reduce` 1, 2, 4 or 8 decodes at that fraction (thumbnails).
/// Empty when the file cannot be read.
cv::Mat decodeImage(const QString &path, int channels, int reduce = 1);

/// File suffixes that Visor imports as images.
bool isImageFile(const QString &fileName);
const QStringList &imageSuffixes();

} // namespace visor
