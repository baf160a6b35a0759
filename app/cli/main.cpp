#include "commands.h"
#include "train/trainer.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    visor::train::configureAllocator();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("visor-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Visor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VISOR_VERSION));
    return visor::cli::run(QCoreApplication::arguments());
}
