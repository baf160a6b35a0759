#pragma once
/// Using a trained run: classify images, evaluate a split.

#include "project/project.h"
#include "testpredictions.h"

#include <QJsonObject>
#include <memory>

namespace visor::train {

/// A detected object, in the original image's pixels.
struct DetectedBox {
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    int label = -1;
    QString className;
    float score = 0;
};

struct Prediction {
    QString file;
    std::vector<DetectedBox> boxes; // detection
    int label = -1;
    QString className;
    std::vector<std::pair<QString, double>> scores; // every class, by descending probability
    QString error;                                  // set when the image cannot be read
    QJsonObject toJson() const;
};

class Predictor {
public:
    /// Throws visor::Error naming the run when it has no model, or the file when none can be read. A
    /// damaged best checkpoint falls back to the last one, and note() says so.
    static std::unique_ptr<Predictor> open(Project &project, qint64 runId);
    /// Empty, or a sentence about the checkpoint used instead of the best one.
    QString note() const;
    bool detection() const;
    /// Detection: the lowest score reported (default: the run's train.confidence_threshold).
    void setThreshold(double threshold);
    /// Detection: the most boxes reported per image (default: the run's train.max_boxes; evaluation keeps 100).
    void setMaxBoxes(int maxBoxes);
    int maxBoxes() const;
    ~Predictor();
    QStringList classNames() const;
    Prediction predictFile(const QString &path) const;

private:
    friend struct PredictorAccess;
    friend QJsonObject evaluateRun(Project &project, qint64 runId, Split split, TestPredictions *predictions);
    Predictor();
    struct Private;
    std::unique_ptr<Private> d;
};

/// Metrics of a run on a split: classification accuracy, per-class precision/recall/F1 and confusion
/// matrix; detection mAP@0.5 (VOC), mAP@[.5:.95] (COCO) and per-class AP. The same evaluation as the
/// trainer's final test; `predictions`, when given, gets what it predicted for each image.
QJsonObject evaluateRun(Project &project, qint64 runId, Split split, TestPredictions *predictions = nullptr);

} // namespace visor::train
