#include "datasetpage.h"
#include "annotationpage.h"
#include "classmanager.h"
#include "datasetmodel.h"
#include "folderchooser.h"
#include "generatedialog.h"
#include "healthpanel.h"
#include "modaljob.h"
#include "project/proposals.h"
#include "runstatus.h"
#include "shortcuts.h"
#include "thumbnailloader.h"
#include "train/runs.h"
#include <QEventLoop>

#include "formats/formats.h"
#include "project/splitter.h"
#include "project/statistics.h"
#include "synth/generator.h"

#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

namespace visor {

DatasetPage::DatasetPage(QWidget *parent) : QWidget(parent)
{
    m_loader = new ThumbnailLoader(96, this);
    m_model = new DatasetModel(m_loader, this);
    m_filter = new DatasetFilter(this);
    m_filter->setSourceModel(m_model);

    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search file names"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_filter->setNameFilter(t);
        updateCount();
    });
    m_class = new QComboBox;
    m_class->setSizeAdjustPolicy(QComboBox::AdjustToContents); // filled with the class names later
    connect(m_class, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setClassId(m_class->currentData().toLongLong());
        updateCount();
    });
    m_split = new QComboBox;
    m_split->addItem(tr("All splits"), -1);
    m_split->addItem(tr("Train"), 0);
    m_split->addItem(tr("Validation"), 1);
    m_split->addItem(tr("Test"), 2);
    m_split->addItem(tr("No split"), 3);
    connect(m_split, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSplit(m_split->currentData().toInt());
        updateCount();
    });
    m_show = new QComboBox;
    m_show->setObjectName(QStringLiteral("show"));
    m_show->addItem(tr("All examples"));
    m_show->addItem(tr("Not annotated"));
    m_show->addItem(tr("With a health warning"));
    m_show->addItem(tr("Wrong in the last run"));
    m_show->addItem(tr("From the edge"));
    m_show->setItemData(ShowFromEdge, tr("Frames that visor-edge kept for a look (its feedback folder, imported)"),
                        Qt::ToolTipRole);
    m_show->addItem(tr("With proposals"));
    m_show->setItemData(ShowWithProposals, tr("Examples with a model's predictions not accepted or rejected yet"),
                        Qt::ToolTipRole);
    connect(m_show, &QComboBox::currentIndexChanged, this, [this](int i) { setShow(Show(i)); });
    m_sort = new QComboBox;
    m_sort->addItem(tr("Order added"));
    m_sort->addItem(tr("File name"));
    m_sort->addItem(tr("Class"));
    m_sort->setToolTip(tr("Sort the grid"));
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this](int i) { m_filter->setSortKey(i); });
    auto *importButton = new QPushButton(tr("Import…"));
    QStringList formatNames;
    for (Format f : dataSetFormats(FormatUse::Import))
        formatNames << formatName(f);
    importButton->setToolTip(
        tr("Import a folder in one of these layouts: %1").arg(formatNames.join(QStringLiteral(", "))));
    connect(importButton, &QPushButton::clicked, this, [this] { importFolder(); });
    auto *generateButton = new QPushButton(tr("Generate…"));
    generateButton->setToolTip(tr("Add generated examples (shapes, text lines, or a plugin's generator), with a "
                                  "preview of four samples"));
    connect(generateButton, &QPushButton::clicked, this, [this] { generateExamples(); });
    auto *proposeButton = new QPushButton(tr("Propose…"));
    proposeButton->setToolTip(tr("Let a trained run predict on examples; its predictions become proposals to "
                                 "accept or reject in the annotator"));
    connect(proposeButton, &QPushButton::clicked, this, [this] { proposeWithModel(); });
    auto *exportButton = new QPushButton(tr("Export…"));
    connect(exportButton, &QPushButton::clicked, this, &DatasetPage::exportDataset);
    auto *classesButton = new QPushButton(tr("Classes…"));
    classesButton->setToolTip(tr("Add, rename, recolour, reorder or delete classes"));
    connect(classesButton, &QPushButton::clicked, this, &DatasetPage::manageClasses);

    m_count = new QLabel;
    m_idFilter = new QLabel;
    m_idFilter->setStyleSheet(
        QStringLiteral("QLabel { background: #e7f1ff; color: #052c65; padding: 4px; border-radius: 3px; }"));
    m_idFilter->setWordWrap(true);
    m_idFilter->hide();
    auto *clearIds = new QToolButton;
    clearIds->setText(tr("Show all"));
    clearIds->hide();
    connect(clearIds, &QToolButton::clicked, this, [this, clearIds] {
        m_filter->setIds({});
        m_idFilter->hide();
        clearIds->hide();
        updateCount();
    });

    m_view = new QListView;
    // An empty project says what to do instead of showing a blank grid.
    m_emptyHint = new QLabel(tr("No images yet. Import a data set (Ctrl+I), or drop image files or a data set "
                                "folder here."));
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 14pt;"));
    auto *hintLayout = new QVBoxLayout(m_view->viewport());
    hintLayout->addWidget(m_emptyHint, 0, Qt::AlignCenter);
    m_view->setViewMode(QListView::IconMode);
    m_view->setUniformItemSizes(true); // with 100,000 rows the view must not measure each item
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setIconSize(QSize(96, 72));
    m_view->setGridSize(QSize(116, 104));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(2000);
    m_view->setModel(m_filter);
    m_filter->setSortKey(0);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QListView::customContextMenuRequested, this, &DatasetPage::contextMenu);
    setAcceptDrops(true);
    m_view->setTextElideMode(Qt::ElideMiddle);

    m_health = new HealthPanel;
    connect(m_health, &HealthPanel::warningActivated, this,
            [this, clearIds](const QSet<qint64> &ids, const QString &why) {
                if (ids.isEmpty())
                    return;
                m_filter->setIds(ids);
                m_idFilter->setText(tr("Showing the %n example(s) of: %1", nullptr, int(ids.size())).arg(why));
                m_idFilter->show();
                clearIds->show();
                updateCount();
            });

    // Two rows: what to do with the data set, then which examples to show.
    auto *actions = new QHBoxLayout;
    actions->addWidget(importButton);
    actions->addWidget(generateButton);
    actions->addWidget(proposeButton);
    actions->addWidget(exportButton);
    actions->addWidget(classesButton);
    actions->addStretch(1);
    actions->addWidget(m_sort);
    auto *bar = new QHBoxLayout;
    m_search->setMinimumWidth(160);
    bar->addWidget(m_search, 2);
    bar->addWidget(m_class, 1);
    bar->addWidget(m_split, 1);
    bar->addWidget(m_show, 2);
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_idFilter, 1);
    idRow->addWidget(clearIds);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(actions);
    leftLayout->addLayout(bar);
    leftLayout->addLayout(idRow);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_count);
    m_view->setToolTip(tr("Double-click an image (or press Enter) to annotate it"));
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &i) { annotate(i.row()); });
    // The grid's keys (the F1 sheet lists them).
    m_view->setProperty("shortcutSection", tr("Data set grid"));
    m_view->setProperty("shortcutOrder", 1);
    m_view->setProperty("shortcutGestures",
                        QStringList{tr("Double-click") + QLatin1Char('\t') + tr("Open in the annotator"),
                                    tr("Right-click") + QLatin1Char('\t') + tr("Pin to a split, set the class, delete"),
                                    tr("Drop files or folders") + QLatin1Char('\t') + tr("Import them")});
    connect(
        addKeyAction(m_view, tr("Open in the annotator"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}),
        &QAction::triggered, this, [this] {
            if (m_view->currentIndex().isValid())
                annotate(m_view->currentIndex().row());
        });
    connect(addKeyAction(m_view, tr("Delete the selected examples"), {QKeySequence(Qt::Key_Delete)}),
            &QAction::triggered, this, [this] { deleteExamples(selectedIds()); });
    connect(addKeyAction(m_view, tr("Select all"), {QKeySequence::SelectAll}), &QAction::triggered, m_view,
            &QListView::selectAll);
    m_annotator = new AnnotationPage;
    connect(m_annotator, &AnnotationPage::annotationsEdited, this, [this] {
        m_edited = true;
        m_editedIds.insert(m_annotator->currentExample());
    });
    connect(m_annotator, &AnnotationPage::closed, this, [this] {
        const qint64 id = m_annotator->currentExample();
        m_stack->setCurrentIndex(0);
        if (m_edited) { // only the rows of the images shown, and the statistics in the background
            m_edited = false;
            const QSet<qint64> edited = std::exchange(m_editedIds, {});
            m_model->updateRows(edited);
            rebuildClassFilter();
            refreshStatistics();
            Q_EMIT annotationsChanged(edited);
        }
        const QModelIndex i = m_filter->mapFromSource(m_model->indexOfId(id));
        if (i.isValid()) {
            m_view->setCurrentIndex(i);
            m_view->scrollTo(i);
        }
        m_view->setFocus();
    });
    m_stack = new QStackedWidget;
    m_stack->addWidget(left);
    m_stack->addWidget(m_annotator);
    // The health panel: a splitter that moves (and collapses it), and View ▸ Health panel to hide it, so
    // that the annotator can take the page.
    m_healthSplit = new QSplitter;
    m_healthSplit->addWidget(m_stack);
    m_healthSplit->addWidget(m_health);
    m_healthSplit->setStretchFactor(0, 3);
    m_healthSplit->setStretchFactor(1, 2);
    m_healthSplit->setCollapsible(0, false);
    m_healthSplit->setCollapsible(1, true);
    m_healthSplit->setSizes({700, 420});
    m_health->setMinimumWidth(250);
    QSplitter *split = m_healthSplit;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    setProject(nullptr);
}

DatasetPage::~DatasetPage() = default;

void DatasetPage::setProject(Project *project)
{
    // Nothing of the previous project stays: example ids restart at 1 in every project, so its "wrong in
    // the last run" and warning sets would pick other examples here; its statistics are not this one's.
    m_stats.cancel();
    m_project = project;
    m_stack->setCurrentIndex(0);
    m_annotator->setProject(project);
    m_wrongIds.clear();
    m_warningIds.clear();
    m_show->setItemText(ShowWrong, tr("Wrong in the last run"));
    {
        const QSignalBlocker a(m_search), b(m_split), c(m_show);
        m_search->clear();
        m_split->setCurrentIndex(0);
        m_show->setCurrentIndex(ShowAll);
    }
    m_filter->setNameFilter(QString());
    m_filter->setSplit(-1);
    m_filter->setUnlabelledOnly(false);
    m_filter->setIds({});
    m_health->clear();
    refresh();
}

void DatasetPage::refresh()
{
    setEnabled(m_project != nullptr);
    if (!m_project) {
        m_model->clear();
        updateCount();
        return;
    }
    m_model->load(*m_project);
    rebuildClassFilter();
    m_annotator->reloadClasses(); // an import or the class manager may have added classes
    updateCount();
    refreshStatistics();
}

void DatasetPage::refreshStatistics()
{
    if (!m_project)
        return;
    const QString dir = m_project->dir();
    m_statsParameters = statisticsParameters(m_project->parameters());
    m_stats.start(
        [dir](const JobTracker::Cancelled &) -> std::pair<DatasetStatistics, QString> {
            try { // its own, read-only connection: a connection belongs to the thread that opened it
                auto project = Project::open(dir, Project::OpenMode::ReadOnly);
                return {computeStatistics(*project), QString()};
            } catch (const std::exception &e) {
                return {DatasetStatistics(), QString::fromUtf8(e.what())};
            }
        },
        [this](const std::pair<DatasetStatistics, QString> &outcome) {
            if (!outcome.second.isEmpty())
                Q_EMIT message(tr("The statistics cannot be computed: %1").arg(outcome.second));
            else
                applyStatistics(outcome.first);
            Q_EMIT statisticsReady();
        });
}

void DatasetPage::parametersChanged()
{
    if (m_project && statisticsParameters(m_project->parameters()) != m_statsParameters)
        refreshStatistics();
}

void DatasetPage::applyStatistics(const DatasetStatistics &st)
{
    m_warningIds.clear();
    for (const HealthWarning &w : st.warnings) {
        for (qint64 id : w.examples)
            m_warningIds.insert(id);
        for (const auto &g : w.groups)
            for (qint64 id : g)
                m_warningIds.insert(id);
    }
    m_health->show(st);
    if (m_show->currentIndex() == ShowWarnings)
        m_filter->setIds(m_warningIds);
    updateCount();
}

void DatasetPage::setWrongInLastRun(const QSet<qint64> &ids, qint64 runId)
{
    m_wrongIds = ids;
    m_show->setItemText(ShowWrong, tr("Wrong in the last run (%1, run %2)").arg(ids.size()).arg(runId));
    if (m_show->currentIndex() == ShowWrong)
        setShow(ShowWrong);
}

void DatasetPage::setShow(Show show)
{
    if (m_show->currentIndex() != show) {
        m_show->setCurrentIndex(show); // comes back here through the signal
        return;
    }
    m_filter->setUnlabelledOnly(show == ShowUnlabelled);
    // An empty set shows everything, so "nothing wrong" is a set no example matches.
    const QSet<qint64> none{-1};
    QSet<qint64> stored; // from the edge, with proposals: read now (the store changes with every accept)
    if (m_project && (show == ShowFromEdge || show == ShowWithProposals)) {
        const ProposalStore store(*m_project);
        for (qint64 id :
             show == ShowFromEdge ? store.examplesFrom(QStringLiteral("edge")) : store.examplesWithProposals())
            stored.insert(id);
    }
    m_filter->setIds(show == ShowWarnings ? (m_warningIds.isEmpty() ? none : m_warningIds)
                     : show == ShowWrong  ? (m_wrongIds.isEmpty() ? none : m_wrongIds)
                     : show == ShowFromEdge || show == ShowWithProposals ? (stored.isEmpty() ? none : stored)
                                                                         : QSet<qint64>());
    updateCount();
}

std::vector<qint64> DatasetPage::visibleIds() const
{
    return m_filter->idsInOrder();
}

std::vector<qint64> DatasetPage::selectedIds() const
{
    std::vector<qint64> ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedIndexes())
        ids.push_back(i.data(DatasetModel::IdRole).toLongLong());
    return ids;
}

void DatasetPage::contextMenu(const QPoint &pos)
{
    if (!m_project)
        return;
    const std::vector<qint64> ids = selectedIds();
    if (ids.empty())
        return;
    QMenu menu(this);
    const QModelIndex under = m_view->indexAt(pos);
    if (under.isValid())
        menu.addAction(tr("Annotate"), this, [this, under] { annotate(under.row()); });
    QMenu *pin = menu.addMenu(tr("Pin to split"));
    const std::pair<QString, std::optional<Split>> splits[] = {{tr("Train"), Split::Train},
                                                               {tr("Validation"), Split::Val},
                                                               {tr("Test"), Split::Test},
                                                               {tr("Unpin (automatic split)"), std::nullopt}};
    for (const auto &[name, split] : splits)
        pin->addAction(name, this, [this, ids, split = split] {
            for (qint64 id : ids)
                m_project->pinSplit(id, split);
            assignSplits(*m_project, false);
            refresh();
            Q_EMIT projectChanged();
            Q_EMIT message(tr("%n example(s) pinned.", nullptr, int(ids.size())));
        });
    if (m_project->kind() == DatasetKind::Classification) {
        QMenu *label = menu.addMenu(tr("Set class"));
        for (const ClassInfo &c : m_project->classes())
            label->addAction(c.name, this, [this, ids, id = c.id] {
                for (qint64 e : ids)
                    m_project->setLabel(e, id);
                refresh();
                Q_EMIT projectChanged();
            });
    }
    menu.addSeparator();
    menu.addAction(tr("Delete %n example(s)…", nullptr, int(ids.size())), this, [this, ids] { deleteExamples(ids); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void DatasetPage::deleteExamples(const std::vector<qint64> &ids)
{
    if (!m_project || ids.empty())
        return;
    if (m_interactive && QMessageBox::question(this, tr("Delete examples"),
                                               tr("Delete %n example(s) and their annotations from the project? This "
                                                  "cannot be undone.",
                                                  nullptr, int(ids.size()))) != QMessageBox::Yes)
        return;
    m_project->removeExamples(ids);
    refresh();
    Q_EMIT projectChanged();
    Q_EMIT message(tr("%n example(s) deleted.", nullptr, int(ids.size())));
}

void DatasetPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_project && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void DatasetPage::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (QFileInfo(path).isDir())
            importFolder(path); // a data set folder: its own import and report
        else if (!path.isEmpty())
            files << path;
    }
    if (!files.isEmpty())
        importFiles(files);
    event->acceptProposedAction();
}

void DatasetPage::annotate(int row)
{
    if (!m_project || row < 0 || row >= m_filter->rowCount())
        return;
    m_stack->setCurrentIndex(1);
    m_annotator->open(m_filter->idsInOrder(), row);
}

void DatasetPage::annotateExample(qint64 exampleId)
{
    QModelIndex i = m_filter->mapFromSource(m_model->indexOfId(exampleId));
    if (!i.isValid()) {
        m_search->clear();
        m_class->setCurrentIndex(0);
        m_split->setCurrentIndex(0);
        m_show->setCurrentIndex(ShowAll);
        m_filter->setIds({});
        i = m_filter->mapFromSource(m_model->indexOfId(exampleId));
    }
    if (i.isValid())
        annotate(i.row());
}

void DatasetPage::annotateExamples(const std::vector<qint64> &ids, int index,
                                   const std::function<std::vector<ShownPrediction>(qint64)> &predictions)
{
    if (!m_project || index < 0 || index >= int(ids.size()))
        return;
    m_stack->setCurrentIndex(1);
    m_annotator->open(ids, index, predictions);
}

void DatasetPage::setHealthShown(bool on)
{
    m_health->setVisible(on);
    if (on && m_healthSplit->sizes().value(1) == 0) // collapsed by the splitter: open it again
        m_healthSplit->setSizes({m_healthSplit->width() * 3 / 5, m_healthSplit->width() * 2 / 5});
}

bool DatasetPage::healthShown() const
{
    return !m_health->isHidden() && m_healthSplit->sizes().value(1) > 0;
}

bool DatasetPage::annotating() const
{
    return m_stack->currentIndex() == 1;
}

void DatasetPage::manageClasses()
{
    if (!m_project)
        return;
    ClassManager manager(*m_project, this);
    manager.exec();
    m_annotator->reloadClasses();
    refresh();
    Q_EMIT projectChanged();
}

void DatasetPage::rebuildClassFilter()
{
    const qint64 current = m_class->currentData().toLongLong();
    const QSignalBlocker block(m_class);
    m_class->clear();
    m_class->addItem(tr("All classes"), qint64(0));
    for (const ClassInfo &c : m_project->classes()) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor(c.color));
        m_class->addItem(QIcon(swatch), c.name, c.id);
    }
    m_class->setCurrentIndex(std::max(0, m_class->findData(current)));
    m_filter->setClassId(m_class->currentData().toLongLong());
}

void DatasetPage::updateCount()
{
    m_count->setText(tr("%1 of %2 examples shown").arg(m_filter->rowCount()).arg(m_model->rowCount()));
    m_emptyHint->setVisible(m_project && m_model->rowCount() == 0);
}

void DatasetPage::importFolder(const QString &folder)
{
    if (!m_project)
        return;
    const QString source =
        folder.isEmpty() ? chooseFolder(this, tr("Import a data set folder"), QStringLiteral("import")) : folder;
    if (source.isEmpty())
        return;
    Format format = Format::Auto;
    if (folder.isEmpty()) { // from the dialog: the user may name the format
        std::vector<Format> formats{Format::Auto};
        QStringList names{tr("Detect automatically")};
        for (Format f : dataSetFormats(FormatUse::Import)) {
            if (!formatHolds(f, m_project->kind())) // what this project cannot hold is not offered
                continue;
            formats.push_back(f);
            names << formatName(f);
        }
        bool ok = false;
        const QString chosen =
            QInputDialog::getItem(this, tr("Import"), tr("Format of %1:").arg(source), names, 0, false, &ok);
        if (!ok)
            return;
        format = formats[names.indexOf(chosen)];
    }
    runImport(source, [source, format](Project &project, const ImportOptions &base) {
        ImportOptions options = base;
        options.format = format;
        return importDataset(project, source, options);
    });
}

void DatasetPage::importFiles(const QStringList &files)
{
    if (!m_project || files.isEmpty())
        return;
    runImport(tr("%n file(s)", nullptr, int(files.size())), [files](Project &project, const ImportOptions &options) {
        return importImageFiles(project, files, options);
    });
}

void DatasetPage::runImport(const QString &what,
                            const std::function<ImportReport(Project &, const ImportOptions &)> &job)
{
    const QString dir = m_project->dir();
    const ImportReport report = runModalJob<ImportReport>(
        this, m_import, tr("Importing %1…").arg(what), tr("Cancel"), [dir, job](const ModalJobContext &context) {
            ImportReport r;
            try {
                auto project = Project::open(dir); // the worker's own connection (SQLite's are per thread)
                ImportOptions options;
                options.progress = [context](int d, int t) {
                    context.report(d, t);
                    return !context.cancelled();
                };
                r = job(*project, options);
            } catch (const std::exception &e) {
                r.fatal = QString::fromUtf8(e.what());
            }
            return r;
        });
    refresh();
    Q_EMIT projectChanged();
    if (report.cancelled) {
        Q_EMIT message(tr("Import cancelled; nothing was kept."));
        return;
    }
    if (!report.fatal.isEmpty()) {
        if (m_interactive)
            QMessageBox::warning(this, tr("Import"), tr("Nothing was imported: %1").arg(report.fatal));
        Q_EMIT message(tr("Nothing was imported: %1").arg(report.fatal));
        return;
    }
    // Images and boxes both counted: "0 skipped" beside "boxes skipped 2" in the details read as a contradiction.
    QString summary = tr("Imported %n example(s)", nullptr, int(report.imported)) +
                      tr(" with %n box(es)", nullptr, int(report.boxes)) +
                      tr("; %n image(s) skipped", nullptr, int(report.skipped)) +
                      tr(", %n duplicate(s).", nullptr, int(report.duplicates));
    if (report.boxesSkipped || report.boxesClipped)
        summary += QLatin1Char(' ') +
                   tr("Boxes: %1 skipped, %2 clipped to the image.").arg(report.boxesSkipped).arg(report.boxesClipped);
    Q_EMIT message(summary);
    if (m_interactive && (report.skipped || report.duplicates || report.boxesClipped || report.boxesSkipped)) {
        QMessageBox box(QMessageBox::Information, tr("Import report"), summary, QMessageBox::Ok, this);
        box.setDetailedText(report.toText(500));
        box.exec();
    }
}

bool DatasetPage::generateExamples(GenerateDialog *prepared)
{
    if (!m_project)
        return false;
    std::unique_ptr<GenerateDialog> owned;
    GenerateDialog *dialog = prepared;
    if (!dialog) {
        owned = std::make_unique<GenerateDialog>(m_project->kind(), this);
        if (owned->exec() != QDialog::Accepted)
            return false;
        dialog = owned.get();
    }
    if (!dialog->problem().isEmpty())
        return false;
    const QString key = dialog->generatorKey();
    const QJsonObject values = dialog->values();
    const int count = dialog->count();
    const quint64 seed = dialog->seed();
    runImport(tr("%n generated example(s)", nullptr, count),
              [key, values, count, seed](Project &project, const ImportOptions &options) {
                  ImportReport r;
                  r.source = QStringLiteral("synth:") + key;
                  const auto ids = synth::generate(project, synth::generatorRegistry().at(key), count, seed, values,
                                                   options.progress);
                  if (ids.empty()) {
                      r.cancelled = true;
                      return r;
                  }
                  r.imported = int(ids.size());
                  for (qint64 id : ids)
                      r.boxes += int(project.boxes(id).size());
                  return r;
              });
    return true;
}

void DatasetPage::exportDataset()
{
    if (!m_project)
        return;
    // The formats by their own names, as on import ("COCO", "Pascal VOC"; export listed "coco", "voc").
    std::vector<Format> formats;
    QStringList names;
    for (Format f : dataSetFormats(FormatUse::Export))
        if (formatKind(f) == m_project->kind()) { // what this project does not hold is not offered
            formats.push_back(f);
            names << formatName(f);
        }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Export"), tr("Format:"), names, 0, false, &ok);
    if (!ok)
        return;
    const Format chosenFormat = formats[size_t(names.indexOf(chosen))];
    const QString format = formatKey(chosenFormat);
    const QString parent = chooseFolder(this, tr("Export into a new folder inside…"), QStringLiteral("export"));
    if (parent.isEmpty())
        return;
    const QString out = QDir(parent).filePath(m_project->name() + QStringLiteral("-") + format);
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const ExportReport r = visor::exportDataset(*m_project, out, chosenFormat);
        QApplication::restoreOverrideCursor();
        Q_EMIT message(tr("Exported %n example(s) to %1.", nullptr, int(r.examples)).arg(out));
        if (!r.missing.isEmpty())
            QMessageBox::warning(this, tr("Export"),
                                 tr("%n example(s) were not exported because their image is missing from the "
                                    "project:\n%1",
                                    nullptr, int(r.missing.size()))
                                     .arg(r.missing.mid(0, 20).join(QLatin1Char('\n'))));
    } catch (const std::exception &e) {
        QApplication::restoreOverrideCursor();
        QMessageBox::warning(this, tr("Export"), QString::fromUtf8(e.what()));
    }
}

} // namespace visor
