#pragma once
/// Finding and loading plugins (plugins/plugin.h) into the engine's registries, once per process,
/// before anything reads the registries (the programs' main() calls loadPlugins() first thing).

#include <QStringList>
#include <vector>

namespace visor {

struct PluginRecord {
    QString file;              // absolute path
    QString name, description; // from the plugin's metadata (the file name when it has none)
    bool loaded = false;       // loaded and registered
    QString problem;           // why it was refused or skipped, one sentence naming the file
    QStringList registered;    // what it added: "backbone tinyres", "generator stripes", ...
};

/// Where plugins are looked for, in order: each folder of $VISOR_PLUGIN_PATH (colon-separated),
/// ~/.local/share/visor/plugins ($XDG_DATA_HOME/visor/plugins), /usr/lib/visor/plugins (beside the
/// installed engine; the build tree's lib/visor/plugins when run from there).
QStringList pluginSearchPath();

/// Loads every *.so of `folders` (pluginSearchPath() when empty) once: a file loaded before is not
/// loaded again. A plugin of another interface version, one that cannot be loaded (a missing symbol),
/// one whose object is not a visor::Plugin and one that throws while registering are reported in
/// their record and skipped; what a throwing plugin had registered is removed. Returns the records
/// of this call. Never throws.
std::vector<PluginRecord> loadPlugins(const QStringList &folders = {});

/// Every plugin seen so far in this process, loaded or refused, in the order seen.
std::vector<PluginRecord> pluginRecords();

/// The records as text for a person (visor-cli plugins, Help > Plugins): one paragraph per plugin.
QString pluginReport(const std::vector<PluginRecord> &records, const QStringList &searchPath);

} // namespace visor
