#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace visor {

namespace {
QString qmPath(const QString &code)
{
    return QStringLiteral(":/i18n/visor_%1.qm").arg(code);
}
} // namespace

QList<Language> availableLanguages()
{
    QList<Language> languages{{QStringLiteral("en"), QStringLiteral("English")}};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("visor_*.qm")}, QDir::Files);
    for (const QString &file : files) {
        const QString code = file.mid(6, file.size() - 9); // visor_<code>.qm
        if (code == QLatin1String("en"))
            continue; // English's plural forms: the sources' own language, listed above
        QString name = QLocale(code).nativeLanguageName();
        const QString territory = QLocale(code).nativeTerritoryName();
        if (!territory.isEmpty())
            name += QStringLiteral(" (%1)").arg(territory);
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        languages.append({code, name});
    }
    return languages;
}

QString resolveLanguage(const QString &choice, const QLocale &system)
{
    const QList<Language> languages = availableLanguages();
    auto available = [&](const QString &code) {
        for (const Language &l : languages)
            if (l.code == code)
                return true;
        return false;
    };
    if (!choice.isEmpty() && available(choice))
        return choice;
    // uiLanguages() is ordered by preference and uses BCP 47 ("pt-BR"); also accept the bare
    // language when exactly one translation of it exists ("pt" -> "pt_BR").
    for (QString ui : system.uiLanguages()) {
        ui.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (available(ui))
            return ui;
        const QString bare = ui.section(QLatin1Char('_'), 0, 0);
        if (bare == QLatin1String("en"))
            return QStringLiteral("en");
        QStringList matches;
        for (const Language &l : languages)
            if (l.code.section(QLatin1Char('_'), 0, 0) == bare)
                matches << l.code;
        if (matches.size() == 1)
            return matches.constFirst();
    }
    return QStringLiteral("en");
}

bool installLanguage(QCoreApplication &app, const QString &code, QString *error)
{
    // Numbers and dates follow the system's regional settings whatever the language (an English
    // window in Brazil still writes 0,5); only a C/POSIX system locale takes the language's formats.
    const QLocale system = QLocale::system();
    QLocale::setDefault(system.language() == QLocale::C ? QLocale(code) : system);
    if (code == QLatin1String("en")) {
        // The sources are English but say "%n box(es)"; the English catalogue holds the plural forms.
        auto *plurals = new QTranslator(&app);
        if (plurals->load(qmPath(code))) {
            QCoreApplication::installTranslator(plurals);
            return true;
        }
        delete plurals;
        if (error)
            *error = QStringLiteral("%1 cannot be loaded").arg(qmPath(code));
        return false;
    }

    auto *own = new QTranslator(&app);
    if (!own->load(qmPath(code))) {
        if (error)
            *error = QStringLiteral("%1 cannot be loaded").arg(qmPath(code));
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (dialog buttons, context menus of text fields): Debian's qt6-translations-l10n.
    auto *qt = new QTranslator(&app);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"), qtDir)) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
        if (error)
            *error = QStringLiteral("Qt's own translation qtbase_%1.qm is not in %2").arg(code, qtDir);
        return false;
    }
    return true;
}

} // namespace visor
