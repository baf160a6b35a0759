#include "jobtracker.h"

namespace visor {

namespace {
Q_GLOBAL_STATIC(QThreadPool, interactiveLane) // waits for its workers when the program ends
} // namespace

QThreadPool *JobTracker::interactivePool()
{
    // A preview per page at most; more threads would only compete with training.
    static const bool sized = (interactiveLane()->setMaxThreadCount(2), true);
    (void)sized;
    return interactiveLane();
}

} // namespace visor
