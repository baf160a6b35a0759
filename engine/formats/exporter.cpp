#include "formats_p.h"
#include "project/fileio.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>

namespace visor {

const char *const kIncompleteExportMarker = ".visor-export-incomplete";

namespace {

// A file name every format can list and every file system can hold: no control characters (a newline
// splits a list line), no spaces for VOC (ImageSets lines are "name [flag]"), and at most 200 bytes so
// that "_<hash>.json" still fits the 255-byte limit of a name.
QString exportStem(QString stem, Format format)
{
    for (QChar &c : stem)
        if (c.category() == QChar::Other_Control || (format == Format::Voc && c.isSpace()))
            c = QLatin1Char('_');
    while (stem.toUtf8().size() > 200)
        stem.chop(1);
    return stem;
}

} // namespace

ExportReport exportDataset(const Project &project, const QString &outDir, Format format)
{
    if (format.isAuto())
        throw Error(QCoreApplication::translate("visor::Import", "export needs an explicit format (%1)")
                        .arg(formatKeysText(FormatUse::Export)));
    // An unknown format, or one that cannot be written, is refused before anything is written.
    if (!formats::formatInfo(format).write)
        throw Error(QCoreApplication::translate("visor::Import", "format %1 can be imported but not exported; export "
                                                                 "to one of: %2")
                        .arg(formatKey(format), formatKeysText(FormatUse::Export)));
    if (formatKind(format) != project.kind())
        throw Error(
            QCoreApplication::translate("visor::Import", "format %1 holds %2 data but the project is a %3 project")
                .arg(formatKey(format), kindName(formatKind(format)), kindName(project.kind())));
    // Hidden beside the target until finished; the marker stops an import of a folder left by a kill.
    fileio::StagedFolder staging(outDir);
    fileio::writeAtomically(QDir(staging.path()).filePath(QLatin1String(kIncompleteExportMarker)),
                            QByteArray("An export by Visor that has not finished; do not import this folder.\n"));

    ExportReport report;
    report.format = format;
    formats::WriteContext ctx;
    ctx.out = QDir(staging.path());
    ctx.classes = project.classes();
    for (const ClassInfo &c : ctx.classes)
        ctx.className.insert(c.id, c.name);
    ctx.report = &report;

    QElapsedTimer timer;
    timer.start();
    auto boxes = project.allBoxes();
    QSet<QString> usedNames; // case-insensitive: exports must survive case-insensitive file systems
    for (Example &e : project.examples()) {
        if (!e.labelled) {
            ++report.unlabelledSkipped;
            continue;
        }
        formats::ExportItem item;
        item.imagePath = project.imagePath(e);
        if (!QFileInfo::exists(item.imagePath)) {
            report.missing << QCoreApplication::translate("visor::Import", "%1 (example %2): %3 is missing")
                                  .arg(e.fileName)
                                  .arg(e.id)
                                  .arg(item.imagePath);
            continue;
        }
        item.split = e.split.value_or(Split::Train);
        // Keep the original name where possible; a clash gets the start of the content hash.
        QString stem = exportStem(QFileInfo(e.fileName).completeBaseName(), format);
        if (stem.isEmpty())
            stem = e.hash.left(16);
        QString name = stem + QLatin1Char('.') + e.suffix;
        if (usedNames.contains(name.toLower()))
            name = stem + QLatin1Char('_') + e.hash.left(12) + QLatin1Char('.') + e.suffix;
        usedNames.insert(name.toLower());
        item.outputName = name;
        if (auto it = boxes.find(e.id); it != boxes.end())
            item.boxes = std::move(it->second);
        item.example = std::move(e);
        ctx.items.push_back(std::move(item));
    }
    report.examples = int(ctx.items.size());
    report.seconds[QStringLiteral("read_project")] = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    formats::formatInfo(format).write(ctx);
    QFile::remove(QDir(staging.path()).filePath(QLatin1String(kIncompleteExportMarker)));
    staging.publish();
    report.seconds[QStringLiteral("write")] = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace visor
