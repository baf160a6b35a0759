#pragma once
/// Synthetic data set generators by name (the registry mechanism of project/registry.h): each renders
/// seeded, reproducible samples from its own parameters; generate() stores them in a project, marked
/// with their source ("synth:<name>"). `visor-cli synth --generator NAME` lists and runs what the
/// registry holds; plugins add generators to it.

#include "project/parameters.h"
#include "project/project.h"
#include "project/registry.h"

#include <QJsonObject>
#include <functional>
#include <opencv2/core.hpp>

namespace visor::synth {

/// One generated image: boxes with their class names (detection) or a class name (classification).
struct GeneratedSample {
    cv::Mat image; // BGR, 8-bit
    std::vector<std::pair<QString, cv::Rect2f>> boxes;
    QString label;
};

struct GeneratorInfo {
    QString key; // "shapes"
    RegisteredText description;
    std::vector<DatasetKind> kinds; // the project kinds it can fill
    /// Its own parameters ("shapes.width", ...), with bounds and defaults, checked as the contract's are.
    std::vector<ParamSpec> parameters;
    /// What the parameters' own bounds cannot say ("max_objects below min_objects"): a message, or empty.
    QString (*check)(const QJsonObject &values) = nullptr;
    /// The classes it draws from, in order (created in the project in this order).
    QStringList (*classes)(const QJsonObject &values) = nullptr;
    /// Sample `index` of the sequence of `seed`: the same arguments always give the same sample.
    GeneratedSample (*render)(DatasetKind kind, const QJsonObject &values, quint64 seed, int index) = nullptr;
};

/// The generators, built-in ones first ("shapes").
Registry<GeneratorInfo> &generatorRegistry();

/// The generator's parameters with their defaults, overridden by `texts` (key → command-line text).
/// Throws Error naming the parameter for an unknown key or a bad value.
QJsonObject generatorValues(const GeneratorInfo &generator, const std::map<QString, QString> &texts = {});

/// Renders `count` samples of `generator` (seeded), stores them as PNG in the project and adds them in
/// one transaction with their splits; the examples' source is "synth:<key>". Returns the ids added.
/// Throws Error when the project's kind is not one the generator fills, or `count` is below 1.
/// `progress(done, total)` is called per image; when it returns false nothing is stored and the result
/// is empty.
std::vector<qint64> generate(Project &project, const GeneratorInfo &generator, int count, quint64 seed,
                             const QJsonObject &values, const std::function<bool(int, int)> &progress = {});

} // namespace visor::synth
