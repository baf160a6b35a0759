#include "backend.h"

#include <thread>
#include <torch/torch.h>

namespace visor::nn {

int trainingThreads(int requested)
{
    return requested > 0 ? requested : std::max(1, int(std::thread::hardware_concurrency()));
}

BackendInfo backendInfo()
{
    BackendInfo info;
    info.torchVersion =
        QStringLiteral("%1.%2.%3").arg(TORCH_VERSION_MAJOR).arg(TORCH_VERSION_MINOR).arg(TORCH_VERSION_PATCH);
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDevices = info.cudaAvailable ? int(torch::cuda::device_count()) : 0;
    info.cpuThreads = trainingThreads();
    return info;
}

QString backendSummary()
{
    const BackendInfo i = backendInfo();
    const QString cuda =
        i.cudaAvailable ? QStringLiteral("%1 CUDA device(s)").arg(i.cudaDevices) : QStringLiteral("no CUDA device");
    return QStringLiteral("LibTorch %1, CPU (%2 threads for training), %3")
        .arg(i.torchVersion)
        .arg(i.cpuThreads)
        .arg(cuda);
}

} // namespace visor::nn
