// The ocr generator (issue 13.4): boxes against the rendered glyphs' own extents, reproducibility,
// training and held-out fonts, classification, and storing into a project.
#include "synth/generator.h"
#include "synth/ocr.h"
#include "testutil.h"

#include <QTest>
#include <opencv2/imgproc.hpp>

using namespace visor;

namespace {

QJsonObject values(const std::map<QString, QString> &texts = {})
{
    return synth::generatorValues(synth::generatorRegistry().at(QStringLiteral("ocr")), texts);
}

} // namespace

class TestOcr : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (synth::ocrFontFiles().isEmpty())
            QSKIP("no scalable font with digits and Latin letters here (scripts/install-deps.sh installs "
                  "fonts-dejavu-core and fonts-liberation2)");
    }

    // Every box is the tight extent of its character's ink: each box holds ink reaching all four of its
    // edges, and no ink lies outside the boxes. Checked on plain lines and on rotated, blurred ones.
    void boxesFollowTheRenderedGlyphs_data()
    {
        QTest::addColumn<QString>("rotation");
        QTest::addColumn<QString>("blur");
        QTest::newRow("upright") << QStringLiteral("0") << QStringLiteral("0");
        QTest::newRow("rotated, blurred") << QStringLiteral("20") << QStringLiteral("100");
    }
    void boxesFollowTheRenderedGlyphs()
    {
        QFETCH(QString, rotation);
        QFETCH(QString, blur);
        const QJsonObject v = values({{QStringLiteral("ocr.rotation"), rotation}, {QStringLiteral("ocr.blur"), blur}});
        int characters = 0;
        for (int index = 0; index < 40; ++index) {
            const synth::OcrLine line = synth::renderOcrLine(v, 11, index);
            QCOMPARE(int(line.boxes.size()), int(line.text.size()));
            QVERIFY(line.text.size() >= 1 && line.text.size() <= 8);
            cv::Mat solid = line.ink > 0.25;
            cv::Mat covered = cv::Mat::zeros(solid.size(), CV_8U);
            for (size_t i = 0; i < line.boxes.size(); ++i) {
                const cv::Rect box(line.boxes[i]);
                QVERIFY2(
                    box.area() > 0 && (box & cv::Rect(0, 0, line.image.cols, line.image.rows)) == box,
                    qPrintable(QStringLiteral("line %1 character %2 (%3)").arg(index).arg(i).arg(line.text[int(i)])));
                // Its ink reaches the box's edges (a tight box); the union of boxes covers all the ink.
                cv::Mat inside = solid(box);
                QVERIFY(cv::countNonZero(inside.row(0)) > 0 && cv::countNonZero(inside.row(inside.rows - 1)) > 0);
                QVERIFY(cv::countNonZero(inside.col(0)) > 0 && cv::countNonZero(inside.col(inside.cols - 1)) > 0);
                covered(box).setTo(255);
                ++characters;
            }
            QCOMPARE(cv::countNonZero(solid & ~covered), 0);
            // Reading order: the boxes' centres go left to right.
            for (size_t i = 1; i < line.boxes.size(); ++i)
                QVERIFY(line.boxes[i].x + line.boxes[i].width / 2 >
                        line.boxes[i - 1].x + line.boxes[i - 1].width / 2 - line.boxes[i - 1].height * 0.5);
        }
        QVERIFY(characters > 100);
    }

    void reproducibleAndVaried()
    {
        const QJsonObject v = values();
        const synth::OcrLine a = synth::renderOcrLine(v, 3, 5), b = synth::renderOcrLine(v, 3, 5);
        QCOMPARE(cv::norm(a.image, b.image, cv::NORM_INF), 0.0);
        QCOMPARE(a.text, b.text);
        QCOMPARE(a.font, b.font);
        QStringList texts, fonts;
        for (int i = 0; i < 30; ++i) {
            const synth::OcrLine l = synth::renderOcrLine(v, 3, i);
            texts << l.text;
            fonts << l.font;
        }
        texts.removeDuplicates();
        fonts.removeDuplicates();
        QVERIFY(texts.size() > 25);
        QVERIFY2(fonts.size() > 1 || synth::ocrFontFiles().size() < 2, qPrintable(fonts.join(QLatin1Char(' '))));
        QVERIFY(cv::norm(a.image, synth::renderOcrLine(v, 4, 5).image, cv::NORM_INF) > 0);
    }

    void heldOutFontsAreNotTrainingFonts()
    {
        const QStringList training = synth::ocrFonts(QStringLiteral("training"));
        const QStringList heldOut = synth::ocrFonts(QStringLiteral("held_out"));
        if (synth::ocrFontFiles().size() < 2)
            QSKIP("one font only: nothing to hold out");
        QVERIFY(!training.isEmpty() && !heldOut.isEmpty());
        for (const QString &f : heldOut)
            QVERIFY2(!training.contains(f), qPrintable(f));
        QCOMPARE(training.size() + heldOut.size(), synth::ocrFontFiles().size());
        const QJsonObject v = values({{QStringLiteral("ocr.fonts"), QStringLiteral("held_out")}});
        for (int i = 0; i < 10; ++i)
            QVERIFY(heldOut.contains(synth::renderOcrLine(v, 1, i).font));
    }

    void alphabetsAndClassification()
    {
        const synth::GeneratorInfo &ocr = synth::generatorRegistry().at(QStringLiteral("ocr"));
        QCOMPARE(ocr.classes(values()).size(), 36);
        const QJsonObject digits = values({{QStringLiteral("ocr.alphabet"), QStringLiteral("digits")}});
        QCOMPARE(ocr.classes(digits),
                 (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                              QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"),
                              QStringLiteral("8"), QStringLiteral("9")}));
        for (int i = 0; i < 10; ++i)
            for (QChar c : synth::renderOcrLine(digits, 2, i).text)
                QVERIFY(c.isDigit());
        const synth::GeneratedSample one = ocr.render(DatasetKind::Classification, values(), 1, 0);
        QCOMPARE(one.image.cols, one.image.rows); // a square with one centred character
        QCOMPARE(one.label.size(), 1);
        QVERIFY(one.boxes.empty());
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const auto ids = synth::generate(*t->project, ocr, 6, 9, values());
        QCOMPARE(ids.size(), size_t(6));
        QCOMPARE(t->project->example(ids[0])->source, QStringLiteral("synth:ocr"));
        QVERIFY(!t->project->boxes(ids[0]).empty());
        // Refused by name: a range the wrong way round.
        QVERIFY_THROWS_EXCEPTION(Error,
                                 synth::generate(*t->project, ocr, 2, 1,
                                                 values({{QStringLiteral("ocr.min_chars"), QStringLiteral("9")},
                                                         {QStringLiteral("ocr.max_chars"), QStringLiteral("3")}})));
    }
};

QTEST_GUILESS_MAIN(TestOcr)
#include "tst_ocr.moc"
