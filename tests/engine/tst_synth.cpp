#include "project/statistics.h"
#include "synth/generator.h"
#include "synth/shapes.h"
#include "testutil.h"

#include <QTest>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using namespace visor;

class TestSynth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reproducible()
    {
        synth::ShapesOptions o;
        o.seed = 5;
        const auto a = synth::renderShapes(o, 3), b = synth::renderShapes(o, 3), c = synth::renderShapes(o, 4);
        QCOMPARE(cv::norm(a.image, b.image, cv::NORM_L1), 0.0);
        QVERIFY(cv::norm(a.image, c.image, cv::NORM_L1) > 0);
        QCOMPARE(a.boxes.size(), b.boxes.size());
    }

    // Boxes are exact: the pixels inside differ from the background around them, and each box
    // lies inside the image and apart from the others.
    void boxesAreTightAndInside()
    {
        synth::ShapesOptions o;
        o.count = 40;
        for (int i = 0; i < o.count; ++i) {
            const auto s = synth::renderShapes(o, i);
            QVERIFY(!s.boxes.empty());
            QVERIFY(int(s.boxes.size()) <= o.maxShapes);
            for (const auto &[cls, r] : s.boxes) {
                QVERIFY(cls >= 0 && cls < 4);
                QVERIFY(r.x >= 0 && r.y >= 0 && r.x + r.width <= o.width && r.y + r.height <= o.height);
                QVERIFY(r.width >= 5 && r.height >= 5);
            }
            for (size_t a = 0; a < s.boxes.size(); ++a)
                for (size_t b = a + 1; b < s.boxes.size(); ++b)
                    QCOMPARE((s.boxes[a].second & s.boxes[b].second).area(), 0.f);
        }
    }

    void classificationHasOneShape()
    {
        synth::ShapesOptions o;
        o.kind = DatasetKind::Classification;
        std::array<int, 4> seen{};
        for (int i = 0; i < 60; ++i) {
            const auto s = synth::renderShapes(o, i);
            QCOMPARE(s.boxes.size(), size_t(1));
            QCOMPARE(s.boxes[0].first, s.label);
            seen[size_t(s.label)]++;
        }
        for (int n : seen)
            QVERIFY(n > 5); // every class appears
    }

    void addsToProject()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        synth::ShapesOptions o;
        o.count = 25;
        const auto ids = synth::addShapes(*t->project, o);
        QCOMPARE(ids.size(), size_t(25));
        QCOMPARE(t->project->classes().size(), size_t(4));
        const DatasetStatistics st = computeStatistics(*t->project);
        QCOMPARE(st.annotated, qint64(25));
        QCOMPARE(st.splits.unassigned, qint64(0));
        QVERIFY(st.boxes >= 25);
        // Generated images are not near-duplicates of each other.
        for (const auto &w : st.warnings)
            QVERIFY2(w.code != QLatin1String("near_duplicates"), qPrintable(w.message));
        // Adding the same seed again stores nothing twice.
        QCOMPARE(synth::addShapes(*t->project, o).size(), size_t(0));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 synth::addShapes(*t->project, synth::ShapesOptions{DatasetKind::Classification}));
    }

    // Issue 13.2: generators by name. The shapes generator is an entry of the registry with its own
    // parameters; the same seed gives the same samples; generated examples are marked with their source.
    void generatorsAreRegisteredAndReproducible()
    {
        const synth::GeneratorInfo &shapes = synth::generatorRegistry().at(QStringLiteral("shapes"));
        const QJsonObject values =
            synth::generatorValues(shapes, {{QStringLiteral("shapes.max_objects"), QStringLiteral("2")},
                                            {QStringLiteral("shapes.width"), QStringLiteral("96")}});
        QCOMPARE(values.value(QStringLiteral("shapes.max_objects")).toInt(), 2);
        QCOMPARE(values.value(QStringLiteral("shapes.height")).toInt(), 120); // its default
        const synth::GeneratedSample a = shapes.render(DatasetKind::ObjectDetection, values, 7, 3);
        const synth::GeneratedSample b = shapes.render(DatasetKind::ObjectDetection, values, 7, 3);
        QCOMPARE(a.image.cols, 96);
        QCOMPARE(cv::norm(a.image, b.image, cv::NORM_INF), 0.0);
        QCOMPARE(a.boxes.size(), b.boxes.size());
        QVERIFY(a.boxes.size() >= 1 && a.boxes.size() <= 2);
        const synth::GeneratedSample c = shapes.render(DatasetKind::ObjectDetection, values, 8, 3);
        QVERIFY(cv::norm(a.image, c.image, cv::NORM_INF) > 0);

        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const auto ids = synth::generate(*t->project, shapes, 4, 7, values);
        QCOMPARE(ids.size(), size_t(4));
        for (qint64 id : ids) {
            QCOMPARE(t->project->example(id)->source, QStringLiteral("synth:shapes"));
            QVERIFY(t->project->boxes(id).size() <= 2);
        }
        // Bad values are refused by name, before anything is stored.
        auto refused = [&](const std::map<QString, QString> &texts, const char *fragment) {
            try {
                synth::generate(*t->project, shapes, 2, 1, synth::generatorValues(shapes, texts));
            } catch (const Error &e) {
                return e.message().contains(QLatin1String(fragment));
            }
            return false;
        };
        QVERIFY(refused({{QStringLiteral("shapes.width"), QStringLiteral("10")}}, "shapes.width"));
        QVERIFY(
            refused({{QStringLiteral("shapes.colour"), QStringLiteral("red")}}, "has no parameter 'shapes.colour'"));
        QVERIFY(refused({{QStringLiteral("shapes.min_objects"), QStringLiteral("3")},
                         {QStringLiteral("shapes.max_objects"), QStringLiteral("2")}},
                        "shapes.max_objects (2) is below shapes.min_objects (3)"));
        QCOMPARE(t->project->exampleCount(), qint64(4));
        auto cls = test::makeProject(DatasetKind::Classification);
        QCOMPARE(synth::generate(*cls->project, shapes, 3, 1, synth::generatorValues(shapes)).size(), size_t(3));
        QVERIFY_THROWS_EXCEPTION(Error, synth::generatorRegistry().at(QStringLiteral("handwriting")));
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
