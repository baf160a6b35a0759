#pragma once
// Internal to engine/nn and engine/train: a network behind a torch-free interface, so that only the
// .cpp files that define or drive networks include <torch/torch.h>.

#include <ATen/ATen.h>

#include <memory>
#include <string>
#include <vector>

namespace visor::nn {

/// How pixels become network input: "caffe" subtracts per-channel means on 0..255 (BGR order, the
/// ImageNet means Caffe models use); "tf" scales to -1..1.
enum class Preprocessing { Caffe, Tf };

/// Converts a batch of 8-bit images (N, H, W, C) as uint8 into float (N, C, H, W), normalised.
at::Tensor preprocess(const at::Tensor &batchNHWC, Preprocessing mode);

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
    virtual void save(const std::string &path) = 0;
    virtual void load(const std::string &path) = 0;
    virtual int64_t parameterCount() = 0;
};

/// class_cnn: `depth` stages of conv3x3-BatchNorm-ReLU and 2x2 max pooling, global average pooling,
/// a linear layer.
std::unique_ptr<Model> makeClassifier(const ClassifierSpec &spec);

} // namespace visor::nn
