#pragma once
// Internal to engine/nn and engine/train: a network as a list of layers, the form a second consumer
// (the ONNX writer of the deploy issue, a layer listing for the user) walks without knowing the
// modules. Every network module lists its layers in execution order; runLayers() re-executes a
// listing with plain ATen operators, and a test checks that it reproduces the module's forward.
//
// The vocabulary follows ONNX's operator names and attribute names, so that a writer maps one
// record to one node (or a fixed few): inference semantics (batch normalisation with the running
// statistics), NCHW tensors.

#include <ATen/ATen.h>

#include <map>
#include <string>
#include <vector>

namespace visor::nn {

/// One layer: `type` is one of
///   Conv                 tensors W (O, I/group, kh, kw), B (optional); ints strides, pads (top, left,
///                        bottom, right), dilations, group
///   BatchNormalization   tensors scale, B, mean, var; floats epsilon
///   GroupNormalization   tensors scale, B; ints num_groups; floats epsilon
///   Relu
///   MaxPool, AveragePool ints kernel_shape, strides, pads (top, left, bottom, right), ceil_mode;
///                        AveragePool also count_include_pad
///   Add                  two inputs
///   Concat               ints axis (one value)
///   ResizeNearestLike    inputs (x, reference): x resized (nearest, PyTorch's "nearest" rounding:
///                        floor(out * in / out_size)) to the reference's height and width
///   Transpose            ints perm
///   Reshape              ints shape (0 copies that dimension of the input, -1 is inferred)
///   GlobalAveragePool    (N, C, H, W) -> (N, C, 1, 1)
///   Flatten              (N, C, 1, 1) -> (N, C)
///   Gemm                 tensors W (O, I), B (O): x W^T + B
struct Layer {
    std::string name; // the module path, e.g. "backbone.layer2.0.body.1"
    std::string type;
    std::vector<int> inputs; // values: 0 is the network's input, k > 0 the output of layer k - 1
    std::map<std::string, std::vector<int64_t>> ints;
    std::map<std::string, double> floats;
    std::vector<std::pair<std::string, at::Tensor>> tensors; // in the order listed above

    at::Tensor tensor(const std::string &key) const;
    int64_t intAt(const std::string &key, size_t i = 0) const;
};

/// A network's layers in execution order and the values it returns.
struct LayerGraph {
    std::vector<Layer> layers;
    std::vector<int> outputs;
    std::vector<std::string> outputNames;

    /// Appends a layer and returns the value it produces.
    int add(Layer layer);
};

/// Executes a listing on `input` (N, C, H, W) with ATen operators alone: the values of `outputs`.
/// `shapes`, when given, gets the shape of every value (index 0 the input).
std::vector<at::Tensor> runLayers(const LayerGraph &graph, const at::Tensor &input,
                                  std::vector<std::vector<int64_t>> *shapes = nullptr);

/// One line per layer ("12 Conv backbone.layers.0.0  3->32 k3 s1 [11]"), for listings and tests.
std::string describeLayers(const LayerGraph &graph);

} // namespace visor::nn
