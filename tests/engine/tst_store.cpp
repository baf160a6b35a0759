#include "project/project.h"
#include "project/sql.h"
#include "testutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>
#include <iostream>
#include <thread>

using namespace visor;

namespace {

// Child mode for the crash test: commit one class, then open a transaction that adds many
// examples, announce it, and wait to be killed before committing.
int crashChild(const QString &dir)
{
    auto project = Project::open(dir);
    project->addClass(QStringLiteral("committed"));
    Transaction t(project->database());
    project->addClass(QStringLiteral("uncommitted"));
    test::addPlainExamples(*project, 500);
    std::cout << "READY" << std::endl;
    std::this_thread::sleep_for(std::chrono::seconds(60));
    t.commit();
    return 0;
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createAndReopen()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        {
            auto p = Project::create(dir, QStringLiteral("Boards"), DatasetKind::ObjectDetection);
            QCOMPARE(p->name(), QStringLiteral("Boards"));
            p->setDescription(QStringLiteral("desc"));
            p->setParameter(QStringLiteral("train.epochs"), 12);
            const qint64 c = p->addClass(QStringLiteral("esp"));
            const auto ids = test::addPlainExamples(*p, 3, 64, 48, 0, {Box{0, c, 1, 2, 30, 40}});
            QCOMPARE(ids.size(), size_t(3));
            QVERIFY(QFileInfo::exists(dir + QStringLiteral("/project.visor")));
            QVERIFY(QFileInfo(dir + QStringLiteral("/images")).isDir());
        }
        QVERIFY_THROWS_EXCEPTION(Error, Project::create(dir, QStringLiteral("again"), DatasetKind::Classification));
        auto p = Project::open(dir);
        QCOMPARE(p->kind(), DatasetKind::ObjectDetection);
        QCOMPARE(p->description(), QStringLiteral("desc"));
        QCOMPARE(p->parameters().toInt(QStringLiteral("train.epochs")), 12);
        QCOMPARE(p->exampleCount(), qint64(3));
        const auto ex = p->examples();
        QCOMPARE(p->boxes(ex[0].id).size(), size_t(1));
        QCOMPARE(p->boxes(ex[0].id)[0].x2, 30.f);
        QVERIFY(ex[0].labelled);
        // WAL journal and foreign keys are on.
        QSqlQuery q(p->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY_THROWS_EXCEPTION(Error, Project::open(tmp.path() + QStringLiteral("/none")));
    }

    void parametersRejectedNotClamped()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        try {
            t->project->setParameter(QStringLiteral("train.val_fraction"), 0.95);
            QFAIL("out of range accepted");
        } catch (const Error &e) {
            QVERIFY(e.message().contains(QStringLiteral("train.val_fraction")));
        }
        QCOMPARE(t->project->parameters().toDouble(QStringLiteral("train.val_fraction")), 0.1);
    }

    void classes()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        Project &p = *t->project;
        const qint64 a = p.addClass(QStringLiteral("a"));
        const qint64 b = p.addClass(QStringLiteral("b"));
        const qint64 c = p.addClass(QStringLiteral("c"));
        QVERIFY_THROWS_EXCEPTION(Error, p.addClass(QStringLiteral("a")));
        p.renameClass(a, QStringLiteral("alpha"));
        QCOMPARE(p.classByName(QStringLiteral("alpha"))->id, a); // renaming keeps the id
        QVERIFY_THROWS_EXCEPTION(Error, p.renameClass(b, QStringLiteral("alpha")));
        p.moveClass(c, 0);
        QCOMPARE(p.classes()[0].id, c);
        QCOMPARE(p.classes()[1].id, a);
        p.setClassColor(b, QStringLiteral("#123456"));
        QCOMPARE(p.classByName(QStringLiteral("b"))->color, QStringLiteral("#123456"));
        test::addPlainExamples(p, 2, 64, 48, 0, {Box{0, b, 0, 0, 10, 10}});
        QCOMPARE(p.classUsage(b), qint64(2));
        QVERIFY_THROWS_EXCEPTION(Error, p.deleteClass(b, false)); // refused: annotations use it
        QCOMPARE(p.allBoxes().size(), size_t(2));
        p.deleteClass(b, true); // cascade
        QVERIFY(p.allBoxes().empty());
        QVERIFY(!p.classByName(QStringLiteral("b")));
        p.deleteClass(c, false); // unused: fine
        QCOMPARE(p.classes().size(), size_t(1));
    }

    void annotations()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        Project &p = *t->project;
        const qint64 c = p.addClass(QStringLiteral("x"));
        const qint64 id = test::addPlainExamples(p, 1)[0];
        QVERIFY(!p.example(id)->labelled);
        const qint64 box = p.addBox(id, Box{0, c, 1, 1, 5, 5});
        QVERIFY(p.example(id)->labelled);
        Box moved = p.boxes(id)[0];
        moved.x2 = 9.5f;
        p.updateBox(moved);
        QCOMPARE(p.boxes(id)[0].x2, 9.5f);
        p.removeBox(box);
        QVERIFY(p.boxes(id).empty());
        QVERIFY(p.example(id)->labelled); // annotated, no objects: a negative example
        p.setLabelled(id, false);
        QVERIFY(!p.example(id)->labelled);
        QVERIFY_THROWS_EXCEPTION(Error, p.addBox(id, Box{0, 999, 0, 0, 1, 1}));

        auto tc = test::makeProject(DatasetKind::Classification);
        const qint64 cat = tc->project->addClass(QStringLiteral("cat"));
        const qint64 e = test::addPlainExamples(*tc->project, 1)[0];
        tc->project->setLabel(e, cat);
        QCOMPARE(tc->project->example(e)->classId, cat);
        QVERIFY(tc->project->example(e)->labelled);
        tc->project->setLabel(e, 0);
        QVERIFY(!tc->project->example(e)->labelled);
    }

    void duplicatesNotStoredTwice()
    {
        auto t = test::makeProject(DatasetKind::Classification);
        Project &p = *t->project;
        const QByteArray bytes = test::imageBytes(32, 32, 1);
        const QString h1 = p.storeImage(bytes, QStringLiteral("png"));
        const QString h2 = p.storeImage(bytes, QStringLiteral("png"));
        QCOMPARE(h1, h2);
        NewExample ne;
        ne.meta.hash = h1;
        ne.meta.suffix = QStringLiteral("png");
        ne.meta.fileName = QStringLiteral("a.png");
        ne.meta.width = ne.meta.height = 32;
        const AddResult first = p.addExamples({ne, ne});
        QCOMPARE(first.added.size(), size_t(1));
        QCOMPARE(first.duplicates.size(), size_t(1));
        const AddResult second = p.addExamples({ne});
        QCOMPARE(second.added.size(), size_t(0));
        QCOMPARE(p.exampleCount(), qint64(1));
        QCOMPARE(QDir(p.imagesDir()).entryList(QDir::Files).size(), 1);
    }

    void nestedTransactionRollsBackWhole()
    {
        auto t = test::makeProject(DatasetKind::ObjectDetection);
        Project &p = *t->project;
        try {
            Transaction outer(p.database());
            p.addClass(QStringLiteral("inner")); // its own (nested) transaction commits a savepoint
            throw Error(QStringLiteral("boom"));
        } catch (const Error &) {
        }
        QVERIFY(p.classes().empty());
        p.addClass(QStringLiteral("after")); // the connection is usable again
        QCOMPARE(p.classes().size(), size_t(1));
    }

    // A database at schema version 1 (the first release) opens, migrates, and keeps its data.
    void migrationFromFirstVersion()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(dir + QStringLiteral("/project.visor"));
            QVERIFY(db.open());
            sql::migrate(db, 1);
            QCOMPARE(sql::schemaVersion(db), 1);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO project VALUES (1, 'old', '', 'detection', '2025-01-01T00:00:00.000Z', 7)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO params VALUES ('train.epochs', '[9]')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO classes VALUES (1, 'cls', '#ffffff', 0)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO examples (id, hash, suffix, file_name, width, height, added, split, labelled) "
                "VALUES (1, 'abc', 'png', 'a.png', 10, 10, '2025-01-01T00:00:00.000Z', 0, 1)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO boxes VALUES (1, 1, 1, 0, 0, 5, 5)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        // A reader first (visor-cli runs after an upgrade of Visor): the project is upgraded, then read.
        // (Before, every read-only command refused an older project until something wrote to it.)
        QCOMPARE(Project::open(dir, Project::OpenMode::ReadOnly)->name(), QStringLiteral("old"));
        auto p = Project::open(dir);
        QCOMPARE(sql::schemaVersion(p->database()), Project::kSchemaVersion);
        QCOMPARE(p->name(), QStringLiteral("old"));
        QCOMPARE(p->splitSeed(), quint64(7));
        QCOMPARE(p->parameters().toInt(QStringLiteral("train.epochs")), 9);
        QCOMPARE(p->parameters().toInt(QStringLiteral("train.batch_size")), 10); // absent in v1 file: default
        QCOMPARE(p->examples().size(), size_t(1));
        QCOMPARE(p->examples()[0].perceptualHash, quint64(0));
        QCOMPARE(p->boxes(1).size(), size_t(1));
        QSqlQuery q(p->database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM runs")) && q.next()); // v3 tables exist
    }

    void newerSchemaRefused()
    {
        QTemporaryDir tmp;
        {
            auto p = Project::create(tmp.path(), QStringLiteral("x"), DatasetKind::Classification);
            QSqlQuery q(p->database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        try {
            Project::open(tmp.path());
            QFAIL("opened a newer schema");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(QStringLiteral("newer")), qPrintable(e.message()));
        }
    }

    // A child process killed (SIGKILL) inside a transaction leaves the last committed state.
    void killedMidTransaction()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        Project::create(dir, QStringLiteral("crash"), DatasetKind::ObjectDetection).reset();
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-child"), dir});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT((child.waitForReadyRead(100), child.peek(16).contains("READY")), 60000);
        child.kill();
        QVERIFY(child.waitForFinished());
        auto p = Project::open(dir);
        QVERIFY(p->classByName(QStringLiteral("committed")));
        QVERIFY(!p->classByName(QStringLiteral("uncommitted")));
        QCOMPARE(p->exampleCount(), qint64(0));
        p->addClass(QStringLiteral("usable"));
        QCOMPARE(p->classes().size(), size_t(2));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--crash-child") == 0) {
        QCoreApplication app(argc, argv);
        return crashChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestStore t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_store.moc"
