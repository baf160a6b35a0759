#pragma once
// visor-cli's deployment commands: export-model.

#include <QCommandLineParser>
#include <QStringList>

namespace visor::cli {

int exportModelCommand(QCommandLineParser &parser, const QStringList &args);

} // namespace visor::cli
