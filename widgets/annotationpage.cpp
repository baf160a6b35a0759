#include "annotationpage.h"
#include "annotationcanvas.h"
#include "annotationdocument.h"
#include "classmanager.h"
#include "imagedecode.h"
#include "project/proposals.h"
#include "shortcuts.h"
#include <QHBoxLayout>
#include <QLocale>
#include <QMessageBox>
#include <QSlider>
#include <cmath>
#include <set>

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
    m_classes->setMaximumWidth(170);
    m_classes->setIconSize(QSize(14, 14));
    m_classes->setFocusPolicy(Qt::NoFocus);
    connect(m_classes, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { chooseClass(m_classes->row(item)); });
    m_status = new QLabel;
    m_canvasHolder = new QWidget;
    new QVBoxLayout(m_canvasHolder);
    m_canvasHolder->layout()->setContentsMargins(0, 0, 0, 0);

    // Every key is an action of the page (the toolbar shows some of them): one source for the keys, the
    // tooltips and the F1 sheet, which lists the actions of each page.
    setProperty("shortcutSection", tr("Annotator"));
    setProperty("shortcutOrder", 2);
    setProperty("shortcutGestures",
                QStringList{tr("Wheel") + QLatin1Char('\t') + tr("Zoom around the cursor"),
                            tr("Middle button drag") + QLatin1Char('\t') + tr("Pan"),
                            tr("Drag on the image") + QLatin1Char('\t') + tr("Draw a box (detection)"),
                            tr("Drag a box or its handles") + QLatin1Char('\t') + tr("Move or resize it")});
    auto key = [this](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        QAction *a = addKeyAction(this, text, keys);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QAction *grid = key(tr("Back to the grid"), {QKeySequence(Qt::Key_Escape)}, [this] { Q_EMIT closed(); });
    QAction *previousImage =
        key(tr("Previous image"), {QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_Left)}, [this] { previous(); });
    QAction *nextImage =
        key(tr("Next image"), {QKeySequence(Qt::Key_D), QKeySequence(Qt::Key_Right)}, [this] { next(); });
    QAction *draw = key(tr("Draw box"), {QKeySequence(Qt::Key_W)}, [] {});
    draw->setCheckable(true);
    draw->setToolTip(tr("Draw boxes even over existing ones (W)"));
    connect(draw, &QAction::toggled, this, [this](bool on) {
        if (m_canvas)
            m_canvas->setDrawMode(on);
    });
    m_drawAction = draw;
    QAction *remove = key(tr("Delete box"), {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)},
                          [this] { deleteSelected(); });
    QAction *copy = key(tr("Copy previous"), {QKeySequence(Qt::Key_C)}, [this] { copyPreviousBoxes(); });
    copy->setToolTip(tr("Add the previous image's boxes to this one (C)"));
    QAction *fit = key(tr("Fit"), {QKeySequence(Qt::Key_F)}, [this] {
        if (m_canvas)
            m_canvas->fitToWindow();
    });
    QAction *actual = key(tr("1:1"), {QKeySequence(QStringLiteral("Ctrl+0"))}, [this] {
        if (m_canvas)
            m_canvas->actualSize();
    });
    actual->setToolTip(
        tr("Actual size (%1)").arg(QKeySequence(QStringLiteral("Ctrl+0")).toString(QKeySequence::NativeText)));
    QAction *labels = key(tr("Show labels"), {QKeySequence(Qt::Key_L)}, [] {});
    labels->setCheckable(true);
    labels->setChecked(true);
    connect(labels, &QAction::toggled, this, [this](bool on) {
        if (m_canvas)
            m_canvas->setLabelsShown(on);
    });
    m_labelsAction = labels;
    for (int i = 0; i < 9; ++i)
        key(tr("Class %1 of the list").arg(i + 1), {QKeySequence(Qt::Key_1 + i)}, [this, i] { chooseClass(i); });
    key(tr("Accept the selected proposal"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
        [this] { acceptProposal(); });
    key(tr("Accept every proposal shown"),
        {QKeySequence(Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::SHIFT | Qt::Key_Enter)},
        [this] { acceptShownProposals(); });
    key(tr("Select the next proposal"), {QKeySequence(Qt::Key_Tab)}, [this] { selectNextProposal(); });
    key(tr("Next image with proposals"), {QKeySequence(Qt::Key_P)}, [this] { nextWithProposals(); });

    // Proposals: how strong a prediction must be to be shown.
    m_proposalSlider = new QSlider(Qt::Horizontal);
    m_proposalSlider->setRange(0, 100);
    m_proposalSlider->setValue(int(m_proposalThreshold * 100));
    m_proposalSlider->setMinimumWidth(100);
    m_proposalSlider->setMaximumWidth(160);
    m_proposalSlider->setToolTip(tr("Hide proposals scored below this"));
    connect(m_proposalSlider, &QSlider::valueChanged, this, [this](int v) { setProposalThreshold(v / 100.0); });
    m_proposalText = new QLabel;
    m_proposalText->setWordWrap(true); // never wider than the page
    m_proposalText->setToolTip(tr("Enter accepts the selected proposal (the thicker one), Shift+Enter every one "
                                  "shown, Del rejects the selected one, Tab selects the next, P opens the next "
                                  "image with proposals; Ctrl+Z undoes each"));
    m_proposalValue = new QLabel;
    m_proposalBar = new QWidget;
    auto *proposalLayout = new QHBoxLayout(m_proposalBar);
    proposalLayout->setContentsMargins(6, 0, 6, 0);
    proposalLayout->addWidget(m_proposalText, 1);
    proposalLayout->addWidget(new QLabel(tr("Show from score")));
    proposalLayout->addWidget(m_proposalSlider);
    proposalLayout->addWidget(m_proposalValue);
    m_proposalBar->hide();

    // Short toolbar texts; the action's own text (and the F1 sheet) says it in full.
    grid->setIconText(tr("◀ Grid"));
    previousImage->setIconText(tr("Previous"));
    nextImage->setIconText(tr("Next"));
    remove->setIconText(tr("Delete"));
    copy->setIconText(tr("Copy previous"));
    labels->setIconText(tr("Labels"));
    auto *bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(grid);
    bar->addSeparator();
    bar->addAction(previousImage);
    bar->addAction(nextImage);
    bar->addSeparator();
    bar->addAction(draw);
    bar->addAction(remove);
    bar->addAction(copy);
    m_undoPlace = bar->addSeparator(); // undo and redo go here once a project is set
    bar->addAction(fit);
    bar->addAction(actual);
    bar->addAction(labels);
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
    layout->addWidget(m_proposalBar);
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
        updateProposals();
        updateStatus();
        Q_EMIT annotationsEdited();
    });
    connect(m_document.get(), &AnnotationDocument::saveFailed, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("Annotation"), message); });
    m_canvas = new AnnotationCanvas(m_document.get());
    m_canvas->setDrawMode(m_drawAction->isChecked());
    m_canvas->setLabelsShown(m_labelsAction->isChecked());
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
    for (QAction *a : m_undoActions)
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_toolbar->insertActions(m_undoPlace, {undo, redo});
    insertActions(actions().isEmpty() ? nullptr : actions().front(), {undo, redo}); // listed first in the F1 sheet
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

void AnnotationPage::open(const std::vector<qint64> &ids, int index, PredictionsOf predictions)
{
    m_ids = ids;
    m_predictionsOf = std::move(predictions);
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
    m_canvas->setPredictions(m_predictionsOf ? m_predictionsOf(m_ids[size_t(index)]) : std::vector<ShownPrediction>());
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
    QString model; // opened from the results gallery: what the model said here
    if (m_predictionsOf) {
        const auto predicted = m_predictionsOf(example->id);
        const int wrong =
            int(std::count_if(predicted.begin(), predicted.end(), [](const auto &p) { return !p.right; }));
        model = tr(" · model: %n prediction(s)", nullptr, int(predicted.size())) +
                (wrong ? tr(", %n wrong (red, dashed)", nullptr, wrong) : QString());
    }
    m_status->setText(tr("Image %1 of %2 · %3 · %4 × %5 px · %6%7%8")
                          .arg(m_index + 1)
                          .arg(m_ids.size())
                          .arg(example->fileName)
                          .arg(example->width)
                          .arg(example->height)
                          .arg(what)
                          .arg(m_document->state().labelled ? QString() : tr(" · not annotated yet"))
                          .arg(model));
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
    if (m_canvas && m_canvas->selected() < 0 && m_selectedProposal >= 0) { // Del on a proposal rejects it
        rejectProposal();
        return;
    }
    if (!m_canvas || m_canvas->selected() < 0)
        return;
    const int index = m_canvas->selected();
    m_canvas->setSelected(-1); // the next box is not selected in its place
    m_document->removeBox(index);
}

void AnnotationPage::updateProposals()
{
    if (!m_document || !m_canvas)
        return;
    m_canvas->setProposalView(m_proposalThreshold, -1); // what shows at the threshold, then the selection
    const std::vector<int> visible = m_canvas->shownProposals();
    if (std::find(visible.begin(), visible.end(), m_selectedProposal) == visible.end())
        m_selectedProposal = visible.empty() ? -1 : visible.front(); // the strongest shown
    m_canvas->setProposalView(m_proposalThreshold, m_selectedProposal);
    const auto &all = m_document->proposals();
    m_proposalBar->setVisible(!all.empty());
    if (all.empty())
        return;
    QString text;
    if (m_project->kind() == DatasetKind::Classification && m_selectedProposal >= 0) {
        QString name;
        for (const ClassInfo &c : m_project->classes())
            if (c.id == all[size_t(m_selectedProposal)].classId)
                name = c.name;
        text = tr("<b>Proposed class: %1</b> (%L2) — Enter accepts, Del rejects")
                   .arg(name.toHtmlEscaped())
                   .arg(all[size_t(m_selectedProposal)].score, 0, 'f', 2);
    } else {
        text = tr("<b>%n proposal(s)</b> from a model", nullptr, int(all.size())) +
               tr(", %n shown (dotted) · Enter accepts · Shift+Enter all · Del rejects · Tab next · P next image",
                  nullptr, int(visible.size()));
    }
    m_proposalText->setText(text);
    m_proposalSlider->setValue(int(std::lround(m_proposalThreshold * 100)));
    m_proposalValue->setText(QLocale().toString(m_proposalThreshold, 'f', 2));
}

void AnnotationPage::setProposalThreshold(double threshold)
{
    if (std::abs(threshold - m_proposalThreshold) < 1e-9)
        return;
    m_proposalThreshold = threshold;
    updateProposals();
}

void AnnotationPage::acceptProposal()
{
    if (m_document && m_selectedProposal >= 0)
        m_document->acceptProposal(m_selectedProposal);
}

void AnnotationPage::acceptShownProposals()
{
    if (m_document && m_canvas)
        m_document->acceptProposals(m_canvas->shownProposals());
}

void AnnotationPage::rejectProposal()
{
    if (m_document && m_selectedProposal >= 0)
        m_document->rejectProposal(m_selectedProposal);
}

void AnnotationPage::selectNextProposal()
{
    if (!m_canvas)
        return;
    const std::vector<int> visible = m_canvas->shownProposals();
    if (visible.empty())
        return;
    auto it = std::upper_bound(visible.begin(), visible.end(), m_selectedProposal);
    m_selectedProposal = it == visible.end() ? visible.front() : *it;
    updateProposals();
}

void AnnotationPage::nextWithProposals()
{
    if (!m_project)
        return;
    const std::set<qint64> with = ProposalStore(*m_project).examplesWithProposals();
    for (int i = m_index + 1; i < int(m_ids.size()); ++i)
        if (with.count(m_ids[size_t(i)])) {
            showExample(i);
            return;
        }
    m_status->setText(tr("No image after this one has proposals."));
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
    // The page's actions hold the keys. A key reaches here when Qt's shortcut map did not take it (the
    // window not shown or not active yet, as in tests): the action with that key acts all the same.
    const QKeySequence pressed(event->keyCombination());
    for (QAction *a : actions())
        if (a->isEnabled() && a->shortcuts().contains(pressed)) {
            a->trigger();
            return;
        }
    QWidget::keyPressEvent(event);
}

} // namespace visor
