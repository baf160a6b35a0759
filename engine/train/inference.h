#pragma once
/// Using a trained run: classify images, evaluate a split.

#include "project/project.h"

#include <QJsonObject>
#include <memory>

namespace visor::train {

struct Prediction {
    QString file;
    int label = -1;
    QString className;
    std::vector<std::pair<QString, double>> scores; // every class, by descending probability
    QString error;                                  // set when the image cannot be read
    QJsonObject toJson() const;
};

/// A run's best model (its last one when no best was saved), ready to predict.
class Predictor {
public:
    /// Throws visor::Error naming the run when it has no model.
    static std::unique_ptr<Predictor> open(Project &project, qint64 runId);
    ~Predictor();
    QStringList classNames() const;
    Prediction predictFile(const QString &path) const;
    /// Predicts the examples of a split; `truth` receives their labels (class indices).
    std::vector<Prediction> predictSplit(Split split, std::vector<int> *truth,
                                         std::vector<qint64> *ids = nullptr) const;

private:
    Predictor();
    struct Private;
    std::unique_ptr<Private> d;
};

/// Metrics of a run on a split: accuracy, per-class precision/recall/F1 and the confusion matrix.
QJsonObject evaluateRun(Project &project, qint64 runId, Split split);

} // namespace visor::train
