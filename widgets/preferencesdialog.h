#pragma once

#include "theme.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace visor {

/// Preferences: the language of the window (applied at the next start), the theme (system, light or
/// dark, applied at once) and where numbers and dates take their format from. Reads and writes QSettings.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// The language code chosen, "" for the system's.
    QString languageChoice() const;
    void setLanguageChoice(const QString &code);

    /// The theme chosen.
    void setThemeChoice(Theme theme);
    Theme themeChoice() const;

    /// Saves the choices and applies the theme at once; returns true when the language differs from
    /// the one the window shows now (that one applies at the next start).
    bool save();

private:
    void updateNote();

    QComboBox *m_language;
    QComboBox *m_theme;
    QLabel *m_note;
};

} // namespace visor
