#pragma once

#include <map>
// Helpers shared by the tests: generated images and data sets, files, the shared data folder.

#include "formats/formats.h"
#include "project/project.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace visor::test {

/// PNG (or JPEG with jpeg=true) bytes of a w x h colour image; `seed` varies its content so
/// hashes differ.
QByteArray imageBytes(int w, int h, int seed, bool jpeg = false);
/// Writes bytes to dir/relative, creating folders.
void writeFile(const QString &dir, const QString &relative, const QByteArray &bytes);
QByteArray readFile(const QString &path);

/// A project in a fresh temporary folder (kept alive by the returned holder).
struct TempProject {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    QString path() const { return dir.path() + QStringLiteral("/project"); }
};
std::unique_ptr<TempProject> makeProject(DatasetKind kind, const QString &name = QStringLiteral("test"));

/// `n` examples with real, distinct PNG images of w × h already stored in `project` ("0.png", ...), to
/// be given labels or boxes and added by the caller.
std::vector<NewExample> imageExamples(Project &project, int n, int w, int h);

/// Adds `n` generated examples with distinct images (no decoding needed) and the given boxes/labels.
/// Returns their ids.
std::vector<qint64> addPlainExamples(Project &project, int n, int w = 64, int h = 48, qint64 classId = 0,
                                     std::vector<Box> boxes = {}, int seedOffset = 0);

/// Whether the report has an entry for a file containing `file` whose message contains `fragment`.
bool hasEntry(const ImportReport &r, const QString &file, const QString &fragment);
/// The whole report as text, for failure messages.
QString dump(const ImportReport &r);
/// A VOC annotation naming `fileName` (stated size w x h) with the given <object> elements.
QByteArray vocXml(const QString &fileName, const QString &objects, int w = 64, int h = 48);
QString vocObject(const QString &name, double x1, double y1, double x2, double y2);

/// What a visor-cli run printed and returned (code -1 when it crashed).
struct CliResult {
    int code = -1;
    QString out, err;
};
/// Runs the built visor-cli with `args` (and `environment` added to this process's), waiting up to
/// `timeoutMs`; a run that does not finish ends the test.
CliResult runCli(const QStringList &args, const std::map<QString, QString> &environment = {}, int timeoutMs = 300000);
/// The same for the built visor-edge, and for any program.
CliResult runEdge(const QStringList &args, int timeoutMs = 300000);
CliResult runProgram(const QString &program, const QStringList &args, const std::map<QString, QString> &environment,
                     int timeoutMs);

/// A project of 40 generated 64x48 shape images with one finished tiny run (50 steps of a small
/// network, 3 channels, min side 48): what export and edge tests start from.
std::unique_ptr<TempProject> trainedProject(DatasetKind kind, qint64 *runId);
/// trainedProject() with its run exported (checked on the test split) to the folder returned.
std::unique_ptr<TempProject> exportedProject(DatasetKind kind, QString *bundle);

/// The shared data folder (../shared next to the checkout) or an empty string when absent.
QString sharedDir();

} // namespace visor::test
