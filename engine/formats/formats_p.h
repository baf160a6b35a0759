#pragma once
// Internal to engine/formats: what a format reader hands to the importer, what a writer gets,
// and the safe path resolution every reader uses.

#include "formats.h"

#include <QDir>
#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace visor::formats {

/// A box as written in the source; `normalized` boxes (YOLO) are fractions of the image size.
struct SourceBox {
    QString className;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    bool normalized = false;
    // Where the box was written ("object 2", "line 5", "annotation id 17"), formatted only when a
    // problem is reported: formatting it for each of 500,000 boxes would cost half a second.
    const char *whereFormat = nullptr;
    qint64 whereNumber = 0;
    double score = 0; // proposals: the model's score
    QString where() const
    {
        return whereFormat ? QString::fromLatin1(whereFormat).arg(whereNumber) : QStringLiteral("box");
    }
};

/// One image as described by the source.
struct SourceItem {
    QString imagePath;      // absolute path, already checked to lie inside the source folder
    QByteArray inlineBytes; // image data embedded in the annotation (LabelMe imageData), when no file
    QString displayName;    // relative path for reports
    QString annotationFile; // relative path of the annotation, empty for ImageFolder
    std::optional<Split> split;
    bool labelled = true; // false: image without annotation
    QString classLabel;   // classification
    std::vector<SourceBox> boxes;
    int declaredWidth = 0, declaredHeight = 0; // the size the annotation file states, 0 when none
    // A model's predictions, stored as proposals (never as annotations), and where the image came from.
    std::vector<SourceBox> proposals; // detection
    QString proposedClass;            // classification
    double proposedScore = 0;
    QString origin; // "edge"
    QJsonObject originDetails;
};

/// How a JSON value reads in a message about a wrong type: "the string \"1\"", "null", "1.5", "an object".
QString jsonShape(const QJsonValue &value);

/// The most classes an import creates, and the highest class index a file may name: a bound on memory
/// and time for a hostile file ("names: {1500000000: dog}").
constexpr qint64 kMaxClasses = 100000;

/// Shared state of one import: the source root, the report, and the items found.
class ReadContext {
public:
    ReadContext(const QString &root, ImportReport &report);

    QString root() const { return m_root; }
    QString relative(const QString &absolutePath) const;
    /// Resolves `name` (as written in an annotation) against `baseDir`. Refuses absolute names and
    /// names with ".." and anything that resolves (through links) outside the source folder.
    /// Returns the absolute path, or an empty string with `why` set.
    QString resolve(const QString &baseDir, const QString &name, QString *why) const;
    /// First candidate base folder where `name` resolves to an existing file.
    QString resolveAny(const QStringList &baseDirs, const QString &name, QString *why) const;

    /// Split named by a folder on the way from the root to `absolutePath` (train/, val/, test/ ...).
    std::optional<Split> splitFromPath(const QString &absolutePath) const;
    /// Recursive listing, sorted, of files whose suffix is in `suffixes` (lower case).
    /// Files under the root with these suffixes, sorted. Links that lead outside the root are skipped
    /// and reported, as resolve() refuses them for names written in annotations.
    QStringList findFiles(const QStringList &suffixes);

    /// Reads a JSON file. A file that cannot be read or parsed is reported (with the byte offset of
    /// the error) and counted as a malformed annotation; returns false then.
    bool readJson(const QString &path, QJsonObject *top);

    void skip(const QString &file, const QString &message);
    void note(const QString &file, const QString &message);

    std::vector<SourceItem> items;
    DatasetKind projectKind = DatasetKind::ObjectDetection; // for formats that hold either kind
    QStringList classOrder; // classes declared by the source, in order (classes.txt, categories...)
    bool sawAnnotations = false;

private:
    QString m_root;
    QString m_canonicalRoot;
    mutable QHash<QString, QString> m_canonicalDirs;
    mutable QString m_lastBase;
    ImportReport &m_report;
};

// Readers: fill ctx.items (and ctx.classOrder); report malformed files through ctx.
void readVoc(ReadContext &ctx);
void readCoco(ReadContext &ctx);
void readYolo(ReadContext &ctx);
void readLabelMe(ReadContext &ctx);
void readImageFolder(ReadContext &ctx);
void readEdgeFeedback(ReadContext &ctx);
int detectEdgeFeedback(const FolderListing &listing);

/// What writers get: the labelled examples with their boxes, and unique output file names.
struct ExportItem {
    Example example;
    std::vector<Box> boxes;
    QString imagePath;  // source image in the project
    QString outputName; // unique file name for the export ("IMG_1.jpg")
    Split split = Split::Train;
};

struct WriteContext {
    QDir out;
    std::vector<ClassInfo> classes;
    QHash<qint64, QString> className;
    std::vector<ExportItem> items;
    ExportReport *report = nullptr;
    QSet<QString> madeDirs; // folders already created, so each is made once

    void copyImage(const ExportItem &item, const QString &relativePath);
    void writeText(const QString &relativePath, const QByteArray &bytes) const;
};

void writeVoc(WriteContext &ctx);
void writeCoco(WriteContext &ctx);
void writeYolo(WriteContext &ctx);
void writeLabelMe(WriteContext &ctx);
void writeImageFolder(WriteContext &ctx);

/// A folder's files, listed once for detection; each format's detect() looks at them.
struct FolderListing {
    struct File {
        QString path;   // absolute
        QString name;   // file name, lower case
        QString suffix; // lower case
        bool inSubfolder = false;
    };
    QString root;
    std::vector<File> files;

    explicit FolderListing(const QString &root);
    /// The first `bytes` bytes of a file (detection reads heads only).
    static QByteArray head(const QString &path, qint64 bytes);
};

/// The registered format of `format`; throws Error for Auto or an unknown key (naming the known ones).
const FormatInfo &formatInfo(Format format);

/// Writes classes.txt (one name a line, in project order): VOC and LabelMe have no class list of
/// their own, and without it a class with no boxes would not survive a round trip.
void writeClassList(WriteContext &ctx, const QString &relativePath);
/// Reads classes.txt-style lists; empty when the file is absent.
QStringList readClassList(const QString &path);

} // namespace visor::formats
