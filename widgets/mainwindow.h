#pragma once
/// The workbench window: a page list on the left (Welcome, Data set, Training, Results & History),
/// menus, shortcuts and a status bar; window state, recent projects and the last page are remembered.

#include <QMainWindow>
#include <memory>
#include <vector>

class QDialog;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace visor {

class AugmentationPage;
class DatasetPage;
class HistoryPage;
class Project;
class TrainingPage;
class WelcomePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { Welcome, Dataset, Augmentation, Training, History, PageCount };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool
    openProject(const QString &path); // a folder or its project.visor; shows a message and returns false when it cannot
    bool openDemo();
    void showPage(Page page);
    Page currentPage() const;
    Project *project() const { return m_project.get(); }
    /// The F1 sheet (Help ▸ Keyboard shortcuts), made from the menus and the pages' key actions.
    std::unique_ptr<QDialog> shortcutsDialog();

    DatasetPage *datasetPage() const { return m_dataset; }
    AugmentationPage *augmentationPage() const { return m_augmentation; }
    TrainingPage *trainingPage() const { return m_training; }
    HistoryPage *historyPage() const { return m_history; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void newProject();
    void openProjectDialog();
    void rememberRecent(const QString &folder);
    void updateRecentMenu();
    QWidget *noProjectHint();
    void showShortcuts();
    void updateTitle();

    std::unique_ptr<Project> m_project;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    WelcomePage *m_welcome = nullptr;
    DatasetPage *m_dataset = nullptr;
    AugmentationPage *m_augmentation = nullptr;
    TrainingPage *m_training = nullptr;
    HistoryPage *m_history = nullptr;
    QMenu *m_recentMenu = nullptr;           // File ▸ Open recent
    std::vector<QStackedWidget *> m_holders; // each project page, or the no-project hint
};

} // namespace visor
