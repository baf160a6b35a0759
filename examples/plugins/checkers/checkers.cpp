// checkers: a synthetic data set generator as a Visor plugin. Squares filled with a checkerboard or
// with stripes on a noisy grey background: one box per square (detection) or the class of the one
// square (classification). Seeded: the same seed and index always give the same image.
#include <visor/plugins/plugin.h>
#include <visor/synth/generator.h>

#include <QObject>
#include <opencv2/imgproc.hpp>
#include <random>

namespace {

QStringList classes(const QJsonObject &)
{
    return {QStringLiteral("checkerboard"), QStringLiteral("stripes")};
}

QString check(const QJsonObject &values)
{
    const int size = values.value(QStringLiteral("checkers.size")).toInt();
    const int objects = values.value(QStringLiteral("checkers.objects")).toInt();
    return size / 4 * size / 4 < objects * 4 ? QStringLiteral("checkers.objects: %1 squares do not fit an image of %2 px")
                                                   .arg(objects)
                                                   .arg(size)
                                             : QString();
}

visor::synth::GeneratedSample render(visor::DatasetKind kind, const QJsonObject &values, quint64 seed, int index)
{
    std::mt19937_64 rng(seed * 1000003u + quint64(index));
    std::uniform_int_distribution<int> grey(90, 170);
    const int size = values.value(QStringLiteral("checkers.size")).toInt();
    const int objects = kind == visor::DatasetKind::Classification ? 1 : values.value(QStringLiteral("checkers.objects")).toInt();
    visor::synth::GeneratedSample s;
    s.image = cv::Mat(size, size, CV_8UC3, cv::Scalar::all(grey(rng)));
    cv::Mat noise(size, size, CV_8UC3);
    cv::theRNG().state = rng();
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(12));
    s.image += noise;
    std::vector<cv::Rect> placed;
    for (int n = 0, tries = 0; n < objects && tries < 200; ++tries) {
        const int side = std::uniform_int_distribution<int>(size / 6, size / 3)(rng);
        const cv::Rect r(std::uniform_int_distribution<int>(0, size - side)(rng),
                         std::uniform_int_distribution<int>(0, size - side)(rng), side, side);
        bool overlaps = false;
        for (const cv::Rect &p : placed)
            overlaps = overlaps || (r & p).area() > 0;
        if (overlaps)
            continue;
        placed.push_back(r);
        ++n;
        const int cls = int(rng() % 2), cell = std::max(2, side / 6);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                const bool dark = cls == 0 ? ((x / cell + y / cell) % 2 == 0) : ((y / cell) % 2 == 0);
                s.image.at<cv::Vec3b>(r.y + y, r.x + x) = dark ? cv::Vec3b(25, 25, 25) : cv::Vec3b(235, 235, 235);
            }
        const QString name = classes({})[cls];
        if (kind == visor::DatasetKind::Classification)
            s.label = name;
        else
            s.boxes.push_back({name, cv::Rect2f(r)});
    }
    return s;
}

} // namespace

class CheckersPlugin : public QObject, public visor::Plugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VISOR_PLUGIN_IID FILE "checkers.json")
    Q_INTERFACES(visor::Plugin)
public:
    void registerEntries() override
    {
        visor::synth::GeneratorInfo g;
        g.key = QStringLiteral("checkers");
        g.description = {"checkers", "squares filled with a checkerboard or with stripes, on noise"};
        g.kinds = {visor::DatasetKind::ObjectDetection, visor::DatasetKind::Classification};
        g.parameters = {visor::intParam("checkers.size", 96, 48, 1024, "Image side (px)"),
                        visor::intParam("checkers.objects", 3, 1, 20, "Squares per image (detection)")};
        g.check = check;
        g.classes = classes;
        g.render = render;
        visor::synth::generatorRegistry().add(g);
    }
};

#include "checkers.moc"
