#pragma once
/// Training runs as the project store keeps them: parameters, per-epoch history, events, final metrics.

#include "callbacks.h"
#include "project/project.h"

#include <QJsonObject>

namespace visor::train {

struct RunRecord {
    qint64 id = 0;
    QString name;
    QDateTime started, finished;
    /// running, finished, stopped_early, time_limit, cancelled, failed, or interrupted: stored as running
    /// but no process holds the run's lock any more (killed, crashed, power cut).
    QString status;
    QJsonObject parameters;
    QString folder;      // absolute
    QJsonObject metrics; // test metrics and summary
    QString message;
    std::vector<EpochMetrics> history;
    std::vector<QJsonObject> events; // {epoch, kind, details}
    QJsonObject toJson() const;
};

/// The run store: thin transactions on the project's runs, run_epochs and run_events tables.
class RunStore {
public:
    explicit RunStore(Project &project) : m_project(project) {}
    qint64 create(const QJsonObject &parameters);
    void setFolder(qint64 id, const QString &folder);
    void addEpoch(qint64 id, const EpochMetrics &m);
    /// Drops epochs after `epoch` (a resumed run continues from its last checkpoint).
    void truncate(qint64 id, int epoch);
    void addEvent(qint64 id, int epoch, const QString &kind, const QJsonObject &details);
    void finish(qint64 id, const QString &status, const QJsonObject &metrics, const QString &message);
    /// Puts back a run's status, end, metrics, message and epochs as `before` had them (a resume that
    /// failed leaves the run as it was) and records the failure as a `resume_failed` event.
    void restore(const RunRecord &before, const QString &failure);
    std::optional<RunRecord> run(qint64 id) const;
    std::vector<RunRecord> runs() const;
    /// runs/<id> under the project folder.
    QString folderFor(qint64 id) const;

private:
    Project &m_project;
};

/// Held by the process that trains a run (an flock on runs/<id>/running.lock, released by the kernel
/// when the process dies however it dies), so a reader tells a live run from an interrupted one.
class RunLock {
public:
    explicit RunLock(const QString &folder);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;
    bool acquired() const { return m_fd >= 0; }
    /// Whether some process holds the lock of the run in `folder` now.
    static bool isHeld(const QString &folder);

private:
    int m_fd = -1;
};

} // namespace visor::train
