#pragma once
/// Import and export of data sets: Pascal VOC, COCO, YOLO, LabelMe (detection) and ImageFolder
/// (classification), with a per-item report of what was imported, skipped and why.

#include "project/project.h"
#include "project/registry.h"

#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace visor {

/// A data set format by its registered key ("voc", "coco", ...); the default, Auto, means "detect it".
/// The formats themselves live in formatRegistry(): a format added there (built in or by a plugin) is
/// listed by `visor-cli import --format`, the import and export dialogs and detection alike.
class Format {
public:
    Format() = default; // Auto
    explicit Format(const QString &key) : m_key(key.trimmed().toLower())
    {
        if (m_key == QLatin1String("auto"))
            m_key.clear();
    }
    bool isAuto() const { return m_key.isEmpty(); }
    QString key() const { return m_key.isEmpty() ? QStringLiteral("auto") : m_key; }
    friend bool operator==(const Format &a, const Format &b) { return a.m_key == b.m_key; }
    friend bool operator!=(const Format &a, const Format &b) { return a.m_key != b.m_key; }

    /// The built-in formats, for code and tests that name one.
    static const Format Auto, Voc, Coco, Yolo, LabelMe, ImageFolder;

private:
    QString m_key; // lower case; empty for Auto
};
inline const Format Format::Auto{};
inline const Format Format::Voc{QStringLiteral("voc")};
inline const Format Format::Coco{QStringLiteral("coco")};
inline const Format Format::Yolo{QStringLiteral("yolo")};
inline const Format Format::LabelMe{QStringLiteral("labelme")};
inline const Format Format::ImageFolder{QStringLiteral("imagefolder")};

namespace formats {
class ReadContext;
struct WriteContext;
struct FolderListing;
} // namespace formats

/// A registered data set format: what it is called, what it holds, how it is recognised, read and
/// written (the handlers take engine/formats' internal contexts, formats_p.h).
struct FormatInfo {
    QString key;  // "voc": --format, project files, reports
    QString name; // "Pascal VOC": how people write it; the dialogs list formats by it
    DatasetKind kind = DatasetKind::ObjectDetection;
    /// What detection looks for, for the message when nothing matched ("Pascal VOC .xml files").
    RegisteredText looksFor;
    /// Detection tries formats by ascending priority; the first that finds evidence wins (a COCO
    /// folder may also hold .txt files; ImageFolder, any image in sub-folders, comes last).
    int detectPriority = 50;
    /// How much evidence of this format a folder holds (0: none), from its file listing.
    int (*detect)(const formats::FolderListing &) = nullptr;
    void (*read)(formats::ReadContext &) = nullptr;
    void (*write)(formats::WriteContext &) = nullptr;
    /// Holds either kind (visor-edge's feedback): the reader follows the project's kind.
    bool anyKind = false;
};

/// The formats, built-in ones first (COCO, Pascal VOC, YOLO, LabelMe, ImageFolder), in the order the
/// window lists them.
Registry<FormatInfo> &formatRegistry();

QString formatKey(Format format); // "voc", "coco", ... ("auto")
/// The format's own name, as people write it: "COCO", "Pascal VOC", "YOLO", "LabelMe", "ImageFolder"
/// (Auto: empty). Import and export list the formats by these names.
QString formatName(Format format);
/// Import: formats that can be read; Export: formats that can be written.
enum class FormatUse { Import, Export };
/// The formats a data set can be imported from or exported to, in the order the window lists them.
std::vector<Format> dataSetFormats(FormatUse use);
/// "auto" or a registered key (any case); nullopt otherwise.
std::optional<Format> parseFormat(const QString &text);
/// "auto, coco, voc, ..." (import) or "coco, voc, ..." (export): the keys --format accepts.
QString formatKeysText(FormatUse use);
/// The data set kind a format holds.
DatasetKind formatKind(Format format);
/// Whether a project of `kind` can import `format` (its kind, or a format that holds either).
bool formatHolds(Format format, DatasetKind kind);

/// One line of an import report.
struct ImportEntry {
    enum class Status { Imported, Skipped, Duplicate, Note };
    Status status = Status::Note;
    QString file;    // the file concerned (image or annotation), relative to the source folder
    QString message; // why, with the field or line where it applies
};

struct ImportReport {
    Format format = Format::Auto;
    QString source;
    int imported = 0, skipped = 0, duplicates = 0;
    int boxes = 0, boxesClipped = 0, boxesSkipped = 0;
    int proposals = 0; // model predictions stored as proposals (visor-edge feedback)
    QStringList classesCreated;
    std::vector<ImportEntry> entries;
    bool cancelled = false;
    QString fatal; // set when nothing was imported because the source is not a data set or is unusable
    std::map<QString, double> seconds; // wall time per phase (read_annotations, load_images, database, ...)

    bool ok() const { return fatal.isEmpty() && !cancelled; }
    QJsonObject toJson() const;
    QString toText(int maxLines = 50) const;
};

struct ImportOptions {
    Format format = Format::Auto;
    int threads = 0; // 0: one per core
    /// Called from the importing thread with (done, total); return false to cancel (nothing is kept).
    std::function<bool(int, int)> progress;
};

/// Detects the format of a folder; nullopt with `why` filled when it holds no data set.
std::optional<Format> detectFormat(const QString &dir, QString *why = nullptr);

/// Imports a folder into the project in one transaction. Items that fail are reported and skipped;
/// the rest is imported. New examples get a split (stable assignment) unless the source names one.
ImportReport importDataset(Project &project, const QString &source, const ImportOptions &options = {});

/// Imports loose image files (dropped on the window, picked in a dialog) as examples still to be
/// annotated; the same checks, duplicate detection and split assignment as a data set import.
ImportReport importImageFiles(Project &project, const QStringList &files, const ImportOptions &options = {});

struct ExportReport {
    Format format = Format::Auto;
    int examples = 0, boxes = 0;
    int unlabelledSkipped = 0;         // unlabelled examples are not written (no format can say "not yet annotated")
    QStringList missing;               // "file (example N)" of examples whose image is gone from images/; not written
    QStringList files;                 // annotation files written (relative)
    std::map<QString, double> seconds; // wall time per phase (read_project, write)
};

/// Writes the project's labelled examples in `format` under `outDir` (created; must be empty or absent),
/// so that importing it back yields the same classes, examples, boxes and splits. The export is written
/// into a hidden sibling folder marked incomplete and renamed to `outDir` only when whole: a killed or
/// failed export never leaves a folder that imports as a complete data set.
ExportReport exportDataset(const Project &project, const QString &outDir, Format format);

/// The marker file inside a folder whose export has not finished; the importer refuses such folders.
extern const char *const kIncompleteExportMarker;

} // namespace visor
