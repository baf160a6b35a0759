// The detector's backbones, built from scratch (no pretrained weights exist here, so every
// convolution is followed by a normalisation), registered by name in backboneRegistry().

#include "components.h"
#include "modules_p.h"

#include <stdexcept>

namespace visor::nn {

using torch::nn::BatchNorm2d;
using torch::nn::Conv2d;
using torch::nn::Conv2dOptions;

Block convBnRelu(int in, int out, int kernel, int stride, int groups)
{
    return Block(Conv2d(Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).groups(groups).bias(false)),
                 BatchNorm2d(out), torch::nn::ReLU(torch::nn::ReLUOptions().inplace(true)));
}

namespace {

// ---- VGG (with BatchNorm). -1 is a 2x2 max pooling; C3..C5 follow the third to fifth pooling.
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
    std::array<int, 3> listFeatures(LayerGraph &g, int v, const std::string &name) const override
    {
        std::array<int, 3> out{};
        int pools = 0, i = 0;
        for (const auto &m : layers->children()) {
            v = listModule(g, *m, v, name + ".layers." + std::to_string(i++));
            if (m->as<torch::nn::MaxPool2d>() && ++pools >= 3)
                out[size_t(pools - 3)] = v;
        }
        return out;
    }
    torch::nn::Sequential layers;
};

// ---- ResNet (He et al. 2016).
struct ResBlock : torch::nn::Module, Listed {
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
    int list(LayerGraph &g, int input, const std::string &name) const override
    {
        const int identity = shortcut.is_empty() ? input : listModule(g, *shortcut, input, name + ".shortcut");
        const int body_ = listModule(g, *body, input, name + ".body");
        return addLayer(g, name + ".relu", "Relu", {addLayer(g, name + ".add", "Add", {body_, identity})});
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
    std::array<int, 3> listFeatures(LayerGraph &g, int v, const std::string &name) const override
    {
        v = listModule(g, *stem, v, name + ".stem");
        std::array<int, 3> out{};
        for (size_t l = 0; l < 4; ++l) {
            v = listModule(g, *stages[l], v, name + "." + stageNames[l]);
            if (l >= 1)
                out[l - 1] = v;
        }
        return out;
    }
    void addStage(const std::string &stageName, torch::nn::Sequential stage)
    {
        stages.push_back(register_module(stageName, stage));
        stageNames.push_back(stageName);
    }
    torch::nn::Sequential stem{nullptr};
    std::vector<torch::nn::Sequential> stages;
    std::vector<std::string> stageNames;
};

torch::nn::Sequential stemOf(int inChannels)
{
    return torch::nn::Sequential(convBnRelu(inChannels, 64, 7, 2),
                                 torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(3).stride(2).padding(1)));
}

struct ResNet : StagedBackbone {
    ResNet(const std::array<int, 4> &blocks, bool bottleneck, int inChannels)
    {
        stem = register_module("stem", stemOf(inChannels));
        int in = 64;
        for (int l = 0; l < 4; ++l) {
            torch::nn::Sequential layer;
            const int planes = 64 << l;
            for (int b = 0; b < blocks[size_t(l)]; ++b) {
                layer->push_back(std::make_shared<ResBlock>(in, planes, b == 0 && l > 0 ? 2 : 1, bottleneck));
                in = bottleneck ? planes * 4 : planes;
            }
            addStage("layer" + std::to_string(l + 1), layer);
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
    // C3 after block 5 (stride 8, 256 channels), C4 after block 11 (stride 16, 512), C5 the last.
    static constexpr size_t kC3 = 5, kC4 = 11;
    std::array<torch::Tensor, 3> features(torch::Tensor x) override
    {
        std::array<torch::Tensor, 3> out;
        size_t index = 0;
        for (auto &m : *layers) {
            x = m.forward(x);
            if (index == kC3)
                out[0] = x;
            else if (index == kC4)
                out[1] = x;
            ++index;
        }
        out[2] = x;
        return out;
    }
    std::array<int, 3> listFeatures(LayerGraph &g, int v, const std::string &name) const override
    {
        std::array<int, 3> out{};
        size_t index = 0;
        for (const auto &m : layers->children()) {
            v = listModule(g, *m, v, name + ".layers." + std::to_string(index));
            if (index == kC3)
                out[0] = v;
            else if (index == kC4)
                out[1] = v;
            ++index;
        }
        out[2] = v;
        return out;
    }
    torch::nn::Sequential layers;
};

// ---- DenseNet (Huang et al. 2017), growth 32, bottleneck 4x, compression 0.5.
struct DenseLayer : torch::nn::Module, Listed {
    DenseLayer(int in, int growth)
    {
        body = register_module(
            "body", torch::nn::Sequential(BatchNorm2d(in), torch::nn::ReLU(),
                                          Conv2d(Conv2dOptions(in, 4 * growth, 1).bias(false)), BatchNorm2d(4 * growth),
                                          torch::nn::ReLU(),
                                          Conv2d(Conv2dOptions(4 * growth, growth, 3).padding(1).bias(false))));
    }
    torch::Tensor forward(torch::Tensor x) { return torch::cat({x, body->forward(x)}, 1); }
    int list(LayerGraph &g, int input, const std::string &name) const override
    {
        const int grown = listModule(g, *body, input, name + ".body");
        return addLayer(g, name + ".concat", "Concat", {input, grown}, {{"axis", {1}}});
    }
    torch::nn::Sequential body{nullptr};
};

struct DenseNet : StagedBackbone {
    DenseNet(const std::array<int, 4> &blocks, int inChannels)
    {
        const int growth = 32;
        stem = register_module("stem", stemOf(inChannels));
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
            addStage("block" + std::to_string(b + 1), stage);
            if (b >= 1)
                channels[size_t(b - 1)] = in;
        }
    }
};

std::vector<BackboneInfo> builtinBackbones()
{
    const int M = -1;
    using Make = std::function<std::shared_ptr<Backbone>(int, const QJsonObject &)>;
    const auto resnet = [](std::array<int, 4> blocks, bool bottleneck) -> Make {
        return [=](int c, const QJsonObject &) { return std::make_shared<ResNet>(blocks, bottleneck, c); };
    };
    const auto densenet = [](std::array<int, 4> blocks) -> Make {
        return [=](int c, const QJsonObject &) { return std::make_shared<DenseNet>(blocks, c); };
    };
    const Make mobilenet = [](int c, const QJsonObject &) { return std::make_shared<MobileNet>(c); };
    return {
        {QStringLiteral("vgg7"),
         {"visor::Backbones",
          QT_TRANSLATE_NOOP("visor::Backbones", "VGG, 7 convolutions up to 256 features: small and fast, the default")},
         [=](int c, const QJsonObject &) {
             return std::make_shared<Vgg>(std::vector<int>{32, M, 64, M, 128, 128, M, 256, 256, M, 256, M}, c);
         },
         {}},
        {QStringLiteral("vgg16"),
         {"visor::Backbones",
          QT_TRANSLATE_NOOP("visor::Backbones", "VGG-16 with batch normalisation (Simonyan and Zisserman 2014)")},
         [=](int c, const QJsonObject &) {
             return std::make_shared<Vgg>(
                 std::vector<int>{64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M}, c);
         },
         {}},
        {QStringLiteral("vgg19"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "VGG-19 with batch normalisation")},
         [=](int c, const QJsonObject &) {
             return std::make_shared<Vgg>(std::vector<int>{64,  64,  M,   128, 128, M,   256, 256, 256, 256, M,
                                                           512, 512, 512, 512, M,   512, 512, 512, 512, M},
                                          c);
         },
         {}},
        {QStringLiteral("resnet18"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "ResNet-18 (He et al. 2016), basic blocks")},
         resnet({2, 2, 2, 2}, false),
         {}},
        {QStringLiteral("resnet34"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "ResNet-34, basic blocks")},
         resnet({3, 4, 6, 3}, false),
         {}},
        {QStringLiteral("resnet50"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "ResNet-50, bottleneck blocks")},
         resnet({3, 4, 6, 3}, true),
         {}},
        {QStringLiteral("resnet101"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "ResNet-101, bottleneck blocks")},
         resnet({3, 4, 23, 3}, true),
         {}},
        {QStringLiteral("resnet152"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "ResNet-152, bottleneck blocks")},
         resnet({3, 8, 36, 3}, true),
         {}},
        // The number is the Keras input-size variant of MobileNet v1; the layers are the same.
        {QStringLiteral("mobilenet128"),
         {"visor::Backbones",
          QT_TRANSLATE_NOOP("visor::Backbones", "MobileNet v1 (Howard et al. 2017), depthwise-separable")},
         mobilenet,
         {}},
        {QStringLiteral("mobilenet160"),
         {"visor::Backbones",
          QT_TRANSLATE_NOOP("visor::Backbones", "MobileNet v1, the 160-pixel variant (same layers)")},
         mobilenet,
         {}},
        {QStringLiteral("mobilenet192"),
         {"visor::Backbones",
          QT_TRANSLATE_NOOP("visor::Backbones", "MobileNet v1, the 192-pixel variant (same layers)")},
         mobilenet,
         {}},
        {QStringLiteral("mobilenet224"),
         {"visor::Backbones",
          QT_TRANSLATE_NOOP("visor::Backbones", "MobileNet v1, the 224-pixel variant (same layers)")},
         mobilenet,
         {}},
        {QStringLiteral("densenet121"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "DenseNet-121 (Huang et al. 2017), growth 32")},
         densenet({6, 12, 24, 16}),
         {}},
        {QStringLiteral("densenet169"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "DenseNet-169, growth 32")},
         densenet({6, 12, 32, 32}),
         {}},
        {QStringLiteral("densenet201"),
         {"visor::Backbones", QT_TRANSLATE_NOOP("visor::Backbones", "DenseNet-201, growth 32")},
         densenet({6, 12, 48, 32}),
         {}},
    };
}

} // namespace

std::shared_ptr<Backbone> makeBackbone(const std::string &name, int inChannels, const QJsonObject &values)
{
    const BackboneInfo *info = backboneRegistry().find(QString::fromStdString(name));
    if (!info)
        throw std::invalid_argument("detector.backbone: unknown backbone '" + name +
                                    "'; known: " + backboneRegistry().keys().join(QStringLiteral(", ")).toStdString());
    return info->make(inChannels, values);
}

} // namespace visor::nn

namespace visor {

Registry<BackboneInfo> &backboneRegistry()
{
    static Registry<BackboneInfo> registry({"visor::Registry", QT_TRANSLATE_NOOP("visor::Registry", "backbone")},
                                           &nn::builtinBackbones);
    return registry;
}

} // namespace visor
