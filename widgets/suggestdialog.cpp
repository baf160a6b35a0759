#include "suggestdialog.h"
#include "parametereditor.h"

#include "project/project.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace visor {
namespace {

QString label(const QString &key)
{
    const ParamSpec *spec = ParameterRegistry::instance().find(key);
    // The group too: several groups have a "Patience" or a "Monitored quantity".
    return spec ? ParameterEditor::groupTitle(spec->group()) + QStringLiteral(" · ") +
                      QCoreApplication::translate("visor::Parameters", qUtf8Printable(spec->label))
                : key;
}

QString shown(const QJsonValue &v)
{
    if (v.isDouble())
        return QLocale().toString(v.toDouble(), 'g', 6);
    return ParameterRegistry::format(v); // lists keep the contract's "12, 24" form; choices are data
}

} // namespace

SuggestDialog::SuggestDialog(Project *project, QWidget *parent) : QDialog(parent), m_project(project)
{
    setWindowTitle(tr("Suggested settings"));
    m_minutes = new QDoubleSpinBox;
    m_minutes->setRange(1, 24 * 60);
    m_minutes->setDecimals(0);
    m_minutes->setValue(15);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setToolTip(tr("How long the run may take on this machine; the schedule and the resolution fit it"));
    m_suggest = new QPushButton(tr("Suggest"));
    connect(m_suggest, &QPushButton::clicked, this, &SuggestDialog::compute);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Time budget:")));
    top->addWidget(m_minutes);
    top->addWidget(m_suggest);
    top->addStretch(1);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(0, 4);
    m_table->setHorizontalHeaderLabels({tr("Parameter"), tr("Current"), tr("Proposed"), tr("Reason")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->setColumnWidth(0, 250);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Rows follow the wrapped reasons whenever a column's width changes (the reason column stretches).
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table,
            [this] { m_table->resizeRowsToContents(); });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_recall = new QLabel;
    m_actions = new QLabel;
    m_actions->setWordWrap(true);
    m_actions->setTextFormat(Qt::RichText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_apply = buttons->addButton(tr("Apply checked"), QDialogButtonBox::AcceptRole);
    m_apply->setEnabled(false);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_recall);
    layout->addWidget(m_actions);
    layout->addWidget(buttons);
    resize(1100, 720);
}

SuggestDialog::~SuggestDialog() = default;

void SuggestDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_suggest->setEnabled(!busy);
    m_minutes->setEnabled(!busy);
    if (busy) {
        m_summary->setText(tr("Reading the data set and timing the network on this machine…"));
        m_apply->setEnabled(false);
    }
}

void SuggestDialog::compute()
{
    if (!m_project || m_busy)
        return;
    setBusy(true);
    advise::Budget budget;
    budget.minutes = m_minutes->value();
    const QString dir = m_project->dir();
    m_job.start(
        [dir, budget](const JobTracker::Cancelled &) -> std::pair<advise::Suggestion, QString> {
            try {
                // Its own connection: a QSqlDatabase belongs to the thread that opened it.
                auto project = Project::open(dir, Project::OpenMode::ReadOnly);
                return {advise::suggest(*project, budget), QString()};
            } catch (const std::exception &e) {
                return {advise::Suggestion(), QString::fromUtf8(e.what())};
            }
        },
        [this](const std::pair<advise::Suggestion, QString> &outcome) {
            setBusy(false);
            if (!outcome.second.isEmpty()) {
                m_summary->setText(tr("The advisor could not run: %1").arg(outcome.second));
                return;
            }
            setSuggestion(outcome.first);
        });
}

void SuggestDialog::setSuggestion(const advise::Suggestion &s)
{
    m_suggestion = s;
    m_summary->setText(s.proposals.empty() ? s.summary + QLatin1Char(' ') +
                                                 tr("The current settings are what the advisor would choose.")
                                           : s.summary);
    m_table->setRowCount(int(s.proposals.size()));
    for (int row = 0; row < int(s.proposals.size()); ++row) {
        const advise::Proposal &p = s.proposals[size_t(row)];
        auto *name = new QTableWidgetItem(label(p.key));
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        name->setCheckState(Qt::Checked);
        name->setToolTip(p.key);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(shown(p.current)));
        m_table->setItem(row, 2, new QTableWidgetItem(shown(p.proposed)));
        auto *reason = new QTableWidgetItem(p.reason);
        reason->setToolTip(p.reason);
        m_table->setItem(row, 3, reason);
    }
    m_recall->setVisible(s.anchorRecallCurrent.has_value());
    if (s.anchorRecallCurrent)
        m_recall->setText(tr("Boxes an anchor matches: %1 now, %2 with the proposed anchors.")
                              .arg(QLocale().toString(100 * *s.anchorRecallCurrent, 'f', 1) + QLatin1Char('%'),
                                   QLocale().toString(100 * *s.anchorRecallProposed, 'f', 1) + QLatin1Char('%')));
    QString actions;
    for (const advise::Action &a : s.actions)
        actions += QStringLiteral("<li>%1</li>").arg(a.message.toHtmlEscaped());
    m_actions->setVisible(!actions.isEmpty());
    m_actions->setText(tr("<b>For you to do</b> (no setting fixes these):") +
                       QStringLiteral("<ul>%1</ul>").arg(actions));
    m_apply->setEnabled(!s.proposals.empty());
    QTimer::singleShot(0, m_table, [this] { m_table->resizeRowsToContents(); }); // once laid out
    Q_EMIT suggestionReady();
}

void SuggestDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    // The stretched reason column changes width with the dialog; its wrapped text needs other row heights.
    QTimer::singleShot(0, m_table, [this] { m_table->resizeRowsToContents(); });
}

int SuggestDialog::rowCount() const
{
    return m_table->rowCount();
}

void SuggestDialog::setRowChecked(int row, bool checked)
{
    if (QTableWidgetItem *item = m_table->item(row, 0))
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void SuggestDialog::apply()
{
    if (!m_project)
        return;
    std::vector<bool> selected;
    int count = 0;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        selected.push_back(m_table->item(row, 0)->checkState() == Qt::Checked);
        count += selected.back();
    }
    m_project->setParameters(m_suggestion.applied(m_project->parameters(), &selected));
    Q_EMIT applied(count);
}

} // namespace visor
