#pragma once
/// Running a bundle with OpenCV's dnn module: the one runtime of exported models, used by visor-edge
/// and by the export's own parity check (so the check proves what the edge program does). QtCore
/// and OpenCV only.

#include "bundle.h"

#include <array>
#include <memory>
#include <opencv2/core.hpp>
#include <vector>

namespace visor::deploy {

/// An image prepared for the network: resized by the bundle's rule and placed at the top left of
/// the canvas (zero padding).
struct Canvas {
    cv::Mat pixels;                // height x width x channels, 8-bit
    int width = 0, height = 0;     // the resized image inside it
    double scaleX = 1, scaleY = 1; // canvas pixels per image pixel
};

/// The input size rule of inputsize.h, then fitted into the canvas; `image` has the bundle's channels.
Canvas prepare(const cv::Mat &image, const Bundle &bundle);
/// `image` (any of 1, 3 or 4 channels) with the bundle's channels: BGR or grey as OpenCV converts.
cv::Mat toChannels(const cv::Mat &image, int channels);
/// Resizes to width x height as Visor does everywhere (area when shrinking, bilinear when enlarging).
cv::Mat resizeImage(const cv::Mat &image, int width, int height);

struct Detection {
    std::array<float, 4> box; // x1, y1, x2, y2
    int label = 0;
    float score = 0;
};

/// Raw outputs to detections, exactly as the trainer's evaluation does it: scores above `threshold`
/// (the best 1000 candidates), boxes clipped to width x height, class-wise greedy NMS at `iou`, the
/// best `maxBoxes`. `boxes` (A, 4) and `scores` (A, K) are row-major float arrays.
std::vector<Detection> selectDetections(const float *boxes, const float *scores, int anchors, int classes,
                                        double threshold, double iou, int maxBoxes, int width, int height);

/// A box from input pixels to the original image's: scaled back, grown by `expansion` of its size,
/// clipped to the image.
std::array<float, 4> toImagePixels(const std::array<float, 4> &box, double scaleX, double scaleY, double expansion,
                                   int imageWidth, int imageHeight);

/// What a bundle says of one image.
struct Result {
    std::vector<Detection> detections; // detection, in the image's pixels
    int label = -1;                    // classification
    std::vector<float> probabilities;  // classification, one per class
};

class Runtime {
public:
    /// Reads model.onnx with OpenCV's dnn; throws BundleError naming the file when it cannot.
    explicit Runtime(Bundle bundle);
    ~Runtime();
    const Bundle &bundle() const { return m_bundle; }
    /// The graph's outputs for a prepared canvas, by name: logits, deltas, boxes, scores (detection)
    /// or logits, probabilities (classification), each without its batch dimension.
    std::vector<cv::Mat> outputs(const Canvas &canvas);
    static std::vector<std::string> outputNames(bool detection);
    /// The whole way: prepare, run, decode (threshold: `threshold` or, when negative, the bundle's).
    Result run(const cv::Mat &image, double threshold = -1);
    /// Result from outputs() of `canvas` for an image of imageWidth x imageHeight.
    Result interpret(const std::vector<cv::Mat> &outputs, const Canvas &canvas, int imageWidth, int imageHeight,
                     double threshold = -1) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    Bundle m_bundle;
};

} // namespace visor::deploy
