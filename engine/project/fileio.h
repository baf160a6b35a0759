#pragma once
/// Durable file writes: every file Visor creates (images, checkpoints, exports, bundles) goes through
/// here, so a full disk, a short write or a kill never leaves a truncated file under its final name.

#include <QByteArray>
#include <QString>
#include <memory>

class QTemporaryDir;

namespace visor::fileio {

/// Writes `bytes` to `path` through a temporary file in the same folder: every byte written (short
/// writes retried, ENOSPC/EFBIG/EIO reported), flushed to the device, then renamed over `path` (an
/// atomic replace: readers see the old file or the new one, never none). Throws Error naming `path`.
/// `Durability::Batch` skips the per-file fsync for writers that sync the whole folder once and check
/// that (an import of thousands of images: see syncFileSystem).
enum class Durability { Now, Batch };
void writeAtomically(const QString &path, const QByteArray &bytes, Durability durability = Durability::Now);

/// Moves a finished temporary file (written by another library: LibTorch, OpenCV) to `path` the same
/// way: fsync, rename over, fsync of the folder. `expectedBytes` >= 0 checks its size first.
void commit(const QString &temporary, const QString &path, qint64 expectedBytes = -1);

/// Flushes a folder's entries (new names, renames) to the device.
void syncFolder(const QString &dir);

/// Flushes the whole file system holding `dir` (syncfs) and returns the error it reports (empty when
/// none): delayed-allocation file systems report a full disk only here.
QString syncFileSystem(const QString &dir);

/// The temporary name writeAtomically uses for `path` on this thread (unique per thread and process).
QString temporaryFor(const QString &path);

/// True for names Visor's atomic writes leave behind when killed (`*.part*`).
bool isTemporaryName(const QString &fileName);

/// A folder written whole or not at all (a data set export, a model bundle): files go into a hidden
/// staging folder beside `target` (the same file system) that publish() renames into place, an
/// empty `target` the user made being replaced. Never published (an error, a kill), it is removed,
/// or left hidden. Throws Error naming `target` when it exists and is not empty or cannot be made.
class StagedFolder {
public:
    explicit StagedFolder(const QString &target);
    ~StagedFolder();
    QString path() const;   // the staging folder
    QString target() const; // absolute
    /// Syncs the staged files, renames the folder over `target`; throws Error naming `target`.
    void publish();

private:
    QString m_target;
    std::unique_ptr<QTemporaryDir> m_staging;
};

} // namespace visor::fileio
