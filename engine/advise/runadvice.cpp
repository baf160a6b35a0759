#include "runadvice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace visor::advise {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(visor::RunAdvice)
};

// Under-fitted: the loss still fell by more than 2% a epoch over the last three epochs and the run was
// not stopped by early stopping (which says the validation quality had stopped improving).
std::optional<RunAdvice> underfitted(const train::RunRecord &run)
{
    const auto &h = run.history;
    if (h.size() < 3 || run.status == QLatin1String("stopped_early"))
        return std::nullopt;
    const double first = h[h.size() - 3].loss, last = h.back().loss;
    const double perEpoch = (first - last) / std::max(1e-12, first) / 2;
    if (perEpoch <= 0.02)
        return std::nullopt;
    return RunAdvice{QStringLiteral("underfitted"),
                     Text::tr("Still learning at the end: the loss fell from %1 to %2 over the last 3 epochs (%3% an "
                              "epoch). Train longer: more epochs or a larger time budget.")
                         .arg(first, 0, 'g', 4)
                         .arg(last, 0, 'g', 4)
                         .arg(100 * perEpoch, 0, 'f', 1),
                     {{QStringLiteral("loss_from"), first},
                      {QStringLiteral("loss_to"), last},
                      {QStringLiteral("fall_per_epoch"), perEpoch}}};
}

std::optional<RunAdvice> overfitted(const train::RunRecord &run)
{
    for (const QJsonObject &e : run.events)
        if (e.value(QStringLiteral("kind")).toString() == QLatin1String("overfitting")) {
            const QJsonObject d = e.value(QStringLiteral("details")).toObject();
            return RunAdvice{QStringLiteral("overfitted"),
                             Text::tr("Over-fitted from epoch %1: validation loss rose while training loss fell. Add "
                                      "examples (30–50 like the ones it gets wrong), strengthen augmentation; the best "
                                      "checkpoint (before the rise) is the one kept.")
                                 .arg(d.value(QStringLiteral("began_at")).toInt()),
                             d};
        }
    return std::nullopt;
}

// Unstable: within the first five epochs the loss rose above the first epoch's by 10%, or swung up and
// down by more than 10% at least twice.
std::optional<RunAdvice> unstable(const train::RunRecord &run)
{
    const auto &h = run.history;
    if (h.size() < 3)
        return std::nullopt;
    const size_t n = std::min<size_t>(h.size(), 6);
    double worst = 0;
    int swings = 0;
    for (size_t i = 1; i < n; ++i) {
        worst = std::max(worst, h[i].loss / std::max(1e-12, h[0].loss) - 1);
        if (i >= 2) {
            const double a = h[i - 1].loss - h[i - 2].loss, b = h[i].loss - h[i - 1].loss;
            swings += a * b < 0 && std::abs(b) > 0.1 * h[i - 1].loss;
        }
    }
    if (worst <= 0.1 && swings < 2)
        return std::nullopt;
    const double lr = run.parameters.value(QStringLiteral("parameters"))
                          .toObject()
                          .value(QStringLiteral("optimizer.learning_rate"))
                          .toDouble(0.001);
    return RunAdvice{
        QStringLiteral("unstable"),
        Text::tr("Unstable: in the first epochs the loss rose %1% above the first epoch's and changed "
                 "direction sharply %n time(s). Lower optimizer.learning_rate, e.g. from %3 to %4.",
                 nullptr, int(swings))
            .arg(100 * std::max(0.0, worst), 0, 'f', 0)
            .arg(lr)
            .arg(lr / 3, 0, 'g', 2),
        {{QStringLiteral("rise"), worst}, {QStringLiteral("swings"), swings}, {QStringLiteral("learning_rate"), lr}}};
}

// A class far below the others: its AP@0.5 (detection) or recall (classification) under half the median
// of the other classes, and under the good threshold.
std::vector<RunAdvice> weakClasses(const train::RunRecord &run, bool detection)
{
    const QString key = detection ? QStringLiteral("ap50") : QStringLiteral("recall");
    const QJsonArray per = run.metrics.value(QStringLiteral("per_class")).toArray();
    std::vector<std::pair<QString, double>> values;
    for (const auto &v : per) {
        const QJsonObject o = v.toObject();
        if (!o.value(key).isNull() && o.value(key).isDouble())
            values.emplace_back(o.value(QStringLiteral("class")).toString(), o.value(key).toDouble());
    }
    std::vector<RunAdvice> out;
    if (values.size() < 2)
        return out;
    const double good = detection ? kGoodMap : kGoodAccuracy;
    for (size_t i = 0; i < values.size(); ++i) {
        std::vector<double> others;
        for (size_t j = 0; j < values.size(); ++j)
            if (j != i)
                others.push_back(values[j].second);
        std::sort(others.begin(), others.end());
        const double median = others[others.size() / 2];
        if (values[i].second < 0.5 * median && values[i].second < good)
            out.push_back(
                {QStringLiteral("weak_class"),
                 (detection ? Text::tr("Class '%1' is far below the others: AP@0.5 %2 against a median of %3. "
                                       "Add 30–50 examples of '%1', like those it misses.")
                            : Text::tr("Class '%1' is far below the others: recall %2 against a median of %3. "
                                       "Add 30–50 examples of '%1', like those it misses."))
                     .arg(values[i].first)
                     .arg(values[i].second, 0, 'f', 2)
                     .arg(median, 0, 'f', 2),
                 {{QStringLiteral("class"), values[i].first},
                  {key, values[i].second},
                  {QStringLiteral("median_of_others"), median}}});
    }
    return out;
}

std::optional<RunAdvice> quality(const train::RunRecord &run, bool detection)
{
    const QString key = detection ? QStringLiteral("map50") : QStringLiteral("accuracy");
    if (!run.metrics.contains(key))
        return std::nullopt;
    const double v = run.metrics.value(key).toDouble(), good = detection ? kGoodMap : kGoodAccuracy;
    const QJsonObject numbers{{key, v}, {QStringLiteral("good"), good}};
    if (detection)
        return v >= good
                   ? RunAdvice{QStringLiteral("good"),
                               Text::tr("Test mAP@0.5 %1: above the %2 of a good detector.")
                                   .arg(v, 0, 'f', 3)
                                   .arg(good),
                               numbers}
                   : RunAdvice{
                         QStringLiteral("below_good"),
                         Text::tr("Test mAP@0.5 %1: below the %2 of a good detector.").arg(v, 0, 'f', 3).arg(good),
                         numbers};
    return v >= good ? RunAdvice{QStringLiteral("good"),
                                 Text::tr("Test accuracy %1%: above the %2% of a good classifier.")
                                     .arg(100 * v, 0, 'f', 1)
                                     .arg(100 * good, 0, 'f', 0),
                                 numbers}
                     : RunAdvice{QStringLiteral("below_good"),
                                 Text::tr("Test accuracy %1%: below the %2% of a good classifier.")
                                     .arg(100 * v, 0, 'f', 1)
                                     .arg(100 * good, 0, 'f', 0),
                                 numbers};
}

} // namespace

std::vector<RunAdvice> adviseRun(const train::RunRecord &run, DatasetKind kind)
{
    std::vector<RunAdvice> out;
    if (run.status == QLatin1String("failed") || run.status == QLatin1String("running"))
        return out;
    const bool detection = kind == DatasetKind::ObjectDetection;
    if (auto q = quality(run, detection))
        out.push_back(*q);
    for (auto rule : {underfitted, overfitted, unstable})
        if (auto a = rule(run))
            out.push_back(*a);
    for (RunAdvice &a : weakClasses(run, detection))
        out.push_back(std::move(a));
    return out;
}

} // namespace visor::advise
