#pragma once
/// The Results & History page: every run with its date, duration, status, test metrics and the
/// parameters that changed from the previous run; for the selected run its test metrics (per-class AP,
/// or per-class precision/recall and the confusion matrix) and its curves, optionally overlaid with
/// another run's.

#include "train/runs.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace visor {

class Project;
class ResultsGallery;
class ExportModelDialog;

class HistoryPage : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPage(QWidget *parent = nullptr);
    void setProject(Project *project);
    void refresh();
    int runCount() const { return int(m_runs.size()); }
    qint64 latestRunId() const { return m_runs.empty() ? 0 : m_runs.back().id; }
    void selectRun(int row);
    ResultsGallery *gallery() const { return m_gallery; }
    /// Export model…: the dialog for the selected run (shown, not modal), or nullptr without a model.
    ExportModelDialog *openExport();
    QPushButton *exportButton() const { return m_export; }

Q_SIGNALS:
    /// Open `ids[index]` in the annotator with the gallery's predictions; next / previous follow `ids`.
    void openExamples(const std::vector<qint64> &ids, int index);
    void annotationsChanged();

private:
    void showRun(int row);
    void plotCurves();
    void plotPrecisionRecall(const QJsonObject &metrics);

    Project *m_project = nullptr;
    std::vector<train::RunRecord> m_runs;
    QTableWidget *m_table = nullptr, *m_detail = nullptr, *m_confusion = nullptr;
    QLabel *m_summary = nullptr;
    QCustomPlot *m_curves = nullptr, *m_pr = nullptr;
    ResultsGallery *m_gallery = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_compare = nullptr;
    QPushButton *m_export = nullptr;
    int m_selected = -1;
};

} // namespace visor
