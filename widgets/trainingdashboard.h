#pragma once
/// Live training curves: loss and val_loss per epoch over the smoothed per-step loss, accuracy or mAP
/// for training and validation, the learning rate; overfitting shaded from the epoch where it began and
/// announced in a banner with advice; markers for LR reductions, the best checkpoint and an early stop;
/// progress with epoch, step and ETA; a log. Redraws are coalesced on a 40 ms single-shot timer.

#include "train/runs.h"
#include "trainingcontroller.h"

#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QCPItemRect;
class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace visor {

class TrainingDashboard : public QWidget {
    Q_OBJECT
public:
    explicit TrainingDashboard(QWidget *parent = nullptr);

    /// Clears the plots for a new run; `metricName` is "accuracy" or "mAP@0.5".
    void reset(const QString &metricName);
    /// Shows a stored run: its epochs and events (best checkpoint, LR reductions, overfitting, early
    /// stop). A resumed run continues from there.
    void showRun(const train::RunRecord &run);

    // What is drawn, for tests.
    int epochPoints() const;
    int stepPoints() const;
    bool overfittingShown() const;
    int overfittingBegan() const { return m_overfitBegan; }
    int markerCount() const { return int(m_markers.size()); }
    QCustomPlot *plot(int which) const; // 0 loss, 1 accuracy or mAP, 2 learning rate

public Q_SLOTS:
    void onStarted();
    void onBatch(const visor::train::BatchInfo &info);
    void onEpoch(const visor::train::EpochMetrics &m);
    void onCheckpoint(const QString &path, bool best, int epoch);
    void onLearningRateReduced(int epoch, double rate);
    void onOverfitting(const visor::OverfittingInfo &info);
    void onFinished(const visor::train::RunSummary &s);
    void onFailed(const QString &message);
    void log(const QString &line);

private:
    void scheduleReplot();
    void replot();
    void addMarker(int epoch, const QString &text, const QColor &color);
    void log(const QString &line, bool stamped); // stamped: with the clock time, for what happens now

    QCustomPlot *m_loss = nullptr, *m_metric = nullptr, *m_lr = nullptr;
    QCPItemRect *m_overfitShade = nullptr;
    QLabel *m_banner = nullptr, *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTimer m_replot;
    QString m_metricName;
    int m_overfitBegan = 0;
    int m_lastEpoch = 0;
    int m_plannedEpochs = 0; // of the run going (0: a stored run)
    bool m_stamp = true;     // false while a stored run is replayed
    std::vector<QObject *> m_markers;
};

} // namespace visor
