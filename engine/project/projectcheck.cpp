#include "projectcheck.h"
#include "fileio.h"
#include "splitter.h"
#include "sql.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <cerrno>
#include <csignal>

namespace visor {
namespace {

// The writer's process id from a temporary name ("….part1234-7f…"); 0 when the name holds none.
qint64 writerOf(const QString &name)
{
    static const QRegularExpression pid(QStringLiteral("\\.part(\\d+)-[0-9a-f]+$"));
    const auto m = pid.match(name);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

int removeStaleTemporaryFiles(const Project &project)
{
    int removed = 0;
    QDirIterator it(project.imagesDir(), QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = it.fileName();
        if (fileio::isTemporaryName(name) && !processAlive(writerOf(name)) && QFile::remove(path))
            ++removed;
    }
    return removed;
}

ProjectCheck checkProject(Project &project, bool repair)
{
    ProjectCheck c;
    QSqlDatabase &db = project.database();
    {
        QSqlQuery q = sql::run(db, QStringLiteral("PRAGMA integrity_check"), {}, "checking the database");
        QStringList lines;
        while (q.next())
            lines << q.value(0).toString();
        c.integrity = lines.join(QLatin1Char('\n'));
    }
    QSet<QString> referenced;
    {
        QSqlQuery q =
            sql::run(db, QStringLiteral("SELECT id, hash, suffix, split FROM examples"), {}, "listing examples");
        while (q.next()) {
            const QString file = q.value(1).toString() + QLatin1Char('.') + q.value(2).toString();
            referenced.insert(file);
            if (!QFileInfo::exists(QDir(project.imagesDir()).filePath(file)))
                c.missing.push_back(q.value(0).toLongLong());
            if (q.value(3).isNull())
                ++c.unassigned;
        }
    }
    const QDir root(project.dir());
    QDirIterator it(project.dir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        if (fileio::isTemporaryName(it.fileName()))
            c.temporaryFiles << relative;
        else if (QFileInfo(path).absolutePath() == QDir(project.imagesDir()).absolutePath() &&
                 !referenced.contains(it.fileName()))
            c.unreferenced << relative;
    }
    c.temporaryFiles.sort();
    c.unreferenced.sort();
    if (repair && !project.readOnly()) {
        for (const QString &f : c.temporaryFiles + c.unreferenced)
            QFile::remove(root.filePath(f));
        if (c.unassigned > 0)
            assignSplits(project, SplitMode::Missing);
        c.repaired = true;
    }
    return c;
}

bool ProjectCheck::ok() const
{
    return integrity == QLatin1String("ok") && temporaryFiles.isEmpty() && unreferenced.isEmpty() && missing.empty() &&
           unassigned == 0;
}

QJsonObject ProjectCheck::toJson() const
{
    QJsonArray missingIds;
    for (qint64 id : missing)
        missingIds.append(id);
    return {{QStringLiteral("integrity"), integrity},
            {QStringLiteral("temporary_files"), QJsonArray::fromStringList(temporaryFiles)},
            {QStringLiteral("unreferenced_images"), QJsonArray::fromStringList(unreferenced)},
            {QStringLiteral("missing_images"), missingIds},
            {QStringLiteral("unassigned"), unassigned},
            {QStringLiteral("repaired"), repaired},
            {QStringLiteral("ok"), ok()}};
}

QString ProjectCheck::toText() const
{
    QString s;
    s += QStringLiteral("database integrity: %1\n").arg(integrity);
    s += QStringLiteral("temporary files left by killed writes: %1\n").arg(temporaryFiles.size());
    for (const QString &f : temporaryFiles.mid(0, 20))
        s += QStringLiteral("  %1\n").arg(f);
    s += QStringLiteral("images no example refers to: %1\n").arg(unreferenced.size());
    for (const QString &f : unreferenced.mid(0, 20))
        s += QStringLiteral("  %1\n").arg(f);
    s += QStringLiteral("examples whose image is missing: %1\n").arg(missing.size());
    s += QStringLiteral("examples without a split: %1\n").arg(unassigned);
    if (repaired)
        s += QStringLiteral("repaired: temporary files and unreferenced images removed, splits assigned\n");
    else if (!ok())
        s += QStringLiteral("--repair removes the temporary files and unreferenced images and assigns the splits "
                            "(run it while no import or training writes to the project)\n");
    return s;
}

} // namespace visor
