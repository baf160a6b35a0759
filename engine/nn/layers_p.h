#pragma once
// Layers shared by the networks. Internal to engine/nn (includes LibTorch).

#include <torch/torch.h>

namespace visor::nn {

// LibTorch 1.13's CPU batch normalisation is several times slower on channels-last tensors than on
// contiguous NCHW ones (profiled in class_cnn: forward 0.8 -> 2.4 ms, backward 0.4 -> 3.8 ms a call),
// while its convolutions are twice as fast on channels-last. This layer normalises an NCHW copy and
// hands channels-last back: one cheap copy each way instead of the slow kernels. Its parameters and
// buffers have BatchNorm2d's names and meaning (momentum 0.1, eps 1e-5, affine, running statistics).
struct NchwBatchNorm2dImpl : torch::nn::Cloneable<NchwBatchNorm2dImpl> {
    explicit NchwBatchNorm2dImpl(int64_t features) : features(features) { reset(); }
    void reset() override
    {
        weight = register_parameter("weight", torch::ones({features}));
        bias = register_parameter("bias", torch::zeros({features}));
        running_mean = register_buffer("running_mean", torch::zeros({features}));
        running_var = register_buffer("running_var", torch::ones({features}));
        num_batches_tracked = register_buffer("num_batches_tracked", torch::zeros({}, torch::kLong));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        if (is_training()) {
            torch::NoGradGuard noGrad;
            num_batches_tracked.add_(1);
        }
        return torch::batch_norm(x.contiguous(), weight, bias, running_mean, running_var, is_training(), 0.1, 1e-5,
                                 false)
            .contiguous(at::MemoryFormat::ChannelsLast);
    }
    int64_t features;
    torch::Tensor weight, bias, running_mean, running_var, num_batches_tracked;
};
TORCH_MODULE(NchwBatchNorm2d);

// The same for group normalisation (the detector's head), with GroupNorm's parameter names.
struct NchwGroupNormImpl : torch::nn::Cloneable<NchwGroupNormImpl> {
    NchwGroupNormImpl(int64_t groups, int64_t channels) : groups(groups), channels(channels) { reset(); }
    void reset() override
    {
        weight = register_parameter("weight", torch::ones({channels}));
        bias = register_parameter("bias", torch::zeros({channels}));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        return torch::group_norm(x.contiguous(), groups, weight, bias, 1e-5, false)
            .contiguous(at::MemoryFormat::ChannelsLast);
    }
    int64_t groups, channels;
    torch::Tensor weight, bias;
};
TORCH_MODULE(NchwGroupNorm);

} // namespace visor::nn
