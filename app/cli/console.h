#pragma once
// visor-cli's terminal output and its exit-code conventions, shared by every command.

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

namespace visor::cli {

enum ExitCode { Ok = 0, Usage = 1, DataError = 2 };

QTextStream &out();
QTextStream &err();
/// Prints "visor-cli: message" (and a hint to --help when a parser is given); returns Usage.
int usage(const QString &message, const QCommandLineParser *parser = nullptr);
/// Prints "visor-cli: message"; returns DataError.
int dataError(const QString &message);
void printJson(const QJsonObject &object);

} // namespace visor::cli
