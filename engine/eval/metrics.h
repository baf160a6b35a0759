#pragma once
/// Quality metrics: classification (accuracy, per-class precision/recall/F1, confusion matrix) and
/// detection (per-class AP and mAP at IoU 0.5 the Pascal VOC way; COCO mAP@[.5:.95] the pycocotools way).

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace visor::eval {

struct ClassificationMetrics {
    int classes = 0;
    std::vector<std::vector<qint64>> confusion; // [truth][predicted]
    double accuracy = 0;
    std::vector<double> precision, recall, f1; // 0 where undefined (no prediction / no example of the class)
    std::vector<qint64> support;               // examples of each class

    QJsonObject toJson(const QStringList &classNames) const;
};

/// `truth` and `predicted` hold class indices 0..classes-1, one per example.
ClassificationMetrics classificationMetrics(const std::vector<int> &truth, const std::vector<int> &predicted,
                                            int classes);

/// A ground-truth box. `difficult` boxes are neither required nor penalised (VOC "difficult",
/// COCO "ignore").
struct GroundTruth {
    int image = 0;
    int label = 0;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    bool difficult = false;
};

struct Detection {
    int image = 0;
    int label = 0;
    float score = 0;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

/// Intersection over union of two boxes in continuous pixel coordinates (no "+1": our boxes are
/// [x1, x2) intervals, which is what VOC's +1 on inclusive pixel indices amounts to).
double iou(float ax1, float ay1, float ax2, float ay2, float bx1, float by1, float bx2, float by2);

struct ClassAP {
    int label = 0;
    int groundTruths = 0; // not difficult
    int detections = 0;
    double ap50 = -1;                             // VOC all-point AP at IoU 0.5; -1 when the class has no ground truth
    double apCoco = -1;                           // COCO AP averaged over IoU .50:.05:.95; -1 when no ground truth
    double ap50Coco = -1;                         // COCO's AP50: IoU 0.5, 101-point interpolation
    std::vector<std::pair<double, double>> curve; // (recall, precision) at IoU 0.5, VOC matching, per detection
};

struct DetectionMetrics {
    double map50 = 0;     // mean of ap50 over classes with ground truth
    double map = 0;       // mean of apCoco over classes with ground truth
    double map50Coco = 0; // mean of ap50Coco: COCO's 101-point AP50, which differs from VOC's all-point map50
    std::vector<ClassAP> perClass;
    /// The score threshold with the best F1 over all classes (VOC matching at IoU 0.5; detections of a
    /// class without ground truth are false positives): -1 without detections.
    double bestF1Threshold = -1, bestF1 = 0;

    QJsonObject toJson(const QStringList &classNames) const;
};

/// What matchDetections() gives a detection that matched nothing (a false positive), and one whose best
/// match is a difficult object (counted neither way).
constexpr int kUnmatched = -1, kDifficultMatch = -2;

/// Detections matched to ground truth as the Pascal VOC devkit does, the one matching behind AP@0.5,
/// the best-F1 threshold and the results gallery's right and wrong: detections in descending score
/// (ties in input order); each takes the ground truth of the same image and label with the highest
/// IoU if that IoU >= `iouThreshold` and it is still free (a second detection of a matched object is a
/// false positive). Returns, per detection in input order, the index of the truth it matched,
/// kUnmatched, or kDifficultMatch.
std::vector<int> matchDetections(const std::vector<GroundTruth> &truth, const std::vector<Detection> &detections,
                                 double iouThreshold = 0.5);

/// Evaluates detections against ground truth over `classes` labels.
///
/// AP@0.5 follows the Pascal VOC 2010+ devkit: per class, detections in descending score (ties keep
/// their input order), each matched to the unmatched ground truth of highest IoU in its image if that
/// IoU >= 0.5 (a second detection of a matched object is a false positive; a match with a difficult
/// object counts neither way); AP is the area under the precision envelope at every recall step
/// ("all-point" interpolation).
///
/// mAP follows pycocotools' COCOeval (iouType bbox, area "all", maxDets 100): per image and class the
/// 100 highest-scoring detections; for each IoU threshold .50, .55, ..., .95 greedy matching in score
/// order to the best still-unmatched ground truth with IoU >= threshold (ignored ground truths only
/// when no other is left); detections of all images merged in descending score (stable); precision
/// made monotone and sampled at the 101 recall points 0, 0.01, ..., 1 (searchsorted, left); AP is the
/// mean over thresholds and recall points; classes without ground truth are left out of the mean.
DetectionMetrics detectionMetrics(const std::vector<GroundTruth> &truth, const std::vector<Detection> &detections,
                                  int classes, int maxDetections = 100);

} // namespace visor::eval
