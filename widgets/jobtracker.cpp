#include "jobtracker.h"

namespace visor {

namespace {
Q_GLOBAL_STATIC(QThreadPool, interactiveLane)
} // namespace

QThreadPool *JobTracker::interactivePool()
{
    QThreadPool *pool = interactiveLane();
    pool->setMaxThreadCount(2); // a preview per page at most; more would only compete with training
    return pool;
}

} // namespace visor
