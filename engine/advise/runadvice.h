#pragma once
/// Plain-language advice after a run, from its curves, events and test metrics: under-fitted,
/// over-fitted, unstable, a class far below the others, and the test result against the product's
/// "good" thresholds. Each with the numbers behind it.

#include "train/runs.h"

#include <QJsonObject>
#include <vector>

namespace visor::advise {

/// The product's thresholds for a good model (shared/spec: accuracy above 90%, mAP above 0.6).
constexpr double kGoodAccuracy = 0.9, kGoodMap = 0.6;

struct RunAdvice {
    QString code; // underfitted, overfitted, unstable, weak_class, good, below_good
    QString message;
    QJsonObject numbers;
};

/// Advice for a finished (or stopped) run; nothing for a failed or running one.
std::vector<RunAdvice> adviseRun(const train::RunRecord &run, DatasetKind kind);

} // namespace visor::advise
