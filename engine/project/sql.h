#pragma once
// Internal helpers for QtSql: every failure becomes a visor::Error naming the statement's purpose.

#include "types.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>

namespace visor::sql {

/// A database error as a sentence: a read-only project and a project another process is writing to
/// are said so, with what was being done.
inline QString describe(const QSqlError &error, const QSqlDatabase &db, const char *what)
{
    const QString text = error.text();
    const QString name = db.isValid() ? db.databaseName() + QLatin1Char(' ') : QString();
    if (text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("read-only")))
        return QStringLiteral("the project %1is read-only (no write permission, or a read-only disk): cannot "
                              "save while %2")
            .arg(name, QString::fromLatin1(what));
    if (text.contains(QLatin1String("disk is full")))
        return QStringLiteral("the disk holding the project %1is full: nothing of this change was saved (while %2)")
            .arg(name, QString::fromLatin1(what));
    if (text.contains(QLatin1String("database is locked")) || text.contains(QLatin1String("busy")))
        return QStringLiteral("the project %1is busy: another process (an import or a training in another "
                              "window or terminal) has been writing to it for 30 s; try again when it has "
                              "finished (while %2)")
            .arg(name, QString::fromLatin1(what));
    return QStringLiteral("database error while %1: %2").arg(QString::fromLatin1(what), text);
}

inline void check(bool ok, const QSqlQuery &q, const char *what)
{
    if (!ok)
        throw Error(describe(q.lastError(), QSqlDatabase(), what));
}

/// Prepares and runs a statement with positional bindings.
inline QSqlQuery run(QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> binds,
                     const char *what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    check(q.prepare(statement), q, what);
    for (const auto &b : binds)
        q.addBindValue(b);
    check(q.exec(), q, what);
    return q;
}

inline QSqlQuery run(const QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> binds,
                     const char *what)
{
    return run(const_cast<QSqlDatabase &>(db), statement, binds, what);
}

/// Single integer result (first column of first row), or `fallback` when there is no row.
inline qint64 scalar(const QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> binds,
                     const char *what, qint64 fallback = 0)
{
    QSqlQuery q = run(db, statement, binds, what);
    return q.next() ? q.value(0).toLongLong() : fallback;
}

/// Runs the schema migrations from the database's user_version up to `target`.
void migrate(QSqlDatabase &db, int target);
int schemaVersion(QSqlDatabase &db);

} // namespace visor::sql
