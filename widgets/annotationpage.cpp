#include "annotationpage.h"
#include "annotationcanvas.h"
#include "annotationdocument.h"
#include "classmanager.h"
#include "imagedecode.h"
#include <QMessageBox>

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace visor {

AnnotationPage::AnnotationPage(QWidget *parent) : QWidget(parent)
{
    m_classes = new QListWidget;
    m_classes->setMaximumWidth(220);
    m_classes->setIconSize(QSize(14, 14));
    m_classes->setFocusPolicy(Qt::NoFocus);
    connect(m_classes, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { chooseClass(m_classes->row(item)); });
    m_status = new QLabel;
    m_canvasHolder = new QWidget;
    new QVBoxLayout(m_canvasHolder);
    m_canvasHolder->layout()->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("◀ Grid"), this, &AnnotationPage::closed)->setToolTip(tr("Back to the thumbnail grid (Esc)"));
    bar->addSeparator();
    bar->addAction(tr("Previous"), this, &AnnotationPage::previous)->setToolTip(tr("Previous image (A, Left)"));
    bar->addAction(tr("Next"), this, &AnnotationPage::next)->setToolTip(tr("Next image (D, Right)"));
    bar->addSeparator();
    auto *draw = bar->addAction(tr("Draw box"));
    draw->setToolTip(tr("Draw boxes even over existing ones (W)"));
    draw->setCheckable(true);
    connect(draw, &QAction::toggled, this, [this](bool on) {
        if (m_canvas)
            m_canvas->setDrawMode(on);
    });
    bar->addAction(tr("Delete box"), this, &AnnotationPage::deleteSelected)
        ->setToolTip(tr("Delete the selected box (Del)"));
    bar->addAction(tr("Copy previous"), this, &AnnotationPage::copyPreviousBoxes)
        ->setToolTip(tr("Replace this image's boxes with the previous image's (C)"));
    m_undoPlace = bar->addSeparator(); // undo and redo go here once a project is set
    bar->addAction(tr("Fit"), this,
                   [this] {
                       if (m_canvas)
                           m_canvas->fitToWindow();
                   })
        ->setToolTip(tr("Fit to the window (F)"));
    bar->addAction(tr("1:1"), this,
                   [this] {
                       if (m_canvas)
                           m_canvas->actualSize();
                   })
        ->setToolTip(tr("Actual size (Ctrl+0)"));
    bar->addSeparator();
    bar->addAction(tr("Classes…"), this, [this] {
        if (!m_project)
            return;
        ClassManager manager(*m_project, this);
        connect(&manager, &ClassManager::classesChanged, this, &AnnotationPage::reloadClasses);
        manager.exec();
        Q_EMIT annotationsEdited();
    });
    m_toolbar = bar;

    auto *side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("<b>Class</b> (keys 1–9)")));
    side->addWidget(m_classes, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_canvasHolder, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addLayout(row, 1);
    layout->addWidget(m_status);
}

AnnotationPage::~AnnotationPage() = default;

void AnnotationPage::setProject(Project *project)
{
    delete m_canvas;
    m_canvas = nullptr;
    m_document.reset();
    m_project = project;
    m_ids.clear();
    m_index = -1;
    if (!project)
        return;
    m_document = std::make_unique<AnnotationDocument>(*project);
    connect(m_document.get(), &AnnotationDocument::changed, this, [this] {
        updateStatus();
        Q_EMIT annotationsEdited();
    });
    connect(m_document.get(), &AnnotationDocument::saveFailed, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("Annotation"), message); });
    m_canvas = new AnnotationCanvas(m_document.get());
    connect(m_canvas, &AnnotationCanvas::selectionChanged, this, &AnnotationPage::showSelectedClass);
    m_canvasHolder->layout()->addWidget(m_canvas);
    // Fixed texts, the step in the tooltip: QUndoGroup's own actions rename themselves ("Undo Change box
    // class"), the toolbar changed width, and a click where Redo had been hit Copy previous.
    QUndoGroup *group = m_document->undoGroup();
    auto *undo = new QAction(tr("Undo"), this);
    auto *redo = new QAction(tr("Redo"), this);
    connect(undo, &QAction::triggered, group, &QUndoGroup::undo);
    connect(redo, &QAction::triggered, group, &QUndoGroup::redo);
    connect(group, &QUndoGroup::canUndoChanged, undo, &QAction::setEnabled);
    connect(group, &QUndoGroup::canRedoChanged, redo, &QAction::setEnabled);
    connect(group, &QUndoGroup::undoTextChanged, undo,
            [undo](const QString &step) { undo->setToolTip(step.isEmpty() ? tr("Undo") : tr("Undo: %1").arg(step)); });
    connect(group, &QUndoGroup::redoTextChanged, redo,
            [redo](const QString &step) { redo->setToolTip(step.isEmpty() ? tr("Redo") : tr("Redo: %1").arg(step)); });
    undo->setEnabled(group->canUndo());
    redo->setEnabled(group->canRedo());
    undo->setShortcut(QKeySequence::Undo);
    // The platform's redo keys plus Ctrl+Shift+Z and Ctrl+Y, each once: one key listed twice on an action
    // is an "ambiguous shortcut" to Qt, and then it never fires.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &k : {QKeySequence(QStringLiteral("Ctrl+Shift+Z")), QKeySequence(QStringLiteral("Ctrl+Y"))})
        if (!redoKeys.contains(k))
            redoKeys << k;
    redo->setShortcuts(redoKeys);
    for (QAction *a : m_undoActions) {
        m_toolbar->removeAction(a);
        delete a;
    }
    m_undoActions = {undo, redo};
    m_toolbar->insertActions(m_undoPlace, {undo, redo});
    reloadClasses();
}

void AnnotationPage::reloadClasses()
{
    if (!m_project)
        return;
    const auto classes = m_project->classes();
    const int current = std::max(0, m_classes->currentRow());
    m_classes->clear();
    for (size_t i = 0; i < classes.size(); ++i) {
        QPixmap swatch(14, 14);
        swatch.fill(QColor(classes[i].color));
        auto *item = new QListWidgetItem(QIcon(swatch), i < 9 ? QStringLiteral("%1  %2").arg(i + 1).arg(classes[i].name)
                                                              : classes[i].name);
        item->setData(Qt::UserRole, classes[i].id);
        m_classes->addItem(item);
    }
    if (m_canvas)
        m_canvas->setClasses(classes);
    if (!classes.empty()) {
        m_classes->setCurrentRow(std::min(current, int(classes.size()) - 1));
        if (m_canvas)
            m_canvas->setCurrentClass(m_classes->currentItem()->data(Qt::UserRole).toLongLong());
    }
    updateStatus();
}

void AnnotationPage::open(const std::vector<qint64> &ids, int index)
{
    m_ids = ids;
    showExample(index);
    if (m_canvas)
        m_canvas->setFocus();
}

qint64 AnnotationPage::currentExample() const
{
    return m_index >= 0 && m_index < int(m_ids.size()) ? m_ids[size_t(m_index)] : 0;
}

void AnnotationPage::showExample(int index)
{
    if (!m_document || index < 0 || index >= int(m_ids.size()))
        return;
    m_index = index;
    const auto example = m_project->example(m_ids[size_t(index)]);
    if (!example)
        return;
    const QImage image = loadDisplayImage(m_project->imagePath(*example)); // oriented as the boxes are
    m_document->load(example->id);
    m_canvas->setImage(image.isNull() ? QImage(example->width, example->height, QImage::Format_RGB32) : image);
    if (image.isNull())
        m_status->setText(tr("%1 cannot be read (missing, or not an image any more)").arg(example->fileName));
    updateStatus();
}

void AnnotationPage::updateStatus()
{
    if (!m_document || m_index < 0)
        return;
    const auto example = m_project->example(currentExample());
    if (!example)
        return;
    QString what;
    if (m_project->kind() == DatasetKind::ObjectDetection) {
        what = tr("%n box(es)", nullptr, int(m_document->boxes().size()));
    } else {
        QString name = tr("no class yet");
        for (const ClassInfo &c : m_project->classes())
            if (c.id == m_document->state().label)
                name = c.name;
        what = tr("class: %1").arg(name);
    }
    m_status->setText(tr("Image %1 of %2 · %3 · %4 × %5 px · %6%7")
                          .arg(m_index + 1)
                          .arg(m_ids.size())
                          .arg(example->fileName)
                          .arg(example->width)
                          .arg(example->height)
                          .arg(what)
                          .arg(m_document->state().labelled ? QString() : tr(" · not annotated yet")));
}

void AnnotationPage::next()
{
    showExample(std::min(m_index + 1, int(m_ids.size()) - 1));
}

void AnnotationPage::previous()
{
    showExample(std::max(m_index - 1, 0));
}

void AnnotationPage::chooseClass(int position)
{
    if (!m_document || position < 0 || position >= m_classes->count())
        return;
    m_classes->setCurrentRow(position);
    const qint64 id = m_classes->item(position)->data(Qt::UserRole).toLongLong();
    m_canvas->setCurrentClass(id);
    if (m_project->kind() == DatasetKind::Classification)
        m_document->setImageLabel(id);
    else if (m_canvas->selected() >= 0)
        m_document->setBoxClass(m_canvas->selected(), id);
}

void AnnotationPage::deleteSelected()
{
    if (!m_canvas || m_canvas->selected() < 0)
        return;
    const int index = m_canvas->selected();
    m_canvas->setSelected(-1); // the next box is not selected in its place
    m_document->removeBox(index);
}

// The class list shows the selected box's class, or with no selection the class new boxes get.
void AnnotationPage::showSelectedClass(int index)
{
    const qint64 id = index >= 0 && index < int(m_document->boxes().size()) ? m_document->boxes()[size_t(index)].classId
                                                                            : m_canvas->currentClass();
    for (int row = 0; row < m_classes->count(); ++row)
        if (m_classes->item(row)->data(Qt::UserRole).toLongLong() == id) {
            const QSignalBlocker blocker(m_classes);
            m_classes->setCurrentRow(row);
        }
}

void AnnotationPage::copyPreviousBoxes()
{
    if (!m_document || m_index <= 0 || m_project->kind() != DatasetKind::ObjectDetection)
        return;
    const auto previous = m_project->example(m_ids[size_t(m_index - 1)]);
    const auto current = m_project->example(currentExample());
    if (!previous || !current)
        return;
    // Scaled when the sizes differ (frames of one video share a size; photos may not).
    const double sx = double(current->width) / std::max(1, previous->width),
                 sy = double(current->height) / std::max(1, previous->height);
    // Added to what the image has (undoable in one step); a box the image already has is not doubled.
    std::vector<Box> boxes = m_document->boxes();
    const size_t had = boxes.size();
    for (Box b : m_project->boxes(previous->id)) {
        b.id = 0;
        b.x1 = float(b.x1 * sx);
        b.x2 = float(b.x2 * sx);
        b.y1 = float(b.y1 * sy);
        b.y2 = float(b.y2 * sy);
        const bool known = std::any_of(boxes.begin(), boxes.begin() + long(had), [&b](const Box &o) {
            return o.classId == b.classId && o.x1 == b.x1 && o.y1 == b.y1 && o.x2 == b.x2 && o.y2 == b.y2;
        });
        if (!known)
            boxes.push_back(b);
    }
    if (boxes.size() > had)
        m_document->replaceBoxes(boxes, tr("Copy the previous image's boxes"));
}

void AnnotationPage::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        if (key == Qt::Key_0 && m_canvas) {
            m_canvas->actualSize();
            return;
        }
        // Reached when the undo actions' shortcuts are not active (the window is not shown yet).
        if (key == Qt::Key_Z && m_document && m_document->undoStack()) {
            if (event->modifiers() & Qt::ShiftModifier)
                m_document->undoStack()->redo();
            else
                m_document->undoStack()->undo();
            return;
        }
        QWidget::keyPressEvent(event);
        return;
    }
    if (key >= Qt::Key_1 && key <= Qt::Key_9) {
        chooseClass(key - Qt::Key_1);
    } else if (key == Qt::Key_D || key == Qt::Key_Right) {
        next();
    } else if (key == Qt::Key_A || key == Qt::Key_Left) {
        previous();
    } else if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
        deleteSelected();
    } else if (key == Qt::Key_W && m_canvas) {
        m_canvas->setDrawMode(!m_canvas->drawMode());
    } else if (key == Qt::Key_C) {
        copyPreviousBoxes();
    } else if (key == Qt::Key_F && m_canvas) {
        m_canvas->fitToWindow();
    } else if (key == Qt::Key_Escape) {
        Q_EMIT closed();
    } else {
        QWidget::keyPressEvent(event);
    }
}

} // namespace visor
