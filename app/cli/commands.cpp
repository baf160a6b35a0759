#include "commands.h"
#include "console.h"
#include "deploycommands.h"
#include "formats/imageinfo.h"
#include "synthcommand.h"
#include "train/modelexport.h"
#include "traincommands.h"

#include "augment/augmenter.h"
#include "formats/formats.h"
#include "nn/backend.h"
#include "plugins/pluginloader.h"
#include "project/project.h"
#include "project/splitter.h"
#include "project/statistics.h"
#include "synth/demo.h"
#include "train/runs.h"

#include "project/projectcheck.h"
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>
#include <functional>
#include <map>
#include <opencv2/imgcodecs.hpp>

namespace visor::cli {
namespace {

struct Command {
    QString summary;
    QString positional; // "DIR SOURCE"
    std::function<void(QCommandLineParser &)> options;
    std::function<int(QCommandLineParser &, const QStringList &)> run;
    int minArgs = 0, maxArgs = 0;
};

// "-30..30" or "-0.5" is a value, not a cluster of one-letter options ("Unknown options: 3, 0, ."). When
// such values come last (no option after them), a "--" before the first one makes them positional.
bool looksNegative(const QString &a)
{
    static const QRegularExpression negative(QStringLiteral("^-(\\d|\\.\\d)"));
    return negative.match(a).hasMatch();
}

QStringList protectNegativeValues(const QStringList &args)
{
    if (args.contains(QStringLiteral("--")))
        return args;
    for (int i = 0; i < args.size(); ++i) {
        if (!looksNegative(args[i]))
            continue;
        for (int j = i + 1; j < args.size(); ++j)
            if (args[j].startsWith(QLatin1Char('-')) && !looksNegative(args[j]))
                return args; // an option follows: leave it to the parser, and to the hint below
        return args.mid(0, i) + QStringList{QStringLiteral("--")} + args.mid(i);
    }
    return args;
}

QString negativeValueHint(const QStringList &args)
{
    for (const QString &a : args)
        if (looksNegative(a))
            return QStringLiteral(" ('%1' is a value: put options before it, or '--' before it, as in "
                                  "visor-cli params DIR set KEY -- -30..30)")
                .arg(a);
    return {};
}

// Parses a command's arguments. Returns -1 to continue, or an exit code (help printed, usage error).
int parse(const QString &name, const Command &cmd, QCommandLineParser &parser, const QStringList &args)
{
    parser.setApplicationDescription(name + QStringLiteral(" - ") + cmd.summary);
    parser.addHelpOption();
    if (cmd.options)
        cmd.options(parser);
    static const std::map<QString, QString> described = {
        {QStringLiteral("DIR"), QStringLiteral("the project folder (holds project.visor)")},
        {QStringLiteral("[DIR]"), QStringLiteral("the project folder (default: the user's demo folder)")},
        {QStringLiteral("SOURCE"), QStringLiteral("the data set folder to import")},
        {QStringLiteral("OUT"), QStringLiteral("the folder to write (new or empty)")},
        {QStringLiteral("RUN"), QStringLiteral("a run number (see visor-cli runs)")},
        {QStringLiteral("IMAGE..."), QStringLiteral("image files")},
        {QStringLiteral("SPLIT"), QStringLiteral("train, val, test, or none to release")},
        {QStringLiteral("ID..."), QStringLiteral("example ids")}};
    for (const QString &p : cmd.positional.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const auto it = described.find(p);
        parser.addPositionalArgument(p, it == described.end() ? QString() : it->second, p);
    }
    if (!parser.parse(QStringList{QStringLiteral("visor-cli ") + name} + protectNegativeValues(args)))
        return usage(parser.errorText() + negativeValueHint(args), &parser);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << "Usage: visor-cli " << name << " [options] " << cmd.positional << "\n\n" << cmd.summary << "\n\n";
        QString help = parser.helpText();
        const int at = help.indexOf(QLatin1String("Options:"));
        out() << (at >= 0 ? help.mid(at) : help);
        out().flush();
        return Ok;
    }
    const int n = int(parser.positionalArguments().size());
    if (n < cmd.minArgs || n > cmd.maxArgs)
        return usage(QStringLiteral("%1 expects %2 (got %3 argument(s))").arg(name, cmd.positional).arg(n), &parser);
    return -1;
}

std::unique_ptr<Project> openProject(const QString &dir, Project::OpenMode mode = Project::OpenMode::ReadWrite)
{
    return Project::open(dir, mode);
}

using synth::demoDir;

int augmentCommand(QCommandLineParser &p, const QStringList &a)
{
    bool ok = false;
    const qint64 id = a[1].toLongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("augment: EXAMPLE_ID must be a number"), &p);
    const int n = p.value(QStringLiteral("n")).toInt(&ok);
    if (!ok || n < 1 || n > 100)
        return usage(QStringLiteral("augment: --n must be between 1 and 100"), &p);
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("augment: --seed must be a non-negative integer"), &p);
    if (!p.isSet(QStringLiteral("out")))
        return usage(QStringLiteral("augment: --out FOLDER is required"), &p);
    augment::Focus focus = augment::Focus::None;
    augment::Transform chosen = augment::Transform::Rotate;
    for (const char *option : {"only", "force"}) {
        if (!p.isSet(QString::fromLatin1(option)))
            continue;
        const auto t = augment::parseTransform(p.value(QString::fromLatin1(option)));
        if (!t) {
            QStringList names;
            for (int i = 0; i < augment::kTransformCount; ++i)
                names << augment::transformKey(augment::Transform(i));
            return usage(QStringLiteral("augment: unknown transform '%1' (one of %2)")
                             .arg(p.value(QString::fromLatin1(option)), names.join(QStringLiteral(", "))),
                         &p);
        }
        chosen = *t;
        focus = qstrcmp(option, "only") == 0 ? augment::Focus::Only : augment::Focus::ForceOn;
    }
    auto project = openProject(a[0]);
    ParameterSet params = project->parameters();
    for (const QString &assignment : p.values(QStringLiteral("set"))) {
        const int eq = int(assignment.indexOf(QLatin1Char('=')));
        if (eq <= 0)
            return usage(QStringLiteral("augment: --set expects KEY=VALUE, got '%1'").arg(assignment), &p);
        QJsonValue v;
        const QString e = ParameterRegistry::instance().parse(assignment.left(eq), assignment.mid(eq + 1), &v);
        if (!e.isEmpty())
            return dataError(e);
        params.set(assignment.left(eq), v);
    }
    const auto example = project->example(id);
    if (!example)
        return dataError(QStringLiteral("no example with id %1 in %2").arg(id).arg(project->dir()));
    const int channels = params.toInt(QStringLiteral("input.channels"));
    const QString path = project->imagePath(*example);
    const cv::Mat image = decodeImage(path, channels);
    if (image.empty())
        return dataError(QStringLiteral("cannot read the image of example %1 (%2)").arg(id).arg(path));
    const std::vector<Box> boxes = project->boxes(id);
    const auto classes = project->classes();
    const augment::Pipeline pipeline(params);
    const auto samples = augment::preview(pipeline, image, boxes, n, seed, focus, chosen);

    const QDir folder(p.value(QStringLiteral("out")));
    QDir().mkpath(folder.absolutePath());
    auto boxesJson = [&](const std::vector<Box> &list) {
        QJsonArray arr;
        for (const Box &b : list) {
            QString name;
            for (const ClassInfo &ci : classes)
                if (ci.id == b.classId)
                    name = ci.name;
            arr.append(QJsonObject{{QStringLiteral("class"), name},
                                   {QStringLiteral("box"), QJsonArray{b.x1, b.y1, b.x2, b.y2}}});
        }
        return arr;
    };
    auto write = [&](const QString &name, const cv::Mat &img) {
        if (!cv::imwrite(QFile::encodeName(folder.filePath(name)).toStdString(), img))
            throw Error(QStringLiteral("cannot write %1").arg(folder.filePath(name)));
    };
    write(QStringLiteral("original.png"), augment::drawBoxes(image, boxes, classes));
    QJsonArray variants;
    for (size_t i = 0; i < samples.size(); ++i) {
        const QString name = QStringLiteral("variant_%1.png").arg(i, 2, 10, QLatin1Char('0'));
        write(name, augment::drawBoxes(samples[i].image, samples[i].boxes, classes));
        QJsonObject o = samples[i].record.toJson();
        o.insert(QStringLiteral("file"), name);
        o.insert(QStringLiteral("caption"), samples[i].record.caption());
        o.insert(QStringLiteral("size"), QJsonArray{samples[i].image.cols, samples[i].image.rows});
        o.insert(QStringLiteral("boxes"), boxesJson(samples[i].boxes));
        variants.append(o);
        out() << name << ": " << samples[i].record.caption() << "\n";
    }
    const QJsonObject doc{{QStringLiteral("example"), id},
                          {QStringLiteral("seed"), QString::number(seed)},
                          {QStringLiteral("original_boxes"), boxesJson(boxes)},
                          {QStringLiteral("variants"), variants}};
    QFile f(folder.filePath(QStringLiteral("records.json")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QJsonDocument(doc).toJson()) < 0)
        return dataError(QStringLiteral("cannot write %1").arg(f.fileName()));
    out() << "Wrote " << samples.size() << " variant(s) and records.json to " << folder.absolutePath() << "\n";
    return Ok;
}

std::map<QString, Command> commands()
{
    std::map<QString, Command> c;

    c[QStringLiteral("init")] = {
        QStringLiteral("create a project in DIR"),
        QStringLiteral("DIR"),
        [](QCommandLineParser &p) {
            p.addOption(
                {QStringLiteral("kind"), QStringLiteral("detection or classification"), QStringLiteral("kind")});
            p.addOption({QStringLiteral("name"), QStringLiteral("project name (default: the folder name)"),
                         QStringLiteral("name")});
        },
        [](QCommandLineParser &p, const QStringList &a) {
            const auto kind = parseKind(p.value(QStringLiteral("kind")));
            if (!kind)
                return usage(QStringLiteral("init: --kind must be detection or classification"), &p);
            const QString name =
                p.isSet(QStringLiteral("name")) ? p.value(QStringLiteral("name")) : QDir(a[0]).dirName();
            auto project = Project::create(a[0], name, *kind);
            out() << "Created " << kindName(*kind) << " project '" << project->name() << "' in " << project->dir()
                  << "\n";
            return int(Ok);
        },
        1,
        1};

    c[QStringLiteral("import")] = {
        QStringLiteral("import a data set folder into the project in DIR"),
        QStringLiteral("DIR SOURCE"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("format"), QStringLiteral("one of: %1").arg(formatKeysText(FormatUse::Import)),
                         QStringLiteral("format"), QStringLiteral("auto")});
            p.addOption({QStringLiteral("json"), QStringLiteral("print the full report as JSON")});
        },
        [](QCommandLineParser &p, const QStringList &a) {
            const auto format = parseFormat(p.value(QStringLiteral("format")));
            if (!format)
                return usage(QStringLiteral("import: unknown --format '%1' (one of: %2)")
                                 .arg(p.value(QStringLiteral("format")), formatKeysText(FormatUse::Import)),
                             &p);
            auto project = openProject(a[0]);
            ImportOptions options;
            options.format = *format;
            const ImportReport report = importDataset(*project, a[1], options);
            if (p.isSet(QStringLiteral("json")))
                printJson(report.toJson());
            else
                out() << report.toText();
            out().flush();
            return report.ok() ? int(Ok) : dataError(report.fatal);
        },
        2,
        2};

    c[QStringLiteral("export")] = {
        QStringLiteral("write the project's labelled examples to OUT in a format"),
        QStringLiteral("DIR OUT"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("format"), QStringLiteral("one of: %1").arg(formatKeysText(FormatUse::Export)),
                         QStringLiteral("format")});
        },
        [](QCommandLineParser &p, const QStringList &a) {
            const auto format = parseFormat(p.value(QStringLiteral("format")));
            if (!format || *format == Format::Auto)
                return usage(
                    QStringLiteral("export: --format must be one of: %1").arg(formatKeysText(FormatUse::Export)), &p);
            auto project = openProject(a[0], Project::OpenMode::ReadOnly); // an export never writes to the project
            const ExportReport r = exportDataset(*project, a[1], *format);
            out() << "Exported " << r.examples << " example(s)";
            if (project->kind() == DatasetKind::ObjectDetection)
                out() << " with " << r.boxes << " box(es)";
            out() << " to " << a[1] << " (" << formatKey(*format) << ")";
            if (r.unlabelledSkipped)
                out() << "; " << r.unlabelledSkipped << " unlabelled example(s) not written";
            if (!r.missing.isEmpty())
                out() << "; " << r.missing.size() << " example(s) skipped: image missing";
            out() << ".\n";
            for (const QString &m : r.missing)
                err() << "skipped: " << m << "\n";
            return int(Ok);
        },
        2,
        2};

    c[QStringLiteral("check")] = {
        QStringLiteral("check the project folder: database integrity, files left by killed imports and trainings"),
        QStringLiteral("DIR"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("repair"), QStringLiteral("remove leftover files, assign missing splits")});
            p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
        },
        [](QCommandLineParser &p, const QStringList &a) {
            const bool repair = p.isSet(QStringLiteral("repair"));
            auto project = openProject(a[0], repair ? Project::OpenMode::ReadWrite : Project::OpenMode::ReadOnly);
            const ProjectCheck c = checkProject(*project, repair);
            if (p.isSet(QStringLiteral("json")))
                printJson(c.toJson());
            else
                out() << c.toText();
            return c.ok() || c.repaired ? int(Ok) : 1;
        },
        1,
        1};

    c[QStringLiteral("stats")] = {QStringLiteral("print the data set's statistics and health warnings"),
                                  QStringLiteral("DIR"),
                                  [](QCommandLineParser &p) {
                                      p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
                                  },
                                  [](QCommandLineParser &p, const QStringList &a) {
                                      auto project = openProject(a[0], Project::OpenMode::ReadOnly);
                                      const DatasetStatistics st = computeStatistics(*project);
                                      if (p.isSet(QStringLiteral("json"))) {
                                          QJsonObject o = st.toJson();
                                          o.insert(QStringLiteral("name"), project->name());
                                          printJson(o);
                                      } else {
                                          out() << "Project: " << project->name() << " (" << project->dir() << ")\n"
                                                << st.toText();
                                      }
                                      return int(Ok);
                                  },
                                  1,
                                  1};

    c[QStringLiteral("split")] = {
        QStringLiteral("assign train/val/test to examples without a split (or all, with --reshuffle)"),
        QStringLiteral("DIR"),
        [](QCommandLineParser &p) {
            p.addOption(
                {QStringLiteral("seed"), QStringLiteral("set the project's split seed first"), QStringLiteral("seed")});
            p.addOption({QStringLiteral("reshuffle"), QStringLiteral("reassign every unpinned example")});
            p.addOption({QStringLiteral("fill"), QStringLiteral("fill an empty validation or test split from the "
                                                                "unpinned training examples; nothing else moves")});
        },
        [](QCommandLineParser &p, const QStringList &a) {
            auto project = openProject(a[0]);
            if (p.isSet(QStringLiteral("seed"))) {
                bool ok = false;
                const qint64 seed = p.value(QStringLiteral("seed")).toLongLong(&ok);
                if (!ok || seed < 0)
                    return usage(QStringLiteral("split: --seed must be a non-negative integer"), &p);
                project->setSplitSeed(quint64(seed));
            }
            if (p.isSet(QStringLiteral("reshuffle")) && p.isSet(QStringLiteral("fill")))
                return usage(QStringLiteral("split: --reshuffle and --fill exclude each other"), &p);
            const SplitPlan plan = assignSplits(*project, p.isSet(QStringLiteral("fill"))        ? SplitMode::FillEmpty
                                                          : p.isSet(QStringLiteral("reshuffle")) ? SplitMode::Reshuffle
                                                                                                 : SplitMode::Missing);
            out() << "Split (seed " << project->splitSeed() << "): train " << plan.result.train << ", val "
                  << plan.result.val << ", test " << plan.result.test << "; " << plan.assigned
                  << " example(s) assigned.\n";
            return int(Ok);
        },
        1,
        1};

    c[QStringLiteral("pin")] = {
        QStringLiteral("pin examples to a split (train, val, test) so no reshuffle moves them, or release them (none)"),
        QStringLiteral("DIR SPLIT ID..."),
        {},
        [](QCommandLineParser &, const QStringList &a) {
            const QString which = a[1].toLower();
            const std::optional<Split> split = parseSplit(which);
            if (!split && which != QLatin1String("none"))
                return usage(QStringLiteral("pin: SPLIT must be train, val, test or none, got '%1'").arg(a[1]));
            std::vector<qint64> ids;
            for (const QString &text : a.mid(2)) {
                bool ok = false;
                const qint64 id = text.toLongLong(&ok);
                if (!ok || id <= 0)
                    return usage(QStringLiteral("pin: '%1' is not an example id").arg(text));
                ids.push_back(id);
            }
            auto project = openProject(a[0]);
            for (qint64 id : ids)
                if (!project->example(id))
                    return dataError(QStringLiteral("pin: there is no example %1").arg(id));
            {
                Transaction t(project->database());
                for (qint64 id : ids)
                    project->pinSplit(id, split);
                t.commit();
            }
            out() << (split ? QStringLiteral("%1 example(s) pinned to %2.\n").arg(ids.size()).arg(splitKey(*split))
                            : QStringLiteral("%1 example(s) released; they keep their split until a reshuffle.\n")
                                  .arg(ids.size()));
            return int(Ok);
        },
        3,
        100000};

    c[QStringLiteral("params")] = {
        QStringLiteral("list, get or set parameters: params DIR [list | get KEY | set KEY VALUE]"),
        QStringLiteral("DIR [list|get KEY|set KEY VALUE]"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("changed"), QStringLiteral("list only values that differ from the default")});
        },
        [](QCommandLineParser &p, const QStringList &a) {
            const QString verb = a.size() > 1 ? a[1] : QStringLiteral("list");
            auto project = openProject(a[0], verb == QLatin1String("set") ? Project::OpenMode::ReadWrite
                                                                          : Project::OpenMode::ReadOnly);
            const QString action = a.size() > 1 ? a[1] : QStringLiteral("list");
            const auto &registry = ParameterRegistry::instance();
            if (action == QLatin1String("list") && a.size() <= 2) {
                const ParameterSet set = project->parameters();
                for (const ParamSpec &s : registry.all()) {
                    const QString v = set.toString(s.key);
                    if (p.isSet(QStringLiteral("changed")) && set.value(s.key) == s.defaultValue)
                        continue;
                    out() << s.key.leftJustified(38) << " " << v.leftJustified(22) << " # " << s.rangeText()
                          << ", default " << ParameterRegistry::format(s.defaultValue) << "\n";
                }
                return int(Ok);
            }
            if (action == QLatin1String("get") && a.size() == 3) {
                if (!registry.find(a[2]))
                    return dataError(QStringLiteral("unknown parameter '%1'").arg(a[2]));
                out() << project->parameters().toString(a[2]) << "\n";
                return int(Ok);
            }
            if (action == QLatin1String("set") && a.size() == 4) {
                QJsonValue v;
                const QString e = registry.parse(a[2], a[3], &v);
                if (!e.isEmpty())
                    return dataError(e);
                project->setParameter(a[2], v);
                out() << a[2] << " = " << ParameterRegistry::format(v) << "\n";
                return int(Ok);
            }
            return usage(QStringLiteral("params: expected 'list', 'get KEY' or 'set KEY VALUE'"), &p);
        },
        1,
        4};

    c[QStringLiteral("plugins")] = {
        QStringLiteral("list the plugin folders, the plugins loaded and what each registered, and those refused "
                       "with why"),
        QString(),
        [](QCommandLineParser &) {},
        [](QCommandLineParser &, const QStringList &) {
            out() << pluginReport(pluginRecords(), pluginSearchPath());
            return int(Ok);
        },
        0,
        0};

    c[QStringLiteral("synth")] = {synthDescription(), QStringLiteral("DIR"), synthOptions, synthCommand, 1, 1};

    c[QStringLiteral("augment")] = {
        QStringLiteral("write augmented variants of one example (the training pipeline) as PNG files and records.json"),
        QStringLiteral("DIR EXAMPLE_ID"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("out"), QStringLiteral("folder for the PNG files and records.json"),
                         QStringLiteral("FOLDER")});
            p.addOption({QStringLiteral("n"), QStringLiteral("number of variants (1..100)"), QStringLiteral("N"),
                         QStringLiteral("9")});
            p.addOption(
                {QStringLiteral("seed"), QStringLiteral("random seed"), QStringLiteral("S"), QStringLiteral("1")});
            p.addOption({QStringLiteral("set"), QStringLiteral("override a parameter for this run (repeatable)"),
                         QStringLiteral("KEY=VALUE")});
            p.addOption({QStringLiteral("only"), QStringLiteral("apply only this transform, always"),
                         QStringLiteral("TRANSFORM")});
            p.addOption({QStringLiteral("force"),
                         QStringLiteral("always apply this transform, the others as configured"),
                         QStringLiteral("TRANSFORM")});
        },
        [](QCommandLineParser &p, const QStringList &a) { return augmentCommand(p, a); },
        2,
        2};

    c[QStringLiteral("train")] = {
        QStringLiteral("train the project's network (Ctrl-C cancels and keeps the last checkpoint)"),
        QStringLiteral("DIR"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("set"), QStringLiteral("override a parameter for this run (repeatable)"),
                         QStringLiteral("KEY=VALUE")});
            p.addOption({QStringLiteral("resume"), QStringLiteral("continue run RUN from its last checkpoint"),
                         QStringLiteral("RUN")});
            p.addOption(
                {QStringLiteral("seed"), QStringLiteral("random seed"), QStringLiteral("S"), QStringLiteral("1")});
            p.addOption({QStringLiteral("minutes"),
                         QStringLiteral("time limit: no epoch starts that would not end, with the test, within it"),
                         QStringLiteral("M")});
        },
        trainCommand,
        1,
        1};

    c[QStringLiteral("suggest")] = {
        QStringLiteral("suggest settings from the data set and a timing probe, each with its reason"),
        QStringLiteral("DIR"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("minutes"), QStringLiteral("the time budget of the run (default 15)"),
                         QStringLiteral("M"), QStringLiteral("15")});
            p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
            p.addOption({QStringLiteral("apply"), QStringLiteral("store the proposals as the project's parameters")});
        },
        suggestCommand,
        1,
        1};

    c[QStringLiteral("runs")] = {QStringLiteral("list the training runs with their metrics"),
                                 QStringLiteral("DIR"),
                                 [](QCommandLineParser &p) {
                                     p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
                                 },
                                 runsCommand,
                                 1,
                                 1};

    c[QStringLiteral("eval")] = {QStringLiteral("evaluate a run's model on a split"),
                                 QStringLiteral("DIR RUN"),
                                 [](QCommandLineParser &p) {
                                     p.addOption({QStringLiteral("split"), QStringLiteral("test, val or train"),
                                                  QStringLiteral("split"), QStringLiteral("test")});
                                     p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
                                 },
                                 evalCommand,
                                 2,
                                 2};

    c[QStringLiteral("predict")] = {QStringLiteral("predict the class, or the objects, in images with a run's model"),
                                    QStringLiteral("DIR RUN IMAGE..."),
                                    [](QCommandLineParser &p) {
                                        p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
                                        p.addOption({QStringLiteral("threshold"),
                                                     QStringLiteral("detection: lowest score reported (default: "
                                                                    "train.confidence_threshold)"),
                                                     QStringLiteral("T")});
                                        p.addOption({QStringLiteral("max-boxes"),
                                                     QStringLiteral("detection: most boxes reported per image "
                                                                    "(default: the run's train.max_boxes, 30 unless "
                                                                    "changed; eval keeps 100)"),
                                                     QStringLiteral("N")});
                                    },
                                    predictCommand,
                                    3,
                                    1000};

    c[QStringLiteral("export-model")] = {
        QStringLiteral("export a run's model as a bundle (model.onnx, model.json, README.txt), checked against "
                       "the trained model on a split"),
        QStringLiteral("DIR RUN"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("out"), QStringLiteral("the bundle's folder (new or empty)"),
                         QStringLiteral("FOLDER")});
            p.addOption(
                {QStringLiteral("format"),
                 QStringLiteral("the model format: %1").arg(train::modelExportFormats().join(QStringLiteral(", "))),
                 QStringLiteral("FORMAT"), QStringLiteral("onnx")});
            p.addOption({QStringLiteral("split"), QStringLiteral("the parity check's images: val, test or train"),
                         QStringLiteral("split"), QStringLiteral("val")});
            p.addOption({QStringLiteral("input"),
                         QStringLiteral("the model's input canvas WIDTHxHEIGHT for frames of another aspect ratio "
                                        "(default: every project image fits it)"),
                         QStringLiteral("WxH")});
            p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
        },
        exportModelCommand,
        2,
        2};

    c[QStringLiteral("propose")] = {
        QStringLiteral("predict with a run's model and store the predictions as proposals (not annotations)"),
        QStringLiteral("DIR RUN"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("unlabelled"), QStringLiteral("the examples not annotated yet (default)")});
            p.addOption({QStringLiteral("all"), QStringLiteral("every example")});
            p.addOption({QStringLiteral("examples"), QStringLiteral("these example ids, comma-separated"),
                         QStringLiteral("IDS")});
            p.addOption({QStringLiteral("threshold"),
                         QStringLiteral("detection: lowest score proposed (default: train.confidence_threshold)"),
                         QStringLiteral("T")});
            p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
        },
        proposeCommand,
        2,
        2};

    c[QStringLiteral("demo")] = {
        QStringLiteral("create the demo project (generated shapes) if missing, print its statistics; with --train, "
                       "train it (once, at most --minutes) and print the test metrics"),
        QStringLiteral("[DIR]"),
        [](QCommandLineParser &p) {
            p.addOption(
                {QStringLiteral("train"), QStringLiteral("train the demo detector unless a finished run exists")});
            p.addOption({QStringLiteral("minutes"), QStringLiteral("training time limit"), QStringLiteral("M"),
                         QStringLiteral("5")});
        },
        [](QCommandLineParser &p, const QStringList &a) {
            const QString dir = a.isEmpty() ? demoDir() : a[0];
            if (!Project::exists(dir)) {
                out() << "Creating the demo project in " << dir << " ...\n";
                out().flush();
            }
            auto project = synth::openOrCreateDemo(dir);
            out() << "Project: " << project->name() << " (" << project->dir() << ")\n"
                  << computeStatistics(*project).toText();
            out().flush();
            if (!p.isSet(QStringLiteral("train")))
                return int(Ok);
            for (const auto &run : train::RunStore(*project).runs())
                if (run.status == QLatin1String("finished") || run.status == QLatin1String("stopped_early") ||
                    run.status == QLatin1String("time_limit")) {
                    out() << QStringLiteral("\nRun %1 (%2) on the test split: mAP@0.5 %3, mAP@[.5:.95] %4. "
                                            "Train again with: visor-cli train %5\n")
                                 .arg(run.id)
                                 .arg(run.status)
                                 .arg(run.metrics.value(QStringLiteral("map50")).toDouble(), 0, 'f', 3)
                                 .arg(run.metrics.value(QStringLiteral("map")).toDouble(), 0, 'f', 3)
                                 .arg(project->dir());
                    return int(Ok);
                }
            bool ok = false;
            const double minutes = p.value(QStringLiteral("minutes")).toDouble(&ok);
            if (!ok || minutes <= 0)
                return usage(QStringLiteral("demo: --minutes must be a positive number"), &p);
            out() << "\nTraining the demo detector for at most " << minutes << " minute(s) (Ctrl-C cancels) ...\n";
            out().flush();
            QCommandLineParser trainParser;
            trainParser.addOption({QStringLiteral("set"), QString(), QStringLiteral("KEY=VALUE")});
            trainParser.addOption({QStringLiteral("resume"), QString(), QStringLiteral("RUN")});
            trainParser.addOption({QStringLiteral("seed"), QString(), QStringLiteral("S")});
            trainParser.addOption({QStringLiteral("minutes"), QString(), QStringLiteral("M")});
            trainParser.parse({QStringLiteral("train"), QStringLiteral("--minutes"), QString::number(minutes)});
            return trainCommand(trainParser, {dir});
        },
        0,
        1};
    return c;
}

void printOverview(const std::map<QString, Command> &all)
{
    out() << "Usage: visor-cli COMMAND [options] [arguments]\n\n"
             "Visor builds computer-vision models from your own images. Commands:\n";
    for (const auto &[name, cmd] : all)
        out() << "  " << name.leftJustified(12) << " " << cmd.summary << "\n";
    out() << "\nvisor-cli COMMAND --help describes a command. visor-cli --version prints the version.\n"
             "Exit codes: 0 success, 1 usage error, 2 data error.\n";
    out().flush();
}

} // namespace

int run(const QStringList &arguments)
{
    const auto all = commands();
    if (arguments.size() < 2)
        return printOverview(all), Usage;
    const QString name = arguments[1];
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printOverview(all);
        return Ok;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        out() << "visor-cli " << QStringLiteral(VISOR_VERSION) << "\n" << nn::backendSummary() << "\n";
        out().flush();
        return Ok;
    }
    const auto it = all.find(name);
    if (it == all.end())
        return usage(QStringLiteral("unknown command '%1'; see visor-cli --help").arg(name));
    QCommandLineParser parser;
    const QStringList rest = arguments.mid(2);
    if (int code = parse(name, it->second, parser, rest); code >= 0)
        return code;
    try {
        return it->second.run(parser, parser.positionalArguments());
    } catch (const Error &e) {
        return dataError(e.message());
    } catch (const std::exception &e) {
        return dataError(QString::fromUtf8(e.what()));
    }
}

} // namespace visor::cli
