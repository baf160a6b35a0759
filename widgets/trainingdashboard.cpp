#include "trainingdashboard.h"
#include "plotstyle.h"
#include "runstatus.h"

#include "qcustomplot_p.h"
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>

namespace visor {
namespace {

const QColor kLossColor(31, 119, 180), kValColor(255, 127, 14), kStepColor(160, 190, 220);

QCustomPlot *makePlot(const QString &yLabel)
{
    auto *plot = new QCustomPlot;
    plot->setMinimumHeight(140);
    plot->xAxis->setLabel(QCoreApplication::translate("visor::TrainingDashboard", "epoch"));
    plot->yAxis->setLabel(yLabel);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    legendBelow(plot); // under the axes: over them it hid the train/validation gap
    plot->setNoAntialiasingOnDrag(true);
    applyPalette(plot);
    return plot;
}

// Per-epoch graphs get a marker on every point: a single epoch is a dot, not an invisible line.
QCPGraph *addGraph(QCustomPlot *plot, const QString &name, const QColor &color, bool markers = true)
{
    QCPGraph *g = plot->addGraph();
    g->setName(name);
    g->setPen(QPen(color, 2));
    if (markers)
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    return g;
}

} // namespace

TrainingDashboard::TrainingDashboard(QWidget *parent) : QWidget(parent)
{
    m_banner = new QLabel;
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffe69c;"
                                           " border-radius: 4px; padding: 8px; }"));
    m_banner->hide();
    m_status = new QLabel(tr("No training run yet."));
    m_progress = new QProgressBar;
    m_progress->setTextVisible(true);
    m_progress->setFormat(QString());

    m_loss = makePlot(tr("loss"));
    addGraph(m_loss, tr("step loss (smoothed)"), kStepColor, false);
    addGraph(m_loss, tr("loss"), kLossColor);
    addGraph(m_loss, tr("val_loss"), kValColor);
    m_metric = makePlot(tr("metric"));
    addGraph(m_metric, tr("train"), kLossColor);
    addGraph(m_metric, tr("validation"), kValColor);
    m_lr = makePlot(tr("learning rate"));
    addGraph(m_lr, tr("learning rate"), QColor(44, 160, 44))->setLineStyle(QCPGraph::lsStepLeft);
    m_lr->legend->setVisible(false);

    m_overfitShade = new QCPItemRect(m_loss);
    m_overfitShade->setPen(Qt::NoPen);
    m_overfitShade->setBrush(QColor(220, 53, 69, 40));
    m_overfitShade->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_overfitShade->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_overfitShade->setVisible(false);

    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *plots = new QWidget;
    auto *grid = new QVBoxLayout(plots);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_loss, 3);
    auto *row = new QHBoxLayout;
    row->addWidget(m_metric, 1);
    row->addWidget(m_lr, 1);
    grid->addLayout(row, 2);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(plots);
    split->addWidget(m_log);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_status, 1);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    layout->addWidget(split, 1);

    m_replot.setSingleShot(true);
    m_replot.setInterval(40);
    connect(&m_replot, &QTimer::timeout, this, &TrainingDashboard::replot);
    reset(tr("metric"));
}

void TrainingDashboard::reset(const QString &metricName)
{
    m_metricName = metricName;
    for (QCustomPlot *p : {m_loss, m_metric, m_lr})
        for (int i = 0; i < p->graphCount(); ++i)
            p->graph(i)->data()->clear();
    m_metric->yAxis->setLabel(metricName);
    m_metric->graph(0)->setName(tr("train %1").arg(metricName));
    m_metric->graph(1)->setName(tr("validation %1").arg(metricName));
    for (QObject *m : m_markers)
        delete m;
    m_markers.clear();
    m_overfitShade->setVisible(false);
    m_banner->hide();
    m_overfitBegan = 0;
    m_lastEpoch = 0;
    m_plannedEpochs = 0;
    m_progress->setValue(0);
    m_progress->setFormat(QString());
    m_status->setText(tr("No training run yet."));
    m_log->clear();
    scheduleReplot();
}

void TrainingDashboard::showRun(const train::RunRecord &run)
{
    // Stored epochs carry no clock time of their own: the log says when the run started, and its epoch
    // lines have no time stamp (they had the reopening time).
    log(tr("Run %1, started %2 (%3):").arg(run.id).arg(dateTimeText(run.started)).arg(runStatusText(run.status)),
        false);
    m_stamp = false;
    for (const auto &m : run.history)
        onEpoch(m);
    for (const QJsonObject &e : run.events) {
        const QString kind = e.value(QStringLiteral("kind")).toString();
        const int epoch = e.value(QStringLiteral("epoch")).toInt();
        const QJsonObject details = e.value(QStringLiteral("details")).toObject();
        if (kind == QLatin1String("best_checkpoint"))
            onCheckpoint(QString(), true, epoch);
        else if (kind == QLatin1String("lr_reduced"))
            onLearningRateReduced(epoch, details.value(QStringLiteral("learning_rate")).toDouble());
        else if (kind == QLatin1String("overfitting"))
            onOverfitting({details.value(QStringLiteral("began_at")).toInt(), epoch,
                           details.value(QStringLiteral("message")).toString(),
                           details.value(QStringLiteral("kind")).toString() == QLatin1String("metric_gap"),
                           details.value(QStringLiteral("metric_name")).toString()});
        else if (kind == QLatin1String("early_stop"))
            addMarker(epoch, tr("early stop"), QColor(220, 53, 69));
    }
    m_stamp = true;
    m_status->setText(
        tr("Run %1 (%2): %n epoch(s).", nullptr, int(run.history.size())).arg(run.id).arg(runStatusText(run.status)));
    m_progress->setMaximum(1);
    m_progress->setValue(run.status == QLatin1String("running") ? 0 : 1);
    m_progress->setFormat(tr("run %1: %2").arg(run.id).arg(runStatusText(run.status)));
}

void TrainingDashboard::onStarted()
{
    m_status->setText(tr("Preparing the data and the network…"));
    log(tr("Training started."));
}

void TrainingDashboard::onBatch(const train::BatchInfo &info)
{
    const double x = info.epoch - 1 + double(info.step) / std::max(1, info.stepsPerEpoch);
    m_loss->graph(0)->addData(x, info.smoothedLoss);
    m_plannedEpochs = info.epochs;
    const int done = (info.epoch - 1) * info.stepsPerEpoch + info.step;
    m_progress->setMaximum(info.epochs * info.stepsPerEpoch);
    m_progress->setValue(done);
    const int eta = int(info.etaSeconds);
    m_progress->setFormat(tr("epoch %1/%2 · step %3/%4 · ETA %5:%6")
                              .arg(info.epoch)
                              .arg(info.epochs)
                              .arg(info.step)
                              .arg(info.stepsPerEpoch)
                              .arg(eta / 60)
                              .arg(eta % 60, 2, 10, QLatin1Char('0')));
    m_status->setText(tr("Training: loss %L1").arg(info.smoothedLoss, 0, 'f', 4));
    scheduleReplot();
}

void TrainingDashboard::onEpoch(const train::EpochMetrics &m)
{
    m_lastEpoch = m.epoch;
    m_loss->graph(1)->addData(m.epoch, m.loss);
    m_loss->graph(2)->addData(m.epoch, m.valLoss);
    m_metric->graph(0)->addData(m.epoch, m.metric);
    m_metric->graph(1)->addData(m.epoch, m.valMetric);
    m_lr->graph(0)->addData(m.epoch, m.learningRate);
    log(tr("epoch %1: loss %L2, val_loss %L3, %4 %L5, validation %4 %L6, lr %L7, %L8 s")
            .arg(m.epoch)
            .arg(m.loss, 0, 'f', 4)
            .arg(m.valLoss, 0, 'f', 4)
            .arg(m_metricName)
            .arg(m.metric, 0, 'f', 4)
            .arg(m.valMetric, 0, 'f', 4)
            .arg(m.learningRate, 0, 'g', 3)
            .arg(m.seconds, 0, 'f', 1));
    if (m_overfitShade->visible())
        m_overfitShade->bottomRight->setCoords(m.epoch + 0.5, 1);
    scheduleReplot();
}

void TrainingDashboard::onCheckpoint(const QString &, bool best, int epoch)
{
    if (!best)
        return;
    // One "best" marker: the latest best checkpoint.
    for (auto it = m_markers.begin(); it != m_markers.end();)
        if ((*it)->property("best").toBool()) {
            delete *it;
            it = m_markers.erase(it);
        } else {
            ++it;
        }
    addMarker(epoch, tr("best"), QColor(25, 135, 84));
    m_markers.back()->setProperty("best", true);
}

void TrainingDashboard::onLearningRateReduced(int epoch, double rate)
{
    addMarker(epoch, tr("LR %L1").arg(rate, 0, 'g', 2), QColor(108, 117, 125));
    log(tr("epoch %1: learning rate reduced to %L2").arg(epoch).arg(rate, 0, 'g', 3));
}

void TrainingDashboard::onOverfitting(const OverfittingInfo &info)
{
    m_overfitBegan = info.beganAt;
    m_overfitShade->topLeft->setCoords(info.beganAt - 0.5, 0);
    m_overfitShade->bottomRight->setCoords(std::max(info.detectedAt, m_lastEpoch) + 0.5, 1);
    m_overfitShade->setVisible(true);
    m_banner->setText(
        info.metricGap
            ? tr("<b>Overfitting suspected since epoch %1.</b> The validation %2 has fallen while the training %2 "
                 "kept rising, and the gap between them widens. Add examples (30–50 like the ones the model gets "
                 "wrong), increase data augmentation, or keep the best epoch's checkpoint.")
                  .arg(info.beganAt)
                  .arg(info.metricName)
            : tr("<b>Overfitting suspected since epoch %1.</b> The validation loss has risen while the "
                 "training loss kept falling. Add examples (30–50 like the ones the model gets wrong), "
                 "increase data augmentation, or let early stopping end the run at the best epoch.")
                  .arg(info.beganAt));
    m_banner->show();
    log(info.message);
    scheduleReplot();
}

void TrainingDashboard::onFinished(const train::RunSummary &s)
{
    if (s.status == QLatin1String("stopped_early"))
        addMarker(s.epochs, tr("early stop"), QColor(220, 53, 69));
    QString text;
    if (s.status == QLatin1String("cancelled"))
        text = tr("Cancelled after %n epoch(s); the last checkpoint is kept.", nullptr, s.epochs);
    else
        text = tr("Run %1 done after %n epoch(s) in %3 s (best epoch %4).", nullptr, s.epochs)
                   .arg(s.runId)
                   .arg(s.seconds, 0, 'f', 0)
                   .arg(s.bestEpoch);
    m_status->setText(text);
    log(text + (s.message.isEmpty() ? QString() : QStringLiteral(" ") + s.message));
    scheduleReplot();
}

void TrainingDashboard::onFailed(const QString &message)
{
    m_status->setText(tr("Training failed."));
    log(tr("Failed: %1").arg(message));
}

void TrainingDashboard::log(const QString &line)
{
    log(line, m_stamp);
}

void TrainingDashboard::log(const QString &line, bool stamped)
{
    m_log->appendPlainText(
        (stamped ? QTime::currentTime().toString(QStringLiteral("HH:mm:ss  ")) : QStringLiteral("          ")) + line);
}

int TrainingDashboard::epochPoints() const
{
    return m_loss->graph(1)->dataCount();
}

int TrainingDashboard::stepPoints() const
{
    return m_loss->graph(0)->dataCount();
}

bool TrainingDashboard::overfittingShown() const
{
    return m_overfitShade->visible() && !m_banner->isHidden();
}

void TrainingDashboard::addMarker(int epoch, const QString &text, const QColor &color)
{
    auto *line = new QCPItemStraightLine(m_loss);
    line->point1->setCoords(epoch, 0);
    line->point2->setCoords(epoch, 1);
    line->setPen(QPen(color, 1, Qt::DashLine));
    auto *label = new QCPItemText(m_loss);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(epoch, 0.97); // along the bottom, clear of the legend
    label->setPositionAlignment(Qt::AlignBottom | Qt::AlignLeft);
    label->setText(text);
    label->setColor(color);
    label->setFont(QFont(font().family(), 8));
    // The label owns the line's lifetime: deleting the marker removes both.
    struct Pair : QObject {
        QCustomPlot *plot;
        QCPAbstractItem *a, *b;
        Pair(QCustomPlot *p, QCPAbstractItem *x, QCPAbstractItem *y) : plot(p), a(x), b(y) {}
        ~Pair() override
        {
            plot->removeItem(a);
            plot->removeItem(b);
        }
    };
    m_markers.push_back(new Pair(m_loss, line, label));
    scheduleReplot();
}

void TrainingDashboard::scheduleReplot()
{
    if (!m_replot.isActive())
        m_replot.start();
}

void TrainingDashboard::replot()
{
    // The epoch axis spans the planned run from its first step (it jumped 0–15, 0–20, 0–17.5 during epoch
    // 1 when it followed the data); a stored run spans its epochs.
    const double epochs = std::max({1, m_plannedEpochs, m_lastEpoch});
    for (QCustomPlot *p : {m_loss, m_metric, m_lr}) {
        p->xAxis->setRange(0, epochs + 0.5);
        if (p == m_metric) // accuracy and mAP: scaled to the data, at most 1
            scaleValueAxis(p, true, 0.05, 1);
        else // losses and the learning rate from 0, with headroom (a flat curve still gets a scale)
            scaleValueAxis(p, true, 1e-6);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}

QCustomPlot *TrainingDashboard::plot(int which) const
{
    return which == 0 ? m_loss : which == 1 ? m_metric : m_lr;
}

} // namespace visor
