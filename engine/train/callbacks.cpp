#include "callbacks.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace visor::train {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double initialBest(Mode mode)
{
    return mode == Mode::Min ? kInf : -kInf;
}

// Keras: an improvement must beat the best by more than min_delta.
bool improved(double current, double best, double minDelta, Mode mode)
{
    return mode == Mode::Min ? current < best - minDelta : current > best + minDelta;
}

} // namespace

QString describe(const EpochMetrics &m, const QString &metricName)
{
    return QStringLiteral("epoch %1: loss %2, val_loss %3, %8 %4, val_%8 %5, lr %6, %7 s")
        .arg(m.epoch)
        .arg(m.loss, 0, 'f', 4)
        .arg(m.valLoss, 0, 'f', 4)
        .arg(m.metric, 0, 'f', 4)
        .arg(m.valMetric, 0, 'f', 4)
        .arg(m.learningRate, 0, 'g', 3)
        .arg(m.seconds, 0, 'f', 1)
        .arg(metricName);
}

double monitoredValue(const EpochMetrics &m, const QString &key)
{
    if (key == QLatin1String("loss"))
        return m.loss;
    if (key == QLatin1String("accuracy") || key == QLatin1String("map"))
        return m.metric;
    if (key == QLatin1String("val_accuracy") || key == QLatin1String("val_map"))
        return m.valMetric;
    return m.valLoss;
}

Mode resolveMode(const QString &mode, const QString &key)
{
    if (mode == QLatin1String("max"))
        return Mode::Max;
    if (mode == QLatin1String("min"))
        return Mode::Min;
    return key.contains(QLatin1String("loss")) ? Mode::Min : Mode::Max;
}

EarlyStopping::EarlyStopping(QString key, int patience, double minDelta, Mode mode)
    : m_key(std::move(key)), m_patience(patience), m_minDelta(minDelta), m_mode(mode), m_best(initialBest(mode))
{
}

EarlyStopping EarlyStopping::fromParameters(const ParameterSet &p)
{
    const QString key = p.toString(QStringLiteral("early_stopping.monitor"));
    return {key, p.toInt(QStringLiteral("early_stopping.patience")),
            p.toDouble(QStringLiteral("early_stopping.min_delta")),
            resolveMode(p.toString(QStringLiteral("early_stopping.mode")), key)};
}

bool EarlyStopping::update(const EpochMetrics &m)
{
    const double v = monitoredValue(m, m_key);
    if (improved(v, m_best, m_minDelta, m_mode)) {
        m_best = v;
        m_bestEpoch = m.epoch;
        m_wait = 0;
        return false;
    }
    return ++m_wait >= m_patience;
}

ReduceLrOnPlateau::ReduceLrOnPlateau(QString key, int patience, double minDelta, double factor, int cooldown, Mode mode,
                                     double minLearningRate)
    : m_key(std::move(key)), m_patience(patience), m_minDelta(minDelta), m_factor(factor), m_cooldown(cooldown),
      m_mode(mode), m_minLr(minLearningRate), m_best(initialBest(mode))
{
}

ReduceLrOnPlateau ReduceLrOnPlateau::fromParameters(const ParameterSet &p)
{
    const QString key = p.toString(QStringLiteral("reduce_lr.monitor"));
    // The contract gives reduce_lr no mode of its own: it follows early_stopping.mode's rule for its key.
    return {key,
            p.toInt(QStringLiteral("reduce_lr.patience")),
            p.toDouble(QStringLiteral("reduce_lr.min_delta")),
            p.toDouble(QStringLiteral("reduce_lr.factor")),
            int(std::floor(p.toDouble(QStringLiteral("reduce_lr.cooldown")))),
            resolveMode(QStringLiteral("auto"), key)};
}

std::optional<double> ReduceLrOnPlateau::update(const EpochMetrics &m)
{
    const double v = monitoredValue(m, m_key);
    const bool cooling = m_cooldownLeft > 0;
    if (cooling) {
        --m_cooldownLeft;
        m_wait = 0;
    }
    if (improved(v, m_best, m_minDelta, m_mode)) {
        m_best = v;
        m_wait = 0;
    } else if (!cooling) {
        if (++m_wait >= m_patience && m.learningRate > m_minLr) {
            m_cooldownLeft = m_cooldown;
            m_wait = 0;
            return std::max(m.learningRate * m_factor, m_minLr);
        }
    }
    return std::nullopt;
}

BestCheckpoint::BestCheckpoint(QString key, Mode mode) : m_key(std::move(key)), m_mode(mode), m_best(initialBest(mode))
{
}

BestCheckpoint BestCheckpoint::fromParameters(const ParameterSet &p)
{
    const QString key = p.toString(QStringLiteral("checkpoint.monitor"));
    return {key, resolveMode(p.toString(QStringLiteral("checkpoint.mode")), key)};
}

bool BestCheckpoint::update(const EpochMetrics &m)
{
    const double v = monitoredValue(m, m_key);
    if (!std::isfinite(v) || !improved(v, m_best, 0.0, m_mode))
        return false;
    m_best = v;
    m_bestEpoch = m.epoch;
    return true;
}

OverfittingDetector::OverfittingDetector(int window, QString metricName)
    : m_window(window), m_metricName(std::move(metricName))
{
}

std::optional<OverfittingDetector::Event> OverfittingDetector::update(const EpochMetrics &m)
{
    m_history.push_back(m);
    if (int(m_history.size()) < m_window + 1)
        return std::nullopt;
    if (auto e = m_lossRaised ? std::nullopt : lossRule()) {
        m_lossRaised = true;
        return e;
    }
    if (auto e = m_gapRaised ? std::nullopt : gapRule()) {
        m_gapRaised = true;
        return e;
    }
    return std::nullopt;
}

std::optional<OverfittingDetector::Event> OverfittingDetector::lossRule()
{
    // The last `window` steps: validation loss up each time, training loss down each time.
    const size_t n = m_history.size();
    for (size_t i = n - size_t(m_window); i < n; ++i)
        if (!(m_history[i].valLoss > m_history[i - 1].valLoss && m_history[i].loss < m_history[i - 1].loss))
            return std::nullopt;
    Event e;
    // Where it began: the epoch after the lowest validation loss before the rise.
    size_t start = n - size_t(m_window) - 1;
    while (start > 0 && m_history[start - 1].valLoss <= m_history[start].valLoss &&
           m_history[start - 1].loss > m_history[start].loss)
        --start;
    e.beganAt = m_history[start].epoch + 1;
    e.detectedAt = m_history.back().epoch;
    for (size_t i = start; i < n; ++i) {
        e.loss.push_back(m_history[i].loss);
        e.valLoss.push_back(m_history[i].valLoss);
    }
    return e;
}

std::optional<OverfittingDetector::Event> OverfittingDetector::gapRule()
{
    // The last `window` steps: validation quality down each time, training quality up each time, and a
    // gap of at least kMinGap at the end (noise on a small validation split moves a few hundredths).
    const size_t n = m_history.size();
    for (size_t i = n - size_t(m_window); i < n; ++i)
        if (!(m_history[i].valMetric < m_history[i - 1].valMetric && m_history[i].metric > m_history[i - 1].metric))
            return std::nullopt;
    if (m_history.back().metric - m_history.back().valMetric < kMinGap)
        return std::nullopt;
    Event e;
    e.kind = Event::Kind::MetricGap;
    e.metricName = m_metricName;
    size_t start = n - size_t(m_window) - 1;
    while (start > 0 && m_history[start - 1].valMetric >= m_history[start].valMetric &&
           m_history[start - 1].metric < m_history[start].metric)
        --start;
    e.beganAt = m_history[start].epoch + 1;
    e.detectedAt = m_history.back().epoch;
    for (size_t i = start; i < n; ++i) {
        e.loss.push_back(m_history[i].loss);
        e.valLoss.push_back(m_history[i].valLoss);
        e.metric.push_back(m_history[i].metric);
        e.valMetric.push_back(m_history[i].valMetric);
    }
    return e;
}

QString OverfittingDetector::Event::message() const
{
    if (kind == Kind::MetricGap)
        return QStringLiteral("Overfitting suspected since epoch %1: validation %2 fell from %3 to %4 while training "
                              "%2 rose from %5 to %6, a gap of %7. Add examples, strengthen augmentation, or stop "
                              "at the best epoch.")
            .arg(beganAt)
            .arg(metricName)
            .arg(valMetric.front(), 0, 'f', 3)
            .arg(valMetric.back(), 0, 'f', 3)
            .arg(metric.front(), 0, 'f', 3)
            .arg(metric.back(), 0, 'f', 3)
            .arg(metric.back() - valMetric.back(), 0, 'f', 3);
    return QStringLiteral(
               "Overfitting suspected since epoch %1: validation loss rose from %2 to %3 while training loss "
               "fell from %4 to %5. Add examples, strengthen augmentation, or stop earlier.")
        .arg(beganAt)
        .arg(valLoss.front(), 0, 'g', 4)
        .arg(valLoss.back(), 0, 'g', 4)
        .arg(loss.front(), 0, 'g', 4)
        .arg(loss.back(), 0, 'g', 4);
}

QJsonObject OverfittingDetector::Event::toJson() const
{
    QJsonArray l, v;
    for (double x : loss)
        l.append(x);
    for (double x : valLoss)
        v.append(x);
    QJsonArray m, vm;
    for (double x : metric)
        m.append(x);
    for (double x : valMetric)
        vm.append(x);
    return {{QStringLiteral("kind"), kind == Kind::MetricGap ? QStringLiteral("metric_gap") : QStringLiteral("loss")},
            {QStringLiteral("began_at"), beganAt},
            {QStringLiteral("detected_at"), detectedAt},
            {QStringLiteral("metric"), m},
            {QStringLiteral("metric_name"), metricName},
            {QStringLiteral("val_metric"), vm},
            {QStringLiteral("loss"), l},
            {QStringLiteral("val_loss"), v},
            {QStringLiteral("message"), message()}};
}

void TimeBudget::epochEnded(double seconds)
{
    m_epochs.push_back(seconds);
}

double TimeBudget::predictedEpochSeconds() const
{
    double longest = 0;
    for (size_t i = m_epochs.size() > 3 ? m_epochs.size() - 3 : 0; i < m_epochs.size(); ++i)
        longest = std::max(longest, m_epochs[i]);
    return longest;
}

bool TimeBudget::nextEpochFits(double elapsed, double finalSeconds) const
{
    return !limited() || elapsed + predictedEpochSeconds() + finalSeconds <= m_limit;
}

} // namespace visor::train
