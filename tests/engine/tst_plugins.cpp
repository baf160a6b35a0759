// Plugins (issue 13.3): loaded from folders into the engine's registries; refused with a message
// naming the file when built for another interface, when a symbol is missing, or when they throw
// while registering (what they added is taken back); `visor-cli plugins` reports the same, and a
// plugin's generator and backbone work end to end (generate, train one epoch).
#include "testutil.h"

#include "nn/components.h"
#include "nn/modules_p.h"
#include "plugins/pluginloader.h"
#include "project/parameters.h"
#include "synth/generator.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <torch/torch.h>

using namespace visor;

namespace {

QString pluginDir(const char *name)
{
    return QStringLiteral(VISOR_TEST_PLUGINS "/") + QLatin1String(name);
}

using Result = test::CliResult;

// visor-cli with only these plugin folders (no user's plugins).
Result cli(const QStringList &args, const QString &pluginPath)
{
    return test::runCli(
        args, {{QStringLiteral("VISOR_PLUGIN_PATH"), pluginPath},
               {QStringLiteral("XDG_DATA_HOME"), QDir::tempPath() + QStringLiteral("/visor-no-user-plugins")}});
}

} // namespace

class TestPlugins : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // First, before anything reads the parameter contract: the plugin's backbone becomes a choice.
    void aGoodPluginRegistersItsParts()
    {
        const auto records = loadPlugins({pluginDir("goodplugin")});
        QCOMPARE(records.size(), size_t(1));
        const PluginRecord &r = records.front();
        QVERIFY2(r.loaded, qPrintable(r.problem));
        QCOMPARE(r.name, QStringLiteral("Test stripes"));
        QCOMPARE(r.registered, (QStringList{QStringLiteral("backbone test_tiny"), QStringLiteral("network test_net"),
                                            QStringLiteral("generator test_stripes")}));
        QVERIFY(backboneRegistry().find(QStringLiteral("test_tiny")));
        QVERIFY(synth::generatorRegistry().find(QStringLiteral("test_stripes")));
        QVERIFY(ParameterRegistry::instance()
                    .find(QStringLiteral("detector.backbone"))
                    ->choices.contains(QStringLiteral("test_tiny")));
        // The network's own parameter joins the contract's, with its bounds; the component is a choice.
        const ParamSpec *depth = ParameterRegistry::instance().find(QStringLiteral("detector.test_net_depth"));
        QVERIFY(depth);
        QCOMPARE(depth->max, 4.0);
        QVERIFY(ParameterRegistry::instance()
                    .find(QStringLiteral("detector.component"))
                    ->choices.contains(QStringLiteral("test_net")));
        ParameterSet p;
        p.set(QStringLiteral("detector.component"), QStringLiteral("test_net"));
        p.set(QStringLiteral("detector.test_net_depth"), 3);
        QCOMPARE(nn::buildDetector(p, 2)->spec().width, 24);
        QVERIFY_THROWS_EXCEPTION(Error, p.set(QStringLiteral("detector.test_net_depth"), 9));
        // Loaded once: the same folder again adds nothing.
        QVERIFY(loadPlugins({pluginDir("goodplugin")}).empty());
        QCOMPARE(pluginRecords().size(), size_t(1));
    }

    void aPluginBackboneBuildsAndLists()
    {
        ParameterSet p;
        p.set(QStringLiteral("detector.backbone"), QStringLiteral("test_tiny"));
        p.set(QStringLiteral("detector.width"), 8);
        auto det = nn::buildDetector(p, 2);
        det->setTraining(false);
        torch::NoGradGuard noGrad;
        const at::Tensor x = torch::randn({1, det->spec().channels, 64, 96}) * 50;
        const auto out = det->forward(x);
        const auto listed = nn::runLayers(det->layers(), x);
        QVERIFY((listed[0] - out.logits).abs().max().item<double>() < 1e-4);
        QVERIFY((listed[1] - out.deltas).abs().max().item<double>() < 1e-4);
        // The backbone's own parameter reaches it: twice the width, more weights.
        auto count = [](nn::Detector &d) {
            int64_t n = 0;
            for (const at::Tensor &t : d.parameters())
                n += t.numel();
            return n;
        };
        QVERIFY(ParameterRegistry::instance().find(QStringLiteral("detector.test_tiny_width")));
        p.set(QStringLiteral("detector.test_tiny_width"), 16);
        QVERIFY(count(*nn::buildDetector(p, 2)) > count(*det));
    }

    void anotherInterfaceVersionIsRefused()
    {
        const auto records = loadPlugins({pluginDir("wrongversion")});
        QCOMPARE(records.size(), size_t(1));
        const PluginRecord &r = records.front();
        QVERIFY(!r.loaded);
        QVERIFY2(r.problem.contains(QLatin1String("wrongversion.so")) && r.problem.contains(QLatin1String("999")) &&
                     r.problem.contains(QLatin1String("interface 1")),
                 qPrintable(r.problem));
    }

    void aThrowingPluginIsSkippedAndTakenBack()
    {
        const size_t generators = synth::generatorRegistry().size();
        const auto records = loadPlugins({pluginDir("throwing")});
        QCOMPARE(records.size(), size_t(1));
        const PluginRecord &r = records.front();
        QVERIFY(!r.loaded);
        QVERIFY2(r.problem.contains(QLatin1String("throwing.so")) &&
                     r.problem.contains(QLatin1String("its licence file is missing")) &&
                     r.problem.contains(QLatin1String("generator test_half")),
                 qPrintable(r.problem));
        QVERIFY(!synth::generatorRegistry().find(QStringLiteral("test_half")));
        QCOMPARE(synth::generatorRegistry().size(), generators);
    }

    void aMissingSymbolIsRefusedWhenLoaded()
    {
        const auto records = loadPlugins({pluginDir("missingsymbol")});
        QCOMPARE(records.size(), size_t(1));
        QVERIFY(!records.front().loaded);
        QVERIFY2(records.front().problem.contains(QLatin1String("missingsymbol.so")) &&
                     records.front().problem.contains(QLatin1String("visorSymbolNobodyDefines")),
                 qPrintable(records.front().problem));
    }

    void aFileThatIsNoPluginIsReported()
    {
        QTemporaryDir dir;
        QFile junk(dir.filePath(QStringLiteral("junk.so")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not an ELF file");
        junk.close();
        const auto records = loadPlugins({dir.path()});
        QCOMPARE(records.size(), size_t(1));
        QVERIFY(!records.front().loaded);
        QVERIFY2(records.front().problem.contains(QLatin1String("junk.so")) &&
                     records.front().problem.contains(QLatin1String("not a Visor plugin")),
                 qPrintable(records.front().problem));
        const QString report = pluginReport(pluginRecords(), {dir.path()});
        QVERIFY(report.contains(
            QLatin1String("loaded; registered: backbone test_tiny, network test_net, generator test_stripes")));
        QVERIFY(report.contains(QLatin1String("refused: ")));
    }

    void theSearchPathHasTheDocumentedFolders()
    {
        qputenv("VISOR_PLUGIN_PATH", "/opt/a:/opt/b");
        qputenv("XDG_DATA_HOME", "/home/someone/.local/share");
        const QStringList path = pluginSearchPath();
        qunsetenv("VISOR_PLUGIN_PATH");
        qunsetenv("XDG_DATA_HOME");
        QCOMPARE(path.mid(0, 3), (QStringList{QStringLiteral("/opt/a"), QStringLiteral("/opt/b"),
                                              QStringLiteral("/home/someone/.local/share/visor/plugins")}));
        QVERIFY(path.contains(QStringLiteral("/usr/lib/visor/plugins")));
    }

    // The command line, in a process of its own: the report, the plugin's generator and a short run
    // on the plugin's backbone.
    void theCommandLineUsesPlugins()
    {
        const QString path = pluginDir("goodplugin") + QLatin1Char(':') + pluginDir("wrongversion");
        Result r = cli({QStringLiteral("plugins")}, path);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("Test stripes")) &&
                     r.out.contains(
                         QLatin1String("registered: backbone test_tiny, network test_net, generator test_stripes")) &&
                     r.out.contains(QLatin1String("refused: ")) && r.out.contains(QLatin1String("999")),
                 qPrintable(r.out));
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("stripes"));
        r = cli({QStringLiteral("synth"), project, QStringLiteral("--generator"), QStringLiteral("test_stripes"),
                 QStringLiteral("--count"), QStringLiteral("24"), QStringLiteral("--kind"),
                 QStringLiteral("detection")},
                path);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        for (const auto &[key, value] :
             std::vector<std::pair<const char *, const char *>>{{"detector.backbone", "test_tiny"},
                                                                {"detector.width", "8"},
                                                                {"train.epochs", "1"},
                                                                {"train.steps_per_epoch", "50"},
                                                                {"train.batch_size", "2"},
                                                                {"input.min_side", "64"},
                                                                {"input.max_side", "64"}}) {
            r = cli(
                {QStringLiteral("params"), project, QStringLiteral("set"), QLatin1String(key), QLatin1String(value)},
                path);
            QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        }
        r = cli({QStringLiteral("params"), project, QStringLiteral("list")}, path);
        QVERIFY2(r.out.contains(QLatin1String("detector.test_net_depth")), qPrintable(r.out));
        r = cli({QStringLiteral("train"), project}, path);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        r = cli({QStringLiteral("runs"), project}, path);
        QVERIFY2(r.out.contains(QLatin1String("finished")), qPrintable(r.out));
        // Without the plugin the same project's backbone is refused by name, not a crash.
        r = cli({QStringLiteral("train"), project}, QStringLiteral("/nonexistent"));
        QVERIFY(r.code != 0);
        QVERIFY2((r.out + r.err).contains(QLatin1String("test_tiny")), qPrintable(r.out + r.err));
    }
};

QTEST_GUILESS_MAIN(TestPlugins)
#include "tst_plugins.moc"
