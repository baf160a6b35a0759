// Re-executing a layer listing with ATen operators, and listing LibTorch's standard modules.

#include "modules_p.h"

#include <sstream>
#include <stdexcept>

namespace visor::nn {

at::Tensor Layer::tensor(const std::string &key) const
{
    for (const auto &[k, t] : tensors)
        if (k == key)
            return t;
    return {};
}

int64_t Layer::intAt(const std::string &key, size_t i) const
{
    const auto it = ints.find(key);
    if (it == ints.end() || i >= it->second.size())
        throw std::logic_error("layer " + name + " (" + type + ") has no attribute " + key);
    return it->second[i];
}

int LayerGraph::add(Layer layer)
{
    for (int v : layer.inputs)
        if (v < 0 || v > int(layers.size()))
            throw std::logic_error("layer " + layer.name + " reads value " + std::to_string(v) + " not produced yet");
    layers.push_back(std::move(layer));
    return int(layers.size());
}

namespace {

// ONNX pads (top, left, bottom, right) as PyTorch's symmetric padding; the listings only write those.
std::vector<int64_t> symmetricPads(const Layer &l)
{
    const int64_t top = l.intAt("pads", 0), left = l.intAt("pads", 1);
    if (l.intAt("pads", 2) != top || l.intAt("pads", 3) != left)
        throw std::logic_error("layer " + l.name + ": asymmetric padding");
    return {top, left};
}

std::vector<int64_t> pair(const Layer &l, const std::string &key)
{
    return {l.intAt(key, 0), l.intAt(key, 1)};
}

at::Tensor execute(const Layer &l, const std::vector<at::Tensor> &in)
{
    const at::Tensor &x = in.at(0);
    const std::string &t = l.type;
    if (t == "Conv")
        return at::conv2d(x, l.tensor("W"), l.tensor("B"), pair(l, "strides"), symmetricPads(l), pair(l, "dilations"),
                          l.intAt("group"));
    if (t == "BatchNormalization")
        return at::batch_norm(x, l.tensor("scale"), l.tensor("B"), l.tensor("mean"), l.tensor("var"), false, 0.0,
                              l.floats.at("epsilon"), false);
    if (t == "GroupNormalization")
        return at::group_norm(x, l.intAt("num_groups"), l.tensor("scale"), l.tensor("B"), l.floats.at("epsilon"));
    if (t == "Relu")
        return at::relu(x);
    if (t == "MaxPool")
        return at::max_pool2d(x, pair(l, "kernel_shape"), pair(l, "strides"), symmetricPads(l), {1, 1},
                              l.intAt("ceil_mode") != 0);
    if (t == "AveragePool")
        return at::avg_pool2d(x, pair(l, "kernel_shape"), pair(l, "strides"), symmetricPads(l),
                              l.intAt("ceil_mode") != 0, l.intAt("count_include_pad") != 0);
    if (t == "Add")
        return at::add(x, in.at(1));
    if (t == "Concat")
        return at::cat(at::TensorList(in), l.intAt("axis"));
    if (t == "ResizeNearestLike")
        return at::upsample_nearest2d(x, {in.at(1).size(2), in.at(1).size(3)});
    if (t == "Transpose")
        return x.permute(l.ints.at("perm"));
    if (t == "Reshape") {
        std::vector<int64_t> shape = l.ints.at("shape");
        for (size_t i = 0; i < shape.size(); ++i)
            if (shape[i] == 0)
                shape[i] = x.size(int64_t(i));
        return x.reshape(shape);
    }
    if (t == "GlobalAveragePool")
        return x.mean({2, 3}, true);
    if (t == "Flatten")
        return x.flatten(1);
    if (t == "Gemm")
        return at::linear(x, l.tensor("W"), l.tensor("B"));
    throw std::logic_error("layer " + l.name + ": unknown type " + t);
}

} // namespace

std::vector<at::Tensor> runLayers(const LayerGraph &graph, const at::Tensor &input,
                                  std::vector<std::vector<int64_t>> *shapes)
{
    // A value is dropped after its last reader, so that listing the shapes of a large network at a
    // large input holds a few feature maps at a time rather than all of them.
    std::vector<size_t> lastUse(graph.layers.size() + 1, 0);
    for (size_t i = 0; i < graph.layers.size(); ++i)
        for (int v : graph.layers[i].inputs)
            lastUse[size_t(v)] = i + 1;
    for (int v : graph.outputs)
        lastUse.at(size_t(v)) = graph.layers.size() + 1;
    std::vector<at::Tensor> values{input.contiguous()};
    values.reserve(graph.layers.size() + 1);
    if (shapes)
        *shapes = {input.sizes().vec()};
    for (size_t i = 0; i < graph.layers.size(); ++i) {
        const Layer &l = graph.layers[i];
        std::vector<at::Tensor> in;
        for (int v : l.inputs)
            in.push_back(values[size_t(v)]);
        values.push_back(execute(l, in));
        if (shapes)
            shapes->push_back(values.back().sizes().vec());
        for (int v : l.inputs)
            if (lastUse[size_t(v)] == i + 1)
                values[size_t(v)] = at::Tensor();
    }
    std::vector<at::Tensor> out;
    for (int v : graph.outputs)
        out.push_back(values.at(size_t(v)));
    return out;
}

std::string describeLayers(const LayerGraph &graph)
{
    std::ostringstream s;
    for (size_t i = 0; i < graph.layers.size(); ++i) {
        const Layer &l = graph.layers[i];
        s << i + 1 << ' ' << l.type << ' ' << l.name;
        if (const at::Tensor w = l.tensor("W"); w.defined()) {
            s << "  " << w.size(1) * (l.ints.count("group") ? l.intAt("group") : 1) << "->" << w.size(0);
            if (w.dim() == 4)
                s << " k" << w.size(2) << " s" << l.intAt("strides");
        }
        s << " [";
        for (size_t k = 0; k < l.inputs.size(); ++k)
            s << (k ? "," : "") << l.inputs[k];
        s << "]\n";
    }
    for (size_t k = 0; k < graph.outputs.size(); ++k)
        s << "output " << (k < graph.outputNames.size() ? graph.outputNames[k] : std::to_string(k)) << " = "
          << graph.outputs[k] << '\n';
    return s.str();
}

// ---- LibTorch's modules as layers.

namespace {

std::vector<int64_t> twice(const torch::ExpandingArray<2> &a)
{
    return {(*a)[0], (*a)[1]};
}

std::vector<int64_t> padsOf(const torch::ExpandingArray<2> &p)
{
    return {(*p)[0], (*p)[1], (*p)[0], (*p)[1]};
}

Layer leaf(const std::string &name, const char *type, int input)
{
    Layer l;
    l.name = name;
    l.type = type;
    l.inputs = {input};
    return l;
}

} // namespace

int listModule(LayerGraph &g, const torch::nn::Module &m, int input, const std::string &name)
{
    if (const auto *listed = dynamic_cast<const Listed *>(&m))
        return listed->list(g, input, name);
    if (const auto *seq = m.as<torch::nn::SequentialImpl>()) {
        int v = input;
        size_t i = 0;
        for (const auto &child : seq->children())
            v = listModule(g, *child, v, name + "." + std::to_string(i++));
        return v;
    }
    if (const auto *conv = m.as<torch::nn::Conv2dImpl>()) {
        const auto &o = conv->options;
        const auto *padding = c10::get_if<torch::ExpandingArray<2>>(&o.padding());
        if (!padding || !c10::get_if<torch::enumtype::kZeros>(&o.padding_mode()))
            throw std::logic_error("layer " + name + ": only explicit zero padding can be listed");
        Layer l = leaf(name, "Conv", input);
        l.tensors = {{"W", conv->weight}};
        if (conv->bias.defined())
            l.tensors.emplace_back("B", conv->bias);
        l.ints = {{"strides", twice(o.stride())},
                  {"pads", padsOf(*padding)},
                  {"dilations", twice(o.dilation())},
                  {"group", {o.groups()}}};
        return g.add(std::move(l));
    }
    if (const auto *bn = m.as<torch::nn::BatchNorm2dImpl>()) {
        Layer l = leaf(name, "BatchNormalization", input);
        l.tensors = {{"scale", bn->weight}, {"B", bn->bias}, {"mean", bn->running_mean}, {"var", bn->running_var}};
        l.floats = {{"epsilon", bn->options.eps()}};
        return g.add(std::move(l));
    }
    if (const auto *gn = m.as<torch::nn::GroupNormImpl>()) {
        Layer l = leaf(name, "GroupNormalization", input);
        l.tensors = {{"scale", gn->weight}, {"B", gn->bias}};
        l.ints = {{"num_groups", {gn->options.num_groups()}}};
        l.floats = {{"epsilon", gn->options.eps()}};
        return g.add(std::move(l));
    }
    if (m.as<torch::nn::ReLUImpl>())
        return g.add(leaf(name, "Relu", input));
    if (const auto *pool = m.as<torch::nn::MaxPool2dImpl>()) {
        const auto &o = pool->options;
        if ((*o.dilation())[0] != 1 || (*o.dilation())[1] != 1)
            throw std::logic_error("layer " + name + ": dilated pooling cannot be listed");
        Layer l = leaf(name, "MaxPool", input);
        l.ints = {{"kernel_shape", twice(o.kernel_size())},
                  {"strides", twice(o.stride())},
                  {"pads", padsOf(o.padding())},
                  {"ceil_mode", {o.ceil_mode() ? 1 : 0}}};
        return g.add(std::move(l));
    }
    if (const auto *pool = m.as<torch::nn::AvgPool2dImpl>()) {
        const auto &o = pool->options;
        if (o.divisor_override().has_value())
            throw std::logic_error("layer " + name + ": a divisor override cannot be listed");
        Layer l = leaf(name, "AveragePool", input);
        l.ints = {{"kernel_shape", twice(o.kernel_size())},
                  {"strides", twice(o.stride())},
                  {"pads", padsOf(o.padding())},
                  {"ceil_mode", {o.ceil_mode() ? 1 : 0}},
                  {"count_include_pad", {o.count_include_pad() ? 1 : 0}}};
        return g.add(std::move(l));
    }
    if (const auto *linear = m.as<torch::nn::LinearImpl>()) {
        Layer l = leaf(name, "Gemm", input);
        l.tensors = {{"W", linear->weight}, {"B", linear->bias}};
        return g.add(std::move(l));
    }
    throw std::logic_error("layer " + name + ": module " + m.name() + " cannot be listed");
}

int addLayer(LayerGraph &g, const std::string &name, const char *type, std::vector<int> inputs,
             std::map<std::string, std::vector<int64_t>> ints)
{
    Layer l;
    l.name = name;
    l.type = type;
    l.inputs = std::move(inputs);
    l.ints = std::move(ints);
    return g.add(std::move(l));
}

} // namespace visor::nn
