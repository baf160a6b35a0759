#include "parameters.h"

#include "types.h"

#include <QJsonArray>
#include <cmath>
#include <limits>

namespace visor {

ParamSpec intParam(const char *key, int def, std::optional<int> lo, std::optional<int> hi, const char *label)
{
    ParamSpec s;
    s.key = QString::fromLatin1(key);
    s.type = ParamType::Int;
    s.hasMin = lo.has_value();
    s.hasMax = hi.has_value();
    s.min = lo.value_or(0);
    s.max = hi.value_or(0);
    s.defaultValue = def;
    s.label = QString::fromUtf8(label);
    return s;
}

namespace {

// Builders for the table below, which transcribes shared/spec/PARAMETERS.md row by row.
ParamSpec numP(const char *key, double def, std::optional<double> lo, std::optional<double> hi, const char *label)
{
    ParamSpec s = intParam(key, 0, std::nullopt, std::nullopt, label);
    s.type = ParamType::Number;
    s.hasMin = lo.has_value();
    s.hasMax = hi.has_value();
    s.min = lo.value_or(0);
    s.max = hi.value_or(0);
    s.defaultValue = def;
    return s;
}

ParamSpec boolP(const char *key, bool def, const char *label)
{
    ParamSpec s = intParam(key, 0, std::nullopt, std::nullopt, label);
    s.type = ParamType::Bool;
    s.defaultValue = def;
    return s;
}

ParamSpec choiceP(const char *key, const char *def, const char *choices, const char *label)
{
    ParamSpec s = intParam(key, 0, std::nullopt, std::nullopt, label);
    s.type = ParamType::Choice;
    s.choices = QString::fromLatin1(choices).split(QLatin1Char(','));
    s.defaultValue = QString::fromLatin1(def);
    return s;
}

ParamSpec numChoiceP(const char *key, int def, const char *choices, const char *label)
{
    ParamSpec s = choiceP(key, "", choices, label);
    s.numericChoice = true;
    s.defaultValue = def;
    return s;
}

ParamSpec pairP(const char *key, double lo, double hi, double defLo, double defHi, const char *label)
{
    ParamSpec s = numP(key, 0, lo, hi, label);
    s.type = ParamType::RangePair;
    s.defaultValue = QJsonArray{defLo, defHi};
    return s;
}

ParamSpec listP(const char *key, ParamType type, QJsonArray def, const char *label)
{
    ParamSpec s = intParam(key, 0, std::nullopt, std::nullopt, label);
    s.type = type;
    s.defaultValue = def;
    return s;
}

ParamSpec prob(const char *key, double def, const char *label)
{
    return numP(key, def, 0.0, 1.0, label);
}

const char *kMonitors = "val_loss,loss,accuracy,val_accuracy,map,val_map";

std::vector<ParamSpec> buildTable()
{
    std::vector<ParamSpec> t = {
        // Training
        intParam("train.epochs", 5, 1, 200, QT_TRANSLATE_NOOP("visor::Parameters", "Epochs")),
        intParam("train.steps_per_epoch", 100, 50, 2000, QT_TRANSLATE_NOOP("visor::Parameters", "Steps per epoch")),
        intParam("train.batch_size", 10, 1, 64, QT_TRANSLATE_NOOP("visor::Parameters", "Batch size")),
        numP("train.val_fraction", 0.1, 0.01, 0.9, QT_TRANSLATE_NOOP("visor::Parameters", "Validation fraction")),
        numP("train.test_fraction", 0.1, 0.01, 0.9, QT_TRANSLATE_NOOP("visor::Parameters", "Test fraction")),
        numP("train.confidence_threshold", 0.6, 0.05, 1.0,
             QT_TRANSLATE_NOOP("visor::Parameters", "Confidence threshold")),
        numP("train.iou_threshold", 0.45, 0.05, 1.0, QT_TRANSLATE_NOOP("visor::Parameters", "NMS IoU threshold")),
        intParam("train.max_boxes", 30, 1, 300, QT_TRANSLATE_NOOP("visor::Parameters", "Maximum boxes per image")),
        numP("train.box_expansion", 0.0, 0.0, 2.0, QT_TRANSLATE_NOOP("visor::Parameters", "Box expansion")),
        // Input resolution
        intParam("input.min_side", 50, 20, 800, QT_TRANSLATE_NOOP("visor::Parameters", "Shorter side")),
        intParam("input.max_side", 80, 20, 1000, QT_TRANSLATE_NOOP("visor::Parameters", "Longer side limit")),
        numChoiceP("input.channels", 1, "1,3", QT_TRANSLATE_NOOP("visor::Parameters", "Channels")),
        // Optimizer (Adam)
        numP("optimizer.learning_rate", 0.001, 1e-6, 0.1, QT_TRANSLATE_NOOP("visor::Parameters", "Learning rate")),
        numP("optimizer.beta_1", 0.9, 0.1, 1.0, QT_TRANSLATE_NOOP("visor::Parameters", "Beta 1")),
        numP("optimizer.beta_2", 0.999, 0.1, 1.0, QT_TRANSLATE_NOOP("visor::Parameters", "Beta 2")),
        boolP("optimizer.amsgrad", false, QT_TRANSLATE_NOOP("visor::Parameters", "AMSGrad")),
        // Early stopping
        intParam("early_stopping.patience", 5, 1, std::nullopt, QT_TRANSLATE_NOOP("visor::Parameters", "Patience")),
        choiceP("early_stopping.monitor", "val_loss", kMonitors,
                QT_TRANSLATE_NOOP("visor::Parameters", "Monitored quantity")),
        numP("early_stopping.min_delta", 0.01, 0.0, std::nullopt,
             QT_TRANSLATE_NOOP("visor::Parameters", "Minimum change")),
        choiceP("early_stopping.mode", "min", "min,max,auto", QT_TRANSLATE_NOOP("visor::Parameters", "Mode")),
        // Reduce learning rate on plateau
        intParam("reduce_lr.patience", 4, 1, std::nullopt, QT_TRANSLATE_NOOP("visor::Parameters", "Patience")),
        choiceP("reduce_lr.monitor", "val_loss", kMonitors,
                QT_TRANSLATE_NOOP("visor::Parameters", "Monitored quantity")),
        numP("reduce_lr.min_delta", 0.01, 0.0, std::nullopt, QT_TRANSLATE_NOOP("visor::Parameters", "Minimum change")),
        numP("reduce_lr.factor", 0.5, 0.1, 0.9, QT_TRANSLATE_NOOP("visor::Parameters", "Factor")),
        numP("reduce_lr.cooldown", 0, 0.0, 1e6, QT_TRANSLATE_NOOP("visor::Parameters", "Cooldown (epochs)")),
        // Checkpoint
        choiceP("checkpoint.monitor", "val_loss", kMonitors,
                QT_TRANSLATE_NOOP("visor::Parameters", "Monitored quantity")),
        choiceP("checkpoint.mode", "min", "min,max,auto", QT_TRANSLATE_NOOP("visor::Parameters", "Mode")),
        // Network, classification
        // The choices of the components and backbones come from their registries (nn/components.h).
        choiceP("classifier.component", "class_cnn", "", QT_TRANSLATE_NOOP("visor::Parameters", "Network")),
        intParam("classifier.depth", 3, 1, 10, QT_TRANSLATE_NOOP("visor::Parameters", "Depth")),
        intParam("classifier.width", 20, 5, 128, QT_TRANSLATE_NOOP("visor::Parameters", "Width")),
        choiceP("classifier.preprocessing", "caffe", "caffe,tf",
                QT_TRANSLATE_NOOP("visor::Parameters", "Preprocessing")),
        choiceP("classifier.loss", "categorical_crossentropy", "categorical_crossentropy,binary_crossentropy",
                QT_TRANSLATE_NOOP("visor::Parameters", "Loss")),
        listP("classifier.metrics", ParamType::StringList, QJsonArray{QStringLiteral("accuracy")},
              QT_TRANSLATE_NOOP("visor::Parameters", "Metrics")),
        choiceP("classifier.optimizer", "adam", "adam", QT_TRANSLATE_NOOP("visor::Parameters", "Optimizer")),
        // Network, object detection
        choiceP("detector.component", "objdet", "", QT_TRANSLATE_NOOP("visor::Parameters", "Network")),
        intParam("detector.width", 20, 5, 128, QT_TRANSLATE_NOOP("visor::Parameters", "Head width")),
        choiceP("detector.backbone", "vgg7", "", QT_TRANSLATE_NOOP("visor::Parameters", "Backbone")),
        choiceP("detector.preprocessing", "caffe", "caffe,tf", QT_TRANSLATE_NOOP("visor::Parameters", "Preprocessing")),
        numP("detector.negative_iou", 0.3, 0.05, 1.0, QT_TRANSLATE_NOOP("visor::Parameters", "Negative IoU")),
        numP("detector.positive_iou", 0.45, 0.05, 1.0, QT_TRANSLATE_NOOP("visor::Parameters", "Positive IoU")),
        // Anchors
        listP("anchors.sizes", ParamType::IntList, QJsonArray{12, 24, 48, 96, 192},
              QT_TRANSLATE_NOOP("visor::Parameters", "Anchor sizes")),
        listP("anchors.strides", ParamType::IntList, QJsonArray{8, 16, 32, 64, 128},
              QT_TRANSLATE_NOOP("visor::Parameters", "Anchor strides")),
        listP("anchors.ratios", ParamType::NumberList, QJsonArray{0.5, 1, 2},
              QT_TRANSLATE_NOOP("visor::Parameters", "Anchor ratios")),
        listP("anchors.scales", ParamType::NumberList, QJsonArray{1, 1.2, 1.5},
              QT_TRANSLATE_NOOP("visor::Parameters", "Anchor scales")),
        // Data augmentation
        choiceP("augment.interpolation", "linear", "linear,nearest,cubic,area,lanczos4",
                QT_TRANSLATE_NOOP("visor::Parameters", "Interpolation")),
        choiceP("augment.fill_mode", "constant", "constant,nearest,reflect,wrap",
                QT_TRANSLATE_NOOP("visor::Parameters", "Fill mode")),
        intParam("augment.border_value", 0, 0, 255, QT_TRANSLATE_NOOP("visor::Parameters", "Border value")),
        prob("augment.rotate.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Rotate probability")),
        pairP("augment.rotate.degrees", -90, 90, -20, 20, QT_TRANSLATE_NOOP("visor::Parameters", "Rotation (degrees)")),
        boolP("augment.rotate.resize", true, QT_TRANSLATE_NOOP("visor::Parameters", "Enlarge canvas")),
        prob("augment.translate.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Translate probability")),
        pairP("augment.translate.horizontal", -0.4, 0.4, -0.2, 0.2,
              QT_TRANSLATE_NOOP("visor::Parameters", "Horizontal shift")),
        pairP("augment.translate.vertical", -0.4, 0.4, -0.2, 0.2,
              QT_TRANSLATE_NOOP("visor::Parameters", "Vertical shift")),
        intParam("augment.translate.attempts", 3, 1, 6, QT_TRANSLATE_NOOP("visor::Parameters", "Attempts")),
        prob("augment.shear.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Shear probability")),
        pairP("augment.shear.degrees", -60, 60, -10, 10, QT_TRANSLATE_NOOP("visor::Parameters", "Shear (degrees)")),
        prob("augment.scale.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Scale probability")),
        pairP("augment.scale.factor", 0.4, 1.6, 0.8, 1.2, QT_TRANSLATE_NOOP("visor::Parameters", "Scale factor")),
        prob("augment.flip.horizontal_probability", 0.3,
             QT_TRANSLATE_NOOP("visor::Parameters", "Horizontal flip probability")),
        prob("augment.flip.vertical_probability", 0.3,
             QT_TRANSLATE_NOOP("visor::Parameters", "Vertical flip probability")),
        prob("augment.contrast.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Contrast probability")),
        pairP("augment.contrast.factor", 0.4, 2, 0.8, 1.2, QT_TRANSLATE_NOOP("visor::Parameters", "Contrast factor")),
        prob("augment.brightness.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Brightness probability")),
        pairP("augment.brightness.delta", -0.6, 0.6, -0.2, 0.3,
              QT_TRANSLATE_NOOP("visor::Parameters", "Brightness delta")),
        prob("augment.gamma.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Gamma probability")),
        pairP("augment.gamma.gamma", 0.1, 12, 0.4, 1.6, QT_TRANSLATE_NOOP("visor::Parameters", "Gamma")),
        prob("augment.saturation.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Saturation probability")),
        pairP("augment.saturation.factor", 0.1, 2, 0.5, 1.5,
              QT_TRANSLATE_NOOP("visor::Parameters", "Saturation factor")),
        prob("augment.hue.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Hue probability")),
        pairP("augment.hue.shift", -1, 1, -0.05, 0.05, QT_TRANSLATE_NOOP("visor::Parameters", "Hue shift")),
        prob("augment.noise.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Noise probability")),
        choiceP("augment.noise.method", "gauss", "gauss,poisson,speckle",
                QT_TRANSLATE_NOOP("visor::Parameters", "Noise method")),
        prob("augment.blur.probability", 0.3, QT_TRANSLATE_NOOP("visor::Parameters", "Blur probability")),
        numChoiceP("augment.blur.kernel", 5, "3,5,7,9", QT_TRANSLATE_NOOP("visor::Parameters", "Blur kernel")),
        // Visor's own: how training treats imbalanced classes (not in the spec table; the advisor proposes it).
        choiceP("train.class_balance", "none", "none,sampling,loss_weights",
                QT_TRANSLATE_NOOP("visor::Parameters", "Class balance")),
        numP("train.time_limit", 0.0, 0.0, 10080.0, QT_TRANSLATE_NOOP("visor::Parameters", "Time limit (minutes)")),
        // Visor's own import limit: an image above it is refused from its header, before it is decoded.
        numP("import.max_megapixels", 100.0, 0.01, 1000.0,
             QT_TRANSLATE_NOOP("visor::Parameters", "Largest image to import (megapixels)")),
        // Visor's own data set health thresholds (not in the spec table; the spec asks for a
        // configurable imbalance ratio and names the other thresholds in its rules).
        numP("health.imbalance_ratio", 3.0, 1.0, 1000.0,
             QT_TRANSLATE_NOOP("visor::Parameters", "Imbalance warning ratio")),
        intParam("health.min_box_pixels", 8, 1, 100,
                 QT_TRANSLATE_NOOP("visor::Parameters", "Smallest box side after resizing (px)")),
        numP("health.large_box_fraction", 0.9, 0.1, 1.0,
             QT_TRANSLATE_NOOP("visor::Parameters", "Largest box share of the image")),
        intParam("health.near_duplicate_distance", 4, 0, 16,
                 QT_TRANSLATE_NOOP("visor::Parameters", "Near-duplicate distance (bits of 64)")),
    };
    t.back().help = QString::fromUtf8(
        QT_TRANSLATE_NOOP("visor::Parameters", "Hamming distance between the 64-bit difference hashes of two images"));
    for (ParamSpec &s : t)
        if (s.key == QLatin1String("optimizer.beta_1") || s.key == QLatin1String("optimizer.beta_2"))
            s.maxExclusive = true; // the contract's 1.0 is out of Adam's domain: LibTorch refuses beta >= 1
        else if (s.key == QLatin1String("train.class_balance"))
            s.help = QString::fromUtf8(QT_TRANSLATE_NOOP(
                "visor::Parameters",
                "none: examples as they come; sampling: examples of rare classes are drawn more often; "
                "loss_weights: each class's loss is weighted by its inverse frequency"));
        else if (s.key == QLatin1String("import.max_megapixels"))
            s.help = QString::fromUtf8(QT_TRANSLATE_NOOP(
                "visor::Parameters",
                "an image with more pixels is refused from its header, before it is decoded (a 30000x30000 "
                "image would take 2.7 GB of memory); 1000 at most, the limit of the image decoders"));
        else if (s.key == QLatin1String("train.time_limit"))
            s.help = QString::fromUtf8(QT_TRANSLATE_NOOP(
                "visor::Parameters",
                "0: none; otherwise no epoch starts unless it and the final test are predicted to end within it"));
    return t;
}

QString num(double v)
{
    return QString::number(v, 'g', 10);
}

} // namespace

QString ParamSpec::rangeText() const
{
    auto bounds = [this]() -> QString {
        if (hasMin && hasMax)
            return num(min) + (maxExclusive ? QStringLiteral("..<") : QStringLiteral("..")) + num(max);
        if (hasMin)
            return QStringLiteral(">= ") + num(min);
        if (hasMax)
            return QStringLiteral("<= ") + num(max);
        return {};
    };
    switch (type) {
    case ParamType::Int:
        return ParameterRegistry::tr("int %1").arg(bounds()).trimmed();
    case ParamType::Number:
        return ParameterRegistry::tr("number %1").arg(bounds()).trimmed();
    case ParamType::Bool:
        return ParameterRegistry::tr("bool");
    case ParamType::Choice:
        return ParameterRegistry::tr("choice %1").arg(choices.join(QStringLiteral(", ")));
    case ParamType::RangePair:
        return ParameterRegistry::tr("range pair within %1").arg(bounds());
    case ParamType::IntList:
        return ParameterRegistry::tr("list of positive int");
    case ParamType::NumberList:
        return ParameterRegistry::tr("list of positive number");
    case ParamType::StringList:
        return ParameterRegistry::tr("list of %1").arg(choices.join(QStringLiteral(", ")));
    }
    return {};
}

const ParameterRegistry &ParameterRegistry::instance()
{
    static const ParameterRegistry registry;
    return registry;
}

ParameterRegistry::ParameterRegistry() : m_specs(buildTable())
{
    // StringList choices: the metrics list may only hold "accuracy".
    for (auto &s : m_specs)
        if (s.type == ParamType::StringList)
            s.choices = QStringList{QStringLiteral("accuracy")};
    // The parts registered by name (nn/networks.cpp): the networks' and backbones' choices and their own
    // parameters. Without them (the store alone, as the fuzz targets build it) each such choice is its
    // default.
    if (parameterExtension())
        parameterExtension()(m_specs);
    for (auto &s : m_specs)
        if (s.type == ParamType::Choice && s.choices == QStringList{QString()})
            s.choices = QStringList{s.defaultValue.toString()};
    for (size_t i = 0; i < m_specs.size(); ++i)
        m_index[m_specs[i].key] = i;
}

ParameterExtension &parameterExtension()
{
    static ParameterExtension extension = nullptr;
    return extension;
}

const ParamSpec *ParameterRegistry::find(const QString &key) const
{
    auto it = m_index.find(key);
    return it == m_index.end() ? nullptr : &m_specs[it->second];
}

QString ParameterRegistry::validate(const QString &key, const QJsonValue &value) const
{
    const ParamSpec *s = find(key);
    if (!s)
        return tr("unknown parameter '%1'").arg(key);
    return validate(*s, value);
}

QString ParameterRegistry::validate(const ParamSpec &spec, const QJsonValue &value)
{
    const ParamSpec *s = &spec;
    const QString &key = spec.key;
    const QString range = s->rangeText();
    auto bad = [&](const QString &what) { return tr("parameter %1: %2 (allowed: %3)").arg(key, what, range); };
    auto checkBounds = [&](double v) -> QString {
        if (!std::isfinite(v))
            return bad(tr("value is not a finite number"));
        if (s->hasMin && v < s->min)
            return bad(tr("%1 is below the minimum %2").arg(num(v), num(s->min)));
        if (s->hasMax && v > s->max)
            return bad(tr("%1 is above the maximum %2").arg(num(v), num(s->max)));
        if (s->hasMax && s->maxExclusive && v >= s->max)
            return bad(tr("%1 must be below %2").arg(num(v), num(s->max)));
        return {};
    };
    switch (s->type) {
    case ParamType::Int: {
        if (!value.isDouble())
            return bad(tr("expected an integer"));
        const double v = value.toDouble();
        if (v != std::floor(v))
            return bad(tr("%1 is not an integer").arg(num(v)));
        // Integers are stored and used as 32-bit ints: a larger value would silently become 0.
        if (std::abs(v) > double(std::numeric_limits<qint32>::max()))
            return bad(tr("%1 is above the largest integer, %2").arg(num(v)).arg(std::numeric_limits<qint32>::max()));
        return checkBounds(v);
    }
    case ParamType::Number:
        if (!value.isDouble())
            return bad(tr("expected a number"));
        return checkBounds(value.toDouble());
    case ParamType::Bool:
        return value.isBool() ? QString() : bad(tr("expected true or false"));
    case ParamType::Choice: {
        QString text;
        if (s->numericChoice && value.isDouble())
            text = num(value.toDouble());
        else if (!s->numericChoice && value.isString())
            text = value.toString();
        else
            return bad(s->numericChoice ? tr("expected a number") : tr("expected a name"));
        return s->choices.contains(text) ? QString() : bad(tr("'%1' is not one of the choices").arg(text));
    }
    case ParamType::RangePair: {
        const QJsonArray a = value.toArray();
        if (!value.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
            return bad(tr("expected a pair lo..hi"));
        if (a[0].toDouble() > a[1].toDouble())
            return bad(tr("lower end %1 is above upper end %2").arg(num(a[0].toDouble()), num(a[1].toDouble())));
        for (const auto &v : a)
            if (QString e = checkBounds(v.toDouble()); !e.isEmpty())
                return e;
        return {};
    }
    case ParamType::IntList:
    case ParamType::NumberList: {
        if (!value.isArray() || value.toArray().isEmpty())
            return bad(tr("expected a non-empty list"));
        for (const auto &v : value.toArray()) {
            if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() <= 0)
                return bad(tr("every item must be a positive number"));
            if (s->type == ParamType::IntList && v.toDouble() != std::floor(v.toDouble()))
                return bad(tr("%1 is not an integer").arg(num(v.toDouble())));
        }
        return {};
    }
    case ParamType::StringList:
        if (!value.isArray())
            return bad(tr("expected a list"));
        for (const auto &v : value.toArray())
            if (!s->choices.contains(v.toString()))
                return bad(tr("'%1' is not one of the choices").arg(v.toString()));
        return {};
    }
    return {};
}

QString ParameterRegistry::parse(const QString &key, const QString &rawText, QJsonValue *out) const
{
    const ParamSpec *s = find(key);
    if (!s)
        return QStringLiteral("unknown parameter '%1'").arg(key);
    return parse(*s, rawText, out);
}

QString ParameterRegistry::parse(const ParamSpec &spec, const QString &rawText, QJsonValue *out)
{
    const ParamSpec *s = &spec;
    const QString &key = spec.key;
    const QString text = rawText.trimmed();
    auto toNum = [&](const QString &t, bool *ok) { return t.trimmed().toDouble(ok); };
    bool ok = true;
    QJsonValue v;
    switch (s->type) {
    case ParamType::Int:
    case ParamType::Number:
        v = toNum(text, &ok);
        break;
    case ParamType::Bool: {
        const QString t = text.toLower();
        if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes") ||
            t == QLatin1String("on"))
            v = true;
        else if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no") ||
                 t == QLatin1String("off"))
            v = false;
        else
            ok = false;
        break;
    }
    case ParamType::Choice:
        v = s->numericChoice ? QJsonValue(toNum(text, &ok)) : QJsonValue(text);
        break;
    case ParamType::RangePair: {
        QStringList parts =
            text.contains(QLatin1String("..")) ? text.split(QStringLiteral("..")) : text.split(QLatin1Char(','));
        if (parts.size() != 2) {
            ok = false;
            break;
        }
        bool ok1 = false, ok2 = false;
        v = QJsonArray{toNum(parts[0], &ok1), toNum(parts[1], &ok2)};
        ok = ok1 && ok2;
        break;
    }
    case ParamType::IntList:
    case ParamType::NumberList:
    case ParamType::StringList: {
        QString body = text;
        if (body.startsWith(QLatin1Char('[')) && body.endsWith(QLatin1Char(']')))
            body = body.mid(1, body.size() - 2);
        QJsonArray a;
        for (const QString &part : body.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (s->type == ParamType::StringList) {
                a.append(part.trimmed());
            } else {
                bool itemOk = false;
                a.append(toNum(part, &itemOk));
                ok = ok && itemOk;
            }
        }
        v = a;
        break;
    }
    }
    if (!ok)
        return QStringLiteral("parameter %1: cannot read '%2' as %3").arg(key, rawText, s->rangeText());
    if (QString e = validate(*s, v); !e.isEmpty())
        return e;
    *out = v;
    return {};
}

QString ParameterRegistry::format(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return num(value.toDouble());
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        QStringList parts;
        for (const auto &item : a)
            parts << format(item);
        return parts.join(QLatin1Char(','));
    }
    return {};
}

ParameterSet::ParameterSet()
{
    for (const auto &s : ParameterRegistry::instance().all())
        m_values[s.key] = s.defaultValue;
}

void ParameterSet::set(const QString &key, const QJsonValue &value)
{
    if (QString e = ParameterRegistry::instance().validate(key, value); !e.isEmpty())
        throw Error(e);
    m_values[key] = value;
}

QJsonValue ParameterSet::value(const QString &key) const
{
    auto it = m_values.find(key);
    if (it == m_values.end())
        throw Error(QStringLiteral("unknown parameter '%1'").arg(key));
    return it->second;
}

QString ParameterSet::toString(const QString &key) const
{
    return ParameterRegistry::format(value(key));
}

std::pair<double, double> ParameterSet::toPair(const QString &key) const
{
    const QJsonArray a = value(key).toArray();
    return {a.at(0).toDouble(), a.at(1).toDouble()};
}

std::vector<double> ParameterSet::toList(const QString &key) const
{
    std::vector<double> out;
    for (const auto &v : value(key).toArray())
        out.push_back(v.toDouble());
    return out;
}

QStringList ParameterSet::changedKeys() const
{
    QStringList keys;
    for (const auto &s : ParameterRegistry::instance().all())
        if (value(s.key) != s.defaultValue)
            keys << s.key;
    return keys;
}

QJsonObject ParameterSet::toJson() const
{
    QJsonObject o;
    for (const auto &[k, v] : m_values)
        o.insert(k, v);
    return o;
}

ParameterSet ParameterSet::fromJson(const QJsonObject &object, QStringList *errors)
{
    ParameterSet set;
    for (auto it = object.begin(); it != object.end(); ++it) {
        try {
            set.set(it.key(), it.value());
        } catch (const Error &e) {
            if (errors)
                errors->append(e.message());
        }
    }
    return set;
}

} // namespace visor
