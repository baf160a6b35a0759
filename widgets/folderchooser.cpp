#include "folderchooser.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace visor {

QString chooserStart(const QString &purpose, const QString &start)
{
    if (!start.isEmpty() && QFileInfo(start).isDir())
        return start;
    const QString last = QSettings().value(QStringLiteral("dialogs/") + purpose).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QDir::homePath();
}

QString chooseFolder(QWidget *parent, const QString &title, const QString &purpose, const QString &start)
{
    const QString chosen = QFileDialog::getExistingDirectory(parent, title, chooserStart(purpose, start));
    if (!chosen.isEmpty()) // next time this kind of choice starts beside this one
        QSettings().setValue(QStringLiteral("dialogs/") + purpose, QFileInfo(chosen).absolutePath());
    return chosen;
}

} // namespace visor
