#pragma once
/// Data set statistics and health warnings, computed from the database alone (no image is read).

#include "project.h"

#include <QJsonObject>
#include <array>

namespace visor {

/// Counts split by train / val / test, plus examples with no split yet.
struct PerSplit {
    std::array<qint64, kSplitCount> counts{};
    qint64 unassigned = 0;
    qint64 total() const { return counts[0] + counts[1] + counts[2] + unassigned; }
};

struct ClassStatistics {
    ClassInfo info;
    PerSplit examples; // examples holding the class (at least one box, or the label)
    PerSplit boxes;    // detection only
};

/// A histogram ready to plot: bin i covers [edges[i], edges[i+1]).
struct Histogram {
    QString quantity; // "width", "height", "relative_area", "aspect_ratio"
    std::vector<double> edges;
    std::vector<qint64> counts;
};

/// One health warning, with the numbers that triggered it and the examples concerned.
struct HealthWarning {
    QString code;    // too_few_examples, empty_split, empty_class, class_missing_in_train, imbalance, small_boxes,
                     // large_boxes, near_duplicates, duplicate_leakage
    QString message; // English sentence with the numbers
    QJsonObject numbers;
    std::vector<qint64> examples;
    std::vector<std::vector<qint64>> groups; // near-duplicate groups
};

struct DatasetStatistics {
    DatasetKind kind = DatasetKind::ObjectDetection;
    qint64 examples = 0, annotated = 0, unlabelled = 0, boxes = 0;
    PerSplit splits;           // all examples
    PerSplit unlabelledSplits; // unlabelled examples
    std::vector<ClassStatistics> classes;
    std::vector<Histogram> histograms; // detection: box sizes in image pixels, relative area, aspect ratio
    std::vector<HealthWarning> warnings;

    QJsonObject toJson() const;
    /// Plain-text report for the terminal.
    QString toText() const;
};

/// Minimum number of annotated examples before training is allowed.
constexpr int kMinTrainingExamples = 10;

DatasetStatistics computeStatistics(const Project &project);

/// The parameters computeStatistics reads (the input resolution and the health group), with their
/// values: while these and the data are unchanged, the statistics stay valid (an augmentation edit
/// recomputed 100,000 examples' statistics for nothing).
QJsonObject statisticsParameters(const ParameterSet &params);

/// Groups of examples whose 64-bit perceptual hashes differ by at most `maxDistance` bits
/// (connected components). Exact-bucket multi-index search: with distance <= d, at least one of
/// d+1 disjoint hash pieces matches exactly, so only examples sharing a piece are compared.
std::vector<std::vector<qint64>> nearDuplicateGroups(const std::vector<std::pair<qint64, quint64>> &hashes,
                                                     int maxDistance);

} // namespace visor
