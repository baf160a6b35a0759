#pragma once
/// The project store: one folder with project.visor (SQLite) and images/ (files named by SHA-256).

#include "parameters.h"
#include "types.h"

#include <QSqlDatabase>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace visor {

/// An example about to be added: its image is already in images/ under `hash`.
struct NewExample {
    Example meta;           // id, added are filled by the store
    std::vector<Box> boxes; // detection; classId must exist
};

/// Result of adding examples: ids of new rows and the hashes that were already present.
struct AddResult {
    std::vector<qint64> added;
    std::vector<QString> duplicates; // hashes already in the project (nothing stored twice)
};

/// A project folder. Every mutating call is one transaction; a process killed at any moment
/// leaves the database with every committed change (WAL journal, synchronous=FULL).
/// Errors throw visor::Error with a message naming what is wrong.
class Project {
public:
    static constexpr const char *kDatabaseName = "project.visor";
    static constexpr int kSchemaVersion = 4;

    /// Creates the folder (if needed) and a new project; refuses a folder that already holds one.
    static std::unique_ptr<Project> create(const QString &dir, const QString &name, DatasetKind kind);
    /// Opens an existing project, migrating its schema to the current version.
    /// ReadOnly never writes to the folder (statistics, exports, listings); ReadWrite falls back to
    /// read-only when the file or folder is not writable. A file that is not Visor's (empty, foreign
    /// SQLite, a newer schema) is refused before anything is written to it. Writes to a read-only
    /// project throw an Error that says "read-only".
    enum class OpenMode { ReadWrite, ReadOnly };
    static std::unique_ptr<Project> open(const QString &dir, OpenMode mode = OpenMode::ReadWrite);
    bool readOnly() const { return m_readOnly; }
    static bool exists(const QString &dir);
    ~Project();
    Project(const Project &) = delete;
    Project &operator=(const Project &) = delete;

    QString dir() const { return m_dir; }
    QString imagesDir() const;
    QString imagePath(const Example &example) const;
    QString imagePath(const QString &hash, const QString &suffix) const;
    QSqlDatabase &database() { return m_db; }

    // Project record
    QString name() const { return m_name; }
    QString description() const { return m_description; }
    DatasetKind kind() const { return m_kind; }
    QDateTime created() const { return m_created; }
    quint64 splitSeed() const { return m_splitSeed; }
    void setName(const QString &name);
    void setDescription(const QString &text);
    void setSplitSeed(quint64 seed);

    // Parameters (every key of the registry is stored; validated on write, never clamped)
    ParameterSet parameters() const;
    /// Stored values this build refuses (written by a build with other bounds, or naming a backbone or
    /// component of a plugin not loaded now): key → the refusal. parameters() gives their defaults
    /// instead; a training run refuses to start on them (visor-cli train, the Training page says so).
    std::map<QString, QString> parameterProblems() const;
    void setParameter(const QString &key, const QJsonValue &value);
    void setParameters(const ParameterSet &set);

    // Classes
    std::vector<ClassInfo> classes() const; // in display order
    std::optional<ClassInfo> classByName(const QString &name) const;
    qint64 addClass(const QString &name, const QString &color = {});
    /// Adds many classes in one transaction, in linear time (an import of 20,000 COCO categories).
    /// Returns their ids in order; throws naming the first empty or existing name.
    std::vector<qint64> addClasses(const QStringList &names);
    void renameClass(qint64 id, const QString &name);
    void setClassColor(qint64 id, const QString &color);
    void moveClass(qint64 id, int newPosition);
    /// Refused (Error) when the class is used by annotations, unless `cascade` deletes those too.
    void deleteClass(qint64 id, bool cascade);
    /// Annotations (boxes + classification labels) using a class.
    qint64 classUsage(qint64 id) const;

    // Examples
    qint64 exampleCount() const;
    std::vector<Example> examples() const;
    std::vector<qint64> exampleIds() const; // in the order of examples(), without reading the rest
    std::optional<Example> example(qint64 id) const;
    std::optional<qint64> exampleIdByHash(const QString &hash) const;
    AddResult addExamples(const std::vector<NewExample> &items);
    void removeExamples(const std::vector<qint64> &ids);
    void setSplits(const std::vector<std::pair<qint64, std::optional<Split>>> &assignments);
    void pinSplit(qint64 id, std::optional<Split> split); // nullopt unpins

    // Annotations
    std::vector<Box> boxes(qint64 exampleId) const;
    std::unordered_map<qint64, std::vector<Box>> allBoxes() const;
    /// Replaces the boxes of an example and marks it labelled (detection).
    void setBoxes(qint64 exampleId, const std::vector<Box> &boxes);
    /// One annotation edit in one transaction: the boxes (stored boxes keep their ids: changed ones are
    /// updated, gone ones deleted, new ones, id 0, inserted) and the labelled state.
    void saveAnnotation(qint64 exampleId, const std::vector<Box> &boxes, bool labelled);
    qint64 addBox(qint64 exampleId, const Box &box);
    void updateBox(const Box &box);
    void removeBox(qint64 boxId);
    /// Classification label; 0 makes the example unlabelled.
    void setLabel(qint64 exampleId, qint64 classId);
    /// Detection: marks an example annotated (possibly with no boxes) or back to unlabelled.
    void setLabelled(qint64 exampleId, bool labelled);

    /// Stores the image bytes under images/<hash>.<suffix>. Returns the hash. Call syncImages() before
    /// committing rows that refer to images stored this way.
    QString storeImage(const QByteArray &bytes, const QString &suffix);
    /// Flushes the file system holding images/ (one syncfs), so that images written before it are on
    /// disk before the database commit that refers to them. Throws Error when the flush fails (a full
    /// disk that delayed allocation reports only now): the caller must not commit.
    void syncImages() const;

private:
    Project() = default;
    void openDatabase(const QString &dir, bool readOnly, bool creating);
    bool reopenImmutable();
    QString fullDiskMessage() const;
    void loadRecord();
    void checkClass(qint64 id) const;
    void checkExample(qint64 id) const;
    void setRecordField(const char *field, const QVariant &value);

    QString m_dir;
    bool m_readOnly = false;
    QString m_connection;
    QSqlDatabase m_db;
    QString m_name, m_description;
    DatasetKind m_kind = DatasetKind::ObjectDetection;
    QDateTime m_created;
    quint64 m_splitSeed = 0;
};

/// RAII transaction: rolls back unless commit() was called. Nests (inner levels are savepoints).
class Transaction {
public:
    explicit Transaction(QSqlDatabase &db);
    ~Transaction();
    void commit();

private:
    QSqlDatabase &m_db;
    int m_level = 0;
    bool m_done = false;
};

} // namespace visor
