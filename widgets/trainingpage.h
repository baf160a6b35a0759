#pragma once
/// The Training page: the parameter editor, start / cancel / resume, and the live dashboard.

#include <QWidget>

class QLabel;
class QPushButton;

namespace visor {

class ParameterEditor;
class Project;
class SuggestDialog;
class TrainingController;
class TrainingDashboard;

class TrainingPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPage(QWidget *parent = nullptr);
    void setProject(Project *project);

    TrainingController *controller() const { return m_controller; }
    TrainingDashboard *dashboard() const { return m_dashboard; }
    ParameterEditor *editor() const { return m_editor; }

public Q_SLOTS:
    bool start(); // false (with the reason shown) when the data set cannot train, a value is invalid, or the
                  // advisor has a strong concern (shown with "Suggest settings…" and "Start anyway")
    void resume();
    void cancel();
    /// Opens Suggest settings… (non-modal; deleted on close). The editor's valid values are stored first,
    /// so that the advisor starts from what the user sees.
    SuggestDialog *openSuggestions();

Q_SIGNALS:
    void runFinished(); // a run ended (any status): history and results can refresh
    /// Whether a run is going and whether the latest run can be resumed: the window's Cancel and Resume
    /// actions are enabled only when they can act.
    void stateChanged(bool running, bool resumable);
    void parametersChanged(); // a valid edit was stored: statistics that depend on parameters are stale
    void message(const QString &text);

private:
    void rebuildEditor();
    void setRunning(bool running);
    bool latestRunResumable() const;
    bool m_refusalForValues = false; // the refusal shown is "fix these values first"
    bool begin(qint64 resumeRun);

    Project *m_project = nullptr;
    TrainingController *m_controller = nullptr;
    TrainingDashboard *m_dashboard = nullptr;
    ParameterEditor *m_editor = nullptr;
    QWidget *m_editorHolder = nullptr;
    QPushButton *m_start = nullptr, *m_cancel = nullptr, *m_resume = nullptr, *m_suggest = nullptr;
    QLabel *m_refusal = nullptr;
    QWidget *m_concerns = nullptr; // the advisor's strong concerns before a run
    QLabel *m_concernText = nullptr;
    bool m_startAnyway = false;
};

} // namespace visor
