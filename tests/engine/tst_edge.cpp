// The edge (issue 14.2): visor-edge runs an exported bundle on a generated video with OpenCV alone,
// writes a JSON line per processed frame and keeps feedback frames for the reasons planted; the
// feedback folder imports back as unlabelled examples with proposals; bad bundles and sources
// give a clear message and exit code 2.
#include "export/feedback.h"
#include "project/proposals.h"
#include "testutil.h"
#include "train/modelexport.h"
#include "train/propose.h"

#include <set>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace visor;

namespace {

deploy::Bundle detectionBundle()
{
    deploy::Bundle b;
    b.kind = QStringLiteral("detection");
    b.classes = {QStringLiteral("a"), QStringLiteral("b")};
    b.colours = {QStringLiteral("#ff0000"), QStringLiteral("#00ff00")};
    return b;
}

deploy::Result boxes(std::vector<std::pair<float, float>> xScores, int label = 0)
{
    deploy::Result r;
    for (const auto &[x, score] : xScores)
        r.detections.push_back({{x, 10, x + 40, 50}, label, score});
    return r;
}

cv::Mat frame(int seed)
{
    cv::Mat m(60, 80, CV_8UC3, cv::Scalar(seed * 37 % 255, seed * 91 % 255, seed * 13 % 255));
    cv::circle(m, {10 + seed * 7 % 60, 30}, 8, cv::Scalar(255, 255, 255), -1);
    return m;
}

QStringList keptReasons(const QString &dir)
{
    QStringList all;
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QJsonObject o = QJsonDocument::fromJson(test::readFile(QDir(dir).filePath(f))).object();
        QStringList r;
        for (const auto &v : o.value(QStringLiteral("reasons")).toArray())
            r << v.toString();
        all << r.join(QLatin1Char('+'));
    }
    return all;
}

/// A video of `frames` frames, 160 x 120: a white disc moving right, absent in frames [gapFrom, gapTo).
QString makeVideo(const QString &path, int frames, int gapFrom, int gapTo)
{
    cv::VideoWriter w(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10, cv::Size(160, 120));
    if (!w.isOpened())
        qFatal("cannot write %s", qPrintable(path));
    for (int i = 0; i < frames; ++i) {
        cv::Mat m(120, 160, CV_8UC3, cv::Scalar(70, 100, 130));
        if (i < gapFrom || i >= gapTo)
            cv::circle(m, {30 + i * 3, 60}, 18, cv::Scalar(250, 250, 250), -1);
        w.write(m);
    }
    return path;
}

} // namespace

class TestEdge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The reasons, planted one by one: a box that stays is not news; one that vanishes is unstable;
    // one that appears near the threshold is unstable and uncertain.
    void feedbackKeepsThePlantedFrames()
    {
        QTemporaryDir dir;
        deploy::FeedbackOptions o;
        o.threshold = 0.5;
        o.band = 0.1;
        o.maxPerMinute = 100;
        deploy::FeedbackCollector c(dir.path(), detectionBundle(), o);
        const QJsonObject source{{QStringLiteral("source"), QStringLiteral("test")}};
        QVERIFY(c.consider(frame(0), 0, 0.0, boxes({{10, 0.9f}}), source).isEmpty());  // nothing to compare with
        QVERIFY(c.consider(frame(1), 1, 0.1, boxes({{12, 0.92f}}), source).isEmpty()); // moved a little
        QCOMPARE(c.consider(frame(2), 2, 0.2, boxes({}), source), QStringList{QStringLiteral("unstable")}); // vanished
        QVERIFY(c.consider(frame(3), 3, 0.3, boxes({}), source).isEmpty());
        QCOMPARE(c.consider(frame(4), 4, 0.4, boxes({{30, 0.55f}}), source),
                 (QStringList{QStringLiteral("uncertain"), QStringLiteral("unstable")}));
        // Below the threshold but in the band: uncertain; not reported, so the box "vanished" too.
        QCOMPARE(c.consider(frame(5), 5, 0.5, boxes({{30, 0.45f}}), source),
                 (QStringList{QStringLiteral("uncertain"), QStringLiteral("unstable")}));
        QCOMPARE(keptReasons(dir.path()), (QStringList{QStringLiteral("unstable"), QStringLiteral("uncertain+unstable"),
                                                       QStringLiteral("uncertain+unstable")}));
        // Each kept frame: its JPEG beside its JSON, with the predictions.
        const QStringList json = QDir(dir.path()).entryList({QStringLiteral("*.json")});
        const QJsonObject last = QJsonDocument::fromJson(test::readFile(dir.filePath(json.back()))).object();
        QVERIFY(QFile::exists(dir.filePath(last.value(QStringLiteral("image")).toString())));
        QCOMPARE(last.value(QStringLiteral("frame")).toInt(), 5);
        QCOMPARE(last.value(QStringLiteral("predictions")).toObject().value(QStringLiteral("boxes")).toArray().size(),
                 1);
    }

    void feedbackHasLimits()
    {
        QTemporaryDir dir;
        deploy::FeedbackOptions o;
        o.threshold = 0.5;
        o.sampleRate = 1; // every frame is worth keeping: the limits decide
        o.maxPerMinute = 2;
        deploy::FeedbackCollector c(dir.path(), detectionBundle(), o);
        QVERIFY(!c.consider(frame(0), 0, 0.0, boxes({}), {}).isEmpty());
        QVERIFY(c.consider(frame(0), 1, 1.0, boxes({}), {}).isEmpty());            // the same picture, the same report
        QVERIFY(!c.consider(frame(0), 2, 2.0, boxes({{10, 0.9f}}), {}).isEmpty()); // same picture, new object
        QVERIFY(c.consider(frame(3), 3, 3.0, boxes({}), {}).isEmpty());            // two this minute already
        QVERIFY(!c.consider(frame(4), 4, 61.0, boxes({}), {}).isEmpty());          // a minute later
        QCOMPARE(c.counts().at(QStringLiteral("skipped: near duplicate")), 1);
        QCOMPARE(c.counts().at(QStringLiteral("skipped: rate limit")), 1);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.jpg")}).size(), 3);

        // The folder's cap: the oldest frames go first.
        QTemporaryDir small;
        o.maxPerMinute = 1000;
        o.maxBytes = 1; // nothing fits: each new frame replaces the last
        o.duplicateBits = -1;
        deploy::FeedbackCollector capped(small.path(), detectionBundle(), o);
        for (int i = 0; i < 4; ++i)
            capped.consider(frame(i), i, i, boxes({}), {});
        QVERIFY(QDir(small.path()).entryList({QStringLiteral("*.jpg")}).size() <= 1);
        QCOMPARE(capped.counts().at(QStringLiteral("removed: folder cap")), 4);
    }

    void theEdgeRunsAVideoAndItsFeedbackImports()
    {
        QString bundle;
        auto t = test::exportedProject(DatasetKind::ObjectDetection, &bundle);
        const QString video = makeVideo(t->dir.filePath(QStringLiteral("clip.avi")), 30, 15, 20);
        const QString out = t->dir.filePath(QStringLiteral("out"));
        const test::CliResult r = test::runEdge(
            {bundle, video, QStringLiteral("--out"), out, QStringLiteral("--threshold"), QStringLiteral("0.05"),
             QStringLiteral("--sample"), QStringLiteral("0.5"), QStringLiteral("--max-per-minute"),
             QStringLiteral("1000"), QStringLiteral("--video"), t->dir.filePath(QStringLiteral("annotated.avi"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("30 frame(s) read, 30 processed")), qPrintable(r.err));
        QVERIFY(QFileInfo(t->dir.filePath(QStringLiteral("annotated.avi"))).size() > 0);
        const QList<QByteArray> lines =
            test::readFile(QDir(out).filePath(QStringLiteral("predictions.jsonl"))).trimmed().split('\n');
        QCOMPARE(lines.size(), 30);
        for (int i = 0; i < lines.size(); ++i) {
            QJsonParseError e;
            const QJsonObject o = QJsonDocument::fromJson(lines[i], &e).object();
            QVERIFY2(e.error == QJsonParseError::NoError, lines[i].constData());
            QCOMPARE(o.value(QStringLiteral("frame")).toInt(), i);
            QVERIFY(o.value(QStringLiteral("boxes")).isArray());
            QCOMPARE(o.value(QStringLiteral("time")).toDouble(), i / 10.0);
        }
        const QString feedback = QDir(out).filePath(QStringLiteral("feedback"));
        const QStringList kept = keptReasons(feedback);
        QVERIFY(!kept.isEmpty());
        for (const QString &reasons : kept)
            for (const QString &why : reasons.split(QLatin1Char('+')))
                QVERIFY2(
                    QStringList({QStringLiteral("uncertain"), QStringLiteral("unstable"), QStringLiteral("sampled")})
                        .contains(why),
                    qPrintable(why));

        // --every 3: every third frame.
        const QString sparse = t->dir.filePath(QStringLiteral("sparse"));
        QCOMPARE(test::runEdge(
                     {bundle, video, QStringLiteral("--out"), sparse, QStringLiteral("--every"), QStringLiteral("3")})
                     .code,
                 0);
        QCOMPARE(
            test::readFile(QDir(sparse).filePath(QStringLiteral("predictions.jsonl"))).trimmed().split('\n').size(),
            10);

        // Back into a project: unlabelled examples from the edge, the predictions as proposals.
        auto target = test::makeProject(DatasetKind::ObjectDetection);
        const QString targetDir = target->path();
        target->project.reset();
        const test::CliResult imported = test::runCli({QStringLiteral("import"), targetDir, feedback});
        QVERIFY2(imported.code == 0, qPrintable(imported.out + imported.err));
        QVERIFY2(imported.out.contains(QStringLiteral("(edge)")), qPrintable(imported.out));
        auto p = Project::open(targetDir);
        QCOMPARE(int(p->examples().size()), int(kept.size()));
        ProposalStore store(*p);
        int predictions = 0;
        for (const QString &f : QDir(feedback).entryList({QStringLiteral("*.json")}))
            predictions += QJsonDocument::fromJson(test::readFile(QDir(feedback).filePath(f)))
                               .object()
                               .value(QStringLiteral("predictions"))
                               .toObject()
                               .value(QStringLiteral("boxes"))
                               .toArray()
                               .size();
        QCOMPARE(int(store.count()), predictions);
        QCOMPARE(int(store.examplesFrom(QStringLiteral("edge")).size()), int(kept.size()));
        for (const Example &e : p->examples()) {
            QVERIFY(!e.labelled); // proposals are not annotations
            QVERIFY(p->boxes(e.id).empty());
            QVERIFY(store.originDetails(e.id).value(QStringLiteral("reasons")).isArray());
        }
        // Accepting one makes it a box; it is a proposal no more.
        if (predictions > 0) {
            const qint64 example = *store.examplesWithProposals().begin();
            const ModelProposal first = store.of(example).front();
            store.accept(first.id);
            QCOMPARE(int(p->boxes(example).size()), 1);
            QCOMPARE(int(store.count()), predictions - 1);
        }
    }

    // Model-assisted annotation (issue 15.1): a run proposes for the unlabelled examples; proposing
    // again replaces its earlier proposals instead of doubling them; annotations stay untouched.
    void aRunProposesForUnlabelledExamples()
    {
        qint64 run = 0;
        auto t = test::trainedProject(DatasetKind::ObjectDetection, &run);
        Project &p = *t->project;
        const auto fresh = test::imageExamples(p, 3, 64, 48);
        p.addExamples(fresh);
        std::set<qint64> unlabelled;
        for (const Example &e : p.examples())
            if (!e.labelled)
                unlabelled.insert(e.id);
        QCOMPARE(int(unlabelled.size()), 3);
        const qint64 boxesBefore = qint64(p.allBoxes().size());
        train::ProposeOptions o;
        o.threshold = 0.0;
        const train::ProposeReport r = train::proposeWithRun(p, run, o);
        QCOMPARE(r.examples, 3);
        QVERIFY(r.proposals > 0);
        ProposalStore store(p);
        QCOMPARE(store.examplesWithProposals(), unlabelled);
        QCOMPARE(int(store.count()), r.proposals);
        QCOMPARE(store.of(*unlabelled.begin()).front().origin, QStringLiteral("run %1").arg(run));
        QCOMPARE(qint64(p.allBoxes().size()), boxesBefore);
        QCOMPARE(train::proposeWithRun(p, run, o).proposals, r.proposals); // replaced, not doubled
        QCOMPARE(int(store.count()), r.proposals);
        // From the command line, on chosen examples.
        const qint64 one = *unlabelled.begin();
        t->project.reset();
        const test::CliResult cli = test::runCli(
            {QStringLiteral("propose"), t->path(), QString::number(run), QStringLiteral("--examples"),
             QString::number(one), QStringLiteral("--threshold"), QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        QCOMPARE(QJsonDocument::fromJson(cli.out.toUtf8()).object().value(QStringLiteral("examples")).toInt(), 1);
        QVERIFY(test::runCli({QStringLiteral("propose"), t->path(), QString::number(run), QStringLiteral("--all"),
                              QStringLiteral("--examples"), QStringLiteral("1")})
                    .code == 1);
    }

    void badInputGivesAClearMessage()
    {
        QString bundle;
        auto t = test::exportedProject(DatasetKind::Classification, &bundle);
        const QString video = makeVideo(t->dir.filePath(QStringLiteral("clip.avi")), 5, 0, 0);
        const QString onnx = QDir(bundle).filePath(QStringLiteral("model.onnx"));
        const QByteArray good = test::readFile(onnx);

        test::CliResult r = test::runEdge({bundle, t->dir.filePath(QStringLiteral("nothing.mp4"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("nothing.mp4: no such file")), qPrintable(r.err));
        test::writeFile(t->dir.path(), QStringLiteral("text.avi"), "not a video at all");
        r = test::runEdge({bundle, t->dir.filePath(QStringLiteral("text.avi"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("text.avi")), qPrintable(r.err));
        r = test::runEdge({bundle, QStringLiteral("97")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("camera 97")), qPrintable(r.err));
        r = test::runEdge({bundle});
        QCOMPARE(r.code, 1);

        test::writeFile(bundle, QStringLiteral("model.onnx"), good.left(100));
        r = test::runEdge({bundle, video});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(onnx), qPrintable(r.err));
        QFile::remove(onnx);
        r = test::runEdge({bundle, video});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(onnx) && r.err.contains(QStringLiteral("missing")), qPrintable(r.err));
        // Classification on a video: one class a frame.
        test::writeFile(bundle, QStringLiteral("model.onnx"), good);
        r = test::runEdge({bundle, video});
        QCOMPARE(r.code, 0);
        const QJsonObject first = QJsonDocument::fromJson(r.out.split(QLatin1Char('\n')).front().toUtf8()).object();
        QVERIFY2(!first.value(QStringLiteral("class")).toString().isEmpty(), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestEdge)
#include "tst_edge.moc"
