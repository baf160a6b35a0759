#pragma once
/// A short timing probe of the real network on this machine: seconds per training step (forward,
/// backward, optimizer) on generated input of a given size. The advisor sizes its schedule with it.

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

/// Median seconds of `steps` training steps after one warm-up step. Throws visor::Error naming the
/// parameter when the network cannot be built from `parameters`.
double probeStepSeconds(const ProbeRequest &request, int steps = 2);

} // namespace visor::train
