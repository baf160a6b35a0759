#include "demo.h"
#include "shapes.h"

#include <QDir>
#include <QJsonArray>
#include <QStandardPaths>

namespace visor::synth {

QString demoDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("visor/demo"));
}

std::unique_ptr<Project> openOrCreateDemo(const QString &dir, bool *created)
{
    if (created)
        *created = !Project::exists(dir);
    if (Project::exists(dir))
        return Project::open(dir);
    auto project = Project::create(dir, QStringLiteral("Shapes demo"), DatasetKind::ObjectDetection);
    project->setDescription(QStringLiteral("Generated circles, squares, triangles and stars with exact boxes."));
    project->setSplitSeed(2026);
    // The network sees the shapes at their native 160x120 resolution, in colour, with anchors and
    // pyramid levels sized for objects of 14 to 48 pixels.
    ParameterSet params = project->parameters();
    params.set(QStringLiteral("input.min_side"), 120);
    params.set(QStringLiteral("input.max_side"), 160);
    params.set(QStringLiteral("input.channels"), 3);
    params.set(QStringLiteral("detector.width"), 32);
    params.set(QStringLiteral("anchors.sizes"), QJsonArray{16, 32, 64});
    params.set(QStringLiteral("anchors.strides"), QJsonArray{8, 16, 32});
    params.set(QStringLiteral("train.epochs"), 60);
    params.set(QStringLiteral("train.batch_size"), 8);
    params.set(QStringLiteral("early_stopping.patience"), 8);
    params.set(QStringLiteral("reduce_lr.patience"), 3);
    params.set(QStringLiteral("checkpoint.monitor"), QStringLiteral("val_map"));
    params.set(QStringLiteral("checkpoint.mode"), QStringLiteral("max"));
    project->setParameters(params);
    ShapesOptions o;
    o.count = 300;
    o.seed = 2026;
    addShapes(*project, o);
    return project;
}

} // namespace visor::synth
