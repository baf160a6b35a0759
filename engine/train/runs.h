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
    QString status; // running, finished, stopped_early, cancelled, failed
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
    std::optional<RunRecord> run(qint64 id) const;
    std::vector<RunRecord> runs() const;
    /// runs/<id> under the project folder.
    QString folderFor(qint64 id) const;

private:
    Project &m_project;
};

} // namespace visor::train
