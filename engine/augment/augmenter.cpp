#include "augmenter.h"
#include "export/runtime.h"
#include "photometry_p.h"
#include "project/inputsize.h"

#include <atomic>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <random>
#include <thread>

namespace visor::augment {
namespace {

struct Names {
    Transform t;
    const char *key;
    const char *label;
};
constexpr Names kNames[kTransformCount] = {
    {Transform::FlipHorizontal, "flip_horizontal", QT_TRANSLATE_NOOP("visor::Augmenter", "flip horizontal")},
    {Transform::FlipVertical, "flip_vertical", QT_TRANSLATE_NOOP("visor::Augmenter", "flip vertical")},
    {Transform::Scale, "scale", QT_TRANSLATE_NOOP("visor::Augmenter", "scale")},
    {Transform::Shear, "shear", QT_TRANSLATE_NOOP("visor::Augmenter", "shear")},
    {Transform::Rotate, "rotate", QT_TRANSLATE_NOOP("visor::Augmenter", "rotate")},
    {Transform::Translate, "translate", QT_TRANSLATE_NOOP("visor::Augmenter", "translate")},
    {Transform::Contrast, "contrast", QT_TRANSLATE_NOOP("visor::Augmenter", "contrast")},
    {Transform::Brightness, "brightness", QT_TRANSLATE_NOOP("visor::Augmenter", "brightness")},
    {Transform::Gamma, "gamma", QT_TRANSLATE_NOOP("visor::Augmenter", "gamma")},
    {Transform::Saturation, "saturation", QT_TRANSLATE_NOOP("visor::Augmenter", "saturation")},
    {Transform::Hue, "hue", QT_TRANSLATE_NOOP("visor::Augmenter", "hue")},
    {Transform::Noise, "noise", QT_TRANSLATE_NOOP("visor::Augmenter", "noise")},
    {Transform::Blur, "blur", QT_TRANSLATE_NOOP("visor::Augmenter", "blur")},
};

// splitmix64 (Steele, Lea, Flood 2014): decorrelates the nearby integers (seed, epoch, index).
quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// The sample's own random stream. Uniforms come from the top 53 bits, the same on every platform.
class Stream {
public:
    Stream(quint64 seed, quint64 epoch, quint64 index) : m_engine(mix(mix(mix(seed) ^ epoch) ^ index)) {}
    double uniform() { return double(m_engine() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(std::pair<double, double> range) { return range.first + (range.second - range.first) * uniform(); }
    quint64 bits() { return m_engine(); }

private:
    std::mt19937_64 m_engine;
};

int interpolationFlag(const QString &name)
{
    if (name == QLatin1String("nearest"))
        return cv::INTER_NEAREST;
    if (name == QLatin1String("cubic"))
        return cv::INTER_CUBIC;
    if (name == QLatin1String("area"))
        return cv::INTER_AREA; // warpAffine resamples it as linear: area averaging needs a resize
    if (name == QLatin1String("lanczos4"))
        return cv::INTER_LANCZOS4;
    return cv::INTER_LINEAR;
}

int borderFlag(const QString &name)
{
    if (name == QLatin1String("nearest"))
        return cv::BORDER_REPLICATE;
    if (name == QLatin1String("reflect"))
        return cv::BORDER_REFLECT; // scipy/Keras "reflect": d c b a | a b c d, the edge repeated
    if (name == QLatin1String("wrap"))
        return cv::BORDER_WRAP;
    return cv::BORDER_CONSTANT;
}

cv::Matx33d translation(double x, double y)
{
    return {1, 0, x, 0, 1, y, 0, 0, 1};
}
cv::Matx23d top(const cv::Matx33d &m)
{
    return {m(0, 0), m(0, 1), m(0, 2), m(1, 0), m(1, 1), m(1, 2)};
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

QString transformKey(Transform t)
{
    return QString::fromLatin1(kNames[int(t)].key);
}

std::optional<Transform> parseTransform(const QString &key)
{
    for (const Names &n : kNames)
        if (key == QLatin1String(n.key))
            return n.t;
    return std::nullopt;
}

bool isGeometric(Transform t)
{
    return int(t) <= int(Transform::Translate);
}
bool isColourOnly(Transform t)
{
    return t == Transform::Saturation || t == Transform::Hue;
}

Config Config::fromParameters(const ParameterSet &p)
{
    Config c;
    auto s = [](const char *key) { return QString::fromLatin1(key); };
    c.interpolation = interpolationFlag(p.toString(s("augment.interpolation")));
    c.borderMode = borderFlag(p.toString(s("augment.fill_mode")));
    c.borderValue = p.toInt(s("augment.border_value"));
    auto prob = [&](Transform t, const char *key) { c.probability[int(t)] = p.toDouble(s(key)); };
    prob(Transform::FlipHorizontal, "augment.flip.horizontal_probability");
    prob(Transform::FlipVertical, "augment.flip.vertical_probability");
    prob(Transform::Scale, "augment.scale.probability");
    prob(Transform::Shear, "augment.shear.probability");
    prob(Transform::Rotate, "augment.rotate.probability");
    prob(Transform::Translate, "augment.translate.probability");
    prob(Transform::Contrast, "augment.contrast.probability");
    prob(Transform::Brightness, "augment.brightness.probability");
    prob(Transform::Gamma, "augment.gamma.probability");
    prob(Transform::Saturation, "augment.saturation.probability");
    prob(Transform::Hue, "augment.hue.probability");
    prob(Transform::Noise, "augment.noise.probability");
    prob(Transform::Blur, "augment.blur.probability");
    c.rotateDegrees = p.toPair(s("augment.rotate.degrees"));
    c.rotateResize = p.toBool(s("augment.rotate.resize"));
    c.translateX = p.toPair(s("augment.translate.horizontal"));
    c.translateY = p.toPair(s("augment.translate.vertical"));
    c.translateAttempts = p.toInt(s("augment.translate.attempts"));
    c.shearDegrees = p.toPair(s("augment.shear.degrees"));
    c.scale = p.toPair(s("augment.scale.factor"));
    c.contrast = p.toPair(s("augment.contrast.factor"));
    c.brightness = p.toPair(s("augment.brightness.delta"));
    c.gamma = p.toPair(s("augment.gamma.gamma"));
    c.saturation = p.toPair(s("augment.saturation.factor"));
    c.hue = p.toPair(s("augment.hue.shift"));
    c.noiseMethod = p.toString(s("augment.noise.method"));
    c.blurKernel = p.toInt(s("augment.blur.kernel"));
    return c;
}

bool Record::has(Transform t) const
{
    return std::any_of(applied.begin(), applied.end(), [t](const Applied &a) { return a.transform == t; });
}

QJsonObject Record::toJson() const
{
    QJsonArray list, dropped;
    for (const Applied &a : applied) {
        QJsonObject o = a.values;
        o.insert(QStringLiteral("transform"), transformKey(a.transform));
        list.append(o);
    }
    for (int i : droppedBoxes)
        dropped.append(i);
    return {{QStringLiteral("applied"), list},
            {QStringLiteral("dropped_boxes"), dropped},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

QString Record::caption(const QLocale &locale) const
{
    auto tr = [](const char *text) { return QCoreApplication::translate("visor::Augmenter", text); };
    auto number = [&](double v, char format, int precision) { return locale.toString(v, format, precision); };
    QStringList parts;
    for (const Applied &a : applied) {
        QString text = tr(kNames[int(a.transform)].label);
        const QJsonObject &v = a.values;
        switch (a.transform) {
        case Transform::Rotate:
        case Transform::Shear:
            text += QStringLiteral(" %1°").arg(number(v[QStringLiteral("degrees")].toDouble(), 'f', 1));
            break;
        case Transform::Translate:
            text += QLatin1Char(' ') + QCoreApplication::translate("visor::Augmenter", "(%1, %2) px")
                                           .arg(number(v[QStringLiteral("dx_pixels")].toDouble(), 'f', 0),
                                                number(v[QStringLiteral("dy_pixels")].toDouble(), 'f', 0));
            break;
        case Transform::Noise:
            text += QLatin1Char(' ') + v[QStringLiteral("method")].toString();
            break;
        case Transform::Blur:
            text += QStringLiteral(" %1").arg(v[QStringLiteral("kernel")].toInt());
            break;
        case Transform::FlipHorizontal:
        case Transform::FlipVertical:
            break;
        default:
            for (auto it = v.begin(); it != v.end(); ++it)
                text += QLatin1Char(' ') + number(it.value().toDouble(), 'g', 3);
        }
        parts << text;
    }
    if (!droppedBoxes.empty())
        parts << QCoreApplication::translate("visor::Augmenter", "%n box(es) dropped", nullptr,
                                             int(droppedBoxes.size()));
    return parts.isEmpty() ? QCoreApplication::translate("visor::Augmenter", "original")
                           : parts.join(QStringLiteral(", "));
}

std::optional<Box> transformBox(const Box &box, const cv::Matx23d &m, int width, int height)
{
    const double xs[4] = {box.x1, box.x2, box.x1, box.x2}, ys[4] = {box.y1, box.y1, box.y2, box.y2};
    double x1 = 1e300, y1 = 1e300, x2 = -1e300, y2 = -1e300;
    for (int i = 0; i < 4; ++i) {
        const double x = m(0, 0) * xs[i] + m(0, 1) * ys[i] + m(0, 2);
        const double y = m(1, 0) * xs[i] + m(1, 1) * ys[i] + m(1, 2);
        x1 = std::min(x1, x);
        x2 = std::max(x2, x);
        y1 = std::min(y1, y);
        y2 = std::max(y2, y);
    }
    const double area = (x2 - x1) * (y2 - y1);
    const double cx1 = std::max(0.0, x1), cy1 = std::max(0.0, y1);
    const double cx2 = std::min(double(width), x2), cy2 = std::min(double(height), y2);
    if (cx2 - cx1 < kMinBoxSide || cy2 - cy1 < kMinBoxSide || (cx2 - cx1) * (cy2 - cy1) < kMinVisibleFraction * area)
        return std::nullopt;
    Box out = box;
    out.x1 = float(cx1);
    out.y1 = float(cy1);
    out.x2 = float(cx2);
    out.y2 = float(cy2);
    return out;
}

Pipeline::Pipeline(const ParameterSet &parameters) : m_config(Config::fromParameters(parameters)) {}
Pipeline::Pipeline(const Config &config) : m_config(config) {}

Sample Pipeline::apply(const cv::Mat &input, const std::vector<Box> &boxes, quint64 seed, quint64 epoch, quint64 index,
                       Focus focus, Transform chosen) const
{
    const Config &c = m_config;
    Stream rng(seed, epoch, index);
    Sample out;
    Record &record = out.record;

    // Every draw happens whether or not its transform applies, in a fixed order, so changing one
    // transform's probability or range never changes what the others draw.
    bool on[kTransformCount];
    for (int t = 0; t < kTransformCount; ++t) {
        const bool drawn = rng.uniform() < c.probability[t];
        on[t] = focus == Focus::None ? drawn : (t == int(chosen) || (focus == Focus::ForceOn && drawn));
    }
    const double scale = rng.uniform(c.scale);
    const double shear = rng.uniform(c.shearDegrees);
    const double angle = rng.uniform(c.rotateDegrees);
    constexpr int kMaxAttempts = 6; // the contract's upper bound: the stream never depends on the setting
    double shifts[kMaxAttempts][2];
    for (auto &s : shifts) {
        s[0] = rng.uniform(c.translateX);
        s[1] = rng.uniform(c.translateY);
    }
    PhotometricDraws draws;
    draws.contrast = rng.uniform(c.contrast);
    draws.brightness = rng.uniform(c.brightness);
    draws.gamma = rng.uniform(c.gamma);
    draws.saturation = rng.uniform(c.saturation);
    draws.hue = rng.uniform(c.hue);
    draws.noiseSeed = rng.bits();

    cv::Mat image = input;
    if (image.channels() == 4)
        cv::cvtColor(input, image, cv::COLOR_BGRA2BGR);
    const int W = image.cols, H = image.rows;

    // ---- geometry: one affine map in continuous pixel coordinates (pixel i covers [i, i+1)).
    const bool flipH = on[int(Transform::FlipHorizontal)], flipV = on[int(Transform::FlipVertical)];
    const bool doScale = on[int(Transform::Scale)], doShear = on[int(Transform::Shear)];
    const bool doRotate = on[int(Transform::Rotate)], doTranslate = on[int(Transform::Translate)];
    cv::Matx33d linear = cv::Matx33d::eye();
    if (flipH)
        linear = cv::Matx33d(-1, 0, 0, 0, 1, 0, 0, 0, 1) * linear;
    if (flipV)
        linear = cv::Matx33d(1, 0, 0, 0, -1, 0, 0, 0, 1) * linear;
    if (doScale)
        linear = cv::Matx33d(scale, 0, 0, 0, scale, 0, 0, 0, 1) * linear;
    if (doShear)
        linear = cv::Matx33d(1, std::tan(shear * CV_PI / 180), 0, 0, 1, 0, 0, 0, 1) * linear;
    int outW = W, outH = H;
    if (doRotate) {
        // Positive angles turn the image counter-clockwise on screen (as cv::getRotationMatrix2D).
        const double a = angle * CV_PI / 180, cs = std::cos(a), sn = std::sin(a);
        linear = cv::Matx33d(cs, sn, 0, -sn, cs, 0, 0, 0, 1) * linear;
        if (c.rotateResize) {
            outW = int(std::lround(std::abs(W * cs) + std::abs(H * sn)));
            outH = int(std::lround(std::abs(W * sn) + std::abs(H * cs)));
        }
    }
    const cv::Matx33d base = translation(outW / 2.0, outH / 2.0) * linear * translation(-W / 2.0, -H / 2.0);
    cv::Matx33d full = base;

    std::vector<std::optional<Box>> mapped(boxes.size());
    auto mapAll = [&](const cv::Matx33d &m) {
        for (size_t i = 0; i < boxes.size(); ++i)
            mapped[i] = transformBox(boxes[i], top(m), outW, outH);
    };
    mapAll(base);
    if (doTranslate) {
        // Redraw the shift until no box that survives the other transforms is lost to it.
        const std::vector<std::optional<Box>> before = mapped;
        int used = -1;
        for (int k = 0; k < c.translateAttempts && used < 0; ++k) {
            mapAll(translation(shifts[k][0] * outW, shifts[k][1] * outH) * base);
            bool lost = false;
            for (size_t i = 0; i < boxes.size(); ++i)
                lost = lost || (before[i] && !mapped[i]);
            if (!lost)
                used = k;
        }
        if (used >= 0) {
            full = translation(shifts[used][0] * outW, shifts[used][1] * outH) * base;
        } else {
            mapped = before;
            record.notes << QStringLiteral("translate: each of %1 draw(s) would push a box out; not translated")
                                .arg(c.translateAttempts);
        }
        if (used >= 0)
            record.applied.push_back({Transform::Translate,
                                      {{QStringLiteral("dx"), round3(shifts[used][0])},
                                       {QStringLiteral("dy"), round3(shifts[used][1])},
                                       {QStringLiteral("dx_pixels"), round3(shifts[used][0] * outW)},
                                       {QStringLiteral("dy_pixels"), round3(shifts[used][1] * outH)},
                                       {QStringLiteral("attempt"), used + 1}}});
    }
    // Records in pipeline order (translate was recorded above, after the linear transforms).
    std::vector<Record::Applied> geometric;
    if (flipH)
        geometric.push_back({Transform::FlipHorizontal, {}});
    if (flipV)
        geometric.push_back({Transform::FlipVertical, {}});
    if (doScale)
        geometric.push_back({Transform::Scale, {{QStringLiteral("factor"), round3(scale)}}});
    if (doShear)
        geometric.push_back({Transform::Shear, {{QStringLiteral("degrees"), round3(shear)}}});
    if (doRotate)
        geometric.push_back(
            {Transform::Rotate,
             {{QStringLiteral("degrees"), round3(angle)}, {QStringLiteral("canvas"), QJsonArray{outW, outH}}}});
    record.applied.insert(record.applied.begin(), geometric.begin(), geometric.end());

    for (size_t i = 0; i < boxes.size(); ++i) {
        if (mapped[i]) {
            out.boxes.push_back(*mapped[i]);
            out.sourceIndex.push_back(int(i));
        } else {
            record.droppedBoxes.push_back(int(i));
        }
    }

    if (full == cv::Matx33d::eye() && outW == W && outH == H) {
        out.image = image.clone();
    } else if (!doScale && !doShear && !doRotate && full == base) {
        cv::flip(image, out.image, flipH && flipV ? -1 : (flipH ? 1 : 0)); // exact and cheaper than a warp
    } else {
        // warpAffine works in pixel-index coordinates (pixel centres at integers): shift by half a pixel.
        const cv::Matx33d m = translation(-0.5, -0.5) * full * translation(0.5, 0.5);
        cv::warpAffine(image, out.image, top(m), cv::Size(outW, outH), c.interpolation, c.borderMode,
                       cv::Scalar::all(c.borderValue));
    }

    // ---- photometry: never moves a box.
    PhotometricFlags flags;
    for (int t = int(Transform::Contrast); t <= int(Transform::Blur); ++t) {
        if (!on[t])
            continue;
        if (out.image.channels() == 1 && isColourOnly(Transform(t))) {
            record.notes << QStringLiteral("%1: skipped on a grey image").arg(transformKey(Transform(t)));
            continue;
        }
        flags.on[t - int(Transform::Contrast)] = true;
    }
    applyPhotometry(out.image, flags, draws, c, record);
    return out;
}

std::vector<Sample> preview(const Pipeline &pipeline, const cv::Mat &image, const std::vector<Box> &boxes, int n,
                            quint64 seed, Focus focus, Transform chosen)
{
    std::vector<Sample> out;
    out.reserve(size_t(std::max(0, n)));
    for (int i = 0; i < n; ++i)
        out.push_back(pipeline.apply(image, boxes, seed, 0, quint64(i), focus, chosen));
    return out;
}

std::vector<Sample> applyBatch(const Pipeline &pipeline, const std::vector<cv::Mat> &images,
                               const std::vector<std::vector<Box>> &boxes, quint64 seed, quint64 epoch,
                               quint64 firstIndex, int threads)
{
    std::vector<Sample> out(images.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next++) < images.size();)
            out[i] = pipeline.apply(images[i], boxes[i], seed, epoch, firstIndex + i);
    };
    const int n = std::max(1, threads > 0 ? threads : int(std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
    return out;
}

cv::Mat resizeToInput(const cv::Mat &image, int minSide, int maxSide, std::vector<Box> *boxes)
{
    if (image.empty())
        return image;
    const InputSize size = inputSize(image.cols, image.rows, minSide, maxSide);
    const cv::Mat out = deploy::resizeImage(image, size.width, size.height); // as exported models do
    if (boxes) {
        const double sx = double(out.cols) / image.cols, sy = double(out.rows) / image.rows;
        for (Box &b : *boxes) {
            b.x1 = float(b.x1 * sx);
            b.x2 = float(b.x2 * sx);
            b.y1 = float(b.y1 * sy);
            b.y2 = float(b.y2 * sy);
        }
    }
    return out;
}

cv::Mat drawBoxes(const cv::Mat &image, const std::vector<Box> &boxes, const std::vector<ClassInfo> &classes)
{
    cv::Mat canvas;
    if (image.channels() == 1)
        cv::cvtColor(image, canvas, cv::COLOR_GRAY2BGR);
    else
        canvas = image.clone();
    for (const Box &b : boxes) {
        cv::Scalar colour(0, 255, 0);
        for (const ClassInfo &ci : classes)
            if (ci.id == b.classId && ci.color.size() == 7 && ci.color.startsWith(QLatin1Char('#'))) {
                const uint rgb = ci.color.mid(1).toUInt(nullptr, 16);
                colour = cv::Scalar(rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
            }
        cv::rectangle(canvas, cv::Point2d(b.x1, b.y1), cv::Point2d(b.x2 - 1, b.y2 - 1), colour, 2, cv::LINE_AA);
    }
    return canvas;
}

} // namespace visor::augment
