#pragma once
/// Folder choosers start where this kind of choice last ended (remembered per purpose), else in the
/// user's home folder, never in the working directory Visor happened to start in.

#include <QString>

class QWidget;

namespace visor {

/// Asks for an existing folder. `purpose` names what it is for ("open", "import", "export"...);
/// `start`, when it exists, is where the chooser opens instead. Empty when the user cancels.
QString chooseFolder(QWidget *parent, const QString &title, const QString &purpose, const QString &start = {});
/// Where a chooser for `purpose` opens (exposed for tests).
QString chooserStart(const QString &purpose, const QString &start = {});

} // namespace visor
