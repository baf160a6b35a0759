#include "commands.h"
#include "plugins/pluginloader.h"
#include "train/trainer.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    visor::train::configureAllocator();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("visor-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Visor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VISOR_VERSION));
    visor::loadPlugins(); // before anything reads the registries; `visor-cli plugins` reports them
    return visor::cli::run(QCoreApplication::arguments());
}
