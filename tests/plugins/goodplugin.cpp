// A test plugin that registers a backbone, a network component with its own parameter and a
// generator, as a user's plugin would.
#include "nn/components.h"
#include "nn/modules_p.h"
#include "plugins/plugin.h"
#include "synth/generator.h"

#include <QObject>
#include <opencv2/imgproc.hpp>
#include <random>

namespace {

// Three strided conv-BN-ReLU stages after a stem: C3, C4, C5 at strides 8, 16, 32.
struct TinyBackbone : visor::nn::Backbone {
    TinyBackbone(int in, int width)
    {
        stem = register_module("stem", visor::nn::convBnRelu(in, width, 3, 4));
        int from = width;
        for (int i = 0; i < 3; ++i) {
            stages.push_back(
                register_module("stage" + std::to_string(i), visor::nn::convBnRelu(from, (2 * width) << i, 3, 2)));
            channels[size_t(i)] = from = (2 * width) << i;
        }
    }
    std::array<torch::Tensor, 3> features(torch::Tensor x) override
    {
        x = stem->forward(x);
        std::array<torch::Tensor, 3> out;
        for (size_t i = 0; i < 3; ++i)
            out[i] = x = stages[i]->forward(x);
        return out;
    }
    std::array<int, 3> listFeatures(visor::nn::LayerGraph &g, int v, const std::string &name) const override
    {
        v = visor::nn::listModule(g, *stem, v, name + ".stem");
        std::array<int, 3> out{};
        for (size_t i = 0; i < 3; ++i)
            out[i] = v = visor::nn::listModule(g, *stages[i], v, name + ".stage" + std::to_string(i));
        return out;
    }
    visor::nn::Block stem{nullptr};
    std::vector<visor::nn::Block> stages;
};

QStringList stripeClasses(const QJsonObject &)
{
    return {QStringLiteral("horizontal"), QStringLiteral("vertical")};
}

// One patch of stripes per image on a grey background; its class is the stripes' direction.
visor::synth::GeneratedSample renderStripes(visor::DatasetKind kind, const QJsonObject &values, quint64 seed, int index)
{
    std::mt19937_64 rng(seed * 7919 + quint64(index));
    const int side = values.value(QStringLiteral("test_stripes.size")).toInt(64);
    visor::synth::GeneratedSample s;
    s.image = cv::Mat(side, side, CV_8UC3, cv::Scalar(128, 128, 128));
    const int cls = int(rng() % 2), w = side / 2, x = int(rng() % quint64(side - w)),
              y = int(rng() % quint64(side - w));
    for (int k = 0; k < w; k += 4)
        cv::rectangle(s.image, cls ? cv::Rect(x + k, y, 2, w) : cv::Rect(x, y + k, w, 2), cv::Scalar(20, 20, 20),
                      cv::FILLED);
    const QString name = stripeClasses({})[cls];
    if (kind == visor::DatasetKind::Classification)
        s.label = name;
    else
        s.boxes.push_back({name, cv::Rect2f(float(x), float(y), float(w), float(w))});
    return s;
}

} // namespace

class GoodPlugin : public QObject, public visor::Plugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VISOR_PLUGIN_IID FILE "goodplugin.json")
    Q_INTERFACES(visor::Plugin)
public:
    void registerEntries() override
    {
        // A backbone with a parameter of its own (its width), which reaches its factory.
        visor::backboneRegistry().add(
            {QStringLiteral("test_tiny"),
             {"visor::TestPlugin", "three strided convolutions (a test plugin)"},
             [](int channels, const QJsonObject &values) {
                 return std::make_shared<TinyBackbone>(
                     channels, values.value(QStringLiteral("detector.test_tiny_width")).toInt(8));
             },
             {visor::intParam("detector.test_tiny_width", 8, 4, 64, "Width of the test backbone")}});
        // A network component with a parameter of its own: objdet with a head as wide as 8 x depth.
        visor::NetworkInfo net;
        net.key = QStringLiteral("test_net");
        net.description = {"visor::TestPlugin", "objdet with its own width rule (a test plugin)"};
        net.kind = visor::DatasetKind::ObjectDetection;
        net.parameters = {visor::intParam("detector.test_net_depth", 2, 1, 4, "Depth of the test network")};
        net.makeDetector = [](const visor::ParameterSet &p, int classes) {
            visor::nn::DetectorSpec spec = visor::nn::detectorSpec(p, classes);
            spec.width = 8 * p.toInt(QStringLiteral("detector.test_net_depth"));
            return visor::nn::makeDetector(spec);
        };
        visor::networkRegistry().add(net);
        visor::synth::GeneratorInfo g;
        g.key = QStringLiteral("test_stripes");
        g.description = {"visor::TestPlugin", "a patch of horizontal or vertical stripes (a test plugin)"};
        g.kinds = {visor::DatasetKind::ObjectDetection, visor::DatasetKind::Classification};
        g.parameters = {visor::intParam("test_stripes.size", 64, 32, 256, "Image side")};
        g.classes = stripeClasses;
        g.render = renderStripes;
        visor::synth::generatorRegistry().add(g);
    }
};

#include "goodplugin.moc"
