// objdet: backbone + feature pyramid + shared head (RetinaNet, Lin et al. 2017), built from scratch:
// there are no pretrained weights here, so every convolution is followed by a normalisation.

#include "model_p.h"

#include <cmath>
#include <stdexcept>
#include <torch/torch.h>

namespace visor::nn {
namespace {

using torch::nn::BatchNorm2d;
using torch::nn::Conv2d;
using torch::nn::Conv2dOptions;

// A Sequential with a plain forward, so that Sequentials can nest.
struct BlockImpl : torch::nn::SequentialImpl {
    using SequentialImpl::SequentialImpl;
    torch::Tensor forward(torch::Tensor x) { return SequentialImpl::forward(x); }
};
TORCH_MODULE(Block);

Block convBnRelu(int in, int out, int kernel, int stride = 1, int groups = 1)
{
    return Block(Conv2d(Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).groups(groups).bias(false)),
                 BatchNorm2d(out), torch::nn::ReLU(torch::nn::ReLUOptions().inplace(true)));
}

/// A backbone gives the features at strides 8, 16 and 32 (C3, C4, C5).
struct Backbone : torch::nn::Module {
    virtual std::array<torch::Tensor, 3> features(torch::Tensor x) = 0;
    std::array<int, 3> channels{};
};

// ---- VGG (with BatchNorm). -1 is a 2x2 max pooling.
struct Vgg : Backbone {
    explicit Vgg(const std::vector<int> &config, int inChannels)
    {
        int in = inChannels, pools = 0;
        for (int c : config) {
            if (c < 0) {
                layers->push_back(torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2).ceil_mode(true)));
                if (++pools >= 3)
                    channels[size_t(pools - 3)] = in;
            } else {
                layers->push_back(convBnRelu(in, c, 3));
                in = c;
            }
        }
        register_module("layers", layers);
    }
    std::array<torch::Tensor, 3> features(torch::Tensor x) override
    {
        std::array<torch::Tensor, 3> out;
        int pools = 0;
        for (auto &m : *layers) {
            x = m.forward(x);
            if (m.ptr()->as<torch::nn::MaxPool2d>() && ++pools >= 3)
                out[size_t(pools - 3)] = x;
        }
        return out;
    }
    torch::nn::Sequential layers;
};

// ---- ResNet (He et al. 2016).
struct ResBlock : torch::nn::Module {
    ResBlock(int in, int planes, int stride, bool bottleneck)
    {
        const int out = bottleneck ? planes * 4 : planes;
        if (bottleneck) {
            body = torch::nn::Sequential(convBnRelu(in, planes, 1), convBnRelu(planes, planes, 3, stride),
                                         Conv2d(Conv2dOptions(planes, out, 1).bias(false)), BatchNorm2d(out));
        } else {
            body =
                torch::nn::Sequential(convBnRelu(in, planes, 3, stride),
                                      Conv2d(Conv2dOptions(planes, out, 3).padding(1).bias(false)), BatchNorm2d(out));
        }
        register_module("body", body);
        if (stride != 1 || in != out)
            shortcut = register_module(
                "shortcut",
                torch::nn::Sequential(Conv2d(Conv2dOptions(in, out, 1).stride(stride).bias(false)), BatchNorm2d(out)));
    }
    torch::Tensor forward(torch::Tensor x)
    {
        torch::Tensor identity = shortcut.is_empty() ? x : shortcut->forward(x);
        return torch::relu(body->forward(x) + identity);
    }
    torch::nn::Sequential body{nullptr}, shortcut{nullptr};
};

// A stem and four stages at strides 4, 8, 16, 32 (ResNet, DenseNet): C3..C5 are the last three stages.
struct StagedBackbone : Backbone {
    std::array<torch::Tensor, 3> features(torch::Tensor x) override
    {
        x = stem->forward(x);
        std::array<torch::Tensor, 3> out;
        for (size_t l = 0; l < 4; ++l) {
            x = stages[l]->forward(x);
            if (l >= 1)
                out[l - 1] = x;
        }
        return out;
    }
    torch::nn::Sequential stem{nullptr};
    std::vector<torch::nn::Sequential> stages;
};

struct ResNet : StagedBackbone {
    ResNet(const std::array<int, 4> &blocks, bool bottleneck, int inChannels)
    {
        stem = register_module(
            "stem", torch::nn::Sequential(convBnRelu(inChannels, 64, 7, 2),
                                          torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(3).stride(2).padding(1))));
        int in = 64;
        for (int l = 0; l < 4; ++l) {
            torch::nn::Sequential layer;
            const int planes = 64 << l;
            for (int b = 0; b < blocks[size_t(l)]; ++b) {
                layer->push_back(std::make_shared<ResBlock>(in, planes, b == 0 && l > 0 ? 2 : 1, bottleneck));
                in = bottleneck ? planes * 4 : planes;
            }
            stages.push_back(register_module("layer" + std::to_string(l + 1), layer));
            if (l >= 1)
                channels[size_t(l - 1)] = in;
        }
    }
};

// ---- MobileNet v1 (Howard et al. 2017): depthwise-separable convolutions.
struct MobileNet : Backbone {
    explicit MobileNet(int inChannels)
    {
        // (output channels, stride) of each depthwise-separable block after the stem.
        const std::vector<std::pair<int, int>> blocks = {{64, 1},  {128, 2},  {128, 1}, {256, 2}, {256, 1},
                                                         {512, 2}, {512, 1},  {512, 1}, {512, 1}, {512, 1},
                                                         {512, 1}, {1024, 2}, {1024, 1}};
        layers->push_back(convBnRelu(inChannels, 32, 3, 2));
        int in = 32;
        for (const auto &[out, stride] : blocks) {
            layers->push_back(Block(convBnRelu(in, in, 3, stride, in), convBnRelu(in, out, 1)));
            in = out;
        }
        register_module("layers", layers);
        channels = {256, 512, 1024};
    }
    std::array<torch::Tensor, 3> features(torch::Tensor x) override
    {
        std::array<torch::Tensor, 3> out;
        int index = 0;
        for (auto &m : *layers) {
            x = m.forward(x);
            if (index == 5)
                out[0] = x; // stride 8, 256 channels
            else if (index == 11)
                out[1] = x; // stride 16, 512
            ++index;
        }
        out[2] = x; // stride 32, 1024
        return out;
    }
    torch::nn::Sequential layers;
};

// ---- DenseNet (Huang et al. 2017), growth 32, bottleneck 4x, compression 0.5.
struct DenseLayer : torch::nn::Module {
    DenseLayer(int in, int growth)
    {
        body = register_module(
            "body", torch::nn::Sequential(BatchNorm2d(in), torch::nn::ReLU(),
                                          Conv2d(Conv2dOptions(in, 4 * growth, 1).bias(false)), BatchNorm2d(4 * growth),
                                          torch::nn::ReLU(),
                                          Conv2d(Conv2dOptions(4 * growth, growth, 3).padding(1).bias(false))));
    }
    torch::Tensor forward(torch::Tensor x) { return torch::cat({x, body->forward(x)}, 1); }
    torch::nn::Sequential body{nullptr};
};

struct DenseNet : StagedBackbone {
    DenseNet(const std::array<int, 4> &blocks, int inChannels)
    {
        const int growth = 32;
        stem = register_module(
            "stem", torch::nn::Sequential(convBnRelu(inChannels, 64, 7, 2),
                                          torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(3).stride(2).padding(1))));
        int in = 64;
        for (int b = 0; b < 4; ++b) {
            torch::nn::Sequential stage;
            if (b > 0) { // transition: halve channels and resolution
                stage->push_back(BatchNorm2d(in));
                stage->push_back(torch::nn::ReLU());
                stage->push_back(Conv2d(Conv2dOptions(in, in / 2, 1).bias(false)));
                stage->push_back(torch::nn::AvgPool2d(torch::nn::AvgPool2dOptions(2).ceil_mode(true)));
                in /= 2;
            }
            for (int l = 0; l < blocks[size_t(b)]; ++l) {
                stage->push_back(std::make_shared<DenseLayer>(in, growth));
                in += growth;
            }
            if (b == 3) {
                stage->push_back(BatchNorm2d(in));
                stage->push_back(torch::nn::ReLU());
            }
            stages.push_back(register_module("block" + std::to_string(b + 1), stage));
            if (b >= 1)
                channels[size_t(b - 1)] = in;
        }
    }
};

std::shared_ptr<Backbone> makeBackbone(const std::string &name, int channels)
{
    const int M = -1;
    if (name == "vgg7")
        return std::make_shared<Vgg>(std::vector<int>{32, M, 64, M, 128, 128, M, 256, 256, M, 256, M}, channels);
    if (name == "vgg16")
        return std::make_shared<Vgg>(
            std::vector<int>{64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M}, channels);
    if (name == "vgg19")
        return std::make_shared<Vgg>(std::vector<int>{64,  64,  M,   128, 128, M,   256, 256, 256, 256, M,
                                                      512, 512, 512, 512, M,   512, 512, 512, 512, M},
                                     channels);
    if (name == "resnet18")
        return std::make_shared<ResNet>(std::array<int, 4>{2, 2, 2, 2}, false, channels);
    if (name == "resnet34")
        return std::make_shared<ResNet>(std::array<int, 4>{3, 4, 6, 3}, false, channels);
    if (name == "resnet50")
        return std::make_shared<ResNet>(std::array<int, 4>{3, 4, 6, 3}, true, channels);
    if (name == "resnet101")
        return std::make_shared<ResNet>(std::array<int, 4>{3, 4, 23, 3}, true, channels);
    if (name == "resnet152")
        return std::make_shared<ResNet>(std::array<int, 4>{3, 8, 36, 3}, true, channels);
    if (name.rfind("mobilenet", 0) == 0)
        return std::make_shared<MobileNet>(channels);
    if (name == "densenet121")
        return std::make_shared<DenseNet>(std::array<int, 4>{6, 12, 24, 16}, channels);
    if (name == "densenet169")
        return std::make_shared<DenseNet>(std::array<int, 4>{6, 12, 32, 32}, channels);
    if (name == "densenet201")
        return std::make_shared<DenseNet>(std::array<int, 4>{6, 12, 48, 32}, channels);
    throw std::invalid_argument("detector.backbone: unknown backbone '" + name + "'");
}

int groupsFor(int channels)
{
    for (int g : {32, 16, 8, 4, 2})
        if (channels % g == 0 && channels / g >= 2)
            return g;
    return 1;
}

struct ObjDetImpl : torch::nn::Module {
    explicit ObjDetImpl(const DetectorSpec &s) : spec(s)
    {
        for (size_t i = 0; i < s.strides.size(); ++i) {
            const int st = s.strides[i];
            if (st < 8 || st > 128 || (st & (st - 1)) != 0 || (i > 0 && st != 2 * s.strides[i - 1]))
                throw std::invalid_argument("anchors.strides: each stride must double the previous one, within 8..128");
        }
        if (s.sizes.size() != s.strides.size())
            throw std::invalid_argument("anchors.sizes: one size per stride is needed");
        backbone = register_module("backbone", makeBackbone(s.backbone, s.channels));
        const int F = s.width;
        for (int l = 0; l < 3; ++l) {
            lateral.push_back(register_module("lateral" + std::to_string(l),
                                              Conv2d(Conv2dOptions(backbone->channels[size_t(l)], F, 1))));
            smooth.push_back(register_module("smooth" + std::to_string(l), Conv2d(Conv2dOptions(F, F, 3).padding(1))));
        }
        p6 = register_module("p6", Conv2d(Conv2dOptions(backbone->channels[2], F, 3).stride(2).padding(1)));
        p7 = register_module("p7", Conv2d(Conv2dOptions(F, F, 3).stride(2).padding(1)));
        const int A = s.anchorsPerLocation();
        auto tower = [&](const std::string &name) {
            torch::nn::Sequential t;
            for (int i = 0; i < 2; ++i) {
                t->push_back(Conv2d(Conv2dOptions(F, F, 3).padding(1)));
                t->push_back(torch::nn::GroupNorm(torch::nn::GroupNormOptions(groupsFor(F), F)));
                t->push_back(torch::nn::ReLU());
            }
            return register_module(name, t);
        };
        clsTower = tower("cls_tower");
        boxTower = tower("box_tower");
        clsOut = register_module("cls_out", Conv2d(Conv2dOptions(F, A * s.classes, 3).padding(1)));
        boxOut = register_module("box_out", Conv2d(Conv2dOptions(F, A * 4, 3).padding(1)));
        for (auto &m : modules(false))
            if (auto *conv = m->as<torch::nn::Conv2d>()) {
                torch::nn::init::normal_(conv->weight, 0, 0.01);
                if (conv->bias.defined())
                    torch::nn::init::zeros_(conv->bias);
            }
        // The focal-loss prior: every anchor starts as background with probability 0.99.
        torch::nn::init::constant_(clsOut->bias, -std::log((1 - 0.01) / 0.01));
    }

    DetectorOutput forward(torch::Tensor x)
    {
        const auto c = backbone->features(x);
        std::array<torch::Tensor, 3> p;
        p[2] = lateral[2]->forward(c[2]);
        p[1] = lateral[1]->forward(c[1]) + torch::upsample_nearest2d(p[2], {c[1].size(2), c[1].size(3)});
        p[0] = lateral[0]->forward(c[0]) + torch::upsample_nearest2d(p[1], {c[0].size(2), c[0].size(3)});
        std::vector<torch::Tensor> levels;
        torch::Tensor p6v;
        for (int st : spec.strides) {
            if (st <= 32) {
                const size_t i = size_t(std::log2(st)) - 3;
                levels.push_back(smooth[i]->forward(p[i]));
            } else if (st == 64) {
                p6v = p6->forward(c[2]);
                levels.push_back(p6v);
            } else {
                if (!p6v.defined())
                    p6v = p6->forward(c[2]);
                levels.push_back(p7->forward(torch::relu(p6v)));
            }
        }
        const int64_t n = x.size(0), K = spec.classes;
        std::vector<torch::Tensor> logits, deltas;
        for (const torch::Tensor &f : levels) {
            // (N, A*K, h, w) -> (N, h, w, A*K) -> (N, h*w*A, K): row, column, anchor.
            logits.push_back(clsOut->forward(clsTower->forward(f)).permute({0, 2, 3, 1}).reshape({n, -1, K}));
            deltas.push_back(boxOut->forward(boxTower->forward(f)).permute({0, 2, 3, 1}).reshape({n, -1, 4}));
        }
        return {torch::cat(logits, 1), torch::cat(deltas, 1)};
    }

    DetectorSpec spec;
    std::shared_ptr<Backbone> backbone;
    std::vector<Conv2d> lateral, smooth;
    Conv2d p6{nullptr}, p7{nullptr}, clsOut{nullptr}, boxOut{nullptr};
    torch::nn::Sequential clsTower{nullptr}, boxTower{nullptr};
};
TORCH_MODULE(ObjDet);

class DetectorModel : public Detector {
public:
    explicit DetectorModel(const DetectorSpec &spec) : m_net(spec) { useChannelsLast(*m_net); }
    DetectorOutput forward(const at::Tensor &input) override { return m_net->forward(input); }
    std::vector<at::Tensor> parameters() override { return m_net->parameters(); }
    void setTraining(bool training) override { m_net->train(training); }
    void to(const at::Device &device) override { moveModule(*m_net, device); }
    void save(std::ostream &out) override { torch::save(m_net, out); }
    void load(const std::string &path) override { loadModule(*m_net, path); }

private:
    ObjDet m_net;
};

} // namespace

std::unique_ptr<Detector> makeDetector(const DetectorSpec &spec)
{
    return std::make_unique<DetectorModel>(spec);
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
