#pragma once
// Internal to engine/augment: the colour transforms, applied after the geometry.

#include "augmenter.h"

namespace visor::augment {

/// Values drawn for one sample (always drawn, applied only when the flag is on).
struct PhotometricDraws {
    double contrast = 1, brightness = 0, gamma = 1, saturation = 1, hue = 0;
    quint64 noiseSeed = 0;
};

/// Which of contrast, brightness, gamma, saturation, hue, noise, blur apply (in that order).
struct PhotometricFlags {
    bool on[7] = {};
    bool operator()(Transform t) const { return on[int(t) - int(Transform::Contrast)]; }
};

/// Noise strengths follow scikit-image's random_noise defaults, whose modes the contract names:
/// gauss and speckle with variance 0.01 of full scale (sigma 0.1), poisson from the intensities.
constexpr double kNoiseSigma = 0.1;

void applyPhotometry(cv::Mat &image, const PhotometricFlags &flags, const PhotometricDraws &draws, const Config &config,
                     Record &record);

} // namespace visor::augment
