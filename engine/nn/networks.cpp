// The network components by name and the one place networks are built from parameters.

#include "components.h"
#include "modules_p.h"
#include "project/parameters.h"

#include <QSet>

namespace visor::nn {

ClassifierSpec classifierSpec(const ParameterSet &p, int classes)
{
    ClassifierSpec s;
    s.classes = classes;
    s.channels = p.toInt(QStringLiteral("input.channels"));
    s.depth = p.toInt(QStringLiteral("classifier.depth"));
    s.width = p.toInt(QStringLiteral("classifier.width"));
    s.preprocessing = p.toString(QStringLiteral("classifier.preprocessing")) == QLatin1String("tf")
                          ? Preprocessing::Tf
                          : Preprocessing::Caffe;
    return s;
}

DetectorSpec detectorSpec(const ParameterSet &p, int classes)
{
    DetectorSpec s;
    s.classes = classes;
    s.channels = p.toInt(QStringLiteral("input.channels"));
    s.width = p.toInt(QStringLiteral("detector.width"));
    s.backbone = p.toString(QStringLiteral("detector.backbone")).toStdString();
    s.preprocessing = p.toString(QStringLiteral("detector.preprocessing")) == QLatin1String("tf")
                          ? Preprocessing::Tf
                          : Preprocessing::Caffe;
    s.sizes.clear();
    s.strides.clear();
    for (double v : p.toList(QStringLiteral("anchors.sizes")))
        s.sizes.push_back(int(v));
    for (double v : p.toList(QStringLiteral("anchors.strides")))
        s.strides.push_back(int(v));
    s.ratios = p.toList(QStringLiteral("anchors.ratios"));
    s.scales = p.toList(QStringLiteral("anchors.scales"));
    if (const BackboneInfo *b = backboneRegistry().find(QString::fromStdString(s.backbone)))
        for (const ParamSpec &spec : b->parameters)
            s.backboneValues.insert(spec.key, p.value(spec.key));
    s.positiveIou = p.toDouble(QStringLiteral("detector.positive_iou"));
    s.negativeIou = p.toDouble(QStringLiteral("detector.negative_iou"));
    return s;
}

namespace {

const NetworkInfo &component(const ParameterSet &p, const char *key, DatasetKind kind)
{
    const QString name = p.toString(QLatin1String(key));
    const NetworkInfo *info = networkRegistry().find(name);
    QStringList known;
    for (const NetworkInfo *n : networkRegistry().all())
        if (n->kind == kind)
            known << n->key;
    if (!info || info->kind != kind)
        throw Error(QCoreApplication::translate("visor::Networks", "%1: '%2' is not a %3 network; known: %4")
                        .arg(QLatin1String(key), name, kindKey(kind), known.join(QStringLiteral(", "))));
    return *info;
}

std::vector<NetworkInfo> builtinNetworks()
{
    NetworkInfo cnn;
    cnn.key = QStringLiteral("class_cnn");
    cnn.description = {"visor::Networks",
                       QT_TRANSLATE_NOOP("visor::Networks", "Convolution stages with batch normalisation and max "
                                                            "pooling, global average pooling, a linear layer")};
    cnn.kind = DatasetKind::Classification;
    cnn.makeClassifier = [](const ParameterSet &p, int classes) { return makeClassifier(classifierSpec(p, classes)); };
    NetworkInfo objdet;
    objdet.key = QStringLiteral("objdet");
    objdet.description = {"visor::Networks",
                          QT_TRANSLATE_NOOP("visor::Networks", "Single-stage anchor-based detector (RetinaNet): a "
                                                               "backbone, a feature pyramid, a shared head")};
    objdet.kind = DatasetKind::ObjectDetection;
    objdet.makeDetector = [](const ParameterSet &p, int classes) { return makeDetector(detectorSpec(p, classes)); };
    return {cnn, objdet};
}

// The parameter contract's view of these registries: the component and backbone choices are what
// the registries hold (the contract's lists, and what plugins loaded before the first use of the
// parameters add), and a part's own parameters join the contract's in its kind's group, so that the
// parameter editor shows them with the others ("detector.mynet_depth"). One that would replace a
// parameter already there, or sits outside its group, is left out with a warning.
void extendParameters(std::vector<ParamSpec> &specs)
{
    QStringList classifiers, detectors;
    for (const NetworkInfo *n : networkRegistry().all())
        (n->kind == DatasetKind::Classification ? classifiers : detectors) << n->key;
    for (ParamSpec &s : specs) {
        if (s.key == QLatin1String("classifier.component"))
            s.choices = classifiers;
        else if (s.key == QLatin1String("detector.component"))
            s.choices = detectors;
        else if (s.key == QLatin1String("detector.backbone"))
            s.choices = backboneRegistry().keys();
    }
    QSet<QString> keys;
    for (const ParamSpec &s : specs)
        keys.insert(s.key);
    const auto addOwn = [&](const QString &part, const std::vector<ParamSpec> &own, const QString &group) {
        for (const ParamSpec &spec : own) {
            if (keys.contains(spec.key) || spec.group() != group) {
                qWarning("visor: %s: parameter %s left out (already defined, or not in the %s group)", qPrintable(part),
                         qPrintable(spec.key), qPrintable(group));
                continue;
            }
            keys.insert(spec.key);
            specs.push_back(spec);
        }
    };
    for (const NetworkInfo *n : networkRegistry().all())
        addOwn(QStringLiteral("network ") + n->key, n->parameters,
               n->kind == DatasetKind::Classification ? QStringLiteral("classifier") : QStringLiteral("detector"));
    for (const BackboneInfo *b : backboneRegistry().all())
        addOwn(QStringLiteral("backbone ") + b->key, b->parameters, QStringLiteral("detector"));
}

// Installed when the engine library loads (its static initialisers run before main()).
const bool kParametersExtended = (parameterExtension() = &extendParameters, true);

} // namespace

std::unique_ptr<Model> buildClassifier(const ParameterSet &p, int classes)
{
    return component(p, "classifier.component", DatasetKind::Classification).makeClassifier(p, classes);
}

std::unique_ptr<Detector> buildDetector(const ParameterSet &p, int classes)
{
    return component(p, "detector.component", DatasetKind::ObjectDetection).makeDetector(p, classes);
}

} // namespace visor::nn

namespace visor {

Registry<NetworkInfo> &networkRegistry()
{
    static Registry<NetworkInfo> registry(
        {"visor::Registry", QT_TRANSLATE_NOOP("visor::Registry", "network component")}, &nn::builtinNetworks);
    return registry;
}

} // namespace visor
