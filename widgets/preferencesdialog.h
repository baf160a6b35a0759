#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace visor {

/// Preferences: the language of the window (applied at the next start) and where numbers and dates
/// take their format from. Reads and writes QSettings.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// The language code chosen, "" for the system's.
    QString languageChoice() const;
    void setLanguageChoice(const QString &code);

    /// Saves the choice; returns true when it differs from the language the window shows now.
    bool save();

private:
    void updateNote();

    QComboBox *m_language;
    QLabel *m_note;
};

} // namespace visor
