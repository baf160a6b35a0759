// Scale benchmark of the project store: a generated project of N examples x 5 boxes.
// Measures open, statistics, split, COCO export and COCO import, and the peak memory.
//
//   build/bin/bench_store [--examples 100000] [--boxes 5] [--dir /tmp/visor-bench]
//
// Images are tiny (16x16 PNG, distinct content) so the numbers measure Visor, not the disk.

#include "benchutil.h"
#include "formats/formats.h"
#include "project/project.h"
#include "project/splitter.h"
#include "project/statistics.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <opencv2/imgcodecs.hpp>
#include <sys/resource.h>

using namespace visor;
using bench::tinyPng;

namespace {

QTextStream out(stdout);

double peakMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

template <typename F> double timed(const char *label, F &&f)
{
    QElapsedTimer t;
    t.start();
    f();
    const double s = double(t.nsecsElapsed()) / 1e9;
    out << QStringLiteral("%1 %2 s   (peak RSS so far %3 MiB)\n")
               .arg(QString::fromLatin1(label), -34)
               .arg(s, 8, 'f', 3)
               .arg(peakMiB(), 0, 'f', 0);
    out.flush();
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int examples = 100000, boxesPer = 5;
    QString dir = QDir::temp().filePath(QStringLiteral("visor-bench"));
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--examples"))
            examples = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--boxes"))
            boxesPer = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dir"))
            dir = args[i + 1];
    }
    QDir(dir).removeRecursively();
    const QString projectDir = dir + QStringLiteral("/project");
    const QString cocoDir = dir + QStringLiteral("/coco");
    const QString reimportDir = dir + QStringLiteral("/reimported");
    out << "bench_store: " << examples << " examples x " << boxesPer << " boxes = " << qint64(examples) * boxesPer
        << " boxes, in " << dir << "\n";

    try {
        timed("generate project (not a target)", [&] {
            auto p = Project::create(projectDir, QStringLiteral("bench"), DatasetKind::ObjectDetection);
            std::vector<qint64> classes;
            for (int c = 0; c < 8; ++c)
                classes.push_back(p->addClass(QStringLiteral("class_%1").arg(c)));
            QRandomGenerator rng(1);
            std::vector<NewExample> items;
            items.reserve(size_t(examples));
            for (int i = 0; i < examples; ++i) {
                NewExample ne;
                ne.meta.hash = p->storeImage(tinyPng(i), QStringLiteral("png"));
                ne.meta.suffix = QStringLiteral("png");
                ne.meta.fileName = QStringLiteral("img_%1.png").arg(i);
                ne.meta.width = ne.meta.height = 16;
                ne.meta.labelled = true;
                ne.meta.perceptualHash = rng.generate64() | 1;
                for (int b = 0; b < boxesPer; ++b) {
                    const float x = float(rng.bounded(10)), y = float(rng.bounded(10));
                    ne.boxes.push_back(Box{0, classes[rng.bounded(8)], x, y, x + 1 + float(rng.bounded(5)),
                                           y + 1 + float(rng.bounded(5))});
                }
                items.push_back(std::move(ne));
            }
            p->addExamples(items);
        });

        std::unique_ptr<Project> p;
        const double open = timed("open", [&] { p = Project::open(projectDir); });
        DatasetStatistics st;
        const double stats = timed("statistics (+ warnings)", [&] { st = computeStatistics(*p); });
        out << "  -> " << st.examples << " examples, " << st.boxes << " boxes, " << st.warnings.size() << " warnings\n";
        timed("split (first assignment)", [&] { assignSplits(*p, false); });
        timed("split (reshuffle all)", [&] { assignSplits(*p, true); });
        ExportReport exported;
        const double exp = timed("export COCO", [&] { exported = exportDataset(*p, cocoDir, Format::Coco); });
        out << "  -> phases:";
        for (const auto &[phase, seconds] : exported.seconds)
            out << " " << phase << " " << QString::number(seconds, 'f', 2);
        out << "\n";
        p.reset();
        ImportReport report;
        const double imp = timed("import COCO (new project)", [&] {
            auto q = Project::create(reimportDir, QStringLiteral("reimport"), DatasetKind::ObjectDetection);
            ImportOptions o;
            o.format = Format::Coco;
            report = importDataset(*q, cocoDir, o);
        });
        out << "  -> imported " << report.imported << " examples, " << report.boxes << " boxes, skipped "
            << report.skipped << "; phases:";
        for (const auto &[phase, seconds] : report.seconds)
            out << " " << phase << " " << QString::number(seconds, 'f', 2);
        out << "\n";
        // Issue 12.9: creating classes was quadratic (1,000/2,000/4,000 YOLO classes 0.8/2.0/6.8 s; 20,000
        // COCO categories over a minute). A COCO file of one image and N categories, imported.
        for (const int n : {1000, 2000, 4000, 20000}) {
            const QString catDir = dir + QStringLiteral("/categories%1").arg(n);
            QDir().mkpath(catDir);
            {
                QFile img(catDir + QStringLiteral("/a.png"));
                img.open(QIODevice::WriteOnly);
                img.write(tinyPng(7));
            }
            QByteArray json = "{\"images\":[{\"id\":1,\"file_name\":\"a.png\",\"width\":16,\"height\":16}],"
                              "\"annotations\":[{\"id\":1,\"image_id\":1,\"category_id\":1,\"bbox\":[1,1,5,5]}],"
                              "\"categories\":[";
            for (int c = 1; c <= n; ++c)
                json += (c > 1 ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(c) + ",\"name\":\"c" +
                        QByteArray::number(c) + "\"}";
            json += "]}";
            {
                QFile f(catDir + QStringLiteral("/instances.json"));
                f.open(QIODevice::WriteOnly);
                f.write(json);
            }
            timed(qPrintable(QStringLiteral("import COCO with %1 categories").arg(n)), [&] {
                auto q = Project::create(catDir + QStringLiteral("/project"), QStringLiteral("c"),
                                         DatasetKind::ObjectDetection);
                ImportOptions o;
                o.format = Format::Coco;
                const ImportReport r = importDataset(*q, catDir, o);
                if (r.classesCreated.size() != n)
                    throw Error(QStringLiteral("expected %1 classes, got %2").arg(n).arg(r.classesCreated.size()));
            });
        }
        out << "\nopen + statistics: " << QString::number(open + stats, 'f', 3) << " s (target < 1 s)\n"
            << "COCO export: " << QString::number(exp, 'f', 2) << " s, import: " << QString::number(imp, 'f', 2)
            << " s (target < 10 s each)\n"
            << "peak RSS: " << QString::number(peakMiB(), 'f', 0) << " MiB\n";
    } catch (const Error &e) {
        out << "error: " << e.message() << "\n";
        return 2;
    }
    if (!args.contains(QStringLiteral("--keep")))
        QDir(dir).removeRecursively();
    return 0;
}
