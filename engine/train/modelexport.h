#pragma once
/// Exporting a trained run as a model bundle (export/bundle.h): model.onnx written from the network's
/// layer listing, model.json, README.txt, and the parity check that proves the export equal to the
/// LibTorch model on a split, run by the export itself.

#include "project/project.h"

#include <QJsonObject>
#include <atomic>
#include <functional>

namespace visor::train {

struct ExportOptions {
    QString folder; // the bundle's folder: created; refused when it exists and is not empty
    QString format = QStringLiteral("onnx");
    Split split = Split::Val; // the parity check's images
    /// The input canvas (model.onnx's fixed H x W); 0: every project image fits it. A deployment whose
    /// frames have another aspect ratio than the training images sets it (detection: multiples of 32).
    int width = 0, height = 0;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(int done, int total)> progress; // images of the parity check
};

/// The parity check's figures. Tolerances: raw outputs within kOutputTolerance, the metric within
/// kMetricTolerance (why these: modelexport.cpp).
struct ParityReport {
    static constexpr double kOutputTolerance = 1e-3, kMetricTolerance = 1e-3;
    bool detection = false;
    int images = 0;
    std::vector<std::pair<QString, double>> largestDifference; // per output, the largest |onnx - libtorch|
    double torchMetric = 0, onnxMetric = 0;                    // accuracy or mAP@0.5
    double torchMap = 0, onnxMap = 0;                          // detection: mAP@[.5:.95]
    int imagesDiffering = 0; // detection: boxes unmatched at IoU 0.99 or another class; classification: another class
    double torchMsPerImage = 0, onnxMsPerImage = 0;
    QStringList leftOut;  // images that could not be read
    QStringList failures; // empty when the export is equal within the tolerances
    bool passed() const { return failures.isEmpty(); }
    QJsonObject toJson() const;
    /// A few lines for a person: the figures and the verdict.
    QString summary() const;
};

struct ExportResult {
    QString folder;
    QString onnxFile;
    qint64 bytes = 0;
    int width = 0, height = 0;
    ParityReport parity;
};

/// Exports run `runId` of `project`. The bundle is written to a temporary folder beside
/// options.folder and renamed into place only when the parity check passed; throws visor::Error
/// naming the run, the folder or the layer at fault, with the parity report's summary when it failed
/// (the partial bundle is removed).
ExportResult exportModel(Project &project, qint64 runId, const ExportOptions &options);

/// The formats exportModel() writes ("onnx").
QStringList modelExportFormats();

} // namespace visor::train
