#include "deploycommands.h"
#include "console.h"

#include "project/project.h"
#include "train/modelexport.h"
#include "train/propose.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <unistd.h>

namespace visor::cli {

int exportModelCommand(QCommandLineParser &p, const QStringList &a)
{
    bool ok = false;
    const qint64 run = a[1].toLongLong(&ok);
    if (!ok || run <= 0)
        return usage(QStringLiteral("export-model: RUN must be a run number"), &p);
    if (!p.isSet(QStringLiteral("out")))
        return usage(QStringLiteral("export-model: give the bundle's folder with --out FOLDER"), &p);
    const auto split = parseSplit(p.value(QStringLiteral("split")));
    if (!split)
        return usage(QStringLiteral("export-model: --split must be train, val or test"), &p);
    train::ExportOptions options;
    options.folder = p.value(QStringLiteral("out"));
    options.format = p.value(QStringLiteral("format"));
    options.split = *split;
    if (p.isSet(QStringLiteral("input"))) {
        const QStringList wh = p.value(QStringLiteral("input")).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2) {
            options.width = wh[0].toInt(&okW);
            options.height = wh[1].toInt(&okH);
        }
        if (!okW || !okH)
            return usage(QStringLiteral("export-model: --input must be WIDTHxHEIGHT, e.g. 320x240"), &p);
    }
    const bool terminal = isatty(STDERR_FILENO) == 1;
    options.progress = [terminal](int done, int total) {
        if (terminal && total > 0)
            err() << QStringLiteral("\rparity check %1/%2").arg(done).arg(total) << (done == total ? "\n" : "");
        err().flush();
    };
    auto project = Project::open(a[0]);
    const train::ExportResult r = train::exportModel(*project, run, options);
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("folder"), r.folder},
                              {QStringLiteral("model"), r.onnxFile},
                              {QStringLiteral("bytes"), r.bytes},
                              {QStringLiteral("width"), r.width},
                              {QStringLiteral("height"), r.height},
                              {QStringLiteral("parity"), r.parity.toJson()}});
        return Ok;
    }
    out() << QStringLiteral("Exported run %1 to %2 (model.onnx %3 KB, input %4 x %5)\n")
                 .arg(run)
                 .arg(r.folder)
                 .arg((r.bytes + 1023) / 1024)
                 .arg(r.width)
                 .arg(r.height)
          << r.parity.summary() << "\n";
    return Ok;
}

int proposeCommand(QCommandLineParser &p, const QStringList &a)
{
    bool ok = false;
    const qint64 run = a[1].toLongLong(&ok);
    if (!ok || run <= 0)
        return usage(QStringLiteral("propose: RUN must be a run number"), &p);
    train::ProposeOptions options;
    const int chosen = int(p.isSet(QStringLiteral("unlabelled"))) + int(p.isSet(QStringLiteral("all"))) +
                       int(p.isSet(QStringLiteral("examples")));
    if (chosen > 1)
        return usage(QStringLiteral("propose: give one of --unlabelled, --all, --examples"), &p);
    if (p.isSet(QStringLiteral("all")))
        options.which = train::ProposeOptions::Which::All;
    if (p.isSet(QStringLiteral("examples"))) {
        options.which = train::ProposeOptions::Which::Examples;
        for (const QString &id : p.value(QStringLiteral("examples")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            options.ids.push_back(id.trimmed().toLongLong(&ok));
            if (!ok)
                return usage(QStringLiteral("propose: --examples takes example ids, e.g. 3,7,12"), &p);
        }
    }
    if (p.isSet(QStringLiteral("threshold"))) {
        options.threshold = p.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || options.threshold < 0 || options.threshold > 1)
            return usage(QStringLiteral("propose: --threshold must be a number between 0 and 1"), &p);
    }
    auto project = Project::open(a[0]);
    const train::ProposeReport r = train::proposeWithRun(*project, run, options);
    for (const QString &problem : r.problems)
        err() << "visor-cli: " << problem << "\n";
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("examples"), r.examples},
                              {QStringLiteral("proposals"), r.proposals},
                              {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)}});
        return Ok;
    }
    out() << QStringLiteral("Run %1 proposed %2 prediction(s) for %3 example(s), stored as proposals (accept them "
                            "in the annotator: Enter, Shift+Enter; Del rejects)\n")
                 .arg(run)
                 .arg(r.proposals)
                 .arg(r.examples);
    return Ok;
}

} // namespace visor::cli
