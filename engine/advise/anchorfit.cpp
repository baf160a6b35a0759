#include "anchorfit.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>

namespace visor::advise {
namespace {

const std::vector<double> kScales = {1.0, 1.26, 1.59}; // 2^(0, 1/3, 2/3)
constexpr int kMinStride = 8, kMaxStride = 128;

double centredIou(double w1, double h1, double w2, double h2)
{
    const double inter = std::min(w1, w2) * std::min(h1, h2);
    return inter / (w1 * h1 + w2 * h2 - inter);
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const size_t i = size_t(pos);
    const double f = pos - double(i);
    return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
}

double round2(double v)
{
    return std::round(v * 100) / 100;
}

// The best IoU any anchor of one level reaches with a box: the level's nearest grid centre (the cell
// holding the box centre, as makeAnchors() places them) with each shape of the level.
double bestIouAtLevel(const SizedBox &b, int stride, int size, const AnchorConfig &c)
{
    const double s = stride;
    const double ax = (std::floor(b.cx / s) + 0.5) * s, ay = (std::floor(b.cy / s) + 0.5) * s;
    double best = 0;
    for (double ratio : c.ratios)
        for (double scale : c.scales) {
            const double side = size * scale;
            best = std::max(
                best, iouOffset(b.cx - ax, b.cy - ay, b.w, b.h, side / std::sqrt(ratio), side * std::sqrt(ratio)));
        }
    return best;
}

int strideFor(double size, double q)
{
    const double target = size / q;
    int best = kMinStride;
    for (int s = kMinStride; s <= kMaxStride; s *= 2)
        if (std::abs(std::log(target / s)) < std::abs(std::log(target / best)))
            best = s;
    return best;
}

// One candidate: each shape to the stride whose anchors are about q strides wide.
AnchorConfig candidate(const std::vector<std::pair<double, double>> &shapes, const std::vector<double> &ratios,
                       double q)
{
    std::map<int, std::vector<double>> perStride;
    for (const auto &[w, h] : shapes)
        perStride[strideFor(std::sqrt(w * h), q)].push_back(std::sqrt(w * h));
    AnchorConfig c;
    c.ratios = ratios;
    c.scales = kScales;
    const int lo = perStride.begin()->first, hi = perStride.rbegin()->first;
    for (int s = lo; s <= hi; s *= 2) {
        c.strides.push_back(s);
        const auto it = perStride.find(s);
        double size = q * s / kScales[1];
        if (it != perStride.end()) {
            double logSum = 0;
            for (double v : it->second)
                logSum += std::log(v);
            size = std::exp(logSum / double(it->second.size())) / kScales[1]; // the middle scale hits the shapes
        }
        c.sizes.push_back(std::max(2, int(std::lround(size))));
    }
    return c;
}

} // namespace

double iouOffset(double dx, double dy, double w1, double h1, double w2, double h2)
{
    const double ix = std::max(0.0, std::min(w1 / 2, dx + w2 / 2) - std::max(-w1 / 2, dx - w2 / 2));
    const double iy = std::max(0.0, std::min(h1 / 2, dy + h2 / 2) - std::max(-h1 / 2, dy - h2 / 2));
    const double inter = ix * iy;
    const double uni = w1 * h1 + w2 * h2 - inter;
    return uni > 0 ? inter / uni : 0;
}

double bestPossibleRecall(const std::vector<SizedBox> &boxes, const AnchorConfig &config, double iou)
{
    if (boxes.empty() || config.sizes.size() != config.strides.size())
        return 0;
    qint64 matched = 0;
    for (const SizedBox &b : boxes)
        for (size_t l = 0; l < config.strides.size(); ++l)
            if (bestIouAtLevel(b, config.strides[l], config.sizes[l], config) >= iou) {
                ++matched;
                break;
            }
    return double(matched) / double(boxes.size());
}

std::vector<qint64> boxesPerLevel(const std::vector<SizedBox> &boxes, const AnchorConfig &config)
{
    std::vector<qint64> counts(config.strides.size(), 0);
    for (const SizedBox &b : boxes) {
        double best = -1;
        size_t at = 0;
        for (size_t l = 0; l < config.strides.size(); ++l)
            if (const double v = bestIouAtLevel(b, config.strides[l], config.sizes[l], config); v > best) {
                best = v;
                at = l;
            }
        if (!counts.empty())
            ++counts[at];
    }
    return counts;
}

std::vector<std::pair<double, double>> kmeansShapes(const std::vector<SizedBox> &boxes, int k)
{
    std::vector<std::pair<double, double>> points;
    for (const SizedBox &b : boxes)
        if (b.w > 0 && b.h > 0)
            points.emplace_back(b.w, b.h);
    if (points.empty() || k < 1)
        return {};
    std::sort(points.begin(), points.end(),
              [](const auto &a, const auto &b) { return a.first * a.second < b.first * b.second; });
    k = std::min<int>(k, int(points.size()));
    std::vector<std::pair<double, double>> centres;
    for (int i = 0; i < k; ++i)
        centres.push_back(points[size_t((2 * i + 1) * points.size() / size_t(2 * k))]);
    std::vector<int> assignment(points.size(), -1);
    for (int iteration = 0; iteration < 50; ++iteration) {
        bool changed = false;
        for (size_t p = 0; p < points.size(); ++p) {
            int best = 0;
            double bestIou = -1;
            for (int c = 0; c < k; ++c)
                if (const double v = centredIou(points[p].first, points[p].second, centres[size_t(c)].first,
                                                centres[size_t(c)].second);
                    v > bestIou) {
                    bestIou = v;
                    best = c;
                }
            changed |= assignment[p] != best;
            assignment[p] = best;
        }
        if (!changed)
            break;
        for (int c = 0; c < k; ++c) {
            std::vector<double> ws, hs;
            for (size_t p = 0; p < points.size(); ++p)
                if (assignment[p] == c) {
                    ws.push_back(points[p].first);
                    hs.push_back(points[p].second);
                }
            if (!ws.empty())
                centres[size_t(c)] = {quantile(ws, 0.5), quantile(hs, 0.5)};
        }
    }
    std::sort(centres.begin(), centres.end(),
              [](const auto &a, const auto &b) { return a.first * a.second < b.first * b.second; });
    centres.erase(std::unique(centres.begin(), centres.end()), centres.end());
    return centres;
}

AnchorFit fitAnchors(const std::vector<SizedBox> &boxes, double positiveIou)
{
    AnchorFit fit;
    fit.shapes = kmeansShapes(boxes, 9);
    if (fit.shapes.empty())
        return fit;
    std::vector<double> logRatios;
    for (const SizedBox &b : boxes)
        if (b.w > 0 && b.h > 0)
            logRatios.push_back(std::log(b.h / b.w));
    std::vector<double> ratios;
    for (double q : {1.0 / 6, 0.5, 5.0 / 6}) {
        const double r = std::clamp(round2(std::exp(quantile(logRatios, q))), 0.05, 20.0);
        if (ratios.empty() || r != ratios.back())
            ratios.push_back(r);
    }
    // The anchor width per stride that tiles best depends on the box sizes and the IoU wanted: try a few
    // (RetinaNet uses 4 strides, Visor's defaults 1.5) and keep the one with the best recall.
    double bestRecall = -1;
    for (double q : {1.5, 2.0, 3.0, 4.0, 6.0}) {
        const AnchorConfig c = candidate(fit.shapes, ratios, q);
        const double r = bestPossibleRecall(boxes, c, positiveIou);
        if (r > bestRecall + 1e-9) {
            bestRecall = r;
            fit.config = c;
        }
    }
    // Levels at either end where no box has its best anchor cost time and teach nothing.
    const std::vector<qint64> used = boxesPerLevel(boxes, fit.config);
    size_t first = 0, last = used.size();
    while (first + 1 < last && used[first] == 0)
        ++first;
    while (last - 1 > first && used[last - 1] == 0)
        --last;
    fit.droppedLevels = int(used.size() - (last - first));
    fit.config.strides =
        std::vector<int>(fit.config.strides.begin() + qint64(first), fit.config.strides.begin() + qint64(last));
    fit.config.sizes =
        std::vector<int>(fit.config.sizes.begin() + qint64(first), fit.config.sizes.begin() + qint64(last));
    fit.recall = bestPossibleRecall(boxes, fit.config, positiveIou);
    return fit;
}

QJsonObject AnchorFit::toJson() const
{
    QJsonArray s;
    for (const auto &[w, h] : shapes)
        s.append(QJsonArray{round2(w), round2(h)});
    QJsonArray sizes, strides, r, sc;
    for (int v : config.sizes)
        sizes.append(v);
    for (int v : config.strides)
        strides.append(v);
    for (double v : config.ratios)
        r.append(v);
    for (double v : config.scales)
        sc.append(v);
    return {{QStringLiteral("kmeans_shapes"), s},
            {QStringLiteral("sizes"), sizes},
            {QStringLiteral("strides"), strides},
            {QStringLiteral("ratios"), r},
            {QStringLiteral("scales"), sc},
            {QStringLiteral("recall"), recall},
            {QStringLiteral("dropped_levels"), droppedLevels}};
}

} // namespace visor::advise
