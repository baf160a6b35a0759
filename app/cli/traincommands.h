#pragma once
// visor-cli's training commands: suggest, train, runs, eval, predict.

#include <QCommandLineParser>
#include <QStringList>

namespace visor::cli {

int suggestCommand(QCommandLineParser &parser, const QStringList &args);
int trainCommand(QCommandLineParser &parser, const QStringList &args);
int runsCommand(QCommandLineParser &parser, const QStringList &args);
int evalCommand(QCommandLineParser &parser, const QStringList &args);
int predictCommand(QCommandLineParser &parser, const QStringList &args);

} // namespace visor::cli
