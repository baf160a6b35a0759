#include "mainwindow.h"
#include "augmentationpage.h"
#include "datasetpage.h"
#include "folderchooser.h"
#include "historypage.h"
#include "pluginsdialog.h"
#include "preferencesdialog.h"
#include "resultsgallery.h"
#include "shortcuts.h"
#include "trainingcontroller.h"
#include "trainingpage.h"
#include "welcomepage.h"

#include "project/project.h"
#include "synth/demo.h"
#include <QDir>

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeWidget>

namespace visor {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    m_welcome = new WelcomePage;
    m_dataset = new DatasetPage;
    m_augmentation = new AugmentationPage;
    m_training = new TrainingPage;
    m_history = new HistoryPage;
    m_stack = new QStackedWidget;
    m_stack->setObjectName(QStringLiteral("pages"));
    m_nav = new QListWidget;
    m_nav->setFixedWidth(170);
    m_nav->setIconSize(QSize(22, 22));
    const QStyle *s = style();
    const std::pair<QString, QIcon> pages[] = {
        {tr("Welcome"), s->standardIcon(QStyle::SP_DirHomeIcon)},
        {tr("Data set"), s->standardIcon(QStyle::SP_FileDialogDetailedView)},
        {tr("Augmentation"), s->standardIcon(QStyle::SP_BrowserReload)},
        {tr("Training"), s->standardIcon(QStyle::SP_MediaPlay)},
        {tr("Results & History"), s->standardIcon(QStyle::SP_FileDialogInfoView)},
    };
    for (const auto &[name, icon] : pages)
        new QListWidgetItem(icon, name, m_nav);
    // A project page without a project says so and how to get one (it was grey with no word).
    m_stack->addWidget(m_welcome);
    for (QWidget *w : std::initializer_list<QWidget *>{m_dataset, m_augmentation, m_training, m_history}) {
        auto *holder = new QStackedWidget;
        holder->addWidget(noProjectHint());
        holder->addWidget(w);
        m_holders.push_back(holder);
        m_stack->addWidget(holder);
    }
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget;
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_nav);
    row->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openProject);
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::newProject);
    connect(m_welcome, &WelcomePage::openDialogRequested, this, &MainWindow::openProjectDialog);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    auto status = [this](const QString &text) { statusBar()->showMessage(text, 8000); };
    connect(m_dataset, &DatasetPage::message, this, status);
    connect(m_training, &TrainingPage::message, this, status);
    // A run changes the history, not the data set: the grid is not reloaded (100,000 rows take a second).
    connect(m_training, &TrainingPage::runFinished, m_history, &HistoryPage::refresh);
    // Health findings depend on parameters (boxes below health.min_box_pixels at input.min_side): both
    // parameter pages refresh them, in the background.
    connect(m_training, &TrainingPage::parametersChanged, m_dataset, &DatasetPage::parametersChanged);
    connect(m_augmentation, &AugmentationPage::parametersChanged, m_dataset, &DatasetPage::parametersChanged);
    connect(m_dataset, &DatasetPage::projectChanged, this, [this] {
        m_history->refresh();
        m_augmentation->setProject(m_project.get()); // new or deleted examples
    });
    connect(m_dataset, &DatasetPage::annotationsChanged, m_augmentation, &AugmentationPage::annotationsChanged);
    // An image opened from the results gallery: the annotator steps through the gallery's images and
    // shows the model's predictions at the gallery's threshold.
    connect(m_history, &HistoryPage::openExamples, this, [this](const std::vector<qint64> &ids, int index) {
        showPage(Dataset);
        ResultsGallery *gallery = m_history->gallery();
        m_dataset->annotateExamples(ids, index, [gallery](qint64 id) {
            const ResultsGallery::Item *item = gallery->item(id);
            return item ? item->shown : std::vector<ShownPrediction>();
        });
    });
    connect(m_history, &HistoryPage::annotationsChanged, m_dataset, &DatasetPage::refresh);
    connect(m_history->gallery(), &ResultsGallery::ready, this, [this] {
        // The grid's "Wrong in the last run" filter follows the latest run's review.
        if (m_history->gallery()->runId() == m_history->latestRunId())
            m_dataset->setWrongInLastRun(m_history->gallery()->errorIds(), m_history->gallery()->runId());
    });

    createMenus();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1280, 800);
    m_welcome->setRecent(settings.value(QStringLiteral("recent")).toStringList());
    updateRecentMenu();
    showPage(Welcome);
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Pages hold a pointer to the project: detach them before it goes.
    m_training->controller()->cancel();
    delete m_training;
    m_dataset->setProject(nullptr);
    m_augmentation->setProject(nullptr);
    m_history->setProject(nullptr);
}

void MainWindow::createMenus()
{
    const QStyle *st = style();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(st->standardIcon(QStyle::SP_FileIcon), tr("&New project…"), QKeySequence::New,
                                         this, &MainWindow::newProject);
    QAction *openAction = file->addAction(st->standardIcon(QStyle::SP_DirOpenIcon), tr("&Open project…"),
                                          QKeySequence::Open, this, &MainWindow::openProjectDialog);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addAction(tr("Open the &demo project"), this, &MainWindow::openDemo);
    file->addSeparator();
    QAction *importAction = file->addAction(st->standardIcon(QStyle::SP_ArrowDown), tr("&Import data set…"),
                                            QKeySequence(QStringLiteral("Ctrl+I")), m_dataset, [this] {
                                                showPage(Dataset);
                                                m_dataset->importFolder();
                                            });
    file->addAction(tr("&Export data set…"), QKeySequence(QStringLiteral("Ctrl+E")), m_dataset,
                    &DatasetPage::exportDataset);
    file->addSeparator();
    file->addAction(tr("&Preferences…"), QKeySequence(QStringLiteral("Ctrl+,")), this, [this] {
        PreferencesDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted && dialog.save())
            statusBar()->showMessage(tr("The new language applies when Visor starts again."), 10000);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QString names[] = {tr("&Welcome"), tr("&Data set"), tr("&Augmentation"), tr("&Training"),
                             tr("&Results && History")};
    for (int i = 0; i < PageCount; ++i)
        view->addAction(names[i], QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)), this,
                        [this, i] { showPage(Page(i)); });

    view->addSeparator();
    QAction *health = view->addAction(tr("&Health panel"));
    health->setObjectName(QStringLiteral("showHealth"));
    health->setCheckable(true);
    health->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+H")));
    health->setToolTip(tr("Show the data set's health beside the grid and the annotator; hidden, the annotator "
                          "takes the page"));
    health->setChecked(QSettings().value(QStringLiteral("window/health"), true).toBool());
    m_dataset->setHealthShown(health->isChecked());
    connect(health, &QAction::toggled, this, [this](bool on) {
        m_dataset->setHealthShown(on);
        QSettings().setValue(QStringLiteral("window/health"), on);
    });

    QMenu *train = menuBar()->addMenu(tr("&Training"));
    QAction *startAction = train->addAction(st->standardIcon(QStyle::SP_MediaPlay), tr("&Start"),
                                            QKeySequence(QStringLiteral("Ctrl+R")), m_training, [this] {
                                                showPage(Training);
                                                m_training->start();
                                            });
    train->addAction(tr("S&uggest settings…"), m_training, [this] {
        showPage(Training);
        m_training->openSuggestions();
    });
    QAction *resumeAction = train->addAction(tr("&Resume last run"), m_training, [this] {
        showPage(Training);
        m_training->resume();
    });
    QAction *cancelAction = train->addAction(st->standardIcon(QStyle::SP_MediaStop), tr("&Cancel"),
                                             QKeySequence(QStringLiteral("Ctrl+.")), m_training, &TrainingPage::cancel);
    // Enabled only when they can act: Cancel while a run goes, Resume when the latest run has a checkpoint.
    cancelAction->setEnabled(false);
    resumeAction->setEnabled(false);
    connect(m_training, &TrainingPage::stateChanged, this, [cancelAction, resumeAction](bool running, bool resumable) {
        cancelAction->setEnabled(running);
        resumeAction->setEnabled(resumable);
    });

    // The toolbar: the actions of the improvement loop.
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar")); // saveState() needs a name
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(newAction);
    bar->addAction(openAction);
    bar->addSeparator();
    bar->addAction(importAction);
    bar->addSeparator();
    bar->addAction(startAction);
    bar->addAction(cancelAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
    help->addAction(tr("&Plugins…"), this, [this] {
        PluginsDialog dialog(pluginRecords(), pluginSearchPath(), this);
        dialog.exec();
    });
    help->addAction(tr("&About Visor"), this, [this] {
        QMessageBox::about(this, tr("About Visor"),
                           tr("<b>Visor %1</b><br>A workbench for building computer-vision models from your own "
                              "images. Runs offline on this workstation.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::showShortcuts()
{
    std::unique_ptr<QDialog> dialog = shortcutsDialog();
    dialog->exec();
}

std::unique_ptr<QDialog> MainWindow::shortcutsDialog()
{
    // Read from the menus and the pages' own key actions: the sheet lists what the keys do, per page.
    const std::vector<ShortcutSection> sheet = shortcutSheet(this);
    auto owned = std::make_unique<QDialog>(this);
    QDialog &dialog = *owned;
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto *tree = new QTreeWidget(&dialog);
    tree->setObjectName(QStringLiteral("shortcutSheet"));
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Keys"), tr("Action")});
    tree->setRootIsDecorated(false);
    for (const ShortcutSection &section : sheet) {
        auto *head = new QTreeWidgetItem(tree, {section.title});
        QFont bold = head->font(0);
        bold.setBold(true);
        head->setFont(0, bold);
        head->setFirstColumnSpanned(true);
        for (const auto &[keys, action] : section.rows)
            new QTreeWidgetItem(head, {keys, action});
        head->setExpanded(true);
    }
    tree->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    dialog.resize(620, 600);
    return owned;
}

bool MainWindow::openProject(const QString &path)
{
    // A project is a folder; its project.visor file (double-clicked in a file manager) opens it too.
    const QFileInfo info(path);
    const QString folder = info.isFile() ? info.absolutePath() : path;
    if (m_training->controller()->isRunning()) {
        QMessageBox::information(this, tr("Open project"), tr("Cancel the training run first."));
        return false;
    }
    std::unique_ptr<Project> project;
    try {
        project = Project::open(folder);
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Open project"),
                             tr("%1 cannot be opened: %2").arg(folder, QString::fromUtf8(e.what())));
        return false;
    }
    m_dataset->setProject(nullptr);
    m_augmentation->setProject(nullptr);
    m_training->setProject(nullptr);
    m_history->setProject(nullptr);
    m_project = std::move(project);
    m_dataset->setProject(m_project.get());
    m_augmentation->setProject(m_project.get());
    m_training->setProject(m_project.get());
    m_history->setProject(m_project.get());
    rememberRecent(m_project->dir());
    updateTitle();
    QSettings settings;
    showPage(Page(std::clamp(settings.value(QStringLiteral("window/page"), int(Dataset)).toInt(), int(Dataset),
                             int(PageCount) - 1)));
    statusBar()->showMessage(tr("Opened %1").arg(m_project->dir()), 5000);
    return true;
}

bool MainWindow::openDemo()
{
    const QString dir = synth::demoDir();
    if (!Project::exists(dir)) {
        statusBar()->showMessage(tr("Creating the demo project…"));
        QApplication::setOverrideCursor(Qt::WaitCursor);
        try {
            synth::openOrCreateDemo(dir);
        } catch (const std::exception &e) {
            QApplication::restoreOverrideCursor();
            QMessageBox::warning(this, tr("Demo project"), QString::fromUtf8(e.what()));
            return false;
        }
        QApplication::restoreOverrideCursor();
    }
    return openProject(dir);
}

void MainWindow::newProject()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New project"));
    auto *name = new QLineEdit(tr("My project"));
    auto *kind = new QComboBox;
    kind->addItem(tr("Object detection (boxes with a class)"), int(DatasetKind::ObjectDetection));
    kind->addItem(tr("Classification (one class per image)"), int(DatasetKind::Classification));
    auto *folder = new QLineEdit(QDir::home().filePath(QStringLiteral("Visor")));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, &dialog, [&] {
        const QString d = chooseFolder(&dialog, tr("Parent folder"), QStringLiteral("new"), folder->text());
        if (!d.isEmpty())
            folder->setText(d);
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(folder, 1);
    folderRow->addWidget(browse);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Kind:"), kind);
    form->addRow(tr("Inside folder:"), folderRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString dir = QDir(folder->text()).filePath(name->text().trimmed());
    try {
        Project::create(dir, name->text().trimmed(), DatasetKind(kind->currentData().toInt()));
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("New project"), QString::fromUtf8(e.what()));
        return;
    }
    openProject(dir);
}

void MainWindow::openProjectDialog()
{
    const QString dir = chooseFolder(this, tr("Open a project folder"), QStringLiteral("open"));
    if (!dir.isEmpty())
        openProject(dir);
}

void MainWindow::rememberRecent(const QString &folder)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recent")).toStringList();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > 10)
        recent.removeLast();
    settings.setValue(QStringLiteral("recent"), recent);
    m_welcome->setRecent(recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recent")).toStringList();
    for (const QString &folder : recent) {
        QAction *a = m_recentMenu->addAction(
            QStringLiteral("%1 — %2").arg(QFileInfo(folder).fileName(), QDir::toNativeSeparators(folder)), this,
            [this, folder] { openProject(folder); });
        a->setEnabled(Project::exists(folder)); // moved or deleted since: shown, not offered
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent project yet."))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear the list"), this, [this] {
        QSettings().remove(QStringLiteral("recent"));
        m_welcome->setRecent({});
        updateRecentMenu();
    });
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}

QWidget *MainWindow::noProjectHint()
{
    auto *hint = new QWidget;
    hint->setObjectName(QStringLiteral("noProject"));
    auto *text = new QLabel(tr("<h3>No project is open</h3><p>Create a project for your images, open one, or "
                               "try the demo project of generated shapes.</p>"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *create = new QPushButton(tr("New project…"));
    auto *open = new QPushButton(tr("Open project…"));
    auto *demo = new QPushButton(tr("Open the demo project"));
    connect(create, &QPushButton::clicked, this, &MainWindow::newProject);
    connect(open, &QPushButton::clicked, this, &MainWindow::openProjectDialog);
    connect(demo, &QPushButton::clicked, this, &MainWindow::openDemo);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton *b : {create, open, demo})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(hint);
    layout->addStretch(1);
    layout->addWidget(text);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return hint;
}

void MainWindow::updateTitle()
{
    for (QStackedWidget *holder : m_holders) // the pages, or the hint where there is no project
        holder->setCurrentIndex(m_project ? 1 : 0);
    setWindowTitle(m_project ? tr("%1 — Visor").arg(m_project->name()) : tr("Visor"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_training->controller()->isRunning() &&
        QMessageBox::question(this, tr("Quit"),
                              tr("A training run is in progress. Cancel it and quit? Its last checkpoint is kept.")) !=
            QMessageBox::Yes) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_project)
        settings.setValue(QStringLiteral("window/page"), int(currentPage()));
    event->accept();
}

} // namespace visor
