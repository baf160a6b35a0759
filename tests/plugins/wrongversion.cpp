// A test plugin built for another interface version: refused before any of its code runs.
#include "plugins/plugin.h"

#include <QObject>
#include <cstdlib>

class WrongVersionPlugin : public QObject, public visor::Plugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.visor.Plugin/999")
    Q_INTERFACES(visor::Plugin)
public:
    void registerEntries() override { std::abort(); } // never called
};

#include "wrongversion.moc"
