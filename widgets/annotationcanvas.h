#pragma once
/// The annotation canvas: the image with its boxes over a QGraphicsView, in image pixels. Zoom with the
/// wheel (around the cursor), fit and 1:1; pan with the middle button or the scroll bars. Detection:
/// drag on empty space (or anywhere after W) to draw a box; drag a box to move it, its handles to
/// resize it. Edits become commands of the AnnotationDocument when the mouse is released.

#include "project/types.h"

#include <QGraphicsView>
#include <optional>

class QGraphicsPixmapItem;

namespace visor {

class AnnotationDocument;

/// A model's prediction as the annotator shows it over an image (dashed, not editable).
struct ShownPrediction {
    Box box; // the project's class id, image pixels
    float score = 0;
    bool right = false; // matches an annotated object (IoU ≥ 0.5, same class)
};

class AnnotationCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit AnnotationCanvas(AnnotationDocument *document, QWidget *parent = nullptr);

    void setImage(const QImage &image);
    void setClasses(const std::vector<ClassInfo> &classes);
    void setCurrentClass(qint64 classId) { m_currentClass = classId; }
    qint64 currentClass() const { return m_currentClass; }
    void setDrawMode(bool on);
    bool drawMode() const { return m_drawMode; }

    /// A model's predictions over the image (dashed, not editable); empty for none.
    void setPredictions(const std::vector<ShownPrediction> &predictions);
    int predictionCount() const { return int(m_predictions.size()); }
    /// Class names on the boxes (key L toggles them on busy images).
    void setLabelsShown(bool on);
    bool labelsShown() const { return m_labels; }

    /// The document's proposals at or above `threshold` are drawn (dotted, in their class's colour, with
    /// their score); `selected` (an index into the document's proposals) is drawn thicker.
    void setProposalView(double threshold, int selected);
    /// Indexes of the document's proposals shown at the current threshold.
    std::vector<int> shownProposals() const;

    int selected() const { return m_selected; }
    void setSelected(int index);
    double zoom() const;

public Q_SLOTS:
    void fitToWindow();
    void actualSize();

Q_SIGNALS:
    void selectionChanged(int index);

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override; // left to the annotator (arrows must not scroll)

private:
    enum class Drag { None, Create, Move, Resize, Pan };
    int boxAt(const QPointF &p) const;
    int handleAt(const QPointF &p) const; // 0..7 of the selected box, -1 none
    QRectF rectOf(const visor::Box &b) const { return QRectF(QPointF(b.x1, b.y1), QPointF(b.x2, b.y2)); }
    QColor colorOf(qint64 classId) const;
    QPointF clampToImage(QPointF p) const;
    void updateDrag(const QPointF &scenePoint);

    AnnotationDocument *m_document;
    std::vector<ShownPrediction> m_predictions;
    double m_proposalThreshold = 0;
    int m_selectedProposal = -1;
    bool m_labels = true;
    QGraphicsPixmapItem *m_pixmap = nullptr;
    QSize m_imageSize;
    std::vector<ClassInfo> m_classes;
    qint64 m_currentClass = 0;
    bool m_drawMode = false, m_fitted = true;
    int m_selected = -1;
    Drag m_drag = Drag::None;
    int m_handle = -1;
    QPointF m_start;
    QPoint m_panStart;
    std::optional<visor::Box> m_live; // the box being drawn, moved or resized
    int m_gesture = 0;
};

} // namespace visor
