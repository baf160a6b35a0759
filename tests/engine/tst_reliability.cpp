// Issue 12: nothing lost, nothing wrong. Each test reproduces one defect found by crash, fuzz and
// bad-input testing; the number in its comment is the item of the issue.
#include "formats/formats.h"
#include "formats/imageinfo.h"
#include "project/fileio.h"
#include "project/projectcheck.h"
#include "project/splitter.h"
#include "project/sql.h"
#include "project/statistics.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <csignal>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace visor;
using test::dump;
using test::hasEntry;

namespace {

// Incompressible PNG bytes (noise): `w` x `h` colour pixels make about 3 w h bytes.
QByteArray noisePng(int w, int h, int seed)
{
    cv::Mat img(h, w, CV_8UC3);
    cv::RNG rng(quint64(seed) + 1);
    rng.fill(img, cv::RNG::UNIFORM, 0, 255);
    std::vector<uchar> buf;
    cv::imencode(".png", img, buf);
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

// A file-size limit for this process (writes past it fail with EFBIG, as a full disk fails with
// ENOSPC), restored on destruction. SIGXFSZ is ignored so the write reports the error instead.
struct FileSizeLimit {
    rlimit saved{};
    explicit FileSizeLimit(rlim_t bytes)
    {
        std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &saved);
        rlimit l = saved;
        l.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &l);
    }
    ~FileSizeLimit() { setrlimit(RLIMIT_FSIZE, &saved); }
};

qint64 count(Project &p, const QString &sql)
{
    QSqlQuery q = sql::run(p.database(), sql, {}, "counting");
    return q.next() ? q.value(0).toLongLong() : -1;
}

// A JPEG with an EXIF APP1 segment holding only the orientation tag (0x0112).
QByteArray withExifOrientation(const QByteArray &jpeg, int orientation)
{
    QByteArray tiff("II*\0\x08\0\0\0", 8);
    tiff += QByteArray("\x01\x00", 2);                                      // one entry
    tiff += QByteArray("\x12\x01\x03\x00\x01\x00\x00\x00", 8);              // 0x0112, SHORT, count 1
    tiff += char(orientation) + QByteArray("\0\0\0", 3) + QByteArray(4, 0); // value, next IFD 0
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray app1("\xFF\xE1", 2);
    const int length = int(payload.size()) + 2;
    app1 += char(length >> 8) + QByteArray(1, char(length & 0xFF)) + payload;
    return jpeg.left(2) + app1 + jpeg.mid(2);
}

// A VOC source of `n` 40 x 30 images, one box of class "a" each.
void writeVocSource(const QString &dir, int n)
{
    for (int i = 0; i < n; ++i) {
        test::writeFile(dir, QStringLiteral("JPEGImages/%1.png").arg(i), test::imageBytes(40, 30, i));
        test::writeFile(
            dir, QStringLiteral("Annotations/%1.xml").arg(i),
            test::vocXml(QStringLiteral("%1.png").arg(i), test::vocObject(QStringLiteral("a"), 2, 2, 20, 20), 40, 30));
    }
}

} // namespace

class TestReliability : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // 1. A full disk while images are stored: every image that could not be written whole is reported
    // and left out; no committed example refers to a short file. (QFile's buffered write() succeeded
    // and the failing flush at close() went unchecked: 0-byte images, "skipped 0".)
    void aFullDiskNeverCommitsShortImages()
    {
        QTemporaryDir source;
        std::map<QString, qint64> sizes; // file name -> bytes
        for (int i = 0; i < 24; ++i) {
            const QByteArray png = noisePng(40, 40, i); // ~5 KB: under QFile's 16 KB buffer
            const QString name = QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0'));
            test::writeFile(source.path(), QStringLiteral("JPEGImages/") + name, png);
            test::writeFile(source.path(), QStringLiteral("Annotations/img%1.xml").arg(i, 2, 10, QLatin1Char('0')),
                            test::vocXml(name, test::vocObject(QStringLiteral("a"), 2, 2, 20, 20), 40, 40));
            sizes[name] = png.size();
        }
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        ImportOptions o;
        o.threads = 1;
        // The images are written under the limit; the database commit after them is not (as when space
        // is freed just before the commit). The limit is set before the import starts: set from the first
        // progress report, it came too late on a loaded machine, when the one worker had stored every
        // image before the reporting thread first looked (CI: "skipped 0").
        auto limit = std::make_unique<FileSizeLimit>(2000);
        o.progress = [&](int done, int total) {
            if (done == total)
                limit.reset();
            return true;
        };
        const ImportReport r = importDataset(*t->project, source.path(), o);
        limit.reset();
        QVERIFY2(r.fatal.isEmpty(), qPrintable(dump(r)));
        QVERIFY2(r.skipped > 0, qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("img"), QStringLiteral("cannot store image")), qPrintable(dump(r)));
        for (const Example &e : t->project->examples())
            QCOMPARE(QFileInfo(t->project->imagePath(e)).size(), sizes.at(e.fileName));
        QCOMPARE(r.imported + r.skipped, 24);
    }

    // 1. The writer itself: a failed write keeps the previous file whole and names the path.
    void aFailedWriteKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.bin"));
        fileio::writeAtomically(path, QByteArray(100, 'x'));
        {
            FileSizeLimit limit(1000);
            try {
                fileio::writeAtomically(path, QByteArray(5000, 'y'));
                QFAIL("a write past the limit succeeded");
            } catch (const Error &e) {
                QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            }
        }
        QCOMPARE(test::readFile(path), QByteArray(100, 'x'));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("a.bin")}); // no .part left
    }

    // 2. EXIF orientation: the stored size is the size as shown, the size training decodes, and the
    // annotation's stated size is compared with it.
    void exifOrientationIsOneRule()
    {
        auto rotatedJpeg = [](int shade) {
            cv::Mat img(32, 64, CV_8UC3, cv::Scalar(40, 80, shade)); // stored 64 wide, 32 high
            cv::rectangle(img, cv::Rect(4, 4, 20, 10), cv::Scalar(250, 250, 250), -1);
            std::vector<uchar> buf;
            cv::imencode(".jpg", img, buf);
            return withExifOrientation(QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size())),
                                       6);
        };
        QTemporaryDir source;
        test::writeFile(source.path(), QStringLiteral("JPEGImages/r.jpg"), rotatedJpeg(120));
        test::writeFile(source.path(), QStringLiteral("JPEGImages/s.jpg"), rotatedJpeg(200));
        test::writeFile(
            source.path(), QStringLiteral("Annotations/r.xml"),
            test::vocXml(QStringLiteral("r.jpg"), test::vocObject(QStringLiteral("a"), 2, 2, 20, 40), 32, 64));
        test::writeFile(
            source.path(), QStringLiteral("Annotations/s.xml"),
            test::vocXml(QStringLiteral("s.jpg"), test::vocObject(QStringLiteral("a"), 2, 2, 20, 20), 64, 32));
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, source.path());
        QVERIFY2(r.fatal.isEmpty(), qPrintable(dump(r)));
        QCOMPARE(r.imported, 2);
        const Example e = t->project->examples().front();
        QCOMPARE(e.width, 32);
        QCOMPARE(e.height, 64);
        const cv::Mat decoded = decodeImage(t->project->imagePath(e), 3);
        QCOMPARE(decoded.cols, e.width);
        QCOMPARE(decoded.rows, e.height);
        // s.xml states the stored 64x32: noted, naming the orientation.
        QVERIFY2(hasEntry(r, QStringLiteral("s.xml"), QStringLiteral("EXIF orientation")), qPrintable(dump(r)));
        QVERIFY2(!hasEntry(r, QStringLiteral("r.xml"), QStringLiteral("states")), qPrintable(dump(r)));
    }

    // 5. The split is assigned in the import's own transaction: when assigning fails, nothing of the
    // import is committed (before: the examples were committed, unassigned, and training ignored them).
    void importAndSplitAreOneTransaction()
    {
        QTemporaryDir source;
        writeVocSource(source.path(), 6);
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        sql::run(t->project->database(),
                 QStringLiteral("CREATE TEMP TRIGGER fail_split BEFORE UPDATE OF split ON examples "
                                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"),
                 {}, "a failing split");
        try {
            importDataset(*t->project, source.path());
        } catch (const std::exception &) {
        }
        QCOMPARE(count(*t->project, QStringLiteral("SELECT COUNT(*) FROM examples WHERE split IS NULL")), 0);
        sql::run(t->project->database(), QStringLiteral("DROP TRIGGER fail_split"), {}, "");
        const ImportReport r = importDataset(*t->project, source.path());
        QCOMPARE(r.imported, 6);
        QCOMPARE(count(*t->project, QStringLiteral("SELECT COUNT(*) FROM examples WHERE split IS NULL")), 0);
    }

    // 6. An image gone from images/: a health warning naming the example; the export skips and reports it.
    void aMissingImageIsReported()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        QTemporaryDir source;
        writeVocSource(source.path(), 4);
        QCOMPARE(importDataset(*t->project, source.path()).imported, 4);
        const Example gone = t->project->examples().front();
        QVERIFY(QFile::remove(t->project->imagePath(gone)));
        bool warned = false;
        for (const HealthWarning &w : computeStatistics(*t->project).warnings)
            if (w.code == QLatin1String("missing_images")) {
                warned = true;
                QCOMPARE(w.examples, std::vector<qint64>{gone.id});
                QVERIFY2(w.message.contains(gone.fileName), qPrintable(w.message));
            }
        QVERIFY(warned);
        QTemporaryDir out;
        const ExportReport r = exportDataset(*t->project, out.filePath(QStringLiteral("voc")), Format::Voc);
        QCOMPARE(r.examples, 3);
        QCOMPARE(r.missing.size(), 1);
        QVERIFY(r.missing.front().contains(gone.fileName));
    }

    // 7. A failed export leaves no folder behind; a folder marked incomplete is refused by the import.
    void aFailedExportLeavesNothingThatImports()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        QTemporaryDir source;
        writeVocSource(source.path(), 3);
        QCOMPARE(importDataset(*t->project, source.path()).imported, 3);
        // The second image cannot be copied (a folder stands where its file was): the writer fails midway.
        const QString broken = t->project->imagePath(t->project->examples()[1]);
        QVERIFY(QFile::remove(broken));
        QVERIFY(QDir().mkpath(broken));
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("voc"));
        QVERIFY_THROWS_EXCEPTION(Error, exportDataset(*t->project, target, Format::Voc));
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        // What a killed export leaves: the marker inside. The import refuses it.
        QVERIFY(QDir(broken).removeRecursively());
        QVERIFY(QFile::copy(source.filePath(QStringLiteral("JPEGImages/1.png")), broken));
        exportDataset(*t->project, target, Format::Voc);
        QVERIFY(!QFileInfo::exists(QDir(target).filePath(QLatin1String(kIncompleteExportMarker))));
        test::writeFile(target, QLatin1String(kIncompleteExportMarker), "x");
        auto other = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*other->project, target);
        QVERIFY2(r.fatal.contains(QLatin1String("did not finish")), qPrintable(dump(r)));
        QCOMPARE(other->project->examples().size(), size_t(0));
    }

    // 10. The pixel limit is checked from the header, before decoding, and is a parameter.
    void hugeImagesAreRefusedBeforeDecoding()
    {
        // A PNG header declaring 30000 x 30000 pixels, with no image data behind it.
        QByteArray png = noisePng(8, 8, 1);
        auto put32 = [&](int at, quint32 v) {
            for (int k = 0; k < 4; ++k)
                png[at + k] = char(v >> (24 - 8 * k));
        };
        put32(16, 30000);
        put32(20, 30000);
        QCOMPARE(readHeaderSize(png).width, 30000);
        QByteArray overflow = png; // sides of 3,865,916,088 and 2,485,504,069: their product overflows 64 bits
        put32(16, 3865916088u);
        put32(20, 2485504069u);
        QVERIFY(!inspectImage(png).ok);
        png = overflow;
        const ImageInfo huge = inspectImage(png);
        QVERIFY(!huge.ok);
        QVERIFY2(huge.error.contains(QLatin1String("import.max_megapixels")), qPrintable(huge.error));

        auto t = test::makeProject(DatasetKind::Classification);
        t->project->setParameter(QStringLiteral("import.max_megapixels"), 0.01); // 10,000 pixels
        QTemporaryDir source;
        test::writeFile(source.path(), QStringLiteral("a/big.png"), test::imageBytes(200, 100, 1));
        test::writeFile(source.path(), QStringLiteral("b/small.png"), test::imageBytes(50, 50, 2));
        const ImportReport r = importDataset(*t->project, source.path());
        QCOMPARE(r.imported, 1);
        QVERIFY2(hasEntry(r, QStringLiteral("big.png"), QStringLiteral("megapixels")), qPrintable(dump(r)));
        for (const char *format : {".jpg", ".bmp", ".tif", ".webp"}) {
            std::vector<uchar> buf;
            cv::imencode(format, cv::Mat(37, 53, CV_8UC3, cv::Scalar(1, 2, 3)), buf);
            const HeaderSize size =
                readHeaderSize(QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size())));
            QVERIFY2(size.width == 53 && size.height == 37, format);
        }
    }

    // A polyglot found by fuzz_image: a WebP header, and "DICM" at byte 128, where OpenCV's DICOM
    // decoder (GDCM) looks first; GDCM then failed an assertion and aborted the process. An image of
    // a format Visor reads is decoded by that format's decoder or refused.
    void aDicomPolyglotIsRefusedNotDecoded()
    {
        const QByteArray polyglot(
            "\x52\x49\x46\x46\xd6\x02\x20\x00\x57\x45\x42\x50\x56\x50\x38\x4c\x2d\xfb\xff\xff\x00\x00\x00\x57\x45\x42"
            "\x50\x56\x50\x38\x4c\x2d\xfb\xff\xff\x00\x10\x4a\x46\x49\x46\x00\x01\x01\x00\x01\x01\x00\x01\x00\x00\xff"
            "\xdb\x00\x43\x00\x02\x01\x01\x01\x01\x01\x02\x01\x01\x01\x02\x21\x02\x02\x02\x02\x04\x03\x06\x02\x02\x02"
            "\x05\x04\x04\x03\x04\x06\x05\x06\x06\x06\x05\x06\x06\x06\x07\x09\x08\x06\x07\x09\x07\x06\x06\x08\x0b\x08"
            "\x09\x0a\x0a\x0a\x0a\x0a\x06\x08\x0b\x0c\x0b\x0a\x0c\x09\x0a\x0a\xff\xc0\x00\x11\x08\x00\x10\x00\x44\x49"
            "\x43\x4d\x00\x00\x05",
            135);
        const ImageInfo info = inspectImage(polyglot);
        QVERIFY(!info.ok);
        QVERIFY2(info.error.contains(QLatin1String("DICOM")), qPrintable(info.error));
    }

    // 15. Damaged JPEG scan data (libjpeg only warns and fills in grey) is a reported problem of the file.
    void corruptJpegScanDataIsRefused()
    {
        const QByteArray good = test::imageBytes(64, 64, 3, true);
        QVERIFY(inspectImage(good).ok);
        const qsizetype sos = good.indexOf("\xFF\xDA");
        QVERIFY(sos > 0);
        QByteArray bad = good;
        for (qsizetype i = sos + 40; i < sos + 240 && i < bad.size() - 4; ++i)
            bad[i] = char((0xFF - uchar(bad[i])) ^ 0x5A);
        const ImageInfo info = inspectImage(bad);
        QVERIFY(!info.ok);
        QVERIFY2(info.error.contains(QLatin1String("corrupt JPEG data")), qPrintable(info.error));
    }

    // 8. Class indices are bounded: a data.yaml naming class 1,500,000,000 (3.2 GB of gap names before)
    // or a label naming class 2147483647 (std::bad_alloc) is a message naming the line.
    void hugeClassIndicesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("flow") << QByteArray("names: {0: cat, 1500000000: dog}\n");
        QTest::newRow("block") << QByteArray("names:\n  0: cat\n  1500000000: dog\n");
        QTest::newRow("overflow") << QByteArray("names:\n  0: cat\n  99999999999999999999: dog\n");
    }
    void hugeClassIndicesAreRefused()
    {
        QFETCH(QByteArray, yaml);
        QTemporaryDir in;
        test::writeFile(in.path(), QStringLiteral("data.yaml"), yaml);
        test::writeFile(in.path(), QStringLiteral("images/train/a.png"), test::imageBytes(40, 30, 1));
        test::writeFile(in.path(), QStringLiteral("labels/train/a.txt"), "0 0.5 0.5 0.2 0.2\n");
        test::writeFile(in.path(), QStringLiteral("images/train/b.png"), test::imageBytes(40, 30, 2));
        test::writeFile(in.path(), QStringLiteral("labels/train/b.txt"), "2147483647 0.5 0.5 0.2 0.2\n");
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, in.path());
        QVERIFY2(hasEntry(r, QStringLiteral("data.yaml"), QStringLiteral("above the limit")), qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("b.txt"), QStringLiteral("above the limit")), qPrintable(dump(r)));
        QVERIFY(t->project->classes().size() <= 2);
    }

    // 9. Many classes are created in one pass (20,000 COCO categories took over a minute, quadratic).
    void manyClassesAreCreatedOnce()
    {
        QTemporaryDir in;
        test::writeFile(in.path(), QStringLiteral("a.png"), test::imageBytes(40, 30, 1));
        QByteArray cats;
        for (int i = 1; i <= 3000; ++i)
            cats += (i > 1 ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(i) + ",\"name\":\"c" +
                    QByteArray::number(i) + "\"}";
        test::writeFile(in.path(), QStringLiteral("instances.json"),
                        "{\"images\":[{\"id\":1,\"file_name\":\"a.png\",\"width\":40,\"height\":30}],"
                        "\"annotations\":[{\"id\":1,\"image_id\":1,\"category_id\":2999,\"bbox\":[1,1,10,10]}],"
                        "\"categories\":[" +
                            cats + "]}");
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, in.path());
        QVERIFY2(r.fatal.isEmpty(), qPrintable(dump(r)));
        const auto classes = t->project->classes();
        QCOMPARE(classes.size(), size_t(3000));
        QCOMPARE(classes[2998].name, QStringLiteral("c2999"));
        QCOMPARE(t->project->boxes(t->project->examples().front().id).front().classId, classes[2998].id);
        QVERIFY_THROWS_EXCEPTION(Error, t->project->addClasses({QStringLiteral("new"), QStringLiteral("c5")}));
        QCOMPARE(t->project->classes().size(), size_t(3000)); // one transaction: "new" is not kept either
    }

    // 16. Wrong JSON types are reported per item, naming the field, instead of becoming 0 or a class
    // 'category_-1'.
    void wrongJsonTypesAreReported()
    {
        QTemporaryDir coco;
        test::writeFile(coco.path(), QStringLiteral("a.png"), test::imageBytes(40, 30, 1));
        test::writeFile(coco.path(), QStringLiteral("instances.json"),
                        R"({"images":[{"id":1,"file_name":"a.png","width":40,"height":30}],)"
                        R"("categories":[{"id":1,"name":"cat"}],"annotations":[)"
                        R"({"id":1,"image_id":1,"category_id":"1","bbox":[1,1,10,10]},)"
                        R"({"id":2,"image_id":1,"category_id":1.5,"bbox":[1,1,10,10]},)"
                        R"({"id":3,"image_id":1,"category_id":null,"bbox":[1,1,10,10]},)"
                        R"({"id":4,"image_id":1,"category_id":1,"bbox":[2,2,12,12]}]})");
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        ImportReport r = importDataset(*t->project, coco.path());
        QCOMPARE(r.boxes, 1);
        QVERIFY2(
            hasEntry(r, QStringLiteral("instances.json"),
                     QStringLiteral("annotation id 1: field 'category_id' must be an integer, not the text \"1\"")),
            qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("instances.json"),
                          QStringLiteral("annotation id 2: field 'category_id' must be an integer, not 1.5")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("instances.json"), QStringLiteral("not null")), qPrintable(dump(r)));
        QCOMPARE(t->project->classes().size(), size_t(1));

        QTemporaryDir labelme;
        test::writeFile(labelme.path(), QStringLiteral("a.png"), test::imageBytes(64, 48, 1));
        test::writeFile(labelme.path(), QStringLiteral("a.json"),
                        R"({"imagePath": "a.png", "shapes": [)"
                        R"({"label": "dog", "shape_type": "rectangle", "points": [["1", 2], [30, 40]]},)"
                        R"({"label": "dog", "shape_type": "rectangle", "points": [[1, null], [30, 40]]},)"
                        R"({"label": "dog", "shape_type": "rectangle", "points": [[1, 2], [{}, true]]},)"
                        R"({"label": 7, "shape_type": "rectangle", "points": [[1, 2], [30, 40]]},)"
                        R"({"label": "dog", "shape_type": "rectangle", "points": [[3, 4], [30, 40]]}]})");
        auto l = test::makeProject(DatasetKind::ObjectDetection);
        r = importDataset(*l->project, labelme.path());
        QCOMPARE(r.boxes, 1);
        QVERIFY2(hasEntry(r, QStringLiteral("a.json"),
                          QStringLiteral("shapes[0]: points[0][0] must be a number, not the text \"1\"")),
                 qPrintable(dump(r)));
        QVERIFY2(
            hasEntry(r, QStringLiteral("a.json"), QStringLiteral("shapes[1]: points[0][1] must be a number, not null")),
            qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("a.json"),
                          QStringLiteral("shapes[2]: points[1][0] must be a number, not an object")),
                 qPrintable(dump(r)));
        QVERIFY2(hasEntry(r, QStringLiteral("a.json"), QStringLiteral("shapes[3]: 'label' must be text, not 7")),
                 qPrintable(dump(r)));
    }

    // 12. A project.visor that is not Visor's is refused without a byte changed (before: Visor's schema
    // injected, WAL switched on, -wal/-shm left behind).
    void foreignDatabasesAreLeftUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("empty") << "empty";
        QTest::newRow("text") << "text";
        QTest::newRow("foreign sqlite") << "foreign";
        QTest::newRow("future version") << "future";
        QTest::newRow("foreign with a version") << "foreign_versioned";
    }
    void foreignDatabasesAreLeftUntouched()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString file = dir.filePath(QLatin1String(Project::kDatabaseName));
        if (kind == QLatin1String("empty")) {
            test::writeFile(dir.path(), QLatin1String(Project::kDatabaseName), {});
        } else if (kind == QLatin1String("text")) {
            test::writeFile(dir.path(), QLatin1String(Project::kDatabaseName), "hello, not a database\n");
        } else if (kind == QLatin1String("future")) {
            {
                Project::create(dir.filePath(QStringLiteral("p")), QStringLiteral("p"), DatasetKind::Classification);
            }
            QFile::rename(dir.filePath(QStringLiteral("p/project.visor")), file);
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(60);
            f.write(QByteArray("\0\0\0\x63", 4)); // user_version 99
        } else {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO notes (text) VALUES ('mine')")));
            if (kind == QLatin1String("foreign_versioned"))
                QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 2")));
            q.finish();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        }
        const QByteArray before = QCryptographicHash::hash(test::readFile(file), QCryptographicHash::Sha256);
        const QStringList entries = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        try {
            Project::open(dir.path());
            QFAIL("a foreign file opened as a project");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(file) && e.message().contains(QLatin1String("untouched")),
                     qPrintable(e.message()));
        }
        QCOMPARE(QCryptographicHash::hash(test::readFile(file), QCryptographicHash::Sha256), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), entries);
    }

    // 13. A read-only project can be read (statistics, runs, parameters, export) and says "read-only"
    // when asked to change; the file stays as it was.
    void readOnlyProjectsCanBeRead()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        test::addPlainExamples(*t->project, 3, 64, 48, t->project->addClass(QStringLiteral("a")));
        const QString dir = t->path();
        t->project.reset();
        const QString file = QDir(dir).filePath(QLatin1String(Project::kDatabaseName));
        const QByteArray before = QCryptographicHash::hash(test::readFile(file), QCryptographicHash::Sha256);
        {
            auto p = Project::open(dir, Project::OpenMode::ReadOnly);
            QVERIFY(p->readOnly());
            QCOMPARE(computeStatistics(*p).examples, 3);
            QCOMPARE(p->parameters().toInt(QStringLiteral("train.epochs")),
                     ParameterSet().toInt(QStringLiteral("train.epochs")));
            try {
                p->setParameter(QStringLiteral("train.epochs"), 7);
                QFAIL("a read-only project took a change");
            } catch (const Error &e) {
                QVERIFY2(e.message().contains(QLatin1String("read-only")), qPrintable(e.message()));
            }
        }
        QCOMPARE(QCryptographicHash::hash(test::readFile(file), QCryptographicHash::Sha256), before);
        if (::geteuid() != 0) { // permissions do not stop root
            QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
            auto p = Project::open(dir);
            QVERIFY(p->readOnly());
            QCOMPARE(computeStatistics(*p).examples, 3);
            QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }

    // 11. Two writers: the second waits for the first to commit (BEGIN IMMEDIATE and the busy timeout)
    // instead of failing at once with "database is locked" because it read before it wrote.
    void aSecondWriterWaits()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const QString dir = t->path();
        QString failure;
        std::atomic<bool> started{false};
        {
            Transaction first(t->project->database());
            t->project->addClass(QStringLiteral("first"));
            std::thread second([&] {
                try {
                    auto p = Project::open(dir);
                    started = true;
                    Transaction tx(p->database());
                    const auto n = p->classes().size(); // reads, then writes: the deferred BEGIN's failure
                    p->addClass(QStringLiteral("second %1").arg(n));
                    tx.commit();
                } catch (const std::exception &e) {
                    failure = QString::fromUtf8(e.what());
                    started = true;
                }
            });
            while (!started)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            first.commit();
            second.join();
        }
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(t->project->classes().size(), size_t(2));
        QCOMPARE(t->project->classes()[1].name, QStringLiteral("second 1"));
    }

    // 14. YOLO and ImageFolder refuse images that link outside the source folder, as VOC, COCO and
    // LabelMe do, and VOC says "links outside" rather than "not found".
    void linksOutsideTheSourceAreRefused()
    {
        QTemporaryDir outside, yolo, folder, voc;
        test::writeFile(outside.path(), QStringLiteral("secret.png"), test::imageBytes(40, 30, 9));
        const QString secret = outside.filePath(QStringLiteral("secret.png"));
        test::writeFile(yolo.path(), QStringLiteral("classes.txt"), "a\n");
        test::writeFile(yolo.path(), QStringLiteral("images/train/ok.png"), test::imageBytes(40, 30, 1));
        test::writeFile(yolo.path(), QStringLiteral("labels/train/ok.txt"), "0 0.5 0.5 0.2 0.2\n");
        test::writeFile(yolo.path(), QStringLiteral("labels/train/link.txt"), "0 0.5 0.5 0.2 0.2\n");
        QVERIFY(QFile::link(secret, yolo.filePath(QStringLiteral("images/train/link.png"))));
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        ImportReport r = importDataset(*t->project, yolo.path());
        QCOMPARE(r.imported, 1);
        QVERIFY2(hasEntry(r, QStringLiteral("link.png"), QStringLiteral("links outside")), qPrintable(dump(r)));

        test::writeFile(folder.path(), QStringLiteral("cat/ok.png"), test::imageBytes(40, 30, 1));
        test::writeFile(folder.path(), QStringLiteral("dog/ok.png"), test::imageBytes(40, 30, 2));
        QVERIFY(QFile::link(secret, folder.filePath(QStringLiteral("dog/link.png"))));
        auto c = test::makeProject(DatasetKind::Classification);
        r = importDataset(*c->project, folder.path());
        QCOMPARE(r.imported, 2);
        QVERIFY2(hasEntry(r, QStringLiteral("link.png"), QStringLiteral("links outside")), qPrintable(dump(r)));

        QVERIFY(QDir().mkpath(voc.filePath(QStringLiteral("JPEGImages"))));
        QVERIFY(QFile::link(secret, voc.filePath(QStringLiteral("JPEGImages/link.png"))));
        test::writeFile(
            voc.path(), QStringLiteral("Annotations/link.xml"),
            test::vocXml(QStringLiteral("link.png"), test::vocObject(QStringLiteral("a"), 1, 1, 9, 9), 40, 30));
        auto v = test::makeProject(DatasetKind::ObjectDetection);
        r = importDataset(*v->project, voc.path());
        QVERIFY2(hasEntry(r, QStringLiteral("link.xml"), QStringLiteral("links outside")), qPrintable(dump(r)));
    }

    // 17. Round trips: VOC keeps the split of names with spaces and newlines, LabelMe writes names of
    // 251 characters, YOLO boxes at x = 0 or y = 0 come back without "partly outside" notes.
    void exportsRoundTripAwkwardNames()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 a = t->project->addClass(QStringLiteral("a"));
        const QStringList names = {QStringLiteral("with space.png"), QStringLiteral("new\nline.png"),
                                   QString(247, QLatin1Char('x')) + QStringLiteral(".png"), QStringLiteral("edge.png")};
        std::vector<NewExample> items;
        for (int i = 0; i < names.size(); ++i) {
            NewExample ne;
            ne.meta.hash = t->project->storeImage(test::imageBytes(40, 30, i), QStringLiteral("png"));
            ne.meta.suffix = QStringLiteral("png");
            ne.meta.fileName = names[i];
            ne.meta.width = 40;
            ne.meta.height = 30;
            ne.meta.labelled = true;
            ne.meta.split = i % 2 ? Split::Val : Split::Test;
            Box b;
            b.classId = a;
            b.x1 = 0;
            b.y1 = 0;
            b.x2 = 13.3f;
            b.y2 = 7.7f;
            ne.boxes.push_back(b);
            items.push_back(ne);
        }
        t->project->addExamples(items);
        for (Format f : {Format::Voc, Format::LabelMe, Format::Yolo}) {
            QTemporaryDir out;
            const QString dir = out.filePath(formatKey(f));
            const ExportReport e = exportDataset(*t->project, dir, f);
            QCOMPARE(e.examples, 4);
            auto back = test::makeProject(DatasetKind::ObjectDetection);
            const ImportReport r = importDataset(*back->project, dir);
            QVERIFY2(r.imported == 4 && r.boxesClipped == 0 && r.skipped == 0, qPrintable(formatKey(f) + dump(r)));
            if (f != Format::LabelMe) // LabelMe has no splits
                for (const Example &ex : back->project->examples())
                    QVERIFY2(ex.pinnedSplit == Split::Val || ex.pinnedSplit == Split::Test,
                             qPrintable(formatKey(f) + QStringLiteral(": ") + ex.fileName));
        }
    }

    // 22. Leftovers of killed writers: stale temporary images go on open; `check` lists the rest (and
    // SQLite's integrity) and `--repair` removes them.
    void leftoversAreFoundAndRepaired()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        test::addPlainExamples(*t->project, 2);
        const QString dir = t->path();
        t->project.reset();
        test::writeFile(dir, QStringLiteral("images/ab.png.part4194302-7f00"), "half");            // a dead writer
        test::writeFile(dir, QStringLiteral("images/cd.png.part%1-7f00").arg(::getpid()), "live"); // this one
        test::writeFile(dir, QStringLiteral("images/0123.png"), "orphan");
        test::writeFile(dir, QStringLiteral("runs/1/last_model.pt.part"), "half");
        auto p = Project::open(dir);
        QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("images/ab.png.part4194302-7f00"))));
        QVERIFY(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("images/cd.png.part%1-7f00").arg(::getpid()))));
        ProjectCheck c = checkProject(*p, false);
        QCOMPARE(c.integrity, QStringLiteral("ok"));
        QCOMPARE(c.unreferenced, QStringList{QStringLiteral("images/0123.png")});
        QCOMPARE(c.temporaryFiles.size(), 2);
        QVERIFY(!c.ok());
        c = checkProject(*p, true);
        QVERIFY(c.repaired);
        c = checkProject(*p, false);
        QVERIFY2(c.ok(), qPrintable(c.toText()));
        QCOMPARE(p->examples().size(), size_t(2));
    }

    // 13 and 1 on a real full disk (a 4 MB tmpfs; needs root to mount, skipped otherwise): a full disk
    // still reads (stats failed with "disk I/O error": a WAL database wants its -shm file), a change says
    // the disk is full, and an import that runs out of space commits no short image.
    void aFullDiskStillReads()
    {
        QTemporaryDir tmp;
        const QString mount = tmp.filePath(QStringLiteral("disk"));
        QDir().mkpath(mount);
        if (::geteuid() != 0 || QProcess::execute(QStringLiteral("mount"),
                                                  {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                   QStringLiteral("size=4m"), QStringLiteral("tmpfs"), mount}) != 0)
            QSKIP("mounting a small tmpfs needs root");
        auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {mount}); });
        const QString dir = QDir(mount).filePath(QStringLiteral("p"));
        {
            auto p = Project::create(dir, QStringLiteral("full"), DatasetKind::ObjectDetection);
            test::addPlainExamples(*p, 5);
        }
        QTemporaryDir source;
        for (int i = 0; i < 40; ++i) {
            const QString name = QStringLiteral("n%1.png").arg(i);
            test::writeFile(source.path(), QStringLiteral("JPEGImages/") + name, noisePng(120, 120, i)); // ~43 KB
            test::writeFile(source.path(), QStringLiteral("Annotations/n%1.xml").arg(i),
                            test::vocXml(name, test::vocObject(QStringLiteral("a"), 2, 2, 20, 20), 120, 120));
        }
        {
            QFile fill(QDir(mount).filePath(QStringLiteral("fill")));
            QVERIFY(fill.open(QIODevice::WriteOnly));
            const QByteArray block(64 * 1024, 'x');
            while (fill.write(block) == block.size() && fill.flush()) {
            }
            fill.close();
            QVERIFY(QFile::resize(fill.fileName(), QFileInfo(fill.fileName()).size() - 300 * 1024)); // a few images
        }
        {
            auto p = Project::open(dir);
            ImportOptions o;
            o.threads = 1;
            const ImportReport r = importDataset(*p, source.path(), o);
            QVERIFY2(r.skipped > 0 || !r.fatal.isEmpty(), qPrintable(dump(r)));
            for (const Example &e : p->examples())
                QCOMPARE(
                    QString::fromLatin1(
                        QCryptographicHash::hash(test::readFile(p->imagePath(e)), QCryptographicHash::Sha256).toHex()),
                    e.hash);
        }
        { // the disk to the last byte
            QFile more(QDir(mount).filePath(QStringLiteral("more")));
            QVERIFY(more.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'x');
            while (more.write(block) == block.size() && more.flush()) {
            }
        }
        auto reader = Project::open(dir, Project::OpenMode::ReadOnly);
        QVERIFY(computeStatistics(*reader).examples >= 5);
        try {
            auto writer = Project::open(dir);
            writer->setParameter(QStringLiteral("train.epochs"), 3);
            QFAIL("a change was written to a full disk");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QLatin1String("full")), qPrintable(e.message()));
        }
    }

    // Issue 17.6 (part): a folder that only looks like a data set says which formats were looked for
    // (it said "not a yolo data set" for a folder of notes).
    void aGuessedFormatSaysWhatWasTried()
    {
        QTemporaryDir in;
        test::writeFile(in.path(), QStringLiteral("notes.txt"), "shopping list\n");
        test::writeFile(in.path(), QStringLiteral("todo.txt"), "call the vet\n");
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, in.path());
        for (const char *format : {"Pascal VOC", "COCO", "LabelMe", "YOLO", "image folders"})
            QVERIFY2(r.fatal.contains(QLatin1String(format)), qPrintable(r.fatal));
    }
};

QTEST_GUILESS_MAIN(TestReliability)
#include "tst_reliability.moc"
