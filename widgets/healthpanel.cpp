#include "healthpanel.h"
#include "plotstyle.h"

#include "qcustomplot_p.h"
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>
#include <cmath>

namespace visor {
namespace {
// Splits in shades of one slate hue: class colours (blue, orange, green…) would read as classes.
const QColor kSplitColors[3] = {QColor(52, 73, 94), QColor(127, 140, 141), QColor(189, 195, 199)};
} // namespace

HealthPanel::HealthPanel(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_balance = new QCustomPlot;
    m_balance->setMinimumHeight(180);
    m_balance->legend->setVisible(true);
    m_balance->legend->setFont(QFont(font().family(), 8));
    m_balance->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_balance->legend->setWrap(3);
    // The legend above the bars, not over them.
    m_balance->plotLayout()->insertRow(0);
    m_balance->plotLayout()->addElement(0, 0, m_balance->legend);
    m_balance->plotLayout()->setRowStretchFactor(0, 0.001);
    m_balance->yAxis->setLabel(tr("objects"));
    // Detection counts objects by default (the imbalance warning does; RBC 4153 vs Platelets 361 looked
    // even as images), images on the toggle.
    m_count = new QComboBox;
    m_count->setObjectName(QStringLiteral("balanceCount"));
    m_count->addItem(tr("Objects per class"));
    m_count->addItem(tr("Images per class"));
    connect(m_count, &QComboBox::currentIndexChanged, this, [this] { drawBalance(); });
    applyPalette(m_balance);
    m_sizes = new QCustomPlot;
    applyPalette(m_sizes);
    m_sizes->setMinimumHeight(140);
    m_sizes->xAxis->setLabel(tr("box width (px)"));
    m_sizes->yAxis->setLabel(tr("boxes"));
    m_warnings = new QListWidget;
    m_warnings->setWordWrap(true);
    m_warnings->setToolTip(tr("Click a warning to show the examples concerned"));
    connect(m_warnings, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int i = m_warnings->row(item);
        if (i < 0 || i >= int(m_shown.size()))
            return;
        QSet<qint64> ids;
        for (qint64 id : m_shown[size_t(i)].examples)
            ids.insert(id);
        for (const auto &g : m_shown[size_t(i)].groups)
            for (qint64 id : g)
                ids.insert(id);
        Q_EMIT warningActivated(ids, m_shown[size_t(i)].message);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    auto *balanceHead = new QHBoxLayout;
    balanceHead->addWidget(new QLabel(tr("<b>Class balance</b>")));
    balanceHead->addStretch(1);
    balanceHead->addWidget(m_count);
    layout->addLayout(balanceHead);
    layout->addWidget(m_balance, 3);
    layout->addWidget(new QLabel(tr("<b>Box sizes</b>")));
    layout->addWidget(m_sizes, 2);
    layout->addWidget(new QLabel(tr("<b>Warnings</b>")));
    layout->addWidget(m_warnings, 2);
}

void HealthPanel::show(const DatasetStatistics &st)
{
    m_summary->setText(tr("%1 examples, %2 annotated, %3 not yet; train %4 · validation %5 · test %6")
                           .arg(st.examples)
                           .arg(st.annotated)
                           .arg(st.unlabelled)
                           .arg(st.splits.counts[0])
                           .arg(st.splits.counts[1])
                           .arg(st.splits.counts[2]));
    m_statistics = st;
    m_count->setVisible(st.kind == DatasetKind::ObjectDetection);
    drawBalance();

    // Box sizes: the "width"/"height" histograms are in input pixels; show the area-based side if present.
    m_sizes->clearPlottables();
    const Histogram *h = nullptr;
    for (const Histogram &candidate : st.histograms)
        if (candidate.quantity == QLatin1String("width") && !h)
            h = &candidate;
    m_sizes->setVisible(h != nullptr);
    if (h) {
        // Bins on a doubling scale, the last open-ended: bars by bin with their ranges as labels.
        auto *bars = new QCPBars(m_sizes->xAxis, m_sizes->yAxis);
        bars->setPen(Qt::NoPen);
        bars->setBrush(QColor(108, 117, 125));
        bars->setWidth(0.8);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        QVector<double> x, y;
        double maxCount = 1;
        size_t first = h->counts.size(), last = 0;
        for (size_t i = 0; i < h->counts.size(); ++i)
            if (h->counts[i]) {
                first = std::min(first, i);
                last = i;
            }
        if (first > last)
            first = last = 0;
        first = first > 0 ? first - 1 : 0; // one empty bin either side, for context
        last = std::min(h->counts.size() - 1, last + 1);
        for (size_t i = first; i <= last; ++i) {
            x << double(i);
            y << double(h->counts[i]);
            maxCount = std::max(maxCount, double(h->counts[i]));
            // One bin edge per line ("64–" over "128"): side by side they ran together ("64–128128–256").
            ticker->addTick(double(i), std::isfinite(h->edges[i + 1])
                                           ? QStringLiteral("%1–\n%2").arg(h->edges[i]).arg(h->edges[i + 1])
                                           : QStringLiteral("≥%1").arg(h->edges[i]));
        }
        bars->setData(x, y);
        m_sizes->xAxis->setTicker(ticker);
        m_sizes->xAxis->setTickLabelRotation(0);
        m_sizes->xAxis->setRange(double(first) - 0.6, double(last) + 0.6);
        m_sizes->yAxis->setRange(0, maxCount * 1.1);
        m_sizes->replot();
    }

    m_warnings->clear();
    m_shown = st.warnings;
    for (const HealthWarning &w : st.warnings) {
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxWarning), w.message);
        item->setToolTip(w.examples.empty() && w.groups.empty()
                             ? w.message
                             : tr("%1\nClick to show the examples concerned.").arg(w.message));
        m_warnings->addItem(item);
    }
    if (st.warnings.empty())
        m_warnings->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                                tr("No warnings: the data set looks healthy.")));
}

void HealthPanel::drawBalance()
{
    // Class balance: one bar per class, stacked train / val / test.
    const DatasetStatistics &st = m_statistics;
    const bool objects = st.kind == DatasetKind::ObjectDetection && m_count->currentIndex() == 0;
    m_balance->yAxis->setLabel(objects ? tr("objects") : tr("images"));
    m_balance->clearPlottables();
    QVector<double> ticks;
    QVector<QString> labels;
    for (size_t i = 0; i < st.classes.size(); ++i) {
        ticks << double(i + 1);
        labels << st.classes[i].info.name;
    }
    auto textTicker = QSharedPointer<QCPAxisTickerText>::create();
    textTicker->addTicks(ticks, labels);
    m_balance->xAxis->setTicker(textTicker);
    m_balance->xAxis->setTickLabelRotation(labels.size() > 6 ? 45 : 0);
    const QString names[3] = {tr("train"), tr("validation"), tr("test")};
    QCPBars *below = nullptr;
    double top = 1;
    m_totals.clear();
    for (int s = 0; s < 3; ++s) {
        auto *bars = new QCPBars(m_balance->xAxis, m_balance->yAxis);
        bars->setName(names[s]);
        bars->setPen(Qt::NoPen);
        bars->setBrush(kSplitColors[s]);
        bars->setWidth(0.6);
        QVector<double> values;
        for (const auto &c : st.classes)
            values << double((objects ? c.boxes : c.examples).counts[size_t(s)]);
        bars->setData(ticks, values);
        if (below)
            bars->moveAbove(below);
        below = bars;
    }
    for (const auto &c : st.classes) {
        m_totals.push_back(double((objects ? c.boxes : c.examples).total()));
        top = std::max(top, m_totals.back());
    }
    m_balance->xAxis->setRange(0.3, double(st.classes.size()) + 0.7);
    m_balance->yAxis->setRange(0, top * 1.1);
    m_balance->replot();
}

void HealthPanel::clear()
{
    m_summary->clear();
    m_statistics = DatasetStatistics();
    m_totals.clear();
    m_shown.clear();
    m_warnings->clear();
    for (QCustomPlot *plot : {m_balance, m_sizes}) {
        plot->clearPlottables();
        plot->replot();
    }
}

int HealthPanel::warningCount() const
{
    return int(m_shown.size());
}

} // namespace visor
