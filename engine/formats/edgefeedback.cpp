// visor-edge's feedback folder (export/feedback.h): frame_*.jpg with a .json each holding the
// model's predictions and why the frame was kept. The frames become unlabelled examples; the
// predictions become proposals, never annotations (a person accepts them in the annotator).
#include "export/feedback.h"
#include "formats_p.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace visor::formats {

int detectEdgeFeedback(const FolderListing &l)
{
    int evidence = 0;
    for (const auto &f : l.files)
        if (f.suffix == QLatin1String("json") &&
            FolderListing::head(f.path, 1 << 16).contains(QByteArray("\"") + deploy::kFeedbackKey + '"'))
            ++evidence;
    return evidence;
}

void readEdgeFeedback(ReadContext &ctx)
{
    const QString projectKind = ctx.projectKind == DatasetKind::ObjectDetection ? QStringLiteral("detection")
                                                                                : QStringLiteral("classification");
    for (const QString &path : ctx.findFiles({QStringLiteral("json")})) {
        const QString rel = ctx.relative(path);
        QJsonObject top;
        if (!ctx.readJson(path, &top) || !top.contains(QLatin1String(deploy::kFeedbackKey)))
            continue;
        ctx.sawAnnotations = true;
        const QString kind = top.value(QStringLiteral("kind")).toString();
        if (kind != projectKind) {
            ctx.skip(rel, QCoreApplication::translate("visor::Import",
                                                      "holds %1 predictions but the project is a %2 project")
                              .arg(kind.isEmpty() ? QStringLiteral("unknown") : kind, projectKind));
            continue;
        }
        SourceItem item;
        item.annotationFile = rel;
        QString why;
        item.imagePath =
            ctx.resolve(QFileInfo(path).absolutePath(), top.value(QStringLiteral("image")).toString(), &why);
        if (item.imagePath.isEmpty()) {
            ctx.skip(rel, QCoreApplication::translate("visor::Import", "image: %1").arg(why));
            continue;
        }
        item.displayName = ctx.relative(item.imagePath);
        item.labelled = false; // predictions are not annotations
        item.declaredWidth = top.value(QStringLiteral("width")).toInt();
        item.declaredHeight = top.value(QStringLiteral("height")).toInt();
        const QJsonObject predictions = top.value(QStringLiteral("predictions")).toObject();
        if (ctx.projectKind == DatasetKind::ObjectDetection) {
            const QJsonArray boxes = predictions.value(QStringLiteral("boxes")).toArray();
            for (int i = 0; i < boxes.size(); ++i) {
                const QJsonObject b = boxes[i].toObject();
                const QJsonArray xy = b.value(QStringLiteral("box")).toArray();
                const QString name = b.value(QStringLiteral("class")).toString();
                if (xy.size() != 4 || name.isEmpty()) {
                    ctx.note(rel,
                             QCoreApplication::translate("visor::Import", "prediction %1: no box or class; left out")
                                 .arg(i + 1));
                    continue;
                }
                SourceBox sb;
                sb.className = name;
                sb.x1 = xy[0].toDouble();
                sb.y1 = xy[1].toDouble();
                sb.x2 = xy[2].toDouble();
                sb.y2 = xy[3].toDouble();
                sb.score = b.value(QStringLiteral("score")).toDouble();
                item.proposals.push_back(sb);
            }
        } else {
            item.proposedClass = predictions.value(QStringLiteral("class")).toString();
            item.proposedScore = predictions.value(QStringLiteral("score")).toDouble();
        }
        item.origin = QStringLiteral("edge");
        for (const char *key : {"reasons", "frame", "time", "source", "model", "threshold", "saved"})
            item.originDetails.insert(QLatin1String(key), top.value(QLatin1String(key)));
        ctx.items.push_back(std::move(item));
    }
}

} // namespace visor::formats
