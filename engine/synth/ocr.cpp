#include "ocr.h"

#include "generator.h"
#include "project/types.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cmath>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <map>
#include <memory>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <random>

namespace visor::synth {
namespace {

const QString kDigitsUpper = QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

QString alphabetOf(const QJsonObject &v)
{
    const QString a = v.value(QStringLiteral("ocr.alphabet")).toString(QStringLiteral("digits_upper"));
    if (a == QLatin1String("digits"))
        return QStringLiteral("0123456789");
    if (a == QLatin1String("upper"))
        return QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (a == QLatin1String("digits_upper_lower"))
        return kDigitsUpper + QStringLiteral("abcdefghijklmnopqrstuvwxyz");
    return kDigitsUpper;
}

int intOf(const QJsonObject &v, const char *key)
{
    return v.value(QLatin1String(key)).toInt();
}

// FreeType objects are not thread-safe: each thread keeps its own library and faces.
struct FreeType {
    FT_Library library = nullptr;
    std::map<QString, FT_Face> faces;
    FreeType() { FT_Init_FreeType(&library); }
    ~FreeType()
    {
        for (auto &[file, face] : faces)
            FT_Done_Face(face);
        if (library)
            FT_Done_FreeType(library);
    }
    FT_Face face(const QString &file)
    {
        auto it = faces.find(file);
        if (it != faces.end())
            return it->second;
        FT_Face f = nullptr;
        if (!library || FT_New_Face(library, QFile::encodeName(file).constData(), 0, &f) != 0)
            f = nullptr;
        faces[file] = f;
        return f;
    }
};

FreeType &freeType()
{
    thread_local FreeType ft;
    return ft;
}

QStringList findFonts()
{
    QStringList out;
    FcConfig *config = FcInitLoadConfigAndFonts();
    if (!config)
        return out;
    FcPattern *pattern = FcPatternCreate();
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    FcObjectSet *objects = FcObjectSetBuild(FC_FILE, nullptr);
    FcFontSet *set = FcFontList(config, pattern, objects);
    for (int i = 0; set && i < set->nfont; ++i) {
        FcChar8 *file = nullptr;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch && file) {
            const QString path = QString::fromUtf8(reinterpret_cast<const char *>(file));
            const QString suffix = QFileInfo(path).suffix().toLower();
            if (suffix == QLatin1String("ttf") || suffix == QLatin1String("otf"))
                out << path;
        }
    }
    if (set)
        FcFontSetDestroy(set);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    out.removeDuplicates();
    out.sort();
    // Only fonts with every character of the widest alphabet (no symbol or partial fonts).
    const QString widest = kDigitsUpper + QStringLiteral("abcdefghijklmnopqrstuvwxyz");
    QStringList usable;
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0)
        return usable;
    for (const QString &path : out) {
        FT_Face face = nullptr;
        if (FT_New_Face(library, QFile::encodeName(path).constData(), 0, &face) != 0)
            continue;
        bool all = FT_IS_SCALABLE(face);
        for (QChar c : widest)
            all = all && FT_Get_Char_Index(face, c.unicode()) != 0;
        FT_Done_Face(face);
        if (all)
            usable << path;
    }
    FT_Done_FreeType(library);
    return usable;
}

// A textured background: a colour gradient, soft blobs, a few faint lines and rectangles (the clutter of
// a photographed label), and per-pixel noise.
cv::Mat background(std::mt19937_64 &rng, int w, int h)
{
    std::uniform_real_distribution<double> u(0, 1);
    cv::Mat img(h, w, CV_8UC3);
    const cv::Vec3d a(u(rng) * 235 + 10, u(rng) * 235 + 10, u(rng) * 235 + 10);
    const cv::Vec3d b(u(rng) * 235 + 10, u(rng) * 235 + 10, u(rng) * 235 + 10);
    const double angle = u(rng) * CV_2PI, cx = std::cos(angle), cy = std::sin(angle);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double t = std::clamp(0.5 + ((x - w / 2.0) * cx + (y - h / 2.0) * cy) / std::hypot(w, h), 0.0, 1.0);
            const cv::Vec3d c = a * (1 - t) + b * t;
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]),
                                                cv::saturate_cast<uchar>(c[2]));
        }
    cv::Mat clutter = cv::Mat::zeros(h, w, CV_8UC3);
    for (int i = 0; i < 3; ++i)
        cv::circle(clutter, cv::Point(int(u(rng) * w), int(u(rng) * h)), int(5 + u(rng) * h),
                   cv::Scalar(u(rng) * 50, u(rng) * 50, u(rng) * 50), cv::FILLED);
    cv::GaussianBlur(clutter, clutter, cv::Size(0, 0), 5);
    img += clutter;
    for (int i = 0, n = int(u(rng) * 4); i < n; ++i) {
        const cv::Scalar c(u(rng) * 255, u(rng) * 255, u(rng) * 255);
        if (u(rng) < 0.5)
            cv::line(img, cv::Point(int(u(rng) * w), int(u(rng) * h)), cv::Point(int(u(rng) * w), int(u(rng) * h)),
                     c * 0.3 + cv::Scalar(img.at<cv::Vec3b>(h / 2, w / 2)) * 0.7, 1, cv::LINE_AA);
        else
            cv::rectangle(img, cv::Rect(int(u(rng) * w), int(u(rng) * h), int(u(rng) * w / 2), int(u(rng) * h / 2)),
                          c * 0.25 + cv::Scalar(img.at<cv::Vec3b>(h / 2, w / 2)) * 0.75, 1, cv::LINE_AA);
    }
    return img;
}

struct Glyph {
    cv::Mat coverage; // CV_32F 0..1, the glyph's bitmap
    int left = 0, top = 0, advance = 0;
};

Glyph glyphOf(FT_Face face, QChar c)
{
    Glyph g;
    if (FT_Load_Char(face, c.unicode(), FT_LOAD_RENDER) != 0)
        return g;
    const FT_Bitmap &bm = face->glyph->bitmap;
    g.left = face->glyph->bitmap_left;
    g.top = face->glyph->bitmap_top;
    g.advance = int(face->glyph->advance.x >> 6);
    if (bm.rows == 0 || bm.width == 0 || bm.pixel_mode != FT_PIXEL_MODE_GRAY)
        return g;
    cv::Mat(int(bm.rows), int(bm.width), CV_8U, bm.buffer, size_t(std::abs(bm.pitch)))
        .convertTo(g.coverage, CV_32F, 1.0 / 255);
    return g;
}

} // namespace

QStringList ocrFontFiles()
{
    static const QStringList fonts = findFonts();
    return fonts;
}

QStringList ocrFonts(const QString &selection)
{
    const QStringList all = ocrFontFiles();
    if (selection == QLatin1String("all"))
        return all;
    QStringList training, heldOut;
    for (int i = 0; i < all.size(); ++i)
        (i % 4 == 1 ? heldOut : training) << all[i];
    if (all.size() < 2)
        return all; // too few to hold any out
    return selection == QLatin1String("held_out") ? heldOut : training;
}

OcrLine renderOcrLine(const QJsonObject &v, quint64 seed, int index, bool classification)
{
    const QString selection = v.value(QStringLiteral("ocr.fonts")).toString(QStringLiteral("training"));
    const QStringList fonts = ocrFonts(selection);
    if (fonts.isEmpty())
        throw Error(QCoreApplication::translate("visor::Generator",
                                                "generator ocr: no scalable font with digits and Latin letters was "
                                                "found (fontconfig); install fonts-dejavu-core or fonts-liberation2"));
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + quint64(index) * 1315423911ull + 17);
    std::uniform_real_distribution<double> u(0, 1);
    const QString alphabet = alphabetOf(v);
    OcrLine line;
    const int w = classification ? intOf(v, "ocr.height") : intOf(v, "ocr.width");
    const int h = intOf(v, "ocr.height");
    line.image = background(rng, w, h);
    line.ink = cv::Mat::zeros(h, w, CV_32F);
    line.font = fonts[int(rng() % quint64(fonts.size()))];
    FT_Face face = freeType().face(line.font);
    if (!face)
        throw Error(
            QCoreApplication::translate("visor::Generator", "generator ocr: cannot open the font %1").arg(line.font));
    const int minChars = intOf(v, "ocr.min_chars"), maxChars = intOf(v, "ocr.max_chars");
    const int count = classification ? 1 : minChars + int(rng() % quint64(maxChars - minChars + 1));
    for (int i = 0; i < count; ++i)
        line.text += alphabet[int(rng() % quint64(alphabet.size()))];
    // Size: drawn from the range, then made smaller until the line fits the image with a margin.
    const int minSize = intOf(v, "ocr.min_size"), maxSize = intOf(v, "ocr.max_size");
    int size = minSize + int(rng() % quint64(maxSize - minSize + 1));
    const double spacing = u(rng) * 0.25; // extra space between characters, a fraction of the size
    std::vector<Glyph> glyphs;
    int width = 0, ascent = 0, descent = 0;
    for (;; size = std::max(4, size * 9 / 10)) {
        FT_Set_Pixel_Sizes(face, 0, FT_UInt(size));
        glyphs.clear();
        width = 0;
        ascent = descent = 0;
        for (QChar c : line.text) {
            glyphs.push_back(glyphOf(face, c));
            const Glyph &g = glyphs.back();
            width += g.advance + int(spacing * size);
            ascent = std::max(ascent, g.top);
            descent = std::max(descent, g.coverage.rows - g.top);
        }
        if ((width < w - 8 && ascent + descent < h - 6) || size <= 6)
            break;
    }
    const double maxAngle = intOf(v, "ocr.rotation");
    const double angle = (u(rng) * 2 - 1) * maxAngle;
    // Where the line goes: centred for a single character, anywhere that fits otherwise.
    const int slackX = std::max(0, w - 4 - width), slackY = std::max(0, h - 4 - ascent - descent);
    const int x0 = classification ? slackX / 2 + 2 : 2 + int(u(rng) * slackX);
    const int baseline = (classification ? slackY / 2 : int(u(rng) * slackY)) + 2 + ascent;
    const cv::Mat rotation =
        cv::getRotationMatrix2D(cv::Point2f(float(x0 + width / 2.0), float(baseline - ascent / 2.0)), angle, 1.0);
    int pen = x0;
    for (const Glyph &g : glyphs) {
        if (!g.coverage.empty()) {
            cv::Mat glyph = cv::Mat::zeros(h, w, CV_32F);
            const cv::Rect at(pen + g.left, baseline - g.top, g.coverage.cols, g.coverage.rows);
            const cv::Rect inside = at & cv::Rect(0, 0, w, h);
            if (inside.area() > 0)
                g.coverage(cv::Rect(inside.x - at.x, inside.y - at.y, inside.width, inside.height))
                    .copyTo(glyph(inside));
            if (angle != 0)
                cv::warpAffine(glyph, glyph, rotation, glyph.size(), cv::INTER_LINEAR);
            // The character's box: the tight extent of its ink (coverage above a quarter) after rotation.
            cv::Mat solid;
            cv::threshold(glyph, solid, 0.25, 1, cv::THRESH_BINARY);
            solid.convertTo(solid, CV_8U);
            const cv::Rect box = cv::boundingRect(solid);
            line.boxes.push_back(cv::Rect2f(box));
            cv::max(line.ink, glyph, line.ink);
        } else {
            line.boxes.push_back(cv::Rect2f());
        }
        pen += g.advance + int(spacing * size);
    }
    // The text's colour: contrasting with the background under it (at least 80 grey levels apart).
    cv::Scalar under = cv::mean(line.image, line.ink > 0.25);
    const double luma = 0.114 * under[0] + 0.587 * under[1] + 0.299 * under[2];
    const bool dark = luma > 127;
    cv::Scalar colour;
    for (int c = 0; c < 3; ++c)
        colour[c] = dark ? u(rng) * std::max(0.0, luma - 80)
                         : std::min(255.0, luma + 80) + u(rng) * (255 - std::min(255.0, luma + 80));
    cv::Mat image;
    line.image.convertTo(image, CV_32FC3);
    cv::Mat ink3;
    cv::merge(std::vector<cv::Mat>{line.ink, line.ink, line.ink}, ink3);
    image = image.mul(cv::Scalar::all(1) - ink3) + ink3.mul(colour);
    const double blur = u(rng) * intOf(v, "ocr.blur") / 100.0 * 1.5; // sigma up to 1.5 px at 100
    if (blur > 0.3)
        cv::GaussianBlur(image, image, cv::Size(0, 0), blur);
    if (const double noise = u(rng) * intOf(v, "ocr.noise"); noise > 0.5) {
        cv::Mat n(image.size(), CV_32FC3);
        cv::theRNG().state = rng();
        cv::randn(n, cv::Scalar::all(0), cv::Scalar::all(noise));
        image += n;
    }
    image.convertTo(line.image, CV_8UC3);
    // Characters without ink (none in these alphabets) would have no box: drop them from text and boxes.
    QString text;
    std::vector<cv::Rect2f> boxes;
    for (int i = 0; i < line.text.size(); ++i)
        if (line.boxes[size_t(i)].area() > 0) {
            text += line.text[i];
            boxes.push_back(line.boxes[size_t(i)]);
        }
    line.text = text;
    line.boxes = boxes;
    return line;
}

namespace {

ParamSpec choiceParam(const char *key, const char *def, QStringList choices, const char *label)
{
    ParamSpec s = intParam(key, 0, std::nullopt, std::nullopt, label);
    s.type = ParamType::Choice;
    s.choices = std::move(choices);
    s.defaultValue = QString::fromLatin1(def);
    return s;
}

QString ocrCheck(const QJsonObject &v)
{
    for (const auto &[lo, hi] :
         {std::pair{"ocr.min_chars", "ocr.max_chars"}, std::pair{"ocr.min_size", "ocr.max_size"}})
        if (intOf(v, hi) < intOf(v, lo))
            return QCoreApplication::translate("visor::Generator", "parameter %1 (%2) is below %3 (%4)")
                .arg(QLatin1String(hi))
                .arg(intOf(v, hi))
                .arg(QLatin1String(lo))
                .arg(intOf(v, lo));
    if (ocrFonts(v.value(QStringLiteral("ocr.fonts")).toString()).isEmpty())
        return QCoreApplication::translate("visor::Generator",
                                           "generator ocr: no scalable font with digits and Latin letters was found "
                                           "(fontconfig); install fonts-dejavu-core or fonts-liberation2");
    return {};
}

QStringList ocrClasses(const QJsonObject &v)
{
    QStringList out;
    for (QChar c : alphabetOf(v))
        out << QString(c);
    return out;
}

GeneratedSample renderOcrSample(DatasetKind kind, const QJsonObject &v, quint64 seed, int index)
{
    const OcrLine line = renderOcrLine(v, seed, index, kind == DatasetKind::Classification);
    GeneratedSample s;
    s.image = line.image;
    if (kind == DatasetKind::Classification)
        s.label = line.text.left(1);
    else
        for (int i = 0; i < line.text.size(); ++i)
            s.boxes.emplace_back(QString(line.text[i]), line.boxes[size_t(i)]);
    return s;
}

} // namespace

GeneratorInfo ocrGenerator()
{
    GeneratorInfo g;
    g.key = QStringLiteral("ocr");
    g.description = {"visor::Generator",
                     QT_TRANSLATE_NOOP("visor::Generator",
                                       "lines of characters in the system's fonts at varied sizes, weights, rotations, "
                                       "spacing and colours over textured backgrounds, one box per character")};
    g.kinds = {DatasetKind::ObjectDetection, DatasetKind::Classification};
    g.parameters = {
        intParam("ocr.width", 256, 64, 2048, QT_TRANSLATE_NOOP("visor::Parameters", "Image width")),
        intParam("ocr.height", 64, 24, 1024, QT_TRANSLATE_NOOP("visor::Parameters", "Image height")),
        intParam("ocr.min_chars", 3, 1, 40, QT_TRANSLATE_NOOP("visor::Parameters", "Fewest characters per line")),
        intParam("ocr.max_chars", 8, 1, 40, QT_TRANSLATE_NOOP("visor::Parameters", "Most characters per line")),
        intParam("ocr.min_size", 18, 6, 512, QT_TRANSLATE_NOOP("visor::Parameters", "Smallest font size (px)")),
        intParam("ocr.max_size", 40, 6, 512, QT_TRANSLATE_NOOP("visor::Parameters", "Largest font size (px)")),
        intParam("ocr.rotation", 5, 0, 45, QT_TRANSLATE_NOOP("visor::Parameters", "Largest rotation (degrees)")),
        intParam("ocr.blur", 40, 0, 100, QT_TRANSLATE_NOOP("visor::Parameters", "Blur (0 none, 100 strongest)")),
        intParam("ocr.noise", 8, 0, 50, QT_TRANSLATE_NOOP("visor::Parameters", "Largest noise (grey levels)")),
        choiceParam("ocr.alphabet", "digits_upper",
                    {QStringLiteral("digits_upper"), QStringLiteral("digits"), QStringLiteral("upper"),
                     QStringLiteral("digits_upper_lower")},
                    QT_TRANSLATE_NOOP("visor::Parameters", "Characters")),
        choiceParam("ocr.fonts", "training",
                    {QStringLiteral("training"), QStringLiteral("held_out"), QStringLiteral("all")},
                    QT_TRANSLATE_NOOP("visor::Parameters", "Fonts (held_out: those training leaves out)")),
    };
    g.check = ocrCheck;
    g.classes = ocrClasses;
    g.render = renderOcrSample;
    return g;
}

} // namespace visor::synth
