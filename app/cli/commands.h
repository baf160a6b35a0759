#pragma once
// visor-cli: the engine without a screen. Each command parses its own options and returns an exit
// code: 0 success, 1 usage error, 2 data error (message on stderr).

#include <QStringList>

namespace visor::cli {

int run(const QStringList &arguments);

} // namespace visor::cli
