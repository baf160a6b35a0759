// Issue 13.2: the one registry mechanism, and a format added in one place. A CSV format
// ("image,x1,y1,x2,y2,class" per line) is registered here, by the test, without touching the engine:
// detection finds it, the importer reads it, and the lists the CLI and the dialogs show hold it.
#include "formats/formats.h"
#include "formats/formats_p.h"
#include "project/registry.h"
#include "testutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>

using namespace visor;

namespace {

struct Thing {
    QString key;
    int value = 0;
};

std::vector<Thing> builtinThings()
{
    return {{QStringLiteral("one"), 1}, {QStringLiteral("two"), 2}};
}

int detectCsv(const formats::FolderListing &listing)
{
    for (const auto &f : listing.files)
        if (f.name == QLatin1String("boxes.csv"))
            return 1;
    return 0;
}

void readCsv(formats::ReadContext &ctx)
{
    QFile f(QDir(ctx.root()).filePath(QStringLiteral("boxes.csv")));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return;
    ctx.sawAnnotations = true;
    std::map<QString, formats::SourceItem> items;
    int line = 0;
    while (!f.atEnd()) {
        ++line;
        const QStringList cells = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
        if (cells.size() != 6) {
            ctx.skip(QStringLiteral("boxes.csv"), QStringLiteral("line %1: 6 cells expected").arg(line));
            continue;
        }
        formats::SourceItem &item = items[cells[0]];
        if (item.imagePath.isEmpty()) {
            QString why;
            item.imagePath = ctx.resolve(ctx.root(), cells[0], &why);
            item.displayName = cells[0];
            item.annotationFile = QStringLiteral("boxes.csv");
        }
        item.boxes.push_back({cells[5], cells[1].toDouble(), cells[2].toDouble(), cells[3].toDouble(),
                              cells[4].toDouble(), false, "line %1", line});
    }
    for (auto &[name, item] : items)
        ctx.items.push_back(std::move(item));
}

} // namespace

class TestRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registersListsAndFinds()
    {
        Registry<Thing> things({"test", "thing"}, builtinThings);
        QCOMPARE(things.keys(), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        things.add({QStringLiteral("three"), 3});
        QCOMPARE(things.keys().size(), 3);
        QCOMPARE(things.at(QStringLiteral("THREE")).value, 3); // keys are case-insensitive
        QVERIFY(!things.find(QStringLiteral("four")));
        try {
            things.at(QStringLiteral("four"));
            QFAIL("an unknown key was found");
        } catch (const Error &e) {
            QCOMPARE(e.message(), QStringLiteral("unknown thing 'four'; known: one, two, three"));
        }
        QVERIFY_THROWS_EXCEPTION(Error, things.add({QStringLiteral("Two"), 22})); // taken
        QVERIFY_THROWS_EXCEPTION(Error, things.add({QString(), 0}));
        QCOMPARE(things.at(QStringLiteral("two")).value, 2);
    }

    void theBuiltInFormatsAreRegistered()
    {
        QCOMPARE(formatRegistry().keys(),
                 (QStringList{QStringLiteral("coco"), QStringLiteral("voc"), QStringLiteral("yolo"),
                              QStringLiteral("labelme"), QStringLiteral("imagefolder"), QStringLiteral("edge")}));
        QCOMPARE(formatKeysText(FormatUse::Import),
                 QStringLiteral("auto, coco, voc, yolo, labelme, imagefolder, edge"));
        QCOMPARE(formatKeysText(FormatUse::Export),
                 QStringLiteral("coco, voc, yolo, labelme, imagefolder")); // edge: read only
        QCOMPARE(parseFormat(QStringLiteral("VOC")), std::optional<Format>(Format::Voc));
        QVERIFY(!parseFormat(QStringLiteral("csv")));
        QVERIFY(!parseFormat(QString()));
        QCOMPARE(formatKind(Format::ImageFolder), DatasetKind::Classification);
        // Export to an unknown format is refused with the known ones named, before anything is written.
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        QTemporaryDir out;
        try {
            exportDataset(*t->project, out.filePath(QStringLiteral("x")), Format(QStringLiteral("csv")));
            QFAIL("an unknown format was exported");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QLatin1String("unknown format 'csv'; known: coco, voc")),
                     qPrintable(e.message()));
        }
        QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("x"))));
    }

    // Adding a format is one registration: no switch elsewhere is edited.
    void aFormatAddedInOnePlaceIsDetectedImportedAndListed()
    {
        FormatInfo csv;
        csv.key = QStringLiteral("csv");
        csv.name = QStringLiteral("CSV boxes");
        csv.looksFor = {"visor::Import", "a boxes.csv file"};
        csv.detectPriority = 5;
        csv.detect = detectCsv;
        csv.read = readCsv;
        formatRegistry().add(csv);
        QCOMPARE(parseFormat(QStringLiteral("csv")), std::optional<Format>(Format(QStringLiteral("csv"))));
        QCOMPARE(formatName(Format(QStringLiteral("csv"))), QStringLiteral("CSV boxes"));
        QVERIFY(formatKeysText(FormatUse::Import).endsWith(QLatin1String(", csv")));
        QVERIFY(!formatKeysText(FormatUse::Export).contains(QLatin1String("csv"))); // it has no writer
        QCOMPARE(dataSetFormats(FormatUse::Import).back(), Format(QStringLiteral("csv")));

        QTemporaryDir source;
        QVERIFY(cv::imwrite(source.filePath(QStringLiteral("a.png")).toStdString(),
                            cv::Mat(48, 64, CV_8UC3, cv::Scalar(10, 200, 30))));
        QVERIFY(cv::imwrite(source.filePath(QStringLiteral("b.png")).toStdString(),
                            cv::Mat(48, 64, CV_8UC3, cv::Scalar(200, 10, 30))));
        QFile f(source.filePath(QStringLiteral("boxes.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a.png,1,2,30,40,cat\na.png,10,10,20,20,dog\nb.png,5,5,25,25,cat\nb.png,oops\n");
        f.close();
        QString why;
        QCOMPARE(detectFormat(source.path(), &why), std::optional<Format>(Format(QStringLiteral("csv"))));

        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const ImportReport r = importDataset(*t->project, source.path());
        QCOMPARE(r.format, Format(QStringLiteral("csv")));
        QVERIFY2(r.imported == 2 && r.boxes == 3 && r.skipped == 1, qPrintable(test::dump(r)));
        QVERIFY(test::hasEntry(r, QStringLiteral("boxes.csv"), QStringLiteral("line 4")));
        QCOMPARE(t->project->classes().size(), size_t(2));

        // A format without a writer is listed for import but refused for export, by name.
        QTemporaryDir out;
        try {
            exportDataset(*t->project, out.filePath(QStringLiteral("x")), Format(QStringLiteral("csv")));
            QFAIL("a format without a writer was exported");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QLatin1String("can be imported but not exported")), qPrintable(e.message()));
        }
    }

    // Nothing recognised: the message names what every registered format looks for.
    void anUnknownFolderSaysWhatWasLookedFor()
    {
        QTemporaryDir source;
        QFile f(source.filePath(QStringLiteral("notes.md")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
        f.close();
        QString why;
        QVERIFY(!detectFormat(source.path(), &why));
        for (const FormatInfo *info : formatRegistry().all())
            QVERIFY2(why.contains(info->looksFor.text()), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
