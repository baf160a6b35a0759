#pragma once
/// What a run's final test evaluation predicted, image by image: stored by the trainer beside the run
/// (runs/N/test_predictions.json) so that the results gallery shows the very predictions the metrics
/// counted, at any confidence threshold, without predicting again.

#include <QString>
#include <optional>
#include <vector>

namespace visor::train {

struct StoredBox {
    qint64 classId = 0; // the project's class id
    float score = 0;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0; // the original image's pixels
};

struct ImagePredictions {
    qint64 exampleId = 0;
    std::vector<StoredBox> boxes; // detection: every box the evaluation counted, by descending score
    qint64 classId = 0;           // classification: the predicted class
    double score = 0;             // classification: its probability
};

struct TestPredictions {
    bool detection = false;
    double minScore = 0; // detection: the lowest score the evaluation keeps
    std::vector<ImagePredictions> images;
};

/// The file's name inside a run's folder.
QString testPredictionsFile();
/// Writes the file atomically into `runFolder`.
void saveTestPredictions(const QString &runFolder, const TestPredictions &predictions);
/// Reads it back. nullopt with `error` empty when the run has none (trained before Visor stored them),
/// with `error` naming the file and what is wrong when it cannot be read.
std::optional<TestPredictions> loadTestPredictions(const QString &runFolder, QString *error = nullptr);

} // namespace visor::train
