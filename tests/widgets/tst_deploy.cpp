// The deploy loop in the window (issue 14): Results & History > Export model… with its parity report,
// the edge's frames in the grid ("from the edge", "with model proposals"), and proposals in the
// annotator: dotted, Enter accepts the selected, Shift+Enter all shown, Del rejects, each undoable.
#include "annotationcanvas.h"
#include "annotationdocument.h"
#include "annotationpage.h"
#include "datasetpage.h"
#include "exportmodeldialog.h"
#include "historypage.h"
#include "project/proposals.h"
#include "testutil.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QUndoStack>
#include <QtTest>

using namespace visor;

namespace {

std::vector<qint64> proposalsOn(Project &p, qint64 example, std::vector<std::pair<qint64, double>> classScores)
{
    std::vector<ModelProposal> list;
    float x = 10;
    for (const auto &[classId, score] : classScores) {
        ModelProposal m;
        m.exampleId = example;
        m.classId = classId;
        m.hasBox = p.kind() == DatasetKind::ObjectDetection;
        m.x1 = x;
        m.y1 = 10;
        m.x2 = x + 30;
        m.y2 = 40;
        m.score = score;
        m.origin = QStringLiteral("edge");
        list.push_back(m);
        x += 40;
    }
    return ProposalStore(p).add(list);
}

} // namespace

class TestDeploy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void proposalsAreAcceptedAndRejectedWithKeys()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        Project &p = *tp->project;
        const qint64 a = p.addClass(QStringLiteral("a")), b = p.addClass(QStringLiteral("b"));
        const auto ids = test::addPlainExamples(p, 3, 200, 120);
        proposalsOn(p, ids[0], {{a, 0.9}, {b, 0.6}, {a, 0.1}});
        proposalsOn(p, ids[2], {{b, 0.8}});
        AnnotationPage page;
        page.resize(900, 600);
        page.setProject(&p);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.open(ids, 0);
        AnnotationCanvas *canvas = page.canvas();
        page.setProposalThreshold(0.3);
        QCOMPARE(canvas->shownProposals(), (std::vector<int>{0, 1})); // the 0.1 one is hidden
        QCOMPARE(page.selectedProposal(), 0);                         // the strongest shown
        ProposalStore store(p);

        QTest::keyClick(canvas, Qt::Key_Return); // accept: a box of class a, a proposal no more
        auto boxes = p.boxes(ids[0]);
        QCOMPARE(boxes.size(), size_t(1));
        QCOMPARE(boxes[0].classId, a);
        QCOMPARE(boxes[0].x1, 10.f);
        QVERIFY(p.example(ids[0])->labelled);
        QCOMPARE(store.of(ids[0]).size(), size_t(2));
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier); // undo: the proposal is back, the box gone
        QVERIFY(p.boxes(ids[0]).empty());
        QCOMPARE(store.of(ids[0]).size(), size_t(3));
        QVERIFY(!p.example(ids[0])->labelled);

        QTest::keyClick(canvas, Qt::Key_Tab); // the next shown: b at 0.6
        QCOMPARE(page.selectedProposal(), 1);
        canvas->setSelected(-1);
        QTest::keyClick(canvas, Qt::Key_Delete); // no box selected: rejects the proposal
        QCOMPARE(store.of(ids[0]).size(), size_t(2));
        QVERIFY(p.boxes(ids[0]).empty());
        QTest::keyClick(canvas, Qt::Key_Return, Qt::ShiftModifier); // every one shown: a at 0.9
        QCOMPARE(p.boxes(ids[0]).size(), size_t(1));
        QCOMPARE(store.of(ids[0]).size(), size_t(1)); // the hidden weak one stays a proposal
        QCOMPARE(page.document()->undoStack()->count(), 2);

        QTest::keyClick(canvas, Qt::Key_P); // the next image with proposals (skips ids[1])
        QCOMPARE(page.currentExample(), ids[2]);
    }

    void classificationProposalIsPreselected()
    {
        auto tp = test::makeProject(DatasetKind::Classification);
        Project &p = *tp->project;
        p.addClass(QStringLiteral("cat"));
        const qint64 dog = p.addClass(QStringLiteral("dog"));
        const auto ids = test::addPlainExamples(p, 1, 64, 48);
        proposalsOn(p, ids[0], {{dog, 0.8}});
        AnnotationPage page;
        page.setProject(&p);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.open(ids, 0);
        QCOMPARE(page.selectedProposal(), 0);
        QTest::keyClick(page.canvas(), Qt::Key_Enter);
        QCOMPARE(p.example(ids[0])->classId, dog);
        QCOMPARE(ProposalStore(p).count(), qint64(0));
    }

    void theGridFiltersTheEdgesFrames()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        Project &p = *tp->project;
        const qint64 a = p.addClass(QStringLiteral("a"));
        const auto ids = test::addPlainExamples(p, 5, 64, 48);
        ProposalStore store(p);
        store.setOrigin(ids[1], QStringLiteral("edge"), {{QStringLiteral("reasons"), QStringLiteral("unstable")}});
        store.setOrigin(ids[3], QStringLiteral("edge"), {});
        proposalsOn(p, ids[3], {{a, 0.7}});
        proposalsOn(p, ids[4], {{a, 0.7}});
        DatasetPage page;
        page.setProject(&p);
        page.setShow(DatasetPage::ShowFromEdge);
        QTRY_COMPARE(page.visibleIds(), (std::vector<qint64>{ids[1], ids[3]}));
        page.setShow(DatasetPage::ShowWithProposals);
        QTRY_COMPARE(page.visibleIds(), (std::vector<qint64>{ids[3], ids[4]}));
        page.setShow(DatasetPage::ShowAll);
        QTRY_COMPARE(page.visibleIds().size(), size_t(5));
    }

    void proposeWithModelFillsTheProposals()
    {
        qint64 run = 0;
        auto t = test::trainedProject(DatasetKind::ObjectDetection, &run);
        Project &p = *t->project;
        p.addExamples(test::imageExamples(p, 2, 64, 48)); // not annotated
        DatasetPage page;
        page.setProject(&p);
        page.proposeWithModel(run, 0, {}, 0.0); // the examples not annotated yet, every score
        ProposalStore store(p);
        QCOMPARE(store.examplesWithProposals().size(), size_t(2));
        QTRY_COMPARE(page.visibleIds().size(), size_t(2)); // the grid shows them
    }

    void exportModelShowsTheParityReport()
    {
        qint64 run = 0;
        auto t = test::trainedProject(DatasetKind::Classification, &run);
        HistoryPage history;
        history.setProject(t->project.get());
        QVERIFY(history.exportButton()->isEnabled());
        ExportModelDialog *dialog = history.openExport();
        QVERIFY(dialog);
        const QString folder = t->dir.filePath(QStringLiteral("bundle"));
        dialog->setFolder(folder);
        QSignalSpy ended(dialog, &ExportModelDialog::exportEnded);
        dialog->startExport();
        QVERIFY(dialog->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
        QVERIFY2(dialog->succeeded(), qPrintable(dialog->report()));
        QVERIFY(dialog->report().contains(QStringLiteral("equal within the tolerances")));
        QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("model.onnx"))));
        // Again into the same folder: refused, said in the dialog, the bundle untouched.
        const QByteArray before = test::readFile(QDir(folder).filePath(QStringLiteral("model.json")));
        dialog->startExport();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 120000);
        QVERIFY(!dialog->succeeded());
        QVERIFY2(dialog->report().contains(QStringLiteral("not empty")), qPrintable(dialog->report()));
        QCOMPARE(test::readFile(QDir(folder).filePath(QStringLiteral("model.json"))), before);
        dialog->close();
    }
};

QTEST_MAIN(TestDeploy)
#include "tst_deploy.moc"
