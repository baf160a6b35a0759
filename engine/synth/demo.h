#pragma once
/// The demo project: 300 generated shapes with exact boxes and parameters tuned to them. Shared by
/// `visor-cli demo`, `make run` and the workbench's "Open the demo project".

#include "project/project.h"

#include <memory>

namespace visor::synth {

/// The user's demo folder: <GenericDataLocation>/visor/demo (~/.local/share/visor/demo).
QString demoDir();

/// Opens the demo project in `dir`, creating it first when missing (`created` tells which).
std::unique_ptr<Project> openOrCreateDemo(const QString &dir, bool *created = nullptr);

} // namespace visor::synth
