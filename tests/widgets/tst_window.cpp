// The window as a person uses it: the defects of issues 12 (the window's own races) and 17 (wrong
// pictures, missing classes, dead keys, stale pages), each driven by QTest events offscreen.
#include "annotationcanvas.h"
#include "annotationdocument.h"
#include "annotationpage.h"
#include "augmentationpage.h"
#include "classmanager.h"
#include "datasetmodel.h"
#include "datasetpage.h"
#include "folderchooser.h"
#include "healthpanel.h"
#include "historypage.h"
#include "jobtracker.h"
#include "language.h"
#include "mainwindow.h"
#include "parametereditor.h"
#include "preferencesdialog.h"
#include "resultsgallery.h"
#include "shortcuts.h"
#include "suggestdialog.h"
#include "testutil.h"
#include "theme.h"
#include "thumbnailloader.h"
#include "trainingcontroller.h"
#include "trainingdashboard.h"
#include "trainingpage.h"

#include "augment/augmenter.h"
#include "qcustomplot_p.h"

#include "project/splitter.h"
#include "project/sql.h"
#include "project/statistics.h"
#include "synth/shapes.h"
#include "train/runs.h"
#include "train/testpredictions.h"
#include "train/trainer.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QThreadPool>
#include <QToolBar>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>

using namespace visor;

class TestWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings and the demo folder stay out of the user's home
        QSettings().clear();                      // and every run starts from the defaults
    }

    // Issue 12.25: every shortcut of the window is bound once (Ctrl+R was bound by the Training page's
    // button and the Training menu: Qt called it ambiguous and neither fired).
    void everyShortcutIsBoundOnce()
    {
        MainWindow window;
        window.show();
        // Window-wide keys once in the window; a page's keys (active inside its widget) once in that
        // widget and never one of the window's.
        std::map<QString, QStringList> windowWide;
        std::map<const QObject *, std::map<QString, QStringList>> perWidget;
        for (const QAction *a : window.findChildren<QAction *>())
            for (const QKeySequence &k : a->shortcuts()) {
                if (a->shortcutContext() == Qt::WidgetWithChildrenShortcut ||
                    a->shortcutContext() == Qt::WidgetShortcut)
                    perWidget[a->parent()][k.toString()] << a->text();
                else
                    windowWide[k.toString()] << a->text();
            }
        for (const QAbstractButton *b : window.findChildren<QAbstractButton *>())
            if (!b->shortcut().isEmpty())
                windowWide[b->shortcut().toString()] << b->text();
        for (const auto &[key, list] : windowWide)
            QVERIFY2(list.size() == 1, qPrintable(key + QStringLiteral(": ") + list.join(QStringLiteral(", "))));
        for (const auto &[widget, keys] : perWidget)
            for (const auto &[key, list] : keys) {
                QVERIFY2(list.size() == 1, qPrintable(key + QStringLiteral(": ") + list.join(QStringLiteral(", "))));
                QVERIFY2(!windowWide.count(key), qPrintable(key + QStringLiteral(" is the window's and ") + list[0]));
            }
        QVERIFY(windowWide.count(QStringLiteral("Ctrl+R")));
    }

    // Issue 12.23: thumbnails are cached by image, not by example id (ids restart at 1 in every project:
    // a second project showed the first one's thumbnails).
    void thumbnailsFollowTheImageNotTheId()
    {
        QTemporaryDir dir;
        test::writeFile(dir.path(), QStringLiteral("a.png"), test::imageBytes(60, 40, 1));
        QImage red(60, 40, QImage::Format_RGB32);
        red.fill(Qt::red);
        QVERIFY(red.save(dir.filePath(QStringLiteral("b.png"))));
        ThumbnailLoader loader(32);
        QSignalSpy spy(&loader, &ThumbnailLoader::loaded);
        QVERIFY(loader.thumbnail(1, dir.filePath(QStringLiteral("a.png"))).isNull());
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 5000);
        QVERIFY(!loader.thumbnail(1, dir.filePath(QStringLiteral("a.png"))).isNull());
        QImage other = loader.thumbnail(1, dir.filePath(QStringLiteral("b.png"))); // id 1 of another project
        if (other.isNull()) {
            QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 5000);
            other = loader.thumbnail(1, dir.filePath(QStringLiteral("b.png")));
        }
        const QColor c = other.pixelColor(other.width() / 2, other.height() / 2);
        QVERIFY2(c.red() > 200 && c.green() < 60, qPrintable(c.name()));
    }

    // Issue 12.26: an edit is one transaction that keeps the ids of the boxes it does not delete; a store
    // failure is a message and leaves the undo stack as the project is (before: two transactions, every
    // box re-inserted with a new id, the exception unwinding through the event loop).
    void annotationEditsAreOneTransactionAndSurviveStoreErrors()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 cls = t->project->addClass(QStringLiteral("a"));
        const qint64 id = test::addPlainExamples(*t->project, 1).front();
        AnnotationDocument doc(*t->project);
        doc.load(id);
        Box b;
        b.classId = cls;
        b.x1 = 1;
        b.y1 = 1;
        b.x2 = 10;
        b.y2 = 10;
        doc.addBox(b);
        doc.addBox(b);
        const qint64 firstId = doc.boxes()[0].id;
        QVERIFY(firstId > 0);
        Box moved = doc.boxes()[1];
        moved.x2 = 20;
        doc.setBox(1, moved);
        QCOMPARE(doc.boxes()[0].id, firstId); // untouched boxes keep their ids
        QCOMPARE(doc.undoStack()->count(), 3);
        QSignalSpy failed(&doc, &AnnotationDocument::saveFailed);
        sql::run(t->project->database(),
                 QStringLiteral("CREATE TEMP TRIGGER full BEFORE INSERT ON boxes BEGIN SELECT RAISE(ABORT, 'disk "
                                "full'); END"),
                 {}, "");
        doc.addBox(b);
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.front().front().toString().contains(QLatin1String("disk full")));
        QCOMPARE(doc.undoStack()->count(), 3);
        QCOMPARE(doc.boxes().size(), size_t(2));
        QCOMPARE(t->project->boxes(id).size(), size_t(2));
        doc.undoStack()->undo();
        QCOMPARE(t->project->boxes(id)[1].x2, 10.f);
    }

    // Issue 12.24: the one job mechanism. A job whose context is gone, or that was superseded, delivers
    // nothing and sees cancellation; only the latest job's result arrives.
    void jobsDeliverOnlyTheLatestToALiveContext()
    {
        auto context = std::make_unique<QObject>();
        JobTracker tracker(context.get());
        std::atomic<bool> firstSawCancel{false};
        QStringList delivered;
        tracker.start(
            [&](const JobTracker::Cancelled &cancelled) {
                for (int i = 0; i < 200 && !cancelled(); ++i)
                    QThread::msleep(5);
                firstSawCancel = cancelled();
                return QStringLiteral("first");
            },
            [&](const QString &r) { delivered << r; });
        tracker.start([](const JobTracker::Cancelled &) { return QStringLiteral("second"); },
                      [&](const QString &r) { delivered << r; });
        QTRY_COMPARE_WITH_TIMEOUT(tracker.running(), 0, 5000);
        QCOMPARE(delivered, QStringList{QStringLiteral("second")});
        QVERIFY(firstSawCancel);
        // The context goes away while a job runs: nothing is delivered to it.
        auto *tracked = new JobTracker(context.get());
        std::atomic<bool> started{false};
        tracked->start(
            [&](const JobTracker::Cancelled &) {
                started = true;
                QThread::msleep(100);
                return 1;
            },
            [&](int) { delivered << QStringLiteral("after"); });
        while (!started)
            QThread::msleep(1);
        context.reset();
        QTest::qWait(300);
        QCOMPARE(delivered.size(), 1);
        delete tracked;
    }

    // Issue 12.24: a page closed while its preview is computed (before: the worker read the page through
    // a raw pointer after it was gone; ASan reports it, the sanitizer build runs this test).
    void closingThePageDuringAPreviewIsSafe()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        synth::ShapesOptions o;
        o.count = 3;
        synth::addShapes(*tp->project, o);
        for (int i = 0; i < 5; ++i) {
            auto *page = new AugmentationPage;
            page->setProject(tp->project.get());
            page->reroll();
            delete page;
        }
        QTest::qWait(500); // the previews finish after their pages are gone
        QThreadPool::globalInstance()->waitForDone(5000);
        QCoreApplication::processEvents();
    }

    // Issue 12.26: closing the annotator after an edit updates the edited rows, not the whole grid, and
    // the statistics arrive from the background.
    void anEditUpdatesItsRowNotTheGrid()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 cls = tp->project->addClass(QStringLiteral("a"));
        test::addPlainExamples(*tp->project, 20);
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        QTRY_VERIFY_WITH_TIMEOUT(!page.statisticsPending(), 10000);
        QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(page.model(), &QAbstractItemModel::dataChanged);
        QSignalSpy ready(&page, &DatasetPage::statisticsReady);
        page.annotate(0);
        const qint64 id = page.annotator()->currentExample();
        Box b;
        b.classId = cls;
        b.x1 = 2;
        b.y1 = 2;
        b.x2 = 20;
        b.y2 = 20;
        page.annotator()->document()->addBox(b);
        Q_EMIT page.annotator()->closed();
        QCOMPARE(reset.size(), 0);
        QVERIFY(!changed.isEmpty());
        const QModelIndex row = page.model()->indexOfId(id);
        QVERIFY(page.model()->data(row, DatasetModel::LabelledRole).toBool()); // re-read: it has a box now
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
    }

    // bench_gui's edit path (issue 17): the annotator steps through the grid's rows as shown, after every
    // change of filter, order and rows (the order is now kept between openings, not rebuilt each time).
    void theAnnotatorStepsThroughTheRowsAsShown()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        test::addPlainExamples(*tp->project, 12);
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        DatasetFilter *filter = page.filter();
        const auto shown = [&] {
            std::vector<qint64> ids;
            for (int r = 0; r < filter->rowCount(); ++r)
                ids.push_back(filter->index(r, 0).data(DatasetModel::IdRole).toLongLong());
            return ids;
        };
        const auto walk = [&] { // opens the first row and steps to the last
            std::vector<qint64> seen;
            page.annotate(0);
            for (int r = 0; r < filter->rowCount(); ++r) {
                seen.push_back(page.annotator()->currentExample());
                page.annotator()->next();
            }
            Q_EMIT page.annotator()->closed();
            return seen;
        };
        QCOMPARE(walk(), shown());
        QCOMPARE(filter->idsInOrder(), shown());
        filter->setNameFilter(QStringLiteral("1")); // a subset
        QVERIFY(filter->rowCount() > 0 && filter->rowCount() < 12);
        QCOMPARE(walk(), shown());
        filter->setNameFilter({});
        filter->setSortKey(1); // by file name: not the order added
        QCOMPARE(walk(), shown());
        filter->setIds({tp->project->exampleIds()[3], tp->project->exampleIds()[7]});
        QCOMPARE(walk(), shown());
        QCOMPARE(int(walk().size()), 2);
        filter->setIds({});
        filter->setSortKey(0);
        test::addPlainExamples(*tp->project, 3, 64, 48, 0, {}, 100); // rows added: the order follows
        page.refresh();
        QCOMPARE(int(shown().size()), 15);
        QCOMPARE(walk(), shown());
        QCOMPARE(filter->idsInOrder(), shown());
    }

    // Issue 13.3: a stored value this build refuses (a plugin's backbone, the plugin not loaded) is shown
    // on the Training page, not silently replaced by the default.
    void theTrainingPageNamesStoredValuesItCannotUse()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        sql::run(tp->project->database(),
                 QStringLiteral("INSERT OR REPLACE INTO params (key, value) VALUES ('detector.backbone', "
                                "'[\"plugin_resnet\"]')"),
                 {}, "");
        QCOMPARE(tp->project->parameterProblems().count(QStringLiteral("detector.backbone")), size_t(1));
        TrainingPage page;
        page.setProject(tp->project.get());
        QString shown;
        for (QLabel *label : page.findChildren<QLabel *>())
            if (!label->isHidden() && label->text().contains(QLatin1String("plugin_resnet")))
                shown = label->text();
        QVERIFY2(shown.contains(QLatin1String("detector.backbone")) && shown.contains(QLatin1String("Plugins")),
                 qPrintable(shown));
        QCOMPARE(page.editor()->parameters().toString(QStringLiteral("detector.backbone")), QStringLiteral("vgg7"));
    }

    // Issue 17.1: two projects in one window: each grid shows its own pictures (ids restart at 1).
    void twoProjectsInOneWindowShowTheirOwnThumbnails()
    {
        QTemporaryDir dir;
        auto makeOne = [&](const QString &name, Qt::GlobalColor colour) {
            const QString path = dir.filePath(name);
            auto p = Project::create(path, name, DatasetKind::Classification);
            const qint64 cls = p->addClass(QStringLiteral("a"));
            QImage img(60, 40, QImage::Format_RGB32);
            img.fill(colour);
            QByteArray png;
            QBuffer buffer(&png);
            img.save(&buffer, "PNG");
            NewExample ne;
            ne.meta.hash = p->storeImage(png, QStringLiteral("png"));
            ne.meta.suffix = QStringLiteral("png");
            ne.meta.fileName = name + QStringLiteral(".png");
            ne.meta.width = 60;
            ne.meta.height = 40;
            ne.meta.labelled = true;
            ne.meta.classId = cls;
            p->addExamples({ne});
            return path;
        };
        const QString red = makeOne(QStringLiteral("red"), Qt::red), blue = makeOne(QStringLiteral("blue"), Qt::blue);
        MainWindow window;
        window.show();
        auto centre = [&] { // the thumbnail's centre, once it has arrived (grey placeholder until then)
            for (int tries = 0; tries < 100; ++tries) {
                const QImage shown =
                    window.datasetPage()->model()->index(0).data(Qt::DecorationRole).value<QPixmap>().toImage();
                const QColor c = shown.isNull() ? QColor() : shown.pixelColor(shown.width() / 2, shown.height() / 2);
                if (c.isValid() && ((c.red() > 200 && c.blue() < 60) || (c.blue() > 200 && c.red() < 60)))
                    return c;
                QTest::qWait(50);
            }
            return QColor();
        };
        QVERIFY(window.openProject(red));
        QVERIFY(centre().red() > 200);
        QVERIFY(window.openProject(blue));
        const QColor c = centre();
        QVERIFY2(c.blue() > 200 && c.red() < 60, qPrintable(c.name()));
    }

    // Issue 17.2: after an import the annotator offers the new classes (every box was yellow and the
    // number keys dead until the project was reopened).
    void theAnnotatorFollowsImportedClasses()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        QTemporaryDir in;
        for (int i = 0; i < 3; ++i) {
            const QString name = QStringLiteral("%1.png").arg(i);
            test::writeFile(in.path(), QStringLiteral("JPEGImages/") + name, test::imageBytes(40, 30, i));
            test::writeFile(
                in.path(), QStringLiteral("Annotations/%1.xml").arg(i),
                test::vocXml(name, test::vocObject(i ? QStringLiteral("rbc") : QStringLiteral("wbc"), 2, 2, 20, 20), 40,
                             30));
        }
        page.importFolder(in.path());
        auto *list = page.annotator()->findChild<QListWidget *>();
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        page.annotate(0);
        QTest::keyClick(page.annotator(), Qt::Key_2);
        QVERIFY(list->currentItem());
        QVERIFY(list->currentItem()->text().contains(QLatin1String("2")));
    }

    // Issue 17.7: redo by Ctrl+Shift+Z and by Ctrl+Y (the first was listed twice on one action:
    // "Ambiguous shortcut overload", and never redid).
    void redoKeysRedo()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 cls = tp->project->addClass(QStringLiteral("a"));
        test::addPlainExamples(*tp->project, 1);
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        page.show();
        page.annotate(0);
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        AnnotationDocument *doc = page.annotator()->document();
        for (const QKeySequence &key :
             {QKeySequence(QStringLiteral("Ctrl+Shift+Z")), QKeySequence(QStringLiteral("Ctrl+Y"))}) {
            Box b;
            b.classId = cls;
            b.x1 = 1;
            b.y1 = 1;
            b.x2 = 9;
            b.y2 = 9;
            doc->addBox(b);
            const size_t boxes = doc->boxes().size();
            doc->undoStack()->undo();
            QCOMPARE(doc->boxes().size(), boxes - 1);
            QTest::keySequence(page.annotator()->window(), key);
            QVERIFY2(doc->boxes().size() == boxes, qPrintable(key.toString()));
        }
        for (const QAction *a : page.annotator()->findChildren<QAction *>()) {
            const QList<QKeySequence> keys = a->shortcuts();
            QCOMPARE(QSet<QKeySequence>(keys.begin(), keys.end()).size(), keys.size());
        }
    }

    // Issue 17.10: Cancel is enabled only while a run goes; Resume only when the latest run can resume.
    void cancelAndResumeOnlyWhenTheyCanAct()
    {
        auto tp = test::makeProject(DatasetKind::Classification);
        const QString path = tp->path();
        tp->project.reset();
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(path));
        auto action = [&](const QString &text) -> QAction * {
            for (QAction *a : window.findChildren<QAction *>())
                if (a->text() == text)
                    return a;
            return nullptr;
        };
        QAction *cancel = action(QStringLiteral("&Cancel")), *resume = action(QStringLiteral("&Resume last run"));
        QVERIFY(cancel && resume);
        QVERIFY(!cancel->isEnabled());
        QVERIFY(!resume->isEnabled()); // no run in this project
        auto *resumeButton = [&]() -> QPushButton * {
            for (QPushButton *b : window.trainingPage()->findChildren<QPushButton *>())
                if (b->text() == QLatin1String("Resume last run"))
                    return b;
            return nullptr;
        }();
        QVERIFY(resumeButton && !resumeButton->isEnabled());
    }

    // Issue 17.4 and 17.10: a training-page edit is stored at once (it was stored only when a run
    // started); "Fix these values first" goes away when the value is fixed.
    void trainingPageEditsAreStoredAtOnce()
    {
        auto tp = test::makeProject(DatasetKind::Classification);
        TrainingPage page;
        page.setProject(tp->project.get());
        page.show();
        page.editor()->setText(QStringLiteral("train.epochs"), QStringLiteral("7"));
        QCOMPARE(tp->project->parameters().toInt(QStringLiteral("train.epochs")), 7);
        page.editor()->setText(QStringLiteral("train.epochs"), QStringLiteral("0"));
        QCOMPARE(tp->project->parameters().toInt(QStringLiteral("train.epochs")), 7); // invalid: not stored
        QVERIFY(!page.start());
        auto banner = [&]() -> QLabel * {
            for (QLabel *l : page.findChildren<QLabel *>())
                if (l->text().startsWith(QLatin1String("Fix these values first")))
                    return l;
            return nullptr;
        };
        QVERIFY(banner() && banner()->isVisible());
        page.editor()->setText(QStringLiteral("train.epochs"), QStringLiteral("8"));
        QVERIFY(!banner()->isVisible());
        QCOMPARE(tp->project->parameters().toInt(QStringLiteral("train.epochs")), 8);
    }

    // Issue 17.6: the import headline counts skipped boxes too ("0 skipped" beside "boxes skipped 2").
    void importHeadlineCountsBoxes()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        QTemporaryDir in;
        test::writeFile(in.path(), QStringLiteral("JPEGImages/a.png"), test::imageBytes(40, 30, 1));
        test::writeFile(in.path(), QStringLiteral("Annotations/a.xml"),
                        test::vocXml(QStringLiteral("a.png"),
                                     test::vocObject(QStringLiteral("a"), 2, 2, 20, 20) +
                                         test::vocObject(QStringLiteral("a"), 100, 100, 120, 120) +
                                         test::vocObject(QStringLiteral("a"), 30, 20, 60, 40),
                                     40, 30));
        QSignalSpy message(&page, &DatasetPage::message);
        page.importFolder(in.path());
        const QString text = message.last().at(0).toString();
        QVERIFY2(text.contains(QLatin1String("Boxes: 1 skipped, 1 clipped")), qPrintable(text));
    }

    // Issue 17.9: Del deletes the selected box and selects nothing in its place (a second Del deleted a
    // box never picked); the class list shows the selected box's class.
    void deleteSelectsNothingAndTheListShowsTheBoxClass()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 a = tp->project->addClass(QStringLiteral("a")), b = tp->project->addClass(QStringLiteral("b"));
        test::addPlainExamples(*tp->project, 1);
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        page.show();
        page.annotate(0);
        AnnotationDocument *doc = page.annotator()->document();
        for (qint64 cls : {a, b, a}) {
            Box box;
            box.classId = cls;
            box.x1 = 1;
            box.y1 = 1;
            box.x2 = 9;
            box.y2 = 9;
            doc->addBox(box);
        }
        auto *canvas = page.annotator()->findChild<AnnotationCanvas *>();
        auto *list = page.annotator()->findChild<QListWidget *>();
        QVERIFY(canvas && list);
        canvas->setSelected(1);
        QVERIFY(list->currentItem()->text().endsWith(QLatin1String("b")));
        canvas->setSelected(0);
        QVERIFY(list->currentItem()->text().endsWith(QLatin1String("a")));
        canvas->setSelected(1);
        QTest::keyClick(canvas, Qt::Key_Delete);
        QCOMPARE(doc->boxes().size(), size_t(2));
        QCOMPARE(canvas->selected(), -1);
        QTest::keyClick(canvas, Qt::Key_Delete);
        QCOMPARE(doc->boxes().size(), size_t(2)); // nothing selected: nothing deleted
    }

    // Issue 17.8: the annotator's toolbar keeps its width whatever the undo step is called, and Copy
    // previous adds the previous image's boxes (it replaced 19 boxes by 17 without asking).
    void copyPreviousAddsAndTheToolbarKeepsItsWidth()
    {
        auto tp = test::makeProject(DatasetKind::ObjectDetection);
        const qint64 a = tp->project->addClass(QStringLiteral("a"));
        const auto ids = test::addPlainExamples(*tp->project, 2);
        auto box = [&](float x) {
            Box b;
            b.classId = a;
            b.x1 = x;
            b.y1 = 1;
            b.x2 = x + 8;
            b.y2 = 9;
            return b;
        };
        tp->project->setBoxes(ids[0], {box(1), box(20)});
        tp->project->setBoxes(ids[1], {box(40)});
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        page.show();
        page.annotate(1);
        AnnotationDocument *doc = page.annotator()->document();
        QCOMPARE(doc->boxes().size(), size_t(1));
        auto *bar = page.annotator()->findChild<QToolBar *>();
        QVERIFY(bar);
        const int width = bar->sizeHint().width();
        auto *canvas = page.annotator()->findChild<AnnotationCanvas *>();
        QTest::keyClick(canvas, Qt::Key_C);
        QCOMPARE(doc->boxes().size(), size_t(3));
        QTest::keyClick(canvas, Qt::Key_C); // again: nothing doubled
        QCOMPARE(doc->boxes().size(), size_t(3));
        QCOMPARE(bar->sizeHint().width(), width);
        doc->setBoxClass(0, a);
        Box moved = doc->boxes()[0];
        moved.x2 += 3;
        doc->setBox(0, moved);
        QCOMPARE(bar->sizeHint().width(), width);
    }

    // Issue 17.17 (part): an empty project's grid says how to fill it; the hint goes with the first import.
    void anEmptyGridSaysWhatToDo()
    {
        auto tp = test::makeProject(DatasetKind::Classification);
        DatasetPage page;
        page.setInteractive(false);
        page.setProject(tp->project.get());
        page.show();
        auto *hint = page.findChild<QLabel *>(QStringLiteral("emptyHint"));
        QVERIFY(hint && hint->isVisible());
        QVERIFY(hint->text().contains(QLatin1String("Import")));
        QTemporaryDir in;
        test::writeFile(in.path(), QStringLiteral("a.png"), test::imageBytes(40, 30, 1));
        page.importFiles({in.filePath(QStringLiteral("a.png"))});
        QVERIFY(!hint->isVisible());
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
