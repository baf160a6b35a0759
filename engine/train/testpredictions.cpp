#include "testpredictions.h"

#include "project/fileio.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace visor::train {

QString testPredictionsFile()
{
    return QStringLiteral("test_predictions.json");
}

void saveTestPredictions(const QString &runFolder, const TestPredictions &predictions)
{
    QJsonArray images;
    for (const ImagePredictions &i : predictions.images) {
        QJsonObject o{{QStringLiteral("example"), i.exampleId}};
        if (predictions.detection) {
            QJsonArray boxes;
            for (const StoredBox &b : i.boxes) // compact rows: class, score, x1, y1, x2, y2
                boxes.append(
                    QJsonArray{b.classId, double(b.score), double(b.x1), double(b.y1), double(b.x2), double(b.y2)});
            o.insert(QStringLiteral("boxes"), boxes);
        } else {
            o.insert(QStringLiteral("class"), i.classId);
            o.insert(QStringLiteral("score"), i.score);
        }
        images.append(o);
    }
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("kind"),
                            predictions.detection ? QStringLiteral("detection") : QStringLiteral("classification")},
                           {QStringLiteral("min_score"), predictions.minScore},
                           {QStringLiteral("images"), images}};
    fileio::writeAtomically(QDir(runFolder).filePath(testPredictionsFile()),
                            QJsonDocument(root).toJson(QJsonDocument::Compact));
}

std::optional<TestPredictions> loadTestPredictions(const QString &runFolder, QString *error)
{
    const QString path = QDir(runFolder).filePath(testPredictionsFile());
    auto fail = [&](const QString &what) -> std::optional<TestPredictions> {
        if (error)
            *error = QCoreApplication::translate("visor::Trainer", "%1: %2").arg(path, what);
        return std::nullopt;
    };
    if (error)
        error->clear();
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (!doc.isObject())
        return fail(parse.error != QJsonParseError::NoError
                        ? parse.errorString()
                        : QCoreApplication::translate("visor::Trainer", "not a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return fail(QCoreApplication::translate("visor::Trainer", "unknown version %1")
                        .arg(root.value(QStringLiteral("version")).toInt()));
    TestPredictions out;
    out.detection = root.value(QStringLiteral("kind")).toString() == QLatin1String("detection");
    out.minScore = root.value(QStringLiteral("min_score")).toDouble();
    for (const QJsonValue &v : root.value(QStringLiteral("images")).toArray()) {
        const QJsonObject o = v.toObject();
        ImagePredictions i;
        i.exampleId = o.value(QStringLiteral("example")).toInteger();
        if (i.exampleId <= 0)
            return fail(QCoreApplication::translate("visor::Trainer", "an image without an example id"));
        if (out.detection) {
            for (const QJsonValue &row : o.value(QStringLiteral("boxes")).toArray()) {
                const QJsonArray a = row.toArray();
                if (a.size() != 6)
                    return fail(QCoreApplication::translate("visor::Trainer", "a box of example %1 is not "
                                                                              "[class, score, x1, y1, x2, y2]")
                                    .arg(i.exampleId));
                i.boxes.push_back({a[0].toInteger(), float(a[1].toDouble()), float(a[2].toDouble()),
                                   float(a[3].toDouble()), float(a[4].toDouble()), float(a[5].toDouble())});
            }
        } else {
            i.classId = o.value(QStringLiteral("class")).toInteger();
            i.score = o.value(QStringLiteral("score")).toDouble();
        }
        out.images.push_back(std::move(i));
    }
    return out;
}

} // namespace visor::train
