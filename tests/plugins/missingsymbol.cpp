// A test plugin that needs a symbol no library defines (as one built against a newer engine would):
// refused when loaded, with the symbol's name.
#include "plugins/plugin.h"

#include <QObject>

extern "C" int visorSymbolNobodyDefines;

class MissingSymbolPlugin : public QObject, public visor::Plugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VISOR_PLUGIN_IID)
    Q_INTERFACES(visor::Plugin)
public:
    void registerEntries() override { visorSymbolNobodyDefines = 1; }
};

#include "missingsymbol.moc"
