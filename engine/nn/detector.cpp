// objdet: backbone (backbones.cpp, by name) + feature pyramid (neck) + shared head, RetinaNet
// (Lin et al. 2017), composed here; the Detector owns its anchors, matching, loss and decoding.

#include "modules_p.h"

#include <cmath>
#include <stdexcept>

namespace visor::nn {
namespace {

using torch::nn::Conv2d;
using torch::nn::Conv2dOptions;

int groupsFor(int channels)
{
    for (int g : {32, 16, 8, 4, 2})
        if (channels % g == 0 && channels / g >= 2)
            return g;
    return 1;
}

/// The feature pyramid (Lin et al. 2017): P3..P5 from the backbone's C3..C5 by lateral 1x1
/// convolutions, top-down nearest upsampling and 3x3 smoothing; P6 from C5 and P7 from P6 by strided
/// convolutions. Gives the levels of the anchor strides asked for, in their order.
struct Fpn : torch::nn::Module {
    Fpn(const std::array<int, 3> &in, int features, std::vector<int> levelStrides) : strides(std::move(levelStrides))
    {
        for (int l = 0; l < 3; ++l) {
            lateral.push_back(
                register_module("lateral" + std::to_string(l), Conv2d(Conv2dOptions(in[size_t(l)], features, 1))));
            smooth.push_back(
                register_module("smooth" + std::to_string(l), Conv2d(Conv2dOptions(features, features, 3).padding(1))));
        }
        p6 = register_module("p6", Conv2d(Conv2dOptions(in[2], features, 3).stride(2).padding(1)));
        p7 = register_module("p7", Conv2d(Conv2dOptions(features, features, 3).stride(2).padding(1)));
    }

    std::vector<torch::Tensor> forward(const std::array<torch::Tensor, 3> &c)
    {
        std::array<torch::Tensor, 3> p;
        p[2] = lateral[2]->forward(c[2]);
        p[1] = lateral[1]->forward(c[1]) + torch::upsample_nearest2d(p[2], {c[1].size(2), c[1].size(3)});
        p[0] = lateral[0]->forward(c[0]) + torch::upsample_nearest2d(p[1], {c[0].size(2), c[0].size(3)});
        std::vector<torch::Tensor> levels;
        torch::Tensor p6v;
        for (int st : strides) {
            if (st <= 32) {
                levels.push_back(smooth[level(st)]->forward(p[level(st)]));
            } else {
                if (!p6v.defined())
                    p6v = p6->forward(c[2]);
                levels.push_back(st == 64 ? p6v : p7->forward(torch::relu(p6v)));
            }
        }
        return levels;
    }

    std::vector<int> list(LayerGraph &g, const std::array<int, 3> &c, const std::string &name) const
    {
        std::array<int, 3> p{};
        p[2] = listModule(g, *lateral[2], c[2], name + ".lateral2");
        for (int l : {1, 0}) {
            const int lat = listModule(g, *lateral[size_t(l)], c[size_t(l)], name + ".lateral" + std::to_string(l));
            const int up = addLayer(g, name + ".up" + std::to_string(l), "ResizeNearestLike", {p[size_t(l) + 1], lat});
            p[size_t(l)] = addLayer(g, name + ".merge" + std::to_string(l), "Add", {lat, up});
        }
        std::vector<int> levels;
        int p6v = -1;
        for (int st : strides) {
            if (st <= 32) {
                levels.push_back(
                    listModule(g, *smooth[level(st)], p[level(st)], name + ".smooth" + std::to_string(level(st))));
            } else {
                if (p6v < 0)
                    p6v = listModule(g, *p6, c[2], name + ".p6");
                levels.push_back(
                    st == 64 ? p6v : listModule(g, *p7, addLayer(g, name + ".p6_relu", "Relu", {p6v}), name + ".p7"));
            }
        }
        return levels;
    }

    static size_t level(int stride) { return size_t(std::log2(stride)) - 3; }

    std::vector<int> strides;
    std::vector<Conv2d> lateral, smooth;
    Conv2d p6{nullptr}, p7{nullptr};
};

/// RetinaNet's head, shared by every level: a classification and a box tower (two conv-GroupNorm-ReLU
/// each; GroupNorm, because batches of a few images make BatchNorm statistics noise), then per anchor
/// K class logits and 4 box deltas. Outputs (N, anchors, K) and (N, anchors, 4), level by level, then
/// row, column, anchor: the order of makeAnchors().
struct RetinaHead : torch::nn::Module {
    RetinaHead(int features, int anchorsPerLocation, int classes_) : classes(classes_)
    {
        auto tower = [&](const std::string &name) {
            torch::nn::Sequential t;
            for (int i = 0; i < 2; ++i) {
                t->push_back(Conv2d(Conv2dOptions(features, features, 3).padding(1)));
                t->push_back(torch::nn::GroupNorm(torch::nn::GroupNormOptions(groupsFor(features), features)));
                t->push_back(torch::nn::ReLU());
            }
            return register_module(name, t);
        };
        clsTower = tower("cls_tower");
        boxTower = tower("box_tower");
        clsOut =
            register_module("cls_out", Conv2d(Conv2dOptions(features, anchorsPerLocation * classes, 3).padding(1)));
        boxOut = register_module("box_out", Conv2d(Conv2dOptions(features, anchorsPerLocation * 4, 3).padding(1)));
    }

    DetectorOutput forward(const std::vector<torch::Tensor> &levels)
    {
        const int64_t n = levels.front().size(0);
        std::vector<torch::Tensor> logits, deltas;
        for (const torch::Tensor &f : levels) {
            // (N, A*K, h, w) -> (N, h, w, A*K) -> (N, h*w*A, K): row, column, anchor.
            logits.push_back(clsOut->forward(clsTower->forward(f)).permute({0, 2, 3, 1}).reshape({n, -1, classes}));
            deltas.push_back(boxOut->forward(boxTower->forward(f)).permute({0, 2, 3, 1}).reshape({n, -1, 4}));
        }
        return {torch::cat(logits, 1), torch::cat(deltas, 1)};
    }

    std::array<int, 2> list(LayerGraph &g, const std::vector<int> &levels, const std::string &name) const
    {
        std::vector<int> logits, deltas;
        auto flat = [&](int v, int64_t last, const std::string &n) {
            const int t = addLayer(g, n + ".transpose", "Transpose", {v}, {{"perm", {0, 2, 3, 1}}});
            return addLayer(g, n + ".reshape", "Reshape", {t}, {{"shape", {0, -1, last}}});
        };
        for (size_t l = 0; l < levels.size(); ++l) {
            const std::string at = "." + std::to_string(l);
            const int c = listModule(g, *clsOut, listModule(g, *clsTower, levels[l], name + ".cls_tower" + at),
                                     name + ".cls_out" + at);
            const int b = listModule(g, *boxOut, listModule(g, *boxTower, levels[l], name + ".box_tower" + at),
                                     name + ".box_out" + at);
            logits.push_back(flat(c, classes, name + ".logits" + at));
            deltas.push_back(flat(b, 4, name + ".deltas" + at));
        }
        return {addLayer(g, name + ".logits", "Concat", logits, {{"axis", {1}}}),
                addLayer(g, name + ".deltas", "Concat", deltas, {{"axis", {1}}})};
    }

    int64_t classes;
    torch::nn::Sequential clsTower{nullptr}, boxTower{nullptr};
    Conv2d clsOut{nullptr}, boxOut{nullptr};
};

struct ObjDetImpl : torch::nn::Module {
    explicit ObjDetImpl(const DetectorSpec &s)
    {
        for (size_t i = 0; i < s.strides.size(); ++i) {
            const int st = s.strides[i];
            if (st < 8 || st > 128 || (st & (st - 1)) != 0 || (i > 0 && st != 2 * s.strides[i - 1]))
                throw std::invalid_argument("anchors.strides: each stride must double the previous one, within 8..128");
        }
        if (s.sizes.size() != s.strides.size())
            throw std::invalid_argument("anchors.sizes: one size per stride is needed");
        backbone = register_module("backbone", makeBackbone(s.backbone, s.channels, s.backboneValues));
        neck = register_module("neck", std::make_shared<Fpn>(backbone->channels, s.width, s.strides));
        head = register_module("head", std::make_shared<RetinaHead>(s.width, s.anchorsPerLocation(), s.classes));
        // The backbone keeps its own initialisation; the neck and head start small.
        for (auto *part : {static_cast<torch::nn::Module *>(neck.get()), static_cast<torch::nn::Module *>(head.get())})
            for (auto &m : part->modules(false))
                if (auto *conv = m->as<torch::nn::Conv2d>()) {
                    torch::nn::init::normal_(conv->weight, 0, 0.01);
                    if (conv->bias.defined())
                        torch::nn::init::zeros_(conv->bias);
                }
        // The focal-loss prior: every anchor starts as background with probability 0.99.
        torch::nn::init::constant_(head->clsOut->bias, -std::log((1 - 0.01) / 0.01));
    }

    DetectorOutput forward(torch::Tensor x) { return head->forward(neck->forward(backbone->features(x))); }

    LayerGraph layers() const
    {
        LayerGraph g;
        const auto c = backbone->listFeatures(g, 0, "backbone");
        const auto out = head->list(g, neck->list(g, c, "neck"), "head");
        g.outputs = {out[0], out[1]};
        g.outputNames = {"logits", "deltas"};
        return g;
    }

    std::shared_ptr<Backbone> backbone;
    std::shared_ptr<Fpn> neck;
    std::shared_ptr<RetinaHead> head;
};
TORCH_MODULE(ObjDet);

class ObjDetModel : public Detector {
public:
    explicit ObjDetModel(const DetectorSpec &spec) : Detector(spec), m_net(spec) { useChannelsLast(*m_net); }
    DetectorOutput forward(const at::Tensor &input) override { return m_net->forward(input); }
    std::vector<at::Tensor> parameters() override { return m_net->parameters(); }
    void setTraining(bool training) override { m_net->train(training); }
    void save(std::ostream &out) override { torch::save(m_net, out); }
    void load(const std::string &path) override
    {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        torch::serialize::InputArchive part;
        if (archive.try_read("neck", part)) {
            m_net->load(archive);
        } else {
            // Saved before the backbone, neck and head were modules of their own: the neck's and the
            // head's layers sat beside the backbone, under the same names.
            archive.read("backbone", part);
            m_net->backbone->load(part);
            for (torch::nn::Module *module : {static_cast<torch::nn::Module *>(m_net->neck.get()),
                                              static_cast<torch::nn::Module *>(m_net->head.get())})
                for (const auto &child : module->named_children()) {
                    torch::serialize::InputArchive a;
                    archive.read(child.key(), a);
                    child.value()->load(a);
                }
        }
        useChannelsLast(*m_net);
    }
    LayerGraph layers() const override { return m_net->layers(); }
    torch::nn::Module &module() override { return *m_net; }

protected:
    void moveTo(const at::Device &device) override { moveModule(*m_net, device); }

private:
    ObjDet m_net;
};

} // namespace

void Detector::to(const at::Device &device)
{
    moveTo(device);
    m_device = device;
    m_anchors.clear();
}

at::Tensor Detector::anchors(int64_t height, int64_t width)
{
    auto it = m_anchors.find({height, width});
    if (it == m_anchors.end())
        it = m_anchors.emplace(std::make_pair(height, width), makeAnchors(m_spec, height, width).to(m_device)).first;
    return it->second;
}

DetectionLoss Detector::loss(const DetectorOutput &output, const at::Tensor &input,
                             const std::vector<at::Tensor> &boxes, const std::vector<at::Tensor> &labels,
                             const at::Tensor &classWeights)
{
    return detectionLoss(output, anchors(input.size(2), input.size(3)), boxes, labels, m_spec.positiveIou,
                         m_spec.negativeIou, classWeights);
}

std::vector<ImageDetections> Detector::detect(const DetectorOutput &output, const at::Tensor &input,
                                              const std::vector<std::pair<int, int>> &imageSizes,
                                              const DetectOptions &options)
{
    const at::Tensor a = anchors(input.size(2), input.size(3));
    std::vector<ImageDetections> out;
    for (size_t i = 0; i < imageSizes.size(); ++i)
        out.push_back(postprocess(output.logits[int64_t(i)], output.deltas[int64_t(i)], a, options.scoreThreshold,
                                  options.iouThreshold, options.maxBoxes, imageSizes[i].first, imageSizes[i].second));
    return out;
}

std::unique_ptr<Detector> makeDetector(const DetectorSpec &spec)
{
    return std::make_unique<ObjDetModel>(spec);
}

at::Tensor makeAnchors(const DetectorSpec &spec, int64_t height, int64_t width)
{
    std::vector<float> data;
    for (size_t l = 0; l < spec.strides.size(); ++l) {
        const int s = spec.strides[l];
        const int64_t h = (height + s - 1) / s, w = (width + s - 1) / s;
        for (int64_t y = 0; y < h; ++y)
            for (int64_t x = 0; x < w; ++x) {
                const double cx = (x + 0.5) * s, cy = (y + 0.5) * s;
                for (double ratio : spec.ratios)
                    for (double scale : spec.scales) {
                        // ratio = height / width at constant area size^2 * scale^2
                        const double side = spec.sizes[l] * scale;
                        const double aw = side / std::sqrt(ratio), ah = side * std::sqrt(ratio);
                        data.insert(data.end(),
                                    {float(cx - aw / 2), float(cy - ah / 2), float(cx + aw / 2), float(cy + ah / 2)});
                    }
            }
    }
    return torch::from_blob(data.data(), {int64_t(data.size() / 4), 4}, torch::kFloat).clone();
}

} // namespace visor::nn
