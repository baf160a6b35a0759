#pragma once
// Precompiled header of libvisor_engine: LibTorch is by far the heaviest include of the project.
#include <torch/torch.h>
