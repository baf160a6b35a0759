#pragma once
// Internal: prepared statements straight on SQLite's C API, for the bulk paths (imports of
// 100,000 examples, statistics over 500,000 boxes) where QSqlQuery's per-value QVariant costs ten
// times the query itself. The handle is the one QtSql opened (QSqlDriver::handle), so transactions
// begun through QSqlDatabase cover these statements too. Debian's QSQLITE plugin links the same
// libsqlite3 as we do.

#include "types.h"

#include <QSqlDatabase>
#include <sqlite3.h>

namespace visor::sql {

sqlite3 *handle(QSqlDatabase &db);

class Statement {
public:
    Statement(QSqlDatabase &db, const char *statement, const char *what);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bindNull(int index);

    /// Steps once: true when a row is available, false when done. Throws on error.
    bool step();
    /// Runs to completion and resets, keeping the statement for the next bindings.
    void run();
    void reset();

    qint64 int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    QString text(int column) const;
    qint64 lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
    int changes() const { return sqlite3_changes(m_db); }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    const char *m_what;
};

} // namespace visor::sql
