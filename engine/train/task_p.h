#pragma once
// Internal to engine/train: what differs between classification and detection training, behind one
// interface, so that the trainer's loop (epochs, steps, callbacks, checkpoints, resume) is written once.

#include "augment/augmenter.h"
#include "dataset_p.h"
#include "testpredictions.h"

#include <ATen/ATen.h>
#include <QJsonObject>
#include <functional>
#include <iosfwd>

namespace visor::train {

struct Batch {
    at::Tensor input;                  // preprocessed (N, C, H, W) on the device
    at::Tensor classes;                // classification: (N) class indices
    std::vector<at::Tensor> boxes;     // detection: per image (G, 4) in input pixels
    std::vector<at::Tensor> boxLabels; // detection: per image (G)
};

struct StepResult {
    at::Tensor loss;
    double correct = 0; // classification: correct predictions in the batch (the running accuracy)
};

/// Loads a checkpoint with `load`; any failure (a truncated or foreign file) becomes an Error of one
/// sentence naming the file. LibTorch's message with its C++ trace goes to errors.log beside it.
void loadCheckpoint(const QString &path, const std::function<void(const std::string &)> &load);
/// Serialises with `save` into memory and writes the file atomically (fileio::writeAtomically).
void saveCheckpoint(const QString &path, const std::function<void(std::ostream &)> &save);
/// A library's exception as one line for a person: LibTorch's first line, without its C++ trace. The
/// whole text is appended to `logFile` when one is given.
QString shortError(const std::exception &e, const QString &logFile = {});

class Task {
public:
    virtual ~Task() = default;
    virtual std::vector<at::Tensor> parameters() = 0;
    virtual void setTraining(bool training) = 0;
    virtual void save(std::ostream &out) = 0; // written whole to memory, then to disk atomically
    virtual void load(const std::string &path) = 0;
    /// Builds a batch from 8-bit images (and their boxes), already augmented.
    virtual Batch makeBatch(const std::vector<cv::Mat> &images, const std::vector<std::vector<Box>> &boxes,
                            const std::vector<int> &labels) = 0;
    virtual StepResult step(const Batch &batch) = 0;
    /// Loss and quality (accuracy or mAP@0.5) on a split, without augmentation.
    virtual std::pair<double, double> evaluate(const SplitData &data) = 0;
    /// The final report on the test split; `predictions` gets what was predicted for each image (in
    /// data's order; boxes at the input scale, classId = class index), as the metrics counted it.
    virtual QJsonObject report(const SplitData &data, const QStringList &classNames, TestPredictions *predictions) = 0;
    /// Whether `metric` of the training set is measured by the task after the epoch (detection: mAP on a
    /// sample of training images) rather than accumulated from the steps (classification accuracy).
    virtual bool measuresTrainMetric() const = 0;
    /// train.class_balance = loss_weights: one weight per class index (empty: unweighted).
    virtual void setClassWeights(const std::vector<double> &weights) = 0;
};

/// Turns a report's predictions into the project's terms: class indices into `classIds`, boxes from
/// the input scale into the original image's pixels.
void toProjectTerms(TestPredictions &predictions, const SplitData &data, const std::vector<qint64> &classIds);

std::unique_ptr<Task> makeClassificationTask(const ParameterSet &p, int classes, const at::Device &device);
std::unique_ptr<Task> makeDetectionTask(const ParameterSet &p, int classes, const at::Device &device);

} // namespace visor::train
