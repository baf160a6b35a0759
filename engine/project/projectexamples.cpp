// Project: examples and annotations (the record, parameters and classes are in project.cpp).

#include "project.h"
#include "sql.h"
#include "statement.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace visor {
namespace {

QVariant optSplit(const std::optional<Split> &s)
{
    return s ? QVariant(int(*s)) : QVariant(QMetaType(QMetaType::Int));
}

std::optional<Split> readSplit(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return Split(v.toInt());
}

const QString kExampleColumns = QStringLiteral(
    "id, hash, suffix, file_name, source, width, height, added, split, pinned_split, phash, labelled, class_id");

Example readExample(const QSqlQuery &q)
{
    Example e;
    e.id = q.value(0).toLongLong();
    e.hash = q.value(1).toString();
    e.suffix = q.value(2).toString();
    e.fileName = q.value(3).toString();
    e.source = q.value(4).toString();
    e.width = q.value(5).toInt();
    e.height = q.value(6).toInt();
    e.added = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    e.split = readSplit(q.value(8));
    e.pinnedSplit = readSplit(q.value(9));
    e.perceptualHash = quint64(q.value(10).toLongLong());
    e.labelled = q.value(11).toBool();
    e.classId = q.value(12).toLongLong();
    return e;
}

// QtSql binds a null QString as SQL NULL; text columns that are NOT NULL get an empty string.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

// ---- examples

qint64 Project::exampleCount() const
{
    return sql::scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM examples"), {}, "counting examples");
}

std::vector<qint64> Project::exampleIds() const
{
    std::vector<qint64> out;
    QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT id FROM examples ORDER BY id"), {}, "listing examples");
    while (q.next())
        out.push_back(q.value(0).toLongLong());
    return out;
}

std::vector<Example> Project::examples() const
{
    std::vector<Example> out;
    out.reserve(size_t(exampleCount()));
    sql::Statement q(const_cast<QSqlDatabase &>(m_db),
                     "SELECT id, hash, suffix, file_name, source, width, height, added, split, pinned_split, phash, "
                     "labelled, class_id FROM examples ORDER BY id",
                     "reading examples");
    while (q.step()) {
        Example e;
        e.id = q.int64(0);
        e.hash = q.text(1);
        e.suffix = q.text(2);
        e.fileName = q.text(3);
        e.source = q.text(4);
        e.width = int(q.int64(5));
        e.height = int(q.int64(6));
        e.added = QDateTime::fromString(q.text(7), Qt::ISODateWithMs);
        if (!q.isNull(8))
            e.split = Split(q.int64(8));
        if (!q.isNull(9))
            e.pinnedSplit = Split(q.int64(9));
        e.perceptualHash = quint64(q.int64(10));
        e.labelled = q.int64(11) != 0;
        e.classId = q.int64(12);
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<Example> Project::example(qint64 id) const
{
    QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT %1 FROM examples WHERE id = ?").arg(kExampleColumns), {id},
                           "reading an example");
    if (!q.next())
        return std::nullopt;
    return readExample(q);
}

std::optional<qint64> Project::exampleIdByHash(const QString &hash) const
{
    QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT id FROM examples WHERE hash = ?"), {hash}, "finding an image");
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

void Project::checkExample(qint64 id) const
{
    if (!sql::scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM examples WHERE id = ?"), {id}, "looking up an example"))
        throw Error(QCoreApplication::translate("visor::Project", "no example with id %1").arg(id));
}

AddResult Project::addExamples(const std::vector<NewExample> &items)
{
    AddResult result;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    Transaction t(m_db);
    // The UNIQUE hash index finds duplicates: an ignored insert changes no row.
    sql::Statement insert(
        m_db,
        "INSERT OR IGNORE INTO examples (hash, suffix, file_name, source, width, height, added, split, "
        "pinned_split, phash, labelled, class_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "adding an example");
    sql::Statement box(m_db, "INSERT INTO boxes (example_id, class_id, x1, y1, x2, y2) VALUES (?, ?, ?, ?, ?, ?)",
                       "adding a box");
    for (const NewExample &item : items) {
        const Example &e = item.meta;
        insert.bind(1, e.hash).bind(2, text(e.suffix)).bind(3, text(e.fileName)).bind(4, text(e.source));
        insert.bind(5, e.width)
            .bind(6, e.height)
            .bind(7, e.added.isValid() ? e.added.toString(Qt::ISODateWithMs) : now);
        e.split ? insert.bind(8, int(*e.split)) : insert.bindNull(8);
        e.pinnedSplit ? insert.bind(9, int(*e.pinnedSplit)) : insert.bindNull(9);
        insert.bind(10, qint64(e.perceptualHash)).bind(11, e.labelled ? 1 : 0);
        e.classId > 0 ? insert.bind(12, e.classId) : insert.bindNull(12);
        insert.run();
        if (insert.changes() == 0) {
            result.duplicates.push_back(e.hash);
            continue;
        }
        const qint64 id = insert.lastInsertId();
        result.added.push_back(id);
        for (const Box &b : item.boxes) {
            box.bind(1, id)
                .bind(2, b.classId)
                .bind(3, double(b.x1))
                .bind(4, double(b.y1))
                .bind(5, double(b.x2))
                .bind(6, double(b.y2));
            box.run();
        }
    }
    t.commit();
    return result;
}

void Project::removeExamples(const std::vector<qint64> &ids)
{
    Transaction t(m_db);
    for (qint64 id : ids)
        sql::run(m_db, QStringLiteral("DELETE FROM examples WHERE id = ?"), {id}, "removing an example");
    t.commit();
}

void Project::setSplits(const std::vector<std::pair<qint64, std::optional<Split>>> &assignments)
{
    Transaction t(m_db);
    QSqlQuery q(m_db);
    sql::check(q.prepare(QStringLiteral("UPDATE examples SET split = ? WHERE id = ?")), q, "assigning splits");
    for (const auto &[id, split] : assignments) {
        q.addBindValue(optSplit(split));
        q.addBindValue(id);
        sql::check(q.exec(), q, "assigning splits");
    }
    t.commit();
}

void Project::pinSplit(qint64 id, std::optional<Split> split)
{
    checkExample(id);
    Transaction t(m_db);
    if (split)
        sql::run(m_db, QStringLiteral("UPDATE examples SET pinned_split = ?, split = ? WHERE id = ?"),
                 {int(*split), int(*split), id}, "pinning a split");
    else
        sql::run(m_db, QStringLiteral("UPDATE examples SET pinned_split = NULL WHERE id = ?"), {id}, "unpinning");
    t.commit();
}

// ---- annotations

std::vector<Box> Project::boxes(qint64 exampleId) const
{
    std::vector<Box> out;
    QSqlQuery q = sql::run(
        m_db, QStringLiteral("SELECT id, class_id, x1, y1, x2, y2 FROM boxes WHERE example_id = ? ORDER BY id"),
        {exampleId}, "reading boxes");
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toFloat(), q.value(3).toFloat(),
                       q.value(4).toFloat(), q.value(5).toFloat()});
    return out;
}

std::unordered_map<qint64, std::vector<Box>> Project::allBoxes() const
{
    std::unordered_map<qint64, std::vector<Box>> out;
    sql::Statement q(const_cast<QSqlDatabase &>(m_db),
                     "SELECT example_id, id, class_id, x1, y1, x2, y2 FROM boxes ORDER BY id", "reading boxes");
    while (q.step())
        out[q.int64(0)].push_back(
            {q.int64(1), q.int64(2), float(q.real(3)), float(q.real(4)), float(q.real(5)), float(q.real(6))});
    return out;
}

void Project::setBoxes(qint64 exampleId, const std::vector<Box> &list)
{
    checkExample(exampleId);
    for (const Box &b : list)
        checkClass(b.classId);
    Transaction t(m_db);
    sql::run(m_db, QStringLiteral("DELETE FROM boxes WHERE example_id = ?"), {exampleId}, "replacing boxes");
    for (const Box &b : list)
        sql::run(m_db,
                 QStringLiteral("INSERT INTO boxes (example_id, class_id, x1, y1, x2, y2) VALUES (?, ?, ?, ?, ?, ?)"),
                 {exampleId, b.classId, b.x1, b.y1, b.x2, b.y2}, "adding a box");
    sql::run(m_db, QStringLiteral("UPDATE examples SET labelled = 1 WHERE id = ?"), {exampleId}, "marking labelled");
    t.commit();
}

void Project::saveAnnotation(qint64 exampleId, const std::vector<Box> &list, bool labelled)
{
    checkExample(exampleId);
    for (const Box &b : list)
        checkClass(b.classId);
    Transaction t(m_db);
    std::map<qint64, Box> stored;
    for (const Box &b : boxes(exampleId))
        stored[b.id] = b;
    for (const Box &b : list) {
        auto it = b.id ? stored.find(b.id) : stored.end();
        if (it == stored.end()) {
            sql::run(
                m_db,
                QStringLiteral("INSERT INTO boxes (example_id, class_id, x1, y1, x2, y2) VALUES (?, ?, ?, ?, ?, ?)"),
                {exampleId, b.classId, b.x1, b.y1, b.x2, b.y2}, "adding a box");
            continue;
        }
        const Box &old = it->second;
        if (old.classId != b.classId || old.x1 != b.x1 || old.y1 != b.y1 || old.x2 != b.x2 || old.y2 != b.y2)
            sql::run(m_db, QStringLiteral("UPDATE boxes SET class_id = ?, x1 = ?, y1 = ?, x2 = ?, y2 = ? WHERE id = ?"),
                     {b.classId, b.x1, b.y1, b.x2, b.y2, b.id}, "updating a box");
        stored.erase(it);
    }
    for (const auto &[id, box] : stored)
        sql::run(m_db, QStringLiteral("DELETE FROM boxes WHERE id = ?"), {id}, "deleting a box");
    sql::run(m_db, QStringLiteral("UPDATE examples SET labelled = ? WHERE id = ?"), {labelled ? 1 : 0, exampleId},
             "marking labelled");
    t.commit();
}

qint64 Project::addBox(qint64 exampleId, const Box &b)
{
    checkExample(exampleId);
    checkClass(b.classId);
    Transaction t(m_db);
    QSqlQuery q = sql::run(
        m_db, QStringLiteral("INSERT INTO boxes (example_id, class_id, x1, y1, x2, y2) VALUES (?, ?, ?, ?, ?, ?)"),
        {exampleId, b.classId, b.x1, b.y1, b.x2, b.y2}, "adding a box");
    const qint64 id = q.lastInsertId().toLongLong();
    sql::run(m_db, QStringLiteral("UPDATE examples SET labelled = 1 WHERE id = ?"), {exampleId}, "marking labelled");
    t.commit();
    return id;
}

void Project::updateBox(const Box &b)
{
    checkClass(b.classId);
    Transaction t(m_db);
    QSqlQuery q =
        sql::run(m_db, QStringLiteral("UPDATE boxes SET class_id = ?, x1 = ?, y1 = ?, x2 = ?, y2 = ? WHERE id = ?"),
                 {b.classId, b.x1, b.y1, b.x2, b.y2, b.id}, "updating a box");
    if (q.numRowsAffected() != 1)
        throw Error(QCoreApplication::translate("visor::Project", "no box with id %1").arg(b.id));
    t.commit();
}

void Project::removeBox(qint64 boxId)
{
    Transaction t(m_db);
    sql::run(m_db, QStringLiteral("DELETE FROM boxes WHERE id = ?"), {boxId}, "removing a box");
    t.commit();
}

void Project::setLabel(qint64 exampleId, qint64 classId)
{
    checkExample(exampleId);
    if (classId > 0)
        checkClass(classId);
    Transaction t(m_db);
    sql::run(
        m_db, QStringLiteral("UPDATE examples SET class_id = ?, labelled = ? WHERE id = ?"),
        {classId > 0 ? QVariant(classId) : QVariant(QMetaType(QMetaType::LongLong)), classId > 0 ? 1 : 0, exampleId},
        "labelling an example");
    t.commit();
}

void Project::setLabelled(qint64 exampleId, bool labelled)
{
    checkExample(exampleId);
    Transaction t(m_db);
    sql::run(m_db, QStringLiteral("UPDATE examples SET labelled = ? WHERE id = ?"), {labelled ? 1 : 0, exampleId},
             "marking labelled");
    t.commit();
}

} // namespace visor
