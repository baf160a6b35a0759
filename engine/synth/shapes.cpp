#include "shapes.h"
#include "formats/imageinfo.h"
#include "project/splitter.h"

#include <QByteArray>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

namespace visor::synth {
namespace {

// Background: a smooth random gradient, a few soft blobs, and per-pixel noise, so shapes must be
// found by form and colour rather than by a flat background.
cv::Mat background(std::mt19937_64 &rng, int w, int h)
{
    std::uniform_real_distribution<double> u(0, 1);
    cv::Mat img(h, w, CV_8UC3);
    const cv::Vec3d a(u(rng) * 200 + 20, u(rng) * 200 + 20, u(rng) * 200 + 20);
    const cv::Vec3d b(u(rng) * 200 + 20, u(rng) * 200 + 20, u(rng) * 200 + 20);
    const double angle = u(rng) * CV_2PI;
    const double cx = std::cos(angle), cy = std::sin(angle);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double t = 0.5 + 0.5 * ((x - w / 2.0) * cx + (y - h / 2.0) * cy) / (0.5 * std::hypot(w, h));
            const cv::Vec3d c = a * (1 - t) + b * t;
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]),
                                                cv::saturate_cast<uchar>(c[2]));
        }
    cv::Mat blobs = cv::Mat::zeros(h, w, CV_8UC3);
    for (int i = 0; i < 4; ++i)
        cv::circle(blobs, cv::Point(int(u(rng) * w), int(u(rng) * h)), int(10 + u(rng) * w / 3),
                   cv::Scalar(u(rng) * 60, u(rng) * 60, u(rng) * 60), cv::FILLED);
    cv::GaussianBlur(blobs, blobs, cv::Size(0, 0), 9);
    img += blobs;
    cv::Mat noise(h, w, CV_16SC3);
    cv::theRNG().state = rng();
    cv::randn(noise, 0, 10);
    cv::Mat tmp;
    img.convertTo(tmp, CV_16SC3);
    tmp += noise;
    tmp.convertTo(img, CV_8UC3);
    return img;
}

void drawShape(cv::Mat &img, int cls, cv::Rect box, const cv::Scalar &colour)
{
    const cv::Point c(box.x + box.width / 2, box.y + box.height / 2);
    switch (cls) {
    case 0:
        cv::ellipse(img, c, cv::Size(box.width / 2, box.height / 2), 0, 0, 360, colour, cv::FILLED, cv::LINE_AA);
        break;
    case 1:
        cv::rectangle(img, box, colour, cv::FILLED, cv::LINE_AA);
        break;
    case 2: {
        const cv::Point pts[3] = {{box.x + box.width / 2, box.y},
                                  {box.x, box.y + box.height - 1},
                                  {box.x + box.width - 1, box.y + box.height - 1}};
        cv::fillConvexPoly(img, pts, 3, colour, cv::LINE_AA);
        break;
    }
    default: {
        std::vector<cv::Point> pts;
        for (int i = 0; i < 10; ++i) {
            const double r = (i % 2 == 0) ? 1.0 : 0.45;
            const double a = -CV_PI / 2 + i * CV_PI / 5;
            pts.emplace_back(int(std::lround(c.x + r * box.width / 2 * std::cos(a))),
                             int(std::lround(c.y + r * box.height / 2 * std::sin(a))));
        }
        cv::fillPoly(img, std::vector<std::vector<cv::Point>>{pts}, colour, cv::LINE_AA);
    }
    }
}

// The tight box of what was drawn: rendered onto a mask so the box is exact for every shape.
cv::Rect2f tightBox(int cls, cv::Rect box, cv::Size size)
{
    cv::Mat mask = cv::Mat::zeros(size, CV_8UC1);
    drawShape(mask, cls, box, cv::Scalar(255));
    const cv::Rect r = cv::boundingRect(mask);
    return cv::Rect2f(float(r.x), float(r.y), float(r.width), float(r.height));
}

} // namespace

const QStringList &shapeClasses()
{
    static const QStringList names = {QStringLiteral("circle"), QStringLiteral("square"), QStringLiteral("triangle"),
                                      QStringLiteral("star")};
    return names;
}

ShapeSample renderShapes(const ShapesOptions &o, int index)
{
    std::mt19937_64 rng(o.seed * 0x9E3779B97F4A7C15ULL + quint64(index) * 0xBF58476D1CE4E5B9ULL + 1);
    std::uniform_real_distribution<double> u(0, 1);
    ShapeSample s;
    s.image = background(rng, o.width, o.height);
    const int classes = int(shapeClasses().size());
    const bool classification = o.kind == DatasetKind::Classification;
    const int n = classification ? 1 : o.minShapes + int(rng() % quint64(o.maxShapes - o.minShapes + 1));
    s.label = int(rng() % quint64(classes));
    std::vector<cv::Rect> placed;
    for (int i = 0, tries = 0; i < n && tries < 200; ++tries) {
        const int cls = classification ? s.label : int(rng() % quint64(classes));
        const int side = o.minSize + int(u(rng) * (o.maxSize - o.minSize));
        const int w = std::max(6, int(side * (0.75 + 0.5 * u(rng)))),
                  h = std::max(6, int(side * (0.75 + 0.5 * u(rng))));
        if (w >= o.width - 2 || h >= o.height - 2)
            continue;
        const cv::Rect r(1 + int(u(rng) * (o.width - w - 2)), 1 + int(u(rng) * (o.height - h - 2)), w, h);
        bool overlaps = false; // keep shapes apart so every box is fully visible
        for (const cv::Rect &p : placed)
            overlaps = overlaps || (r & cv::Rect(p.x - 2, p.y - 2, p.width + 4, p.height + 4)).area() > 0;
        if (overlaps)
            continue;
        // A colour far from the local background so the shape is visible.
        const cv::Scalar bg = cv::mean(s.image(r));
        cv::Scalar colour;
        for (int k = 0; k < 3; ++k)
            colour[k] = bg[k] > 128 ? u(rng) * 70 : 185 + u(rng) * 70;
        drawShape(s.image, cls, r, colour);
        s.boxes.emplace_back(cls, tightBox(cls, r, s.image.size()));
        placed.push_back(r);
        ++i;
    }
    return s;
}

} // namespace visor::synth
