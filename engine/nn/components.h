#pragma once
/// Network parts by name (the registry mechanism of project/registry.h), without LibTorch: the network
/// components and the detector's backbones. The contract's `*.component` and `detector.backbone`
/// choices (so the parameter editor and `visor-cli params list`) come from what these registries hold;
/// plugins add to them.

#include "project/parameters.h"
#include "project/registry.h"

#include <QJsonObject>
#include <functional>
#include <memory>

namespace visor::nn {
struct Backbone; // nn/modules_p.h
}

namespace visor {

struct BackboneInfo {
    QString key; // "resnet18"
    RegisteredText description;
    /// A new backbone for images of `inChannels` channels (1 grey, 3 colour), randomly initialised;
    /// `values` holds its own parameters (below) as the project sets them.
    std::function<std::shared_ptr<nn::Backbone>(int inChannels, const QJsonObject &values)> make;
    /// Its own parameters, in the detector's group ("detector.tinyresnet_width"): they join the
    /// contract's like a network component's.
    std::vector<ParamSpec> parameters;
};

/// The backbones, built-in ones first (vgg7 ... densenet201, the contract's list).
Registry<BackboneInfo> &backboneRegistry();

} // namespace visor

namespace visor::nn {
class Model;
class Detector;
} // namespace visor::nn

namespace visor {

/// A network component: what `classifier.component` or `detector.component` names.
struct NetworkInfo {
    QString key; // "class_cnn", "objdet"
    RegisteredText description;
    DatasetKind kind = DatasetKind::Classification;
    /// Its own parameters, with bounds and defaults, in its kind's group ("detector.mynet_depth" or
    /// "classifier.mynet_depth"): they join the contract's in the parameter editor, `visor-cli params`
    /// and validation (when the component is registered before the parameters are first used).
    std::vector<ParamSpec> parameters;
    /// Exactly one of these, by kind: a new randomly initialised network for `classes` classes, built
    /// from the parameter set (throws Error or std::invalid_argument naming a parameter it refuses).
    std::function<std::unique_ptr<nn::Model>(const ParameterSet &, int classes)> makeClassifier;
    std::function<std::unique_ptr<nn::Detector>(const ParameterSet &, int classes)> makeDetector;
};

/// The network components, built-in ones first (class_cnn, objdet).
Registry<NetworkInfo> &networkRegistry();

} // namespace visor
