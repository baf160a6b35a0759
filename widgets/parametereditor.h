#pragma once
/// An editor for a group of registry parameters: one field per key, grouped by section, with the label,
/// a tooltip giving range and default, and an inline message when a value breaks its bounds. The editor
/// never clamps: an invalid value stays visible with its message and is not applied.

#include "project/parameters.h"

#include <QWidget>
#include <map>

class QFormLayout;
class QLabel;

namespace visor {

class ParameterEditor : public QWidget {
    Q_OBJECT
public:
    /// The translated title of a parameter group ("early_stopping" -> "Early stopping").
    static QString groupTitle(const QString &group);
    /// Text: a line edit per number, list or range, validated as the user types (with a message).
    /// Controls: spin boxes within the bounds, a slider for probabilities, a from–to pair for ranges.
    enum class Style { Text, Controls };

    /// Edits every key whose first section is one of `groups` ("train", "optimizer", ...).
    explicit ParameterEditor(const QStringList &groups, QWidget *parent = nullptr)
        : ParameterEditor(groups, Style::Text, parent)
    {
    }
    ParameterEditor(const QStringList &groups, Style style, QWidget *parent = nullptr);

    void setParameters(const ParameterSet &parameters);
    /// The values shown, valid ones applied over the set given to setParameters().
    ParameterSet parameters() const { return m_values; }
    /// `base` with the values of this editor's keys: pages that edit different groups of the same
    /// project never overwrite each other's values.
    ParameterSet mergedInto(ParameterSet base) const;
    /// Keys whose field holds an invalid value, with the message.
    std::map<QString, QString> errors() const { return m_errors; }
    bool isValid() const { return m_errors.empty(); }

    /// For tests and scripted use: types `text` into the field of `key` as a user would.
    void setText(const QString &key, const QString &text);
    QWidget *field(const QString &key) const;
    QString message(const QString &key) const;

Q_SIGNALS:
    void changed();                  // a valid value was applied, or validity changed
    void edited(const QString &key); // the user edited this key (valid or not)

private:
    void apply(const QString &key, const QString &text);
    void showValue(const QString &key);

    struct Field {
        QWidget *editor = nullptr;
        QLabel *message = nullptr;
    };
    std::map<QString, Field> m_fields;
    std::map<QString, QString> m_errors;
    ParameterSet m_values;
    bool m_loading = false;
};

} // namespace visor
