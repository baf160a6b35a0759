#pragma once
/// Anchors fitted to a data set's boxes: k-means on (width, height) with 1 - IoU as the distance (as
/// YOLO's autoanchor does), the shapes assigned to pyramid levels by size, and the best possible recall
/// of an anchor configuration as the detector really places its anchors (level grids, centres at
/// (i + 0.5) * stride). Plain C++, no tensors.

#include <QJsonObject>
#include <QtGlobal>
#include <vector>

namespace visor::advise {

/// A ground-truth box at the network's input scale: centre and size in input pixels.
struct SizedBox {
    double cx = 0, cy = 0, w = 0, h = 0;
};

/// The anchors.* parameters.
struct AnchorConfig {
    std::vector<int> sizes, strides;
    std::vector<double> ratios, scales;
    bool operator==(const AnchorConfig &o) const
    {
        return sizes == o.sizes && strides == o.strides && ratios == o.ratios && scales == o.scales;
    }
};

/// IoU of two boxes given by centre offset (dx, dy) and sizes.
double iouOffset(double dx, double dy, double w1, double h1, double w2, double h2);

/// Share of `boxes` (0..1) for which at least one anchor of `config` reaches IoU >= `iou`: the share of
/// objects that get an anchor the detector trains as positive by overlap (not just by the forced best match).
double bestPossibleRecall(const std::vector<SizedBox> &boxes, const AnchorConfig &config, double iou);

/// For each level of `config`, how many boxes have their best anchor there.
std::vector<qint64> boxesPerLevel(const std::vector<SizedBox> &boxes, const AnchorConfig &config);

/// k cluster shapes (w, h) of the boxes, by k-means with distance 1 - IoU of centred boxes; the
/// centroid of a cluster is the median width and height of its members. Deterministic: the initial
/// centroids are the boxes at evenly spaced quantiles of the area. Sorted by area.
std::vector<std::pair<double, double>> kmeansShapes(const std::vector<SizedBox> &boxes, int k);

struct AnchorFit {
    AnchorConfig config;
    double recall = 0;                             // best possible recall of `config`
    std::vector<std::pair<double, double>> shapes; // the k-means shapes it was built from
    int droppedLevels = 0;                         // levels of the candidate no box needed
    QJsonObject toJson() const;
};

/// Anchors for these boxes: k-means shapes; ratios from the boxes' aspect ratios (their 1/6, 1/2 and
/// 5/6 quantiles); scales 2^(0, 1/3, 2/3) so that consecutive levels tile the sizes without gaps (as
/// RetinaNet); each shape assigned to the stride whose anchors match its size best, every level's size
/// the geometric mean of its shapes; levels at either end that no box needs are dropped (fewer
/// strides, a faster head). Strides stay consecutive powers of two within 8..128, as the detector needs.
AnchorFit fitAnchors(const std::vector<SizedBox> &boxes, double positiveIou);

} // namespace visor::advise
