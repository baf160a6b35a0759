// The advisor's rules. Each proposal carries its reason and the numbers behind it; the thresholds are
// explained where they are defined.

#include "advisor.h"
#include "project/inputsize.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace visor::advise {
namespace {

// Colour: a grey picture stored as JPEG colour shows chroma 0-2 (compression noise), tinted scans 3-6,
// photographs 20-60 (measured on the microcontrollers photos: ~25; the opencv digits: 0). 8 of 255 keeps
// tinted grey material grey and every real colour photograph colour.
constexpr double kColourChroma = 8;
// Detection resolution: the chosen quantile of box shorter sides must reach 10 px (below it a box is a few
// feature-map cells at stride 8 and rarely detected), and the median object at least 32 px, COCO's
// boundary between small and medium objects, where detectors' AP roughly doubles. Above 96 px (COCO's
// "large") more pixels buy little, so the search stops there or at the images' own resolution.
constexpr double kSmallestSide = 10, kMedianSideLow = 32, kMedianSideHigh = 96, kBoxQuantile = 0.05;
// Classification: class_cnn halves the map per stage; 32 px leaves 4x4 after three stages. Above 160 px
// a from-scratch network of this size gains little detail and pays quadratically.
constexpr int kClassifierLow = 32, kClassifierHigh = 160;
// Passes over the training split that a from-scratch network needs: digits and shapes converge in
// 30-50 (bench_train); below 15 the run stops while still learning.
constexpr double kPassesWanted = 40, kPassesMinimum = 15;
// Share of the budget for the epochs (training and their evaluation): the rest covers loading the images
// and the final test.
constexpr double kUsableShare = 0.9;
// A probe runs on generated images for a few steps; a run's epochs came out 0-20% slower on the
// microcontrollers data set (epochs of 41.5 and 39.3 s, another time 33-36 s, where the probe predicted
// 33.6 s: this VM's speed drifts). The schedule plans with the middle; the proposed train.time_limit
// ends a run that is slower than planned before it passes the budget.
constexpr double kProbeMargin = 1.1;
// Epochs planned beyond the predicted fit: the same settings ran 0-40% faster or slower than predicted
// from one run to the next here (bench_advise), and the proposed train.time_limit stops a slow run on time,
// so planning short would only waste the budget of a fast one.
constexpr double kOverPlan = 1.3;
// Validation splits smaller than this are too noisy to decide learning-rate drops on their quality.
constexpr qint64 kSteadyValidation = 50;
// Blur: a kernel wider than a tenth of the input's shorter side erases the detail (5 px of a 32 px digit).
constexpr double kBlurShare = 0.1;
// Flips: a flip that turns a class's mean image into something closer to another class's mean than to
// its own (or leaves it less than half correlated with itself) makes examples the class does not have.
constexpr double kFlipSelfCorrelation = 0.5;

int roundUp8(double v)
{
    return int(std::ceil(v / 8.0)) * 8;
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
}

QJsonArray toArray(const std::vector<int> &v)
{
    QJsonArray a;
    for (int x : v)
        a.append(x);
    return a;
}

QJsonArray toArray(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

QString pct(double share)
{
    return QString::number(100.0 * share, 'f', share < 0.1 ? 1 : 0);
}

// The network input of a typical image.
std::pair<int, int> inputOf(int w, int h, int minSide, int maxSide)
{
    const InputSize size = inputSize(w, h, minSide, maxSide);
    return {size.width, size.height};
}

class Rules {
    Q_DECLARE_TR_FUNCTIONS(visor::Advisor)
public:
    Rules(const DataProfile &profile, const ParameterSet &current, const Budget &budget, const Probe &probe)
        : m_p(profile), m_current(current), m_proposed(current), m_budget(budget), m_probe(probe),
          m_detection(profile.kind == DatasetKind::ObjectDetection)
    {
        m_train = std::max<qint64>(1, profile.annotatedPerSplit[size_t(Split::Train)]);
        m_val = profile.annotatedPerSplit[size_t(Split::Val)];
        if (m_val == 0 && m_train >= 20) { // the trainer holds out a validation share of its own
            m_val = std::clamp<qint64>(std::llround(0.1 * double(m_train)), 2, std::min<qint64>(100, m_train / 5));
            m_train -= m_val;
        }
        std::vector<double> shortSides, aspects;
        for (const auto &img : profile.images) {
            shortSides.push_back(std::min(img.width, img.height));
            aspects.push_back(double(std::max(img.width, img.height)) / std::min(img.width, img.height));
        }
        m_nativeShort = shortSides.empty() ? 64 : quantile(shortSides, 0.5);
        m_aspect = aspects.empty() ? 1.0 : quantile(aspects, 0.9); // max_side lets 90% of images reach min_side
        int typical = 0;
        for (size_t i = 0; i < profile.images.size(); ++i)
            if (std::min(profile.images[i].width, profile.images[i].height) == int(m_nativeShort))
                typical = int(i);
        m_typical = profile.images.empty() ? DataProfile::Image{64, 64} : profile.images[size_t(typical)];
        m_out.budgetMinutes = budget.minutes;
    }

    Suggestion run()
    {
        channels();
        network();
        batch();
        resolution();
        if (m_detection)
            anchors();
        schedule();
        augmentation();
        classBalance();
        actions();
        summary();
        return std::move(m_out);
    }

private:
    void propose(const char *key, const QJsonValue &value, const QString &reason, QJsonObject evidence = {})
    {
        const QString k = QString::fromLatin1(key);
        m_proposed.set(k, value);
        if (m_current.value(k) == m_proposed.value(k))
            return;
        m_out.proposals.push_back({k, m_current.value(k), m_proposed.value(k), reason, std::move(evidence)});
    }

    int intValue(const char *key) const { return m_proposed.toInt(QString::fromLatin1(key)); }

    void channels()
    {
        if (m_p.chromaImages == 0)
            return;
        const bool colour = m_p.meanChroma > kColourChroma;
        const QJsonObject evidence{{QStringLiteral("mean_chroma"), m_p.meanChroma},
                                   {QStringLiteral("threshold"), kColourChroma},
                                   {QStringLiteral("images"), m_p.chromaImages}};
        propose("input.channels", colour ? 3 : 1,
                colour ? tr("The images carry colour (mean chroma %1 of 255 over %2 sampled images, above %3): "
                            "colour input keeps what may tell the classes apart.")
                             .arg(m_p.meanChroma, 0, 'f', 1)
                             .arg(m_p.chromaImages)
                             .arg(kColourChroma)
                       : tr("The images are grey (mean chroma %1 of 255 over %2 sampled images, at most %3): one "
                            "channel trains faster and loses nothing.")
                             .arg(m_p.meanChroma, 0, 'f', 1)
                             .arg(m_p.chromaImages)
                             .arg(kColourChroma),
                evidence);
    }

    void network()
    {
        const QJsonObject evidence{{QStringLiteral("train_examples"), m_train},
                                   {QStringLiteral("budget_minutes"), m_budget.minutes}};
        if (m_detection) {
            const bool deep = m_train >= 2000 && m_budget.minutes >= 60;
            propose("detector.backbone", deep ? QStringLiteral("resnet18") : QStringLiteral("vgg7"),
                    deep ? tr("%1 training images and %2 minutes are enough for a residual backbone trained from "
                              "scratch.")
                               .arg(m_train)
                               .arg(m_budget.minutes)
                         : tr("With %1 training images and %2 minutes, the small vgg7 backbone learns fastest from "
                              "scratch; deeper backbones need thousands of images and hours.")
                               .arg(m_train)
                               .arg(m_budget.minutes),
                    evidence);
            const int width = m_train >= 1000 && m_budget.minutes >= 30 ? 48 : 32;
            propose("detector.width", width,
                    tr("A head of %1 features: 20 are too few to tell several classes apart (32 reached a higher "
                       "mAP on shapes and microcontrollers at the same speed).")
                        .arg(width),
                    evidence);
        } else {
            const int width = m_train >= 5000 && m_budget.minutes >= 20 ? 48 : 32;
            propose("classifier.width", width,
                    tr("%1 features in the first stage for %2 training examples: enough capacity without "
                       "slowing the steps much.")
                        .arg(width)
                        .arg(m_train),
                    evidence);
        }
    }

    void batch()
    {
        const int wanted = m_detection ? 8 : 32;
        const int b = int(std::clamp<qint64>(m_train / 10, 2, wanted));
        propose("train.batch_size", b,
                b < wanted ? tr("Batches of %1: a tenth of the %2 training examples, so that an epoch still has "
                                "several steps.")
                                 .arg(b)
                                 .arg(m_train)
                : m_detection ? tr("Batches of %1 images: enough objects per step for stable "
                                   "gradients at detection resolutions on a CPU.")
                                    .arg(b)
                              : tr("Batches of %1 small images: steadier gradients and better use of "
                                   "the cores than 10.")
                                    .arg(b),
                {{QStringLiteral("train_examples"), m_train}});
    }

    int depthFor(int minSide) const
    {
        // Stages until the map is about 4 px: every stage halves it.
        return std::clamp(int(std::floor(std::log2(minSide / 3.5))), 2, 6);
    }

    // The probe at a given shorter side (memoised).
    train::ProbeResult timing(int minSide)
    {
        for (const auto &[m, t] : m_probed)
            if (m == minSide)
                return t;
        train::ProbeRequest r;
        r.kind = m_p.kind;
        r.parameters = m_proposed;
        r.parameters.set(QStringLiteral("input.min_side"), minSide);
        r.parameters.set(QStringLiteral("input.max_side"), maxSideFor(minSide));
        if (!m_detection)
            r.parameters.set(QStringLiteral("classifier.depth"), depthFor(minSide));
        r.classes = std::max<int>(2, int(m_p.classNames.size()));
        std::tie(r.width, r.height) = inputOf(m_typical.width, m_typical.height, minSide, maxSideFor(minSide));
        r.batch = intValue("train.batch_size");
        r.threads = m_budget.threads;
        train::ProbeResult t = m_probe(r);
        t.stepSeconds *= kProbeMargin;
        t.evalSecondsPerImage *= kProbeMargin;
        m_probed.emplace_back(minSide, t);
        return t;
    }

    int maxSideFor(int minSide) const { return std::clamp(int(std::ceil(minSide * m_aspect)), minSide, 1000); }

    // Images evaluated after every epoch: the validation split, and for detection the trainer's fixed
    // sample of 64 training images (its training mAP).
    double evalImages() const { return double(m_val) + (m_detection ? double(std::min<qint64>(64, m_train)) : 0.0); }

    double usableSeconds() const { return std::max(10.0, m_budget.minutes * 60 * kUsableShare - 10); }

    double epochSeconds(const train::ProbeResult &t, int steps) const
    {
        return steps * t.stepSeconds + evalImages() * t.evalSecondsPerImage;
    }

    // Passes over the training split that fit the budget: an epoch of one pass plus its evaluation.
    double passes(const train::ProbeResult &t) const
    {
        const int b = intValue("train.batch_size");
        return usableSeconds() / epochSeconds(t, int((m_train + b - 1) / b));
    }

    // The probe at `m`, interpolated linearly in pixels between the probes at the ends of the range.
    train::ProbeResult estimate(int m, int lo, int hi)
    {
        const train::ProbeResult tlo = timing(lo);
        auto pixels = [this](int side) {
            const auto [w, h] = inputOf(m_typical.width, m_typical.height, side, maxSideFor(side));
            return double(w) * h;
        };
        if (hi == lo || m <= lo) {
            const double f = pixels(m) / pixels(lo);
            return {tlo.stepSeconds * f, tlo.evalSecondsPerImage * f};
        }
        const train::ProbeResult thi = timing(hi);
        const double f = (pixels(m) - pixels(lo)) / (pixels(hi) - pixels(lo));
        return {tlo.stepSeconds + (thi.stepSeconds - tlo.stepSeconds) * f,
                tlo.evalSecondsPerImage + (thi.evalSecondsPerImage - tlo.evalSecondsPerImage) * f};
    }

    double shareBelow(int minSide, double px) const
    {
        if (m_p.boxes.empty())
            return 0;
        const auto boxes = boxesAtInput(m_p, minSide, maxSideFor(minSide));
        const auto n =
            std::count_if(boxes.begin(), boxes.end(), [px](const SizedBox &b) { return std::min(b.w, b.h) < px; });
        return double(n) / double(boxes.size());
    }

    void resolution()
    {
        int lo = kClassifierLow, hi = std::clamp(int(m_nativeShort), kClassifierLow, kClassifierHigh);
        QJsonObject evidence{{QStringLiteral("median_short_side"), m_nativeShort}};
        if (m_detection && !m_p.boxes.empty()) {
            std::vector<double> rel; // box shorter side relative to its image's shorter side
            for (const auto &b : m_p.boxes) {
                const auto &img = m_p.images[size_t(b.image)];
                rel.push_back(std::min(b.w, b.h) / std::min(img.width, img.height));
            }
            const double q = quantile(rel, kBoxQuantile), med = quantile(rel, 0.5);
            lo = roundUp8(std::max(kSmallestSide / q, kMedianSideLow / med));
            hi = std::max(lo, std::min(roundUp8(kMedianSideHigh / med), roundUp8(m_nativeShort)));
            evidence.insert(QStringLiteral("box_quantile"), kBoxQuantile);
            evidence.insert(QStringLiteral("box_short_side_quantile_share"), q);
            evidence.insert(QStringLiteral("box_short_side_median_share"), med);
        }
        lo = std::clamp(lo, 20, 800);
        hi = std::clamp(hi, lo, 800);
        // The largest resolution in [lo, hi] that still gives the passes the network needs.
        int chosen = -1;
        for (int m = hi; m >= lo && chosen<0; m = m> lo ? std::max(lo, m - 8) : lo - 1)
            if (passes(estimate(m, lo, hi)) >= kPassesWanted)
                chosen = m;
        bool capped = false;
        if (chosen < 0) {
            chosen = lo;
            const double p = passes(estimate(lo, lo, hi));
            if (p < kPassesMinimum) { // pixels scale with the square of the side
                chosen = std::max(20, int(std::floor(lo * std::sqrt(p / kPassesMinimum) / 8)) * 8);
                capped = true;
            }
        }
        const int maxSide = maxSideFor(chosen);
        evidence.insert(QStringLiteral("search_low"), lo);
        evidence.insert(QStringLiteral("search_high"), hi);
        evidence.insert(QStringLiteral("chosen"), chosen);
        evidence.insert(QStringLiteral("passes"), passes(estimate(chosen, lo, hi)));
        QString reason;
        if (m_detection && !m_p.boxes.empty()) {
            const double under = shareBelow(chosen, kSmallestSide);
            evidence.insert(QStringLiteral("boxes_under_10px"), under);
            const int passesThere = int(std::round(passes(estimate(chosen, lo, hi))));
            reason = tr("Searched from %1 px (where the %2th percentile of box shorter sides reaches %3 px and the "
                        "median object 32 px, COCO's medium size) to %4 px (the median object at 96 px, COCO's "
                        "large, or the images' own size).")
                         .arg(lo)
                         .arg(int(kBoxQuantile * 100))
                         .arg(int(kSmallestSide))
                         .arg(hi) +
                     QLatin1Char(' ') +
                     (capped ? tr("Even %1 px does not fit the budget: %2 px leaves about %3 passes over the training "
                                  "images. The cost: %4% of boxes stay under %5 px.")
                                   .arg(lo)
                                   .arg(chosen)
                                   .arg(passesThere)
                                   .arg(pct(under))
                                   .arg(int(kSmallestSide))
                             : tr("%1 px is the largest that leaves about %2 passes over the training images in the "
                                  "budget.")
                                   .arg(chosen)
                                   .arg(passesThere));
            if (!capped && under > 0)
                reason += QLatin1Char(' ') +
                          tr("The cost: %1% of boxes stay under %2 px.").arg(pct(under)).arg(int(kSmallestSide));
        } else {
            reason = tr("Shorter side %1 px for images whose median shorter side is %2 px: enough detail for "
                        "class_cnn (at least %3 px), the largest that gives about %4 passes in the budget.")
                         .arg(chosen)
                         .arg(int(m_nativeShort))
                         .arg(kClassifierLow)
                         .arg(int(std::round(passes(estimate(chosen, lo, hi)))));
            if (capped)
                reason += QLatin1Char(' ') + tr("The budget caps it below %1 px.").arg(lo);
        }
        propose("input.min_side", chosen, reason, evidence);
        propose("input.max_side", maxSide,
                tr("Longer side limit %1 px: %2 times the shorter side, so that 90% of the images keep their "
                   "proportions at that size.")
                    .arg(maxSide)
                    .arg(m_aspect, 0, 'f', 2),
                {{QStringLiteral("aspect_p90"), m_aspect}});
        if (!m_detection)
            propose("classifier.depth", depthFor(chosen),
                    tr("%1 stages: each halves the map, leaving about 4 px of the %2 px input for the last one.")
                        .arg(depthFor(chosen))
                        .arg(chosen),
                    {{QStringLiteral("min_side"), chosen}});
        m_chosenSide = chosen;
    }

    void anchors()
    {
        const int minSide = intValue("input.min_side"), maxSide = intValue("input.max_side");
        const auto boxes = boxesAtInput(m_p, minSide, maxSide);
        if (boxes.empty())
            return;
        const double iou = m_proposed.toDouble(QStringLiteral("detector.positive_iou"));
        const AnchorConfig current = anchorConfig(m_current);
        const double before = bestPossibleRecall(boxes, current, iou);
        const AnchorFit fit = fitAnchors(boxes, iou);
        m_out.anchorRecallCurrent = before;
        m_out.anchorRecallProposed = before;
        const bool fewer = fit.config.strides.size() < current.strides.size();
        if (!(fit.recall > before + 0.01 || (fewer && fit.recall >= before - 0.005)))
            return;
        m_out.anchorRecallProposed = fit.recall;
        QJsonObject evidence = fit.toJson();
        evidence.insert(QStringLiteral("recall_current"), before);
        evidence.insert(QStringLiteral("positive_iou"), iou);
        evidence.insert(QStringLiteral("boxes"), qint64(boxes.size()));
        const QString why = tr("Anchors fitted to the %1 boxes at %2 px (k-means of their shapes with 1 − IoU): %3% "
                               "of the boxes get an anchor at IoU ≥ %4, against %5% with the current anchors.")
                                .arg(boxes.size())
                                .arg(minSide)
                                .arg(pct(fit.recall))
                                .arg(iou)
                                .arg(pct(before));
        propose("anchors.sizes", toArray(fit.config.sizes), why, evidence);
        propose("anchors.strides", toArray(fit.config.strides),
                fit.droppedLevels > 0
                    ? tr("Pyramid levels %1: %n level(s) that no box needs are dropped, which makes every step faster.",
                         nullptr, fit.droppedLevels)
                          .arg(ParameterRegistry::format(toArray(fit.config.strides)))
                    : tr("Pyramid levels %1, one per group of box sizes.")
                          .arg(ParameterRegistry::format(toArray(fit.config.strides))),
                evidence);
        propose("anchors.ratios", toArray(fit.config.ratios),
                tr("Aspect ratios (height / width) at the 1/6, 1/2 and 5/6 quantiles of the boxes' own."), evidence);
        propose("anchors.scales", toArray(fit.config.scales),
                tr("Scales 1, 1.26, 1.59 (2^0, 2^⅓, 2^⅔): consecutive levels cover every size without gaps."),
                evidence);
    }

    void schedule()
    {
        m_probed.clear(); // the anchors may have changed since the resolution was chosen: measure again
        const train::ProbeResult t = timing(m_chosenSide);
        m_out.secondsPerStep = t.stepSeconds;
        const int b = intValue("train.batch_size");
        const double usable = usableSeconds();
        int steps = int(std::clamp<qint64>((m_train + b - 1) / b, 50, 2000));
        const double evalPerEpoch = epochSeconds(t, 0);
        auto epochsFor = [&](int s) { return usable / epochSeconds(t, s); };
        double epochs = epochsFor(steps);
        if (epochs > 200) // a tiny data set: longer epochs rather than more than the contract allows
            steps = std::clamp(int(std::ceil((usable / 200 - evalPerEpoch) / t.stepSeconds)), steps, 2000);
        else if (epochs < 12 && steps > 50) // a huge one: shorter epochs, so the callbacks get to act
            steps = std::clamp(int(std::floor((usable / 12 - evalPerEpoch) / t.stepSeconds)), 50, steps);
        epochs = epochsFor(steps);
        m_out.expectedEpochs = std::clamp(int(std::floor(epochs)), 1, 200);
        const int e = std::clamp(int(std::floor(epochs * kOverPlan)), 1, 200);
        const QJsonObject evidence{{QStringLiteral("seconds_per_step"), t.stepSeconds},
                                   {QStringLiteral("eval_seconds_per_image"), t.evalSecondsPerImage},
                                   {QStringLiteral("probe_margin"), kProbeMargin},
                                   {QStringLiteral("budget_seconds"), m_budget.minutes * 60},
                                   {QStringLiteral("usable_seconds"), usable},
                                   {QStringLiteral("evaluation_seconds_per_epoch"), evalPerEpoch},
                                   {QStringLiteral("train_examples"), m_train}};
        propose("train.steps_per_epoch", steps,
                tr("%1 steps of %2: one pass over the %3 training examples per epoch.").arg(steps).arg(b).arg(m_train),
                evidence);
        propose("train.epochs", e,
                tr("%1 epochs planned: the probe measured %2 s per step on this machine, %3 s per epoch with its "
                   "evaluation, so about %4 fit in the %5 minutes; the plan is 30% longer because this machine's "
                   "speed varies between runs, and train.time_limit ends the run on time.")
                    .arg(e)
                    .arg(t.stepSeconds, 0, 'f', 3)
                    .arg(epochSeconds(t, steps), 0, 'f', 1)
                    .arg(m_out.expectedEpochs)
                    .arg(m_budget.minutes),
                evidence);
        const QString monitor = m_detection ? QStringLiteral("val_map") : QStringLiteral("val_accuracy");
        // Within a fixed budget stopping early saves little and the best checkpoint already guards against
        // over-fitting, while a small validation split is noisy (14 images stopped microcontrollers at epoch
        // 15 of 26 with a fifth): a third of the run.
        // A validation split of a few dozen examples makes its quality jump from epoch to epoch: lowering the
        // learning rate on every dip of it halved the rate five times in 15 epochs on microcontrollers (14
        // validation images). There the rate follows the smoother val_loss, with more patience.
        const bool noisy = m_val < kSteadyValidation;
        const int rlPatience = std::clamp(noisy ? e / 8 : e / 12, noisy ? 3 : 2, 10);
        const int esPatience = std::max(std::clamp(e / 3, 5, 30), 2 * rlPatience + 1);
        const QString why =
            tr("Follow %1, the quality the run is for, rather than the loss: the best checkpoint is the most "
               "accurate model, and a plateau of %1 is what should lower the learning rate or stop the run.")
                .arg(monitor);
        for (const char *key : {"early_stopping.monitor", "checkpoint.monitor"})
            propose(key, monitor, why);
        if (noisy)
            propose(
                "reduce_lr.monitor", QStringLiteral("val_loss"),
                tr("Lower the learning rate on a plateau of val_loss: with %1 validation examples %2 jumps from "
                   "epoch to epoch, and every dip would lower the rate.")
                    .arg(m_val)
                    .arg(monitor),
                {{QStringLiteral("validation_examples"), m_val}, {QStringLiteral("steady_from"), kSteadyValidation}});
        else
            propose("reduce_lr.monitor", monitor, why);
        for (const char *key : {"early_stopping.mode", "checkpoint.mode"})
            propose(key, QStringLiteral("max"), tr("%1 is better when higher.").arg(monitor));
        propose("early_stopping.min_delta", 0.005,
                tr("An improvement of 0.005 in %1 counts (the default 0.01 was meant for losses).").arg(monitor));
        if (!noisy)
            propose("reduce_lr.min_delta", 0.005,
                    tr("An improvement of 0.005 in %1 counts (the default 0.01 was meant for losses).").arg(monitor));
        propose("early_stopping.patience", esPatience,
                tr("Stop after %1 epochs without improvement: a third of the %2 epochs, and more than twice the "
                   "learning-rate patience so the lower rate gets its chance first.")
                    .arg(esPatience)
                    .arg(e),
                {{QStringLiteral("epochs"), e}});
        propose("train.time_limit", m_budget.minutes,
                tr("Stop within the %1 minutes you gave: no epoch starts unless it and the final test are predicted "
                   "to end in time (this machine's speed varies from run to run).")
                    .arg(m_budget.minutes),
                {{QStringLiteral("budget_minutes"), m_budget.minutes}});
        propose("reduce_lr.patience", rlPatience,
                (noisy ? tr("Halve the learning rate after %1 epochs without improvement (about an eighth of the "
                            "run: the validation split is small).")
                       : tr("Halve the learning rate after %1 epochs without improvement (about a twelfth of the "
                            "run)."))
                    .arg(rlPatience),
                {{QStringLiteral("epochs"), e}});
    }

    static double correlation(const std::vector<float> &a, const std::vector<float> &b)
    {
        double sum = 0;
        for (size_t i = 0; i < a.size() && i < b.size(); ++i)
            sum += double(a[i]) * b[i];
        return sum; // both zero-mean, unit norm
    }

    static std::vector<float> flipped(const std::vector<float> &m, bool horizontal)
    {
        const int n = DataProfile::kMeanSide;
        std::vector<float> out(m.size());
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x)
                out[size_t(y * n + x)] = horizontal ? m[size_t(y * n + (n - 1 - x))] : m[size_t((n - 1 - y) * n + x)];
        return out;
    }

    // Whether flipping (horizontally or vertically) keeps every class itself; the worst class as evidence.
    void flips()
    {
        if (m_p.classMeans.size() < 2)
            return;
        for (const bool horizontal : {true, false}) {
            QString worst, other;
            double worstSelf = 2, otherCorr = -2;
            bool harmful = false;
            for (size_t c = 0; c < m_p.classMeans.size(); ++c) {
                if (m_p.classMeans[c].empty())
                    continue;
                const auto f = flipped(m_p.classMeans[c], horizontal);
                const double self = correlation(f, m_p.classMeans[c]);
                double best = -2;
                size_t bestClass = c;
                for (size_t d = 0; d < m_p.classMeans.size(); ++d)
                    if (d != c && !m_p.classMeans[d].empty())
                        if (const double v = correlation(f, m_p.classMeans[d]); v > best) {
                            best = v;
                            bestClass = d;
                        }
                const bool bad = self < kFlipSelfCorrelation || best > self;
                if (bad && (!harmful || self < worstSelf)) {
                    harmful = true;
                    worstSelf = self;
                    otherCorr = best;
                    worst = m_p.classNames.value(int(c));
                    other = m_p.classNames.value(int(bestClass));
                }
            }
            if (!harmful)
                continue;
            propose(horizontal ? "augment.flip.horizontal_probability" : "augment.flip.vertical_probability", 0.0,
                    (horizontal ? tr("No horizontal flips: the mean of '%1' mirrored correlates %2 with itself and %4 "
                                     "with '%3', so flipped examples would not look like '%1'.")
                                : tr("No vertical flips: the mean of '%1' upside down correlates %2 with itself and %4 "
                                     "with '%3', so flipped examples would not look like '%1'."))
                        .arg(worst)
                        .arg(worstSelf, 0, 'f', 2)
                        .arg(other)
                        .arg(otherCorr, 0, 'f', 2),
                    {{QStringLiteral("class"), worst},
                     {QStringLiteral("self_correlation"), worstSelf},
                     {QStringLiteral("closest_class"), other},
                     {QStringLiteral("closest_correlation"), otherCorr}});
        }
    }

    void augmentation()
    {
        flips();
        const int side = intValue("input.min_side");
        const int kernel = m_proposed.toInt(QStringLiteral("augment.blur.kernel"));
        if (kernel > kBlurShare * side) {
            int wanted = 3;
            for (int k : {9, 7, 5, 3})
                if (k <= kBlurShare * side) {
                    wanted = k;
                    break;
                }
            propose("augment.blur.kernel", wanted,
                    tr("A blur kernel of %1 px is more than a tenth of the %2 px input and erases the detail; %3 px "
                       "blurs without that.")
                        .arg(kernel)
                        .arg(side)
                        .arg(wanted),
                    {{QStringLiteral("min_side"), side}});
        }
    }

    void classBalance()
    {
        qint64 largest = 0, smallest = std::numeric_limits<qint64>::max();
        QString rare;
        for (size_t i = 0; i < m_p.classCounts.size(); ++i) {
            const qint64 n = m_p.classCounts[i];
            if (n <= 0)
                continue;
            largest = std::max(largest, n);
            if (n < smallest) {
                smallest = n;
                rare = m_p.classNames.value(int(i));
            }
        }
        if (largest == 0 || smallest == std::numeric_limits<qint64>::max())
            return;
        const double ratio = double(largest) / double(smallest);
        const double limit = m_current.toDouble(QStringLiteral("health.imbalance_ratio"));
        if (ratio <= limit)
            return;
        propose("train.class_balance", QStringLiteral("sampling"),
                (m_detection ? tr("The largest class has %1 times the %2 objects of '%3' (the warning starts at %4): "
                                  "sample the images of rare classes more often, so each class weighs about the same "
                                  "in training.")
                             : tr("The largest class has %1 times the %2 examples of '%3' (the warning starts at %4): "
                                  "sample the images of rare classes more often, so each class weighs about the same "
                                  "in training."))
                    .arg(ratio, 0, 'f', 1)
                    .arg(smallest)
                    .arg(rare)
                    .arg(limit),
                {{QStringLiteral("ratio"), ratio},
                 {QStringLiteral("largest"), largest},
                 {QStringLiteral("smallest"), smallest},
                 {QStringLiteral("class"), rare}});
    }

    void actions()
    {
        static const QStringList kUserCodes = {QStringLiteral("too_few_examples"), QStringLiteral("empty_split"),
                                               QStringLiteral("empty_class"), QStringLiteral("class_missing_in_train"),
                                               QStringLiteral("duplicate_leakage")};
        for (const HealthWarning &w : m_p.warnings)
            if (kUserCodes.contains(w.code))
                m_out.actions.push_back({w.code, w.message});
        if (m_p.annotated >= kMinTrainingExamples && m_p.annotated < 300)
            m_out.actions.push_back(
                {QStringLiteral("more_examples"),
                 tr("%1 annotated examples: about 300 give good results and about 1000 suit production; add "
                    "examples like those the model gets wrong.")
                     .arg(m_p.annotated)});
        if (m_detection && !m_p.boxes.empty()) {
            const double under = shareBelow(m_chosenSide, kSmallestSide);
            if (under > 0.2)
                m_out.actions.push_back(
                    {QStringLiteral("invisible_boxes"),
                     tr("%1% of the boxes stay under %2 px at the resolution the budget allows: give a longer "
                        "budget, or crop the images around the objects.")
                         .arg(pct(under))
                         .arg(int(kSmallestSide))});
        }
    }

    void summary()
    {
        const auto [w, h] =
            inputOf(m_typical.width, m_typical.height, intValue("input.min_side"), intValue("input.max_side"));
        m_out.summary = tr("%1 annotated examples (%2 for training) in %3 classes, %4 minutes: the probe measured "
                           "%5 s per step of %6 images at %7×%8 px, so about %9 epochs fit.")
                            .arg(m_p.annotated)
                            .arg(m_train)
                            .arg(m_p.classNames.size())
                            .arg(m_budget.minutes)
                            .arg(m_out.secondsPerStep, 0, 'f', 3)
                            .arg(intValue("train.batch_size"))
                            .arg(w)
                            .arg(h)
                            .arg(m_out.expectedEpochs);
    }

    const DataProfile &m_p;
    const ParameterSet &m_current;
    ParameterSet m_proposed;
    const Budget &m_budget;
    const Probe &m_probe;
    bool m_detection;
    qint64 m_train = 1, m_val = 0;
    double m_nativeShort = 64, m_aspect = 1;
    DataProfile::Image m_typical;
    std::vector<std::pair<int, train::ProbeResult>> m_probed;
    int m_chosenSide = 50;
    Suggestion m_out;
};

} // namespace

ParameterSet Suggestion::applied(ParameterSet base, const std::vector<bool> *selected) const
{
    for (size_t i = 0; i < proposals.size(); ++i)
        if (!selected || (i < selected->size() && (*selected)[i]))
            base.set(proposals[i].key, proposals[i].proposed);
    return base;
}

QJsonObject Suggestion::toJson() const
{
    QJsonArray list, acts;
    for (const Proposal &p : proposals)
        list.append(QJsonObject{{QStringLiteral("key"), p.key},
                                {QStringLiteral("current"), p.current},
                                {QStringLiteral("proposed"), p.proposed},
                                {QStringLiteral("reason"), p.reason},
                                {QStringLiteral("evidence"), p.evidence}});
    for (const Action &a : actions)
        acts.append(QJsonObject{{QStringLiteral("code"), a.code}, {QStringLiteral("message"), a.message}});
    QJsonObject o{{QStringLiteral("budget_minutes"), budgetMinutes},
                  {QStringLiteral("proposals"), list},
                  {QStringLiteral("actions"), acts},
                  {QStringLiteral("summary"), summary},
                  {QStringLiteral("seconds_per_step"), secondsPerStep},
                  {QStringLiteral("expected_epochs"), expectedEpochs}};
    if (anchorRecallCurrent)
        o.insert(QStringLiteral("anchor_recall"), QJsonObject{{QStringLiteral("current"), *anchorRecallCurrent},
                                                              {QStringLiteral("proposed"), *anchorRecallProposed}});
    return o;
}

QString Suggestion::toText() const
{
    QString t = summary + QLatin1String("\n\n");
    if (proposals.empty())
        t += Rules::tr("The current settings are what the advisor would choose.") + QLatin1Char('\n');
    for (const Proposal &p : proposals)
        t += QStringLiteral("%1: %2 -> %3\n    %4\n")
                 .arg(p.key, ParameterRegistry::format(p.current), ParameterRegistry::format(p.proposed), p.reason);
    if (anchorRecallCurrent)
        t += QStringLiteral("\nanchor recall: current %1, proposed %2\n")
                 .arg(*anchorRecallCurrent, 0, 'f', 3)
                 .arg(*anchorRecallProposed, 0, 'f', 3);
    if (!actions.empty()) {
        t += QLatin1Char('\n') + Rules::tr("For you to do (no setting fixes these):") + QLatin1Char('\n');
        for (const Action &a : actions)
            t += QStringLiteral("  - %1\n").arg(a.message);
    }
    return t;
}

Suggestion suggest(const DataProfile &profile, const ParameterSet &current, const Budget &budget, const Probe &probe)
{
    return Rules(profile, current, budget, probe).run();
}

Suggestion suggest(const Project &project, const Budget &budget)
{
    const DataProfile profile = profileProject(project, true);
    return suggest(profile, project.parameters(), budget, [](const train::ProbeRequest &r) { return train::probe(r); });
}

QStringList preflight(const DataProfile &profile, const ParameterSet &parameters)
{
    QStringList concerns;
    if (profile.kind != DatasetKind::ObjectDetection || profile.boxes.empty())
        return concerns;
    const int minSide = parameters.toInt(QStringLiteral("input.min_side")),
              maxSide = parameters.toInt(QStringLiteral("input.max_side"));
    const auto boxes = boxesAtInput(profile, minSide, maxSide);
    const int px = parameters.toInt(QStringLiteral("health.min_box_pixels"));
    const auto small =
        std::count_if(boxes.begin(), boxes.end(), [px](const SizedBox &b) { return std::min(b.w, b.h) < px; });
    const double share = double(small) / double(boxes.size());
    if (share > 0.25)
        concerns << Rules::tr("%1% of the boxes are under %2 px at the input resolution (shorter side %3): the network "
                              "can hardly see them.")
                        .arg(pct(share))
                        .arg(px)
                        .arg(minSide);
    const double recall = bestPossibleRecall(boxes, anchorConfig(parameters),
                                             parameters.toDouble(QStringLiteral("detector.positive_iou")));
    if (recall < 0.5)
        concerns << Rules::tr("The anchors match only %1% of the boxes at IoU ≥ %2: most objects have no anchor to "
                              "learn from.")
                        .arg(pct(recall))
                        .arg(parameters.toDouble(QStringLiteral("detector.positive_iou")));
    return concerns;
}

} // namespace visor::advise
