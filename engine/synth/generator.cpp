#include "generator.h"
#include "formats/imageinfo.h"
#include "ocr.h"
#include "project/splitter.h"
#include "shapes.h"

#include <QByteArray>
#include <opencv2/imgcodecs.hpp>

namespace visor::synth {

namespace {

ShapesOptions shapesOptions(DatasetKind kind, const QJsonObject &v, quint64 seed)
{
    ShapesOptions o;
    o.kind = kind;
    o.seed = seed;
    o.width = v.value(QStringLiteral("shapes.width")).toInt(o.width);
    o.height = v.value(QStringLiteral("shapes.height")).toInt(o.height);
    o.minShapes = v.value(QStringLiteral("shapes.min_objects")).toInt(o.minShapes);
    o.maxShapes = v.value(QStringLiteral("shapes.max_objects")).toInt(o.maxShapes);
    o.minSize = v.value(QStringLiteral("shapes.min_size")).toInt(o.minSize);
    o.maxSize = v.value(QStringLiteral("shapes.max_size")).toInt(o.maxSize);
    return o;
}

// The other direction of shapesOptions(): addShapes' options as the generator's parameter values.
QJsonObject shapesValues(const ShapesOptions &o)
{
    return {{QStringLiteral("shapes.width"), o.width},           {QStringLiteral("shapes.height"), o.height},
            {QStringLiteral("shapes.min_objects"), o.minShapes}, {QStringLiteral("shapes.max_objects"), o.maxShapes},
            {QStringLiteral("shapes.min_size"), o.minSize},      {QStringLiteral("shapes.max_size"), o.maxSize}};
}

QString shapesCheck(const QJsonObject &v)
{
    const ShapesOptions o = shapesOptions(DatasetKind::ObjectDetection, v, 0);
    if (o.maxShapes < o.minShapes)
        return QCoreApplication::translate("visor::Generator",
                                           "parameter shapes.max_objects (%1) is below shapes.min_objects (%2)")
            .arg(o.maxShapes)
            .arg(o.minShapes);
    if (o.maxSize < o.minSize)
        return QCoreApplication::translate("visor::Generator",
                                           "parameter shapes.max_size (%1) is below shapes.min_size (%2)")
            .arg(o.maxSize)
            .arg(o.minSize);
    return {};
}

QStringList shapesClasses(const QJsonObject &)
{
    return shapeClasses();
}

GeneratedSample renderShapesSample(DatasetKind kind, const QJsonObject &values, quint64 seed, int index)
{
    const ShapeSample s = renderShapes(shapesOptions(kind, values, seed), index);
    GeneratedSample out;
    out.image = s.image;
    out.label = shapeClasses()[s.label];
    for (const auto &[cls, box] : s.boxes)
        out.boxes.emplace_back(shapeClasses()[cls], box);
    return out;
}

std::vector<GeneratorInfo> builtinGenerators()
{
    const ShapesOptions d;
    return {
        {QStringLiteral("shapes"),
         {"visor::Generator",
          QT_TRANSLATE_NOOP("visor::Generator", "circles, squares, triangles and stars on blurred colour backgrounds, "
                                                "with exact boxes")},
         {DatasetKind::ObjectDetection, DatasetKind::Classification},
         {intParam("shapes.width", d.width, 32, 4096, "Image width"),
          intParam("shapes.height", d.height, 32, 4096, "Image height"),
          intParam("shapes.min_objects", d.minShapes, 1, 50, "Fewest shapes per image"),
          intParam("shapes.max_objects", d.maxShapes, 1, 50, "Most shapes per image"),
          intParam("shapes.min_size", d.minSize, 4, 2048, "Smallest shape side (px)"),
          intParam("shapes.max_size", d.maxSize, 4, 2048, "Largest shape side (px)")},
         shapesCheck,
         shapesClasses,
         renderShapesSample},
        ocrGenerator(),
    };
}

} // namespace

Registry<GeneratorInfo> &generatorRegistry()
{
    static Registry<GeneratorInfo> registry({"visor::Registry", QT_TRANSLATE_NOOP("visor::Registry", "generator")},
                                            builtinGenerators);
    return registry;
}

QJsonObject generatorValues(const GeneratorInfo &generator, const std::map<QString, QString> &texts)
{
    QJsonObject values;
    for (const ParamSpec &spec : generator.parameters)
        values.insert(spec.key, spec.defaultValue);
    for (const auto &[key, text] : texts) {
        const auto spec = std::find_if(generator.parameters.begin(), generator.parameters.end(),
                                       [&key](const ParamSpec &s) { return s.key == key; });
        if (spec == generator.parameters.end()) {
            QStringList known;
            for (const ParamSpec &s : generator.parameters)
                known << s.key;
            throw Error(QCoreApplication::translate("visor::Generator",
                                                    "generator %1 has no parameter '%2'; its parameters: %3")
                            .arg(generator.key, key, known.join(QStringLiteral(", "))));
        }
        QJsonValue v;
        if (const QString e = ParameterRegistry::parse(*spec, text, &v); !e.isEmpty())
            throw Error(e);
        values.insert(key, v);
    }
    return values;
}

std::vector<qint64> generate(Project &project, const GeneratorInfo &generator, int count, quint64 seed,
                             const QJsonObject &values, const std::function<bool(int, int)> &progress)
{
    if (count < 1)
        throw Error(QCoreApplication::translate("visor::Generator", "the number of images to generate must be at "
                                                                    "least 1 (got %1)")
                        .arg(count));
    if (std::find(generator.kinds.begin(), generator.kinds.end(), project.kind()) == generator.kinds.end())
        throw Error(QCoreApplication::translate("visor::Generator", "generator %1 cannot fill a %2 project")
                        .arg(generator.key, kindName(project.kind())));
    for (const ParamSpec &spec : generator.parameters)
        if (const QString e = ParameterRegistry::validate(spec, values.value(spec.key)); !e.isEmpty())
            throw Error(e);
    if (generator.check)
        if (const QString e = generator.check(values); !e.isEmpty())
            throw Error(e);
    Transaction t(project.database());
    std::map<QString, qint64> classIds;
    for (const QString &name : generator.classes(values)) {
        auto c = project.classByName(name);
        classIds[name] = c ? c->id : project.addClass(name);
    }
    auto classOf = [&](const QString &name) {
        auto it = classIds.find(name);
        if (it == classIds.end()) // a generator drawing a class it did not list
            it = classIds.emplace(name, project.addClass(name)).first;
        return it->second;
    };
    const bool classification = project.kind() == DatasetKind::Classification;
    std::vector<NewExample> items;
    for (int i = 0; i < count; ++i) {
        if (progress && !progress(i, count))
            return {}; // the transaction rolls back: nothing stored
        const GeneratedSample s = generator.render(project.kind(), values, seed, i);
        std::vector<uchar> png;
        cv::imencode(".png", s.image, png);
        const QByteArray bytes(reinterpret_cast<const char *>(png.data()), qsizetype(png.size()));
        NewExample ne;
        ne.meta.hash = project.storeImage(bytes, QStringLiteral("png"));
        ne.meta.suffix = QStringLiteral("png");
        ne.meta.fileName = QStringLiteral("%1_%2_%3.png").arg(generator.key).arg(seed).arg(i, 5, 10, QLatin1Char('0'));
        ne.meta.source = QStringLiteral("synth:") + generator.key;
        ne.meta.width = s.image.cols;
        ne.meta.height = s.image.rows;
        ne.meta.perceptualHash = differenceHash(s.image);
        ne.meta.labelled = true;
        if (classification)
            ne.meta.classId = classOf(s.label);
        else
            for (const auto &[name, r] : s.boxes)
                ne.boxes.push_back(Box{0, classOf(name), r.x, r.y, r.x + r.width, r.y + r.height});
        items.push_back(std::move(ne));
    }
    project.syncImages();
    const AddResult r = project.addExamples(items);
    assignSplits(project, false); // in the same transaction: no moment with unassigned examples
    t.commit();
    return r.added;
}

std::vector<qint64> addShapes(Project &project, const ShapesOptions &options)
{
    if (options.kind != project.kind())
        throw Error(QStringLiteral("synth: the project is a %1 project").arg(kindName(project.kind())));
    return generate(project, generatorRegistry().at(QStringLiteral("shapes")), options.count, options.seed,
                    shapesValues(options));
}

} // namespace visor::synth
