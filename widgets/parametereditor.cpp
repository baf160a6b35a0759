#include "parametereditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>
#include <functional>

namespace visor {
namespace {

} // namespace

QString ParameterEditor::groupTitle(const QString &group)
{
    static const std::map<QString, const char *> titles{
        {QStringLiteral("train"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Training")},
        {QStringLiteral("input"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Input resolution")},
        {QStringLiteral("optimizer"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Optimizer (Adam)")},
        {QStringLiteral("early_stopping"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Early stopping")},
        {QStringLiteral("reduce_lr"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Reduce learning rate on plateau")},
        {QStringLiteral("checkpoint"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Checkpoints")},
        {QStringLiteral("classifier"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Network (classification)")},
        {QStringLiteral("detector"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Network (object detection)")},
        {QStringLiteral("anchors"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Anchors")},
        {QStringLiteral("augment"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Data augmentation")},
        {QStringLiteral("health"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Health checks")},
        {QStringLiteral("split"), QT_TRANSLATE_NOOP("visor::ParameterEditor", "Splits")},
    };
    auto it = titles.find(group);
    return it == titles.end() ? group : QCoreApplication::translate("visor::ParameterEditor", it->second);
}

namespace {

// Numbers typed in text fields follow the locale ("0,001" in Portuguese); the registry's own form
// ("0.001", as in PARAMETERS.md and visor-cli) is accepted too.
QLocale numberLocale()
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator | QLocale::RejectGroupSeparator);
    return locale;
}

QString fromLocaleNumber(const QString &text)
{
    bool ok = false;
    const double v = numberLocale().toDouble(text.trimmed(), &ok);
    return ok ? QString::number(v, 'g', 17) : text;
}

// A bounded value edited with controls; reports each change as the text the registry parses.
class ValueControl : public QWidget {
public:
    std::function<void(const QString &)> edited;
    virtual void set(const QJsonValue &value) = 0;
};

int decimalsFor(const ParamSpec &spec)
{
    const double span = spec.max - spec.min;
    return span <= 2 ? 3 : span <= 20 ? 2 : 1;
}

// A spin box that takes any number typed: QDoubleSpinBox's own range made its validator drop the
// keystroke that passed the maximum ("500" became "50" with no word). The registry refuses an
// out-of-range value with its message, as in every field; the arrows stay within the limits.
class OpenSpinBox : public QDoubleSpinBox {
public:
    OpenSpinBox(double low, double high) : m_low(low), m_high(high)
    {
        setRange(-kOpen, kOpen);
        m_widthOfOpen = fontMetrics().horizontalAdvance(textFromValue(-kOpen)) -
                        fontMetrics().horizontalAdvance(textFromValue(std::abs(low) > std::abs(high) ? low : high));
    }
    void stepBy(int steps) override { setValue(std::clamp(value() + steps * singleStep(), m_low, m_high)); }
    QSize sizeHint() const override { return narrowed(QDoubleSpinBox::sizeHint()); }
    QSize minimumSizeHint() const override { return narrowed(QDoubleSpinBox::minimumSizeHint()); }

protected:
    StepEnabled stepEnabled() const override
    {
        StepEnabled e = StepNone;
        if (value() > m_low)
            e |= StepDownEnabled;
        if (value() < m_high)
            e |= StepUpEnabled;
        return e;
    }

private:
    static constexpr double kOpen = 1e12;
    // The size for the parameter's own limits, not for ±1e12.
    QSize narrowed(QSize s) const { return QSize(std::max(40, s.width() - std::max(0, m_widthOfOpen)), s.height()); }
    double m_low, m_high;
    int m_widthOfOpen = 0;
};

class NumberControl : public ValueControl {
public:
    explicit NumberControl(const ParamSpec &spec) : m_integer(spec.type == ParamType::Int)
    {
        auto *row = new QHBoxLayout(this);
        row->setContentsMargins(0, 0, 0, 0);
        m_spin = new OpenSpinBox(spec.min, spec.max);
        m_spin->setDecimals(m_integer ? 0 : decimalsFor(spec));
        m_spin->setSingleStep(m_integer ? 1 : (spec.max - spec.min) / 100);
        m_spin->setKeyboardTracking(false);
        row->addWidget(m_spin, 1);
        if (!m_integer && spec.min == 0 && spec.max == 1) { // a probability: a slider beside the number
            m_slider = new QSlider(Qt::Horizontal);
            m_slider->setRange(0, 100);
            row->addWidget(m_slider, 2);
            connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
                if (!m_setting)
                    m_spin->setValue(v / 100.0);
            });
        }
        connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
            if (m_slider) {
                const QSignalBlocker block(m_slider);
                m_slider->setValue(int(std::lround(v * 100)));
            }
            if (!m_setting && edited)
                edited(m_integer ? QString::number(qint64(std::llround(v))) : QString::number(v));
        });
    }
    void set(const QJsonValue &value) override
    {
        m_setting = true;
        m_spin->setValue(value.toDouble());
        if (m_slider)
            m_slider->setValue(int(std::lround(value.toDouble() * 100)));
        m_setting = false;
    }

private:
    bool m_integer;
    bool m_setting = false;
    QDoubleSpinBox *m_spin = nullptr;
    QSlider *m_slider = nullptr;
};

class RangeControl : public ValueControl {
public:
    explicit RangeControl(const ParamSpec &spec)
    {
        auto *row = new QHBoxLayout(this);
        row->setContentsMargins(0, 0, 0, 0);
        for (QDoubleSpinBox *&b : m_bounds) {
            b = new OpenSpinBox(spec.hasMin ? spec.min : -1e9, spec.hasMax ? spec.max : 1e9);
            b->setDecimals(spec.hasMin && spec.hasMax ? decimalsFor(spec) : 3);
            b->setSingleStep(spec.hasMin && spec.hasMax ? (spec.max - spec.min) / 100 : 0.1);
            b->setKeyboardTracking(false);
            connect(b, &QDoubleSpinBox::valueChanged, this, [this] {
                if (!m_setting && edited)
                    edited(QStringLiteral("%1..%2").arg(m_bounds[0]->value()).arg(m_bounds[1]->value()));
            });
        }
        row->addWidget(new QLabel(ParameterEditor::tr("from")));
        row->addWidget(m_bounds[0], 1);
        row->addWidget(new QLabel(ParameterEditor::tr("to")));
        row->addWidget(m_bounds[1], 1);
    }
    void set(const QJsonValue &value) override
    {
        m_setting = true;
        const QJsonArray a = value.toArray();
        m_bounds[0]->setValue(a.at(0).toDouble());
        m_bounds[1]->setValue(a.at(1).toDouble());
        m_setting = false;
    }

private:
    bool m_setting = false;
    QDoubleSpinBox *m_bounds[2] = {};
};

} // namespace

ParameterEditor::ParameterEditor(const QStringList &groups, Style style, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const QString &group : groups) {
        auto *box = new QGroupBox(groupTitle(group));
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (const ParamSpec &spec : ParameterRegistry::instance().all()) {
            if (spec.group() != group)
                continue;
            const QString key = spec.key;
            Field f;
            if (spec.type == ParamType::Bool) {
                auto *check = new QCheckBox;
                connect(check, &QCheckBox::toggled, this,
                        [this, key](bool on) { apply(key, on ? QStringLiteral("true") : QStringLiteral("false")); });
                f.editor = check;
            } else if (spec.type == ParamType::Choice) {
                auto *combo = new QComboBox;
                combo->addItems(spec.choices);
                connect(combo, &QComboBox::currentTextChanged, this, [this, key](const QString &t) { apply(key, t); });
                f.editor = combo;
            } else if (style == Style::Controls && ((spec.type == ParamType::Int || spec.type == ParamType::Number) &&
                                                    spec.hasMin && spec.hasMax)) {
                auto *control = new NumberControl(spec);
                control->edited = [this, key](const QString &t) { apply(key, t); };
                f.editor = control;
            } else if (style == Style::Controls && spec.type == ParamType::RangePair) {
                auto *control = new RangeControl(spec);
                control->edited = [this, key](const QString &t) { apply(key, t); };
                f.editor = control;
            } else {
                auto *line = new QLineEdit;
                connect(line, &QLineEdit::textEdited, this, [this, key, type = spec.type](const QString &t) {
                    apply(key, type == ParamType::Number ? fromLocaleNumber(t) : t);
                });
                f.editor = line;
            }
            const QString label = QCoreApplication::translate("visor::Parameters", qUtf8Printable(spec.label));
            QString tip = tr("<b>%1</b> (<code>%2</code>)<br>Allowed: %3<br>Default: %4")
                              .arg(label, key, spec.rangeText(), ParameterRegistry::format(spec.defaultValue));
            if (!spec.help.isEmpty())
                tip += QStringLiteral("<br>") +
                       QCoreApplication::translate("visor::Parameters", qUtf8Printable(spec.help));
            f.editor->setToolTip(tip);
            f.editor->setObjectName(key);
            f.message = new QLabel;
            f.message->setStyleSheet(QStringLiteral("color: #dc3545;")); // readable on light and dark
            f.message->setWordWrap(true);
            f.message->hide();
            auto *cell = new QWidget;
            auto *v = new QVBoxLayout(cell);
            v->setContentsMargins(0, 0, 0, 0);
            v->setSpacing(2);
            v->addWidget(f.editor);
            v->addWidget(f.message);
            auto *labelWidget = new QLabel(label);
            labelWidget->setToolTip(tip);
            form->addRow(labelWidget, cell);
            m_fields[key] = f;
        }
        layout->addWidget(box);
    }
    layout->addStretch(1);
    setParameters(ParameterSet());
}

void ParameterEditor::setParameters(const ParameterSet &parameters)
{
    m_values = parameters;
    m_errors.clear();
    m_loading = true;
    for (auto &[key, f] : m_fields) {
        showValue(key);
        f.message->hide();
    }
    m_loading = false;
}

void ParameterEditor::showValue(const QString &key)
{
    const Field &f = m_fields.at(key);
    const QJsonValue v = m_values.value(key);
    if (auto *control = dynamic_cast<ValueControl *>(f.editor))
        control->set(v);
    else if (auto *check = qobject_cast<QCheckBox *>(f.editor))
        check->setChecked(v.toBool());
    else if (auto *combo = qobject_cast<QComboBox *>(f.editor))
        combo->setCurrentText(ParameterRegistry::format(v));
    else if (auto *line = qobject_cast<QLineEdit *>(f.editor))
        line->setText(v.isDouble() && ParameterRegistry::instance().find(key)->type == ParamType::Number
                          ? numberLocale().toString(v.toDouble(), 'g', 10)
                          : ParameterRegistry::format(v));
}

void ParameterEditor::apply(const QString &key, const QString &text)
{
    if (m_loading)
        return;
    Field &f = m_fields.at(key);
    QJsonValue value;
    const QString error = ParameterRegistry::instance().parse(key, text, &value);
    if (error.isEmpty()) {
        m_values.set(key, value);
        m_errors.erase(key);
        f.message->hide();
        f.editor->setStyleSheet(QString());
    } else {
        m_errors[key] = error;
        f.message->setText(error);
        f.message->show();
        f.editor->setStyleSheet(QStringLiteral("border: 1px solid #dc3545;"));
    }
    Q_EMIT edited(key);
    Q_EMIT changed();
}

void ParameterEditor::setText(const QString &key, const QString &text)
{
    QWidget *w = field(key);
    if (auto *control = dynamic_cast<ValueControl *>(w)) {
        QJsonValue value;
        if (ParameterRegistry::instance().parse(key, text, &value).isEmpty()) {
            const bool loading = m_loading;
            m_loading = true; // one apply below, not one per spin box
            control->set(value);
            m_loading = loading;
        }
        apply(key, text);
    } else if (auto *line = qobject_cast<QLineEdit *>(w)) {
        line->setText(text);
        apply(key, text);
    } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
        combo->setCurrentText(text);
    } else if (auto *check = qobject_cast<QCheckBox *>(w)) {
        check->setChecked(text == QLatin1String("true"));
    }
}

ParameterSet ParameterEditor::mergedInto(ParameterSet base) const
{
    for (const auto &[key, f] : m_fields)
        base.set(key, m_values.value(key));
    return base;
}

QWidget *ParameterEditor::field(const QString &key) const
{
    auto it = m_fields.find(key);
    return it == m_fields.end() ? nullptr : it->second.editor;
}

QString ParameterEditor::message(const QString &key) const
{
    auto it = m_errors.find(key);
    return it == m_errors.end() ? QString() : it->second;
}

} // namespace visor
