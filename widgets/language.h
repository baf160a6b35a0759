#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace visor {

/// The languages of the window: English (the source) and the translations built into the program.
struct Language {
    QString code;       // "en", "pt_BR"
    QString nativeName; // "English", "Português (Brasil)"
};

/// Every language the window can show, English first.
QList<Language> availableLanguages();

/// The language code to use for a Preferences choice ("" = follow the system): the choice itself when
/// it is available, else the first of the system's UI languages that is, else "en".
QString resolveLanguage(const QString &choice, const QLocale &system = QLocale::system());

/// Installs Visor's and Qt's own translations for `code` into `app`. QLocale's default (numbers,
/// dates) becomes the system locale, or the language's own when the system's is C/POSIX. Returns
/// false, with the reason in `error`, when a translation file cannot be loaded.
bool installLanguage(QCoreApplication &app, const QString &code, QString *error = nullptr);

/// The QSettings key of the Preferences choice ("" or absent = the system's language).
inline QString languageSettingsKey()
{
    return QStringLiteral("language");
}

} // namespace visor
