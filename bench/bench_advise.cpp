// The advisor against the contract's defaults: for each data set, a run on the defaults and a run on the
// suggested settings, with the same time budget (the trainer's time limit), test metric side by side.
// Also the advisor's own time on a 100,000-example project, probe included.
//
//   build/bin/bench_advise [microcontrollers] [digits] [shapes] [shapes_cls] [scale]   (default: all)
//
// microcontrollers needs ../shared/datasets (15 minutes each run); digits needs opencv-doc (5 minutes);
// the shapes are generated (5 minutes); scale builds 100,000 tiny images x 5 boxes.

#include "advise/advisor.h"
#include "benchutil.h"
#include "formats/formats.h"
#include "synth/shapes.h"
#include "train/trainer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

using namespace visor;

namespace {

QTextStream out(stdout);

struct Outcome {
    double metric = -1;
    int epochs = 0;
    double seconds = 0;
    QString status;
};

Outcome trainWith(Project &project, const ParameterSet &parameters, double minutes)
{
    train::TrainOptions options;
    options.parameters = parameters;
    options.timeLimitSeconds = minutes * 60;
    std::atomic<bool> cancel{false};
    bench::EpochPrinter printer(out, QStringLiteral("    "));
    const train::RunSummary s = train::Trainer(project, options).run(printer, cancel);
    Outcome o;
    o.metric = s.testMetrics
                   .value(project.kind() == DatasetKind::ObjectDetection ? QStringLiteral("map50")
                                                                         : QStringLiteral("accuracy"))
                   .toDouble(-1);
    o.epochs = s.epochs;
    o.seconds = s.seconds;
    o.status = s.status + (s.message.isEmpty() ? QString() : QStringLiteral(" (") + s.message + QLatin1Char(')'));
    out << "    -> " << o.status << ", test " << QString::number(o.metric, 'f', 4) << " after " << o.epochs
        << " epoch(s), " << QString::number(o.seconds, 'f', 0) << " s\n";
    out.flush();
    return o;
}

QString compare(const QString &name, Project &project, double minutes)
{
    out << "== " << name << ": " << project.exampleCount() << " examples, budget " << minutes << " min\n";
    out << "  defaults (the parameter contract):\n";
    out.flush();
    const Outcome defaults = trainWith(project, ParameterSet(), minutes);
    QElapsedTimer clock;
    clock.start();
    advise::Budget budget;
    budget.minutes = minutes;
    const advise::Suggestion s = advise::suggest(project, budget);
    const double adviseSeconds = double(clock.nsecsElapsed()) / 1e9;
    out << "  suggested (" << QString::number(adviseSeconds, 'f', 1) << " s to suggest): " << s.summary << "\n";
    for (const advise::Proposal &p : s.proposals)
        out << "    " << p.key << " = " << ParameterRegistry::format(p.proposed) << "\n";
    out.flush();
    const Outcome suggested = trainWith(project, s.applied(ParameterSet()), minutes);
    const QString metric =
        project.kind() == DatasetKind::ObjectDetection ? QStringLiteral("mAP@0.5") : QStringLiteral("accuracy");
    return QStringLiteral("| %1 | %2 min | %3 | %4 (%5 ep, %6 s) | %7 (%8 ep, %9 s) |")
        .arg(name)
        .arg(minutes)
        .arg(metric)
        .arg(defaults.metric, 0, 'f', 3)
        .arg(defaults.epochs)
        .arg(defaults.seconds, 0, 'f', 0)
        .arg(suggested.metric, 0, 'f', 3)
        .arg(suggested.epochs)
        .arg(suggested.seconds, 0, 'f', 0);
}

// The advisor's own time with 100,000 examples x 5 boxes (16x16 images: the time is Visor's, not the disk's).
QString scale(const QString &dir)
{
    auto p = Project::create(dir, QStringLiteral("scale"), DatasetKind::ObjectDetection);
    std::vector<qint64> classes;
    for (int c = 0; c < 8; ++c)
        classes.push_back(p->addClass(QStringLiteral("class_%1").arg(c)));
    QRandomGenerator rng(1);
    std::vector<NewExample> items;
    for (int i = 0; i < 100000; ++i) {
        NewExample ne;
        ne.meta.hash = p->storeImage(bench::tinyPng(i), QStringLiteral("png"));
        ne.meta.suffix = QStringLiteral("png");
        ne.meta.fileName = QStringLiteral("img_%1.png").arg(i);
        ne.meta.width = 640;
        ne.meta.height = 480;
        ne.meta.labelled = true;
        for (int b = 0; b < 5; ++b) {
            const float w = float(10 + rng.bounded(200)), h = float(10 + rng.bounded(200));
            const float x = float(rng.bounded(640 - int(w))), y = float(rng.bounded(480 - int(h)));
            ne.boxes.push_back(Box{0, classes[size_t(rng.bounded(8))], x, y, x + w, y + h});
        }
        items.push_back(std::move(ne));
    }
    p->syncImages();
    p->addExamples(items);
    assignSplits(*p, false);
    QElapsedTimer clock;
    clock.start();
    advise::Budget budget;
    budget.minutes = 60;
    const advise::Suggestion s = advise::suggest(*p, budget);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    out << "== scale: suggest on 100,000 examples x 5 boxes: " << QString::number(seconds, 'f', 1) << " s, "
        << s.proposals.size() << " proposals (target < 30 s)\n";
    return QStringLiteral("suggest with 100,000 examples x 5 boxes: %1 s (probe included)").arg(seconds, 0, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    train::configureAllocator();
    QCoreApplication app(argc, argv);
    QStringList which = app.arguments().mid(1);
    if (which.isEmpty())
        which = {QStringLiteral("microcontrollers"), QStringLiteral("digits"), QStringLiteral("shapes"),
                 QStringLiteral("shapes_cls"), QStringLiteral("scale")};
    QTemporaryDir tmp;
    QStringList rows;
    for (const QString &name : which) {
        const QString dir = tmp.filePath(name);
        if (name == QLatin1String("microcontrollers")) {
            const QString source = QStringLiteral(VISOR_SOURCE_DIR "/../shared/datasets/microcontrollers");
            if (!QDir(source).exists()) {
                out << "skipped microcontrollers: " << source << " is absent\n";
                continue;
            }
            auto project = Project::create(dir, name, DatasetKind::ObjectDetection);
            importDataset(*project, source);
            rows << compare(name, *project, 15);
        } else if (name == QLatin1String("digits")) {
            auto project = bench::makeDigitsProject(dir);
            if (!project) {
                out << "skipped digits: cannot read " << bench::kDigitsPath << " (apt-get install opencv-doc)\n";
                continue;
            }
            rows << compare(name, *project, 5);
        } else if (name == QLatin1String("shapes") || name == QLatin1String("shapes_cls")) {
            synth::ShapesOptions o;
            o.kind = name == QLatin1String("shapes") ? DatasetKind::ObjectDetection : DatasetKind::Classification;
            o.count = 600;
            o.seed = 11;
            auto project = Project::create(dir, name, o.kind);
            synth::addShapes(*project, o);
            rows << compare(name, *project, 5);
        } else if (name == QLatin1String("scale")) {
            rows << scale(dir);
        } else {
            out << "unknown data set " << name << "\n";
            return 1;
        }
    }
    out << "\n| data set | budget | metric | defaults | suggested |\n|---|---|---|---|---|\n";
    for (const QString &r : rows)
        out << r << "\n";
    return 0;
}
