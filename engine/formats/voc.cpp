// Pascal VOC: one XML file per image (<annotation><filename>, <size>, <object><name><bndbox>).
// Layouts: the VOC devkit (Annotations/, JPEGImages/, ImageSets/Main/{train,val,test}.txt) or XML
// files beside their images, possibly under train/ val/ test/ folders. Coordinates are kept as
// written (pixel coordinates of the box corners); <path> is ignored since it names the machine
// where the file was made, never this one.

#include "formats_p.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace visor::formats {
namespace {

std::map<QString, Split> readImageSets(const QString &root)
{
    std::map<QString, Split> splits;
    const QDir sets(QDir(root).filePath(QStringLiteral("ImageSets/Main")));
    for (Split s : {Split::Train, Split::Val, Split::Test}) {
        QFile f(sets.filePath(splitKey(s) + QStringLiteral(".txt")));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QString id = QString::fromUtf8(line).trimmed().section(QLatin1Char(' '), 0, 0);
            if (!id.isEmpty())
                splits[id] = s;
        }
    }
    return splits;
}

struct ParsedXml {
    QString fileName;
    std::vector<SourceBox> boxes;
    int width = 0, height = 0; // <size>
    QString error;
};

ParsedXml parseXml(const QString &path)
{
    ParsedXml out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        out.error = QCoreApplication::translate("visor::Import", "cannot read: %1").arg(f.errorString());
        return out;
    }
    QXmlStreamReader xml(&f);
    bool root = false;
    int objectIndex = 0;
    while (xml.readNextStartElement()) {
        if (!root) {
            if (xml.name() != QLatin1String("annotation")) {
                out.error = QCoreApplication::translate("visor::Import", "not a VOC annotation (root element <%1>)")
                                .arg(xml.name().toString());
                return out;
            }
            root = true;
            continue;
        }
        if (xml.name() == QLatin1String("filename")) {
            out.fileName = xml.readElementText().trimmed();
        } else if (xml.name() == QLatin1String("size")) {
            while (xml.readNextStartElement()) {
                const bool width = xml.name() == QLatin1String("width"), height = xml.name() == QLatin1String("height");
                const int v = xml.readElementText().trimmed().toInt();
                if (width)
                    out.width = v;
                else if (height)
                    out.height = v;
            }
        } else if (xml.name() == QLatin1String("object")) {
            ++objectIndex;
            SourceBox box;
            box.whereFormat = "object %1";
            box.whereNumber = objectIndex;
            bool haveBox = false;
            QStringList missing = {QStringLiteral("xmin"), QStringLiteral("ymin"), QStringLiteral("xmax"),
                                   QStringLiteral("ymax")};
            QString badField;
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("name")) {
                    box.className = xml.readElementText().trimmed();
                } else if (xml.name() == QLatin1String("bndbox")) {
                    haveBox = true;
                    while (xml.readNextStartElement()) {
                        const QString field = xml.name().toString();
                        const QString text = xml.readElementText().trimmed();
                        bool ok = false;
                        const double v = text.toDouble(&ok);
                        if (!missing.contains(field))
                            continue;
                        missing.removeAll(field);
                        if (!ok)
                            badField = QCoreApplication::translate("visor::Import", "<%1> is '%2', not a number")
                                           .arg(field, text);
                        if (field == QLatin1String("xmin"))
                            box.x1 = v;
                        else if (field == QLatin1String("ymin"))
                            box.y1 = v;
                        else if (field == QLatin1String("xmax"))
                            box.x2 = v;
                        else
                            box.y2 = v;
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            if (xml.hasError())
                break;
            if (box.className.isEmpty())
                out.error = QCoreApplication::translate("visor::Import", "object %1 has no <name>").arg(objectIndex);
            else if (!haveBox)
                out.error = QCoreApplication::translate("visor::Import", "object %1 has no <bndbox>").arg(objectIndex);
            else if (!missing.isEmpty())
                out.error = QCoreApplication::translate("visor::Import", "object %1: <bndbox> lacks <%2>")
                                .arg(objectIndex)
                                .arg(missing.join(QStringLiteral(">, <")));
            else if (!badField.isEmpty())
                out.error =
                    QCoreApplication::translate("visor::Import", "object %1: %2").arg(objectIndex).arg(badField);
            if (!out.error.isEmpty())
                return out;
            out.boxes.push_back(box);
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        out.error = QCoreApplication::translate("visor::Import", "malformed XML at line %1, column %2: %3")
                        .arg(xml.lineNumber())
                        .arg(xml.columnNumber())
                        .arg(xml.errorString());
    else if (!root)
        out.error = QCoreApplication::translate("visor::Import", "empty file or no <annotation> element");
    return out;
}

} // namespace

void readVoc(ReadContext &ctx)
{
    const QDir root(ctx.root());
    ctx.classOrder = readClassList(root.filePath(QStringLiteral("classes.txt")));
    const auto imageSets = readImageSets(ctx.root());
    const QString jpegImages = root.filePath(QStringLiteral("JPEGImages"));
    for (const QString &xmlPath : ctx.findFiles({QStringLiteral("xml")})) {
        const QString rel = ctx.relative(xmlPath);
        ParsedXml parsed = parseXml(xmlPath);
        ctx.sawAnnotations = true;
        if (!parsed.error.isEmpty()) {
            ctx.skip(rel, parsed.error);
            continue;
        }
        const QFileInfo xi(xmlPath);
        QString why;
        QString image;
        const QStringList bases = {xi.absolutePath(), jpegImages,
                                   QDir(xi.absolutePath()).filePath(QStringLiteral("../JPEGImages"))};
        if (!parsed.fileName.isEmpty()) {
            image = ctx.resolveAny(bases, parsed.fileName, &why);
            if (image.isEmpty() && (why.contains(QLatin1String("absolute")) || why.contains(QLatin1String("leaves")) ||
                                    why.contains(QLatin1String("links")))) {
                ctx.skip(rel, QCoreApplication::translate("visor::Import", "<filename>: %1").arg(why));
                continue;
            }
        }
        if (image.isEmpty()) // <filename> missing or stale: the image named like the XML file
            for (const QString &suffix :
                 {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("bmp")}) {
                QString w;
                image = ctx.resolveAny(bases, xi.completeBaseName() + QLatin1Char('.') + suffix, &w);
                if (!image.isEmpty())
                    break;
            }
        if (image.isEmpty()) {
            ctx.skip(rel, parsed.fileName.isEmpty()
                              ? QCoreApplication::translate("visor::Import",
                                                            "no <filename> and no image named like the file")
                              : QCoreApplication::translate("visor::Import", "<filename>: %1").arg(why));
            continue;
        }
        SourceItem item;
        item.imagePath = image;
        item.displayName = ctx.relative(image);
        item.annotationFile = rel;
        item.boxes = std::move(parsed.boxes);
        item.declaredWidth = parsed.width;
        item.declaredHeight = parsed.height;
        if (auto it = imageSets.find(xi.completeBaseName()); it != imageSets.end())
            item.split = it->second;
        else
            item.split = ctx.splitFromPath(xmlPath);
        ctx.items.push_back(std::move(item));
    }
}

void writeVoc(WriteContext &ctx)
{
    std::map<Split, QByteArray> lists;
    QByteArray trainval; // the devkit's union of train and val
    for (const ExportItem &item : ctx.items) {
        const QString stem = QFileInfo(item.outputName).completeBaseName();
        ctx.copyImage(item, QStringLiteral("JPEGImages/") + item.outputName);
        QByteArray xml;
        QXmlStreamWriter w(&xml);
        w.setAutoFormatting(true);
        w.writeStartElement(QStringLiteral("annotation"));
        w.writeTextElement(QStringLiteral("folder"), QStringLiteral("JPEGImages"));
        w.writeTextElement(QStringLiteral("filename"), item.outputName);
        w.writeStartElement(QStringLiteral("size"));
        w.writeTextElement(QStringLiteral("width"), QString::number(item.example.width));
        w.writeTextElement(QStringLiteral("height"), QString::number(item.example.height));
        w.writeTextElement(QStringLiteral("depth"), QStringLiteral("3"));
        w.writeEndElement();
        w.writeTextElement(QStringLiteral("segmented"), QStringLiteral("0"));
        for (const Box &b : item.boxes) {
            w.writeStartElement(QStringLiteral("object"));
            w.writeTextElement(QStringLiteral("name"), ctx.className.value(b.classId));
            w.writeTextElement(QStringLiteral("pose"), QStringLiteral("Unspecified"));
            w.writeTextElement(QStringLiteral("truncated"), QStringLiteral("0"));
            w.writeTextElement(QStringLiteral("difficult"), QStringLiteral("0"));
            w.writeStartElement(QStringLiteral("bndbox"));
            w.writeTextElement(QStringLiteral("xmin"), QString::number(b.x1, 'g', 9));
            w.writeTextElement(QStringLiteral("ymin"), QString::number(b.y1, 'g', 9));
            w.writeTextElement(QStringLiteral("xmax"), QString::number(b.x2, 'g', 9));
            w.writeTextElement(QStringLiteral("ymax"), QString::number(b.y2, 'g', 9));
            w.writeEndElement();
            w.writeEndElement();
            ctx.report->boxes++;
        }
        w.writeEndElement();
        ctx.writeText(QStringLiteral("Annotations/") + stem + QStringLiteral(".xml"), xml);
        lists[item.split] += stem.toUtf8() + '\n';
        if (item.split != Split::Test)
            trainval += stem.toUtf8() + '\n';
    }
    for (auto &[split, text] : lists)
        ctx.writeText(QStringLiteral("ImageSets/Main/") + splitKey(split) + QStringLiteral(".txt"), text);
    if (!trainval.isEmpty())
        ctx.writeText(QStringLiteral("ImageSets/Main/trainval.txt"), trainval);
    writeClassList(ctx, QStringLiteral("classes.txt"));
}

} // namespace visor::formats
