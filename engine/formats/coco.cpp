// COCO "instances" JSON: images [{id, file_name, width, height}], categories [{id, name}],
// annotations [{id, image_id, category_id, bbox: [x, y, w, h]}] in pixels. One file, or one per
// split (the split is read from the file name: instances_train2017.json -> train).

#include "formats_p.h"

#include <QSet>
#include <cmath>

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace visor::formats {
namespace {

std::optional<Split> splitFromName(const QString &fileName)
{
    const QString n = fileName.toLower();
    if (n.contains(QLatin1String("train")))
        return Split::Train;
    if (n.contains(QLatin1String("val")))
        return Split::Val;
    if (n.contains(QLatin1String("test")))
        return Split::Test;
    return std::nullopt;
}

} // namespace

void readCoco(ReadContext &ctx)
{
    const QDir root(ctx.root());
    for (const QString &path : ctx.findFiles({QStringLiteral("json")})) {
        const QString rel = ctx.relative(path);
        QJsonObject top;
        if (!ctx.readJson(path, &top))
            continue;
        if (!top.contains(QStringLiteral("images")) || !top.contains(QStringLiteral("annotations"))) {
            if (top.contains(QStringLiteral("categories")) || top.contains(QStringLiteral("images")) ||
                top.contains(QStringLiteral("annotations"))) {
                ctx.sawAnnotations = true;
                ctx.skip(rel, QCoreApplication::translate("visor::Import", "COCO file lacks the '%1' array")
                                  .arg(top.contains(QStringLiteral("images")) ? QStringLiteral("annotations")
                                                                              : QStringLiteral("images")));
            }
            continue; // some other JSON file
        }
        ctx.sawAnnotations = true;
        const std::optional<Split> fileSplit = splitFromName(QFileInfo(path).completeBaseName());

        std::map<qint64, QString> categories;
        QSet<QString> ordered(ctx.classOrder.begin(), ctx.classOrder.end()); // contains() on a list: quadratic
        const QJsonArray cats = top.value(QStringLiteral("categories")).toArray();
        for (int i = 0; i < cats.size(); ++i) {
            const QJsonObject c = cats[i].toObject();
            if (!c.value(QStringLiteral("id")).isDouble() || c.value(QStringLiteral("name")).toString().isEmpty()) {
                ctx.note(rel, QStringLiteral("categories[%1]: needs a numeric 'id' and a 'name'; ignored").arg(i));
                continue;
            }
            categories[c.value(QStringLiteral("id")).toInteger()] = c.value(QStringLiteral("name")).toString();
            if (!ordered.contains(c.value(QStringLiteral("name")).toString())) {
                ordered.insert(c.value(QStringLiteral("name")).toString());
                ctx.classOrder << c.value(QStringLiteral("name")).toString();
            }
        }

        std::map<qint64, size_t> itemIndex; // image id -> index in ctx.items
        const QJsonArray images = top.value(QStringLiteral("images")).toArray();
        const QString jsonDir = QFileInfo(path).absolutePath();
        QStringList bases = {jsonDir, QDir(jsonDir).filePath(QStringLiteral("../images")),
                             root.filePath(QStringLiteral("images"))};
        if (fileSplit) {
            bases << root.filePath(QStringLiteral("images/") + splitKey(*fileSplit))
                  << root.filePath(splitKey(*fileSplit));
            bases << QDir(jsonDir).filePath(QStringLiteral("../") + splitKey(*fileSplit));
        }
        bases << root.absolutePath();
        for (int i = 0; i < images.size(); ++i) {
            const QJsonObject im = images[i].toObject();
            auto where = [&] { return QStringLiteral("%1: images[%2]").arg(rel).arg(i); };
            if (!im.value(QStringLiteral("id")).isDouble()) {
                ctx.skip(where(),
                         QCoreApplication::translate("visor::Import", "field 'id' is missing or not a number"));
                continue;
            }
            const QString fileName = im.value(QStringLiteral("file_name")).toString();
            if (fileName.isEmpty()) {
                ctx.skip(where(), QCoreApplication::translate("visor::Import", "field 'file_name' is missing"));
                continue;
            }
            QString why;
            const QString image = ctx.resolveAny(bases, fileName, &why);
            if (image.isEmpty()) {
                ctx.skip(where(), why);
                continue;
            }
            SourceItem item;
            item.imagePath = image;
            item.displayName = ctx.relative(image);
            item.annotationFile = rel;
            item.declaredWidth = im.value(QStringLiteral("width")).toInt();
            item.declaredHeight = im.value(QStringLiteral("height")).toInt();
            item.split = fileSplit ? fileSplit : ctx.splitFromPath(image);
            itemIndex[im.value(QStringLiteral("id")).toInteger()] = ctx.items.size();
            ctx.items.push_back(std::move(item));
        }

        const QJsonArray anns = top.value(QStringLiteral("annotations")).toArray();
        for (int i = 0; i < anns.size(); ++i) {
            const QJsonObject a = anns[i].toObject();
            const bool hasId = a.contains(QStringLiteral("id"));
            const qint64 number = hasId ? a.value(QStringLiteral("id")).toInteger() : i;
            const char *whereFormat = hasId ? "annotation id %1" : "annotations[%1]";
            auto where = [&] { return QString::fromLatin1(whereFormat).arg(number); };
            const QJsonArray bbox = a.value(QStringLiteral("bbox")).toArray();
            if (!a.value(QStringLiteral("image_id")).isDouble()) {
                ctx.note(rel,
                         QCoreApplication::translate(
                             "visor::Import", "%1: field 'image_id' is missing or not a number; annotation skipped")
                             .arg(where()));
                continue;
            }
            auto it = itemIndex.find(a.value(QStringLiteral("image_id")).toInteger());
            if (it == itemIndex.end()) {
                ctx.note(rel, QCoreApplication::translate("visor::Import",
                                                          "%1: image_id %2 names no imported image; annotation skipped")
                                  .arg(where())
                                  .arg(a.value(QStringLiteral("image_id")).toInteger()));
                continue;
            }
            if (bbox.size() != 4 || !bbox[0].isDouble() || !bbox[1].isDouble() || !bbox[2].isDouble() ||
                !bbox[3].isDouble()) {
                ctx.note(rel, QCoreApplication::translate(
                                  "visor::Import", "%1: field 'bbox' must be [x, y, width, height]; annotation skipped")
                                  .arg(where()));
                continue;
            }
            // An integer, as COCO defines it: "1", 1.5, null or a missing field would silently invent a class.
            const QJsonValue catValue = a.value(QStringLiteral("category_id"));
            const double catNumber = catValue.toDouble();
            if (!catValue.isDouble() || catNumber != std::floor(catNumber) || std::abs(catNumber) > 9e15) {
                ctx.note(rel, QCoreApplication::translate("visor::Import",
                                                          "%1: field 'category_id' must be an integer, not %2; "
                                                          "annotation skipped")
                                  .arg(where(), jsonShape(catValue)));
                continue;
            }
            const qint64 cat = qint64(catNumber);
            QString className = categories.count(cat) ? categories[cat] : QString();
            if (className.isEmpty()) {
                className = QStringLiteral("category_%1").arg(cat);
                ctx.note(rel,
                         QCoreApplication::translate(
                             "visor::Import", "%1: category_id %2 is not declared in 'categories'; class '%3' used")
                             .arg(where())
                             .arg(cat)
                             .arg(className));
            }
            SourceBox b;
            b.className = className;
            b.x1 = bbox[0].toDouble();
            b.y1 = bbox[1].toDouble();
            b.x2 = b.x1 + bbox[2].toDouble();
            b.y2 = b.y1 + bbox[3].toDouble();
            b.whereFormat = whereFormat;
            b.whereNumber = number;
            ctx.items[it->second].boxes.push_back(b);
        }
    }
}

namespace {

// COCO files hold hundreds of thousands of annotations: written as text directly, since building a
// QJsonObject per annotation costs several times the whole write.
QByteArray jsonString(const QString &s)
{
    return QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 9);
}

} // namespace

void writeCoco(WriteContext &ctx)
{
    // COCO category ids start at 1; they follow the project's class order.
    std::map<qint64, QByteArray> categoryId;
    QByteArray categories = "[";
    for (size_t i = 0; i < ctx.classes.size(); ++i) {
        categoryId[ctx.classes[i].id] = QByteArray::number(qsizetype(i) + 1);
        categories += (i ? ",\n" : "\n") + QByteArray("{\"id\":") + categoryId[ctx.classes[i].id] +
                      ",\"name\":" + jsonString(ctx.classes[i].name) + ",\"supercategory\":\"object\"}";
    }
    categories += "\n]";
    struct Parts {
        QByteArray images, annotations;
    };
    std::map<Split, Parts> perSplit;
    qint64 annotationId = 0;
    for (const ExportItem &item : ctx.items) {
        ctx.copyImage(item, QStringLiteral("images/") + splitKey(item.split) + QLatin1Char('/') + item.outputName);
        Parts &parts = perSplit[item.split];
        const QByteArray imageId = QByteArray::number(item.example.id);
        parts.images += (parts.images.isEmpty() ? "\n" : ",\n") + QByteArray("{\"id\":") + imageId +
                        ",\"file_name\":" + jsonString(item.outputName) +
                        ",\"width\":" + QByteArray::number(item.example.width) +
                        ",\"height\":" + QByteArray::number(item.example.height) + "}";
        for (const Box &b : item.boxes) {
            const double w = double(b.x2) - double(b.x1), h = double(b.y2) - double(b.y1);
            parts.annotations += (parts.annotations.isEmpty() ? "\n" : ",\n") + QByteArray("{\"id\":") +
                                 QByteArray::number(++annotationId) + ",\"image_id\":" + imageId +
                                 ",\"category_id\":" + categoryId[b.classId] + ",\"bbox\":[" + number(b.x1) + ',' +
                                 number(b.y1) + ',' + number(w) + ',' + number(h) + "],\"area\":" + number(w * h) +
                                 ",\"iscrowd\":0}";
            ctx.report->boxes++;
        }
    }
    for (auto &[split, parts] : perSplit)
        ctx.writeText(QStringLiteral("annotations/instances_") + splitKey(split) + QStringLiteral(".json"),
                      "{\"info\":{\"description\":\"Exported by Visor\"},\n\"images\":[" + parts.images +
                          "\n],\n\"annotations\":[" + parts.annotations + "\n],\n\"categories\":" + categories + "}\n");
}

} // namespace visor::formats
