// The Data set page's Propose…: a run's predictions on chosen examples become proposals
// (train/propose.h), which the annotator accepts or rejects.
#include "datasetpage.h"
#include "modaljob.h"
#include "runstatus.h"
#include "train/propose.h"
#include "train/runs.h"

#include <QInputDialog>
#include <QMessageBox>
#include <algorithm>

namespace visor {

void DatasetPage::proposeWithModel()
{
    if (!m_project)
        return;
    std::vector<qint64> runs;
    QStringList names;
    for (const train::RunRecord &r : train::RunStore(*m_project).runs())
        if (r.status != QLatin1String("running") && r.status != QLatin1String("failed") && !r.folder.isEmpty()) {
            runs.push_back(r.id);
            names << tr("run %1 (%2)").arg(r.id).arg(runStatusText(r.status));
        }
    if (runs.empty()) {
        QMessageBox::information(this, tr("Propose with model"), tr("No trained run yet: train on the Training page."));
        return;
    }
    bool ok = false;
    const QString run =
        QInputDialog::getItem(this, tr("Propose with model"), tr("Model:"), names, int(names.size()) - 1, false, &ok);
    if (!ok)
        return;
    const QStringList which{tr("The examples not annotated yet"), tr("Every example"), tr("The selected examples")};
    const QString chosen =
        QInputDialog::getItem(this, tr("Propose with model"), tr("Predict on:"), which, 0, false, &ok);
    if (ok)
        proposeWithModel(runs[size_t(names.indexOf(run))], int(which.indexOf(chosen)), selectedIds());
}

void DatasetPage::proposeWithModel(qint64 runId, int which, const std::vector<qint64> &ids, double threshold)
{
    if (!m_project)
        return;
    struct Outcome {
        train::ProposeReport report;
        QString error;
    };
    const QString dir = m_project->dir();
    const Outcome outcome =
        runModalJob<Outcome>(this, m_import, tr("Run %1 is predicting…").arg(runId), tr("Cancel"),
                             [dir, runId, which, ids, threshold](const ModalJobContext &context) {
                                 Outcome out;
                                 try {
                                     auto project = Project::open(dir); // this thread's own connection
                                     std::atomic<bool> cancel{false};
                                     train::ProposeOptions o;
                                     o.which = train::ProposeOptions::Which(std::clamp(which, 0, 2));
                                     o.ids = ids;
                                     o.threshold = threshold;
                                     o.cancel = &cancel;
                                     o.progress = [&](int d, int t) {
                                         context.report(d, t);
                                         cancel = context.cancelled();
                                     };
                                     out.report = train::proposeWithRun(*project, runId, o);
                                 } catch (const std::exception &e) {
                                     out.error = QString::fromUtf8(e.what());
                                 }
                                 return out;
                             });
    if (!outcome.error.isEmpty()) {
        QMessageBox::warning(this, tr("Propose with model"), outcome.error);
        return;
    }
    refresh();
    Q_EMIT message(tr("Run %1 proposed %2 prediction(s) for %3 example(s)%4")
                       .arg(runId)
                       .arg(outcome.report.proposals)
                       .arg(outcome.report.examples)
                       .arg(outcome.report.problems.isEmpty()
                                ? QString()
                                : QStringLiteral("; ") + outcome.report.problems.join(QStringLiteral("; "))));
    setShow(ShowWithProposals);
}

} // namespace visor
