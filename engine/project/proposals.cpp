#include "proposals.h"
#include "sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

namespace visor {
namespace {

ModelProposal read(QSqlQuery &q)
{
    ModelProposal p;
    p.id = q.value(0).toLongLong();
    p.exampleId = q.value(1).toLongLong();
    p.classId = q.value(2).toLongLong();
    p.hasBox = q.value(3).toInt() != 0;
    p.x1 = q.value(4).toFloat();
    p.y1 = q.value(5).toFloat();
    p.x2 = q.value(6).toFloat();
    p.y2 = q.value(7).toFloat();
    p.score = q.value(8).toDouble();
    p.origin = q.value(9).toString();
    return p;
}

const char *const kColumns = "id, example_id, class_id, has_box, x1, y1, x2, y2, score, origin";

} // namespace

std::vector<qint64> ProposalStore::add(const std::vector<ModelProposal> &proposals)
{
    Transaction t(m_project.database());
    std::vector<qint64> ids;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery q(m_project.database());
    q.prepare(QStringLiteral("INSERT INTO proposals (example_id, class_id, has_box, x1, y1, x2, y2, score, origin, "
                             "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ModelProposal &p : proposals) {
        for (const QVariant &v :
             {QVariant(p.exampleId), QVariant(p.classId), QVariant(p.hasBox ? 1 : 0), QVariant(p.x1), QVariant(p.y1),
              QVariant(p.x2), QVariant(p.y2), QVariant(p.score), QVariant(p.origin), QVariant(now)})
            q.addBindValue(v);
        sql::check(q.exec(), q, "storing a proposal");
        ids.push_back(q.lastInsertId().toLongLong());
    }
    t.commit();
    return ids;
}

std::vector<ModelProposal> ProposalStore::of(qint64 exampleId) const
{
    QSqlQuery q = sql::run(m_project.database(),
                           QStringLiteral("SELECT %1 FROM proposals WHERE example_id = ? ORDER BY score DESC, id")
                               .arg(QLatin1String(kColumns)),
                           {exampleId}, "reading proposals");
    std::vector<ModelProposal> out;
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::optional<ModelProposal> ProposalStore::proposal(qint64 id) const
{
    QSqlQuery q = sql::run(m_project.database(),
                           QStringLiteral("SELECT %1 FROM proposals WHERE id = ?").arg(QLatin1String(kColumns)), {id},
                           "reading a proposal");
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::set<qint64> ProposalStore::examplesWithProposals() const
{
    QSqlQuery q = sql::run(m_project.database(), QStringLiteral("SELECT DISTINCT example_id FROM proposals"), {},
                           "listing proposals");
    std::set<qint64> out;
    while (q.next())
        out.insert(q.value(0).toLongLong());
    return out;
}

qint64 ProposalStore::count() const
{
    return sql::scalar(m_project.database(), QStringLiteral("SELECT COUNT(*) FROM proposals"), {},
                       "counting proposals");
}

qint64 ProposalStore::accept(qint64 id)
{
    Transaction t(m_project.database());
    const auto p = proposal(id);
    if (!p)
        throw Error(
            QCoreApplication::translate("visor::Proposals", "no proposal %1 (accepted or rejected already)").arg(id));
    qint64 boxId = 0;
    if (p->hasBox) {
        Box b;
        b.classId = p->classId;
        b.x1 = p->x1;
        b.y1 = p->y1;
        b.x2 = p->x2;
        b.y2 = p->y2;
        boxId = m_project.addBox(p->exampleId, b);
    } else {
        m_project.setLabel(p->exampleId, p->classId);
    }
    remove({id});
    t.commit();
    return boxId;
}

void ProposalStore::remove(const std::vector<qint64> &ids)
{
    Transaction t(m_project.database());
    for (qint64 id : ids)
        sql::run(m_project.database(), QStringLiteral("DELETE FROM proposals WHERE id = ?"), {id},
                 "removing a proposal");
    t.commit();
}

void ProposalStore::replaceFor(qint64 exampleId, const std::vector<ModelProposal> &proposals)
{
    Transaction t(m_project.database());
    sql::run(m_project.database(), QStringLiteral("DELETE FROM proposals WHERE example_id = ?"), {exampleId},
             "replacing proposals");
    std::vector<ModelProposal> mine = proposals;
    for (ModelProposal &p : mine)
        p.exampleId = exampleId;
    add(mine);
    t.commit();
}

void ProposalStore::replaceFrom(qint64 exampleId, const QString &origin, const std::vector<ModelProposal> &proposals)
{
    Transaction t(m_project.database());
    sql::run(m_project.database(), QStringLiteral("DELETE FROM proposals WHERE example_id = ? AND origin = ?"),
             {exampleId, origin}, "replacing proposals");
    add(proposals);
    t.commit();
}

qint64 ProposalStore::restore(const ModelProposal &p)
{
    return add({p}).front();
}

void ProposalStore::setOrigin(qint64 exampleId, const QString &origin, const QJsonObject &details)
{
    sql::run(m_project.database(),
             QStringLiteral("INSERT OR REPLACE INTO example_origins (example_id, origin, details) VALUES (?, ?, ?)"),
             {exampleId, origin, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))},
             "recording where an example came from");
}

QString ProposalStore::origin(qint64 exampleId) const
{
    QSqlQuery q =
        sql::run(m_project.database(), QStringLiteral("SELECT origin FROM example_origins WHERE example_id = ?"),
                 {exampleId}, "reading where an example came from");
    return q.next() ? q.value(0).toString() : QString();
}

QJsonObject ProposalStore::originDetails(qint64 exampleId) const
{
    QSqlQuery q =
        sql::run(m_project.database(), QStringLiteral("SELECT details FROM example_origins WHERE example_id = ?"),
                 {exampleId}, "reading where an example came from");
    return q.next() ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object() : QJsonObject();
}

std::set<qint64> ProposalStore::examplesFrom(const QString &origin) const
{
    QSqlQuery q =
        sql::run(m_project.database(), QStringLiteral("SELECT example_id FROM example_origins WHERE origin = ?"),
                 {origin}, "listing where examples came from");
    std::set<qint64> out;
    while (q.next())
        out.insert(q.value(0).toLongLong());
    return out;
}

} // namespace visor
