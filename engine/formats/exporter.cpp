#include "formats_p.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>

namespace visor {

ExportReport exportDataset(const Project &project, const QString &outDir, Format format)
{
    if (format == Format::Auto)
        throw Error(QCoreApplication::translate(
            "visor::Import", "export needs an explicit format (voc, coco, yolo, labelme, imagefolder)"));
    if (formatKind(format) != project.kind())
        throw Error(
            QCoreApplication::translate("visor::Import", "format %1 holds %2 data but the project is a %3 project")
                .arg(formatKey(format), kindName(formatKind(format)), kindName(project.kind())));
    QDir out(outDir);
    if (out.exists() && !out.isEmpty())
        throw Error(QCoreApplication::translate("visor::Import", "%1 is not empty; export into a new or empty folder")
                        .arg(outDir));
    if (!QDir().mkpath(outDir))
        throw Error(QCoreApplication::translate("visor::Import", "cannot create %1").arg(outDir));

    ExportReport report;
    report.format = format;
    formats::WriteContext ctx;
    ctx.out = QDir(QFileInfo(outDir).absoluteFilePath());
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
        item.split = e.split.value_or(Split::Train);
        // Keep the original name where possible; a clash gets the start of the content hash.
        QString stem = QFileInfo(e.fileName).completeBaseName();
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
    formats::handlers(format).write(ctx);
    report.seconds[QStringLiteral("write")] = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace visor
