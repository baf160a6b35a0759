// tinyresnet: a small ResNet-like backbone as a Visor plugin. A backbone gives three feature maps at
// strides 8, 16 and 32 (C3, C4, C5) and lists its layers in execution order, so that the ONNX writer
// and the layer-listing test can walk it like the built-in ones.
#include <visor/nn/components.h>
#include <visor/nn/modules_p.h>
#include <visor/plugins/plugin.h>

#include <QObject>

namespace {

using torch::nn::BatchNorm2d;
using torch::nn::Conv2d;
using torch::nn::Conv2dOptions;

struct Residual : torch::nn::Module, visor::nn::Listed {
    Residual(int in, int out, int stride)
    {
        body = register_module("body", torch::nn::Sequential(visor::nn::convBnRelu(in, out, 3, stride),
                                                             Conv2d(Conv2dOptions(out, out, 3).padding(1).bias(false)),
                                                             BatchNorm2d(out)));
        if (stride != 1 || in != out)
            shortcut = register_module(
                "shortcut",
                torch::nn::Sequential(Conv2d(Conv2dOptions(in, out, 1).stride(stride).bias(false)), BatchNorm2d(out)));
    }
    torch::Tensor forward(torch::Tensor x)
    {
        return torch::relu(body->forward(x) + (shortcut.is_empty() ? x : shortcut->forward(x)));
    }
    int list(visor::nn::LayerGraph &g, int input, const std::string &name) const override
    {
        const int identity =
            shortcut.is_empty() ? input : visor::nn::listModule(g, *shortcut, input, name + ".shortcut");
        const int body_ = visor::nn::listModule(g, *body, input, name + ".body");
        return visor::nn::addLayer(g, name + ".relu", "Relu",
                                   {visor::nn::addLayer(g, name + ".add", "Add", {body_, identity})});
    }
    torch::nn::Sequential body{nullptr}, shortcut{nullptr};
};

struct TinyResNet : visor::nn::Backbone {
    TinyResNet(int inChannels, int width)
    {
        // Stem to stride 4, then stages at strides 8, 16, 32 of width, 2 x width and 4 x width features.
        stem = register_module("stem", torch::nn::Sequential(visor::nn::convBnRelu(inChannels, width / 2, 3, 2),
                                                             visor::nn::convBnRelu(width / 2, width, 3, 2)));
        int in = width;
        for (int s = 0; s < 3; ++s) {
            const int out = width << s;
            torch::nn::Sequential stage(std::make_shared<Residual>(in, out, 2),
                                        std::make_shared<Residual>(out, out, 1));
            stages.push_back(register_module("stage" + std::to_string(s + 1), stage));
            channels[size_t(s)] = in = out;
        }
    }
    std::array<torch::Tensor, 3> features(torch::Tensor x) override
    {
        x = stem->forward(x);
        std::array<torch::Tensor, 3> out;
        for (size_t s = 0; s < 3; ++s)
            out[s] = x = stages[s]->forward(x);
        return out;
    }
    std::array<int, 3> listFeatures(visor::nn::LayerGraph &g, int v, const std::string &name) const override
    {
        v = visor::nn::listModule(g, *stem, v, name + ".stem");
        std::array<int, 3> out{};
        for (size_t s = 0; s < 3; ++s)
            out[s] = v = visor::nn::listModule(g, *stages[s], v, name + ".stage" + std::to_string(s + 1));
        return out;
    }
    torch::nn::Sequential stem{nullptr};
    std::vector<torch::nn::Sequential> stages;
};

} // namespace

class TinyResNetPlugin : public QObject, public visor::Plugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VISOR_PLUGIN_IID FILE "tinyresnet.json")
    Q_INTERFACES(visor::Plugin)
public:
    void registerEntries() override
    {
        // Its own parameter, in the detector's group: the parameter editor and `visor-cli params` show it.
        visor::backboneRegistry().add(
            {QStringLiteral("tinyresnet"),
             {"tinyresnet", "a small ResNet: three stages of two residual blocks"},
             [](int channels, const QJsonObject &values) {
                 return std::make_shared<TinyResNet>(
                     channels, values.value(QStringLiteral("detector.tinyresnet_width")).toInt(32));
             },
             {visor::intParam("detector.tinyresnet_width", 32, 8, 256, "Features of the first stage")}});
    }
};

#include "tinyresnet.moc"
