// Schema migrations. Each step is one transaction and bumps PRAGMA user_version, so a project
// killed mid-migration reopens at the last completed version and continues from there.
// Never edit a released step: add a new one.

#include "sql.h"

#include <QStringList>

namespace visor::sql {
namespace {

const char *const kVersion1[] = {
    R"(CREATE TABLE project (
         id INTEGER PRIMARY KEY CHECK (id = 1),
         name TEXT NOT NULL,
         description TEXT NOT NULL DEFAULT '',
         kind TEXT NOT NULL CHECK (kind IN ('detection', 'classification')),
         created TEXT NOT NULL,
         split_seed INTEGER NOT NULL))",
    R"(CREATE TABLE params (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL))",
    R"(CREATE TABLE classes (
         id INTEGER PRIMARY KEY,
         name TEXT NOT NULL UNIQUE,
         color TEXT NOT NULL,
         position INTEGER NOT NULL))",
    R"(CREATE TABLE examples (
         id INTEGER PRIMARY KEY,
         hash TEXT NOT NULL UNIQUE,
         suffix TEXT NOT NULL,
         file_name TEXT NOT NULL,
         source TEXT NOT NULL DEFAULT '',
         width INTEGER NOT NULL,
         height INTEGER NOT NULL,
         added TEXT NOT NULL,
         split INTEGER CHECK (split IN (0, 1, 2)),
         pinned_split INTEGER CHECK (pinned_split IN (0, 1, 2)),
         labelled INTEGER NOT NULL DEFAULT 0,
         class_id INTEGER REFERENCES classes(id)))",
    R"(CREATE TABLE boxes (
         id INTEGER PRIMARY KEY,
         example_id INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
         class_id INTEGER NOT NULL REFERENCES classes(id),
         x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL))",
};

// Version 2: perceptual hashes for near-duplicate detection, and the indexes that keep statistics
// on 100,000 examples fast. No index on boxes(class_id): it would cost every import of 500,000 boxes
// a second to speed up only class deletion, which scans in a few tens of milliseconds without it.
const char *const kVersion2[] = {
    "ALTER TABLE examples ADD COLUMN phash INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX boxes_example ON boxes(example_id)",
    "CREATE INDEX examples_class ON examples(class_id)",
};

// Version 3: training runs and their per-epoch metrics (filled by the training engine).
const char *const kVersion3[] = {
    R"(CREATE TABLE runs (
         id INTEGER PRIMARY KEY,
         name TEXT NOT NULL DEFAULT '',
         started TEXT NOT NULL,
         finished TEXT,
         status TEXT NOT NULL DEFAULT 'created',
         params TEXT NOT NULL,
         folder TEXT NOT NULL DEFAULT '',
         metrics TEXT NOT NULL DEFAULT '{}',
         message TEXT NOT NULL DEFAULT ''))",
    R"(CREATE TABLE run_epochs (
         run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
         epoch INTEGER NOT NULL,
         loss REAL, val_loss REAL, metric REAL, val_metric REAL,
         learning_rate REAL, seconds REAL,
         extra TEXT NOT NULL DEFAULT '{}',
         PRIMARY KEY (run_id, epoch)))",
    R"(CREATE TABLE run_events (
         id INTEGER PRIMARY KEY,
         run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
         epoch INTEGER NOT NULL,
         kind TEXT NOT NULL,
         details TEXT NOT NULL DEFAULT '{}'))",
};

// Version 4: predictions a model made that a person has not accepted yet (proposals: the edge's
// feedback, model-assisted annotation), and where an example came from beyond its import folder
// (a frame visor-edge kept, with why).
const char *const kVersion4[] = {
    R"(CREATE TABLE proposals (
         id INTEGER PRIMARY KEY,
         example_id INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
         class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
         has_box INTEGER NOT NULL,
         x1 REAL NOT NULL DEFAULT 0, y1 REAL NOT NULL DEFAULT 0, x2 REAL NOT NULL DEFAULT 0, y2 REAL NOT NULL DEFAULT 0,
         score REAL NOT NULL,
         origin TEXT NOT NULL DEFAULT '',
         created TEXT NOT NULL))",
    "CREATE INDEX proposals_example ON proposals(example_id)",
    R"(CREATE TABLE example_origins (
         example_id INTEGER PRIMARY KEY REFERENCES examples(id) ON DELETE CASCADE,
         origin TEXT NOT NULL,
         details TEXT NOT NULL DEFAULT '{}'))",
};

struct Step {
    const char *const *statements;
    size_t count;
};

template <size_t N> Step step(const char *const (&s)[N])
{
    return {s, N};
}

} // namespace

int schemaVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    check(q.exec(QStringLiteral("PRAGMA user_version")), q, "reading the schema version");
    return q.next() ? q.value(0).toInt() : 0;
}

void migrate(QSqlDatabase &db, int target)
{
    const Step steps[] = {step(kVersion1), step(kVersion2), step(kVersion3), step(kVersion4)};
    const int latest = int(sizeof(steps) / sizeof(steps[0]));
    int version = schemaVersion(db);
    if (version > latest)
        throw Error(QStringLiteral("project was written by a newer Visor (schema version %1, this build knows %2)")
                        .arg(version)
                        .arg(latest));
    for (; version < target && version < latest; ++version) {
        if (!db.transaction())
            throw Error(QStringLiteral("cannot start the schema migration: %1").arg(db.lastError().text()));
        const Step &s = steps[version];
        for (size_t i = 0; i < s.count; ++i) {
            QSqlQuery q(db);
            if (!q.exec(QString::fromLatin1(s.statements[i]))) {
                const QString err = q.lastError().text();
                db.rollback();
                throw Error(QStringLiteral("schema migration to version %1 failed: %2").arg(version + 1).arg(err));
            }
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)) || !db.commit()) {
            db.rollback();
            throw Error(QStringLiteral("schema migration to version %1 could not be committed").arg(version + 1));
        }
    }
}

} // namespace visor::sql
