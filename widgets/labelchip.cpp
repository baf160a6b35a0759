#include "labelchip.h"

#include <QFontMetricsF>
#include <QPainter>

namespace visor {

void drawLabelChip(QPainter &painter, const QPointF &anchor, const QString &text, const QColor &color, double unit,
                   double pointSize, double top)
{
    if (text.isEmpty())
        return;
    painter.save();
    QFont f = painter.font();
    f.setPointSizeF(pointSize); // measured at screen size, drawn scaled by `unit`
    const QFontMetricsF metrics(f);
    const double padding = 2;
    const QSizeF size((metrics.horizontalAdvance(text) + 2 * padding) * unit, (metrics.height() + padding) * unit);
    QPointF corner(anchor.x(), anchor.y() - size.height());
    if (corner.y() < top)
        corner.setY(anchor.y()); // no room above the box: inside its top edge
    const QRectF chip(corner, size);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRect(chip);
    // Relative luminance (sRGB weights): dark text on light chips, white on dark ones.
    const double luminance = 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF();
    painter.setPen(luminance > 0.55 ? Qt::black : Qt::white);
    painter.translate(chip.topLeft());
    painter.scale(unit, unit);
    painter.setFont(f);
    painter.drawText(QRectF(padding, 0, size.width() / unit - padding, size.height() / unit),
                     Qt::AlignVCenter | Qt::AlignLeft, text);
    painter.restore();
}

} // namespace visor
