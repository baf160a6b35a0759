// YOLO (Darknet / Ultralytics): one .txt per image, a line "class cx cy w h" with coordinates as
// fractions of the image size. Layouts: images/<split>/x.jpg with labels/<split>/x.txt, or the txt
// beside the image. Class names from classes.txt (one a line) or data.yaml ("names:" as a list,
// an inline [a, b] list or a 0: a mapping). Split lists: train.txt / val.txt / test.txt at the root
// listing image paths. An image without a label file is imported as unlabelled.

#include "formats_p.h"
#include "imageinfo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace visor::formats {
namespace {

QStringList readYamlNames(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    auto unquote = [](QString s) {
        s = s.trimmed();
        if (s.size() >= 2 && (s.startsWith(QLatin1Char('\'')) || s.startsWith(QLatin1Char('"'))))
            s = s.mid(1, s.size() - 2);
        return s;
    };
    std::map<qint64, QString> byIndex;
    QStringList list;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].section(QLatin1Char('#'), 0, 0);
        if (!line.startsWith(QLatin1String("names:")))
            continue;
        const QString rest = line.mid(6).trimmed();
        if (rest.startsWith(QLatin1Char('['))) {
            if (!rest.endsWith(QLatin1Char(']'))) {
                *error = QCoreApplication::translate("visor::Import",
                                                     "line %1: 'names: [' list is not closed on the same line")
                             .arg(i + 1);
                return {};
            }
            for (const QString &n : rest.mid(1, rest.size() - 2).split(QLatin1Char(',')))
                if (!unquote(n).isEmpty())
                    list << unquote(n);
            return list;
        }
        auto addIndexed = [&](const QString &number, const QString &name, int lineNumber) {
            bool ok = false;
            const qint64 index = number.toLongLong(&ok);
            if (!ok || index < 0 || index >= kMaxClasses) {
                *error = QCoreApplication::translate("visor::Import",
                                                     "line %1: class index %2 is above the limit of %3 classes")
                             .arg(lineNumber)
                             .arg(number)
                             .arg(kMaxClasses);
                return false;
            }
            byIndex[index] = unquote(name);
            return true;
        };
        if (rest.startsWith(QLatin1Char('{'))) { // flow mapping on one line: {0: cat, 1: dog}
            if (!rest.endsWith(QLatin1Char('}'))) {
                *error = QCoreApplication::translate("visor::Import",
                                                     "line %1: 'names: {' mapping is not closed on the same line")
                             .arg(i + 1);
                return {};
            }
            for (const QString &pair : rest.mid(1, rest.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!addIndexed(pair.section(QLatin1Char(':'), 0, 0).trimmed(), pair.section(QLatin1Char(':'), 1),
                                i + 1))
                    return {};
            break;
        }
        static const QRegularExpression mapping(QStringLiteral("^\\s+(\\d+)\\s*:\\s*(.+)$"));
        static const QRegularExpression item(QStringLiteral("^\\s*-\\s*(.+)$"));
        for (int j = i + 1; j < lines.size(); ++j) {
            const QString l = lines[j].section(QLatin1Char('#'), 0, 0);
            if (l.trimmed().isEmpty())
                continue;
            if (auto m = mapping.match(l); m.hasMatch()) {
                if (!addIndexed(m.captured(1), m.captured(2), j + 1))
                    return {};
            } else if (auto m2 = item.match(l);
                       m2.hasMatch() && (l.startsWith(QLatin1Char(' ')) || l.startsWith(QLatin1Char('-'))))
                list << unquote(m2.captured(1));
            else
                break;
        }
        break;
    }
    for (auto &[index, name] : byIndex) {
        while (list.size() < index) // gaps get placeholder names; bounded by kMaxClasses above
            list << QStringLiteral("class_%1").arg(list.size());
        list << name;
    }
    return list;
}

} // namespace

void readYolo(ReadContext &ctx)
{
    const QDir root(ctx.root());
    QString yamlError;
    QStringList names = readClassList(root.filePath(QStringLiteral("classes.txt")));
    for (const QString &yaml : {QStringLiteral("data.yaml"), QStringLiteral("data.yml")})
        if (names.isEmpty() && QFileInfo::exists(root.filePath(yaml))) {
            names = readYamlNames(root.filePath(yaml), &yamlError);
            if (!yamlError.isEmpty())
                ctx.note(yaml, yamlError);
        }
    if (names.isEmpty())
        ctx.note(QString(),
                 QCoreApplication::translate(
                     "visor::Import", "no classes.txt or data.yaml names; classes are named class_0, class_1, ..."));
    ctx.classOrder = names;

    // Split lists at the root: image paths relative to the root (or to the list's folder).
    std::map<QString, Split> listed;
    for (Split s : {Split::Train, Split::Val, Split::Test}) {
        QFile f(root.filePath(splitKey(s) + QStringLiteral(".txt")));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        for (const QByteArray &line : f.readAll().split('\n')) {
            QString why;
            const QString p = ctx.resolve(
                root.absolutePath(),
                QString::fromUtf8(line).trimmed().remove(QRegularExpression(QStringLiteral("^\\./"))), &why);
            if (!p.isEmpty())
                listed[QFileInfo(p).canonicalFilePath()] = s;
        }
    }

    for (const QString &imagePath : ctx.findFiles(imageSuffixes())) {
        const QString rel = ctx.relative(imagePath);
        // Label file: images/ -> labels/ in the path, or beside the image.
        QString labelRel = rel;
        const int at = labelRel.lastIndexOf(QLatin1String("images/"));
        QStringList candidates;
        if (at >= 0 && (at == 0 || labelRel[at - 1] == QLatin1Char('/')))
            candidates << labelRel.left(at) + QStringLiteral("labels/") + labelRel.mid(at + 7);
        candidates << rel;
        QString labelPath;
        for (QString c : candidates) {
            c = c.left(c.lastIndexOf(QLatin1Char('.'))) + QStringLiteral(".txt");
            if (QFileInfo::exists(root.filePath(c))) {
                labelPath = root.filePath(c);
                break;
            }
        }
        SourceItem item;
        item.imagePath = imagePath;
        item.displayName = rel;
        if (auto it = listed.find(QFileInfo(imagePath).canonicalFilePath()); it != listed.end())
            item.split = it->second;
        else
            item.split = ctx.splitFromPath(imagePath);
        if (labelPath.isEmpty()) {
            item.labelled = false;
            ctx.note(rel, QCoreApplication::translate("visor::Import", "no label file; imported as unlabelled"));
            ctx.items.push_back(std::move(item));
            continue;
        }
        ctx.sawAnnotations = true;
        item.annotationFile = ctx.relative(labelPath);
        QFile f(labelPath);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
            ctx.skip(item.annotationFile,
                     QCoreApplication::translate("visor::Import", "cannot read: %1").arg(f.errorString()));
            continue;
        }
        const QList<QByteArray> lines = f.readAll().split('\n');
        QString error;
        for (int i = 0; i < lines.size() && error.isEmpty(); ++i) {
            const QStringList parts =
                QString::fromUtf8(lines[i]).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.isEmpty())
                continue;
            if (parts.size() != 5) {
                error = QCoreApplication::translate("visor::Import",
                                                    "line %1: expected 'class cx cy w h' (5 fields), found %2")
                            .arg(i + 1)
                            .arg(parts.size());
                break;
            }
            bool ok = false;
            const int cls = parts[0].toInt(&ok);
            if (!ok || cls < 0) {
                error =
                    QCoreApplication::translate("visor::Import", "line %1: class '%2' is not a non-negative integer")
                        .arg(i + 1)
                        .arg(parts[0]);
                break;
            }
            if (cls >= kMaxClasses) {
                error = QCoreApplication::translate("visor::Import",
                                                    "line %1: class index %2 is above the limit of %3 classes")
                            .arg(i + 1)
                            .arg(cls)
                            .arg(kMaxClasses);
                break;
            }
            double v[4];
            for (int k = 0; k < 4; ++k) {
                v[k] = parts[k + 1].toDouble(&ok);
                if (!ok) {
                    error = QCoreApplication::translate("visor::Import", "line %1: field %2 '%3' is not a number")
                                .arg(i + 1)
                                .arg(k + 2)
                                .arg(parts[k + 1]);
                    break;
                }
            }
            if (!error.isEmpty())
                break;
            SourceBox b;
            if (cls < names.size()) {
                b.className = names[cls];
            } else {
                b.className = QStringLiteral("class_%1").arg(cls);
                if (!names.isEmpty())
                    ctx.note(item.annotationFile,
                             QCoreApplication::translate(
                                 "visor::Import", "line %1: class %2 is beyond the %3 named classes; class '%4' used")
                                 .arg(i + 1)
                                 .arg(cls)
                                 .arg(names.size())
                                 .arg(b.className));
            }
            b.x1 = v[0] - v[2] / 2;
            b.x2 = v[0] + v[2] / 2;
            b.y1 = v[1] - v[3] / 2;
            b.y2 = v[1] + v[3] / 2;
            b.normalized = true;
            b.whereFormat = "line %1";
            b.whereNumber = i + 1;
            item.boxes.push_back(b);
        }
        if (!error.isEmpty()) {
            ctx.skip(item.annotationFile, error);
            continue;
        }
        ctx.items.push_back(std::move(item));
    }
}

void writeYolo(WriteContext &ctx)
{
    std::map<qint64, int> index;
    QByteArray yaml = "# Exported by Visor\npath: .\n";
    for (Split s : {Split::Train, Split::Val, Split::Test})
        yaml += splitKey(s).toUtf8() + ": images/" + splitKey(s).toUtf8() + '\n';
    yaml += "nc: " + QByteArray::number(qsizetype(ctx.classes.size())) + "\nnames:\n";
    for (size_t i = 0; i < ctx.classes.size(); ++i) {
        index[ctx.classes[i].id] = int(i);
        yaml +=
            "  " + QByteArray::number(qsizetype(i)) + ": '" + ctx.classes[i].name.toUtf8().replace('\'', "''") + "'\n";
    }
    for (const ExportItem &item : ctx.items) {
        const QString split = splitKey(item.split);
        ctx.copyImage(item, QStringLiteral("images/%1/%2").arg(split, item.outputName));
        QByteArray text;
        const double w = item.example.width, h = item.example.height;
        for (const Box &b : item.boxes) {
            // 12 significant digits keep float boxes exact through the normalised round trip.
            text += QByteArray::number(index[b.classId]) + ' ' +
                    QByteArray::number((double(b.x1) + b.x2) / 2 / w, 'g', 12) + ' ' +
                    QByteArray::number((double(b.y1) + b.y2) / 2 / h, 'g', 12) + ' ' +
                    QByteArray::number((double(b.x2) - b.x1) / w, 'g', 12) + ' ' +
                    QByteArray::number((double(b.y2) - b.y1) / h, 'g', 12) + '\n';
            ctx.report->boxes++;
        }
        ctx.writeText(QStringLiteral("labels/%1/%2.txt").arg(split, QFileInfo(item.outputName).completeBaseName()),
                      text);
    }
    ctx.writeText(QStringLiteral("data.yaml"), yaml);
    writeClassList(ctx, QStringLiteral("classes.txt"));
}

} // namespace visor::formats
