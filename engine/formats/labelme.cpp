// LabelMe: one JSON per image {imagePath, imageData (base64, optional), imageWidth, imageHeight,
// shapes: [{label, points: [[x, y], ...], shape_type}]}. Rectangles (two corners, in any order)
// become boxes; polygons, points, lines and circles are reported as skipped. Splits from train/
// val/ test/ folders.

#include "formats_p.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace visor::formats {

void readLabelMe(ReadContext &ctx)
{
    ctx.classOrder = readClassList(QDir(ctx.root()).filePath(QStringLiteral("classes.txt")));
    for (const QString &path : ctx.findFiles({QStringLiteral("json")})) {
        const QString rel = ctx.relative(path);
        QJsonObject top;
        if (!ctx.readJson(path, &top))
            continue;
        if (!top.contains(QStringLiteral("shapes")))
            continue; // not a LabelMe file
        ctx.sawAnnotations = true;
        if (!top.value(QStringLiteral("shapes")).isArray()) {
            ctx.skip(rel, QCoreApplication::translate("visor::Import", "field 'shapes' is not a list"));
            continue;
        }
        SourceItem item;
        item.annotationFile = rel;
        const QString imageName = top.value(QStringLiteral("imagePath")).toString();
        QString why;
        if (!imageName.isEmpty())
            item.imagePath = ctx.resolve(QFileInfo(path).absolutePath(), imageName, &why);
        if (item.imagePath.isEmpty()) {
            const QByteArray data =
                QByteArray::fromBase64(top.value(QStringLiteral("imageData")).toString().toLatin1());
            if (data.isEmpty()) {
                ctx.skip(rel, imageName.isEmpty()
                                  ? QCoreApplication::translate("visor::Import", "no 'imagePath' and no 'imageData'")
                                  : QCoreApplication::translate("visor::Import", "imagePath: %1").arg(why));
                continue;
            }
            item.inlineBytes = data;
            item.displayName = rel;
        } else {
            item.displayName = ctx.relative(item.imagePath);
        }
        item.split = ctx.splitFromPath(path);
        item.declaredWidth = top.value(QStringLiteral("imageWidth")).toInt();
        item.declaredHeight = top.value(QStringLiteral("imageHeight")).toInt();
        const QJsonArray shapes = top.value(QStringLiteral("shapes")).toArray();
        for (int i = 0; i < shapes.size(); ++i) {
            const QJsonObject s = shapes[i].toObject();
            const QString type = s.value(QStringLiteral("shape_type")).toString(QStringLiteral("polygon"));
            const QString where = QStringLiteral("shapes[%1]").arg(i);
            if (type != QLatin1String("rectangle")) {
                ctx.note(rel,
                         QCoreApplication::translate("visor::Import", "%1: shape_type '%2' is not a rectangle; skipped")
                             .arg(where, type));
                continue;
            }
            const QJsonArray pts = s.value(QStringLiteral("points")).toArray();
            if (pts.size() != 2 || pts[0].toArray().size() != 2 || pts[1].toArray().size() != 2) {
                ctx.note(rel, QCoreApplication::translate(
                                  "visor::Import", "%1: a rectangle needs 'points' [[x1, y1], [x2, y2]]; skipped")
                                  .arg(where));
                continue;
            }
            if (s.contains(QStringLiteral("label")) && !s.value(QStringLiteral("label")).isString()) {
                ctx.note(rel, QCoreApplication::translate("visor::Import", "%1: 'label' must be text, not %2; skipped")
                                  .arg(where, jsonShape(s.value(QStringLiteral("label")))));
                continue;
            }
            const QString label = s.value(QStringLiteral("label")).toString().trimmed();
            if (label.isEmpty()) {
                ctx.note(rel, QCoreApplication::translate("visor::Import", "%1: no 'label'; skipped").arg(where));
                continue;
            }
            // Numbers only: toDouble() makes a string, null, bool or object 0 and the box silently wrong.
            QString wrong;
            for (int p = 0; p < 2 && wrong.isEmpty(); ++p)
                for (int k = 0; k < 2 && wrong.isEmpty(); ++k)
                    if (!pts[p].toArray()[k].isDouble())
                        wrong = QCoreApplication::translate("visor::Import",
                                                            "%1: points[%2][%3] must be a number, not %4; skipped")
                                    .arg(where)
                                    .arg(p)
                                    .arg(k)
                                    .arg(jsonShape(pts[p].toArray()[k]));
            if (!wrong.isEmpty()) {
                ctx.note(rel, wrong);
                continue;
            }
            const double ax = pts[0][0].toDouble(), ay = pts[0][1].toDouble();
            const double bx = pts[1][0].toDouble(), by = pts[1][1].toDouble();
            SourceBox b;
            b.className = label;
            b.x1 = std::min(ax, bx);
            b.y1 = std::min(ay, by);
            b.x2 = std::max(ax, bx);
            b.y2 = std::max(ay, by);
            b.whereFormat = "shapes[%1]";
            b.whereNumber = i;
            item.boxes.push_back(b);
        }
        ctx.items.push_back(std::move(item));
    }
}

void writeLabelMe(WriteContext &ctx)
{
    for (const ExportItem &item : ctx.items) {
        const QString dir = splitKey(item.split);
        ctx.copyImage(item, dir + QLatin1Char('/') + item.outputName);
        QJsonArray shapes;
        for (const Box &b : item.boxes) {
            shapes.append(QJsonObject{{QStringLiteral("label"), ctx.className.value(b.classId)},
                                      {QStringLiteral("points"), QJsonArray{QJsonArray{double(b.x1), double(b.y1)},
                                                                            QJsonArray{double(b.x2), double(b.y2)}}},
                                      {QStringLiteral("group_id"), QJsonValue::Null},
                                      {QStringLiteral("shape_type"), QStringLiteral("rectangle")},
                                      {QStringLiteral("flags"), QJsonObject{}}});
            ctx.report->boxes++;
        }
        const QJsonObject doc{{QStringLiteral("version"), QStringLiteral("5.2.1")},
                              {QStringLiteral("flags"), QJsonObject{}},
                              {QStringLiteral("shapes"), shapes},
                              {QStringLiteral("imagePath"), item.outputName},
                              {QStringLiteral("imageData"), QJsonValue::Null},
                              {QStringLiteral("imageHeight"), item.example.height},
                              {QStringLiteral("imageWidth"), item.example.width}};
        ctx.writeText(dir + QLatin1Char('/') + QFileInfo(item.outputName).completeBaseName() + QStringLiteral(".json"),
                      QJsonDocument(doc).toJson(QJsonDocument::Indented));
    }
    writeClassList(ctx, QStringLiteral("classes.txt"));
}

} // namespace visor::formats
