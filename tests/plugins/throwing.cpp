// A test plugin that registers one generator, then throws: reported, and the generator taken back.
#include "plugins/plugin.h"
#include "synth/generator.h"

#include <QObject>
#include <stdexcept>

class ThrowingPlugin : public QObject, public visor::Plugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VISOR_PLUGIN_IID)
    Q_INTERFACES(visor::Plugin)
public:
    void registerEntries() override
    {
        visor::synth::GeneratorInfo g;
        g.key = QStringLiteral("test_half");
        g.kinds = {visor::DatasetKind::Classification};
        visor::synth::generatorRegistry().add(g);
        throw std::runtime_error("its licence file is missing");
    }
};

#include "throwing.moc"
