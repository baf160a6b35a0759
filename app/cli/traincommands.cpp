#include "traincommands.h"
#include "console.h"

#include "advise/advisor.h"
#include "advise/runadvice.h"
#include "project/project.h"
#include "train/inference.h"
#include "train/runs.h"
#include "train/trainer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <atomic>
#include <csignal>
#include <unistd.h>

namespace visor::cli {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void onInterrupt(int)
{
    g_cancel = true;
}

QString clock(double seconds)
{
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// Prints a progress bar on stderr and one line per epoch on stdout.
class ConsoleHooks : public train::TrainHooks {
public:
    explicit ConsoleHooks(bool detection) : m_metric(detection ? QStringLiteral("map") : QStringLiteral("accuracy")) {}

    void batchEnd(const train::BatchInfo &b) override
    {
        if (!m_terminal)
            return; // a progress bar only where someone watches it, not in a log file
        const int width = 24;
        const int filled = width * b.step / std::max(1, b.stepsPerEpoch);
        err() << QStringLiteral("\repoch %1/%2 [%3%4] step %5/%6 loss %7 eta %8 ")
                     .arg(b.epoch)
                     .arg(b.epochs)
                     .arg(QString(filled, QLatin1Char('=')), QString(width - filled, QLatin1Char(' ')))
                     .arg(b.step)
                     .arg(b.stepsPerEpoch)
                     .arg(b.smoothedLoss, 0, 'f', 4)
                     .arg(clock(b.etaSeconds));
        err().flush();
    }
    void epochEnd(const train::EpochMetrics &m) override
    {
        if (m_terminal) {
            err() << "\r" << QString(78, QLatin1Char(' ')) << "\r";
            err().flush();
        }
        out() << train::describe(m, m_metric) << "\n";
        out().flush();
    }
    void learningRateReduced(int epoch, double rate) override
    {
        out() << "  learning rate reduced to " << rate << " after epoch " << epoch << "\n";
    }
    void overfittingSuspected(const train::OverfittingDetector::Event &e) override
    {
        out() << "  " << e.message() << "\n";
    }

private:
    QString m_metric;
    bool m_terminal = isatty(STDERR_FILENO) == 1;
};

std::unique_ptr<Project> openProject(const QString &dir)
{
    return Project::open(dir);
}

bool parseRun(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    return ok && *id > 0;
}

} // namespace

int suggestCommand(QCommandLineParser &p, const QStringList &a)
{
    bool ok = false;
    advise::Budget budget;
    budget.minutes = p.value(QStringLiteral("minutes")).toDouble(&ok);
    if (!ok || budget.minutes <= 0 || budget.minutes > 7 * 24 * 60)
        return usage(QStringLiteral("suggest: --minutes must be a positive number of minutes"));
    auto project = openProject(a[0]);
    const advise::Suggestion s = advise::suggest(*project, budget);
    if (p.isSet(QStringLiteral("apply")))
        project->setParameters(s.applied(project->parameters()));
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = s.toJson();
        o.insert(QStringLiteral("applied"), p.isSet(QStringLiteral("apply")));
        printJson(o);
        return 0;
    }
    out() << s.toText();
    out() << (p.isSet(QStringLiteral("apply"))
                  ? QStringLiteral("\nApplied %1 proposal(s) to the project's parameters.\n").arg(s.proposals.size())
                  : QStringLiteral("\nNothing changed; --apply stores the proposals.\n"));
    return 0;
}

int trainCommand(QCommandLineParser &p, const QStringList &a)
{
    auto project = openProject(a[0]);
    train::TrainOptions options;
    options.parameters = project->parameters();
    for (const QString &assignment : p.values(QStringLiteral("set"))) {
        const int eq = int(assignment.indexOf(QLatin1Char('=')));
        if (eq <= 0)
            return usage(QStringLiteral("train: --set expects KEY=VALUE, got '%1'").arg(assignment));
        QJsonValue v;
        const QString e = ParameterRegistry::instance().parse(assignment.left(eq), assignment.mid(eq + 1), &v);
        if (!e.isEmpty())
            return dataError(e);
        options.parameters.set(assignment.left(eq), v);
    }
    // A stored value this build refuses (a plugin's backbone without the plugin) would silently train
    // with the default instead: refused, unless --set gives the value for this run.
    QStringList refused;
    for (const auto &[key, why] : project->parameterProblems()) {
        bool overridden = false;
        for (const QString &assignment : p.values(QStringLiteral("set")))
            overridden = overridden || assignment.section(QLatin1Char('='), 0, 0).trimmed() == key;
        if (!overridden)
            refused << why;
    }
    if (!refused.isEmpty())
        return dataError(QStringLiteral("train: the project's stored parameters cannot be used: %1. Set them again "
                                        "(visor-cli params %2 set KEY VALUE), or load the plugin that provides them "
                                        "(visor-cli plugins lists what is loaded)")
                             .arg(refused.join(QStringLiteral("; ")), a[0]));
    bool ok = true;
    if (p.isSet(QStringLiteral("seed")))
        options.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("train: --seed must be a non-negative integer"));
    if (p.isSet(QStringLiteral("minutes"))) {
        const double minutes = p.value(QStringLiteral("minutes")).toDouble(&ok);
        if (!ok || minutes <= 0)
            return usage(QStringLiteral("train: --minutes must be a positive number"));
        options.timeLimitSeconds = minutes * 60;
    }
    if (p.isSet(QStringLiteral("resume")) && !parseRun(p.value(QStringLiteral("resume")), &options.resumeRun))
        return usage(QStringLiteral("train: --resume expects a run number"));
    train::Trainer trainer(*project, options);
    if (const QString why = trainer.check(); !why.isEmpty())
        return dataError(why);
    std::signal(SIGINT, onInterrupt);
    ConsoleHooks hooks(project->kind() == DatasetKind::ObjectDetection);
    const train::RunSummary s = trainer.run(hooks, g_cancel);
    std::signal(SIGINT, SIG_DFL);
    out() << "run " << s.runId << ": " << s.status;
    if (!s.message.isEmpty())
        out() << " (" << s.message << ")";
    out() << "\n";
    if (s.status == QLatin1String("failed"))
        return 2;
    if (s.testMetrics.contains(QStringLiteral("map50")))
        out() << QStringLiteral("test mAP@0.5 %1, mAP@[.5:.95] %2 on %3 image(s), best epoch %4, %5 s\n")
                     .arg(s.testMetrics.value(QStringLiteral("map50")).toDouble(), 0, 'f', 4)
                     .arg(s.testMetrics.value(QStringLiteral("map")).toDouble(), 0, 'f', 4)
                     .arg(s.testMetrics.value(QStringLiteral("examples")).toInt())
                     .arg(s.bestEpoch)
                     .arg(s.seconds, 0, 'f', 0);
    if (s.testMetrics.contains(QStringLiteral("accuracy")))
        out() << QStringLiteral("test accuracy %1 on %2 example(s), best epoch %3, %4 s\n")
                     .arg(s.testMetrics.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 4)
                     .arg(s.testMetrics.value(QStringLiteral("examples")).toInt())
                     .arg(s.bestEpoch)
                     .arg(s.seconds, 0, 'f', 0);
    if (auto record = train::RunStore(*project).run(s.runId)) {
        const auto advice = advise::adviseRun(*record, project->kind());
        if (!advice.empty())
            out() << "advice:\n";
        for (const auto &item : advice)
            out() << "  - " << item.message << "\n";
    }
    return s.status == QLatin1String("cancelled") ? 2 : 0;
}

int runsCommand(QCommandLineParser &p, const QStringList &a)
{
    auto project = Project::open(a[0], Project::OpenMode::ReadOnly);
    const auto runs = train::RunStore(*project).runs();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const auto &r : runs)
            list.append(r.toJson());
        printJson({{QStringLiteral("runs"), list}});
        return 0;
    }
    if (runs.empty())
        out() << "no runs yet\n";
    for (const auto &r : runs) {
        out() << QStringLiteral("%1  %2  %3  epochs %4")
                     .arg(r.id, 4)
                     .arg(r.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")))
                     .arg(r.status, -13)
                     .arg(r.history.size());
        if (r.metrics.contains(QStringLiteral("map50")))
            out() << QStringLiteral("  test map50 %1")
                         .arg(r.metrics.value(QStringLiteral("map50")).toDouble(), 0, 'f', 4);
        if (r.metrics.contains(QStringLiteral("accuracy")))
            out() << QStringLiteral("  test accuracy %1")
                         .arg(r.metrics.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 4);
        if (!r.history.empty())
            out() << QStringLiteral("  val_loss %1").arg(r.history.back().valLoss, 0, 'f', 4);
        out() << "\n";
    }
    return 0;
}

int evalCommand(QCommandLineParser &p, const QStringList &a)
{
    qint64 run = 0;
    if (!parseRun(a[1], &run))
        return usage(QStringLiteral("eval: RUN must be a run number"));
    const auto split = parseSplit(p.value(QStringLiteral("split")));
    if (!split)
        return usage(QStringLiteral("eval: --split must be test, val or train"));
    auto project = openProject(a[0]);
    const QJsonObject metrics = train::evaluateRun(*project, run, *split);
    if (p.isSet(QStringLiteral("json"))) {
        printJson(metrics);
        return 0;
    }
    if (metrics.contains(QStringLiteral("note")))
        err() << "note: " << metrics.value(QStringLiteral("note")).toString() << "\n";
    for (const auto &left : metrics.value(QStringLiteral("left_out")).toArray())
        err() << "left out: " << left.toString() << "\n";
    if (metrics.contains(QStringLiteral("map50"))) {
        out() << QStringLiteral("run %1 on %2 (%3 images): map50 %4 (VOC all-point), map50_coco %5 (COCO 101-point), "
                                "map %6 (COCO @[.5:.95])\n")
                     .arg(run)
                     .arg(splitKey(*split))
                     .arg(metrics.value(QStringLiteral("examples")).toInt())
                     .arg(metrics.value(QStringLiteral("map50")).toDouble(), 0, 'f', 4)
                     .arg(metrics.value(QStringLiteral("map50_coco")).toDouble(), 0, 'f', 4)
                     .arg(metrics.value(QStringLiteral("map")).toDouble(), 0, 'f', 4);
        for (const auto &c : metrics.value(QStringLiteral("per_class")).toArray()) {
            const QJsonObject o = c.toObject();
            out() << QStringLiteral("  %1 AP50 %2 AP %3 (%4 objects)\n")
                         .arg(o.value(QStringLiteral("class")).toString(), -20)
                         .arg(o.value(QStringLiteral("ap50")).isNull()
                                  ? QStringLiteral("-")
                                  : QString::number(o.value(QStringLiteral("ap50")).toDouble(), 'f', 3))
                         .arg(o.value(QStringLiteral("ap")).isNull()
                                  ? QStringLiteral("-")
                                  : QString::number(o.value(QStringLiteral("ap")).toDouble(), 'f', 3))
                         .arg(o.value(QStringLiteral("ground_truths")).toInt());
        }
        return 0;
    }
    out() << QStringLiteral("run %1 on %2 (%3 examples): accuracy %4\n")
                 .arg(run)
                 .arg(splitKey(*split))
                 .arg(metrics.value(QStringLiteral("examples")).toInt())
                 .arg(metrics.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 4);
    for (const auto &c : metrics.value(QStringLiteral("per_class")).toArray()) {
        const QJsonObject o = c.toObject();
        out() << QStringLiteral("  %1 precision %2 recall %3 f1 %4 (%5)\n")
                     .arg(o.value(QStringLiteral("class")).toString(), -20)
                     .arg(o.value(QStringLiteral("precision")).toDouble(), 0, 'f', 3)
                     .arg(o.value(QStringLiteral("recall")).toDouble(), 0, 'f', 3)
                     .arg(o.value(QStringLiteral("f1")).toDouble(), 0, 'f', 3)
                     .arg(o.value(QStringLiteral("support")).toInt());
    }
    return 0;
}

int predictCommand(QCommandLineParser &p, const QStringList &a)
{
    qint64 run = 0;
    if (!parseRun(a[1], &run))
        return usage(QStringLiteral("predict: RUN must be a run number"));
    if (a.size() < 3)
        return usage(QStringLiteral("predict: give at least one IMAGE"));
    auto project = openProject(a[0]);
    const auto predictor = train::Predictor::open(*project, run);
    if (!predictor->note().isEmpty())
        err() << "note: " << predictor->note() << "\n";
    if (p.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        const double t = p.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || t < 0 || t > 1)
            return usage(QStringLiteral("predict: --threshold must be a number between 0 and 1"));
        predictor->setThreshold(t);
    }
    if (p.isSet(QStringLiteral("max-boxes"))) {
        bool ok = false;
        const int n = p.value(QStringLiteral("max-boxes")).toInt(&ok);
        if (!ok || n < 1 || n > 1000)
            return usage(QStringLiteral("predict: --max-boxes must be a whole number from 1 to 1000"));
        predictor->setMaxBoxes(n);
    }
    QJsonArray list;
    int failures = 0;
    for (const QString &file : a.mid(2)) {
        const train::Prediction pr = predictor->predictFile(file);
        failures += !pr.error.isEmpty();
        if (p.isSet(QStringLiteral("json"))) {
            list.append(pr.toJson());
        } else if (!pr.error.isEmpty()) {
            err() << "visor-cli: " << pr.error << "\n";
        } else if (predictor->detection()) {
            out() << file << ": " << pr.boxes.size() << " object(s)\n";
            for (const train::DetectedBox &b : pr.boxes)
                out() << QStringLiteral("  %1 %2 %3 %4 %5 %6\n")
                             .arg(b.x1, 0, 'f', 1)
                             .arg(b.y1, 0, 'f', 1)
                             .arg(b.x2, 0, 'f', 1)
                             .arg(b.y2, 0, 'f', 1)
                             .arg(b.className)
                             .arg(b.score, 0, 'f', 3);
        } else {
            out() << file << ": " << pr.className << " " << QString::number(pr.scores.front().second, 'f', 3);
            for (size_t i = 1; i < pr.scores.size() && i < 3; ++i)
                out() << "  (" << pr.scores[i].first << " " << QString::number(pr.scores[i].second, 'f', 3) << ")";
            out() << "\n";
        }
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("predictions"), list}};
        if (predictor->detection())
            o.insert(QStringLiteral("max_boxes"), predictor->maxBoxes());
        printJson(o);
    }
    return failures ? 2 : 0;
}

} // namespace visor::cli
