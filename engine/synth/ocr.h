#pragma once
/// The `ocr` generator: lines of characters rendered with the system's fonts (fontconfig finds them,
/// FreeType draws them) at varied sizes, weights, rotations, spacing and colours, over textured
/// backgrounds, with blur and noise; one box per character (detection) or one centred character per
/// image (classification). Registered in generatorRegistry() as "ocr".

#include "generator.h"

#include <QJsonObject>
#include <QStringList>
#include <opencv2/core.hpp>

namespace visor::synth {

/// The scalable fonts found (fontconfig) that have every character of the widest alphabet, sorted by
/// file; every fourth one (from the second) is held out of `ocr.fonts=training`, for measuring how a
/// model reads fonts it never saw. Empty when the system has no usable font.
QStringList ocrFontFiles();
QStringList ocrFonts(const QString &selection); // "training", "held_out" or "all"

struct OcrLine {
    cv::Mat image;                 // BGR, 8-bit
    cv::Mat ink;                   // CV_32F coverage of the characters, 0..1, the image's size
    QString text;                  // the characters in reading order
    std::vector<cv::Rect2f> boxes; // per character of `text`: the tight box of its ink in the image
    QString font;                  // the font file used
};

/// Line `index` of the sequence of `seed` for these ocr.* values (generatorValues() of "ocr"):
/// the same arguments always give the same line on a machine with the same fonts. Throws Error when
/// no font is available for the selection.
OcrLine renderOcrLine(const QJsonObject &values, quint64 seed, int index, bool classification = false);

/// The generator's registry entry (its parameters ocr.*), for builtinGenerators().
GeneratorInfo ocrGenerator();

} // namespace visor::synth
