// visor: the workbench window. Wiring only; the pages live in widgets/.
//
//   visor [PROJECT_DIR | PROJECT_DIR/project.visor] [--demo] [--screenshots DIR] [--exit-when-shown]
//
// --screenshots saves a PNG of every page (after opening the project) and exits: `make screenshots`.
// --exit-when-shown exits 0 once the window is on screen: the package's install test.
// The language is the one chosen in Preferences, else the system's (LANGUAGE, LC_*, LANG).

#include "annotationpage.h"
#include "datasetpage.h"
#include "exportmodeldialog.h"
#include "historypage.h"
#include "language.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "resultsgallery.h"
#include "suggestdialog.h"
#include "theme.h"
#include "train/trainer.h"
#include "trainingpage.h"

#include "generatedialog.h"
#include "plugins/pluginloader.h"
#include "pluginsdialog.h"
#include "project/proposals.h"
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWindow>
#include <cstdio>

int main(int argc, char **argv)
{
    visor::train::configureAllocator();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("visor"));
    QApplication::setOrganizationName(QStringLiteral("Visor"));
    QApplication::setApplicationDisplayName(QStringLiteral("Visor"));
    QApplication::setApplicationVersion(QStringLiteral(VISOR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.visor.Visor"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/visor.png")));

    QString languageError;
    const QString language = visor::resolveLanguage(QSettings().value(visor::languageSettingsKey()).toString());
    if (!visor::installLanguage(app, language, &languageError))
        qWarning("visor: %s", qPrintable(languageError));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Visor: build computer-vision models from your own images."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "a project folder to open"));
    parser.addOption(
        {QStringLiteral("demo"), QApplication::translate("main", "open the demo project (created on first use)")});
    parser.addOption({QStringLiteral("screenshots"),
                      QApplication::translate("main", "save a PNG of every page into DIR and exit"),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("window-size"),
                      QApplication::translate("main", "the window's size, WIDTHxHEIGHT (for screenshots)"),
                      QStringLiteral("WxH")});
    parser.addOption({QStringLiteral("theme"),
                      QApplication::translate("main", "system, light or dark (instead of the one in Preferences)"),
                      QStringLiteral("THEME")});
    parser.addOption({QStringLiteral("exit-when-shown"),
                      QApplication::translate("main", "exit as soon as the window is shown (a start-up check)")});
    parser.process(app);

    visor::applyTheme(app, parser.isSet(QStringLiteral("theme"))
                               ? visor::themeFromKey(parser.value(QStringLiteral("theme")))
                               : visor::savedTheme());
    const std::vector<visor::PluginRecord> plugins = visor::loadPlugins(); // before anything reads the registries
    visor::MainWindow window;
    for (const visor::PluginRecord &r : plugins)
        if (!r.loaded)
            qWarning("visor: %s", qPrintable(r.problem));
    if (parser.isSet(QStringLiteral("window-size"))) {
        const QStringList wh = parser.value(QStringLiteral("window-size")).split(QLatin1Char('x'));
        if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
            window.resize(wh[0].toInt(), wh[1].toInt());
        else
            qWarning("visor: --window-size wants WIDTHxHEIGHT, such as 1000x640");
    }
    window.show();
    bool opened = false;
    if (!parser.positionalArguments().isEmpty())
        opened = window.openProject(parser.positionalArguments().constFirst());
    else if (parser.isSet(QStringLiteral("demo")) ||
             QSettings().value(QStringLiteral("recent")).toStringList().isEmpty())
        opened = window.openDemo(); // the first start opens the demo project; later ones the Welcome page

    if (parser.isSet(QStringLiteral("screenshots"))) {
        const QString dir = parser.value(QStringLiteral("screenshots"));
        QDir().mkpath(dir);
        QTimer::singleShot(500, &window, [&, dir] { // dir by value: it ends with this block
            auto settle = [] {
                for (int i = 0; i < 20; ++i) { // let thumbnails arrive and plots replot
                    QApplication::processEvents(QEventLoop::AllEvents, 50);
                    QThread::msleep(25);
                }
            };
            auto save = [&](const char *name) {
                settle();
                window.grab().save(QDir(dir).filePath(QStringLiteral("%1.png").arg(QLatin1String(name))));
            };
            const char *names[] = {"welcome", "dataset", "augmentation", "training", "history"};
            for (int p = 0; p < visor::MainWindow::PageCount; ++p) {
                window.showPage(visor::MainWindow::Page(p));
                save(names[p]);
                if (p == visor::MainWindow::History && window.project()) { // and the gallery of test images
                    auto *tabs = window.historyPage()->findChild<QTabWidget *>();
                    for (int i = 0; i < 40 && window.historyPage()->gallery()->itemCount() == 0; ++i)
                        settle();
                    if (tabs) {
                        tabs->setCurrentIndex(1);
                        save("results");
                        tabs->setCurrentIndex(0);
                        // The first error opened from the gallery: the annotator with the predictions.
                        visor::ResultsGallery *gallery = window.historyPage()->gallery();
                        const QSet<qint64> errors = gallery->errorIds();
                        const std::vector<qint64> ids = gallery->shownIds();
                        for (size_t i = 0; i < ids.size(); ++i)
                            if (errors.contains(ids[i])) {
                                Q_EMIT gallery->openExamples({ids[i]}, 0);
                                save("annotate_predictions");
                                Q_EMIT window.datasetPage()->annotator()->closed();
                                window.showPage(visor::MainWindow::History);
                                break;
                            }
                    }
                }
                if (p == visor::MainWindow::Dataset && window.project()) { // and the annotator
                    window.datasetPage()->annotate(0);
                    save("annotate");
                    window.datasetPage()->setHealthShown(false); // View ▸ Health panel off: the page is the annotator's
                    save("annotate_full");
                    window.datasetPage()->setHealthShown(true);
                    Q_EMIT window.datasetPage()->annotator()->closed();
                    // An image with a model's proposals (the edge's feedback), when the project has one.
                    const std::set<qint64> proposed = visor::ProposalStore(*window.project()).examplesWithProposals();
                    if (!proposed.empty()) {
                        window.datasetPage()->annotateExample(*proposed.begin());
                        save("annotate_proposals");
                        Q_EMIT window.datasetPage()->annotator()->closed();
                    }
                }
            }
            if (window.project()) { // the advisor's dialog, once its suggestion has arrived
                window.showPage(visor::MainWindow::Training);
                if (visor::SuggestDialog *suggest = window.trainingPage()->openSuggestions()) {
                    for (int i = 0; i < 120 && suggest->isBusy(); ++i)
                        settle();
                    settle();
                    suggest->grab().save(QDir(dir).filePath(QStringLiteral("suggest.png")));
                    suggest->close();
                }
            }
            if (window.project()) { // Results & History > Export model…, with the parity report
                window.showPage(visor::MainWindow::History);
                QTemporaryDir bundles;
                if (visor::ExportModelDialog *exporter = window.historyPage()->openExport()) {
                    exporter->setFolder(QDir(bundles.path()).filePath(QStringLiteral("bundle")));
                    exporter->startExport();
                    for (int i = 0; i < 600 && exporter->isBusy(); ++i)
                        settle();
                    settle();
                    exporter->grab().save(QDir(dir).filePath(QStringLiteral("export.png")));
                    exporter->close();
                }
            }
            {
                std::unique_ptr<QDialog> sheet = window.shortcutsDialog();
                sheet->show();
                settle();
                sheet->grab().save(QDir(dir).filePath(QStringLiteral("shortcuts.png")));
            }
            if (window.project()) { // Data set > Generate…, on the text-line generator, its preview arrived
                visor::GenerateDialog generate(window.project()->kind(), &window);
                generate.selectGenerator(QStringLiteral("ocr"));
                generate.show();
                for (int i = 0; i < 40 && generate.previewCaptions().isEmpty(); ++i)
                    settle();
                settle();
                generate.grab().save(QDir(dir).filePath(QStringLiteral("generate.png")));
            }
            {
                visor::PluginsDialog plugins(visor::pluginRecords(), visor::pluginSearchPath(), &window);
                plugins.show();
                settle();
                plugins.grab().save(QDir(dir).filePath(QStringLiteral("plugins.png")));
            }
            visor::PreferencesDialog preferences(&window);
            preferences.show();
            settle();
            preferences.grab().save(QDir(dir).filePath(QStringLiteral("preferences.png")));
            QApplication::quit();
        });
    }
    if (parser.isSet(QStringLiteral("exit-when-shown"))) {
        // Shown = visible and exposed by the platform (which happens after show(), from the event loop).
        auto *poll = new QTimer(&window);
        QElapsedTimer waited;
        waited.start();
        QObject::connect(poll, &QTimer::timeout, &window, [&window, &language, waited] {
            const bool shown = window.isVisible() && window.windowHandle() && window.windowHandle()->isExposed();
            if (!shown && waited.elapsed() < 30000)
                return;
            std::printf("visor %s: window %s, language %s\n", VISOR_VERSION, shown ? "shown" : "NOT shown",
                        qPrintable(language));
            std::fflush(stdout);
            QApplication::exit(shown ? 0 : 1);
        });
        poll->start(20);
    }
    Q_UNUSED(opened);
    return app.exec();
}
