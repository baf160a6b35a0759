#pragma once
/// The typed registry of every parameter in shared/spec/PARAMETERS.md, and a validated set of values.

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace visor {

enum class ParamType {
    Int,    // integer with optional bounds
    Number, // real number with optional bounds
    Bool,
    Choice,     // one of `choices` (strings; numeric choices such as "1","3" are written as numbers)
    RangePair,  // [lo, hi] with min <= lo <= hi <= max
    IntList,    // list of positive integers
    NumberList, // list of positive numbers
    StringList, // list of strings drawn from `choices`
};

/// One row of the parameter contract: key, type, bounds, default, label.
struct ParamSpec {
    QString key; // "train.epochs"
    ParamType type = ParamType::Number;
    bool hasMin = false, hasMax = false;
    bool maxExclusive = false; // the value must stay below max (Adam's betas: LibTorch refuses 1)
    double min = 0, max = 0;
    QStringList choices;
    bool numericChoice = false; // choices are numbers ("1", "3")
    QJsonValue defaultValue;
    QString label; // English; the GUI translates it
    QString help;

    QString group() const { return key.section(QLatin1Char('.'), 0, 0); }
    /// "int 1..200", "number >= 0", "choice linear, nearest", ... for tooltips and messages.
    QString rangeText() const;
};

/// An integer parameter with optional bounds: the contract's table uses it, and so do the generators'
/// and components' own parameters.
ParamSpec intParam(const char *key, int def, std::optional<int> lo, std::optional<int> hi, const char *label);

/// What the contract's table cannot hold: the choices of the parts registered by name and their own
/// parameters. nn/networks.cpp installs it when the engine loads, before anything reads the
/// parameters; the project store alone (the fuzz targets) has none.
using ParameterExtension = void (*)(std::vector<ParamSpec> &specs);
ParameterExtension &parameterExtension();

/// All parameters of the product. Immutable, built once.
class ParameterRegistry {
    Q_DECLARE_TR_FUNCTIONS(visor::ParameterRegistry) // messages follow the window's language; visor-cli's are English
public:
    static const ParameterRegistry &instance();

    const std::vector<ParamSpec> &all() const { return m_specs; }
    const ParamSpec *find(const QString &key) const;

    /// Empty when `value` is valid for `key`; otherwise a message naming the key and the violated bound.
    QString validate(const QString &key, const QJsonValue &value) const;
    /// Parses command-line text ("0.5", "true", "-20..20", "12,24,48") into a value of the key's type.
    /// Returns an error message (naming the key) or an empty string; the value is validated too.
    QString parse(const QString &key, const QString &text, QJsonValue *out) const;
    /// The same for a parameter that is not the contract's (a generator's or a component's own).
    static QString validate(const ParamSpec &spec, const QJsonValue &value);
    static QString parse(const ParamSpec &spec, const QString &text, QJsonValue *out);
    /// Text form of a value, the inverse of parse().
    static QString format(const QJsonValue &value);

private:
    ParameterRegistry();
    std::vector<ParamSpec> m_specs;
    std::map<QString, size_t> m_index;
};

/// A complete set of parameter values: defaults for every key, overridden by validated values.
class ParameterSet {
public:
    ParameterSet(); // all defaults

    /// Throws visor::Error naming the key when the key is unknown or the value invalid. Never clamps.
    void set(const QString &key, const QJsonValue &value);
    QJsonValue value(const QString &key) const; // throws for unknown keys
    int toInt(const QString &key) const { return value(key).toInt(); }
    double toDouble(const QString &key) const { return value(key).toDouble(); }
    bool toBool(const QString &key) const { return value(key).toBool(); }
    QString toString(const QString &key) const;
    std::pair<double, double> toPair(const QString &key) const;
    std::vector<double> toList(const QString &key) const;

    /// Keys whose value differs from the default.
    QStringList changedKeys() const;
    QJsonObject toJson() const;
    /// Loads values; every problem is collected in `errors` (one message per key) and that key keeps its default.
    static ParameterSet fromJson(const QJsonObject &object, QStringList *errors = nullptr);

    bool operator==(const ParameterSet &other) const { return m_values == other.m_values; }

private:
    std::map<QString, QJsonValue> m_values;
};

} // namespace visor
