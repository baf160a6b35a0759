#pragma once

#include <QString>

class QDateTime;

namespace visor {

/// A run's status as the engine stores it ("finished", "stopped_early", "time_limit", "cancelled",
/// "failed", "running"), in the window's language.
QString runStatusText(const QString &status);

/// A date and time in the locale's short format, but with the year in four digits (the short format
/// has two: "12/2/26").
QString dateTimeText(const QDateTime &when);

} // namespace visor
