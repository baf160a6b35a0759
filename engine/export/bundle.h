#pragma once
/// A model bundle: the folder an export writes (model.onnx, model.json, README.txt) and everything a
/// program needs to use it without Visor's engine: this header and runtime.h build into visor-edge
/// with QtCore and OpenCV alone (no LibTorch).

#include <QJsonObject>
#include <QStringList>
#include <stdexcept>

namespace visor::deploy {

/// A bundle that cannot be used; the message names the file and what is wrong with it.
class BundleError : public std::runtime_error {
public:
    explicit BundleError(const QString &message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromStdString(what()); }
};

/// model.json, read and written in one place.
struct Bundle {
    static constexpr int kFormatVersion = 1;
    QString folder;               // where it was read from
    QString kind;                 // "classification" or "detection"
    QStringList classes;          // in the order of the model's outputs
    QStringList colours;          // "#rrggbb", one per class
    int width = 0, height = 0;    // the input canvas of model.onnx
    int channels = 3;             // 3: BGR, 1: grey
    QString preprocessing;        // "caffe" or "tf" (done inside model.onnx; for the record)
    int minSide = 0, maxSide = 0; // the resolution rule (inputsize.h), then fitted into the canvas
    double threshold = 0.5;       // detection: the lowest score reported
    double iouThreshold = 0.5;    // detection: class-wise NMS, outside the graph
    int maxBoxes = 100;
    double boxExpansion = 0; // detection: each box grown by this fraction of its size
    int anchorCount = 0;     // detection: A of the outputs (N, A, 4) and (N, A, K)
    QJsonObject extra;       // run id, test metrics, parity, date, version: carried as written

    bool detection() const { return kind == QLatin1String("detection"); }
    QString modelPath() const;
    QJsonObject toJson() const;
    /// Throws BundleError naming model.json and the field for a missing or out-of-range field.
    static Bundle fromJson(const QJsonObject &json, const QString &folder);
};

/// Reads FOLDER/model.json (and checks that FOLDER/model.onnx exists); throws BundleError.
Bundle loadBundle(const QString &folder);

} // namespace visor::deploy
