#pragma once
// visor-cli's deployment and model-assisted commands: export-model, propose.

#include <QCommandLineParser>
#include <QStringList>

namespace visor::cli {

int exportModelCommand(QCommandLineParser &parser, const QStringList &args);
int proposeCommand(QCommandLineParser &parser, const QStringList &args);

} // namespace visor::cli
