#include "balance.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace visor::train {

ClassBalance parseClassBalance(const QString &value)
{
    if (value == QLatin1String("sampling"))
        return ClassBalance::Sampling;
    if (value == QLatin1String("loss_weights"))
        return ClassBalance::LossWeights;
    return ClassBalance::None;
}

std::vector<double> classLossWeights(const std::vector<qint64> &counts)
{
    std::vector<double> w(counts.size(), 1.0);
    double sum = 0;
    int present = 0;
    for (size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) {
            w[i] = 1.0 / double(counts[i]);
            sum += w[i];
            ++present;
        }
    if (present == 0)
        return w;
    for (size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0)
            w[i] = std::min(10.0, w[i] * present / sum);
    return w;
}

std::vector<double> sampleWeights(DatasetKind kind, const std::vector<int> &labels,
                                  const std::vector<std::vector<Box>> &boxes, int classes)
{
    std::vector<double> counts(size_t(std::max(classes, 1)), 0.0);
    if (kind == DatasetKind::Classification) {
        for (int l : labels)
            if (l >= 0 && l < classes)
                counts[size_t(l)] += 1;
        std::vector<double> w;
        for (int l : labels)
            w.push_back(l >= 0 && l < classes && counts[size_t(l)] > 0 ? 1.0 / counts[size_t(l)] : 0.0);
        return w;
    }
    for (const auto &list : boxes) { // images holding each class
        std::vector<char> seen(counts.size(), 0);
        for (const Box &b : list)
            if (b.classId >= 0 && b.classId < classes && !seen[size_t(b.classId)]) {
                seen[size_t(b.classId)] = 1;
                counts[size_t(b.classId)] += 1;
            }
    }
    const double most = *std::max_element(counts.begin(), counts.end());
    std::vector<double> w;
    for (const auto &list : boxes) {
        double r = 1;
        for (const Box &b : list)
            if (b.classId >= 0 && b.classId < classes && counts[size_t(b.classId)] > 0)
                r = std::max(r, std::sqrt(most / counts[size_t(b.classId)]));
        w.push_back(r);
    }
    return w;
}

std::vector<int64_t> weightedOrder(const std::vector<double> &weights, size_t n, quint64 seed, quint64 epoch,
                                   quint64 pass)
{
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL ^ (epoch << 20) ^ pass ^ 0x5bd1e995ULL);
    std::discrete_distribution<int64_t> pick(weights.begin(), weights.end());
    std::vector<int64_t> out(n);
    for (auto &v : out)
        v = pick(rng);
    return out;
}

} // namespace visor::train
