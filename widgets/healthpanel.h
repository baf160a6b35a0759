#pragma once
/// The data set's health: class balance (bars stacked by split), the box-size distribution and the
/// engine's warnings. Clicking a warning asks the grid to show the examples concerned.

#include "project/statistics.h"

#include <QSet>
#include <QWidget>

class QComboBox;
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
    /// The class-balance bars' totals per class, as drawn (objects or images).
    const std::vector<double> &balanceTotals() const { return m_totals; }

Q_SIGNALS:
    void warningActivated(const QSet<qint64> &examples, const QString &message);

private:
    void drawBalance();
    DatasetStatistics m_statistics;
    std::vector<double> m_totals;
    QComboBox *m_count = nullptr;
    QLabel *m_summary = nullptr;
    QCustomPlot *m_balance = nullptr, *m_sizes = nullptr;
    QListWidget *m_warnings = nullptr;
    std::vector<HealthWarning> m_shown;
};

} // namespace visor
