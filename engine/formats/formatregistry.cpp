// The built-in formats and how each is recognised: the one list of them (the CLI, the dialogs and
// detection read it through formatRegistry()).
#include "formats_p.h"
#include "imageinfo.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace visor {

namespace formats {

FolderListing::FolderListing(const QString &dir) : root(QFileInfo(dir).absoluteFilePath())
{
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        files.push_back(
            {info.absoluteFilePath(), info.fileName().toLower(), info.suffix().toLower(), info.absolutePath() != root});
    }
}

QByteArray FolderListing::head(const QString &path, qint64 bytes)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

namespace {

// JSON heads: 64 KiB is enough to meet LabelMe's "shapes" or COCO's top-level keys early in the file.
constexpr qint64 kJsonHead = 1 << 16;

bool isLabelMeJson(const QByteArray &head)
{
    return head.contains("\"shapes\"");
}

int detectCoco(const FolderListing &l)
{
    for (const auto &f : l.files)
        if (f.suffix == QLatin1String("json")) {
            const QByteArray h = FolderListing::head(f.path, kJsonHead);
            if (!isLabelMeJson(h) &&
                (h.contains("\"images\"") || h.contains("\"annotations\"") || h.contains("\"categories\"")))
                return 1;
        }
    return 0;
}

int detectLabelMe(const FolderListing &l)
{
    for (const auto &f : l.files)
        if (f.suffix == QLatin1String("json") && isLabelMeJson(FolderListing::head(f.path, kJsonHead)))
            return 1;
    return 0;
}

int detectVoc(const FolderListing &l)
{
    for (const auto &f : l.files)
        if (f.suffix == QLatin1String("xml") && FolderListing::head(f.path, 512).contains("<annotation"))
            return 1;
    return 0;
}

int detectYolo(const FolderListing &l)
{
    static const QStringList lists = {QStringLiteral("classes.txt"), QStringLiteral("train.txt"),
                                      QStringLiteral("val.txt"), QStringLiteral("test.txt")};
    int evidence = 0;
    for (const auto &f : l.files)
        if ((f.suffix == QLatin1String("txt") && !lists.contains(f.name)) || f.name == QLatin1String("data.yaml") ||
            f.name == QLatin1String("data.yml"))
            ++evidence;
    return evidence;
}

int detectImageFolder(const FolderListing &l)
{
    int evidence = 0;
    for (const auto &f : l.files)
        if (f.inSubfolder && isImageFile(f.name))
            ++evidence;
    return evidence;
}

std::vector<FormatInfo> builtinFormats()
{
    // In the order the window lists them; detection follows detectPriority (LabelMe's .json before
    // VOC and YOLO, which a LabelMe folder's stray .txt would otherwise claim).
    return {
        {QStringLiteral("coco"),
         QStringLiteral("COCO"),
         DatasetKind::ObjectDetection,
         {"visor::Import", QT_TRANSLATE_NOOP("visor::Import", "COCO .json files")},
         10,
         detectCoco,
         readCoco,
         writeCoco},
        {QStringLiteral("voc"),
         QStringLiteral("Pascal VOC"),
         DatasetKind::ObjectDetection,
         {"visor::Import", QT_TRANSLATE_NOOP("visor::Import", "Pascal VOC .xml files")},
         30,
         detectVoc,
         readVoc,
         writeVoc},
        {QStringLiteral("yolo"),
         QStringLiteral("YOLO"),
         DatasetKind::ObjectDetection,
         {"visor::Import", QT_TRANSLATE_NOOP("visor::Import", "YOLO label .txt files with data.yaml or classes.txt")},
         40,
         detectYolo,
         readYolo,
         writeYolo},
        {QStringLiteral("labelme"),
         QStringLiteral("LabelMe"),
         DatasetKind::ObjectDetection,
         {"visor::Import", QT_TRANSLATE_NOOP("visor::Import", "LabelMe .json files")},
         20,
         detectLabelMe,
         readLabelMe,
         writeLabelMe},
        {QStringLiteral("imagefolder"),
         QStringLiteral("ImageFolder"),
         DatasetKind::Classification,
         {"visor::Import", QT_TRANSLATE_NOOP("visor::Import", "image folders named after classes")},
         90,
         detectImageFolder,
         readImageFolder,
         writeImageFolder},
        {QStringLiteral("edge"),
         QStringLiteral("visor-edge feedback"),
         DatasetKind::ObjectDetection,
         {"visor::Import", QT_TRANSLATE_NOOP("visor::Import", "visor-edge feedback frames (.jpg with .json)")},
         5,
         detectEdgeFeedback,
         readEdgeFeedback,
         nullptr,
         true},
    };
}

} // namespace

const FormatInfo &formatInfo(Format format)
{
    return formatRegistry().at(format.key());
}

} // namespace formats

Registry<FormatInfo> &formatRegistry()
{
    static Registry<FormatInfo> registry({"visor::Registry", QT_TRANSLATE_NOOP("visor::Registry", "format")},
                                         formats::builtinFormats);
    return registry;
}

QString formatKey(Format format)
{
    return format.key();
}

QString formatName(Format format)
{
    if (format.isAuto())
        return {};
    const FormatInfo *info = formatRegistry().find(format.key());
    return info ? info->name : format.key();
}

std::vector<Format> dataSetFormats(FormatUse use)
{
    std::vector<Format> out;
    for (const FormatInfo *f : formatRegistry().all())
        if (use == FormatUse::Import ? f->read != nullptr : f->write != nullptr)
            out.emplace_back(f->key);
    return out;
}

std::optional<Format> parseFormat(const QString &text)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    const Format f(text);
    if (f.isAuto() || formatRegistry().find(f.key()))
        return f;
    return std::nullopt;
}

QString formatKeysText(FormatUse use)
{
    QStringList keys;
    if (use == FormatUse::Import)
        keys << QStringLiteral("auto");
    for (Format f : dataSetFormats(use))
        keys << f.key();
    return keys.join(QStringLiteral(", "));
}

DatasetKind formatKind(Format format)
{
    const FormatInfo *info = formatRegistry().find(format.key());
    return info ? info->kind : DatasetKind::ObjectDetection;
}

bool formatHolds(Format format, DatasetKind kind)
{
    const FormatInfo *info = formatRegistry().find(format.key());
    return info && (info->anyKind || info->kind == kind);
}

} // namespace visor
