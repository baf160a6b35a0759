#pragma once
// Internal to engine/nn and engine/train: a network behind a torch-free interface, so that only the
// .cpp files that define or drive networks include <torch/torch.h>.

#include "layers_p.h"

#include <ATen/ATen.h>
#include <QJsonObject>
#include <map>

#include <memory>
#include <string>
#include <vector>

namespace torch::nn {
class Module;
}

namespace visor {
class ParameterSet;
}

namespace visor::nn {

/// How pixels become network input: "caffe" subtracts per-channel means on 0..255 (BGR order, the
/// ImageNet means Caffe models use); "tf" scales to -1..1.
enum class Preprocessing { Caffe, Tf };

/// Converts a batch of 8-bit images (N, H, W, C) as uint8 into float (N, C, H, W), normalised.
at::Tensor preprocess(const at::Tensor &batchNHWC, Preprocessing mode);

/// Gives a network's 4-D weights the channels-last layout of preprocess()'s output, so that
/// convolutions need no reorder: after construction, and inside moveModule() and loadModule().
void useChannelsLast(torch::nn::Module &module);
void moveModule(torch::nn::Module &module, const at::Device &device);
void loadModule(torch::nn::Module &module, const std::string &path);

struct ClassifierSpec {
    int classes = 2;
    int channels = 1;
    int depth = 3;  // stages
    int width = 20; // features of the first stage, doubled per stage up to 512
    Preprocessing preprocessing = Preprocessing::Caffe;
};

/// A trainable network: forward, parameters, mode, device and (de)serialisation.
class Model {
public:
    virtual ~Model() = default;
    /// Classification: logits (N, classes) from preprocessed input (N, C, H, W).
    virtual at::Tensor forward(const at::Tensor &input) = 0;
    virtual std::vector<at::Tensor> parameters() = 0;
    virtual void setTraining(bool training) = 0;
    virtual void to(const at::Device &device) = 0;
    virtual void save(std::ostream &out) = 0; // written whole to memory, then to disk atomically
    virtual void load(const std::string &path) = 0;
    virtual int64_t parameterCount() = 0;
    virtual Preprocessing preprocessing() const = 0;
    /// The network as layers (layers_p.h), output "logits": what the ONNX writer walks.
    virtual LayerGraph layers() const = 0;
    /// The LibTorch module itself (its named parts), for code that needs more than the above.
    virtual torch::nn::Module &module() = 0;
};

/// class_cnn: `depth` stages of conv3x3-BatchNorm-ReLU and 2x2 max pooling, global average pooling,
/// a linear layer.
std::unique_ptr<Model> makeClassifier(const ClassifierSpec &spec);

/// The one place a network is built from parameters: the component the parameters name
/// (classifier.component / detector.component, looked up in networkRegistry(), nn/components.h) for
/// `classes` classes. The trainer's tasks and the predictor both call these. Throw Error naming the
/// parameter and the registered components for an unknown or mismatched one.
std::unique_ptr<Model> buildClassifier(const ParameterSet &p, int classes);
struct DetectorSpec;
class Detector;
std::unique_ptr<Detector> buildDetector(const ParameterSet &p, int classes);
/// The built-in components' descriptions of a parameter set.
ClassifierSpec classifierSpec(const ParameterSet &p, int classes);
DetectorSpec detectorSpec(const ParameterSet &p, int classes);

} // namespace visor::nn

namespace visor::nn {

/// objdet: a single-stage anchor-based detector of the RetinaNet family.
struct DetectorSpec {
    int classes = 1;
    int channels = 3;
    int width = 20; // head features
    std::string backbone = "vgg7";
    QJsonObject backboneValues; // the backbone's own parameters (BackboneInfo::parameters), if it has any
    Preprocessing preprocessing = Preprocessing::Caffe;
    std::vector<int> sizes{12, 24, 48, 96, 192};
    std::vector<int> strides{8, 16, 32, 64, 128};
    std::vector<double> ratios{0.5, 1, 2};
    std::vector<double> scales{1, 1.2, 1.5};
    double positiveIou = 0.45, negativeIou = 0.3; // anchor matching (detector.positive_iou, negative_iou)
    int anchorsPerLocation() const { return int(ratios.size() * scales.size()); }
};

/// Raw detector outputs for a batch: classification logits (N, anchors, classes) and box deltas
/// (N, anchors, 4), anchors in the order of makeAnchors().
struct DetectorOutput {
    at::Tensor logits;
    at::Tensor deltas;
};

struct DetectionLoss;
struct ImageDetections;

struct DetectOptions {
    double scoreThreshold = 0.05;
    double iouThreshold = 0.5; // class-wise NMS
    int maxBoxes = 100;
};

/// A detector: the network (backbone, neck and head by name) and everything that gives its raw
/// outputs meaning, in one object: the anchors of each input size (cached), matching, the loss and
/// decoding with NMS. The trainer's task and the predictor both use it, so decoding exists once.
class Detector {
public:
    explicit Detector(const DetectorSpec &spec) : m_spec(spec) {}
    virtual ~Detector() = default;
    const DetectorSpec &spec() const { return m_spec; }

    /// Raw outputs for preprocessed input (N, C, H, W).
    virtual DetectorOutput forward(const at::Tensor &input) = 0;
    virtual std::vector<at::Tensor> parameters() = 0;
    virtual void setTraining(bool training) = 0;
    virtual void save(std::ostream &out) = 0; // written whole to memory, then to disk atomically
    virtual void load(const std::string &path) = 0;
    /// The network as layers (layers_p.h), outputs "logits" and "deltas": what the ONNX writer walks.
    virtual LayerGraph layers() const = 0;
    /// The LibTorch module itself: "backbone", "neck" and "head" for objdet.
    virtual torch::nn::Module &module() = 0;
    void to(const at::Device &device);

    /// The anchors of an input of height x width (makeAnchors), on the detector's device.
    at::Tensor anchors(int64_t height, int64_t width);
    /// The training objective of `output` for `input`: detectionLoss() with the spec's matching IoUs.
    DetectionLoss loss(const DetectorOutput &output, const at::Tensor &input, const std::vector<at::Tensor> &boxes,
                       const std::vector<at::Tensor> &labels, const at::Tensor &classWeights = {});
    /// Detections of each image of the batch, boxes in input pixels clipped to that image's own
    /// (width, height) (images are padded to a common size in a batch).
    std::vector<ImageDetections> detect(const DetectorOutput &output, const at::Tensor &input,
                                        const std::vector<std::pair<int, int>> &imageSizes,
                                        const DetectOptions &options);

protected:
    virtual void moveTo(const at::Device &device) = 0;

private:
    DetectorSpec m_spec;
    at::Device m_device{at::kCPU};
    std::map<std::pair<int64_t, int64_t>, at::Tensor> m_anchors;
};

/// objdet with the backbone registered as spec.backbone (nn/components.h: the contract's vgg7 ...
/// densenet201 and any a plugin adds). Throws std::invalid_argument naming the parameter for an
/// unknown backbone or unusable strides.
std::unique_ptr<Detector> makeDetector(const DetectorSpec &spec);

/// Anchors (x1, y1, x2, y2) for an input of height x width (a multiple of the largest stride), level by
/// level, then row, column, and ratio-major / scale-minor within a location: exactly the order in which
/// the head's (N, A*K, h, w) maps are flattened.
at::Tensor makeAnchors(const DetectorSpec &spec, int64_t height, int64_t width);

} // namespace visor::nn

namespace visor::nn {

/// IoU of every box of `a` (N, 4) with every box of `b` (M, 4): (N, M).
at::Tensor boxIou(const at::Tensor &a, const at::Tensor &b);

/// Box coder: (dx, dy, dw, dh) of boxes relative to anchors, and back (widths clamped so exp stays finite).
at::Tensor encodeBoxes(const at::Tensor &anchors, const at::Tensor &boxes);
at::Tensor decodeBoxes(const at::Tensor &anchors, const at::Tensor &deltas);

/// Anchor labels for one image: the class index for positives (IoU >= positive), -1 background
/// (IoU < negative), -2 ignored (in between). Every object also claims the anchors that overlap it
/// most (ties included), so small and thin objects still have positives. `matched` gets, per anchor,
/// the index of its object (meaningful for positives).
at::Tensor matchAnchors(const at::Tensor &anchors, const at::Tensor &boxes, const at::Tensor &labels,
                        double positiveIou, double negativeIou, at::Tensor *matched);

/// Sigmoid focal loss (Lin et al. 2017), summed: -alpha_t (1 - p_t)^gamma log(p_t); each class's column
/// multiplied by `classWeights` (K) when defined.
at::Tensor sigmoidFocalLoss(const at::Tensor &logits, const at::Tensor &targets, double alpha = 0.25,
                            double gamma = 2.0, const at::Tensor &classWeights = {});

struct DetectionLoss {
    at::Tensor total, classification, box;
    int64_t positives = 0;
};

/// Focal loss over non-ignored anchors plus smooth-L1 (beta 1/9) on positives' box deltas, both
/// normalised by the number of positives in the batch (at least 1). `classWeights` (K, optional) weighs
/// the classification loss per class (train.class_balance = loss_weights).
DetectionLoss detectionLoss(const DetectorOutput &output, const at::Tensor &anchors,
                            const std::vector<at::Tensor> &boxes, const std::vector<at::Tensor> &labels,
                            double positiveIou, double negativeIou, const at::Tensor &classWeights = {});

struct ImageDetections {
    std::vector<std::array<float, 4>> boxes; // x1, y1, x2, y2 in network input pixels
    std::vector<int> labels;
    std::vector<float> scores;
};

/// One image's outputs to detections: scores above `scoreThreshold` (at most 1000 candidates),
/// decoded boxes clipped to width x height, class-wise NMS at `iouThreshold`, the best `maxBoxes`:
/// deploy::selectDetections() (export/runtime.h) on the sigmoid scores and decoded boxes.
ImageDetections postprocess(const at::Tensor &logits, const at::Tensor &deltas, const at::Tensor &anchors,
                            double scoreThreshold, double iouThreshold, int maxBoxes, int64_t width, int64_t height);

} // namespace visor::nn
