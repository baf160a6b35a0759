#include "bundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace visor::deploy {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(visor::Bundle)
};

} // namespace

QString Bundle::modelPath() const
{
    return QDir(folder).filePath(QStringLiteral("model.onnx"));
}

QJsonObject Bundle::toJson() const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("format_version"), kFormatVersion);
    o.insert(QStringLiteral("kind"), kind);
    QJsonArray list;
    for (int i = 0; i < classes.size(); ++i)
        list.append(QJsonObject{{QStringLiteral("name"), classes[i]}, {QStringLiteral("colour"), colours.value(i)}});
    o.insert(QStringLiteral("classes"), list);
    o.insert(
        QStringLiteral("input"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("image")},
                    {QStringLiteral("type"), QStringLiteral("uint8")},
                    {QStringLiteral("layout"), QStringLiteral("NHWC")},
                    {QStringLiteral("width"), width},
                    {QStringLiteral("height"), height},
                    {QStringLiteral("channels"), channels},
                    {QStringLiteral("channel_order"), channels == 1 ? QStringLiteral("grey") : QStringLiteral("BGR")},
                    {QStringLiteral("preprocessing"), preprocessing},
                    {QStringLiteral("resize"),
                     QJsonObject{{QStringLiteral("min_side"), minSide},
                                 {QStringLiteral("max_side"), maxSide},
                                 {QStringLiteral("rule"),
                                  QStringLiteral("scale = min(min_side / shorter side, max_side / longer side, "
                                                 "width / image width, height / image height); resize keeping "
                                                 "the aspect ratio (area when shrinking, bilinear when "
                                                 "enlarging); place at the top left; pad with zeros")}}}});
    QJsonObject outputs;
    if (detection()) {
        outputs.insert(QStringLiteral("boxes"),
                       QStringLiteral("(N, %1, 4) x1, y1, x2, y2 in canvas pixels").arg(anchorCount));
        outputs.insert(QStringLiteral("scores"),
                       QStringLiteral("(N, %1, %2) sigmoid").arg(anchorCount).arg(classes.size()));
        outputs.insert(QStringLiteral("logits"),
                       QStringLiteral("(N, %1, %2) raw").arg(anchorCount).arg(classes.size()));
        outputs.insert(QStringLiteral("deltas"), QStringLiteral("(N, %1, 4) raw box offsets").arg(anchorCount));
        o.insert(QStringLiteral("postprocessing"),
                 QJsonObject{{QStringLiteral("score_threshold"), threshold},
                             {QStringLiteral("candidates"), 1000},
                             {QStringLiteral("nms"), QStringLiteral("class-wise, outside the graph")},
                             {QStringLiteral("iou_threshold"), iouThreshold},
                             {QStringLiteral("max_boxes"), maxBoxes},
                             {QStringLiteral("box_expansion"), boxExpansion},
                             {QStringLiteral("anchors"), anchorCount}});
    } else {
        outputs.insert(QStringLiteral("probabilities"), QStringLiteral("(N, %1) softmax").arg(classes.size()));
        outputs.insert(QStringLiteral("logits"), QStringLiteral("(N, %1) raw").arg(classes.size()));
    }
    o.insert(QStringLiteral("outputs"), outputs);
    return o;
}

Bundle Bundle::fromJson(const QJsonObject &o, const QString &folder)
{
    const QString file = QDir(folder).filePath(QStringLiteral("model.json"));
    auto bad = [&](const QString &field, const QString &why) {
        return BundleError(Text::tr("%1: %2 %3").arg(file, field, why));
    };
    Bundle b;
    b.folder = folder;
    const int version = o.value(QStringLiteral("format_version")).toInt();
    if (version < 1 || version > kFormatVersion)
        throw bad(QStringLiteral("format_version"),
                  Text::tr("is %1; this program reads version %2").arg(version).arg(kFormatVersion));
    b.kind = o.value(QStringLiteral("kind")).toString();
    if (b.kind != QLatin1String("detection") && b.kind != QLatin1String("classification"))
        throw bad(QStringLiteral("kind"), Text::tr("must be \"detection\" or \"classification\""));
    for (const QJsonValue &c : o.value(QStringLiteral("classes")).toArray()) {
        b.classes << c.toObject().value(QStringLiteral("name")).toString();
        b.colours << c.toObject().value(QStringLiteral("colour")).toString();
    }
    if (b.classes.isEmpty())
        throw bad(QStringLiteral("classes"), Text::tr("lists no class"));
    const QJsonObject in = o.value(QStringLiteral("input")).toObject();
    b.width = in.value(QStringLiteral("width")).toInt();
    b.height = in.value(QStringLiteral("height")).toInt();
    b.channels = in.value(QStringLiteral("channels")).toInt();
    if (b.width < 1 || b.height < 1 || b.width > 8192 || b.height > 8192)
        throw bad(QStringLiteral("input.width/height"), Text::tr("must be 1 to 8192"));
    if (b.channels != 1 && b.channels != 3)
        throw bad(QStringLiteral("input.channels"), Text::tr("must be 1 or 3"));
    b.preprocessing = in.value(QStringLiteral("preprocessing")).toString();
    const QJsonObject resize = in.value(QStringLiteral("resize")).toObject();
    b.minSide = resize.value(QStringLiteral("min_side")).toInt();
    b.maxSide = resize.value(QStringLiteral("max_side")).toInt();
    if (b.minSide < 1 || b.maxSide < b.minSide)
        throw bad(QStringLiteral("input.resize"), Text::tr("needs 1 <= min_side <= max_side"));
    if (b.detection()) {
        const QJsonObject post = o.value(QStringLiteral("postprocessing")).toObject();
        b.threshold = post.value(QStringLiteral("score_threshold")).toDouble(-1);
        b.iouThreshold = post.value(QStringLiteral("iou_threshold")).toDouble(-1);
        b.maxBoxes = post.value(QStringLiteral("max_boxes")).toInt();
        b.boxExpansion = post.value(QStringLiteral("box_expansion")).toDouble();
        b.anchorCount = post.value(QStringLiteral("anchors")).toInt();
        if (b.threshold < 0 || b.threshold > 1)
            throw bad(QStringLiteral("postprocessing.score_threshold"), Text::tr("must be 0 to 1"));
        if (b.iouThreshold < 0 || b.iouThreshold > 1)
            throw bad(QStringLiteral("postprocessing.iou_threshold"), Text::tr("must be 0 to 1"));
        if (b.maxBoxes < 1 || b.anchorCount < 1)
            throw bad(QStringLiteral("postprocessing"), Text::tr("needs max_boxes and anchors of at least 1"));
    }
    b.extra = o;
    for (const char *key : {"format_version", "kind", "classes", "input", "outputs", "postprocessing"})
        b.extra.remove(QLatin1String(key));
    return b;
}

Bundle loadBundle(const QString &folder)
{
    QFile f(QDir(folder).filePath(QStringLiteral("model.json")));
    if (!QFileInfo(folder).isDir())
        throw BundleError(
            Text::tr("%1: not a folder (a bundle is the folder visor-cli export-model writes)").arg(folder));
    if (!f.open(QIODevice::ReadOnly))
        throw BundleError(Text::tr("%1: cannot be read: %2").arg(f.fileName(), f.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        throw BundleError(Text::tr("%1: not a JSON object (%2)").arg(f.fileName(), error.errorString()));
    Bundle b = Bundle::fromJson(doc.object(), folder);
    if (!QFileInfo(b.modelPath()).isFile())
        throw BundleError(Text::tr("%1: missing").arg(b.modelPath()));
    return b;
}

} // namespace visor::deploy
