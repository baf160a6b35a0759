#pragma once
/// What the machine-learning backend offers: LibTorch version, CUDA devices, CPU threads.

#include <QString>

namespace visor::nn {

struct BackendInfo {
    QString torchVersion;
    bool cudaAvailable = false;
    int cudaDevices = 0;
    int cpuThreads = 0; // what training uses: trainingThreads()
};

/// The threads training uses: `requested`, or every core when 0 (LibTorch's own default is half of them,
/// which is what torch::get_num_threads() says before training sets it). One rule for the trainer, the
/// advisor's probe and what --version reports.
int trainingThreads(int requested = 0);

/// Queries LibTorch (cheap; no device memory is allocated).
BackendInfo backendInfo();

/// One line such as "LibTorch 1.13.1, CPU (2 threads), no CUDA device".
QString backendSummary();

} // namespace visor::nn
