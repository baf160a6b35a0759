#pragma once
/// The training advisor: settings suggested from the data set's own statistics and a short timing probe
/// of the real network on this machine, each with its reason and the numbers behind it. Nothing changes
/// until the proposals are applied.

#include "advise/anchorfit.h"
#include "project/project.h"
#include "project/statistics.h"
#include "train/probe.h"

#include <QJsonObject>
#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace visor::advise {

/// How long the user gives the run, and on how many threads it will train.
struct Budget {
    double minutes = 15;
    int threads = 0; // 0: every core
};

/// The probe: seconds per training step and per evaluated image for a request. The real one is
/// train::probe; tests give a formula.
using Probe = std::function<train::ProbeResult(const train::ProbeRequest &)>;

/// What the advisor knows about a data set: read from the store (no image decoded) except the colour
/// measure, which decodes a small sample of images at reduced size.
struct DataProfile {
    struct Image {
        int width = 0, height = 0;
    };
    struct ObjectBox {
        float cx = 0, cy = 0, w = 0, h = 0; // image pixels
        int image = 0;                      // index into images
    };
    DatasetKind kind = DatasetKind::ObjectDetection;
    qint64 annotated = 0;
    std::array<qint64, kSplitCount> annotatedPerSplit{}; // train, val, test
    QStringList classNames;
    std::vector<qint64> classCounts; // detection: objects; classification: examples
    std::vector<Image> images;       // annotated examples (a sample of at most 200,000)
    std::vector<ObjectBox> boxes;    // their boxes (a sample of at most 50,000)
    double meanChroma = -1;          // mean of max(R,G,B) - min(R,G,B) over sampled pixels, 0..255; -1 unknown
    int chromaImages = 0;            // images the colour measure decoded
    /// Classification: each class's mean image (grey, kMeanSide x kMeanSide, row-major, zero mean and unit
    /// norm) over a sample of its examples; empty when not measured. Tells whether flips keep a class.
    static constexpr int kMeanSide = 16;
    std::vector<std::vector<float>> classMeans;
    std::vector<HealthWarning> warnings;
};

/// Reads the profile of a project. `measureImages` decodes up to 48 images at reduced size (colour) and,
/// for classification, up to 24 images per class (the class means).
DataProfile profileProject(const Project &project, bool measureImages = true);

/// Only the image sizes and a sample of at most `maxBoxes` boxes, with one query: what preflight() needs,
/// fast enough for the GUI thread with 100,000 examples.
DataProfile profileBoxes(const Project &project, int maxBoxes = 20000);

/// The boxes of a profile at the network input of (minSide, maxSide), as the trainer resizes images.
std::vector<SizedBox> boxesAtInput(const DataProfile &profile, int minSide, int maxSide);
/// The current anchors.* parameters.
AnchorConfig anchorConfig(const ParameterSet &parameters);

/// One suggested change of a parameter.
struct Proposal {
    QString key;
    QJsonValue current, proposed;
    QString reason;       // a sentence in the window's language, with the numbers
    QJsonObject evidence; // the numbers, for --json and tests
};

/// Something no setting fixes: the user has to act on the data (too few examples, an empty class, ...).
struct Action {
    QString code;
    QString message;
};

struct Suggestion {
    double budgetMinutes = 0;
    std::vector<Proposal> proposals;
    std::vector<Action> actions;
    QString summary;
    std::optional<double> anchorRecallCurrent, anchorRecallProposed; // detection
    double secondsPerStep = 0;                                       // the probe, at the proposed settings
    int expectedEpochs = 0;

    /// `base` with the proposals applied; with `selected`, only those rows (same order as proposals).
    ParameterSet applied(ParameterSet base, const std::vector<bool> *selected = nullptr) const;
    QJsonObject toJson() const;
    QString toText() const;
};

/// Suggests settings for the project within the budget (uses the real probe).
Suggestion suggest(const Project &project, const Budget &budget);
/// The rules, on a profile and the current parameters, with the given probe.
Suggestion suggest(const DataProfile &profile, const ParameterSet &current, const Budget &budget, const Probe &probe);

/// Before a run: the concerns the advisor would change strongly (boxes too small to see at the input
/// resolution, anchors matching under half of the boxes). Empty when none; fast (no probe, no decoding).
QStringList preflight(const DataProfile &profile, const ParameterSet &parameters);

} // namespace visor::advise
