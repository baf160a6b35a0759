#include "deploycommands.h"
#include "console.h"

#include "project/project.h"
#include "train/modelexport.h"

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

} // namespace visor::cli
