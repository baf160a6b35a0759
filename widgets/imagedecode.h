#pragma once
/// Images for the screen, decoded by the engine's one rule (formats/imageinfo.h: EXIF orientation
/// applied), so the annotator, thumbnails, gallery and previews show what training sees.

#include <QImage>
#include <QString>

namespace cv {
class Mat;
}

namespace visor {

/// An 8-bit grey or BGR matrix as an RGB QImage (a copy).
QImage toQImage(const cv::Mat &image);

/// The stored image at `path` in colour; with `maxSide` > 0, decoded at a reduced scale where the file
/// allows it (JPEG) and scaled to fit `maxSide`. Null when the file cannot be read.
QImage loadDisplayImage(const QString &path, int maxSide = 0);

} // namespace visor
