// Checkpoints on disk: written whole or not at all, read back with a message a person can act on.
#include "project/fileio.h"
#include "task_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sstream>
#include <torch/torch.h>

namespace visor::train {

QString shortError(const std::exception &e, const QString &logFile)
{
    QString text;
    if (const auto *torchError = dynamic_cast<const c10::Error *>(&e))
        text = QString::fromUtf8(torchError->what_without_backtrace());
    else
        text = QString::fromUtf8(e.what());
    if (!logFile.isEmpty()) {
        QFile log(logFile);
        if (log.open(QIODevice::Append)) // best effort: the log is for a developer, the message for the user
            log.write(QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + ' ' + e.what() + "\n\n");
    }
    const QString first = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    return first.isEmpty() ? text.trimmed() : first;
}

void loadCheckpoint(const QString &path, const std::function<void(const std::string &)> &load)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(QCoreApplication::translate("visor::Trainer", "the checkpoint %1 does not exist").arg(path));
    try {
        load(QFile::encodeName(path).toStdString());
    } catch (const Error &) {
        throw;
    } catch (const std::exception &e) {
        const QString log = QDir(info.absolutePath()).filePath(QStringLiteral("errors.log"));
        throw Error(QCoreApplication::translate("visor::Trainer",
                                                "the checkpoint %1 (%2 bytes) cannot be read: it is damaged, "
                                                "incomplete or from another model (%3; details in %4)")
                        .arg(path)
                        .arg(info.size())
                        .arg(shortError(e, log), log));
    }
}

void saveCheckpoint(const QString &path, const std::function<void(std::ostream &)> &save)
{
    std::ostringstream buffer;
    save(buffer);
    const std::string bytes = buffer.str();
    fileio::writeAtomically(path, QByteArray(bytes.data(), qsizetype(bytes.size())));
}

} // namespace visor::train
