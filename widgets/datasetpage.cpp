#include "datasetpage.h"
#include "annotationpage.h"
#include "classmanager.h"
#include "datasetmodel.h"
#include "healthpanel.h"
#include "thumbnailloader.h"

#include "formats/formats.h"
#include "project/statistics.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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
    m_unlabelled = new QCheckBox(tr("Not annotated"));
    connect(m_unlabelled, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setUnlabelledOnly(on);
        updateCount();
    });
    auto *importButton = new QPushButton(tr("Import…"));
    importButton->setToolTip(tr("Import a folder in COCO, Pascal VOC, YOLO, LabelMe or ImageFolder layout"));
    connect(importButton, &QPushButton::clicked, this, [this] { importFolder(); });
    auto *exportButton = new QPushButton(tr("Export…"));
    connect(exportButton, &QPushButton::clicked, this, &DatasetPage::exportDataset);
    auto *classesButton = new QPushButton(tr("Classes…"));
    classesButton->setToolTip(tr("Add, rename, recolour, reorder or delete classes"));
    connect(classesButton, &QPushButton::clicked, this, &DatasetPage::manageClasses);

    m_count = new QLabel;
    m_idFilter = new QLabel;
    m_idFilter->setStyleSheet(QStringLiteral("QLabel { background: #e7f1ff; padding: 4px; border-radius: 3px; }"));
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

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 2);
    bar->addWidget(m_class, 1);
    bar->addWidget(m_split, 1);
    bar->addWidget(m_unlabelled);
    bar->addStretch(1);
    bar->addWidget(classesButton);
    bar->addWidget(importButton);
    bar->addWidget(exportButton);
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_idFilter, 1);
    idRow->addWidget(clearIds);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(bar);
    leftLayout->addLayout(idRow);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_count);
    m_view->setToolTip(tr("Double-click an image (or press Enter) to annotate it"));
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &i) { annotate(i.row()); });
    m_annotator = new AnnotationPage;
    connect(m_annotator, &AnnotationPage::annotationsEdited, this, [this] { m_edited = true; });
    connect(m_annotator, &AnnotationPage::closed, this, [this] {
        const qint64 id = m_annotator->currentExample();
        m_stack->setCurrentIndex(0);
        if (m_edited) {
            m_edited = false;
            refresh();
            Q_EMIT projectChanged();
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
    auto *split = new QSplitter;
    split->addWidget(m_stack);
    split->addWidget(m_health);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({700, 420});
    m_health->setMinimumWidth(340);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    setProject(nullptr);
}

DatasetPage::~DatasetPage() = default;

void DatasetPage::setProject(Project *project)
{
    m_project = project;
    m_stack->setCurrentIndex(0);
    m_annotator->setProject(project);
    m_filter->setIds({});
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
    m_health->show(computeStatistics(*m_project));
    updateCount();
}

void DatasetPage::annotate(int row)
{
    if (!m_project || row < 0 || row >= m_filter->rowCount())
        return;
    std::vector<qint64> ids;
    ids.reserve(size_t(m_filter->rowCount()));
    for (int r = 0; r < m_filter->rowCount(); ++r)
        ids.push_back(m_filter->index(r, 0).data(DatasetModel::IdRole).toLongLong());
    m_stack->setCurrentIndex(1);
    m_annotator->open(ids, row);
}

void DatasetPage::annotateExample(qint64 exampleId)
{
    QModelIndex i = m_filter->mapFromSource(m_model->indexOfId(exampleId));
    if (!i.isValid()) {
        m_search->clear();
        m_class->setCurrentIndex(0);
        m_split->setCurrentIndex(0);
        m_unlabelled->setChecked(false);
        m_filter->setIds({});
        i = m_filter->mapFromSource(m_model->indexOfId(exampleId));
    }
    if (i.isValid())
        annotate(i.row());
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
}

void DatasetPage::importFolder(const QString &folder)
{
    if (!m_project)
        return;
    const QString source =
        folder.isEmpty() ? QFileDialog::getExistingDirectory(this, tr("Import a data set folder")) : folder;
    if (source.isEmpty())
        return;
    QString why;
    if (!detectFormat(source, &why)) {
        QMessageBox::warning(this, tr("Import"), tr("%1 does not hold a data set Visor can read: %2").arg(source, why));
        return;
    }
    // The import opens its own connection on the worker thread (SQLite connections belong to a thread).
    QProgressDialog progress(tr("Importing %1…").arg(source), tr("Cancel"), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(200);
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    auto done = std::make_shared<std::atomic<int>>(0), total = std::make_shared<std::atomic<int>>(0);
    const QString dir = m_project->dir();
    QFuture<ImportReport> future = QtConcurrent::run([dir, source, cancelled, done, total] {
        auto project = Project::open(dir);
        ImportOptions options;
        options.progress = [cancelled, done, total](int d, int t) {
            *done = d;
            *total = t;
            return !*cancelled;
        };
        return importDataset(*project, source, options);
    });
    QFutureWatcher<ImportReport> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<ImportReport>::finished, &loop, &QEventLoop::quit);
    connect(&progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        progress.setMaximum(std::max(1, total->load()));
        progress.setValue(done->load());
    });
    poll.start(100);
    watcher.setFuture(future);
    loop.exec();
    progress.close();
    ImportReport report;
    try {
        report = future.result();
    } catch (const std::exception &e) {
        report.fatal = QString::fromUtf8(e.what());
    }
    refresh();
    Q_EMIT projectChanged();
    if (!report.fatal.isEmpty()) {
        QMessageBox::warning(this, tr("Import"), tr("Nothing was imported: %1").arg(report.fatal));
        return;
    }
    if (report.cancelled) {
        Q_EMIT message(tr("Import cancelled; nothing was kept."));
        return;
    }
    const QString summary = tr("Imported %1 example(s) with %2 box(es); %3 skipped, %4 duplicate(s).")
                                .arg(report.imported)
                                .arg(report.boxes)
                                .arg(report.skipped)
                                .arg(report.duplicates);
    Q_EMIT message(summary);
    if (report.skipped || report.duplicates || report.boxesClipped || report.boxesSkipped) {
        QMessageBox box(QMessageBox::Information, tr("Import report"), summary, QMessageBox::Ok, this);
        box.setDetailedText(report.toText(500));
        box.exec();
    }
}

void DatasetPage::exportDataset()
{
    if (!m_project)
        return;
    const QStringList formats{QStringLiteral("coco"), QStringLiteral("voc"), QStringLiteral("yolo"),
                              QStringLiteral("labelme"), QStringLiteral("imagefolder")};
    bool ok = false;
    const QString format = QInputDialog::getItem(this, tr("Export"), tr("Format:"), formats, 0, false, &ok);
    if (!ok)
        return;
    const QString parent = QFileDialog::getExistingDirectory(this, tr("Export into a new folder inside…"));
    if (parent.isEmpty())
        return;
    const QString out = QDir(parent).filePath(m_project->name() + QStringLiteral("-") + format);
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const ExportReport r = visor::exportDataset(*m_project, out, *parseFormat(format));
        QApplication::restoreOverrideCursor();
        Q_EMIT message(tr("Exported %1 example(s) to %2.").arg(r.examples).arg(out));
    } catch (const std::exception &e) {
        QApplication::restoreOverrideCursor();
        QMessageBox::warning(this, tr("Export"), QString::fromUtf8(e.what()));
    }
}

} // namespace visor
