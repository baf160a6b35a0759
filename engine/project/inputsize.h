#pragma once
/// The network's input resolution rule, said once for everyone who needs it (the trainer, the
/// predictor, the statistics, the advisor and the augmentation preview each had their own copy): the
/// shorter side becomes input.min_side unless the longer side would then pass input.max_side, which
/// caps it instead. The image keeps its aspect ratio.

namespace visor {

struct InputSize {
    int width = 0, height = 0;
    double scale = 1; // input pixels per image pixel
};

/// The scale from a width × height image to the network's input (no rounding: for box sizes).
double inputScale(double width, double height, int minSide, int maxSide);
/// The input size in whole pixels (each side rounded, at least 1) and the scale that gives it.
InputSize inputSize(int width, int height, int minSide, int maxSide);

} // namespace visor
