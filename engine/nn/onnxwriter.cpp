// A layer listing as an ONNX graph (opset 11), written with libonnx's protobuf classes.
//
// Every choice below was made for OpenCV's dnn module 4.6 as much as for onnxruntime: OpenCV reads a
// constant added to a tensor only when the shapes agree but for the batch (so the decoding's anchor
// constants are (1, A, 2) and OpenCV runs one image per forward), it has no Min with a constant nor
// Clip with inputs (so min(d, c) is written d - relu(d - c)), and no GroupNormalization.

#include "onnxwriter_p.h"

#include <cmath>
#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <stdexcept>
#include <torch/torch.h>

namespace visor::nn {
namespace {

class GraphWriter {
public:
    explicit GraphWriter(onnx::GraphProto &graph) : m_graph(graph) {}

    std::string constant(const std::string &name, const at::Tensor &value)
    {
        const at::Tensor t = value.detach().to(at::kCPU).contiguous();
        onnx::TensorProto *proto = m_graph.add_initializer();
        proto->set_name(unique(name));
        for (int64_t d : t.sizes())
            proto->add_dims(d);
        if (t.scalar_type() == at::kLong) {
            proto->set_data_type(onnx::TensorProto::INT64);
        } else {
            proto->set_data_type(onnx::TensorProto::FLOAT);
        }
        const at::Tensor data = t.scalar_type() == at::kLong ? t : t.to(at::kFloat);
        proto->set_raw_data(std::string(static_cast<const char *>(data.data_ptr()), size_t(data.nbytes())));
        return proto->name();
    }
    std::string floats(const std::string &name, std::vector<float> values, std::vector<int64_t> shape)
    {
        return constant(name, torch::tensor(values, torch::kFloat).reshape(shape));
    }
    std::string longs(const std::string &name, std::vector<int64_t> values)
    {
        return constant(name, torch::tensor(values, torch::kLong));
    }

    onnx::NodeProto &node(const std::string &type, const std::string &name, std::vector<std::string> inputs,
                          const std::string &output)
    {
        onnx::NodeProto *n = m_graph.add_node();
        n->set_op_type(type);
        n->set_name(unique(name));
        for (const std::string &in : inputs)
            n->add_input(in);
        n->add_output(output);
        return *n;
    }
    /// A node whose output gets a fresh name; returns that name.
    std::string op(const std::string &type, const std::string &name, std::vector<std::string> inputs)
    {
        const std::string out = unique(name + ":out");
        node(type, name, std::move(inputs), out);
        return out;
    }

    static void ints(onnx::NodeProto &n, const std::string &key, const std::vector<int64_t> &values)
    {
        onnx::AttributeProto *a = n.add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::INTS);
        for (int64_t v : values)
            a->add_ints(v);
    }
    static void integer(onnx::NodeProto &n, const std::string &key, int64_t value)
    {
        onnx::AttributeProto *a = n.add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(value);
    }
    static void real(onnx::NodeProto &n, const std::string &key, double value)
    {
        onnx::AttributeProto *a = n.add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(float(value));
    }
    static void text(onnx::NodeProto &n, const std::string &key, const std::string &value)
    {
        onnx::AttributeProto *a = n.add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::STRING);
        a->set_s(value);
    }

    std::string unique(const std::string &name)
    {
        const int count = m_names[name]++;
        return count == 0 ? name : name + "_" + std::to_string(count);
    }

private:
    onnx::GraphProto &m_graph;
    std::map<std::string, int> m_names;
};

using Shape = std::vector<int64_t>;

std::vector<int64_t> pads(const Layer &l)
{
    // The listing's (top, left, bottom, right) is ONNX's (x1_begin, x2_begin, x1_end, x2_end).
    return l.ints.at("pads");
}

/// GroupNormalization as opset 11 has it: the groups normalised by InstanceNormalization over a
/// (N, G, C/G*H*W) view, then the per-channel affine.
std::string groupNorm(GraphWriter &w, const Layer &l, const std::string &x, const Shape &shape)
{
    const int64_t groups = l.intAt("num_groups"), c = shape.at(1);
    const std::string grouped = w.op("Reshape", l.name + ".group", {x, w.longs(l.name + ".grouped", {0, groups, -1})});
    onnx::NodeProto &norm =
        w.node("InstanceNormalization", l.name + ".normalise",
               {grouped, w.floats(l.name + ".ones", std::vector<float>(size_t(groups), 1.f), {groups}),
                w.floats(l.name + ".zeros", std::vector<float>(size_t(groups), 0.f), {groups})},
               w.unique(l.name + ".normalised"));
    GraphWriter::real(norm, "epsilon", l.floats.at("epsilon"));
    const std::string back =
        w.op("Reshape", l.name + ".ungroup", {norm.output(0), w.longs(l.name + ".shape", {0, c, shape[2], shape[3]})});
    const std::string scaled =
        w.op("Mul", l.name + ".scale", {back, w.constant(l.name + ".weight", l.tensor("scale").reshape({c, 1, 1}))});
    return w.op("Add", l.name + ".shift", {scaled, w.constant(l.name + ".bias", l.tensor("B").reshape({c, 1, 1}))});
}

std::string resizeLike(GraphWriter &w, const Layer &l, const std::string &x, const Shape &in, const Shape &reference)
{
    onnx::NodeProto *n = nullptr;
    const std::string roi = w.floats(l.name + ".roi", {}, {0});
    if (reference[2] % in[2] == 0 && reference[3] % in[3] == 0) {
        // Whole factors (the FPN's 2x on inputs that are multiples of the largest stride): scales
        // keep the batch free, and floor(out / factor) is PyTorch's nearest index exactly.
        const std::string scales =
            w.floats(l.name + ".scales", {1.f, 1.f, float(reference[2] / in[2]), float(reference[3] / in[3])}, {4});
        n = &w.node("Resize", l.name, {x, roi, scales}, w.unique(l.name + ":out"));
    } else {
        const std::string scales = w.floats(l.name + ".no_scales", {}, {0});
        const std::string sizes = w.longs(l.name + ".sizes", {1, in[1], reference[2], reference[3]});
        n = &w.node("Resize", l.name, {x, roi, scales, sizes}, w.unique(l.name + ":out"));
    }
    GraphWriter::text(*n, "mode", "nearest");
    GraphWriter::text(*n, "coordinate_transformation_mode", "asymmetric");
    GraphWriter::text(*n, "nearest_mode", "floor");
    return n->output(0);
}

std::string writeLayer(GraphWriter &w, const Layer &l, const std::vector<std::string> &in,
                       const std::vector<Shape> &inShapes, const std::string &output)
{
    const std::string &t = l.type;
    auto simple = [&](const std::string &type, std::vector<std::string> inputs) -> onnx::NodeProto & {
        return w.node(type, l.name, std::move(inputs), output);
    };
    if (t == "Conv") {
        const at::Tensor weight = l.tensor("W");
        std::vector<std::string> inputs{in[0], w.constant(l.name + ".weight", weight)};
        if (const at::Tensor b = l.tensor("B"); b.defined())
            inputs.push_back(w.constant(l.name + ".bias", b));
        onnx::NodeProto &n = simple("Conv", inputs);
        GraphWriter::ints(n, "kernel_shape", {weight.size(2), weight.size(3)});
        GraphWriter::ints(n, "strides", l.ints.at("strides"));
        GraphWriter::ints(n, "pads", pads(l));
        GraphWriter::ints(n, "dilations", l.ints.at("dilations"));
        GraphWriter::integer(n, "group", l.intAt("group"));
    } else if (t == "BatchNormalization") {
        onnx::NodeProto &n = simple(t, {in[0], w.constant(l.name + ".weight", l.tensor("scale")),
                                        w.constant(l.name + ".bias", l.tensor("B")),
                                        w.constant(l.name + ".running_mean", l.tensor("mean")),
                                        w.constant(l.name + ".running_var", l.tensor("var"))});
        GraphWriter::real(n, "epsilon", l.floats.at("epsilon"));
    } else if (t == "GroupNormalization") {
        return groupNorm(w, l, in[0], inShapes[0]);
    } else if (t == "Relu" || t == "GlobalAveragePool" || t == "Add") {
        simple(t, in);
    } else if (t == "MaxPool" || t == "AveragePool") {
        onnx::NodeProto &n = simple(t, {in[0]});
        GraphWriter::ints(n, "kernel_shape", l.ints.at("kernel_shape"));
        GraphWriter::ints(n, "strides", l.ints.at("strides"));
        GraphWriter::ints(n, "pads", pads(l));
        GraphWriter::integer(n, "ceil_mode", l.intAt("ceil_mode"));
        if (t == "AveragePool")
            GraphWriter::integer(n, "count_include_pad", l.intAt("count_include_pad"));
    } else if (t == "Concat") {
        GraphWriter::integer(simple(t, in), "axis", l.intAt("axis"));
    } else if (t == "ResizeNearestLike") {
        return resizeLike(w, l, in[0], inShapes[0], inShapes[1]);
    } else if (t == "Transpose") {
        GraphWriter::ints(simple(t, {in[0]}), "perm", l.ints.at("perm"));
    } else if (t == "Reshape") {
        simple(t, {in[0], w.longs(l.name + ".shape", l.ints.at("shape"))});
    } else if (t == "Flatten") {
        GraphWriter::integer(simple(t, {in[0]}), "axis", 1);
    } else if (t == "Gemm") {
        onnx::NodeProto &n = simple(
            t, {in[0], w.constant(l.name + ".weight", l.tensor("W")), w.constant(l.name + ".bias", l.tensor("B"))});
        GraphWriter::integer(n, "transB", 1);
    } else {
        throw std::runtime_error("layer " + l.name + ": no ONNX form for " + t);
    }
    return output;
}

/// uint8 (N, H, W, C) to the network's float (N, C, H, W), as nn::preprocess() does it.
std::string writePreprocessing(GraphWriter &w, const OnnxOptions &o)
{
    onnx::NodeProto &cast = w.node("Cast", "preprocess.cast", {"image"}, "preprocess.float");
    GraphWriter::integer(cast, "to", onnx::TensorProto::FLOAT);
    onnx::NodeProto &nchw = w.node("Transpose", "preprocess.nchw", {cast.output(0)}, "preprocess.nchw");
    GraphWriter::ints(nchw, "perm", {0, 3, 1, 2});
    if (o.preprocessing == Preprocessing::Tf) {
        const std::string scaled =
            w.op("Div", "preprocess.scale", {nchw.output(0), w.floats("preprocess.half_range", {127.5f}, {})});
        return w.op("Sub", "preprocess.centre", {scaled, w.floats("preprocess.one", {1.f}, {})});
    }
    if (o.channels == 3)
        return w.op("Sub", "preprocess.mean",
                    {nchw.output(0), w.floats("preprocess.bgr_mean", {103.939f, 116.779f, 123.68f}, {1, 3, 1, 1})});
    return w.op("Sub", "preprocess.mean", {nchw.output(0), w.floats("preprocess.grey_mean", {114.8f}, {})});
}

/// nn::decodeBoxes() on the graph's deltas: boxes (N, A, 4) in input pixels.
void writeDecoding(GraphWriter &w, const std::string &deltas, const at::Tensor &anchors)
{
    const at::Tensor a = anchors.to(at::kCPU).to(at::kFloat);
    const at::Tensor wh = torch::stack({a.select(1, 2) - a.select(1, 0), a.select(1, 3) - a.select(1, 1)}, 1);
    const at::Tensor centre =
        torch::stack({a.select(1, 0) + 0.5 * wh.select(1, 0), a.select(1, 1) + 0.5 * wh.select(1, 1)}, 1);
    const std::string sizes = w.constant("decode.anchor_sizes", wh.unsqueeze(0));
    auto slice = [&](const char *name, int64_t from, int64_t to) {
        return w.op("Slice", name,
                    {deltas, w.longs(std::string(name) + ".from", {from}), w.longs(std::string(name) + ".to", {to}),
                     w.longs(std::string(name) + ".axis", {2})});
    };
    const std::string shift = slice("decode.dxy", 0, 2), logSize = slice("decode.dwh", 2, 4);
    const std::string centres =
        w.op("Add", "decode.centre",
             {w.op("Mul", "decode.shift", {shift, sizes}), w.constant("decode.anchor_centres", centre.unsqueeze(0))});
    const float clampLog = float(std::log(1000.0 / 16)); // nn::decodeBoxes(), as torchvision's BoxCoder
    const std::string over = w.op("Relu", "decode.over",
                                  {w.op("Sub", "decode.excess", {logSize, w.floats("decode.clamp", {clampLog}, {})})});
    const std::string clamped = w.op("Sub", "decode.clamped", {logSize, over});
    const std::string half =
        w.op("Mul", "decode.half_size",
             {w.op("Exp", "decode.exp", {clamped}), w.constant("decode.anchor_half_sizes", (0.5 * wh).unsqueeze(0))});
    onnx::NodeProto &boxes =
        w.node("Concat", "decode.boxes",
               {w.op("Sub", "decode.top_left", {centres, half}), w.op("Add", "decode.bottom_right", {centres, half})},
               "boxes");
    GraphWriter::integer(boxes, "axis", 2);
}

void addValueInfo(google::protobuf::RepeatedPtrField<onnx::ValueInfoProto> *list, const std::string &name,
                  int elementType, const Shape &shape)
{
    onnx::ValueInfoProto *v = list->Add();
    v->set_name(name);
    onnx::TypeProto_Tensor *t = v->mutable_type()->mutable_tensor_type();
    t->set_elem_type(elementType);
    for (size_t i = 0; i < shape.size(); ++i) {
        auto *dim = t->mutable_shape()->add_dim();
        if (i == 0)
            dim->set_dim_param("N");
        else
            dim->set_dim_value(shape[i]);
    }
}

} // namespace

std::string writeOnnx(const LayerGraph &graph, const OnnxOptions &o)
{
    torch::NoGradGuard noGrad;
    std::vector<Shape> shapes;
    runLayers(graph, torch::zeros({1, o.channels, o.height, o.width}), &shapes);

    onnx::ModelProto model;
    model.set_ir_version(6); // the IR of opset 11 (ONNX 1.6)
    model.set_producer_name("Visor");
    model.set_producer_version(VISOR_VERSION);
    model.set_doc_string(o.docString);
    model.add_opset_import()->set_version(kOnnxOpset);
    for (const auto &[key, value] : o.metadata) {
        auto *p = model.add_metadata_props();
        p->set_key(key);
        p->set_value(value);
    }
    onnx::GraphProto &g = *model.mutable_graph();
    g.set_name(o.name);
    GraphWriter w(g);
    addValueInfo(g.mutable_input(), "image", onnx::TensorProto::UINT8, {1, o.height, o.width, o.channels});

    std::vector<std::string> names(graph.layers.size() + 1);
    names[0] = writePreprocessing(w, o);
    std::map<int, std::string> outputNames;
    for (size_t k = 0; k < graph.outputs.size(); ++k)
        outputNames[graph.outputs[k]] = graph.outputNames.at(k);
    for (size_t i = 0; i < graph.layers.size(); ++i) {
        const Layer &l = graph.layers[i];
        std::vector<std::string> in;
        std::vector<Shape> inShapes;
        for (int v : l.inputs) {
            in.push_back(names[size_t(v)]);
            inShapes.push_back(shapes[size_t(v)]);
        }
        const int value = int(i) + 1;
        const auto named = outputNames.find(value);
        const std::string out = named != outputNames.end() ? named->second : w.unique(l.name + ":out");
        std::string written = writeLayer(w, l, in, inShapes, out);
        if (written != out) // a layer written as several nodes: its last output gets the output's name
            written = w.node("Identity", l.name + ".output", {written}, out).output(0);
        names[size_t(value)] = written;
    }
    auto shapeOf = [&](const std::string &name) {
        return shapes.at(size_t(graph.outputs.at(
            size_t(std::find(graph.outputNames.begin(), graph.outputNames.end(), name) - graph.outputNames.begin()))));
    };
    addValueInfo(g.mutable_output(), "logits", onnx::TensorProto::FLOAT, shapeOf("logits"));
    if (o.anchors.defined()) {
        const Shape deltas = shapeOf("deltas");
        if (deltas.at(1) != o.anchors.size(0))
            throw std::runtime_error("the network gives " + std::to_string(deltas[1]) + " boxes for " +
                                     std::to_string(o.anchors.size(0)) + " anchors");
        addValueInfo(g.mutable_output(), "deltas", onnx::TensorProto::FLOAT, deltas);
        writeDecoding(w, "deltas", o.anchors);
        addValueInfo(g.mutable_output(), "boxes", onnx::TensorProto::FLOAT, deltas);
        w.node("Sigmoid", "scores", {"logits"}, "scores");
        addValueInfo(g.mutable_output(), "scores", onnx::TensorProto::FLOAT, shapeOf("logits"));
    } else {
        GraphWriter::integer(w.node("Softmax", "probabilities", {"logits"}, "probabilities"), "axis", 1);
        addValueInfo(g.mutable_output(), "probabilities", onnx::TensorProto::FLOAT, shapeOf("logits"));
    }
    onnx::checker::check_model(model); // throws onnx::checker::ValidationError, a std::runtime_error
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        throw std::runtime_error("the ONNX model could not be serialised");
    return bytes;
}

} // namespace visor::nn
