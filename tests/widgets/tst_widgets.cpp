// Offscreen tests of the workbench pages: the grid model (QAbstractItemModelTester), filters, the
// health panel's warnings, the parameter editor's validation, the dashboard fed with simulated events,
// and one end-to-end run from the Training page to the history.

#include "annotationcanvas.h"
#include "annotationdocument.h"
#include "annotationpage.h"
#include "augmentationpage.h"
#include "classmanager.h"
#include "datasetmodel.h"
#include "datasetpage.h"
#include "eval/metrics.h"
#include "healthpanel.h"
#include "historypage.h"
#include "jobtracker.h"
#include "language.h"
#include "mainwindow.h"
#include "parametereditor.h"
#include "pluginsdialog.h"
#include "qcustomplot_p.h"
#include "resultsgallery.h"
#include "suggestdialog.h"
#include "testutil.h"
#include "thumbnailloader.h"
#include "train/testpredictions.h"
#include "trainingcontroller.h"
#include "trainingdashboard.h"
#include "trainingpage.h"
#include <QTreeWidget>

#include "augment/augmenter.h"
#include "project/splitter.h"
#include "project/sql.h"
#include "project/statistics.h"
#include "synth/shapes.h"
#include "train/runs.h"
#include "train/trainer.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QThreadPool>
#include <QToolBar>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>

using namespace visor;

class TestWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings and the demo folder stay out of the user's home
    }

    void gridModelPassesTheModelTester()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        synth::ShapesOptions o;
        o.count = 40;
        synth::addShapes(*tp->project, o);
        ThumbnailLoader loader(64);
        DatasetModel model(&loader);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.load(*tp->project);
        QCOMPARE(model.rowCount(), 40);
        DatasetFilter filter;
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), 40);
        // Thumbnails arrive asynchronously and are announced with dataChanged.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.index(0).data(Qt::DecorationRole);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
        const qint64 firstId = model.index(0).data(DatasetModel::IdRole).toLongLong();
        QVERIFY(!loader.thumbnail(firstId, tp->project->imagePath(*tp->project->example(firstId))).isNull());

        // Filters: split, class, name, id set.
        int train = 0;
        for (const Example &e : tp->project->examples())
            train += e.split == Split::Train;
        filter.setSplit(int(Split::Train));
        QCOMPARE(filter.rowCount(), train);
        filter.setSplit(-1);
        const qint64 circle = tp->project->classByName(QStringLiteral("circle"))->id;
        filter.setClassId(circle);
        int withCircle = 0;
        for (const auto &[id, boxes] : tp->project->allBoxes())
            withCircle += std::any_of(boxes.begin(), boxes.end(), [&](const Box &b) { return b.classId == circle; });
        QCOMPARE(filter.rowCount(), withCircle);
        filter.setClassId(0);
        const Example first = tp->project->examples().front();
        filter.setNameFilter(first.fileName);
        QCOMPARE(filter.rowCount(), 1);
        filter.setNameFilter({});
        filter.setIds({first.id});
        QCOMPARE(filter.rowCount(), 1);
        // A reload (after an import) resets cleanly.
        o.seed = 2;
        synth::addShapes(*tp->project, o);
        model.load(*tp->project);
        filter.setIds({});
        QCOMPARE(filter.rowCount(), 80);
    }

    void healthWarningFiltersTheGrid()
    {
        auto tp = test::makeProject(DatasetKind::Classification);
        const qint64 a = tp->project->addClass(QStringLiteral("a")), b = tp->project->addClass(QStringLiteral("b"));
        test::addPlainExamples(*tp->project, 30, 64, 48, a);
        const auto few = test::addPlainExamples(*tp->project, 3, 64, 48, b, {}, 1000);
        assignSplits(*tp->project, false);
        DatasetPage page;
        QSignalSpy ready(&page, &DatasetPage::statisticsReady);
        page.setProject(tp->project.get());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000); // computed off the GUI thread
        QVERIFY(page.health()->warningCount() > 0);        // 30 against 3 is an imbalance
        QCOMPARE(page.filter()->rowCount(), 33);
        QSignalSpy activated(page.health(), &HealthPanel::warningActivated);
        const DatasetStatistics st = computeStatistics(*tp->project);
        auto it = std::find_if(st.warnings.begin(), st.warnings.end(),
                               [](const HealthWarning &w) { return !w.examples.empty(); });
        QVERIFY(it != st.warnings.end());
        auto *list = page.health()->findChild<QListWidget *>();
        QVERIFY(list);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(int(it - st.warnings.begin()))).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(page.filter()->rowCount(), int(it->examples.size()));
        Q_UNUSED(few);
    }

    void gridImportShowAndSort()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        tp->project->addClass(QStringLiteral("a"));
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        QCOMPARE(page.filter()->rowCount(), 0);
        // Loose files, as dropped on the page: imported as examples to annotate; the bad one reported.
        QTemporaryDir in;
        QStringList files;
        for (const char *name : {"c.png", "a.png", "b.png"}) {
            test::writeFile(in.path(), QString::fromLatin1(name), test::imageBytes(40, 30, int(files.size()) + 1));
            files << in.filePath(QString::fromLatin1(name));
        }
        test::writeFile(in.path(), QStringLiteral("bad.png"), QByteArray("not a png"));
        files << in.filePath(QStringLiteral("bad.png"));
        QSignalSpy message(&page, &DatasetPage::message);
        page.importFiles(files);
        QCOMPARE(page.model()->rowCount(), 3);
        QVERIFY(message.last().at(0).toString().contains(QStringLiteral("1 image(s) skipped")));
        page.setShow(DatasetPage::ShowUnlabelled);
        QCOMPARE(page.filter()->rowCount(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(!page.statisticsPending(), 10000);
        page.setShow(DatasetPage::ShowWarnings); // the examples any warning names
        QSet<qint64> warned;
        for (const HealthWarning &w : computeStatistics(*tp->project).warnings) {
            for (qint64 id : w.examples)
                warned.insert(id);
            for (const auto &g : w.groups)
                for (qint64 id : g)
                    warned.insert(id);
        }
        QCOMPARE(page.filter()->rowCount(), int(warned.size()));
        const qint64 first = tp->project->examples().front().id;
        page.setWrongInLastRun({first}, 7);
        page.setShow(DatasetPage::ShowWrong);
        QCOMPARE(page.filter()->rowCount(), 1);
        page.setShow(DatasetPage::ShowAll);
        QCOMPARE(page.filter()->rowCount(), 3);
        page.filter()->setSortKey(1);
        QCOMPARE(page.filter()->index(0, 0).data(DatasetModel::FileNameRole).toString(), QStringLiteral("a.png"));
        page.filter()->setSortKey(0);
        QCOMPARE(page.filter()->index(0, 0).data(DatasetModel::FileNameRole).toString(), QStringLiteral("c.png"));
    }

    void parameterEditorValidatesInline()
    {
        ParameterEditor editor({QStringLiteral("train"), QStringLiteral("optimizer"), QStringLiteral("anchors")});
        QVERIFY(editor.isValid());
        editor.setText(QStringLiteral("train.epochs"), QStringLiteral("0"));
        QVERIFY(!editor.isValid());
        QVERIFY(editor.message(QStringLiteral("train.epochs")).contains(QStringLiteral("train.epochs")));
        QCOMPARE(editor.parameters().toInt(QStringLiteral("train.epochs")),
                 ParameterSet().toInt(QStringLiteral("train.epochs")));
        editor.setText(QStringLiteral("train.epochs"), QStringLiteral("12"));
        QVERIFY(editor.isValid());
        QCOMPARE(editor.parameters().toInt(QStringLiteral("train.epochs")), 12);
        editor.setText(QStringLiteral("anchors.sizes"), QStringLiteral("16, 32, 64"));
        QVERIFY(editor.isValid());
        QCOMPARE(editor.parameters().toList(QStringLiteral("anchors.sizes")), (std::vector<double>{16, 32, 64}));
        editor.setText(QStringLiteral("optimizer.learning_rate"), QStringLiteral("fast"));
        QVERIFY(!editor.isValid());
        QVERIFY(editor.field(QStringLiteral("optimizer.learning_rate"))->toolTip().contains(QStringLiteral("Default")));
        // Typing through the real widget, as a user would.
        auto *line = qobject_cast<QLineEdit *>(editor.field(QStringLiteral("optimizer.learning_rate")));
        QVERIFY(line);
        line->clear();
        QTest::keyClicks(line, QStringLiteral("0.01"));
        QVERIFY(editor.isValid());
        QCOMPARE(editor.parameters().toDouble(QStringLiteral("optimizer.learning_rate")), 0.01);
    }

    void augmentationPreviewFollowsTheEditor()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        synth::ShapesOptions o;
        o.count = 3;
        synth::addShapes(*tp->project, o);
        AugmentationPage page;
        QSignalSpy ready(&page, &AugmentationPage::previewReady);
        page.setProject(tp->project.get());
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        QCOMPARE(page.captions().size(), AugmentationPage::kVariants);
        // Editing rotate with "always apply" on: every preview is rotated, and the value is saved at once.
        auto *force = page.findChild<QCheckBox *>(QStringLiteral("forceTransform"));
        QVERIFY(force);
        force->setChecked(true);
        ready.clear();
        page.editor()->setText(QStringLiteral("augment.rotate.degrees"), QStringLiteral("-30..30"));
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        auto allRotated = [&page] {
            const QStringList captions = page.captions();
            return std::all_of(captions.begin(), captions.end(),
                               [](const QString &c) { return c.contains(QStringLiteral("rotate")); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allRotated(), 10000);
        QCOMPARE(tp->project->parameters().toPair(QStringLiteral("augment.rotate.degrees")),
                 std::make_pair(-30.0, 30.0));
        // An invalid value is not applied and not saved.
        page.editor()->setText(QStringLiteral("augment.rotate.degrees"), QStringLiteral("-300..30"));
        QVERIFY(!page.editor()->isValid());
        QCOMPARE(tp->project->parameters().toPair(QStringLiteral("augment.rotate.degrees")),
                 std::make_pair(-30.0, 30.0));
        // Re-roll draws new values.
        const QStringList before = page.captions();
        page.editor()->setText(QStringLiteral("augment.rotate.degrees"), QStringLiteral("-30..30"));
        ready.clear();
        page.reroll();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.captions() != before, 10000);
    }

    void annotationUndoRedoRoundTripWithoutWidgets()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 a = tp->project->addClass(QStringLiteral("a")), b = tp->project->addClass(QStringLiteral("b"));
        const auto ids = test::addPlainExamples(*tp->project, 2, 64, 48);
        AnnotationDocument doc(*tp->project);
        doc.load(ids[0]);
        QVERIFY(!doc.state().labelled);
        doc.addBox(Box{0, a, 30, 20, 10, 5});                   // corners in any order
        QCOMPARE(tp->project->boxes(ids[0]).size(), size_t(1)); // saved at once
        QCOMPARE(tp->project->boxes(ids[0])[0].x1, 10.f);
        doc.setBox(0, Box{0, a, 12, 6, 32, 22}, 1);
        doc.setBox(0, Box{0, a, 14, 8, 34, 24}, 1); // the same drag: one step
        doc.setBoxClass(0, b);
        doc.addBox(Box{0, a, 1, 1, 9, 9});
        doc.removeBox(1);
        QCOMPARE(doc.undoStack()->count(), 5);
        QCOMPARE(tp->project->boxes(ids[0])[0].classId, b);
        // Another image has its own history.
        doc.load(ids[1]);
        QCOMPARE(doc.undoStack()->count(), 0);
        doc.addBox(Box{0, a, 2, 2, 8, 8});
        doc.load(ids[0]);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QVERIFY(tp->project->boxes(ids[0]).empty());
        QVERIFY(!tp->project->example(ids[0])->labelled);       // back to "not annotated"
        QCOMPARE(tp->project->boxes(ids[1]).size(), size_t(1)); // untouched by image 0's undo
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        const auto boxes = tp->project->boxes(ids[0]);
        QCOMPARE(boxes.size(), size_t(1));
        QCOMPARE(boxes[0].classId, b);
        QCOMPARE(boxes[0].x1, 14.f);
        QCOMPARE(boxes[0].y2, 24.f);
    }

    void annotationCanvasDrivenByMouseAndKeys()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 a = tp->project->addClass(QStringLiteral("a"));
        const qint64 b = tp->project->addClass(QStringLiteral("b"));
        const auto ids = test::addPlainExamples(*tp->project, 3, 160, 120);
        AnnotationPage page;
        page.resize(900, 700);
        page.setProject(tp->project.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.open(ids, 0);
        AnnotationCanvas *canvas = page.canvas();
        canvas->fitToWindow();
        auto at = [canvas](double x, double y) { return canvas->mapFromScene(QPointF(x, y)); };
        // Draw a box from (20, 30) to (80, 90) in image pixels.
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, at(20, 30));
        QTest::mouseMove(canvas->viewport(), at(50, 60));
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, at(80, 90));
        auto stored = tp->project->boxes(ids[0]);
        QCOMPARE(stored.size(), size_t(1));
        QVERIFY(std::abs(stored[0].x1 - 20) < 2 && std::abs(stored[0].y2 - 90) < 2);
        QCOMPARE(stored[0].classId, a);
        QCOMPARE(canvas->selected(), 0);
        // Move it by dragging its inside 10 px right.
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, at(50, 60));
        QTest::mouseMove(canvas->viewport(), at(55, 60));
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, at(60, 60));
        stored = tp->project->boxes(ids[0]);
        QVERIFY(std::abs(stored[0].x1 - 30) < 2 && std::abs(stored[0].x2 - 90) < 2);
        // Resize from the bottom-right handle.
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, at(stored[0].x2, stored[0].y2));
        QTest::mouseMove(canvas->viewport(), at(100, 100));
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, at(110, 110));
        stored = tp->project->boxes(ids[0]);
        QVERIFY(std::abs(stored[0].x2 - 110) < 2 && std::abs(stored[0].y2 - 110) < 2);
        // Key 2 gives the selected box the second class.
        QTest::keyClick(canvas, Qt::Key_2);
        QCOMPARE(tp->project->boxes(ids[0])[0].classId, b);
        // Ctrl+Z three times: class, resize, move undone; Ctrl+Shift+Z redoes the move.
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        stored = tp->project->boxes(ids[0]);
        QCOMPARE(stored[0].classId, a);
        QVERIFY(std::abs(stored[0].x1 - 20) < 2);
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(std::abs(tp->project->boxes(ids[0])[0].x1 - 30) < 2);
        // D: next image; C copies the previous image's boxes; Delete removes the selected one.
        QTest::keyClick(canvas, Qt::Key_D);
        QCOMPARE(page.currentExample(), ids[1]);
        QTest::keyClick(canvas, Qt::Key_C);
        QCOMPARE(tp->project->boxes(ids[1]).size(), size_t(1));
        canvas->setSelected(0);
        QTest::keyClick(canvas, Qt::Key_Delete);
        QVERIFY(tp->project->boxes(ids[1]).empty());
        QVERIFY(tp->project->example(ids[1])->labelled); // an image without objects is annotated too
        QTest::keyClick(canvas, Qt::Key_A);
        QCOMPARE(page.currentExample(), ids[0]);
    }

    void classificationLabelsWithNumberKeys()
    {
        auto tp = test::makeProject(DatasetKind::Classification);
        tp->project->addClass(QStringLiteral("cat"));
        const qint64 dog = tp->project->addClass(QStringLiteral("dog"));
        const auto ids = test::addPlainExamples(*tp->project, 2, 64, 48);
        AnnotationPage page;
        page.setProject(tp->project.get());
        page.open(ids, 0);
        QTest::keyClick(page.canvas(), Qt::Key_2);
        QCOMPARE(tp->project->example(ids[0])->classId, dog);
        QVERIFY(tp->project->example(ids[0])->labelled);
        QTest::keyClick(page.canvas(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!tp->project->example(ids[0])->labelled);
    }

    void classManagerOperations()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 a = tp->project->addClass(QStringLiteral("a"));
        const auto ids = test::addPlainExamples(*tp->project, 1, 64, 48);
        tp->project->addBox(ids[0], Box{0, a, 1, 1, 20, 20});
        ClassManager manager(*tp->project);
        manager.setInteractive(false);
        QSignalSpy changed(&manager, &ClassManager::classesChanged);
        QVERIFY(manager.addClass(QStringLiteral("b")));
        QVERIFY(!manager.addClass(QStringLiteral("b"))); // duplicate name refused
        const qint64 b = tp->project->classByName(QStringLiteral("b"))->id;
        QVERIFY(manager.renameClass(b, QStringLiteral("bee")));
        QCOMPARE(tp->project->classes()[1].name, QStringLiteral("bee"));
        QVERIFY(manager.recolourClass(b, QColor(QStringLiteral("#123456"))));
        QCOMPARE(tp->project->classes()[1].color, QStringLiteral("#123456"));
        QVERIFY(manager.moveClass(b, -1));
        QCOMPARE(tp->project->classes()[0].id, b);
        QVERIFY(!manager.deleteClass(a, false)); // in use: refused without cascade
        QCOMPARE(tp->project->boxes(ids[0]).size(), size_t(1));
        QVERIFY(manager.deleteClass(a, true));
        QVERIFY(tp->project->boxes(ids[0]).empty());
        QCOMPARE(changed.count(), 5);
    }

    void dashboardShowsPointsAndOverfitting()
    {
        TrainingDashboard d;
        d.reset(QStringLiteral("accuracy"));
        for (int step = 1; step <= 10; ++step) {
            train::BatchInfo b;
            b.epoch = 1;
            b.step = step;
            b.stepsPerEpoch = 10;
            b.epochs = 6;
            b.smoothedLoss = 1.0 / step;
            d.onBatch(b);
        }
        QCOMPARE(d.stepPoints(), 10);
        const double loss[] = {1.0, 0.8, 0.6, 0.5, 0.4, 0.3}, val[] = {1.0, 0.7, 0.75, 0.8, 0.9, 1.0};
        for (int e = 0; e < 6; ++e) {
            train::EpochMetrics m;
            m.epoch = e + 1;
            m.loss = loss[e];
            m.valLoss = val[e];
            m.learningRate = 0.001;
            d.onEpoch(m);
        }
        QCOMPARE(d.epochPoints(), 6);
        QVERIFY(!d.overfittingShown());
        d.onOverfitting({3, 5, QStringLiteral("val_loss rose"), false, QString()});
        QVERIFY(d.overfittingShown());
        QCOMPARE(d.overfittingBegan(), 3);
        d.onLearningRateReduced(4, 0.0005);
        d.onCheckpoint(QStringLiteral("best_model.pt"), true, 2);
        d.onCheckpoint(QStringLiteral("best_model.pt"), true, 2); // one best marker, not two
        QCOMPARE(d.markerCount(), 2);
        d.reset(QStringLiteral("accuracy"));
        QCOMPARE(d.epochPoints(), 0);
        QVERIFY(!d.overfittingShown());
    }

    void trainingPageRefusesADataSetThatCannotTrain()
    {
        auto tp = test::makeProject(DatasetKind::Classification);
        const qint64 a = tp->project->addClass(QStringLiteral("a"));
        test::addPlainExamples(*tp->project, 4, 64, 48, a);
        TrainingPage page;
        page.setProject(tp->project.get());
        QSignalSpy failed(page.controller(), &TrainingController::failed);
        page.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("10")));
        QTRY_VERIFY(!page.controller()->isRunning());
        QVERIFY(train::RunStore(*tp->project).runs().empty()); // no run recorded
    }

    void suggestDialogAppliesOnlyTheCheckedRows()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        advise::Suggestion s;
        s.summary = QStringLiteral("summary");
        for (const auto &[key, value] :
             std::vector<std::pair<QString, QJsonValue>>{{QStringLiteral("input.min_side"), 200},
                                                         {QStringLiteral("train.epochs"), 40},
                                                         {QStringLiteral("anchors.strides"), QJsonArray{16, 32, 64}}})
            s.proposals.push_back({key, tp->project->parameters().value(key), value, QStringLiteral("because"), {}});
        s.anchorRecallCurrent = 0.4;
        s.anchorRecallProposed = 0.9;
        SuggestDialog dialog(tp->project.get());
        QSignalSpy applied(&dialog, &SuggestDialog::applied);
        dialog.setSuggestion(s);
        QCOMPARE(dialog.rowCount(), 3);
        dialog.setRowChecked(1, false); // keep the epochs as they are
        auto *apply = dialog.findChild<QDialogButtonBox *>()->buttons().constFirst();
        for (QAbstractButton *b : dialog.findChild<QDialogButtonBox *>()->buttons())
            if (b->text().contains(QStringLiteral("Apply")))
                apply = b;
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.first().at(0).toInt(), 2);
        const ParameterSet p = tp->project->parameters();
        QCOMPARE(p.toInt(QStringLiteral("input.min_side")), 200);
        QCOMPARE(p.toInt(QStringLiteral("train.epochs")), 5); // unchecked: the default stays
        QCOMPARE(p.value(QStringLiteral("anchors.strides")), QJsonValue(QJsonArray{16, 32, 64}));
        QCOMPARE(p.changedKeys().size(), 2);
    }

    void suggestDialogComputesInTheBackground()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        synth::ShapesOptions o;
        o.count = 30;
        synth::addShapes(*tp->project, o);
        SuggestDialog dialog(tp->project.get());
        QSignalSpy ready(&dialog, &SuggestDialog::suggestionReady);
        dialog.compute();
        QVERIFY(dialog.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 120000);
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.rowCount() > 3);
    }

    // Settings the advisor would change strongly: the page says so and offers the dialog; the user may go on.
    void trainingPageWarnsBeforeARunTheAdvisorWouldChange()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 c = tp->project->addClass(QStringLiteral("dot"));
        // 12 px boxes in 640x480 images: about 1 px at the contract's shorter side of 50.
        test::addPlainExamples(*tp->project, 4, 640, 480, 0, {Box{0, c, 100, 100, 112, 112}});
        TrainingPage page;
        page.setProject(tp->project.get());
        page.show();
        QVERIFY(!page.start());
        QVERIFY(!page.controller()->isRunning());
        auto *anyway = [&]() -> QPushButton * {
            for (QPushButton *b : page.findChildren<QPushButton *>())
                if (b->text() == QStringLiteral("Start anyway"))
                    return b;
            return nullptr;
        }();
        QVERIFY(anyway && anyway->isVisible());
        bool saysWhy = false;
        for (QLabel *l : page.findChildren<QLabel *>())
            saysWhy |= l->isVisible() && l->text().contains(QStringLiteral("under 8 px"));
        QVERIFY(saysWhy);
        QSignalSpy failed(page.controller(), &TrainingController::failed);
        QTest::mouseClick(anyway, Qt::LeftButton); // goes on: the data set's own check refuses 4 examples
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(!anyway->isVisible());
    }

    // The whole loop through the window: open a generated project, train two short epochs from the
    // Training page, see the curves fill and the run appear in the history.
    void endToEndTrainingFromTheWindow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p"));
        {
            auto project = Project::create(path, QStringLiteral("e2e"), DatasetKind::Classification);
            synth::ShapesOptions o;
            o.kind = DatasetKind::Classification;
            o.count = 40;
            o.width = 48;
            o.height = 36;
            synth::addShapes(*project, o);
            ParameterSet p = project->parameters();
            p.set(QStringLiteral("input.min_side"), 36);
            p.set(QStringLiteral("input.max_side"), 48);
            p.set(QStringLiteral("classifier.depth"), 2);
            p.set(QStringLiteral("classifier.width"), 8);
            p.set(QStringLiteral("train.steps_per_epoch"), 50);
            p.set(QStringLiteral("train.batch_size"), 4);
            p.set(QStringLiteral("train.epochs"), 2);
            project->setParameters(p);
        }
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(path));
        QCOMPARE(window.currentPage(), MainWindow::Dataset);
        QCOMPARE(window.datasetPage()->model()->rowCount(), 40);
        window.showPage(MainWindow::Training);
        TrainingPage *page = window.trainingPage();
        page->controller()->setThreads(2);
        QSignalSpy finished(page, &TrainingPage::runFinished);
        QSignalSpy epochs(page->controller(), &TrainingController::epochEnded);
        QVERIFY(page->start());
        QVERIFY(page->controller()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        QCOMPARE(epochs.count(), 2);
        QCOMPARE(page->dashboard()->epochPoints(), 2);
        QVERIFY(page->dashboard()->stepPoints() >= 100);
        QCOMPARE(window.historyPage()->runCount(), 1);
        // The test images with their predictions; errors only shows the misclassified ones.
        ResultsGallery *gallery = window.historyPage()->gallery();
        QTRY_VERIFY_WITH_TIMEOUT(gallery->itemCount() > 0, 60000);
        int test = 0;
        for (const Example &e : window.project()->examples())
            test += e.split == Split::Test;
        QCOMPARE(gallery->itemCount(), test);
        gallery->setErrorsOnly(true);
        QCOMPARE(gallery->visibleCount(), gallery->errorCount());
        gallery->setErrorsOnly(false);
        QCOMPARE(gallery->visibleCount(), test);
    }

    // Issue 17.5 and 17.14: the gallery shows the predictions the run's test evaluation counted (read, not
    // predicted again: it works with the model files gone); the PR legend carries the metrics table's AP;
    // the threshold starts at the best-F1 threshold and redraws at once; Accept acts only when it can.
    void detectionGalleryShowsTheEvaluatedPredictions()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        synth::ShapesOptions o;
        o.count = 40;
        o.width = 64;
        o.height = 48;
        o.minSize = 12;
        o.maxSize = 24;
        synth::addShapes(*tp->project, o);
        train::TrainOptions options;
        ParameterSet &p = options.parameters;
        p.set(QStringLiteral("input.min_side"), 48);
        p.set(QStringLiteral("input.max_side"), 64);
        p.set(QStringLiteral("input.channels"), 3);
        p.set(QStringLiteral("train.steps_per_epoch"), 50);
        p.set(QStringLiteral("train.batch_size"), 4);
        p.set(QStringLiteral("train.epochs"), 1);
        p.set(QStringLiteral("train.confidence_threshold"), 0.05); // an untrained model: show its guesses
        p.set(QStringLiteral("detector.width"), 16);
        p.set(QStringLiteral("anchors.sizes"), QJsonArray{12, 24, 48});
        p.set(QStringLiteral("anchors.strides"), QJsonArray{8, 16, 32});
        options.threads = 2;
        struct Quiet : train::TrainHooks {
        } hooks;
        std::atomic<bool> cancel{false};
        const train::RunSummary run = train::Trainer(*tp->project, options).run(hooks, cancel);
        QCOMPARE(run.status, QStringLiteral("finished"));
        for (const QString &model : {QStringLiteral("best_model.pt"), QStringLiteral("last_model.pt")})
            QFile::remove(QDir(run.folder).filePath(model));
        HistoryPage history;
        history.setProject(tp->project.get());
        ResultsGallery *gallery = history.gallery();
        QTRY_VERIFY_WITH_TIMEOUT(gallery->itemCount() > 0, 60000);
        const auto record = train::RunStore(*tp->project).run(run.runId);
        QCOMPARE(gallery->itemCount(), record->metrics.value(QStringLiteral("examples")).toInt());
        // The PR legend: each class's AP as the metrics table has it.
        QCustomPlot *pr = nullptr;
        for (QCustomPlot *plot : history.findChildren<QCustomPlot *>())
            if (plot->yAxis->label().startsWith(QLatin1String("precision")))
                pr = plot;
        QVERIFY(pr);
        QStringList legend, table;
        for (int g = 0; g < pr->graphCount(); ++g)
            legend << pr->graph(g)->name();
        for (const QJsonValue &v : record->metrics.value(QStringLiteral("per_class")).toArray())
            if (!v.toObject().value(QStringLiteral("ap50")).isNull())
                table << QStringLiteral("%1 (AP %2)")
                             .arg(v.toObject().value(QStringLiteral("class")).toString())
                             .arg(v.toObject().value(QStringLiteral("ap50")).toDouble(), 0, 'f', 3);
        QCOMPARE(legend, table);
        // The threshold: the run's best-F1 one; higher shows fewer predictions, at once.
        const double best = record->metrics.value(QStringLiteral("best_f1_threshold")).toDouble(-1);
        QVERIFY(best >= 0);
        QCOMPARE(gallery->bestF1Threshold(), best);
        QVERIFY(std::abs(gallery->threshold() - std::clamp(best, 0.05, 0.99)) < 0.006);
        auto shown = [&] {
            int n = 0;
            for (const Example &e : tp->project->examples())
                if (const ResultsGallery::Item *i = gallery->item(e.id))
                    n += int(i->shown.size());
            return n;
        };
        gallery->setThreshold(0.05);
        const int low = shown();
        gallery->setThreshold(0.99);
        QVERIFY2(shown() < low || low == 0, qPrintable(QStringLiteral("%1 -> %2").arg(low).arg(shown())));
        for (const Example &e : tp->project->examples())
            if (const ResultsGallery::Item *i = gallery->item(e.id))
                for (const ShownPrediction &p : i->shown)
                    QVERIFY(p.score >= 0.99f);
        gallery->setThreshold(0.05);
        // Accept: enabled only for a selected image with unmatched predictions.
        QPushButton *accept = nullptr;
        for (QPushButton *b : gallery->findChildren<QPushButton *>())
            if (b->text().startsWith(QLatin1String("Accept")))
                accept = b;
        QVERIFY(accept && !accept->isEnabled()); // nothing selected
        auto *list = gallery->findChild<QListWidget *>();
        for (int row = 0; row < list->count(); ++row) {
            list->setCurrentRow(row);
            const ResultsGallery::Item *i = gallery->item(list->item(row)->data(Qt::UserRole).toLongLong());
            QCOMPARE(accept->isEnabled(), !i->unmatched.empty());
        }
        // Accepting an image's unmatched predictions adds exactly those as boxes.
        for (const Example &e : tp->project->examples()) {
            if (e.split != Split::Test)
                continue;
            const size_t before = tp->project->boxes(e.id).size();
            const int added = gallery->acceptPredictions(e.id);
            QCOMPARE(tp->project->boxes(e.id).size(), before + size_t(added));
        }
    }

    // The window in Portuguese: its own strings, Qt's dialog buttons, the parameter labels from the
    // engine, a parameter typed with a decimal comma, and the engine's messages shown inline.
    void windowInPortuguese()
    {
        const QLocale before;
        QVERIFY(installLanguage(*qApp, QStringLiteral("pt_BR")));
        auto restore = qScopeGuard([&] {
            for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(t);
                delete t;
            }
            QLocale::setDefault(before);
        });
        QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));

        MainWindow window;
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&Arquivo"), QStringLiteral("E&xibir"),
                                     QStringLiteral("&Treinamento"), QStringLiteral("Aj&uda")}));
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancelar"));

        ParameterEditor editor({QStringLiteral("train"), QStringLiteral("optimizer")});
        QVERIFY(editor.findChildren<QLabel *>().size() > 0);
        QStringList labels;
        for (QLabel *l : editor.findChildren<QLabel *>())
            labels << l->text();
        QVERIFY2(labels.contains(QStringLiteral("Tamanho do lote")), qPrintable(labels.join(QLatin1Char('|'))));
        QVERIFY(labels.contains(QStringLiteral("Taxa de aprendizagem")));
        auto *rate = qobject_cast<QLineEdit *>(editor.field(QStringLiteral("optimizer.learning_rate")));
        QVERIFY(rate);
        QCOMPARE(rate->text(), QStringLiteral("0,001"));
        rate->clear();
        QTest::keyClicks(rate, QStringLiteral("0,02"));
        QVERIFY(editor.isValid());
        QCOMPARE(editor.parameters().toDouble(QStringLiteral("optimizer.learning_rate")), 0.02);
        editor.setText(QStringLiteral("train.epochs"), QStringLiteral("0"));
        QVERIFY2(editor.message(QStringLiteral("train.epochs")).contains(QStringLiteral("abaixo do mínimo")),
                 qPrintable(editor.message(QStringLiteral("train.epochs"))));

        augment::Record record;
        record.applied.push_back(
            {augment::Transform::Translate, {{QStringLiteral("dx_pixels"), 4}, {QStringLiteral("dy_pixels"), -18}}});
        record.applied.push_back({augment::Transform::Gamma, {{QStringLiteral("gamma"), 1.25}}});
        QCOMPARE(record.caption(QLocale()), QStringLiteral("translação (4; -18) px, gama 1,25"));
        QCOMPARE(augment::Record().caption(QLocale()), QStringLiteral("original"));
    }

    // Issue 13.5: the gallery's right and wrong are the metrics' own (eval::matchDetections). Two
    // overlapping objects, two predictions: the second overlaps the first object most, which the first
    // prediction took, so VOC counts it a false positive and the second object missed. The gallery
    // matched it to the second object instead ("0 wrong, 0 missed") while the metrics said otherwise.
    void galleryCountsRightAndWrongAsTheMetricsDo()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 cls = tp->project->addClass(QStringLiteral("cell"));
        const auto ids = test::addPlainExamples(*tp->project, 1, 64, 64, 0,
                                                {Box{0, cls, 10, 10, 50, 50}, Box{0, cls, 20, 10, 60, 50}});
        train::RunStore runs(*tp->project);
        const qint64 run = runs.create(QJsonObject{{QStringLiteral("kind"), QStringLiteral("detection")}});
        const QString folder = runs.folderFor(run);
        QDir().mkpath(folder);
        runs.setFolder(run, folder);
        train::TestPredictions stored;
        stored.detection = true;
        train::ImagePredictions image;
        image.exampleId = ids[0];
        image.boxes = {{cls, 0.9f, 10, 10, 50, 50}, {cls, 0.8f, 12, 10, 52, 50}};
        stored.images = {image};
        train::saveTestPredictions(folder, stored);
        runs.finish(run, QStringLiteral("finished"), QJsonObject{{QStringLiteral("best_f1_threshold"), 0.5}}, {});
        ResultsGallery gallery;
        gallery.setProject(tp->project.get());
        gallery.showRun(run);
        QTRY_VERIFY_WITH_TIMEOUT(gallery.itemCount() == 1, 10000);
        const ResultsGallery::Item *item = gallery.item(ids[0]);
        QVERIFY(item);
        // What the metrics count for the same boxes.
        const std::vector<eval::GroundTruth> truth{{0, 0, 10, 10, 50, 50, false}, {0, 0, 20, 10, 60, 50, false}};
        const std::vector<eval::Detection> detections{{0, 0, 0.9f, 10, 10, 50, 50}, {0, 0, 0.8f, 12, 10, 52, 50}};
        QCOMPARE(eval::matchDetections(truth, detections), (std::vector<int>{0, eval::kUnmatched}));
        QCOMPARE(item->falsePositives, 1);
        QCOMPARE(item->missed, 1);
        QVERIFY(item->error);
    }

    // Help > Plugins (issue 13.3): each plugin with what it registered, or why it was refused.
    void thePluginsDialogShowsLoadedAndRefused()
    {
        PluginRecord good;
        good.file = QStringLiteral("/usr/lib/visor/plugins/tinyres.so");
        good.name = QStringLiteral("Tiny ResNet");
        good.loaded = true;
        good.registered = {QStringLiteral("backbone tinyres")};
        PluginRecord bad;
        bad.file = QStringLiteral("/home/u/.local/share/visor/plugins/old.so");
        bad.name = QStringLiteral("old");
        bad.problem = QStringLiteral("old.so was built for Visor plugin interface 0; this Visor has interface 1");
        PluginsDialog dialog({good, bad}, {QStringLiteral("/nonexistent/plugins")});
        QTreeWidget *tree = dialog.tree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(2), QStringLiteral("backbone tinyres"));
        QCOMPARE(tree->topLevelItem(1)->text(1), QStringLiteral("refused"));
        QVERIFY(tree->topLevelItem(1)->text(2).contains(QLatin1String("interface 0")));
        // The refusal in full below the list, selected at once.
        QCOMPARE(tree->currentItem(), tree->topLevelItem(1));
        QVERIFY(dialog.details().contains(QLatin1String("/home/u/.local/share/visor/plugins/old.so")) &&
                dialog.details().contains(QLatin1String("this Visor has interface 1")));
        PluginsDialog empty({}, {});
        QCOMPARE(empty.tree()->topLevelItem(0)->text(0), QStringLiteral("No plugins found."));
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
