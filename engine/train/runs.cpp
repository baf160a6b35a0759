#include "runs.h"
#include "project/sql.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace visor::train {
namespace {

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QJsonObject object(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

qint64 RunStore::create(const QJsonObject &parameters)
{
    Transaction t(m_project.database());
    QSqlQuery q = sql::run(
        m_project.database(), QStringLiteral("INSERT INTO runs (started, status, params) VALUES (?, 'running', ?)"),
        {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), json(parameters)}, "creating a run");
    const qint64 id = q.lastInsertId().toLongLong();
    sql::run(m_project.database(), QStringLiteral("UPDATE runs SET name = ? WHERE id = ?"),
             {QStringLiteral("run %1").arg(id), id}, "naming a run");
    t.commit();
    return id;
}

QString RunStore::folderFor(qint64 id) const
{
    return QDir(m_project.dir()).filePath(QStringLiteral("runs/%1").arg(id));
}

void RunStore::setFolder(qint64 id, const QString &folder)
{
    Transaction t(m_project.database());
    sql::run(m_project.database(), QStringLiteral("UPDATE runs SET folder = ? WHERE id = ?"), {folder, id},
             "storing a run folder");
    t.commit();
}

void RunStore::addEpoch(qint64 id, const EpochMetrics &m)
{
    Transaction t(m_project.database());
    sql::run(m_project.database(),
             QStringLiteral("INSERT OR REPLACE INTO run_epochs (run_id, epoch, loss, val_loss, metric, val_metric, "
                            "learning_rate, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
             {id, m.epoch, m.loss, m.valLoss, m.metric, m.valMetric, m.learningRate, m.seconds}, "recording an epoch");
    t.commit();
}

void RunStore::truncate(qint64 id, int epoch)
{
    Transaction t(m_project.database());
    sql::run(m_project.database(), QStringLiteral("DELETE FROM run_epochs WHERE run_id = ? AND epoch > ?"), {id, epoch},
             "truncating a run");
    sql::run(m_project.database(), QStringLiteral("DELETE FROM run_events WHERE run_id = ? AND epoch > ?"), {id, epoch},
             "truncating a run");
    sql::run(m_project.database(), QStringLiteral("UPDATE runs SET status = 'running', finished = NULL WHERE id = ?"),
             {id}, "reopening a run");
    t.commit();
}

void RunStore::addEvent(qint64 id, int epoch, const QString &kind, const QJsonObject &details)
{
    Transaction t(m_project.database());
    sql::run(m_project.database(),
             QStringLiteral("INSERT INTO run_events (run_id, epoch, kind, details) VALUES (?, ?, ?, ?)"),
             {id, epoch, kind, json(details)}, "recording a run event");
    t.commit();
}

void RunStore::finish(qint64 id, const QString &status, const QJsonObject &metrics, const QString &message)
{
    Transaction t(m_project.database());
    sql::run(m_project.database(),
             QStringLiteral("UPDATE runs SET finished = ?, status = ?, metrics = ?, message = ? WHERE id = ?"),
             {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), status, json(metrics),
              message.isNull() ? QStringLiteral("") : message, id},
             "finishing a run");
    t.commit();
}

void RunStore::restore(const RunRecord &before, const QString &failure)
{
    QSqlDatabase &db = m_project.database();
    Transaction t(db);
    sql::run(db, QStringLiteral("UPDATE runs SET finished = ?, status = ?, metrics = ?, message = ? WHERE id = ?"),
             {before.finished.isValid() ? QVariant(before.finished.toString(Qt::ISODateWithMs)) : QVariant(),
              before.status == QLatin1String("interrupted") ? QStringLiteral("running") : before.status,
              json(before.metrics), before.message, before.id},
             "restoring a run");
    for (const EpochMetrics &m : before.history)
        sql::run(db,
                 QStringLiteral("INSERT OR IGNORE INTO run_epochs (run_id, epoch, loss, val_loss, metric, val_metric, "
                                "learning_rate, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                 {before.id, m.epoch, m.loss, m.valLoss, m.metric, m.valMetric, m.learningRate, m.seconds},
                 "restoring a run's epochs");
    const int last = before.history.empty() ? 0 : before.history.back().epoch;
    sql::run(db, QStringLiteral("INSERT INTO run_events (run_id, epoch, kind, details) VALUES (?, ?, ?, ?)"),
             {before.id, last, QStringLiteral("resume_failed"), json({{QStringLiteral("message"), failure}})},
             "recording a run event");
    t.commit();
}

std::optional<RunRecord> RunStore::run(qint64 id) const
{
    QSqlDatabase &db = m_project.database();
    QSqlQuery q =
        sql::run(db,
                 QStringLiteral("SELECT id, name, started, finished, status, params, folder, metrics, message "
                                "FROM runs WHERE id = ?"),
                 {id}, "reading a run");
    if (!q.next())
        return std::nullopt;
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.started = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    r.finished = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
    r.status = q.value(4).toString();
    r.parameters = object(q.value(5).toString());
    r.folder = q.value(6).toString();
    r.metrics = object(q.value(7).toString());
    r.message = q.value(8).toString();
    if (r.status == QLatin1String("running") && !RunLock::isHeld(r.folder))
        r.status = QStringLiteral("interrupted");
    QSqlQuery e =
        sql::run(db,
                 QStringLiteral("SELECT epoch, loss, val_loss, metric, val_metric, learning_rate, seconds FROM "
                                "run_epochs WHERE run_id = ? ORDER BY epoch"),
                 {id}, "reading a run's epochs");
    while (e.next())
        r.history.push_back({e.value(0).toInt(), e.value(1).toDouble(), e.value(2).toDouble(), e.value(3).toDouble(),
                             e.value(4).toDouble(), e.value(5).toDouble(), e.value(6).toDouble()});
    QSqlQuery ev =
        sql::run(db, QStringLiteral("SELECT epoch, kind, details FROM run_events WHERE run_id = ? ORDER BY id"), {id},
                 "reading a run's events");
    while (ev.next())
        r.events.push_back({{QStringLiteral("epoch"), ev.value(0).toInt()},
                            {QStringLiteral("kind"), ev.value(1).toString()},
                            {QStringLiteral("details"), object(ev.value(2).toString())}});
    return r;
}

std::vector<RunRecord> RunStore::runs() const
{
    std::vector<RunRecord> out;
    QSqlQuery q = sql::run(m_project.database(), QStringLiteral("SELECT id FROM runs ORDER BY id"), {}, "listing runs");
    std::vector<qint64> ids;
    while (q.next())
        ids.push_back(q.value(0).toLongLong());
    for (qint64 id : ids)
        if (auto r = run(id))
            out.push_back(*r);
    return out;
}

RunLock::RunLock(const QString &folder)
{
    const QByteArray path = QFile::encodeName(QDir(folder).filePath(QStringLiteral("running.lock")));
    m_fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

RunLock::~RunLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock; the file stays (removing it would race a new holder)
}

bool RunLock::isHeld(const QString &folder)
{
    if (folder.isEmpty())
        return false;
    const QByteArray path = QFile::encodeName(QDir(folder).filePath(QStringLiteral("running.lock")));
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    // flock locks belong to open file descriptions: this probe conflicts with a holder in this process too.
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

QJsonObject RunRecord::toJson() const
{
    QJsonArray epochs, eventList;
    for (const EpochMetrics &m : history)
        epochs.append(QJsonObject{{QStringLiteral("epoch"), m.epoch},
                                  {QStringLiteral("loss"), m.loss},
                                  {QStringLiteral("val_loss"), m.valLoss},
                                  {QStringLiteral("metric"), m.metric},
                                  {QStringLiteral("val_metric"), m.valMetric},
                                  {QStringLiteral("learning_rate"), m.learningRate},
                                  {QStringLiteral("seconds"), m.seconds}});
    for (const QJsonObject &e : events)
        eventList.append(e);
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("started"), started.toString(Qt::ISODate)},
            {QStringLiteral("finished"), finished.toString(Qt::ISODate)},
            {QStringLiteral("status"), status},
            {QStringLiteral("folder"), folder},
            {QStringLiteral("metrics"), metrics},
            {QStringLiteral("message"), message},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("epochs"), epochs},
            {QStringLiteral("events"), eventList}};
}

} // namespace visor::train
