// Colour transforms on 8-bit images. Contrast, brightness and gamma act on each value alone, so they
// are folded into one lookup table (one pass over the image however many apply); each step rounds
// and saturates as it would on its own, so the fold changes nothing in the result.

#include "photometry_p.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace visor::augment {
namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

uchar clamp8(double v) { return cv::saturate_cast<uchar>(std::lround(v)); }

cv::Mat grey(const cv::Mat &image)
{
    if (image.channels() == 1)
        return image;
    cv::Mat g;
    cv::cvtColor(image, g, cv::COLOR_BGR2GRAY);
    return g;
}

// Poisson noise as scikit-image draws it for 8-bit data: counts with mean equal to the value.
// Knuth's method below a mean of 30, the normal approximation (variance = mean) above.
void poisson(cv::Mat &image, cv::RNG &rng)
{
    cv::Mat z(image.size(), CV_32FC(image.channels()));
    rng.fill(z, cv::RNG::NORMAL, 0, 1);
    const int n = int(image.total()) * image.channels();
    uchar *p = image.ptr<uchar>();
    const float *g = z.ptr<float>();
    for (int i = 0; i < n; ++i) {
        const double lambda = p[i];
        if (lambda >= 30) {
            p[i] = clamp8(lambda + std::sqrt(lambda) * g[i]);
        } else {
            const double limit = std::exp(-lambda);
            int k = 0;
            for (double prod = rng.uniform(0.0, 1.0); prod > limit; prod *= rng.uniform(0.0, 1.0))
                ++k;
            p[i] = cv::saturate_cast<uchar>(k);
        }
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
        cv::RNG rng(d.noiseSeed);
        const QString &method = config.noiseMethod;
        if (method == QLatin1String("poisson")) {
            poisson(image, rng);
        } else {
            cv::Mat noise(image.size(), CV_32FC(image.channels()));
            rng.fill(noise, cv::RNG::NORMAL, 0, kNoiseSigma * (method == QLatin1String("gauss") ? 255.0 : 1.0));
            cv::Mat f32;
            image.convertTo(f32, CV_32F);
            if (method == QLatin1String("speckle"))
                f32 += f32.mul(noise); // x + x * n
            else
                f32 += noise;
            f32.convertTo(image, CV_8U);
        }
        record.applied.push_back({Transform::Noise, {{QStringLiteral("method"), method}}});
    }
    if (f(Transform::Blur)) {
        cv::GaussianBlur(image, image, cv::Size(config.blurKernel, config.blurKernel), 0);
        record.applied.push_back({Transform::Blur, {{QStringLiteral("kernel"), config.blurKernel}}});
    }
}

} // namespace visor::augment
