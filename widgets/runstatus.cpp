#include "runstatus.h"

#include <QDateTime>
#include <QLocale>

#include <QCoreApplication>
#include <map>

namespace visor {

// Run states as the engine stores them, in the window's language.
QString runStatusText(const QString &status)
{
    static const std::map<QString, const char *> names{
        {QStringLiteral("running"), QT_TRANSLATE_NOOP("visor::RunStatus", "running")},
        {QStringLiteral("finished"), QT_TRANSLATE_NOOP("visor::RunStatus", "finished")},
        {QStringLiteral("stopped_early"), QT_TRANSLATE_NOOP("visor::RunStatus", "stopped early")},
        {QStringLiteral("time_limit"), QT_TRANSLATE_NOOP("visor::RunStatus", "time limit reached")},
        {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("visor::RunStatus", "cancelled")},
        {QStringLiteral("failed"), QT_TRANSLATE_NOOP("visor::RunStatus", "failed")},
        {QStringLiteral("interrupted"), QT_TRANSLATE_NOOP("visor::RunStatus", "interrupted")},
    };
    auto it = names.find(status);
    return it == names.end() ? status : QCoreApplication::translate("visor::RunStatus", it->second);
}

QString dateTimeText(const QDateTime &when)
{
    const QLocale locale;
    QString format = locale.dateTimeFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return locale.toString(when.toLocalTime(), format);
}

} // namespace visor
