#pragma once
// Internal helpers for QtSql: every failure becomes a visor::Error naming the statement's purpose.

#include "types.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>

namespace visor::sql {

inline void check(bool ok, const QSqlQuery &q, const char *what)
{
    if (!ok)
        throw Error(QStringLiteral("database error while %1: %2").arg(QString::fromLatin1(what), q.lastError().text()));
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
