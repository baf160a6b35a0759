#pragma once
/// The plugin interface. A Visor plugin is a Qt plugin (a shared library with Q_PLUGIN_METADATA) whose
/// object implements visor::Plugin: Visor finds it in $VISOR_PLUGIN_PATH, ~/.local/share/visor/plugins
/// and /usr/lib/visor/plugins (plugins/pluginloader.h), and the plugin adds its entries to the
/// engine's registries: network components and backbones (nn/components.h), import and export
/// formats (formats/formats.h), synthetic data generators (synth/generator.h).
///
/// Why QPluginLoader rather than dlopen with a C entry point: the interface version is in the
/// plugin's metadata (its IID), which Qt reads from the file without running any of the plugin's code,
/// so a plugin built for another interface is refused before it can misbehave; Qt also refuses a
/// plugin built against an incompatible Qt, and the plugin's object is checked with qobject_cast.
///
///     class MyPlugin : public QObject, public visor::Plugin {
///         Q_OBJECT
///         Q_PLUGIN_METADATA(IID VISOR_PLUGIN_IID FILE "myplugin.json") // {"name": ..., "description": ...}
///         Q_INTERFACES(visor::Plugin)
///     public:
///         void registerEntries() override { visor::generatorRegistry().add(...); }
///     };

#include <QtPlugin>

namespace visor {

/// The version of this interface, also the number at the end of VISOR_PLUGIN_IID. It changes when the
/// interface or the registries' entries change in a way that breaks plugins built before.
constexpr int kPluginInterfaceVersion = 1;

class Plugin {
public:
    virtual ~Plugin() = default;
    /// Adds the plugin's entries to the registries. May throw: Visor then reports the plugin with the
    /// message and removes what it had added, and goes on without it.
    virtual void registerEntries() = 0;
};

} // namespace visor

#define VISOR_PLUGIN_IID_PREFIX "org.visor.Plugin/"
#define VISOR_PLUGIN_IID "org.visor.Plugin/1"
Q_DECLARE_INTERFACE(visor::Plugin, VISOR_PLUGIN_IID)
