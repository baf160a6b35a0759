#pragma once
/// `visor-cli check`: what a killed process can leave in a project folder, found and (with repair) removed.

#include "project.h"

#include <QJsonObject>
#include <QStringList>

namespace visor {

struct ProjectCheck {
    QString integrity;           // SQLite's integrity_check: "ok" or its findings
    QStringList temporaryFiles;  // *.part* left by killed writes (images, checkpoints, exports), relative
    QStringList unreferenced;    // images/ files no example refers to (a killed import's), relative
    std::vector<qint64> missing; // examples whose image file is gone
    qint64 unassigned = 0;       // examples without a split
    bool repaired = false;
    bool ok() const;
    QJsonObject toJson() const;
    QString toText() const;
};

/// Checks the project. With `repair`: deletes the temporary files and unreferenced images and assigns
/// the missing splits (run it when no import or training is writing to the project). Missing images
/// are reported, never deleted: the user may still have them.
ProjectCheck checkProject(Project &project, bool repair);

/// Removes temporary files (`*.part<pid>-…`) in images/ whose writing process is gone. Called on every
/// read-write open: cheap, and safe beside a live import in another process.
int removeStaleTemporaryFiles(const Project &project);

} // namespace visor
