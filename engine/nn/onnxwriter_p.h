#pragma once
// Internal to engine/nn and engine/train: a layer listing (layers_p.h) as an ONNX model, the whole
// way from the camera's bytes to what a user of the model wants: preprocessing in front, box
// decoding (detection) or softmax (classification) behind.

#include "model_p.h"

#include <string>

namespace visor::nn {

struct OnnxOptions {
    int64_t height = 0, width = 0, channels = 3; // the input canvas: uint8 (N, height, width, channels)
    Preprocessing preprocessing = Preprocessing::Caffe;
    /// Detection: the anchors (A, 4) of a height x width input, in the order of the listing's outputs
    /// "logits" (N, A, K) and "deltas" (N, A, 4); undefined for a classifier ("logits" (N, K)).
    at::Tensor anchors;
    std::string name = "visor";
    std::string docString;
    std::vector<std::pair<std::string, std::string>> metadata; // the model's metadata_props
};

/// The opset written: the newest that OpenCV's dnn module of Debian's OpenCV 4.6 reads for every
/// operator used (it parses Clip with attributes only, Resize with roi, ...) and onnxruntime runs.
constexpr int kOnnxOpset = 11;

/// A serialised ONNX ModelProto of `graph` for `options`: input "image" (uint8, N x H x W x C in the
/// channel order the network was trained with, BGR as OpenCV decodes); outputs "logits" and
/// "probabilities" (classification) or "logits", "deltas", "boxes" (N, A, 4: x1, y1, x2, y2 in input
/// pixels, unclipped) and "scores" (N, A, K: sigmoid). GroupNormalization, which opset 11 lacks, is
/// written as Reshape-InstanceNormalization-Reshape-Mul-Add. onnx::checker has passed on it; throws
/// std::runtime_error when it does not, or for a layer it cannot write.
std::string writeOnnx(const LayerGraph &graph, const OnnxOptions &options);

} // namespace visor::nn
