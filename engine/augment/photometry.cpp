// Colour transforms on 8-bit images. Contrast, brightness and gamma act on each value alone, so they
// are folded into one lookup table (one pass over the image however many apply); each step rounds
// and saturates as it would on its own, so the fold changes nothing in the result.

#include "photometry_p.h"

#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace visor::augment {
namespace {

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

uchar clamp8(double v)
{
    return cv::saturate_cast<uchar>(std::lround(v));
}

cv::Mat grey(const cv::Mat &image)
{
    if (image.channels() == 1)
        return image;
    cv::Mat g;
    cv::cvtColor(image, g, cv::COLOR_BGR2GRAY);
    return g;
}

// Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9).
double normalQuantile(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                               1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

// Normal deviates for noise, fast: 4096 quantiles of N(0, 1) indexed by 12 random bits, five per
// 64-bit draw of xoshiro256**. Every pixel gets an independent draw; the quantisation (4096 levels)
// is far below what an 8-bit image can show. Five times faster than cv::RNG::fill(NORMAL).
class NormalSource {
public:
    explicit NormalSource(quint64 seed)
    {
        for (auto &s : m_s) {
            seed += 0x9E3779B97F4A7C15ULL;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            s = z ^ (z >> 31);
        }
    }
    float next() { return table()[nextIndex()]; }
    /// Index into the quantile table (for callers with a scaled copy of it).
    unsigned nextIndex()
    {
        if (m_left == 0) {
            m_bits = draw();
            m_left = 5;
        }
        --m_left;
        const unsigned i = unsigned(m_bits & 4095);
        m_bits >>= 12;
        return i;
    }
    static float quantile(unsigned i) { return table()[i]; }
    double uniform() { return double(draw() >> 11) * (1.0 / 9007199254740992.0); }

private:
    static const std::array<float, 4096> &table()
    {
        static const std::array<float, 4096> t = [] {
            std::array<float, 4096> q{};
            for (int i = 0; i < 4096; ++i)
                q[size_t(i)] = float(normalQuantile((i + 0.5) / 4096.0));
            return q;
        }();
        return t;
    }
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 draw()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    quint64 m_s[4];
    quint64 m_bits = 0;
    int m_left = 0;
};

// gauss: x + 25.5 z; speckle: x + x (0.1 z); poisson: counts with mean x (scikit-image on 8-bit
// data), by Knuth's method below a mean of 30 and the normal approximation above.
void addNoise(cv::Mat &image, const QString &method, quint64 seed)
{
    NormalSource rng(seed);
    const int n = int(image.total()) * image.channels();
    uchar *p = image.ptr<uchar>();
    if (method == QLatin1String("poisson")) {
        for (int i = 0; i < n; ++i) {
            const double lambda = p[i];
            if (lambda >= 30) {
                p[i] = clamp8(lambda + std::sqrt(lambda) * rng.next());
            } else {
                const double limit = std::exp(-lambda);
                int k = 0;
                for (double prod = rng.uniform(); prod > limit; prod *= rng.uniform())
                    ++k;
                p[i] = cv::saturate_cast<uchar>(k);
            }
        }
    } else if (method == QLatin1String("speckle")) {
        for (int i = 0; i < n; ++i)
            p[i] = cv::saturate_cast<uchar>(p[i] * (1.0f + float(kNoiseSigma) * rng.next()) + 0.5f);
    } else {
        // Integer steps for the common case: the 4096 deviates scaled to 8-bit units once.
        static const std::array<int, 4096> steps = [] {
            std::array<int, 4096> t{};
            for (unsigned i = 0; i < 4096; ++i)
                t[i] = int(std::lround(kNoiseSigma * 255.0 * NormalSource::quantile(i)));
            return t;
        }();
        for (int i = 0; i < n; ++i)
            p[i] = cv::saturate_cast<uchar>(int(p[i]) + steps[rng.nextIndex()]);
    }
}

} // namespace

void applyPhotometry(cv::Mat &image, const PhotometricFlags &f, const PhotometricDraws &d, const Config &config,
                     Record &record)
{
    if (f(Transform::Contrast) || f(Transform::Brightness) || f(Transform::Gamma)) {
        // Contrast blends with the mean grey level (as torchvision's adjust_contrast).
        const double mean = f(Transform::Contrast) ? cv::mean(grey(image))[0] : 0.0;
        cv::Mat lut(1, 256, CV_8U);
        for (int v = 0; v < 256; ++v) {
            double x = v;
            if (f(Transform::Contrast))
                x = clamp8(d.contrast * x + (1 - d.contrast) * mean);
            if (f(Transform::Brightness))
                x = clamp8(x + d.brightness * 255.0);
            if (f(Transform::Gamma))
                x = clamp8(255.0 * std::pow(x / 255.0, d.gamma));
            lut.at<uchar>(v) = uchar(x);
        }
        cv::LUT(image, lut, image);
        if (f(Transform::Contrast))
            record.applied.push_back({Transform::Contrast, {{QStringLiteral("factor"), round3(d.contrast)}}});
        if (f(Transform::Brightness))
            record.applied.push_back({Transform::Brightness, {{QStringLiteral("delta"), round3(d.brightness)}}});
        if (f(Transform::Gamma))
            record.applied.push_back({Transform::Gamma, {{QStringLiteral("gamma"), round3(d.gamma)}}});
    }
    if (f(Transform::Saturation)) {
        // Blend with the pixel's own grey level (torchvision's adjust_saturation).
        cv::Mat g3;
        cv::cvtColor(grey(image), g3, cv::COLOR_GRAY2BGR);
        cv::addWeighted(image, d.saturation, g3, 1 - d.saturation, 0, image);
        record.applied.push_back({Transform::Saturation, {{QStringLiteral("factor"), round3(d.saturation)}}});
    }
    if (f(Transform::Hue)) {
        // Rotate the hue on the full 0..255 circle of OpenCV's HSV_FULL.
        cv::Mat hsv;
        cv::cvtColor(image, hsv, cv::COLOR_BGR2HSV_FULL);
        cv::Mat lut(1, 256, CV_8UC3);
        const int shift = int(std::lround(d.hue * 256.0));
        for (int v = 0; v < 256; ++v)
            lut.at<cv::Vec3b>(v) = cv::Vec3b(uchar(((v + shift) % 256 + 256) % 256), uchar(v), uchar(v));
        cv::LUT(hsv, lut, hsv);
        cv::cvtColor(hsv, image, cv::COLOR_HSV2BGR_FULL);
        record.applied.push_back({Transform::Hue, {{QStringLiteral("shift"), round3(d.hue)}}});
    }
    if (f(Transform::Noise)) {
        if (!image.isContinuous())
            image = image.clone();
        addNoise(image, config.noiseMethod, d.noiseSeed);
        record.applied.push_back({Transform::Noise, {{QStringLiteral("method"), config.noiseMethod}}});
    }
    if (f(Transform::Blur)) {
        cv::GaussianBlur(image, image, cv::Size(config.blurKernel, config.blurKernel), 0);
        record.applied.push_back({Transform::Blur, {{QStringLiteral("kernel"), config.blurKernel}}});
    }
}

} // namespace visor::augment
