#include "metrics.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace visor::eval {
namespace {

QString nameOf(const QStringList &names, int i)
{
    return i < names.size() ? names[i] : QString::number(i);
}

// Indices of `scores` in descending order; equal scores keep their order (a stable sort, as
// MATLAB's sort in the VOC devkit and numpy's mergesort in pycocotools).
std::vector<size_t> byScore(const std::vector<float> &scores)
{
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    return order;
}

double iouOf(const GroundTruth &g, const Detection &d)
{
    return iou(d.x1, d.y1, d.x2, d.y2, g.x1, g.y1, g.x2, g.y2);
}

// VOC: returns AP and fills the precision/recall curve. The matching is matchDetections(), image by
// image (a detection's outcome depends only on the higher-scoring detections of its own image).
double vocAp(const std::vector<const GroundTruth *> &gts, const std::vector<const Detection *> &dets, int positives,
             std::vector<std::pair<double, double>> *curve, std::vector<std::pair<float, bool>> *outcomes)
{
    std::map<int, std::vector<GroundTruth>> truthOf;
    for (const GroundTruth *g : gts)
        truthOf[g->image].push_back(*g);
    std::map<int, std::vector<size_t>> detectionsOf; // image -> indices into dets, in input order
    for (size_t i = 0; i < dets.size(); ++i)
        detectionsOf[dets[i]->image].push_back(i);
    std::vector<int> match(dets.size(), -1);
    for (const auto &[image, indices] : detectionsOf) {
        std::vector<Detection> mine;
        for (size_t i : indices)
            mine.push_back(*dets[i]);
        const std::vector<int> m = matchDetections(truthOf[image], mine, 0.5);
        for (size_t k = 0; k < indices.size(); ++k)
            match[indices[k]] = m[k];
    }
    std::vector<float> scores;
    for (const Detection *d : dets)
        scores.push_back(d->score);
    double tp = 0, fp = 0;
    std::vector<double> rec, prec;
    for (size_t i : byScore(scores)) {
        if (match[i] == kDifficultMatch)
            continue; // neither true nor false positive
        const bool right = match[i] >= 0;
        right ? ++tp : ++fp;
        if (outcomes)
            outcomes->emplace_back(dets[i]->score, right);
        rec.push_back(tp / positives);
        prec.push_back(tp / std::max(tp + fp, 1e-300));
        if (curve)
            curve->emplace_back(rec.back(), prec.back());
    }
    // All-point interpolation: the precision envelope integrated over recall.
    std::vector<double> mrec{0}, mpre{0};
    mrec.insert(mrec.end(), rec.begin(), rec.end());
    mpre.insert(mpre.end(), prec.begin(), prec.end());
    mrec.push_back(1);
    mpre.push_back(0);
    for (size_t i = mpre.size() - 1; i > 0; --i)
        mpre[i - 1] = std::max(mpre[i - 1], mpre[i]);
    double ap = 0;
    for (size_t i = 1; i < mrec.size(); ++i)
        if (mrec[i] != mrec[i - 1])
            ap += (mrec[i] - mrec[i - 1]) * mpre[i];
    return ap;
}

// COCO: AP averaged over the ten IoU thresholds and 101 recall points; `at50` gets the first threshold's
// (COCO's AP50, 101-point interpolated).
double cocoAp(const std::vector<const GroundTruth *> &gts, const std::vector<const Detection *> &dets,
              int maxDetections, double *at50)
{
    std::map<int, std::vector<const GroundTruth *>> gtByImage;
    std::map<int, std::vector<const Detection *>> dtByImage;
    for (const GroundTruth *g : gts)
        gtByImage[g->image].push_back(g);
    for (const Detection *d : dets)
        dtByImage[d->image].push_back(d);
    int positives = 0;
    for (const GroundTruth *g : gts)
        positives += g->difficult ? 0 : 1;
    if (positives == 0)
        return -1;

    std::vector<int> images;
    for (auto &[img, list] : gtByImage)
        images.push_back(img);
    for (auto &[img, list] : dtByImage)
        if (!gtByImage.count(img))
            images.push_back(img);
    std::sort(images.begin(), images.end());

    double sum = 0;
    for (int t = 0; t < 10; ++t) {
        const double threshold = t * ((0.95 - 0.5) / 9) + 0.5; // numpy.linspace(.5, .95, 10), bit for bit
        std::vector<float> scores;
        std::vector<int> matched, ignored; // per merged detection
        for (int img : images) {
            // Ground truths with the ignored ones last; detections by score, at most maxDetections.
            std::vector<const GroundTruth *> g = gtByImage[img];
            std::stable_sort(g.begin(), g.end(), [](auto *a, auto *b) { return !a->difficult && b->difficult; });
            std::vector<const Detection *> d = dtByImage[img];
            std::vector<float> s;
            for (auto *x : d)
                s.push_back(x->score);
            std::vector<const Detection *> sorted;
            for (size_t i : byScore(s))
                if (int(sorted.size()) < maxDetections)
                    sorted.push_back(d[i]);
            std::vector<bool> gtTaken(g.size(), false);
            for (const Detection *det : sorted) {
                double best = std::min(threshold, 1 - 1e-10);
                int m = -1;
                for (size_t j = 0; j < g.size(); ++j) {
                    if (gtTaken[j])
                        continue;
                    if (m > -1 && !g[size_t(m)]->difficult && g[j]->difficult)
                        break;
                    const double o = iouOf(*g[j], *det);
                    if (o < best)
                        continue;
                    best = o;
                    m = int(j);
                }
                scores.push_back(det->score);
                if (m >= 0) {
                    gtTaken[size_t(m)] = true;
                    matched.push_back(1);
                    ignored.push_back(g[size_t(m)]->difficult ? 1 : 0);
                } else {
                    matched.push_back(0);
                    ignored.push_back(0);
                }
            }
        }
        std::vector<double> rc, pr;
        double tp = 0, fp = 0;
        for (size_t i : byScore(scores)) {
            if (ignored[i])
                continue;
            matched[i] ? ++tp : ++fp;
            rc.push_back(tp / positives);
            pr.push_back(tp / (tp + fp + 2.220446049250313e-16)); // numpy's spacing(1)
        }
        for (size_t i = pr.size(); i-- > 1;)
            pr[i - 1] = std::max(pr[i - 1], pr[i]);
        double q = 0;
        for (int r = 0; r <= 100; ++r) {
            const double threshold = r / 100.0;
            const auto it = std::lower_bound(rc.begin(), rc.end(), threshold); // searchsorted(side="left")
            if (it != rc.end())
                q += pr[size_t(it - rc.begin())];
        }
        sum += q / 101.0;
        if (t == 0 && at50)
            *at50 = q / 101.0;
    }
    return sum / 10.0;
}

} // namespace

double iou(float ax1, float ay1, float ax2, float ay2, float bx1, float by1, float bx2, float by2)
{
    const double iw = std::min(ax2, bx2) - std::max(ax1, bx1), ih = std::min(ay2, by2) - std::max(ay1, by1);
    if (iw <= 0 || ih <= 0)
        return 0;
    const double inter = iw * ih;
    const double uni = double(ax2 - ax1) * (ay2 - ay1) + double(bx2 - bx1) * (by2 - by1) - inter;
    return uni > 0 ? inter / uni : 0;
}

std::vector<int> matchDetections(const std::vector<GroundTruth> &truth, const std::vector<Detection> &detections,
                                 double iouThreshold)
{
    std::vector<int> out(detections.size(), kUnmatched);
    std::vector<bool> taken(truth.size(), false);
    std::vector<float> scores;
    for (const Detection &d : detections)
        scores.push_back(d.score);
    for (size_t i : byScore(scores)) {
        const Detection &d = detections[i];
        double best = -1;
        int match = -1;
        for (size_t g = 0; g < truth.size(); ++g) {
            if (truth[g].label != d.label || truth[g].image != d.image)
                continue;
            const double o = iouOf(truth[g], d);
            if (o > best) {
                best = o;
                match = int(g);
            }
        }
        if (match < 0 || best < iouThreshold)
            continue; // a false positive
        if (truth[size_t(match)].difficult)
            out[i] = kDifficultMatch;
        else if (!taken[size_t(match)]) {
            taken[size_t(match)] = true;
            out[i] = match;
        } // else: a second detection of a matched object, a false positive
    }
    return out;
}

ClassificationMetrics classificationMetrics(const std::vector<int> &truth, const std::vector<int> &predicted,
                                            int classes)
{
    ClassificationMetrics m;
    m.classes = classes;
    m.confusion.assign(size_t(classes), std::vector<qint64>(size_t(classes), 0));
    qint64 correct = 0;
    for (size_t i = 0; i < truth.size() && i < predicted.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes)
            continue;
        m.confusion[size_t(truth[i])][size_t(predicted[i])]++;
        correct += truth[i] == predicted[i];
    }
    m.accuracy = truth.empty() ? 0 : double(correct) / double(truth.size());
    for (int c = 0; c < classes; ++c) {
        qint64 tp = m.confusion[size_t(c)][size_t(c)], predictedC = 0, actual = 0;
        for (int k = 0; k < classes; ++k) {
            predictedC += m.confusion[size_t(k)][size_t(c)];
            actual += m.confusion[size_t(c)][size_t(k)];
        }
        const double p = predictedC ? double(tp) / double(predictedC) : 0;
        const double r = actual ? double(tp) / double(actual) : 0;
        m.precision.push_back(p);
        m.recall.push_back(r);
        m.f1.push_back(p + r > 0 ? 2 * p * r / (p + r) : 0);
        m.support.push_back(actual);
    }
    return m;
}

DetectionMetrics detectionMetrics(const std::vector<GroundTruth> &truth, const std::vector<Detection> &detections,
                                  int classes, int maxDetections)
{
    DetectionMetrics out;
    double sum50 = 0, sumCoco = 0, sum50Coco = 0;
    int counted = 0, positives = 0;
    std::vector<std::pair<float, bool>> outcomes; // every counted detection: score, true positive
    for (int c = 0; c < classes; ++c) {
        std::vector<const GroundTruth *> gts;
        std::vector<const Detection *> dets;
        for (const GroundTruth &g : truth)
            if (g.label == c)
                gts.push_back(&g);
        for (const Detection &d : detections)
            if (d.label == c)
                dets.push_back(&d);
        ClassAP ap;
        ap.label = c;
        ap.detections = int(dets.size());
        for (const GroundTruth *g : gts)
            ap.groundTruths += g->difficult ? 0 : 1;
        if (ap.groundTruths > 0) {
            ap.ap50 = vocAp(gts, dets, ap.groundTruths, &ap.curve, &outcomes);
            ap.apCoco = cocoAp(gts, dets, maxDetections, &ap.ap50Coco);
            sum50 += ap.ap50;
            sumCoco += ap.apCoco;
            sum50Coco += ap.ap50Coco;
            ++counted;
        } else {
            for (const Detection *d : dets) // a class nobody drew: each detection is a false positive
                outcomes.emplace_back(d->score, false);
        }
        positives += ap.groundTruths;
        out.perClass.push_back(std::move(ap));
    }
    // The threshold of the best F1 over all classes (VOC matching at IoU 0.5): detections at or above it
    // are the ones shown as the model's answer.
    std::stable_sort(outcomes.begin(), outcomes.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    double tp = 0, fp = 0;
    for (size_t i = 0; i < outcomes.size(); ++i) {
        (outcomes[i].second ? tp : fp) += 1;
        if (i + 1 < outcomes.size() && outcomes[i + 1].first == outcomes[i].first)
            continue; // one threshold keeps every detection of equal score
        const double f1 = 2 * tp / std::max(1e-300, 2 * tp + fp + (positives - tp));
        if (f1 > out.bestF1) {
            out.bestF1 = f1;
            out.bestF1Threshold = outcomes[i].first;
        }
    }
    out.map50 = counted ? sum50 / counted : 0;
    out.map = counted ? sumCoco / counted : 0;
    out.map50Coco = counted ? sum50Coco / counted : 0;
    return out;
}

QJsonObject ClassificationMetrics::toJson(const QStringList &names) const
{
    QJsonArray perClass, matrix;
    for (int c = 0; c < classes; ++c) {
        perClass.append(QJsonObject{{QStringLiteral("class"), nameOf(names, c)},
                                    {QStringLiteral("precision"), precision[size_t(c)]},
                                    {QStringLiteral("recall"), recall[size_t(c)]},
                                    {QStringLiteral("f1"), f1[size_t(c)]},
                                    {QStringLiteral("support"), support[size_t(c)]}});
        QJsonArray row;
        for (qint64 v : confusion[size_t(c)])
            row.append(v);
        matrix.append(row);
    }
    return {{QStringLiteral("accuracy"), accuracy},
            {QStringLiteral("per_class"), perClass},
            {QStringLiteral("confusion"), matrix}};
}

QJsonObject DetectionMetrics::toJson(const QStringList &names) const
{
    QJsonArray perClassJson;
    for (const ClassAP &c : perClass) {
        QJsonObject o{{QStringLiteral("class"), nameOf(names, c.label)},
                      {QStringLiteral("ap50"), c.ap50 < 0 ? QJsonValue() : QJsonValue(c.ap50)},
                      {QStringLiteral("ap"), c.apCoco < 0 ? QJsonValue() : QJsonValue(c.apCoco)},
                      {QStringLiteral("ground_truths"), c.groundTruths},
                      {QStringLiteral("detections"), c.detections}};
        if (c.ap50 >= 0) {
            // The precision envelope (what AP@0.5 integrates) at recall 0, 0.01, ..., 1, for plotting.
            QJsonArray envelope;
            for (int r = 0; r <= 100; ++r) {
                double best = 0;
                for (const auto &[recall, precision] : c.curve)
                    if (recall >= r / 100.0 - 1e-12)
                        best = std::max(best, precision);
                envelope.append(std::round(best * 1e4) / 1e4);
            }
            o.insert(QStringLiteral("pr_envelope"), envelope);
        }
        perClassJson.append(o);
    }
    QJsonObject out{{QStringLiteral("map50"), map50},
                    {QStringLiteral("map50_coco"), map50Coco},
                    {QStringLiteral("map"), map},
                    {QStringLiteral("per_class"), perClassJson}};
    if (bestF1Threshold >= 0) {
        out.insert(QStringLiteral("best_f1"), bestF1);
        out.insert(QStringLiteral("best_f1_threshold"), bestF1Threshold);
    }
    return out;
}

} // namespace visor::eval
