#include "plotstyle.h"

#include "qcustomplot_p.h"
#include <cmath>
#include <limits>

namespace visor {

void legendBelow(QCustomPlot *plot)
{
    QCPLegend *legend = plot->legend;
    if (legend->layout() == plot->axisRect()->insetLayout())
        plot->axisRect()->insetLayout()->take(legend);
    else if (legend->layout())
        return; // already outside
    plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, legend);
    plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
    plot->plotLayout()->simplify();
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(4);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setMargins(QMargins(4, 0, 4, 2));
    legend->setVisible(true);
}

void scaleValueAxis(QCustomPlot *plot, bool fromZero, double minSpan, double cap)
{
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (int g = 0; g < plot->graphCount(); ++g)
        for (auto it = plot->graph(g)->data()->constBegin(); it != plot->graph(g)->data()->constEnd(); ++it)
            if (std::isfinite(it->value)) {
                low = std::min(low, it->value);
                high = std::max(high, it->value);
            }
    if (!std::isfinite(high)) { // no data yet
        plot->yAxis->setRange(0, cap > 0 ? cap : 1);
        return;
    }
    low = fromZero ? std::min(0.0, low) : low;
    double span = std::max(minSpan, high - low);
    double top = low + span * 1.15;
    if (cap > 0 && top > cap * 1.05)
        top = cap * 1.05;
    double bottom = fromZero ? low : low - span * 0.1;
    plot->yAxis->setRange(bottom, top);
}

void applyPalette(QCustomPlot *plot)
{
    const QPalette p = plot->palette();
    // The active colours: a plot on a page without a project (disabled) would take the grey ones.
    const QColor text = p.color(QPalette::Active, QPalette::WindowText),
                 base = p.color(QPalette::Active, QPalette::Base);
    QColor grid = text;
    grid.setAlpha(40);
    plot->setBackground(base);
    plot->axisRect()->setBackground(base);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setTextColor(text);
    plot->legend->setBrush(Qt::NoBrush);
}

} // namespace visor
