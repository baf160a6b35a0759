#pragma once
/// Generated data sets of simple shapes with exact boxes: for tests, benchmarks and the demo project.

#include "project/project.h"

#include <QStringList>
#include <opencv2/core.hpp>

namespace visor::synth {

struct ShapesOptions {
    DatasetKind kind = DatasetKind::ObjectDetection;
    int count = 100; // images
    quint64 seed = 1;
    int width = 160, height = 120;
    int minShapes = 1, maxShapes = 4; // detection: shapes per image (classification: always one)
    int minSize = 14, maxSize = 48;   // side of the shape's bounding box, pixels
};

/// The shape classes, in order: circle, square, triangle, star.
const QStringList &shapeClasses();

struct ShapeSample {
    cv::Mat image;                                 // BGR, 8-bit
    std::vector<std::pair<int, cv::Rect2f>> boxes; // class index, exact box
    int label = 0;                                 // classification
};

/// Renders sample `index` of a seeded sequence: the same (seed, index) always gives the same image.
ShapeSample renderShapes(const ShapesOptions &options, int index);

/// Generates `options.count` samples, stores them as PNG in the project and adds them (one transaction),
/// then assigns splits to the new examples. Returns the ids added.
std::vector<qint64> addShapes(Project &project, const ShapesOptions &options);

} // namespace visor::synth
