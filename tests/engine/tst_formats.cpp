#include "formats/formats.h"
#include "project/splitter.h"
#include "synth/shapes.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <map>

using namespace visor;
using test::dump;
using test::hasEntry;
using test::vocObject;
using test::vocXml;

namespace {

struct Snapshot {
    QStringList classes;
    std::map<QString, std::optional<Split>> splits;             // by content hash
    std::map<QString, std::vector<std::array<float, 4>>> boxes; // by hash, sorted
    std::map<QString, QString> boxClasses;                      // hash -> sorted class names joined
    std::map<QString, QString> labels;                          // classification
};

Snapshot snapshot(const Project &p)
{
    Snapshot s;
    std::map<qint64, QString> names;
    for (const ClassInfo &c : p.classes()) {
        s.classes << c.name;
        names[c.id] = c.name;
    }
    auto all = p.allBoxes();
    for (const Example &e : p.examples()) {
        if (!e.labelled)
            continue;
        s.splits[e.hash] = e.split;
        if (e.classId)
            s.labels[e.hash] = names[e.classId];
        QStringList cls;
        auto &list = s.boxes[e.hash];
        for (const Box &b : all[e.id]) {
            list.push_back({b.x1, b.y1, b.x2, b.y2});
            cls << names[b.classId];
        }
        std::sort(list.begin(), list.end());
        cls.sort();
        s.boxClasses[e.hash] = cls.join(QLatin1Char(','));
    }
    return s;
}

void compareSnapshots(const Snapshot &a, const Snapshot &b)
{
    QCOMPARE(a.classes, b.classes);
    QCOMPARE(a.splits, b.splits);
    QCOMPARE(a.labels, b.labels);
    QCOMPARE(a.boxClasses, b.boxClasses);
    QCOMPARE(a.boxes.size(), b.boxes.size());
    for (const auto &[hash, list] : a.boxes) {
        const auto &other = b.boxes.at(hash);
        QCOMPARE(list.size(), other.size());
        for (size_t i = 0; i < list.size(); ++i)
            for (int k = 0; k < 4; ++k)
                QVERIFY2(std::abs(list[i][size_t(k)] - other[i][size_t(k)]) < 1e-3f,
                         qPrintable(QStringLiteral("%1 box %2: %3 vs %4")
                                        .arg(hash.left(8))
                                        .arg(i)
                                        .arg(list[i][size_t(k)])
                                        .arg(other[i][size_t(k)])));
    }
}

} // namespace

class TestFormats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Issue 17.18: every format has its own name for the window ("coco" beside "COCO" on export before).
    void formatsHaveTheirOwnNames()
    {
        QStringList names;
        for (Format f : dataSetFormats(FormatUse::Import)) {
            names << formatName(f);
            QCOMPARE(parseFormat(formatKey(f)), std::optional<Format>(f));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("COCO"), QStringLiteral("Pascal VOC"), QStringLiteral("YOLO"),
                                     QStringLiteral("LabelMe"), QStringLiteral("ImageFolder"),
                                     QStringLiteral("visor-edge feedback")}));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("classification");
        QTest::newRow("voc") << "voc" << false;
        QTest::newRow("coco") << "coco" << false;
        QTest::newRow("yolo") << "yolo" << false;
        QTest::newRow("labelme") << "labelme" << false;
        QTest::newRow("imagefolder") << "imagefolder" << true;
    }

    // Export, then import into a fresh project: same classes, examples, boxes and splits.
    void roundTrip()
    {
        QFETCH(QString, format);
        QFETCH(bool, classification);
        const DatasetKind kind = classification ? DatasetKind::Classification : DatasetKind::ObjectDetection;
        auto src = test::makeProject(kind, QStringLiteral("source"));
        synth::ShapesOptions o;
        o.kind = kind;
        o.count = 30;
        o.width = 96;
        o.height = 72;
        o.minSize = 10;
        o.maxSize = 30;
        synth::addShapes(*src->project, o);
        src->project->addClass(QStringLiteral("unused class")); // must survive the trip too
        if (!classification)
            test::addPlainExamples(*src->project, 1, 96, 72); // unlabelled: not exported
        QTemporaryDir out;
        const QString exportDir = out.path() + QStringLiteral("/export");
        const ExportReport er = exportDataset(*src->project, exportDir, *parseFormat(format));
        QCOMPARE(er.examples, 30);
        QCOMPARE(er.unlabelledSkipped, classification ? 0 : 1);
        QString why;
        QCOMPARE(detectFormat(exportDir, &why), parseFormat(format));

        auto dst = test::makeProject(kind, QStringLiteral("destination"));
        ImportOptions opts;
        opts.format = *parseFormat(format);
        const ImportReport r = importDataset(*dst->project, exportDir, opts);
        QVERIFY2(r.ok(), qPrintable(dump(r)));
        QCOMPARE(r.imported, 30);
        QCOMPARE(r.skipped, 0);
        compareSnapshots(snapshot(*src->project), snapshot(*dst->project));
    }

    void negativeAndFractionalBoxesRoundTrip_data() { roundTrip_data(); }

    // Same as above with real images for the negative example and the fractional box.
    void negativeAndFractionalBoxesRoundTrip()
    {
        QFETCH(QString, format);
        QFETCH(bool, classification);
        if (classification)
            QSKIP("detection only");
        auto src = test::makeProject(DatasetKind::ObjectDetection, QStringLiteral("source"));
        QTemporaryDir in;
        test::writeFile(in.path(), QStringLiteral("train/neg.png"), test::imageBytes(96, 72, 1));
        test::writeFile(in.path(), QStringLiteral("train/neg.xml"), vocXml(QStringLiteral("neg.png"), {}));
        test::writeFile(in.path(), QStringLiteral("val/frac.png"), test::imageBytes(96, 72, 2));
        test::writeFile(
            in.path(), QStringLiteral("val/frac.xml"),
            vocXml(QStringLiteral("frac.png"), vocObject(QStringLiteral("thing"), 1.25, 2.5, 40.75, 33.125)));
        const ImportReport first = importDataset(*src->project, in.path());
        QVERIFY2(first.ok() && first.imported == 2, qPrintable(dump(first)));
        QTemporaryDir out;
        exportDataset(*src->project, out.path() + QStringLiteral("/x"), *parseFormat(format));
        auto dst = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*dst->project, out.path() + QStringLiteral("/x"));
        QVERIFY2(r.ok() && r.imported == 2, qPrintable(dump(r)));
        compareSnapshots(snapshot(*src->project), snapshot(*dst->project));
    }

    void vocProblemsAreReportedAndTheRestImported()
    {
        QTemporaryDir in;
        const QString d = in.path();
        test::writeFile(d, QStringLiteral("good.png"), test::imageBytes(64, 48, 1));
        test::writeFile(d, QStringLiteral("good.xml"),
                        vocXml(QStringLiteral("good.png"),
                               vocObject(QStringLiteral("known"), 1, 1, 20, 20) +
                                   vocObject(QStringLiteral("newclass"), 5, 5, 30, 30) +
                                   vocObject(QStringLiteral("known"), -5, 10, 30, 60) +     // partly outside: clipped
                                   vocObject(QStringLiteral("known"), 100, 100, 120, 120) + // fully outside: skipped
                                   vocObject(QStringLiteral("known"), 10, 10, 10, 30) +     // zero width: skipped
                                   vocObject(QStringLiteral("known"), 30, 30, 20, 40)));    // negative: skipped
        test::writeFile(d, QStringLiteral("missing.xml"),
                        vocXml(QStringLiteral("nothere.png"), vocObject(QStringLiteral("known"), 1, 1, 5, 5)));
        test::writeFile(d, QStringLiteral("corrupt.jpg"),
                        QByteArray("\xFF\xD8\xFF\xE0 this is not really a jpeg \xFF\xD9"));
        test::writeFile(d, QStringLiteral("corrupt.xml"), vocXml(QStringLiteral("corrupt.jpg"), {}));
        const QByteArray jpeg = test::imageBytes(64, 48, 2, true);
        test::writeFile(d, QStringLiteral("truncated.jpg"), jpeg.left(jpeg.size() / 2));
        test::writeFile(d, QStringLiteral("truncated.xml"), vocXml(QStringLiteral("truncated.jpg"), {}));
        test::writeFile(d, QStringLiteral("broken.xml"),
                        QByteArray("<annotation><filename>good.png</filename><object><name>x</name>"));
        test::writeFile(
            d, QStringLiteral("badnumber.xml"),
            vocXml(QStringLiteral("good.png"), QStringLiteral("<object><name>a</name><bndbox><xmin>one</xmin><ymin>1</"
                                                              "ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object>")));
        test::writeFile(d, QStringLiteral("traversal.xml"), vocXml(QStringLiteral("../outside.png"), {}));
        test::writeFile(d, QStringLiteral("absolute.xml"), vocXml(QStringLiteral("/etc/hostname"), {}));
        test::writeFile(d, QStringLiteral("zdup.png"), test::imageBytes(64, 48, 1)); // same bytes as good.png
        test::writeFile(d, QStringLiteral("zdup.xml"),
                        vocXml(QStringLiteral("zdup.png"), vocObject(QStringLiteral("known"), 1, 1, 5, 5)));
        test::writeFile(in.path() + QStringLiteral("/.."), QStringLiteral("outside.png"), test::imageBytes(64, 48, 3));

        auto t = test::makeProject(DatasetKind::ObjectDetection);
        t->project->addClass(QStringLiteral("known"));
        const ImportReport r = importDataset(*t->project, d);
        QVERIFY2(r.ok(), qPrintable(dump(r)));
        QCOMPARE(r.format, Format::Voc);
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.duplicates, 1);
        QCOMPARE(r.boxes, 3);
        QCOMPARE(r.boxesClipped, 1);
        QCOMPARE(r.boxesSkipped, 3);
        QCOMPARE(r.classesCreated, QStringList{QStringLiteral("newclass")});
        QVERIFY2(hasEntry(r, QStringLiteral("missing.xml"), QStringLiteral("not found")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("corrupt.jpg"), QStringLiteral("decode")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("truncated.jpg"), QStringLiteral("truncated")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("broken.xml"), QStringLiteral("line 1")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("badnumber.xml"), QStringLiteral("<xmin> is 'one'")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("traversal.xml"), QStringLiteral("leaves the source folder")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("absolute.xml"), QStringLiteral("absolute")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("good.xml"), QStringLiteral("object 3: partly outside")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("good.xml"), QStringLiteral("object 4: entirely outside")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("good.xml"), QStringLiteral("object 5: zero or negative")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("zdup.png"),
                          QStringLiteral("same image as good.png; not stored twice (its 1 box(es) not imported)")),
                 qPrintable(dump(r)));
        const auto boxes = t->project->allBoxes().begin()->second;
        QCOMPARE(boxes.size(), size_t(3));
        QCOMPARE(boxes[2].x1, 0.f); // clipped
        QCOMPARE(boxes[2].y2, 48.f);
        // Nothing outside the source folder was read or stored.
        QCOMPARE(t->project->exampleCount(), qint64(1));
    }

    void symlinkOutsideIsRefused()
    {
        QTemporaryDir outside, in;
        test::writeFile(outside.path(), QStringLiteral("secret.png"), test::imageBytes(32, 32, 9));
        QVERIFY(QFile::link(outside.path() + QStringLiteral("/secret.png"), in.path() + QStringLiteral("/link.png")));
        test::writeFile(in.path(), QStringLiteral("link.xml"), vocXml(QStringLiteral("link.png"), {}));
        test::writeFile(in.path(), QStringLiteral("ok.png"), test::imageBytes(32, 32, 10));
        test::writeFile(in.path(), QStringLiteral("ok.xml"), vocXml(QStringLiteral("ok.png"), {}));
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, in.path());
        QCOMPARE(r.imported, 1);
        QVERIFY2(hasEntry(r, QStringLiteral("link.xml"), QStringLiteral("outside the source folder")),
                 qPrintable(dump(r)));
    }

    void cocoProblems()
    {
        QTemporaryDir in;
        const QString d = in.path();
        test::writeFile(d, QStringLiteral("images/a.png"), test::imageBytes(64, 48, 1));
        test::writeFile(d, QStringLiteral("images/b.png"), test::imageBytes(64, 48, 2));
        test::writeFile(
            d, QStringLiteral("annotations/instances_train.json"),
            R"({)"
            R"("images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "../../etc/passwd"}, {"file_name": "b.png"},)"
            R"({"id": 4, "file_name": "b.png"}],)"
            R"("categories": [{"id": 1, "name": "cat"}],)"
            R"("annotations": [{"id": 10, "image_id": 1, "category_id": 1, "bbox": [1, 2, 10, 10]},)"
            R"({"id": 11, "image_id": 1, "category_id": 1},)"
            R"({"id": 12, "image_id": 1, "category_id": 7, "bbox": [5, 5, 5, 5]},)"
            R"({"id": 13, "image_id": 99, "category_id": 1, "bbox": [5, 5, 5, 5]}]})");
        test::writeFile(d, QStringLiteral("annotations/instances_val.json"), R"({"images": [ {"id": 1,, } ]})");
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, d);
        QVERIFY2(r.ok(), qPrintable(dump(r)));
        QCOMPARE(r.format, Format::Coco);
        QCOMPARE(r.imported, 2);
        QCOMPARE(r.boxes, 2);
        QVERIFY2(hasEntry(r, QStringLiteral("instances_val.json"), QStringLiteral("malformed JSON at byte")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("images[1]"), QStringLiteral("leaves the source folder")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("images[2]"), QStringLiteral("'id'")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("instances_train.json"), QStringLiteral("annotation id 11: field 'bbox'")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("instances_train.json"), QStringLiteral("category_id 7 is not declared")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("instances_train.json"), QStringLiteral("image_id 99")),
                 qPrintable(dump(r)));
        for (const Example &e : t->project->examples())
            QCOMPARE(e.split, Split::Train); // from the file name
    }

    void yoloProblems()
    {
        QTemporaryDir in;
        const QString d = in.path();
        test::writeFile(d, QStringLiteral("data.yaml"), "path: .\nnames:\n  - apple\n  - pear\n");
        test::writeFile(d, QStringLiteral("images/train/a.png"), test::imageBytes(100, 50, 1));
        test::writeFile(d, QStringLiteral("labels/train/a.txt"), "0 0.5 0.5 0.2 0.4\n1 0.25 0.25 0.1 0.1\n");
        test::writeFile(d, QStringLiteral("images/train/b.png"), test::imageBytes(100, 50, 2));
        test::writeFile(d, QStringLiteral("labels/train/b.txt"), "0 0.5 0.5 0.2\n");
        test::writeFile(d, QStringLiteral("images/val/c.png"), test::imageBytes(100, 50, 3));
        test::writeFile(d, QStringLiteral("labels/val/c.txt"), "0 0.5 abc 0.2 0.2\n");
        test::writeFile(d, QStringLiteral("images/val/d.png"), test::imageBytes(100, 50, 4)); // no label file
        test::writeFile(d, QStringLiteral("images/test/e.png"), test::imageBytes(100, 50, 5));
        test::writeFile(d, QStringLiteral("labels/test/e.txt"), "5 0.5 0.5 0.2 0.2\n");
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, d);
        QVERIFY2(r.ok(), qPrintable(dump(r)));
        QCOMPARE(r.format, Format::Yolo);
        QCOMPARE(r.imported, 3);
        QVERIFY2(
            hasEntry(r, QStringLiteral("labels/train/b.txt"), QStringLiteral("line 1: expected 'class cx cy w h'")),
            qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("labels/val/c.txt"), QStringLiteral("line 1: field 3 'abc'")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("images/val/d.png"), QStringLiteral("unlabelled")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("labels/test/e.txt"), QStringLiteral("class 5 is beyond")),
                 qPrintable(dump(r)));
        QCOMPARE(t->project->classes()[0].name, QStringLiteral("apple"));
        QCOMPARE(t->project->classes()[1].name, QStringLiteral("pear"));
        const auto a = t->project->exampleIdByHash(QString::fromLatin1(
            QCryptographicHash::hash(test::imageBytes(100, 50, 1), QCryptographicHash::Sha256).toHex()));
        QVERIFY(a);
        const auto boxes = t->project->boxes(*a);
        QCOMPARE(boxes.size(), size_t(2));
        QCOMPARE(boxes[0].x1, 40.f);
        QCOMPARE(boxes[0].y1, 15.f);
        QCOMPARE(boxes[0].x2, 60.f);
        QCOMPARE(boxes[0].y2, 35.f);
        QCOMPARE(t->project->example(*a)->split, Split::Train);
    }

    void labelmeProblems()
    {
        QTemporaryDir in;
        const QString d = in.path();
        test::writeFile(d, QStringLiteral("a.png"), test::imageBytes(64, 48, 1));
        test::writeFile(d, QStringLiteral("a.json"),
                        R"({"imagePath": "a.png", "shapes": [)"
                        R"({"label": "dog", "shape_type": "rectangle", "points": [[30, 40], [10, 5]]},)"
                        R"({"label": "dog", "shape_type": "polygon", "points": [[1, 1], [5, 1], [3, 4]]},)"
                        R"({"label": "dog", "shape_type": "rectangle", "points": [[1, 1]]}]})");
        test::writeFile(d, QStringLiteral("b.json"), R"({"imagePath": "b.png", "imageData": null, "shapes": []})");
        test::writeFile(d, QStringLiteral("c.json"), R"({"imagePath": "..\\..\\c.png", "shapes": []})");
        test::writeFile(d, QStringLiteral("e.json"),
                        QByteArray("{\"imagePath\": \"missing.png\", \"imageData\": \"") +
                            test::imageBytes(20, 20, 5).toBase64() + "\", \"shapes\": []}");
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, d);
        QVERIFY2(r.ok(), qPrintable(dump(r)));
        QCOMPARE(r.format, Format::LabelMe);
        QCOMPARE(r.imported, 2); // a.png and the embedded image of e.json
        QCOMPARE(r.boxes, 1);
        QVERIFY2(hasEntry(r, QStringLiteral("a.json"), QStringLiteral("shapes[1]: shape_type 'polygon'")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("a.json"), QStringLiteral("shapes[2]: a rectangle needs")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("b.json"), QStringLiteral("not found")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("c.json"), QStringLiteral("leaves the source folder")),
                 qPrintable(dump(r)));
        const auto boxes = t->project->allBoxes();
        for (const auto &[id, list] : boxes) {
            QCOMPARE(list[0].x1, 10.f);
            QCOMPARE(list[0].y1, 5.f);
            QCOMPARE(list[0].x2, 30.f);
        }
    }

    void imageFolder()
    {
        QTemporaryDir in;
        const QString d = in.path();
        test::writeFile(d, QStringLiteral("train/cat/1.png"), test::imageBytes(32, 32, 1));
        test::writeFile(d, QStringLiteral("train/dog/2.png"), test::imageBytes(32, 32, 2));
        test::writeFile(d, QStringLiteral("valid/dog/3.png"), test::imageBytes(32, 32, 3));
        test::writeFile(d, QStringLiteral("test/cat/4.png"), test::imageBytes(32, 32, 4));
        test::writeFile(d, QStringLiteral("train/5.png"), test::imageBytes(32, 32, 5));
        test::writeFile(d, QStringLiteral("test/cat/broken.png"), QByteArray("\x89PNG\r\n\x1a\nxx"));
        auto t = test::makeProject(DatasetKind::Classification);
        const ImportReport r = importDataset(*t->project, d);
        QVERIFY2(r.ok(), qPrintable(dump(r)));
        QCOMPARE(r.format, Format::ImageFolder);
        QCOMPARE(r.imported, 4);
        QVERIFY2(hasEntry(r, QStringLiteral("train/5.png"), QStringLiteral("class folder")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("broken.png"), QStringLiteral("decode")), qPrintable(dump(r)));
        std::map<QString, int> perSplit;
        for (const Example &e : t->project->examples())
            perSplit[splitKey(*e.split)]++;
        QCOMPARE(perSplit[QStringLiteral("train")], 2);
        QCOMPARE(perSplit[QStringLiteral("val")], 1);
        QCOMPARE(perSplit[QStringLiteral("test")], 1);
    }

    // Item: importing ".../train" and ".../test" as two sources keeps their names' splits, pinned for
    // held-out splits, and the report says so.
    void sourceFoldersNamedAfterSplits()
    {
        QTemporaryDir in;
        for (int i = 0; i < 6; ++i)
            test::writeFile(in.path(), QStringLiteral("train/%1/%2.png").arg(i % 2 ? "cat" : "dog").arg(i),
                            test::imageBytes(32, 32, i));
        for (int i = 6; i < 9; ++i)
            test::writeFile(in.path(), QStringLiteral("test/%1/%2.png").arg(i % 2 ? "cat" : "dog").arg(i),
                            test::imageBytes(32, 32, i));
        auto t = test::makeProject(DatasetKind::Classification);
        const ImportReport train = importDataset(*t->project, in.path() + QStringLiteral("/train"));
        const ImportReport test = importDataset(*t->project, in.path() + QStringLiteral("/test"));
        QVERIFY2(train.ok() && test.ok(), qPrintable(dump(train) + dump(test)));
        QVERIFY2(hasEntry(test, QString(), QStringLiteral("own name 'test'")), qPrintable(dump(test)));
        QVERIFY2(hasEntry(test, QString(), QStringLiteral("3 test; 'visor-cli pin")), qPrintable(dump(test)));
        int inTest = 0, pinnedTest = 0, inTrain = 0;
        for (const Example &e : t->project->examples()) {
            inTest += e.split == Split::Test;
            pinnedTest += e.pinnedSplit == Split::Test;
            inTrain += e.split == Split::Train && !e.pinnedSplit;
        }
        QCOMPARE(inTest, 3);
        QCOMPARE(pinnedTest, 3);
        QCOMPARE(inTrain, 6);
    }

    void looseImageFiles()
    {
        QTemporaryDir in;
        const QString d = in.path();
        test::writeFile(d, QStringLiteral("a.png"), test::imageBytes(40, 30, 1));
        test::writeFile(d, QStringLiteral("b.jpg"), test::imageBytes(40, 30, 2, true));
        test::writeFile(d, QStringLiteral("again.png"), test::imageBytes(40, 30, 1)); // same bytes as a.png
        test::writeFile(d, QStringLiteral("broken.png"), QByteArray("\x89PNG\r\n\x1a\nxx"));
        test::writeFile(d, QStringLiteral("notes.txt"), "not an image");
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const QStringList files{d + QStringLiteral("/a.png"), d + QStringLiteral("/b.jpg"),
                                d + QStringLiteral("/again.png"), d + QStringLiteral("/broken.png"),
                                d + QStringLiteral("/notes.txt")};
        const ImportReport r = importImageFiles(*t->project, files);
        QVERIFY2(r.ok(), qPrintable(dump(r)));
        QCOMPARE(r.imported, 2);
        QCOMPARE(r.duplicates, 1);
        QVERIFY2(hasEntry(r, QStringLiteral("broken.png"), QStringLiteral("decode")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("notes.txt"), QStringLiteral("not an image")), qPrintable(dump(r)));
        for (const Example &e : t->project->examples()) {
            QVERIFY(!e.labelled); // still to be annotated
            QVERIFY(e.split.has_value());
        }
        QVERIFY(!importImageFiles(*t->project, {d + QStringLiteral("/notes.txt")}).ok());
    }

    void notADataset()
    {
        QTemporaryDir empty;
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        ImportReport r = importDataset(*t->project, empty.path());
        QVERIFY(!r.ok());
        QVERIFY2(r.fatal.contains(QStringLiteral("not a data set")), qPrintable(r.fatal));
        test::writeFile(empty.path(), QStringLiteral("notes.md"), "hello");
        test::writeFile(empty.path(), QStringLiteral("photo.png"), test::imageBytes(10, 10, 1));
        r = importDataset(*t->project, empty.path());
        QVERIFY(!r.ok());
        QVERIFY2(r.fatal.contains(QStringLiteral("no annotations")), qPrintable(r.fatal));
        r = importDataset(*t->project, empty.path() + QStringLiteral("/nope"));
        QVERIFY(r.fatal.contains(QStringLiteral("not a folder")));
        QCOMPARE(t->project->exampleCount(), qint64(0));
        QVERIFY(t->project->classes().empty());

        // A classification folder into a detection project: refused, nothing imported.
        test::writeFile(empty.path(), QStringLiteral("cat/1.png"), test::imageBytes(10, 10, 2));
        r = importDataset(*t->project, empty.path());
        QVERIFY2(r.fatal.contains(QStringLiteral("Classification")), qPrintable(r.fatal));
        QCOMPARE(t->project->exampleCount(), qint64(0));
    }

    void exportRefusesNonEmptyFolder()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        QTemporaryDir out;
        test::writeFile(out.path(), QStringLiteral("x.txt"), "keep me");
        QVERIFY_THROWS_EXCEPTION(Error, exportDataset(*t->project, out.path(), Format::Voc));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 exportDataset(*t->project, out.path() + QStringLiteral("/new"), Format::ImageFolder));
        QCOMPARE(test::readFile(out.path() + QStringLiteral("/x.txt")), QByteArray("keep me"));
    }

    void cancelKeepsNothing()
    {
        QTemporaryDir in;
        for (int i = 0; i < 20; ++i)
            test::writeFile(in.path(), QStringLiteral("c/%1.png").arg(i), test::imageBytes(32, 32, i));
        auto t = test::makeProject(DatasetKind::Classification);
        ImportOptions o;
        o.progress = [](int, int) { return false; };
        const ImportReport r = importDataset(*t->project, in.path(), o);
        QVERIFY(r.cancelled);
        QCOMPARE(t->project->exampleCount(), qint64(0));
    }

    void microcontrollers()
    {
        const QString shared = test::sharedDir();
        if (shared.isEmpty())
            QSKIP("../shared is absent (a fresh clone): the microcontrollers data set is not checked");
        const QString root = shared + QStringLiteral("/datasets/microcontrollers");
        // Expected numbers straight from the XML files.
        std::map<QString, int> expectedBoxes;
        int expectedTotal = 0, files = 0;
        QDirIterator it(root, {QStringLiteral("*.xml")}, QDir::Files, QDirIterator::Subdirectories);
        static const QRegularExpression name(QStringLiteral("<name>([^<]+)</name>"));
        while (it.hasNext()) {
            const QString text = QString::fromUtf8(test::readFile(it.next()));
            ++files;
            for (auto m = name.globalMatch(text); m.hasNext();) {
                ++expectedBoxes[m.next().captured(1)];
                ++expectedTotal;
            }
        }
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, root);
        QVERIFY2(r.ok(), qPrintable(dump(r)));
        QCOMPARE(r.format, Format::Voc);
        QCOMPARE(r.imported + r.duplicates, files);
        QCOMPARE(r.skipped, 0);
        QCOMPARE(r.boxes, expectedTotal);
        QCOMPARE(t->project->classes().size(), size_t(4));
        std::map<qint64, QString> names;
        for (const ClassInfo &c : t->project->classes())
            names[c.id] = c.name;
        std::map<QString, int> boxes;
        for (const auto &[id, list] : t->project->allBoxes())
            for (const Box &b : list)
                ++boxes[names[b.classId]];
        QCOMPARE(boxes, expectedBoxes);
        int train = 0, test = 0;
        for (const Example &e : t->project->examples()) {
            train += e.split == Split::Train;
            test += e.split == Split::Test;
        }
        QCOMPARE(train, 142);
        QCOMPARE(test, 7);
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
