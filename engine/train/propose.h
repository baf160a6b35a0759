#pragma once
/// Model-assisted annotation: a run's model predicts on examples and its predictions are stored as
/// proposals (project/proposals.h, origin "run N"), never as annotations, until a person accepts them.

#include "project/project.h"

#include <atomic>
#include <functional>

namespace visor::train {

struct ProposeOptions {
    enum class Which { Unlabelled, All, Examples };
    Which which = Which::Unlabelled;
    std::vector<qint64> ids; // Which::Examples
    double threshold = -1;   // detection: the lowest score proposed; negative: the run's confidence threshold
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(int done, int total)> progress;
};

struct ProposeReport {
    int examples = 0;     // predicted on
    int proposals = 0;    // stored
    QStringList problems; // unreadable images, unknown ids, classes the project no longer has
};

/// Predicts with run `runId` on the chosen examples and replaces each one's earlier proposals from that
/// run with the new ones, in one transaction at the end (a cancel stores nothing). Throws Error naming
/// the run when it has no model.
ProposeReport proposeWithRun(Project &project, qint64 runId, const ProposeOptions &options);

} // namespace visor::train
