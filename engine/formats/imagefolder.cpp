// ImageFolder (torchvision): root/<class>/<image>, or root/<split>/<class>/<image> with split
// folders train/ val/ test/ (valid/, validation/ too). The class is the folder holding the image.

#include "formats_p.h"
#include "imageinfo.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace visor::formats {

void readImageFolder(ReadContext &ctx)
{
    ctx.classOrder = readClassList(QDir(ctx.root()).filePath(QStringLiteral("classes.txt")));
    for (const QString &path : ctx.findFiles(imageSuffixes())) {
        const QString rel = ctx.relative(path);
        const QStringList parts = rel.split(QLatin1Char('/'));
        SourceItem item;
        item.imagePath = path;
        item.displayName = rel;
        if (parts.size() < 2) {
            ctx.skip(rel,
                     QCoreApplication::translate(
                         "visor::Import", "image at the top of the folder; put it in a folder named after its class"));
            continue;
        }
        int classPart = int(parts.size()) - 2;
        item.classLabel = parts[classPart];
        if (parseSplit(item.classLabel) && parts.size() == 2) {
            ctx.skip(rel,
                     QCoreApplication::translate(
                         "visor::Import", "image directly in the split folder '%1'; put it in a class folder inside it")
                         .arg(parts[0]));
            continue;
        }
        item.split = ctx.splitFromPath(path);
        ctx.sawAnnotations = true;
        ctx.items.push_back(std::move(item));
    }
}

void writeImageFolder(WriteContext &ctx)
{
    for (const ExportItem &item : ctx.items) {
        const QString rel = QStringLiteral("%1/%2/%3")
                                .arg(splitKey(item.split), ctx.className.value(item.example.classId), item.outputName);
        ctx.copyImage(item, rel);
    }
    writeClassList(ctx, QStringLiteral("classes.txt"));
}

} // namespace visor::formats
