#include "trainingpage.h"
#include "parametereditor.h"
#include "suggestdialog.h"
#include "trainingcontroller.h"
#include "trainingdashboard.h"

#include "advise/advisor.h"
#include "train/runs.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace visor {

TrainingPage::TrainingPage(QWidget *parent) : QWidget(parent)
{
    m_controller = new TrainingController(this);
    m_dashboard = new TrainingDashboard;
    connect(m_controller, &TrainingController::started, m_dashboard, &TrainingDashboard::onStarted);
    connect(m_controller, &TrainingController::batchEnded, m_dashboard, &TrainingDashboard::onBatch);
    connect(m_controller, &TrainingController::epochEnded, m_dashboard, &TrainingDashboard::onEpoch);
    connect(m_controller, &TrainingController::checkpointSaved, m_dashboard, &TrainingDashboard::onCheckpoint);
    connect(m_controller, &TrainingController::learningRateReduced, m_dashboard,
            &TrainingDashboard::onLearningRateReduced);
    connect(m_controller, &TrainingController::overfittingSuspected, m_dashboard, &TrainingDashboard::onOverfitting);
    connect(m_controller, &TrainingController::finished, m_dashboard, &TrainingDashboard::onFinished);
    connect(m_controller, &TrainingController::failed, m_dashboard, &TrainingDashboard::onFailed);
    connect(m_controller, &TrainingController::failed, this, [this](const QString &m) {
        m_refusal->setText(tr("Training stopped: %1").arg(m));
        m_refusal->show();
    });
    connect(m_controller, &TrainingController::stopped, this, [this] {
        setRunning(false);
        Q_EMIT runFinished();
    });

    m_start = new QPushButton(tr("Start training"));
    // Ctrl+R belongs to the Training menu's Start action (window-wide); a second binding here made the
    // shortcut ambiguous and neither fired.
    m_start->setToolTip(tr("Train a new run with these parameters (Ctrl+R)"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop within one step; the last checkpoint is kept"));
    m_resume = new QPushButton(tr("Resume last run"));
    m_resume->setToolTip(tr("Continue the latest run from its last checkpoint, with its own parameters"));
    connect(m_start, &QPushButton::clicked, this, &TrainingPage::start);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPage::cancel);
    connect(m_resume, &QPushButton::clicked, this, &TrainingPage::resume);
    m_suggest = new QPushButton(tr("Suggest settings…"));
    m_suggest->setToolTip(tr("Settings chosen from this data set and a time budget, each with its reason"));
    connect(m_suggest, &QPushButton::clicked, this, &TrainingPage::openSuggestions);
    m_concernText = new QLabel;
    m_concernText->setWordWrap(true);
    auto *suggestNow = new QPushButton(tr("Suggest settings…"));
    connect(suggestNow, &QPushButton::clicked, this, &TrainingPage::openSuggestions);
    auto *anyway = new QPushButton(tr("Start anyway"));
    connect(anyway, &QPushButton::clicked, this, [this] {
        m_startAnyway = true;
        start();
    });
    m_concerns = new QWidget;
    m_concerns->setObjectName(QStringLiteral("concerns"));
    m_concerns->setStyleSheet(QStringLiteral("#concerns { background: #fff3cd; border-radius: 4px; }"
                                             " QLabel { color: #664d03; }"));
    auto *concernLayout = new QVBoxLayout(m_concerns);
    concernLayout->addWidget(m_concernText);
    auto *concernButtons = new QHBoxLayout;
    concernButtons->addWidget(suggestNow);
    concernButtons->addWidget(anyway);
    concernButtons->addStretch(1);
    concernLayout->addLayout(concernButtons);
    m_concerns->hide();
    m_refusal = new QLabel;
    m_refusal->setWordWrap(true);
    m_refusal->setStyleSheet(QStringLiteral("QLabel { background: #f8d7da; color: #58151c; padding: 6px;"
                                            " border-radius: 4px; }"));
    m_refusal->hide();

    m_editorHolder = new QWidget;
    new QVBoxLayout(m_editorHolder);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_editorHolder);
    scroll->setMinimumWidth(360);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_suggest);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_refusal);
    leftLayout->addWidget(m_concerns);
    leftLayout->addWidget(scroll, 1);
    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(m_dashboard);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    setProject(nullptr);
}

void TrainingPage::setProject(Project *project)
{
    m_project = project;
    m_refusal->hide(); // before the editor, which shows the stored values it cannot use
    m_concerns->hide();
    rebuildEditor();
    m_dashboard->reset(project && project->kind() == DatasetKind::Classification ? tr("accuracy") : tr("mAP@0.5"));
    if (project) { // the latest run's curves until a new one starts
        const auto runs = train::RunStore(*project).runs();
        if (!runs.empty())
            m_dashboard->showRun(runs.back());
    }
    setRunning(false);
    setEnabled(project != nullptr);
}

void TrainingPage::rebuildEditor()
{
    delete m_editor;
    m_editor = nullptr;
    if (!m_project)
        return;
    QStringList groups{QStringLiteral("train"),          QStringLiteral("input"),     QStringLiteral("optimizer"),
                       QStringLiteral("early_stopping"), QStringLiteral("reduce_lr"), QStringLiteral("checkpoint")};
    if (m_project->kind() == DatasetKind::Classification)
        groups << QStringLiteral("classifier");
    else
        groups << QStringLiteral("detector") << QStringLiteral("anchors");
    m_editor = new ParameterEditor(groups);
    m_editor->setParameters(m_project->parameters());
    // One rule on every page: a valid value is stored at once (it was stored only when a run started, and
    // lost on a project switch); a fixed value takes its refusal away.
    connect(m_editor, &ParameterEditor::changed, this, [this] {
        const bool valid = m_editor->isValid();
        m_start->setEnabled(valid && !m_controller->isRunning());
        if (!valid)
            return;
        m_project->setParameters(m_editor->mergedInto(m_project->parameters()));
        if (m_refusal->isVisible() && m_refusalForValues)
            m_refusal->hide();
        Q_EMIT parametersChanged();
    });
    m_editorHolder->layout()->addWidget(m_editor);
    // Stored values this build refuses (a plugin's backbone without the plugin): the editor shows the
    // defaults, and this says so rather than letting a run train with them unannounced.
    QStringList problems;
    for (const auto &[key, why] : m_project->parameterProblems())
        problems << why;
    if (!problems.isEmpty()) {
        m_refusal->setText(tr("Stored values this Visor cannot use (a plugin that provided them may be missing; "
                              "Help > Plugins); the defaults are shown and a run uses them:\n%1")
                               .arg(problems.join(QLatin1Char('\n'))));
        m_refusal->show();
        m_refusalForValues = true;
    }
}

bool TrainingPage::start()
{
    return begin(0);
}

void TrainingPage::resume()
{
    if (!m_project)
        return;
    const auto runs = train::RunStore(*m_project).runs();
    if (runs.empty()) {
        m_refusal->setText(tr("There is no run to resume yet."));
        m_refusal->show();
        return;
    }
    const qint64 id = runs.back().id;
    m_dashboard->reset(m_project->kind() == DatasetKind::Classification ? tr("accuracy") : tr("mAP@0.5"));
    if (auto record = train::RunStore(*m_project).run(id))
        m_dashboard->showRun(*record);
    begin(id);
}

bool TrainingPage::begin(qint64 resumeRun)
{
    if (!m_project || m_controller->isRunning())
        return false;
    if (!m_editor->isValid()) {
        QStringList lines;
        for (const auto &[key, error] : m_editor->errors())
            lines << error;
        m_refusal->setText(tr("Fix these values first:\n%1").arg(lines.join(QLatin1Char('\n'))));
        m_refusal->show();
        m_refusalForValues = true;
        return false;
    }
    // What the user trains with is what the project remembers (the other pages' groups included).
    const ParameterSet parameters = m_editor->mergedInto(m_project->parameters());
    m_project->setParameters(parameters);
    // Settings the advisor would change strongly: say so before a new run, with the way out. Reads a sample
    // of at most 20,000 boxes in one query, fast enough here.
    if (!resumeRun && !m_startAnyway) {
        const QStringList concerns = advise::preflight(advise::profileBoxes(*m_project), parameters);
        if (!concerns.isEmpty()) {
            m_concernText->setText(tr("Before you train: %1").arg(concerns.join(QLatin1Char(' '))));
            m_concerns->show();
            return false;
        }
    }
    m_startAnyway = false;
    m_concerns->hide();
    // The data set's own check (at least 10 examples, every class in the training split) runs on the
    // training thread first: it reads statistics of the whole project, too slow for the GUI thread
    // with 100,000 examples. A refusal comes back as failed() and is shown above the parameters.
    m_refusal->hide();
    m_refusalForValues = false;
    if (!resumeRun)
        m_dashboard->reset(m_project->kind() == DatasetKind::Classification ? tr("accuracy") : tr("mAP@0.5"));
    setRunning(true);
    m_controller->start(m_project->dir(), parameters, resumeRun);
    Q_EMIT message(resumeRun ? tr("Resuming run %1…").arg(resumeRun) : tr("Training started."));
    return true;
}

SuggestDialog *TrainingPage::openSuggestions()
{
    if (!m_project)
        return nullptr;
    if (m_editor && m_editor->isValid())
        m_project->setParameters(m_editor->mergedInto(m_project->parameters()));
    auto *dialog = new SuggestDialog(m_project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SuggestDialog::applied, this, [this](int count) {
        rebuildEditor();
        m_concerns->hide();
        Q_EMIT message(tr("%n suggested setting(s) applied.", nullptr, count));
    });
    dialog->show();
    if (!m_controller->isRunning()) // the timing probe would compete with a running training
        dialog->compute();
    return dialog;
}

void TrainingPage::cancel()
{
    m_controller->cancel();
    m_cancel->setEnabled(false);
    Q_EMIT message(tr("Cancelling after the current step…"));
}

// The latest run has a complete checkpoint and nobody is training it: "Resume" can act.
bool TrainingPage::latestRunResumable() const
{
    if (!m_project)
        return false;
    const auto runs = train::RunStore(*m_project).runs();
    return !runs.empty() && runs.back().status != QLatin1String("running") &&
           QFileInfo::exists(QDir(runs.back().folder).filePath(QStringLiteral("last.json")));
}

void TrainingPage::setRunning(bool running)
{
    const bool resumable = !running && latestRunResumable();
    m_start->setEnabled(!running && m_project);
    m_resume->setEnabled(resumable);
    m_suggest->setEnabled(!running && m_project);
    m_cancel->setEnabled(running);
    if (m_editor)
        m_editor->setEnabled(!running);
    Q_EMIT stateChanged(running, resumable);
}

} // namespace visor
