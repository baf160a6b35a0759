#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QThread>

using namespace visor;

namespace {

using Result = test::CliResult;

Result cli(const QStringList &args)
{
    return test::runCli(args, {}, 120000);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionAndUsage()
    {
        Result r = cli({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("visor-cli ")));
        QVERIFY(r.out.contains(QStringLiteral("LibTorch")));
        QCOMPARE(cli({}).code, 1);
        r = cli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        QCOMPARE(cli({QStringLiteral("--help")}).code, 0);
    }

    void helpOnEveryCommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *c : {"init", "import", "export", "stats", "split", "pin", "params", "synth", "augment",
                              "suggest", "train", "runs", "eval", "predict", "demo"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }

    void helpOnEveryCommand()
    {
        QFETCH(QString, command);
        const Result r = cli({command, QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Usage: visor-cli ") + command), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--help")));
    }

    void workflow()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/proj");
        QCOMPARE(cli({QStringLiteral("init"), dir}).code, 1); // --kind missing
        QCOMPARE(cli({QStringLiteral("init"), dir, QStringLiteral("--kind"), QStringLiteral("segmentation")}).code, 1);
        QCOMPARE(cli({QStringLiteral("init"), dir, QStringLiteral("--kind"), QStringLiteral("detection"),
                      QStringLiteral("--name"), QStringLiteral("P")})
                     .code,
                 0);
        Result r = cli({QStringLiteral("init"), dir, QStringLiteral("--kind"), QStringLiteral("detection")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("already holds a project")));

        // Generated data in another project, exported as COCO, imported here.
        const QString gen = tmp.path() + QStringLiteral("/gen");
        QCOMPARE(
            cli({QStringLiteral("synth"), gen, QStringLiteral("--shapes"), QStringLiteral("24"),
                 QStringLiteral("--kind"), QStringLiteral("detection"), QStringLiteral("--seed"), QStringLiteral("3")})
                .code,
            0);
        QCOMPARE(cli({QStringLiteral("synth"), gen}).code, 1); // --shapes missing
        QCOMPARE(cli({QStringLiteral("export"), gen, tmp.path() + QStringLiteral("/coco"), QStringLiteral("--format"),
                      QStringLiteral("pdf")})
                     .code,
                 1);
        r = cli({QStringLiteral("export"), gen, tmp.path() + QStringLiteral("/coco"), QStringLiteral("--format"),
                 QStringLiteral("coco")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Exported 24 example(s)")), qPrintable(r.out));

        r = cli({QStringLiteral("import"), dir, tmp.path() + QStringLiteral("/coco"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report[QStringLiteral("imported")].toInt(), 24);
        QCOMPARE(report[QStringLiteral("format")].toString(), QStringLiteral("coco"));
        r = cli({QStringLiteral("import"), dir, tmp.path() + QStringLiteral("/nowhere")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("nowhere")));
        QCOMPARE(
            cli({QStringLiteral("import"), dir, tmp.path(), QStringLiteral("--format"), QStringLiteral("xyz")}).code,
            1);

        r = cli({QStringLiteral("stats"), dir, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject st = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(st[QStringLiteral("kind")].toString(), QStringLiteral("ObjectDetection"));
        QCOMPARE(st[QStringLiteral("examples")].toInt(), 24);
        QCOMPARE(st[QStringLiteral("annotated")].toInt(), 24);
        QCOMPARE(st[QStringLiteral("unlabelled")].toInt(), 0);
        const QJsonArray classes = st[QStringLiteral("classes")].toArray();
        QCOMPARE(classes.size(), 4);
        int boxes = 0;
        for (const auto &c : classes) {
            const QJsonObject o = c.toObject();
            QVERIFY(o.contains(QStringLiteral("name")) && o.contains(QStringLiteral("examples")));
            const QJsonObject splits = o[QStringLiteral("splits")].toObject();
            QVERIFY(splits.contains(QStringLiteral("train")) && splits.contains(QStringLiteral("val")) &&
                    splits.contains(QStringLiteral("test")));
            boxes += o[QStringLiteral("boxes")].toInt();
        }
        QCOMPARE(boxes, report[QStringLiteral("boxes")].toInt());
        for (const auto &w : st[QStringLiteral("warnings")].toArray()) {
            const QJsonObject o = w.toObject();
            QVERIFY(o.contains(QStringLiteral("code")) && o.contains(QStringLiteral("message")) &&
                    o[QStringLiteral("examples")].isArray());
        }
        r = cli({QStringLiteral("stats"), dir});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("circle")));
        QCOMPARE(cli({QStringLiteral("stats"), tmp.path() + QStringLiteral("/none")}).code, 2);

        // Parameters.
        r = cli({QStringLiteral("params"), dir, QStringLiteral("set"), QStringLiteral("train.epochs"),
                 QStringLiteral("500")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("train.epochs")) && r.err.contains(QStringLiteral("200")),
                 qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("params"), dir, QStringLiteral("set"), QStringLiteral("train.epochs"),
                      QStringLiteral("50")})
                     .code,
                 0);
        r = cli({QStringLiteral("params"), dir, QStringLiteral("get"), QStringLiteral("train.epochs")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("50"));
        // Issue 12.21: a negative value is a value ("Unknown options: 3, 0, ., ., 3, 0." before).
        r = cli({QStringLiteral("params"), dir, QStringLiteral("set"), QStringLiteral("augment.rotate.degrees"),
                 QStringLiteral("-30..30")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("params"), dir, QStringLiteral("get"), QStringLiteral("augment.rotate.degrees")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("-30,30"));
        QCOMPARE(cli({QStringLiteral("params"), dir, QStringLiteral("get"), QStringLiteral("train.nope")}).code, 2);
        QCOMPARE(cli({QStringLiteral("params"), dir, QStringLiteral("frob")}).code, 1);
        r = cli({QStringLiteral("params"), dir, QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("augment.rotate.degrees")));
        r = cli({QStringLiteral("params"), dir, QStringLiteral("list"), QStringLiteral("--changed")});
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 2); // train.epochs, augment.rotate.degrees

        // Splits.
        QCOMPARE(cli({QStringLiteral("split"), dir, QStringLiteral("--seed"), QStringLiteral("x")}).code, 1);
        r = cli({QStringLiteral("split"), dir, QStringLiteral("--seed"), QStringLiteral("9"),
                 QStringLiteral("--reshuffle")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("val 2")), qPrintable(r.out));
    }

    void augment()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        QCOMPARE(cli({QStringLiteral("synth"), dir, QStringLiteral("--shapes"), QStringLiteral("3"),
                      QStringLiteral("--kind"), QStringLiteral("detection")})
                     .code,
                 0);
        const QString out = tmp.path() + QStringLiteral("/aug");
        Result r = cli({QStringLiteral("augment"), dir, QStringLiteral("1"), QStringLiteral("--out"), out,
                        QStringLiteral("--n"), QStringLiteral("4"), QStringLiteral("--seed"), QStringLiteral("7"),
                        QStringLiteral("--only"), QStringLiteral("rotate"), QStringLiteral("--set"),
                        QStringLiteral("augment.rotate.degrees=90..90")});
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(out + QStringLiteral("/original.png")));
        QVERIFY(QFile::exists(out + QStringLiteral("/variant_03.png")));
        const QJsonObject records =
            QJsonDocument::fromJson(test::readFile(out + QStringLiteral("/records.json"))).object();
        const QJsonArray variants = records[QStringLiteral("variants")].toArray();
        QCOMPARE(variants.size(), 4);
        for (const auto &v : variants) {
            const QJsonArray applied = v.toObject()[QStringLiteral("applied")].toArray();
            QCOMPARE(applied.size(), 1);
            QCOMPARE(applied[0].toObject()[QStringLiteral("transform")].toString(), QStringLiteral("rotate"));
            QCOMPARE(applied[0].toObject()[QStringLiteral("degrees")].toDouble(), 90.0);
            QCOMPARE(v.toObject()[QStringLiteral("size")].toArray()[0].toInt(), 120); // 160x120 turned
            QCOMPARE(v.toObject()[QStringLiteral("boxes")].toArray().size(),
                     records[QStringLiteral("original_boxes")].toArray().size());
        }
        QCOMPARE(cli({QStringLiteral("augment"), dir, QStringLiteral("999"), QStringLiteral("--out"), out}).code, 2);
        QCOMPARE(cli({QStringLiteral("augment"), dir, QStringLiteral("1")}).code, 1); // --out missing
        r = cli({QStringLiteral("augment"), dir, QStringLiteral("1"), QStringLiteral("--out"), out,
                 QStringLiteral("--only"), QStringLiteral("twirl")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("flip_horizontal")));
        r = cli({QStringLiteral("augment"), dir, QStringLiteral("1"), QStringLiteral("--out"), out,
                 QStringLiteral("--set"), QStringLiteral("augment.blur.kernel=4")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("augment.blur.kernel")));
    }

    void trainEvalPredict()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        QCOMPARE(cli({QStringLiteral("synth"), dir, QStringLiteral("--shapes"), QStringLiteral("40"),
                      QStringLiteral("--kind"), QStringLiteral("classification"), QStringLiteral("--size"),
                      QStringLiteral("48x36")})
                     .code,
                 0);
        QStringList args = {QStringLiteral("train"), dir};
        for (const char *set :
             {"train.epochs=1", "train.steps_per_epoch=50", "train.batch_size=4", "input.min_side=36",
              "input.max_side=48", "classifier.depth=2", "classifier.width=8", "augment.noise.probability=0"})
            args << QStringLiteral("--set") << QString::fromLatin1(set);
        Result r = cli(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("epoch 1: loss")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("run 1: finished")));
        QVERIFY(r.out.contains(QStringLiteral("test accuracy")));
        QCOMPARE(cli({QStringLiteral("train"), dir, QStringLiteral("--set"), QStringLiteral("train.epochs=0")}).code,
                 2);
        QCOMPARE(cli({QStringLiteral("train"), dir, QStringLiteral("--resume"), QStringLiteral("x")}).code, 1);

        r = cli({QStringLiteral("runs"), dir, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("runs")].toArray();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].toObject()[QStringLiteral("epochs")].toArray().size(), 1);

        r = cli({QStringLiteral("eval"), dir, QStringLiteral("1"), QStringLiteral("--split"), QStringLiteral("train"),
                 QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject metrics = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(metrics.contains(QStringLiteral("accuracy")));
        QCOMPARE(metrics[QStringLiteral("confusion")].toArray().size(), 4);
        QCOMPARE(cli({QStringLiteral("eval"), dir, QStringLiteral("7")}).code, 2);
        QCOMPARE(
            cli({QStringLiteral("eval"), dir, QStringLiteral("1"), QStringLiteral("--split"), QStringLiteral("all")})
                .code,
            1);

        const QString image =
            QDir(dir + QStringLiteral("/images")).entryInfoList(QDir::Files).first().absoluteFilePath();
        r = cli({QStringLiteral("predict"), dir, QStringLiteral("1"), image, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray predictions =
            QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("predictions")].toArray();
        QCOMPARE(predictions[0].toObject()[QStringLiteral("scores")].toArray().size(), 4);
        r = cli({QStringLiteral("predict"), dir, QStringLiteral("1"), tmp.path() + QStringLiteral("/missing.png")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("missing.png")));
    }

    void detectionPredictCapAndBothAp50()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        QCOMPARE(cli({QStringLiteral("synth"), dir, QStringLiteral("--shapes"), QStringLiteral("30")}).code, 0);
        QStringList args = {QStringLiteral("train"), dir};
        for (const char *set : {"train.epochs=1", "train.steps_per_epoch=50", "train.batch_size=2", "input.min_side=60",
                                "input.max_side=80", "detector.width=8", "anchors.sizes=16,32", "anchors.strides=8,16"})
            args << QStringLiteral("--set") << QString::fromLatin1(set);
        QCOMPARE(cli(args).code, 0);
        Result r = cli({QStringLiteral("eval"), dir, QStringLiteral("1")});
        QVERIFY2(r.out.contains(QStringLiteral("(VOC all-point)")) &&
                     r.out.contains(QStringLiteral("(COCO 101-point)")),
                 qPrintable(r.out));
        r = cli({QStringLiteral("eval"), dir, QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object().contains(QStringLiteral("map50_coco")));
        const QString image =
            QDir(dir + QStringLiteral("/images")).entryInfoList(QDir::Files).first().absoluteFilePath();
        QVERIFY(cli({QStringLiteral("predict"), QStringLiteral("--help")}).out.contains(QStringLiteral("max-boxes")));
        r = cli({QStringLiteral("predict"), dir, QStringLiteral("1"), image, QStringLiteral("--json"),
                 QStringLiteral("--threshold"), QStringLiteral("0"), QStringLiteral("--max-boxes"),
                 QStringLiteral("2")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("max_boxes")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("predictions"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("boxes"))
                     .toArray()
                     .size(),
                 2);
        r = cli({QStringLiteral("predict"), dir, QStringLiteral("1"), image, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("max_boxes")).toInt(), 30);
        QCOMPARE(cli({QStringLiteral("predict"), dir, QStringLiteral("1"), image, QStringLiteral("--max-boxes"),
                      QStringLiteral("0")})
                     .code,
                 1);
    }

    void pinAndFill()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        QCOMPARE(cli({QStringLiteral("synth"), dir, QStringLiteral("--shapes"), QStringLiteral("40")}).code, 0);
        QCOMPARE(
            cli({QStringLiteral("pin"), dir, QStringLiteral("test"), QStringLiteral("1"), QStringLiteral("2")}).code,
            0);
        QCOMPARE(cli({QStringLiteral("pin"), dir, QStringLiteral("nowhere"), QStringLiteral("1")}).code, 1);
        QCOMPARE(cli({QStringLiteral("pin"), dir, QStringLiteral("val"), QStringLiteral("999")}).code, 2);
        const Result r = cli({QStringLiteral("split"), dir, QStringLiteral("--reshuffle")});
        QCOMPARE(r.code, 0);
        QCOMPARE(cli({QStringLiteral("split"), dir, QStringLiteral("--fill")})
                     .out.contains(QStringLiteral("0 example(s) assigned")),
                 true);
        QCOMPARE(cli({QStringLiteral("split"), dir, QStringLiteral("--fill"), QStringLiteral("--reshuffle")}).code, 1);
        QCOMPARE(cli({QStringLiteral("pin"), dir, QStringLiteral("none"), QStringLiteral("1")}).code, 0);
        QVERIFY(cli({QStringLiteral("--version")})
                    .out.contains(QStringLiteral("(%1 threads for training)").arg(QThread::idealThreadCount())));
    }

    void suggestAppliesExactlyItsProposals()
    {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("p"));
        QCOMPARE(cli({QStringLiteral("init"), p, QStringLiteral("--kind"), QStringLiteral("detection")}).code, 0);
        QCOMPARE(cli({QStringLiteral("synth"), p, QStringLiteral("--shapes"), QStringLiteral("40")}).code, 0);
        const Result dry = cli(
            {QStringLiteral("suggest"), p, QStringLiteral("--minutes"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(dry.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(dry.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("budget_minutes")).toDouble(), 2.0);
        QVERIFY(o.value(QStringLiteral("anchor_recall")).toObject().contains(QStringLiteral("current")));
        QStringList keys;
        for (const auto &v : o.value(QStringLiteral("proposals")).toArray()) {
            const QJsonObject prop = v.toObject();
            QVERIFY(!prop.value(QStringLiteral("reason")).toString().isEmpty());
            QVERIFY(prop.contains(QStringLiteral("current")) && prop.contains(QStringLiteral("proposed")));
            keys << prop.value(QStringLiteral("key")).toString();
        }
        QVERIFY(keys.contains(QStringLiteral("input.min_side")));
        // Without --apply nothing changed; with it, exactly the proposals (the project was at the defaults).
        QCOMPARE(cli({QStringLiteral("params"), p, QStringLiteral("list"), QStringLiteral("--changed")}).out.trimmed(),
                 QString());
        const Result applied = cli({QStringLiteral("suggest"), p, QStringLiteral("--minutes"), QStringLiteral("2"),
                                    QStringLiteral("--json"), QStringLiteral("--apply")});
        QCOMPARE(applied.code, 0);
        QStringList changed;
        for (const QString &line :
             cli({QStringLiteral("params"), p, QStringLiteral("list"), QStringLiteral("--changed")})
                 .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            changed << line.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('='), 0, 0).trimmed();
        QStringList appliedKeys;
        for (const auto &v :
             QJsonDocument::fromJson(applied.out.toUtf8()).object().value(QStringLiteral("proposals")).toArray())
            appliedKeys << v.toObject().value(QStringLiteral("key")).toString();
        changed.sort();
        appliedKeys.sort();
        QCOMPARE(changed, appliedKeys);
        QCOMPARE(cli({QStringLiteral("suggest"), p, QStringLiteral("--minutes"), QStringLiteral("zero")}).code, 1);
    }

    void demo()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/demo");
        Result r = cli({QStringLiteral("demo"), dir});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Creating the demo project")));
        QVERIFY(r.out.contains(QStringLiteral("Examples: 300")));
        r = cli({QStringLiteral("demo"), dir});
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.contains(QStringLiteral("Creating")));
    }

    // Issue 13.2: synth runs any registered generator with its own parameters; --shapes stays a shorthand.
    void synthRunsARegisteredGenerator()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/g");
        const Result help = cli({QStringLiteral("synth"), QStringLiteral("--help")});
        QVERIFY2(help.out.contains(QLatin1String("generators: shapes (")), qPrintable(help.out));
        const Result params = cli({QStringLiteral("synth"), dir, QStringLiteral("--params")});
        QVERIFY2(params.code == 0 && params.out.contains(QLatin1String("shapes.max_objects")), qPrintable(params.out));
        QCOMPARE(cli({QStringLiteral("synth"), dir, QStringLiteral("--generator"), QStringLiteral("shapes"),
                      QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--set"),
                      QStringLiteral("shapes.max_objects=2"), QStringLiteral("--seed"), QStringLiteral("4")})
                     .code,
                 0);
        const Result unknown = cli({QStringLiteral("synth"), dir, QStringLiteral("--generator"), QStringLiteral("ocrx"),
                                    QStringLiteral("--count"), QStringLiteral("5")});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("unknown generator 'ocrx' (one of: shapes")),
                 qPrintable(unknown.err));
        const Result bad = cli({QStringLiteral("synth"), dir, QStringLiteral("--count"), QStringLiteral("5"),
                                QStringLiteral("--set"), QStringLiteral("shapes.width=10")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QLatin1String("shapes.width")), qPrintable(bad.err));
        QCOMPARE(cli({QStringLiteral("synth"), dir, QStringLiteral("--shapes"), QStringLiteral("3")}).code, 0);
        auto project = Project::open(dir, Project::OpenMode::ReadOnly);
        QCOMPARE(project->exampleCount(), qint64(8)); // the refused runs stored nothing
        for (const Example &e : project->examples())
            QCOMPARE(e.source, QStringLiteral("synth:shapes"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
