#include "synthcommand.h"
#include "console.h"

#include "project/project.h"
#include "synth/generator.h"

#include <QDir>
#include <optional>

namespace visor::cli {

QString synthDescription()
{
    QStringList generators;
    for (const synth::GeneratorInfo *g : synth::generatorRegistry().all())
        generators << QStringLiteral("%1 (%2)").arg(g->key, g->description.text());
    return QStringLiteral("add generated examples to the project in DIR (created if missing); generators: %1")
        .arg(generators.join(QStringLiteral("; ")));
}

void synthOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("generator"),
                 QStringLiteral("generator: %1").arg(synth::generatorRegistry().keys().join(QStringLiteral(", "))),
                 QStringLiteral("NAME"), QStringLiteral("shapes")});
    p.addOption({QStringLiteral("count"), QStringLiteral("number of images to generate"), QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("shapes"), QStringLiteral("shorthand for --generator shapes --count N"), QStringLiteral("N")});
    p.addOption({QStringLiteral("kind"), QStringLiteral("detection or classification (creates the project if missing)"),
                 QStringLiteral("kind")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("random seed"), QStringLiteral("S"), QStringLiteral("1")});
    p.addOption({QStringLiteral("size"), QStringLiteral("shapes: image size WxH (shapes.width, shapes.height)"),
                 QStringLiteral("WxH")});
    p.addOption({QStringLiteral("set"),
                 QStringLiteral("a generator parameter, KEY=VALUE (repeatable); --params lists them"),
                 QStringLiteral("KEY=VALUE")});
    p.addOption({QStringLiteral("params"), QStringLiteral("list the generator's parameters and exit")});
}

int synthCommand(QCommandLineParser &p, const QStringList &a)
{
    const bool shorthand = p.isSet(QStringLiteral("shapes"));
    const QString name = shorthand ? QStringLiteral("shapes") : p.value(QStringLiteral("generator"));
    const synth::GeneratorInfo *generator = synth::generatorRegistry().find(name);
    if (!generator)
        return usage(QStringLiteral("synth: unknown generator '%1' (one of: %2)")
                         .arg(name, synth::generatorRegistry().keys().join(QStringLiteral(", "))),
                     &p);
    if (p.isSet(QStringLiteral("params"))) {
        for (const ParamSpec &s : generator->parameters)
            out() << s.key << "\t" << s.rangeText() << "\tdefault " << ParameterRegistry::format(s.defaultValue) << "\t"
                  << s.label << "\n";
        return int(Ok);
    }
    bool ok = false;
    const QString countText = p.value(shorthand ? QStringLiteral("shapes") : QStringLiteral("count"));
    const int count = countText.toInt(&ok);
    if (!ok || count < 1)
        return usage(QStringLiteral("synth: --count N (at least 1) is required"), &p);
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("synth: --seed must be a non-negative integer"), &p);
    std::map<QString, QString> texts;
    if (p.isSet(QStringLiteral("size"))) {
        const QStringList size = p.value(QStringLiteral("size")).split(QLatin1Char('x'));
        if (generator->key != QLatin1String("shapes") || size.size() != 2)
            return usage(QStringLiteral("synth: --size WxH is the shapes generator's image size"), &p);
        texts[QStringLiteral("shapes.width")] = size[0];
        texts[QStringLiteral("shapes.height")] = size[1];
    }
    for (const QString &assignment : p.values(QStringLiteral("set"))) {
        const int eq = int(assignment.indexOf(QLatin1Char('=')));
        if (eq <= 0)
            return usage(QStringLiteral("synth: --set expects KEY=VALUE, got '%1'").arg(assignment), &p);
        texts[assignment.left(eq)] = assignment.mid(eq + 1);
    }
    std::optional<DatasetKind> kind;
    if (p.isSet(QStringLiteral("kind")) && !(kind = parseKind(p.value(QStringLiteral("kind")))))
        return usage(QStringLiteral("synth: --kind must be detection or classification"), &p);
    try {
        const QJsonObject values = synth::generatorValues(*generator, texts); // bad values before any change
        std::unique_ptr<Project> project =
            Project::exists(a[0])
                ? Project::open(a[0])
                : Project::create(a[0], QDir(a[0]).dirName(), kind.value_or(DatasetKind::ObjectDetection));
        if (kind && *kind != project->kind())
            return dataError(
                QStringLiteral("synth: %1 is a %2 project").arg(project->dir(), kindName(project->kind())));
        const auto added = synth::generate(*project, *generator, count, seed, values);
        out() << "Added " << added.size() << " generated example(s) to " << project->dir() << "\n";
    } catch (const Error &e) {
        return dataError(e.message());
    }
    return int(Ok);
}

} // namespace visor::cli
