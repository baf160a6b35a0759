#include "types.h"

namespace visor {

QString kindKey(DatasetKind kind)
{
    return kind == DatasetKind::ObjectDetection ? QStringLiteral("detection") : QStringLiteral("classification");
}

QString kindName(DatasetKind kind)
{
    return kind == DatasetKind::ObjectDetection ? QStringLiteral("ObjectDetection") : QStringLiteral("Classification");
}

std::optional<DatasetKind> parseKind(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("detection") || t == QLatin1String("objectdetection") ||
        t == QLatin1String("object_detection"))
        return DatasetKind::ObjectDetection;
    if (t == QLatin1String("classification"))
        return DatasetKind::Classification;
    return std::nullopt;
}

QString splitKey(Split split)
{
    switch (split) {
    case Split::Train:
        return QStringLiteral("train");
    case Split::Val:
        return QStringLiteral("val");
    case Split::Test:
        return QStringLiteral("test");
    }
    return {};
}

std::optional<Split> parseSplit(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("train") || t == QLatin1String("training"))
        return Split::Train;
    if (t == QLatin1String("val") || t == QLatin1String("valid") || t == QLatin1String("validation"))
        return Split::Val;
    if (t == QLatin1String("test") || t == QLatin1String("testing"))
        return Split::Test;
    return std::nullopt;
}

} // namespace visor
