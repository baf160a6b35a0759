#include "project.h"
#include "fileio.h"
#include "projectcheck.h"
#include "sql.h"
#include "statement.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/statvfs.h>
#include <unistd.h>

namespace visor {
namespace {

// A palette of distinguishable colours for new classes (Tableau 10).
const char *const kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

// A class named after a colour gets that colour ("orange" was drawn red, the palette's third); others
// take the palette in turn. English and Portuguese names.
QString defaultClassColor(const QString &name, qint64 index)
{
    static const std::pair<const char *, const char *> named[] = {
        {"red", "#e15759"},     {"vermelho", "#e15759"}, {"orange", "#f28e2b"}, {"laranja", "#f28e2b"},
        {"yellow", "#edc948"},  {"amarelo", "#edc948"},  {"green", "#59a14f"},  {"verde", "#59a14f"},
        {"blue", "#4e79a7"},    {"azul", "#4e79a7"},     {"purple", "#b07aa1"}, {"roxo", "#b07aa1"},
        {"pink", "#ff9da7"},    {"rosa", "#ff9da7"},     {"brown", "#9c755f"},  {"marrom", "#9c755f"},
        {"grey", "#bab0ac"},    {"gray", "#bab0ac"},     {"cinza", "#bab0ac"},  {"black", "#333333"},
        {"preto", "#333333"},   {"white", "#f0f0f0"},    {"branco", "#f0f0f0"}, {"cyan", "#17becf"},
        {"magenta", "#d62ad6"}, {"lemon", "#e8e337"},    {"lime", "#9bd33c"}};
    const QString key = name.trimmed().toLower();
    for (const auto &[word, color] : named)
        if (key == QLatin1String(word))
            return QString::fromLatin1(color);
    return QString::fromLatin1(kPalette[index % 10]);
}

QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

QJsonValue jsonValue(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().at(0);
}

} // namespace

// Transactions nest: the outermost one is a real BEGIN/COMMIT, inner ones are savepoints, so a
// composite operation (an import creating classes and examples) stays one atomic unit while each
// building block remains atomic on its own. Connections are per thread, and so is the depth.
namespace {
thread_local std::map<QString, int> t_depth;

void exec(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement))
        throw Error(QStringLiteral("database error (%1): %2").arg(statement, q.lastError().text()));
}
} // namespace

Transaction::Transaction(QSqlDatabase &db) : m_db(db)
{
    int &depth = t_depth[m_db.connectionName()];
    if (depth == 0) {
        // IMMEDIATE takes the write lock now, waiting out the busy timeout for another writer. A deferred
        // BEGIN that reads and then writes fails at once with "database is locked" when another process
        // committed in between (its snapshot is stale), whatever the timeout.
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            throw Error(sql::describe(q.lastError(), m_db, "starting a change"));
    } else {
        exec(m_db, QStringLiteral("SAVEPOINT visor_%1").arg(depth));
    }
    m_level = depth++;
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    int &depth = t_depth[m_db.connectionName()];
    depth = m_level;
    if (m_level == 0) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK TO visor_%1").arg(m_level));
        q.exec(QStringLiteral("RELEASE visor_%1").arg(m_level));
    }
}

void Transaction::commit()
{
    if (m_level == 0) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("COMMIT")))
            throw Error(sql::describe(q.lastError(), m_db, "committing a change"));
    } else {
        exec(m_db, QStringLiteral("RELEASE visor_%1").arg(m_level));
    }
    t_depth[m_db.connectionName()] = m_level;
    m_done = true;
}

bool Project::exists(const QString &dir)
{
    return QFileInfo::exists(QDir(dir).filePath(QString::fromLatin1(kDatabaseName)));
}

std::unique_ptr<Project> Project::create(const QString &dir, const QString &name, DatasetKind kind)
{
    if (name.trimmed().isEmpty())
        throw Error(QCoreApplication::translate("visor::Project", "a project needs a name"));
    if (exists(dir))
        throw Error(QCoreApplication::translate("visor::Project", "%1 already holds a project")
                        .arg(QDir(dir).filePath(QString::fromLatin1(kDatabaseName))));
    if (!QDir().mkpath(QDir(dir).filePath(QStringLiteral("images"))))
        throw Error(QCoreApplication::translate("visor::Project", "cannot create the folder %1").arg(dir));
    std::unique_ptr<Project> p(new Project);
    p->openDatabase(dir, false, true);
    Transaction t(p->m_db);
    sql::run(p->m_db,
             QStringLiteral("INSERT INTO project (id, name, kind, created, split_seed) VALUES (1, ?, ?, ?, ?)"),
             {name.trimmed(), kindKey(kind), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
              qint64(QRandomGenerator::global()->generate() & 0x7fffffff)},
             "creating the project record");
    const ParameterSet defaults;
    for (const auto &spec : ParameterRegistry::instance().all())
        sql::run(p->m_db, QStringLiteral("INSERT INTO params (key, value) VALUES (?, ?)"),
                 {spec.key, jsonText(defaults.value(spec.key))}, "storing default parameters");
    t.commit();
    p->loadRecord();
    return p;
}

namespace {

// Reads the database header without SQLite: an empty file or one that is not SQLite is refused before
// SQLite touches it. (The schema version is read through SQLite: in WAL mode the newest one can be in
// the -wal file, not in this header.) A file that is not a Visor project comes out of an open attempt
// byte for byte as it went in: no schema injected, no WAL switch, no -wal/-shm.
void checkDatabaseFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("visor::Project", "cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray header = f.read(100);
    auto refuse = [&](const QString &why) {
        throw Error(
            QCoreApplication::translate("visor::Project", "%1 is not a Visor project: %2; it was left untouched")
                .arg(path, why));
    };
    if (header.isEmpty())
        refuse(QCoreApplication::translate("visor::Project", "the file is empty"));
    if (!header.startsWith(QByteArray("SQLite format 3\0", 16)) || header.size() < 100)
        refuse(QCoreApplication::translate("visor::Project", "it is not an SQLite database"));
}

bool writable(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

} // namespace

namespace {

// Whether `file` holds a Visor schema older than this build's (read without opening it for Qt).
bool needsUpgrade(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = f.read(100); // SQLite's header: user_version is the big-endian int at 60
    if (header.size() < 64)
        return false;
    const auto *b = reinterpret_cast<const unsigned char *>(header.constData()) + 60;
    const int version = int((uint(b[0]) << 24) | (uint(b[1]) << 16) | (uint(b[2]) << 8) | uint(b[3]));
    return version > 0 && version < Project::kSchemaVersion;
}

} // namespace

std::unique_ptr<Project> Project::open(const QString &dir, OpenMode mode)
{
    if (!exists(dir))
        throw Error(QCoreApplication::translate("visor::Project", "%1 is not a Visor project (no %2)")
                        .arg(dir, QString::fromLatin1(kDatabaseName)));
    const QString file = QDir(dir).filePath(QString::fromLatin1(kDatabaseName));
    checkDatabaseFile(file);
    const bool readOnly = mode == OpenMode::ReadOnly || !writable(file) || !writable(dir);
    std::unique_ptr<Project> p(new Project);
    try {
        p->openDatabase(dir, readOnly, false);
    } catch (const Error &) {
        // A reader of a project written by an older Visor (visor-cli runs after an upgrade): the schema
        // migration is a writer's job, done here once when the files may be written, then read as asked.
        if (mode != OpenMode::ReadOnly || !writable(file) || !writable(dir) || !needsUpgrade(file))
            throw;
        Project::open(dir, OpenMode::ReadWrite);
        p.reset(new Project);
        p->openDatabase(dir, true, false);
    }
    p->loadRecord();
    if (!readOnly) {
        QDir().mkpath(p->imagesDir());
        removeStaleTemporaryFiles(*p); // what killed imports left half-written
    }
    return p;
}

void Project::openDatabase(const QString &dir, bool readOnly, bool creating)
{
    m_readOnly = readOnly;
    m_dir = QDir(dir).absolutePath();
    m_connection = QStringLiteral("visor-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!m_db.isValid())
        throw Error(QCoreApplication::translate("visor::Project", "the Qt SQLite driver (QSQLITE) is not installed"));
    m_db.setDatabaseName(QDir(m_dir).filePath(QString::fromLatin1(kDatabaseName)));
    // A second writer (an import in another window) waits up to 30 s for the first to commit.
    m_db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000;QSQLITE_OPEN_READONLY")
                                    : QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    if (!m_db.open())
        throw Error(QCoreApplication::translate("visor::Project", "cannot open %1: %2")
                        .arg(m_db.databaseName(), m_db.lastError().text()));
    QSqlQuery q(m_db);
    // Identify the file before any pragma or migration writes to it: Visor's schema version, Visor's tables.
    if (!creating) {
        int version = 0;
        try {
            version = sql::schemaVersion(m_db);
        } catch (const Error &) {
            // A WAL database needs its -shm index file even to be read; on a full disk it cannot be made
            // ("disk I/O error"). With no -wal content to merge, the file alone is the whole database:
            // a reader opens it immutable, without -shm. A writer is told the disk is full.
            if (!readOnly || !reopenImmutable())
                throw Error(fullDiskMessage().isEmpty() ? sql::describe(q.lastError(), m_db, "opening the project")
                                                        : fullDiskMessage());
            version = sql::schemaVersion(m_db);
        }
        auto refuse = [this](const QString &why) {
            throw Error(
                QCoreApplication::translate("visor::Project", "%1 is not a Visor project: %2; it was left untouched")
                    .arg(m_db.databaseName(), why));
        };
        if (version == 0)
            refuse(QCoreApplication::translate("visor::Project", "an SQLite database without Visor's schema"));
        if (version > kSchemaVersion)
            throw Error(QCoreApplication::translate("visor::Project",
                                                    "%1 was written by a newer Visor (schema version %2; this build "
                                                    "knows %3); it was left untouched")
                            .arg(m_db.databaseName())
                            .arg(version)
                            .arg(kSchemaVersion));
        sql::check(q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                         "('project', 'classes', 'examples', 'params')")),
                   q, "reading the database's tables");
        if (!q.next() || q.value(0).toInt() != 4)
            refuse(QCoreApplication::translate("visor::Project", "an SQLite database without Visor's tables"));
        q.finish();
    }
    if (readOnly) {
        sql::check(q.exec(QStringLiteral("PRAGMA foreign_keys=ON")), q, "configuring the database");
        if (sql::schemaVersion(m_db) != kSchemaVersion)
            throw Error(QCoreApplication::translate("visor::Project",
                                                    "%1 needs an upgrade to schema version %2, which a read-only "
                                                    "project cannot get")
                            .arg(m_db.databaseName())
                            .arg(kSchemaVersion));
        return;
    }
    // WAL: readers never block the writer and a killed writer loses only its open transaction.
    // synchronous=FULL: a committed edit also survives a power cut, at one fsync per commit.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"})
        sql::check(q.exec(QString::fromLatin1(pragma)), q, "configuring the database");
    sql::migrate(m_db, kSchemaVersion);
    if (sql::schemaVersion(m_db) != kSchemaVersion)
        throw Error(
            QCoreApplication::translate("visor::Project", "%1: schema version mismatch").arg(m_db.databaseName()));
}

bool Project::reopenImmutable()
{
    const QString file = QDir(m_dir).filePath(QString::fromLatin1(kDatabaseName));
    if (QFileInfo(file + QStringLiteral("-wal")).size() > 0)
        return false; // committed changes wait in the WAL: only SQLite with its -shm can read them
    m_db.close();
    m_db.setDatabaseName(QUrl::fromLocalFile(file).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"));
    return m_db.open();
}

QString Project::fullDiskMessage() const
{
    struct statvfs st {};
    if (::statvfs(QFile::encodeName(m_dir).constData(), &st) != 0 || st.f_bavail > 16)
        return {};
    return QCoreApplication::translate("visor::Project",
                                       "the disk holding %1 is full: free some space to change the project "
                                       "(reading it works)")
        .arg(m_dir);
}

Project::~Project()
{
    if (m_db.isOpen()) {
        // Fold the WAL back into the main file so a project folder copied while closed is complete.
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        q.finish();
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

void Project::loadRecord()
{
    QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT name, description, kind, created, split_seed FROM project"), {},
                           "reading the project record");
    if (!q.next())
        throw Error(QCoreApplication::translate("visor::Project", "%1 has no project record").arg(m_db.databaseName()));
    m_name = q.value(0).toString();
    m_description = q.value(1).toString();
    const auto kind = parseKind(q.value(2).toString());
    if (!kind)
        throw Error(QCoreApplication::translate("visor::Project", "%1: unknown data set kind '%2'")
                        .arg(m_db.databaseName(), q.value(2).toString()));
    m_kind = *kind;
    m_created = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
    m_splitSeed = quint64(q.value(4).toLongLong());
}

void Project::setRecordField(const char *field, const QVariant &value)
{
    Transaction t(m_db);
    sql::run(m_db, QStringLiteral("UPDATE project SET %1 = ? WHERE id = 1").arg(QString::fromLatin1(field)), {value},
             "updating the project record");
    t.commit();
    loadRecord();
}

void Project::setName(const QString &name)
{
    if (name.trimmed().isEmpty())
        throw Error(QCoreApplication::translate("visor::Project", "a project needs a name"));
    setRecordField("name", name.trimmed());
}

void Project::setDescription(const QString &text)
{
    setRecordField("description", text);
}
void Project::setSplitSeed(quint64 seed)
{
    setRecordField("split_seed", qint64(seed & 0x7fffffffffffffffULL));
}

QString Project::imagesDir() const
{
    return QDir(m_dir).filePath(QStringLiteral("images"));
}

QString Project::imagePath(const QString &hash, const QString &suffix) const
{
    return QDir(imagesDir()).filePath(hash + QLatin1Char('.') + suffix);
}

QString Project::imagePath(const Example &example) const
{
    return imagePath(example.hash, example.suffix);
}

QString Project::storeImage(const QByteArray &bytes, const QString &suffix)
{
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString path = imagePath(hash, suffix);
    const QFileInfo existing(path);
    if (!existing.exists() || existing.size() != bytes.size())
        fileio::writeAtomically(path, bytes, fileio::Durability::Batch); // synced by syncImages()
    return hash;
}

void Project::syncImages() const
{
    if (const QString why = fileio::syncFileSystem(imagesDir()); !why.isEmpty())
        throw Error(QCoreApplication::translate("visor::Project", "cannot flush the images in %1 to disk: %2")
                        .arg(imagesDir(), why));
}

// ---- parameters

ParameterSet Project::parameters() const
{
    QJsonObject values;
    QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT key, value FROM params"), {}, "reading parameters");
    while (q.next())
        if (ParameterRegistry::instance().find(q.value(0).toString()))
            values.insert(q.value(0).toString(), jsonValue(q.value(1).toString()));
    // Values written by a build with other bounds stay readable: invalid ones fall back to defaults.
    return ParameterSet::fromJson(values);
}

std::map<QString, QString> Project::parameterProblems() const
{
    std::map<QString, QString> out;
    QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT key, value FROM params"), {}, "reading parameters");
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (!ParameterRegistry::instance().find(key))
            continue; // a parameter of an older build, no longer read
        if (const QString why = ParameterRegistry::instance().validate(key, jsonValue(q.value(1).toString()));
            !why.isEmpty())
            out[key] = why;
    }
    return out;
}

void Project::setParameter(const QString &key, const QJsonValue &value)
{
    ParameterSet check;
    check.set(key, value); // throws with a message naming the key
    Transaction t(m_db);
    sql::run(m_db, QStringLiteral("INSERT OR REPLACE INTO params (key, value) VALUES (?, ?)"), {key, jsonText(value)},
             "storing a parameter");
    t.commit();
}

void Project::setParameters(const ParameterSet &set)
{
    const QJsonObject values = set.toJson();
    Transaction t(m_db);
    for (auto it = values.begin(); it != values.end(); ++it)
        sql::run(m_db, QStringLiteral("INSERT OR REPLACE INTO params (key, value) VALUES (?, ?)"),
                 {it.key(), jsonText(it.value())}, "storing parameters");
    t.commit();
}

// ---- classes

std::vector<ClassInfo> Project::classes() const
{
    std::vector<ClassInfo> out;
    QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT id, name, color, position FROM classes ORDER BY position, id"),
                           {}, "reading classes");
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()});
    return out;
}

std::optional<ClassInfo> Project::classByName(const QString &name) const
{
    // classes.name is UNIQUE, so indexed: one lookup, not a scan of every class.
    QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT id, name, color, position FROM classes WHERE name = ?"), {name},
                           "looking up a class");
    if (!q.next())
        return std::nullopt;
    return ClassInfo{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()};
}

void Project::checkClass(qint64 id) const
{
    if (!sql::scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM classes WHERE id = ?"), {id}, "looking up a class"))
        throw Error(QCoreApplication::translate("visor::Project", "no class with id %1").arg(id));
}

std::vector<qint64> Project::addClasses(const QStringList &names)
{
    std::vector<qint64> ids;
    ids.reserve(size_t(names.size()));
    Transaction t(m_db);
    qint64 count = sql::scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM classes"), {}, "counting classes");
    qint64 position =
        sql::scalar(m_db, QStringLiteral("SELECT COALESCE(MAX(position) + 1, 0) FROM classes"), {}, "ordering classes");
    for (const QString &raw : names) {
        const QString name = raw.trimmed();
        if (name.isEmpty())
            throw Error(QCoreApplication::translate("visor::Project", "a class needs a name"));
        if (classByName(name))
            throw Error(QCoreApplication::translate("visor::Project", "a class named '%1' already exists").arg(name));
        QSqlQuery q = sql::run(m_db, QStringLiteral("INSERT INTO classes (name, color, position) VALUES (?, ?, ?)"),
                               {name, defaultClassColor(name, count++), position++}, "adding a class");
        ids.push_back(q.lastInsertId().toLongLong());
    }
    t.commit();
    return ids;
}

qint64 Project::addClass(const QString &rawName, const QString &color)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty())
        throw Error(QCoreApplication::translate("visor::Project", "a class needs a name"));
    if (classByName(name))
        throw Error(QCoreApplication::translate("visor::Project", "a class named '%1' already exists").arg(name));
    const qint64 count = sql::scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM classes"), {}, "counting classes");
    const qint64 position =
        sql::scalar(m_db, QStringLiteral("SELECT COALESCE(MAX(position) + 1, 0) FROM classes"), {}, "ordering classes");
    const QString c = color.isEmpty() ? defaultClassColor(name, count) : color;
    Transaction t(m_db);
    QSqlQuery q = sql::run(m_db, QStringLiteral("INSERT INTO classes (name, color, position) VALUES (?, ?, ?)"),
                           {name, c, position}, "adding a class");
    const qint64 id = q.lastInsertId().toLongLong();
    t.commit();
    return id;
}

void Project::renameClass(qint64 id, const QString &rawName)
{
    checkClass(id);
    const QString name = rawName.trimmed();
    if (name.isEmpty())
        throw Error(QCoreApplication::translate("visor::Project", "a class needs a name"));
    if (auto other = classByName(name); other && other->id != id)
        throw Error(QCoreApplication::translate("visor::Project", "a class named '%1' already exists").arg(name));
    Transaction t(m_db);
    sql::run(m_db, QStringLiteral("UPDATE classes SET name = ? WHERE id = ?"), {name, id}, "renaming a class");
    t.commit();
}

void Project::setClassColor(qint64 id, const QString &color)
{
    checkClass(id);
    Transaction t(m_db);
    sql::run(m_db, QStringLiteral("UPDATE classes SET color = ? WHERE id = ?"), {color, id}, "recolouring a class");
    t.commit();
}

void Project::moveClass(qint64 id, int newPosition)
{
    checkClass(id);
    std::vector<ClassInfo> list = classes();
    auto it = std::find_if(list.begin(), list.end(), [&](const ClassInfo &c) { return c.id == id; });
    ClassInfo moved = *it;
    list.erase(it);
    newPosition = std::clamp(newPosition, 0, int(list.size()));
    list.insert(list.begin() + newPosition, moved);
    Transaction t(m_db);
    for (size_t i = 0; i < list.size(); ++i)
        sql::run(m_db, QStringLiteral("UPDATE classes SET position = ? WHERE id = ?"), {qint64(i), list[i].id},
                 "reordering classes");
    t.commit();
}

qint64 Project::classUsage(qint64 id) const
{
    return sql::scalar(m_db,
                       QStringLiteral("SELECT (SELECT COUNT(*) FROM boxes WHERE class_id = ?) + "
                                      "(SELECT COUNT(*) FROM examples WHERE class_id = ?)"),
                       {id, id}, "counting class usage");
}

void Project::deleteClass(qint64 id, bool cascade)
{
    checkClass(id);
    const qint64 used = classUsage(id);
    if (used > 0 && !cascade) {
        QSqlQuery q = sql::run(m_db, QStringLiteral("SELECT name FROM classes WHERE id = ?"), {id}, "naming a class");
        const QString name = q.next() ? q.value(0).toString() : QString::number(id);
        throw Error(
            QCoreApplication::translate("visor::Project",
                                        "class '%1' is used by %n annotation(s); delete them too or relabel them first",
                                        nullptr, int(used))
                .arg(name));
    }
    Transaction t(m_db);
    sql::run(m_db, QStringLiteral("DELETE FROM boxes WHERE class_id = ?"), {id}, "deleting a class's boxes");
    sql::run(m_db, QStringLiteral("UPDATE examples SET class_id = NULL, labelled = 0 WHERE class_id = ?"), {id},
             "unlabelling a class's examples");
    sql::run(m_db, QStringLiteral("DELETE FROM classes WHERE id = ?"), {id}, "deleting a class");
    t.commit();
}

} // namespace visor
