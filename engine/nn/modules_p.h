#pragma once
// Internal to engine/nn (includes LibTorch): the parts networks are composed of and how a module
// lists its layers (layers_p.h).

#include "layers_p.h"
#include "model_p.h"

#include <array>
#include <torch/torch.h>

namespace visor::nn {

/// A module whose forward is not a plain chain of its children lists itself.
struct Listed {
    virtual ~Listed() = default;
    /// Appends this module's layers reading value `input`; returns the value it produces.
    virtual int list(LayerGraph &graph, int input, const std::string &name) const = 0;
};

/// Appends the layers of `module` (a Listed one, a Sequential of listable modules, or one of LibTorch's
/// Conv2d, BatchNorm2d, GroupNorm, ReLU, MaxPool2d, AvgPool2d, Linear); throws std::logic_error for a
/// module that cannot be listed, naming it.
int listModule(LayerGraph &graph, const torch::nn::Module &module, int input, const std::string &name);

/// Appends a parameterless layer (Add, Concat, ResizeNearestLike, Transpose, Reshape, ...).
int addLayer(LayerGraph &graph, const std::string &name, const char *type, std::vector<int> inputs,
             std::map<std::string, std::vector<int64_t>> ints = {});

/// A Sequential with a plain forward, so that Sequentials can nest.
struct BlockImpl : torch::nn::SequentialImpl {
    using SequentialImpl::SequentialImpl;
    torch::Tensor forward(torch::Tensor x) { return SequentialImpl::forward(x); }
};
TORCH_MODULE(Block);

/// conv (no bias) - BatchNorm - ReLU, "same" padding.
Block convBnRelu(int in, int out, int kernel, int stride = 1, int groups = 1);

/// A detector's backbone: feature maps C3, C4, C5 at strides 8, 16 and 32 (rounded up), with
/// `channels` features each.
struct Backbone : torch::nn::Module {
    virtual std::array<torch::Tensor, 3> features(torch::Tensor x) = 0;
    /// The same three values in a layer listing.
    virtual std::array<int, 3> listFeatures(LayerGraph &graph, int input, const std::string &name) const = 0;
    std::array<int, 3> channels{};
    static constexpr std::array<int, 3> strides{8, 16, 32};
};

/// The backbone registered as `name` for `inChannels` input channels; throws std::invalid_argument
/// naming detector.backbone and the known backbones for an unknown one.
std::shared_ptr<Backbone> makeBackbone(const std::string &name, int inChannels, const QJsonObject &values = {});

} // namespace visor::nn
