#pragma once
/// The data set's health: class balance (bars stacked by split), the box-size distribution and the
/// engine's warnings. Clicking a warning asks the grid to show the examples concerned.

#include "project/statistics.h"

#include <QSet>
#include <QWidget>

class QCustomPlot;
class QListWidget;
class QLabel;

namespace visor {

class HealthPanel : public QWidget {
    Q_OBJECT
public:
    explicit HealthPanel(QWidget *parent = nullptr);
    void show(const DatasetStatistics &statistics);
    void clear(); // no project, or its statistics still coming
    int warningCount() const;

Q_SIGNALS:
    void warningActivated(const QSet<qint64> &examples, const QString &message);

private:
    QLabel *m_summary = nullptr;
    QCustomPlot *m_balance = nullptr, *m_sizes = nullptr;
    QListWidget *m_warnings = nullptr;
    std::vector<HealthWarning> m_shown;
};

} // namespace visor
