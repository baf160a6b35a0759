#pragma once
/// A short timing probe of the real network on this machine, on generated input of a given size: seconds
/// per training step as the trainer runs it (augmentation of the next batch on a second thread while the
/// step computes; forward, backward, optimizer) and seconds per image of an evaluation pass (forward,
/// decoding, metrics). The advisor sizes its schedule with it.

#include "project/parameters.h"
#include "project/types.h"

namespace visor::train {

struct ProbeRequest {
    DatasetKind kind = DatasetKind::ObjectDetection;
    ParameterSet parameters; // network, input channels, anchors: as they would train
    int classes = 2;
    int width = 64, height = 64; // network input
    int batch = 8;
    int threads = 0; // 0: every core
};

struct ProbeResult {
    double stepSeconds = 0;         // median of the measured steps, after one warm-up step
    double evalSecondsPerImage = 0; // one evaluation pass over a batch of images
};

/// Throws visor::Error naming the parameter when the network cannot be built from `parameters`.
ProbeResult probe(const ProbeRequest &request, int steps = 2);

} // namespace visor::train
