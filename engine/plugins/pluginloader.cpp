#include "pluginloader.h"

#include "formats/formats.h"
#include "nn/components.h"
#include "plugin.h"
#include "synth/generator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QPluginLoader>
#include <dlfcn.h>
#include <mutex>

namespace visor {
namespace {

struct Plugins {
    Q_DECLARE_TR_FUNCTIONS(visor::Plugins)
};

std::mutex &recordsMutex()
{
    static std::mutex m;
    return m;
}

std::vector<PluginRecord> &allRecords()
{
    static std::vector<PluginRecord> records;
    return records;
}

/// The sizes of every registry, to tell what a plugin added and to take it back.
struct Snapshot {
    size_t backbones = backboneRegistry().size();
    size_t networks = networkRegistry().size();
    size_t formats = formatRegistry().size();
    size_t generators = synth::generatorRegistry().size();

    template <typename Entry>
    static void added(const Registry<Entry> &registry, size_t before, const QString &kind, QStringList &out)
    {
        const auto all = registry.all();
        for (size_t i = before; i < all.size(); ++i)
            out << kind + QLatin1Char(' ') + all[i]->key;
    }
    QStringList addedSince() const
    {
        QStringList out;
        added(backboneRegistry(), backbones, QStringLiteral("backbone"), out);
        added(networkRegistry(), networks, QStringLiteral("network"), out);
        added(formatRegistry(), formats, QStringLiteral("format"), out);
        added(synth::generatorRegistry(), generators, QStringLiteral("generator"), out);
        return out;
    }
    void restore() const
    {
        backboneRegistry().truncate(backbones);
        networkRegistry().truncate(networks);
        formatRegistry().truncate(formats);
        synth::generatorRegistry().truncate(generators);
    }
};

PluginRecord loadOne(const QString &file)
{
    PluginRecord r;
    r.file = file;
    r.name = QFileInfo(file).completeBaseName();
    QPluginLoader loader(file);
    // Every symbol resolved now: a plugin needing one this engine lacks is refused here, not a crash later.
    loader.setLoadHints(QLibrary::ResolveAllSymbolsHint);
    const QJsonObject meta = loader.metaData();
    const QString iid = meta.value(QLatin1String("IID")).toString();
    const QJsonObject own = meta.value(QLatin1String("MetaData")).toObject();
    if (!own.value(QLatin1String("name")).toString().isEmpty())
        r.name = own.value(QLatin1String("name")).toString();
    r.description = own.value(QLatin1String("description")).toString();
    if (meta.isEmpty()) {
        // No metadata: not a Qt plugin, or one Qt cannot read (QPluginLoader says which).
        r.problem = Plugins::tr("%1 is not a Visor plugin: %2").arg(file, loader.errorString());
        return r;
    }
    if (!iid.startsWith(QLatin1String(VISOR_PLUGIN_IID_PREFIX))) {
        r.problem = Plugins::tr("%1 is not a Visor plugin (its interface is '%2')").arg(file, iid);
        return r;
    }
    bool numeric = false;
    const int version = iid.mid(int(qstrlen(VISOR_PLUGIN_IID_PREFIX))).toInt(&numeric);
    if (!numeric || version != kPluginInterfaceVersion) {
        r.problem =
            Plugins::tr("%1 was built for Visor plugin interface %2; this Visor has interface %3: rebuild it against "
                        "this version's visor-dev")
                .arg(file, iid.mid(int(qstrlen(VISOR_PLUGIN_IID_PREFIX))))
                .arg(kPluginInterfaceVersion);
        return r;
    }
    if (!loader.load()) {
        r.problem = Plugins::tr("%1 cannot be loaded: %2").arg(file, loader.errorString());
        return r;
    }
    auto *plugin = qobject_cast<Plugin *>(loader.instance());
    if (!plugin) {
        r.problem =
            Plugins::tr("%1 declares the Visor plugin interface, but its object does not implement it").arg(file);
        loader.unload();
        return r;
    }
    const Snapshot before;
    QString failure;
    try {
        plugin->registerEntries();
    } catch (const Error &e) {
        failure = e.message();
    } catch (const std::exception &e) {
        failure = QString::fromLocal8Bit(e.what());
    } catch (...) {
        failure = Plugins::tr("an unknown exception");
    }
    if (!failure.isEmpty()) {
        const QStringList added = before.addedSince();
        before.restore();
        r.problem = Plugins::tr("%1 failed while registering its parts and was skipped: %2").arg(file, failure);
        if (!added.isEmpty())
            r.problem += QLatin1Char(' ') + Plugins::tr("(taken back: %1)").arg(added.join(QStringLiteral(", ")));
        // The library stays loaded: its code may still be referenced by what Qt holds of its object.
        return r;
    }
    r.registered = before.addedSince();
    r.loaded = true;
    return r;
}

} // namespace

QStringList pluginSearchPath()
{
    QStringList out;
    for (const QString &dir : qEnvironmentVariable("VISOR_PLUGIN_PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
        out << QDir(dir).absolutePath();
    const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + QStringLiteral("/.local/share"));
    out << dataHome + QStringLiteral("/visor/plugins");
    // Beside the engine library itself: /usr/lib/visor/plugins when installed, build/lib/visor/plugins
    // in a build tree (dladdr finds the library that holds this function).
    Dl_info info{};
    if (dladdr(reinterpret_cast<void *>(&pluginSearchPath), &info) && info.dli_fname) {
        QString libDir = QFileInfo(QString::fromLocal8Bit(info.dli_fname)).absolutePath();
        if (!libDir.endsWith(QLatin1String("/visor")))
            libDir += QStringLiteral("/visor");
        out << libDir + QStringLiteral("/plugins");
    }
    if (!out.contains(QStringLiteral("/usr/lib/visor/plugins")))
        out << QStringLiteral("/usr/lib/visor/plugins");
    out.removeDuplicates();
    return out;
}

std::vector<PluginRecord> loadPlugins(const QStringList &folders)
{
    std::vector<PluginRecord> out;
    for (const QString &folder : folders.isEmpty() ? pluginSearchPath() : folders) {
        const QDir dir(folder);
        if (!dir.exists())
            continue;
        for (const QFileInfo &f : dir.entryInfoList({QStringLiteral("*.so")}, QDir::Files, QDir::Name)) {
            const QString file = f.canonicalFilePath();
            {
                std::lock_guard<std::mutex> lock(recordsMutex());
                bool seen = false;
                for (const PluginRecord &r : allRecords())
                    seen = seen || r.file == file;
                if (seen)
                    continue;
            }
            PluginRecord r;
            try {
                r = loadOne(file);
            } catch (...) { // QPluginLoader does not throw; this keeps "never throws" true whatever happens
                r.file = file;
                r.problem = Plugins::tr("%1 could not be loaded").arg(file);
            }
            std::lock_guard<std::mutex> lock(recordsMutex());
            allRecords().push_back(r);
            out.push_back(r);
        }
    }
    return out;
}

std::vector<PluginRecord> pluginRecords()
{
    std::lock_guard<std::mutex> lock(recordsMutex());
    return allRecords();
}

QString pluginReport(const std::vector<PluginRecord> &records, const QStringList &searchPath)
{
    QString out = Plugins::tr("Plugin folders, in the order searched:") + QLatin1Char('\n');
    for (const QString &dir : searchPath)
        out += QStringLiteral("  ") + dir +
               (QDir(dir).exists() ? QString() : QLatin1Char(' ') + Plugins::tr("(absent)")) + QLatin1Char('\n');
    if (records.empty())
        return out + Plugins::tr("No plugins found.") + QLatin1Char('\n');
    for (const PluginRecord &r : records) {
        out += QLatin1Char('\n') + r.name + QStringLiteral(" (") + r.file + QStringLiteral(")\n");
        if (!r.description.isEmpty())
            out += QStringLiteral("  ") + r.description + QLatin1Char('\n');
        if (r.loaded)
            out += QStringLiteral("  ") +
                   Plugins::tr("loaded; registered: %1")
                       .arg(r.registered.isEmpty() ? Plugins::tr("nothing") : r.registered.join(QStringLiteral(", "))) +
                   QLatin1Char('\n');
        else
            out += QStringLiteral("  ") + Plugins::tr("refused: %1").arg(r.problem) + QLatin1Char('\n');
    }
    return out;
}

} // namespace visor
