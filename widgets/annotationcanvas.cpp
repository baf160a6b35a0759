#include "annotationcanvas.h"

#include "annotationdocument.h"
#include "labelchip.h"
#include <algorithm>

#include <QGraphicsPixmapItem>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace visor {
namespace {
constexpr double kHandlePixels = 5; // handle half-size on screen, whatever the zoom
constexpr double kMinSide = 2;      // a drawn box smaller than this (image pixels) is a click, not a box
} // namespace

AnnotationCanvas::AnnotationCanvas(AnnotationDocument *document, QWidget *parent)
    : QGraphicsView(parent), m_document(document)
{
    setScene(new QGraphicsScene(this));
    m_pixmap = scene()->addPixmap(QPixmap());
    m_pixmap->setTransformationMode(Qt::SmoothTransformation);
    setBackgroundBrush(QColor(40, 40, 40));
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate); // boxes are drawn in the foreground
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    connect(document, &AnnotationDocument::changed, this, [this] {
        // A selection that no longer exists is cleared, never moved to a neighbour: a second Del would
        // delete a box the user never picked.
        if (m_selected >= int(m_document->boxes().size()))
            setSelected(-1);
        viewport()->update();
    });
}

void AnnotationCanvas::setImage(const QImage &image)
{
    m_pixmap->setPixmap(QPixmap::fromImage(image));
    m_imageSize = image.size();
    scene()->setSceneRect(QRectF(QPointF(0, 0), QSizeF(image.size())));
    m_live.reset();
    m_drag = Drag::None;
    setSelected(-1);
    if (m_fitted)
        fitToWindow();
    viewport()->update();
}

void AnnotationCanvas::setClasses(const std::vector<ClassInfo> &classes)
{
    m_classes = classes;
    viewport()->update();
}

void AnnotationCanvas::setDrawMode(bool on)
{
    m_drawMode = on;
    viewport()->setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
}

void AnnotationCanvas::setSelected(int index)
{
    if (index == m_selected)
        return;
    m_selected = index;
    viewport()->update();
    Q_EMIT selectionChanged(index);
}

double AnnotationCanvas::zoom() const
{
    return transform().m11();
}

void AnnotationCanvas::fitToWindow()
{
    if (m_imageSize.isEmpty())
        return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    m_fitted = true;
}

void AnnotationCanvas::actualSize()
{
    setTransform(QTransform());
    m_fitted = false;
}

void AnnotationCanvas::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitToWindow();
}

QColor AnnotationCanvas::colorOf(qint64 classId) const
{
    for (const ClassInfo &c : m_classes)
        if (c.id == classId)
            return QColor(c.color);
    return QColor(255, 255, 0);
}

void AnnotationCanvas::drawForeground(QPainter *painter, const QRectF &)
{
    const double s = 1.0 / std::max(1e-6, zoom()); // one screen pixel in image pixels
    const auto &boxes = m_document->boxes();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < int(boxes.size()); ++i) {
        visor::Box b = boxes[size_t(i)];
        if (m_live && i == m_selected && m_drag != Drag::Create)
            b = *m_live;
        const QColor c = colorOf(b.classId);
        painter->setPen(QPen(c, (i == m_selected ? 3 : 2) * s));
        QColor fill = c;
        fill.setAlpha(i == m_selected ? 50 : 25);
        painter->setBrush(fill);
        painter->drawRect(rectOf(b));
        if (m_labels) {
            QString name;
            for (const ClassInfo &ci : m_classes)
                if (ci.id == b.classId)
                    name = ci.name;
            painter->setFont(font());
            drawLabelChip(*painter, QPointF(b.x1, b.y1), name, c, s, 9);
        }
        if (i == m_selected) { // handles: corners and edge midpoints
            const QRectF r = rectOf(b);
            const QPointF points[8] = {r.topLeft(),     QPointF(r.center().x(), r.top()),
                                       r.topRight(),    QPointF(r.right(), r.center().y()),
                                       r.bottomRight(), QPointF(r.center().x(), r.bottom()),
                                       r.bottomLeft(),  QPointF(r.left(), r.center().y())};
            painter->setPen(QPen(Qt::black, s));
            painter->setBrush(Qt::white);
            for (const QPointF &p : points)
                painter->drawRect(QRectF(p - QPointF(kHandlePixels * s, kHandlePixels * s),
                                         QSizeF(2 * kHandlePixels * s, 2 * kHandlePixels * s)));
        }
    }
    for (const ShownPrediction &p : m_predictions) { // the model's answer: dashed, blue right, red wrong
        const QColor c = p.right ? QColor(50, 140, 255) : QColor(230, 40, 60);
        painter->setPen(QPen(c, 2 * s, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rectOf(p.box));
        if (m_labels) {
            QString name;
            for (const ClassInfo &ci : m_classes)
                if (ci.id == p.box.classId)
                    name = ci.name;
            painter->setFont(font());
            drawLabelChip(*painter, QPointF(p.box.x1, p.box.y2),
                          tr("%1 %L2 (predicted)").arg(name).arg(p.score, 0, 'f', 2), c, s, 8);
        }
    }
    const auto &proposals = m_document->proposals();
    std::vector<int> order = shownProposals(); // the selected one last: its label on top
    std::stable_partition(order.begin(), order.end(), [this](int i) { return i != m_selectedProposal; });
    for (int i : order) { // a model's proposals: dotted, the class's colour, thicker when selected
        const ModelProposal &p = proposals[size_t(i)];
        if (!p.hasBox)
            continue;
        const QColor c = colorOf(p.classId);
        painter->setPen(QPen(c, (i == m_selectedProposal ? 3 : 1.5) * s, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(QPointF(p.x1, p.y1), QPointF(p.x2, p.y2)));
        if (m_labels || i == m_selectedProposal) {
            QString name;
            for (const ClassInfo &ci : m_classes)
                if (ci.id == p.classId)
                    name = ci.name;
            painter->setFont(font());
            drawLabelChip(*painter, QPointF(p.x1, p.y2), tr("%1 %L2 (proposal)").arg(name).arg(p.score, 0, 'f', 2), c,
                          s, 8);
        }
    }
    if (m_live && m_drag == Drag::Create) {
        painter->setPen(QPen(colorOf(m_currentClass), 2 * s, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rectOf(*m_live).normalized());
    }
}

void AnnotationCanvas::setPredictions(const std::vector<ShownPrediction> &predictions)
{
    m_predictions = predictions;
    viewport()->update();
}

void AnnotationCanvas::setProposalView(double threshold, int selected)
{
    m_proposalThreshold = threshold;
    m_selectedProposal = selected;
    viewport()->update();
}

std::vector<int> AnnotationCanvas::shownProposals() const
{
    std::vector<int> out;
    const auto &proposals = m_document->proposals();
    for (int i = 0; i < int(proposals.size()); ++i)
        if (proposals[size_t(i)].score >= m_proposalThreshold)
            out.push_back(i);
    return out;
}

void AnnotationCanvas::setLabelsShown(bool on)
{
    m_labels = on;
    viewport()->update();
}

int AnnotationCanvas::boxAt(const QPointF &p) const
{
    // The smallest box under the point: nested boxes stay reachable.
    int best = -1;
    double bestArea = 0;
    const auto &boxes = m_document->boxes();
    for (int i = 0; i < int(boxes.size()); ++i) {
        const QRectF r = rectOf(boxes[size_t(i)]);
        if (r.contains(p) && (best < 0 || r.width() * r.height() < bestArea)) {
            best = i;
            bestArea = r.width() * r.height();
        }
    }
    return best;
}

int AnnotationCanvas::handleAt(const QPointF &p) const
{
    if (m_selected < 0 || m_selected >= int(m_document->boxes().size()))
        return -1;
    const QRectF r = rectOf(m_document->boxes()[size_t(m_selected)]);
    const QPointF points[8] = {
        r.topLeft(),     QPointF(r.center().x(), r.top()),    r.topRight(),   QPointF(r.right(), r.center().y()),
        r.bottomRight(), QPointF(r.center().x(), r.bottom()), r.bottomLeft(), QPointF(r.left(), r.center().y())};
    const double reach = (kHandlePixels + 2) / std::max(1e-6, zoom());
    for (int h = 0; h < 8; ++h)
        if (std::abs(points[h].x() - p.x()) <= reach && std::abs(points[h].y() - p.y()) <= reach)
            return h;
    return -1;
}

QPointF AnnotationCanvas::clampToImage(QPointF p) const
{
    return QPointF(std::clamp(p.x(), 0.0, double(m_imageSize.width())),
                   std::clamp(p.y(), 0.0, double(m_imageSize.height())));
}

void AnnotationCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    if (event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        m_panStart = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton || m_imageSize.isEmpty() ||
        m_document->project().kind() != DatasetKind::ObjectDetection)
        return;
    const QPointF p = mapToScene(event->pos());
    m_start = p;
    ++m_gesture;
    if (!m_drawMode) {
        if (const int h = handleAt(p); h >= 0) {
            m_drag = Drag::Resize;
            m_handle = h;
            m_live = m_document->boxes()[size_t(m_selected)];
            return;
        }
        if (const int i = boxAt(p); i >= 0) {
            setSelected(i);
            m_drag = Drag::Move;
            m_live = m_document->boxes()[size_t(i)];
            return;
        }
    }
    m_drag = Drag::Create;
    const QPointF c = clampToImage(p);
    m_live = visor::Box{0, m_currentClass, float(c.x()), float(c.y()), float(c.x()), float(c.y())};
}

void AnnotationCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Pan) {
        const QPoint d = event->pos() - m_panStart;
        m_panStart = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        return;
    }
    const QPointF p = mapToScene(event->pos());
    if (m_drag == Drag::None) {
        const int h = handleAt(p);
        viewport()->setCursor(m_drawMode           ? Qt::CrossCursor
                              : (h == 0 || h == 4) ? Qt::SizeFDiagCursor
                              : (h == 2 || h == 6) ? Qt::SizeBDiagCursor
                              : (h == 1 || h == 5) ? Qt::SizeVerCursor
                              : (h == 3 || h == 7) ? Qt::SizeHorCursor
                              : boxAt(p) >= 0      ? Qt::SizeAllCursor
                                                   : Qt::CrossCursor);
        return;
    }
    updateDrag(p);
}

void AnnotationCanvas::updateDrag(const QPointF &p)
{
    if (!m_live)
        return;
    const QPointF c = clampToImage(p);
    if (m_drag == Drag::Create) {
        m_live->x2 = float(c.x());
        m_live->y2 = float(c.y());
    } else if (m_drag == Drag::Move) {
        const visor::Box &orig = m_document->boxes()[size_t(m_selected)];
        // Whole-box move, kept inside the image.
        const double dx = std::clamp(p.x() - m_start.x(), -double(orig.x1), m_imageSize.width() - double(orig.x2));
        const double dy = std::clamp(p.y() - m_start.y(), -double(orig.y1), m_imageSize.height() - double(orig.y2));
        *m_live = orig;
        m_live->x1 = float(orig.x1 + dx);
        m_live->x2 = float(orig.x2 + dx);
        m_live->y1 = float(orig.y1 + dy);
        m_live->y2 = float(orig.y2 + dy);
    } else if (m_drag == Drag::Resize) {
        const int h = m_handle;
        if (h == 0 || h == 6 || h == 7)
            m_live->x1 = float(c.x());
        if (h == 2 || h == 3 || h == 4)
            m_live->x2 = float(c.x());
        if (h == 0 || h == 1 || h == 2)
            m_live->y1 = float(c.y());
        if (h == 4 || h == 5 || h == 6)
            m_live->y2 = float(c.y());
    }
    viewport()->update();
}

void AnnotationCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Pan) {
        m_drag = Drag::None;
        viewport()->setCursor(m_drawMode ? Qt::CrossCursor : Qt::ArrowCursor);
        return;
    }
    if (event->button() != Qt::LeftButton || m_drag == Drag::None || !m_live) {
        m_drag = Drag::None;
        return;
    }
    updateDrag(mapToScene(event->pos())); // the release point ends the gesture
    visor::Box b = *m_live;
    if (b.x1 > b.x2)
        std::swap(b.x1, b.x2);
    if (b.y1 > b.y2)
        std::swap(b.y1, b.y2);
    const Drag drag = m_drag;
    m_drag = Drag::None;
    m_live.reset();
    if (drag == Drag::Create) {
        if (b.width() >= kMinSide && b.height() >= kMinSide && m_currentClass > 0) {
            m_document->addBox(b);
            setSelected(int(m_document->boxes().size()) - 1);
        } else if (b.width() < kMinSide && b.height() < kMinSide) {
            setSelected(-1); // a click on empty space clears the selection
        }
    } else if (b.width() >= kMinSide && b.height() >= kMinSide) {
        m_document->setBox(m_selected, b, m_gesture);
    }
    viewport()->update();
}

void AnnotationCanvas::keyPressEvent(QKeyEvent *event)
{
    event->ignore();
}

void AnnotationCanvas::wheelEvent(QWheelEvent *event)
{
    const double factor = std::pow(1.0015, event->angleDelta().y());
    const double next = zoom() * factor;
    if (next < 0.02 || next > 64)
        return;
    scale(factor, factor);
    m_fitted = false;
}

} // namespace visor
