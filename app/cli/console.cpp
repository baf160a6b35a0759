#include "console.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace visor::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int usage(const QString &message, const QCommandLineParser *parser)
{
    err() << "visor-cli: " << message << "\n";
    if (parser)
        err() << "Try '" << QCoreApplication::applicationName() << " "
              << parser->applicationDescription().section(QLatin1Char(' '), 0, 0) << " --help'.\n";
    err().flush();
    return Usage;
}

int dataError(const QString &message)
{
    err() << "visor-cli: " << message << "\n";
    err().flush();
    return DataError;
}

void printJson(const QJsonObject &object)
{
    out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
    out().flush();
}

} // namespace visor::cli
