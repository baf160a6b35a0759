#pragma once
// visor-cli synth: generated examples from a registered generator (synth/generator.h).

#include <QCommandLineParser>
#include <QStringList>

namespace visor::cli {

/// The command's one-line description, with the generators the registry holds.
QString synthDescription();
void synthOptions(QCommandLineParser &parser);
int synthCommand(QCommandLineParser &parser, const QStringList &args);

} // namespace visor::cli
