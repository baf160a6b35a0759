#pragma once
/// Train / validation / test assignment: stratified, reproducible from the project's seed, stable
/// when examples are added, respecting pinned examples.

#include "project.h"

namespace visor {

struct SplitCounts {
    int train = 0, val = 0, test = 0;
    int total() const { return train + val + test; }
};

struct SplitPlan {
    SplitCounts targets; // what validation and test should hold for the current size
    SplitCounts result;  // what they hold after the assignment
    int assigned = 0;    // examples whose split was set or changed
};

/// How many examples validation and test take for `total` examples: each its fraction, rounded,
/// capped at 100; training gets the rest.
SplitCounts splitTargets(int total, double valFraction, double testFraction);

/// Assigns a split to every example that has none (new examples) so that validation and test come as
/// close to their targets as possible without moving anyone already assigned. With `reshuffle`, every
/// unpinned example is reassigned from scratch. Pinned examples always sit in their pinned split.
/// Stratified by class: classification uses the label, detection the most frequent class in the image.
SplitPlan assignSplits(Project &project, bool reshuffle);

enum class SplitMode {
    Missing,   // only examples without a split
    Reshuffle, // every unpinned example, from scratch
    FillEmpty, // an empty validation or test split takes its share from the unpinned training examples;
               // every other assignment stays (an imported official test split is never topped up)
};
SplitPlan assignSplits(Project &project, SplitMode mode);

} // namespace visor
