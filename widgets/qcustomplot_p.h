#pragma once
// QCustomPlot's header uses Qt's lower-case keywords (signals, emit, foreach), which the project turns
// off with QT_NO_KEYWORDS (LibTorch uses `slots` as an identifier). They are defined for the one include
// and removed again, so they cannot leak into any other header.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
