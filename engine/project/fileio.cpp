#include "fileio.h"
#include "types.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace visor::fileio {
namespace {

QString systemError(int code)
{
    return QString::fromLocal8Bit(strerror(code));
}

[[noreturn]] void fail(const QString &path, int code)
{
    throw Error(QCoreApplication::translate("visor::Project", "cannot write %1: %2").arg(path, systemError(code)));
}

// QFile buffers: its write() succeeds and the failure (ENOSPC, EFBIG) comes at close(), unchecked. Plain
// write(2) in a loop sees every short write and every error.
int writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(std::min<qint64>(size, qint64(1) << 30)));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return ENOSPC;
        data += n;
        size -= n;
    }
    return 0;
}

} // namespace

QString temporaryFor(const QString &path)
{
    return path + QStringLiteral(".part%1-%2").arg(::getpid()).arg(quintptr(QThread::currentThreadId()), 0, 16);
}

bool isTemporaryName(const QString &fileName)
{
    static const QRegularExpression part(QStringLiteral("\\.part[0-9a-f-]*$"));
    return part.match(fileName).hasMatch();
}

void syncFolder(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

QString syncFileSystem(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return systemError(errno);
    const int result = ::syncfs(fd);
    const int error = errno;
    ::close(fd);
    return result == 0 ? QString() : systemError(error);
}

void writeAtomically(const QString &path, const QByteArray &bytes, Durability durability)
{
    const QString temporary = temporaryFor(path);
    const QByteArray name = QFile::encodeName(temporary);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(path, errno);
    int error = writeAll(fd, bytes.constData(), bytes.size());
    if (!error && durability == Durability::Now && ::fsync(fd) != 0 &&
        errno != EINVAL) // EINVAL: a file system without fsync (pipes, some FUSE)
        error = errno;
    if (::close(fd) != 0 && !error)
        error = errno;
    if (error) {
        ::unlink(name.constData());
        fail(path, error);
    }
    // rename(2) replaces an existing file atomically; removing it first would leave a moment with none.
    if (::rename(name.constData(), QFile::encodeName(path).constData()) != 0) {
        error = errno;
        ::unlink(name.constData());
        fail(path, error);
    }
    if (durability == Durability::Now)
        syncFolder(QFileInfo(path).absolutePath());
}

void commit(const QString &temporary, const QString &path, qint64 expectedBytes)
{
    const QByteArray name = QFile::encodeName(temporary);
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail(path, errno);
    struct stat st {};
    int error = ::fstat(fd, &st) != 0 ? errno : 0;
    if (!error && expectedBytes >= 0 && st.st_size != expectedBytes)
        error = ENOSPC; // a writer that did not notice its short write
    if (!error && ::fsync(fd) != 0 && errno != EINVAL)
        error = errno;
    ::close(fd);
    if (!error && ::rename(name.constData(), QFile::encodeName(path).constData()) != 0)
        error = errno;
    if (error) {
        ::unlink(name.constData());
        fail(path, error);
    }
    syncFolder(QFileInfo(path).absolutePath());
}

namespace {

// The process's umask without setting it (umask() sets it, a race with other threads' file creation).
mode_t processUmask()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("Umask:"))
                return mode_t(line.mid(6).trimmed().toUInt(nullptr, 8));
    return 022;
}

} // namespace

StagedFolder::StagedFolder(const QString &target) : m_target(QFileInfo(target).absoluteFilePath())
{
    if (QDir out(m_target); out.exists() && !out.isEmpty())
        throw Error(QCoreApplication::translate("visor::Import", "%1 is not empty; write into a new or empty folder")
                        .arg(target));
    const QString parent = QFileInfo(m_target).absolutePath();
    if (!QDir().mkpath(parent))
        throw Error(QCoreApplication::translate("visor::Import", "cannot create %1").arg(parent));
    m_staging = std::make_unique<QTemporaryDir>(
        QDir(parent).filePath(QStringLiteral(".%1.staging-XXXXXX").arg(QFileInfo(m_target).fileName())));
    if (!m_staging->isValid())
        throw Error(
            QCoreApplication::translate("visor::Import", "cannot create %1: %2").arg(target, m_staging->errorString()));
}

StagedFolder::~StagedFolder() = default;

QString StagedFolder::path() const
{
    return m_staging->path();
}

QString StagedFolder::target() const
{
    return m_target;
}

void StagedFolder::publish()
{
    if (const QString why = syncFileSystem(path()); !why.isEmpty())
        throw Error(QCoreApplication::translate("visor::Import", "cannot write %1: %2").arg(m_target, why));
    QDir().rmdir(m_target);
    if (std::rename(QFile::encodeName(path()).constData(), QFile::encodeName(m_target).constData()) != 0)
        throw Error(QCoreApplication::translate("visor::Import", "cannot create %1: %2")
                        .arg(m_target, QString::fromLocal8Bit(strerror(errno))));
    m_staging->setAutoRemove(false);
    // QTemporaryDir made it private (0700); the published folder gets the mode of any new folder.
    ::chmod(QFile::encodeName(m_target).constData(), 0777 & ~processUmask());
    syncFolder(QFileInfo(m_target).absolutePath());
}

} // namespace visor::fileio
