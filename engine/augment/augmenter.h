#pragma once
/// Data augmentation: every transform of the parameter contract (augment.*), applied to an image and
/// its boxes together, reproducible from (seed, epoch, sample index), safe to call from many threads.
/// Training and the preview use this same pipeline.

#include "project/parameters.h"
#include "project/types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>
#include <opencv2/core.hpp>
#include <optional>

namespace visor::augment {

/// The transforms, in the order the pipeline draws and applies them.
enum class Transform {
    FlipHorizontal,
    FlipVertical,
    Scale,
    Shear,
    Rotate,
    Translate,
    Contrast,
    Brightness,
    Gamma,
    Saturation,
    Hue,
    Noise,
    Blur,
};
constexpr int kTransformCount = 13;

/// "flip_horizontal", "rotate", ... (stable names for records, captions and the command line).
QString transformKey(Transform t);
std::optional<Transform> parseTransform(const QString &key);
bool isGeometric(Transform t);
bool isColourOnly(Transform t); // saturation and hue: skipped on grey images

/// The augment.* parameters, read once from a validated parameter set.
struct Config {
    int interpolation = 1; // cv::InterpolationFlags
    int borderMode = 0;    // cv::BorderTypes
    int borderValue = 0;
    double probability[kTransformCount] = {};
    std::pair<double, double> rotateDegrees, translateX, translateY, shearDegrees, scale, contrast, brightness, gamma,
        saturation, hue;
    bool rotateResize = true;
    int translateAttempts = 3;
    QString noiseMethod = QStringLiteral("gauss");
    int blurKernel = 5;

    static Config fromParameters(const ParameterSet &parameters);
};

/// What was applied to one sample, with the values drawn: for captions, logs and debugging.
struct Record {
    struct Applied {
        Transform transform;
        QJsonObject values;
    };
    std::vector<Applied> applied;
    std::vector<int> droppedBoxes; // indices (into the input boxes) of boxes no longer visible enough
    QStringList notes;             // e.g. "translate: every draw would drop a box; not translated"

    bool has(Transform t) const;
    QJsonObject toJson() const;
    /// One short line such as "rotate -12.3°, flip horizontal, gamma 0.81": the transforms in the
    /// window's language, numbers in `locale` (visor-cli: English, C locale).
    QString caption(const QLocale &locale = QLocale::c()) const;
};

/// An augmented image with its boxes (image pixels of the output canvas) and its record.
struct Sample {
    cv::Mat image;
    std::vector<Box> boxes;       // surviving boxes, in input order; class ids kept
    std::vector<int> sourceIndex; // for each output box, its index among the input boxes
    Record record;
};

/// How a transform is singled out (preview of the transform being edited).
enum class Focus {
    None,    // every transform with its own probability
    ForceOn, // the chosen transform always applies, the others with their probabilities
    Only,    // only the chosen transform, always
};

/// Below this share of its transformed area still inside the image, a box is dropped.
constexpr double kMinVisibleFraction = 0.25;
/// Boxes thinner than this (pixels, either side) after the transform are dropped.
constexpr double kMinBoxSide = 2.0;

class Pipeline {
public:
    explicit Pipeline(const ParameterSet &parameters);
    explicit Pipeline(const Config &config);

    const Config &config() const { return m_config; }

    /// Augments one sample. The random stream is derived from (seed, epoch, index) only, so the result
    /// is the same whichever thread runs it and whatever ran before. Const and thread-safe.
    Sample apply(const cv::Mat &image, const std::vector<Box> &boxes, quint64 seed, quint64 epoch, quint64 index,
                 Focus focus = Focus::None, Transform chosen = Transform::Rotate) const;

private:
    Config m_config;
};

/// Maps a box through a 2x3 affine matrix (continuous pixel coordinates): the four corners, their
/// enclosing axis-aligned box, clipped to width x height. Returns nullopt when the box must be dropped
/// (visible part under kMinVisibleFraction of the transformed area, or a side under kMinBoxSide).
std::optional<Box> transformBox(const Box &box, const cv::Matx23d &m, int width, int height);

/// N variants of one example for the preview (sample indices 0..n-1 of epoch 0).
std::vector<Sample> preview(const Pipeline &pipeline, const cv::Mat &image, const std::vector<Box> &boxes, int n,
                            quint64 seed, Focus focus = Focus::None, Transform chosen = Transform::Rotate);

/// Augments many samples on `threads` worker threads (0: one per core); sample i uses stream
/// (seed, epoch, firstIndex + i). The output does not depend on the number of threads.
std::vector<Sample> applyBatch(const Pipeline &pipeline, const std::vector<cv::Mat> &images,
                               const std::vector<std::vector<Box>> &boxes, quint64 seed, quint64 epoch,
                               quint64 firstIndex, int threads = 0);

/// Draws boxes (class colours as "#rrggbb" by class id) onto a copy of the image, for previews.
/// The image as the network sees it before augmentation: resized by the input rule (project/inputsize.h),
/// area averaging when it shrinks, bilinear when it grows; `boxes`, when given, scaled along per axis as
/// the trainer scales them. The trainer, the predictor and the augmentation preview all resize here.
cv::Mat resizeToInput(const cv::Mat &image, int minSide, int maxSide, std::vector<Box> *boxes = nullptr);

cv::Mat drawBoxes(const cv::Mat &image, const std::vector<Box> &boxes, const std::vector<ClassInfo> &classes);

} // namespace visor::augment
