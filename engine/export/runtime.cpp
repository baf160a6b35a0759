#include "runtime.h"
#include "project/inputsize.h"

#include <QCoreApplication>
#include <QFile>
#include <algorithm>
#include <numeric>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

namespace visor::deploy {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(visor::Runtime)
};

} // namespace

cv::Mat toChannels(const cv::Mat &image, int channels)
{
    if (image.channels() == channels)
        return image;
    cv::Mat out;
    if (channels == 1)
        cv::cvtColor(image, out, image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    else
        cv::cvtColor(image, out, image.channels() == 4 ? cv::COLOR_BGRA2BGR : cv::COLOR_GRAY2BGR);
    return out;
}

cv::Mat resizeImage(const cv::Mat &image, int width, int height)
{
    if (image.empty() || (width == image.cols && height == image.rows))
        return image;
    cv::Mat out;
    cv::resize(image, out, cv::Size(width, height), 0, 0,
               width * height < image.cols * image.rows ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

Canvas prepare(const cv::Mat &image, const Bundle &b)
{
    Canvas c;
    InputSize size = inputSize(image.cols, image.rows, b.minSide, b.maxSide);
    if (size.width > b.width || size.height > b.height) { // an image of another shape: fitted in
        const double fit = std::min(double(b.width) / image.cols, double(b.height) / image.rows);
        size = {std::clamp(int(std::lround(image.cols * fit)), 1, b.width),
                std::clamp(int(std::lround(image.rows * fit)), 1, b.height), fit};
    }
    const cv::Mat resized = resizeImage(toChannels(image, b.channels), size.width, size.height);
    c.pixels = cv::Mat::zeros(b.height, b.width, CV_8UC(b.channels));
    resized.copyTo(c.pixels(cv::Rect(0, 0, resized.cols, resized.rows)));
    c.width = resized.cols;
    c.height = resized.rows;
    c.scaleX = double(resized.cols) / image.cols;
    c.scaleY = double(resized.rows) / image.rows;
    return c;
}

std::vector<Detection> selectDetections(const float *boxes, const float *scores, int anchors, int classes,
                                        double threshold, double iou, int maxBoxes, int width, int height)
{
    std::vector<int64_t> candidates; // anchor * classes + class, as the flattened scores
    const int64_t total = int64_t(anchors) * classes;
    for (int64_t i = 0; i < total; ++i)
        if (scores[i] > threshold)
            candidates.push_back(i);
    auto better = [&](int64_t a, int64_t b) { return scores[a] > scores[b] || (scores[a] == scores[b] && a < b); };
    if (candidates.size() > 1000) {
        std::partial_sort(candidates.begin(), candidates.begin() + 1000, candidates.end(), better);
        candidates.resize(1000);
    }
    std::sort(candidates.begin(), candidates.end(), better);
    std::vector<Detection> found;
    for (int64_t i : candidates) {
        const float *b = boxes + 4 * (i / classes);
        Detection d;
        d.box = {std::clamp(b[0], 0.f, float(width)), std::clamp(b[1], 0.f, float(height)),
                 std::clamp(b[2], 0.f, float(width)), std::clamp(b[3], 0.f, float(height))};
        d.label = int(i % classes);
        d.score = scores[i];
        found.push_back(d);
    }
    // Greedy NMS within each class, by descending score.
    std::vector<char> removed(found.size(), 0);
    std::vector<Detection> kept;
    for (size_t i = 0; i < found.size() && int(kept.size()) < maxBoxes; ++i) {
        if (removed[i])
            continue;
        const Detection &a = found[i];
        kept.push_back(a);
        const float areaA = (a.box[2] - a.box[0]) * (a.box[3] - a.box[1]);
        for (size_t j = i + 1; j < found.size(); ++j) {
            const Detection &b = found[j];
            if (removed[j] || b.label != a.label)
                continue;
            const float w = std::min(a.box[2], b.box[2]) - std::max(a.box[0], b.box[0]);
            const float h = std::min(a.box[3], b.box[3]) - std::max(a.box[1], b.box[1]);
            if (w <= 0 || h <= 0)
                continue;
            const float inter = w * h;
            if (inter / (areaA + (b.box[2] - b.box[0]) * (b.box[3] - b.box[1]) - inter) > iou)
                removed[j] = 1;
        }
    }
    return kept;
}

std::array<float, 4> toImagePixels(const std::array<float, 4> &b, double scaleX, double scaleY, double grow,
                                   int imageWidth, int imageHeight)
{
    const double sx = 1 / scaleX, sy = 1 / scaleY;
    const double w = (b[2] - b[0]) * sx, h = (b[3] - b[1]) * sy;
    return {float(std::max(0.0, b[0] * sx - grow * w / 2)), float(std::max(0.0, b[1] * sy - grow * h / 2)),
            float(std::min(double(imageWidth), b[2] * sx + grow * w / 2)),
            float(std::min(double(imageHeight), b[3] * sy + grow * h / 2))};
}

struct Runtime::Private {
    cv::dnn::Net net;
    std::vector<std::string> names;
};

Runtime::Runtime(Bundle bundle) : d(new Private), m_bundle(std::move(bundle))
{
    QFile f(m_bundle.modelPath());
    if (!f.open(QIODevice::ReadOnly))
        throw BundleError(Text::tr("%1: cannot be read: %2").arg(f.fileName(), f.errorString()));
    const QByteArray bytes = f.readAll();
    try {
        d->net = cv::dnn::readNetFromONNX(bytes.constData(), size_t(bytes.size()));
    } catch (const cv::Exception &e) {
        throw BundleError(Text::tr("%1: not a model OpenCV can read (%2)")
                              .arg(f.fileName(), QString::fromStdString(e.err).trimmed()));
    }
    if (d->net.empty())
        throw BundleError(Text::tr("%1: holds no network").arg(f.fileName()));
    d->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    d->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    d->names = outputNames(m_bundle.detection());
}

Runtime::~Runtime() = default;

std::vector<std::string> Runtime::outputNames(bool detection)
{
    if (detection)
        return {"logits", "deltas", "boxes", "scores"};
    return {"logits", "probabilities"};
}

std::vector<cv::Mat> Runtime::outputs(const Canvas &canvas)
{
    const int shape[] = {1, canvas.pixels.rows, canvas.pixels.cols, canvas.pixels.channels()};
    const cv::Mat blob(4, shape, CV_8U, canvas.pixels.data); // NHWC, as the graph's input
    std::vector<cv::Mat> out;
    try {
        d->net.setInput(blob, "image");
        d->net.forward(out, d->names);
    } catch (const cv::Exception &e) {
        throw BundleError(Text::tr("%1: OpenCV could not run it (%2)")
                              .arg(m_bundle.modelPath(), QString::fromStdString(e.err).trimmed()));
    }
    for (cv::Mat &m : out) { // without the batch dimension, as 2-D (rows, columns)
        const int rows = m.dims >= 3 ? m.size[1] : 1;
        m = m.reshape(1, rows);
    }
    return out;
}

Result Runtime::interpret(const std::vector<cv::Mat> &out, const Canvas &canvas, int imageWidth, int imageHeight,
                          double threshold) const
{
    Result r;
    const Bundle &b = m_bundle;
    if (!b.detection()) {
        const cv::Mat &p = out.at(1);
        r.probabilities.assign(p.ptr<float>(), p.ptr<float>() + p.total());
        r.label = int(std::max_element(r.probabilities.begin(), r.probabilities.end()) - r.probabilities.begin());
        return r;
    }
    const cv::Mat &boxes = out.at(2), &scores = out.at(3);
    r.detections = selectDetections(boxes.ptr<float>(), scores.ptr<float>(), boxes.rows, scores.cols,
                                    threshold < 0 ? b.threshold : threshold, b.iouThreshold, b.maxBoxes, canvas.width,
                                    canvas.height);
    for (Detection &det : r.detections)
        det.box = toImagePixels(det.box, canvas.scaleX, canvas.scaleY, b.boxExpansion, imageWidth, imageHeight);
    return r;
}

Result Runtime::run(const cv::Mat &image, double threshold)
{
    const Canvas canvas = prepare(image, m_bundle);
    return interpret(outputs(canvas), canvas, image.cols, image.rows, threshold);
}

} // namespace visor::deploy
