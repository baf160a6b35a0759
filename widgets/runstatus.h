#pragma once

#include <QString>

namespace visor {

/// A run's status as the engine stores it ("finished", "stopped_early", "time_limit", "cancelled",
/// "failed", "running"), in the window's language.
QString runStatusText(const QString &status);

} // namespace visor
