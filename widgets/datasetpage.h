#pragma once
/// The Data set page: the thumbnail grid with filters and search, import and export, and the health
/// panel beside it.

#include <QWidget>
#include <memory>

class QComboBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;

namespace visor {

class AnnotationPage;
class DatasetFilter;
class DatasetModel;
class HealthPanel;
class Project;
class ThumbnailLoader;

class DatasetPage : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPage(QWidget *parent = nullptr);
    ~DatasetPage() override;

    /// Shows `project` (not owned; nullptr clears the page).
    void setProject(Project *project);
    void refresh(); // after an import, a run, an edit elsewhere

    DatasetModel *model() const { return m_model; }
    DatasetFilter *filter() const { return m_filter; }
    QListView *view() const { return m_view; }
    HealthPanel *health() const { return m_health; }
    AnnotationPage *annotator() const { return m_annotator; }

    /// Opens the annotator on the grid's row `row` (filtered order); next / previous follow the grid.
    void annotate(int row);
    /// Opens the annotator on an example, clearing the grid's filters when they hide it.
    void annotateExample(qint64 exampleId);
    bool annotating() const;

public Q_SLOTS:
    void importFolder(const QString &folder = {}); // asks for a folder when empty
    void exportDataset();
    void manageClasses();

Q_SIGNALS:
    void projectChanged(); // examples or classes changed
    void message(const QString &text);

private:
    void rebuildClassFilter();
    void updateCount();

    Project *m_project = nullptr;
    ThumbnailLoader *m_loader = nullptr;
    DatasetModel *m_model = nullptr;
    DatasetFilter *m_filter = nullptr;
    QListView *m_view = nullptr;
    HealthPanel *m_health = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_class = nullptr, *m_split = nullptr;
    QCheckBox *m_unlabelled = nullptr;
    QLabel *m_count = nullptr, *m_idFilter = nullptr;
    QStackedWidget *m_stack = nullptr;
    AnnotationPage *m_annotator = nullptr;
    bool m_edited = false;
};

} // namespace visor
