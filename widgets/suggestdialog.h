#pragma once
#include "jobtracker.h"
/// Suggest settings…: the advisor's proposals for a time budget, each a row (parameter, current,
/// proposed, reason) with a check box; Apply stores the checked ones. The advisor (statistics, a sample of
/// images, a timing probe) runs off the GUI thread on its own project connection.

#include "advise/advisor.h"

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace visor {

class Project;

class SuggestDialog : public QDialog {
    Q_OBJECT
public:
    SuggestDialog(Project *project, QWidget *parent = nullptr);
    ~SuggestDialog() override;

    /// Shows a suggestion (what the background job delivers; tests give one directly).
    void setSuggestion(const advise::Suggestion &suggestion);
    int rowCount() const;
    void setRowChecked(int row, bool checked);
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void compute(); // starts the advisor for the budget in the spin box
    void apply();   // stores the checked proposals in the project

Q_SIGNALS:
    void applied(int count); // parameters changed: pages reload them
    void suggestionReady();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setBusy(bool busy);

    Project *m_project;
    QDoubleSpinBox *m_minutes = nullptr;
    QPushButton *m_suggest = nullptr, *m_apply = nullptr;
    QLabel *m_summary = nullptr, *m_actions = nullptr, *m_recall = nullptr;
    QTableWidget *m_table = nullptr;
    advise::Suggestion m_suggestion;
    JobTracker m_job{this}; // the advisor running in the background
    bool m_busy = false;
};

} // namespace visor
