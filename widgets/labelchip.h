#pragma once
/// A box's label as a chip: the text on a filled rectangle of the class colour, readable on busy
/// images (small coloured text was not). `unit` is one screen pixel in the painter's coordinates.

#include <QColor>
#include <QPointF>
#include <QString>

class QPainter;

namespace visor {

/// Draws the chip with its bottom-left at `anchor` (above the box), or inside the box's top when there
/// is no room above (`top` is the upper edge of the picture). Returns nothing; the text is black or
/// white, whichever reads better on `color`.
void drawLabelChip(QPainter &painter, const QPointF &anchor, const QString &text, const QColor &color, double unit = 1,
                   double pointSize = 8, double top = 0);

} // namespace visor
