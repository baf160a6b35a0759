#pragma once
#include "jobtracker.h"
/// The Data set page: the thumbnail grid with filters and search, import and export, and the health
/// panel beside it.

#include <QJsonObject>
#include <QSet>
#include <QWidget>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSplitter;
class QStackedWidget;

namespace visor {

class GenerateDialog;

struct ImportOptions;
struct ImportReport;
struct DatasetStatistics;
struct ShownPrediction;

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
    /// Recomputes the statistics and health in the background (statisticsReady() follows).
    void refreshStatistics();
    /// The project's parameters were edited: the statistics are recomputed only if they read one of the
    /// edited parameters (the input resolution, the health thresholds).
    void parametersChanged();
    /// Whether a statistics job is running (screenshots and tests wait for it).
    bool statisticsPending() const { return m_stats.running() > 0; }
    /// False: no message boxes (tests); reports still go to message().
    void setInteractive(bool on) { m_interactive = on; }

    DatasetModel *model() const { return m_model; }
    DatasetFilter *filter() const { return m_filter; }
    QListView *view() const { return m_view; }
    HealthPanel *health() const { return m_health; }
    AnnotationPage *annotator() const { return m_annotator; }

    /// The examples the last reviewed run got wrong (the "Wrong in the last run" filter).
    void setWrongInLastRun(const QSet<qint64> &ids, qint64 runId);
    enum Show { ShowAll, ShowUnlabelled, ShowWarnings, ShowWrong, ShowFromEdge, ShowWithProposals };
    void setShow(Show show);
    /// Propose with model…: run `runId` predicts on the chosen examples (off the GUI thread, with progress
    /// and cancel) and its predictions become proposals; the grid then shows the examples with proposals.
    /// Without arguments it asks for the run and the examples. Detections down to `threshold` are kept
    /// (the annotator's slider hides the weak ones).
    void proposeWithModel();
    void proposeWithModel(qint64 runId, int which, const std::vector<qint64> &ids = {}, double threshold = 0.05);
    /// The grid's example ids, filtered and in its order.
    std::vector<qint64> visibleIds() const;
    /// Opens the annotator on the grid's row `row` (filtered order); next / previous follow the grid.
    void annotate(int row);
    /// Opens the annotator on an example, clearing the grid's filters when they hide it.
    void annotateExample(qint64 exampleId);
    /// Opens the annotator on `ids[index]` with next / previous through `ids` (the results gallery's
    /// images) and the model's predictions shown over each.
    void annotateExamples(const std::vector<qint64> &ids, int index,
                          const std::function<std::vector<ShownPrediction>(qint64)> &predictions);
    bool annotating() const;
    /// The health panel beside the grid and the annotator (View ▸ Health panel).
    void setHealthShown(bool on);
    bool healthShown() const;

public Q_SLOTS:
    void importFolder(const QString &folder = {}); // asks for a folder and its format when empty
    void importFiles(const QStringList &files);    // loose images, to be annotated
    void exportDataset();
    /// Generate…: the dialog (or `prepared`, already filled: tests), then the examples added in the
    /// background with progress and cancel. False when nothing was started.
    bool generateExamples(GenerateDialog *prepared = nullptr);
    void manageClasses();

Q_SIGNALS:
    void projectChanged(); // examples or classes changed
    /// The annotations of these examples were edited (the annotator closed after edits); the examples
    /// and classes are unchanged, so views update these rows only.
    void annotationsChanged(const QSet<qint64> &ids);
    void statisticsReady(); // the health panel shows the current statistics
    void message(const QString &text);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void runImport(const QString &what, const std::function<ImportReport(Project &, const ImportOptions &)> &job);
    void contextMenu(const QPoint &pos);
    void deleteExamples(const std::vector<qint64> &ids); // asks first (when interactive)
    std::vector<qint64> selectedIds() const;
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
    QComboBox *m_show = nullptr, *m_sort = nullptr;
    QSet<qint64> m_warningIds, m_wrongIds;
    QSet<qint64> m_editedIds;      // examples the annotator showed since it opened: their rows are re-read
    QLabel *m_emptyHint = nullptr; // over the grid of an empty project
    JobTracker m_import{this};     // an import runs as a job too; its modal dialog waits for it
    QJsonObject m_statsParameters; // the parameters the latest statistics were computed with
    JobTracker m_stats{this};      // statistics of 100,000 examples take a second: never on the GUI thread
    void applyStatistics(const DatasetStatistics &st);
    QLabel *m_count = nullptr, *m_idFilter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QSplitter *m_healthSplit = nullptr;
    AnnotationPage *m_annotator = nullptr;
    bool m_edited = false;
    bool m_interactive = true;
};

} // namespace visor
