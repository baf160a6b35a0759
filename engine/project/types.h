#pragma once
/// Plain value types shared by the whole engine: data set kinds, splits, classes, examples, boxes.

#include <QDateTime>
#include <QString>
#include <QtGlobal>
#include <optional>
#include <stdexcept>
#include <vector>

namespace visor {

/// The two data set kinds of the product.
enum class DatasetKind { ObjectDetection, Classification };

/// Stable names used in files and on the command line ("detection", "classification").
QString kindKey(DatasetKind kind);
/// Human name ("ObjectDetection", "Classification").
QString kindName(DatasetKind kind);
/// Accepts "detection", "objectdetection", "classification" (any case); nullopt otherwise.
std::optional<DatasetKind> parseKind(const QString &text);

/// Which part of the data an example belongs to. Values are stored in the database.
enum class Split { Train = 0, Val = 1, Test = 2 };
constexpr int kSplitCount = 3;
QString splitKey(Split split);                        // "train", "val", "test"
std::optional<Split> parseSplit(const QString &text); // also "valid", "validation"

/// An error in the user's data or request; the message names the file or parameter at fault.
class Error : public std::runtime_error {
public:
    explicit Error(const QString &message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromStdString(what()); }
};

/// A class of the data set. The id never changes, whatever happens to the name or the order.
struct ClassInfo {
    qint64 id = 0;
    QString name;
    QString color; // "#rrggbb"
    int position = 0;
};

/// An axis-aligned box in image pixels (x1,y1 top-left, x2,y2 bottom-right).
struct Box {
    qint64 id = 0; // 0 until stored
    qint64 classId = 0;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    float width() const { return x2 - x1; }
    float height() const { return y2 - y1; }
};

/// A model's prediction stored beside the annotations until a person accepts (it becomes a box or
/// the example's class) or rejects it (it is deleted).
struct ModelProposal {
    qint64 id = 0;
    qint64 exampleId = 0;
    qint64 classId = 0;
    bool hasBox = false; // detection; classification proposes the class alone
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double score = 0;
    QString origin; // "edge", "run 3"
};

/// One image of the data set with its metadata (annotations are loaded separately).
struct Example {
    qint64 id = 0;
    QString hash;     // SHA-256 of the file bytes, hex
    QString suffix;   // stored file suffix, lower case, without dot
    QString fileName; // original file name (no folders)
    QString source;   // where it came from (import source folder, "synth", ...)
    int width = 0;
    int height = 0;
    QDateTime added;
    std::optional<Split> split;
    std::optional<Split> pinnedSplit;
    quint64 perceptualHash = 0;
    bool labelled = false; // classification: has a class; detection: annotated (boxes may be none)
    qint64 classId = 0;    // classification label, 0 when none
};

} // namespace visor
