#pragma once
// Internal to engine/train: what a Predictor holds, for the code that needs the network itself (the
// evaluation, the model export).

#include "inference.h"
#include "nn/model_p.h"
#include "project/parameters.h"

namespace visor::train {

struct Predictor::Private {
    Project *project = nullptr;
    QString weights;
    QString note;
    ParameterSet parameters;
    bool detection = false;
    std::unique_ptr<nn::Model> classifier;
    std::unique_ptr<nn::Detector> detector;
    QStringList classes;
    int channels = 1, minSide = 0, maxSide = 0;
    double threshold = 0.6;
    int maxBoxes = 30;
};

/// The Predictor's insides, for engine/train code.
struct PredictorAccess {
    using Private = Predictor::Private;
    static Predictor::Private &of(const Predictor &p) { return *p.d; }
};

} // namespace visor::train
