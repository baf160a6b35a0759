#include "propose.h"
#include "inference.h"
#include "project/proposals.h"

#include <QCoreApplication>
#include <map>
#include <set>

namespace visor::train {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(visor::Propose)
};

std::vector<Example> chosenExamples(const Project &project, const ProposeOptions &o, QStringList *problems)
{
    std::vector<Example> out;
    if (o.which == ProposeOptions::Which::Examples) {
        for (qint64 id : o.ids) {
            if (auto e = project.example(id))
                out.push_back(*e);
            else
                *problems << Text::tr("no example %1").arg(id);
        }
        return out;
    }
    for (const Example &e : project.examples())
        if (o.which == ProposeOptions::Which::All || !e.labelled)
            out.push_back(e);
    return out;
}

} // namespace

ProposeReport proposeWithRun(Project &project, qint64 runId, const ProposeOptions &o)
{
    ProposeReport report;
    const auto predictor = Predictor::open(project, runId);
    if (o.threshold >= 0)
        predictor->setThreshold(o.threshold);
    std::map<QString, qint64> classIds;
    for (const ClassInfo &c : project.classes())
        classIds[c.name] = c.id;
    const std::vector<Example> examples = chosenExamples(project, o, &report.problems);
    const QString origin = QStringLiteral("run %1").arg(runId);
    std::map<qint64, std::vector<ModelProposal>> found;
    std::set<QString> missingClasses;
    for (size_t i = 0; i < examples.size(); ++i) {
        if (o.cancel && o.cancel->load())
            return ProposeReport{0, 0, {Text::tr("cancelled; no proposal stored")}};
        if (o.progress)
            o.progress(int(i), int(examples.size()));
        const Example &e = examples[i];
        const Prediction p = predictor->predictFile(project.imagePath(e));
        if (!p.error.isEmpty()) {
            report.problems << Text::tr("%1 (example %2): %3").arg(e.fileName).arg(e.id).arg(p.error);
            continue;
        }
        ++report.examples;
        std::vector<ModelProposal> &list = found[e.id];
        auto add = [&](const QString &name, double score, const DetectedBox *b) {
            const auto c = classIds.find(name);
            if (c == classIds.end()) {
                missingClasses.insert(name);
                return;
            }
            ModelProposal m;
            m.exampleId = e.id;
            m.classId = c->second;
            m.score = score;
            m.origin = origin;
            if (b) {
                m.hasBox = true;
                m.x1 = b->x1;
                m.y1 = b->y1;
                m.x2 = b->x2;
                m.y2 = b->y2;
            }
            list.push_back(m);
        };
        if (predictor->detection())
            for (const DetectedBox &b : p.boxes)
                add(b.className, b.score, &b);
        else if (!p.scores.empty())
            add(p.className, p.scores.front().second, nullptr);
    }
    if (o.progress)
        o.progress(int(examples.size()), int(examples.size()));
    for (const QString &name : missingClasses)
        report.problems
            << Text::tr("class '%1' of the run is no longer in the project: its predictions were left out").arg(name);
    Transaction t(project.database());
    ProposalStore store(project);
    for (const auto &[id, list] : found) {
        store.replaceFrom(id, origin, list);
        report.proposals += int(list.size());
    }
    t.commit();
    return report;
}

} // namespace visor::train
