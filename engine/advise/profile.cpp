// The advisor's view of a data set: sizes, boxes, class counts and colour, read from the store.
#include "formats/imageinfo.h"

#include "advisor.h"
#include "project/inputsize.h"
#include "project/sql.h"

#include <QFile>
#include <algorithm>
#include <cmath>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace visor::advise {
namespace {

constexpr size_t kMaxImages = 200000, kMaxBoxes = 50000, kColourImages = 48;

// Mean chroma (max - min of B, G, R) of an image decoded at a quarter of its size: a JPEG of a grey
// picture saved in colour has chroma 0-2 from compression, a photograph 20-60.
std::optional<double> chromaOf(const QString &path)
{
    const cv::Mat img = decodeImage(path, 3, 4);
    if (img.empty())
        return std::nullopt;
    cv::Mat small;
    const double scale = std::min(1.0, 96.0 / std::max(img.cols, img.rows));
    cv::resize(img, small, cv::Size(), scale, scale, cv::INTER_AREA);
    std::vector<cv::Mat> c;
    cv::split(small, c);
    cv::Mat hi = cv::max(cv::max(c[0], c[1]), c[2]), lo = cv::min(cv::min(c[0], c[1]), c[2]);
    cv::Mat chroma;
    cv::subtract(hi, lo, chroma);
    return cv::mean(chroma)[0];
}

// The mean of a class's images, grey at kMeanSide x kMeanSide, normalised (zero mean, unit norm).
std::vector<float> classMean(const Project &project, const std::vector<const Example *> &examples)
{
    const int side = DataProfile::kMeanSide;
    cv::Mat sum = cv::Mat::zeros(side, side, CV_32F);
    int n = 0;
    for (const Example *e : examples) {
        const cv::Mat img = decodeImage(project.imagePath(*e), 1, 2);
        if (img.empty())
            continue;
        cv::Mat small;
        cv::resize(img, small, cv::Size(side, side), 0, 0, cv::INTER_AREA);
        small.convertTo(small, CV_32F);
        sum += small;
        ++n;
    }
    if (n == 0)
        return {};
    sum -= cv::mean(sum)[0];
    const double norm = cv::norm(sum);
    if (norm > 0)
        sum /= norm;
    return std::vector<float>(sum.begin<float>(), sum.end<float>());
}

} // namespace

DataProfile profileProject(const Project &project, bool measureColour)
{
    DataProfile p;
    p.kind = project.kind();
    const DatasetStatistics st = computeStatistics(project);
    p.annotated = st.annotated;
    p.warnings = st.warnings;
    for (int s = 0; s < kSplitCount; ++s)
        p.annotatedPerSplit[size_t(s)] = st.splits.counts[size_t(s)] - st.unlabelledSplits.counts[size_t(s)];
    const bool detection = p.kind == DatasetKind::ObjectDetection;
    for (const ClassStatistics &c : st.classes) {
        p.classNames << c.info.name;
        p.classCounts.push_back(detection ? c.boxes.total() : c.examples.total());
    }

    std::vector<Example> annotated;
    for (const Example &e : project.examples())
        if (e.labelled && e.width > 0 && e.height > 0)
            annotated.push_back(e);
    const size_t imageStride = std::max<size_t>(1, (annotated.size() + kMaxImages - 1) / kMaxImages);
    std::map<qint64, int> imageIndex;
    for (size_t i = 0; i < annotated.size(); i += imageStride) {
        imageIndex[annotated[i].id] = int(p.images.size());
        p.images.push_back({annotated[i].width, annotated[i].height});
    }
    if (detection) {
        const auto all = project.allBoxes();
        size_t total = 0;
        for (const auto &[id, list] : all)
            total += imageIndex.count(id) ? list.size() : 0;
        const size_t boxStride = std::max<size_t>(1, (total + kMaxBoxes - 1) / kMaxBoxes);
        size_t n = 0;
        for (const auto &[id, image] : imageIndex) { // by example id: the sample does not depend on hashing
            const auto it = all.find(id);
            if (it == all.end())
                continue;
            for (const Box &b : it->second)
                if (n++ % boxStride == 0 && b.width() > 0 && b.height() > 0)
                    p.boxes.push_back({(b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2, b.width(), b.height(), image});
        }
    }
    if (measureColour && !detection && p.classNames.size() <= 100) {
        std::map<qint64, std::vector<const Example *>> perClass; // 24 per class, spread over the project
        std::map<qint64, size_t> seen;
        for (const Example &e : annotated)
            if (e.classId && perClass[e.classId].size() < 24 && seen[e.classId]++ % 4 == 0)
                perClass[e.classId].push_back(&e);
        for (const ClassStatistics &c : st.classes)
            p.classMeans.push_back(classMean(project, perClass[c.info.id]));
    }
    if (measureColour && !annotated.empty()) {
        const size_t stride = std::max<size_t>(1, annotated.size() / kColourImages);
        double sum = 0;
        for (size_t i = 0; i < annotated.size() && p.chromaImages < int(kColourImages); i += stride)
            if (const auto c = chromaOf(project.imagePath(annotated[i]))) {
                sum += *c;
                ++p.chromaImages;
            }
        if (p.chromaImages > 0)
            p.meanChroma = sum / p.chromaImages;
    }
    return p;
}

DataProfile profileBoxes(const Project &project, int maxBoxes)
{
    DataProfile p;
    p.kind = project.kind();
    if (p.kind != DatasetKind::ObjectDetection)
        return p;
    const QSqlDatabase &db = const_cast<Project &>(project).database();
    const qint64 total = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM boxes"), {}, "counting boxes", 0);
    const qint64 stride = std::max<qint64>(1, (total + maxBoxes - 1) / std::max(1, maxBoxes));
    QSqlQuery q =
        sql::run(db,
                 QStringLiteral("SELECT b.x1, b.y1, b.x2, b.y2, e.width, e.height FROM boxes b JOIN examples "
                                "e ON e.id = b.example_id WHERE b.id % ? = 0 AND e.width > 0 AND e.height > 0"),
                 {stride}, "sampling boxes");
    while (q.next()) {
        const float x1 = q.value(0).toFloat(), y1 = q.value(1).toFloat(), x2 = q.value(2).toFloat(),
                    y2 = q.value(3).toFloat();
        if (x2 <= x1 || y2 <= y1)
            continue;
        p.boxes.push_back({(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1, int(p.images.size())});
        p.images.push_back({q.value(4).toInt(), q.value(5).toInt()}); // one image entry per box: sizes only
    }
    return p;
}

std::vector<SizedBox> boxesAtInput(const DataProfile &profile, int minSide, int maxSide)
{
    std::vector<SizedBox> out;
    out.reserve(profile.boxes.size());
    for (const auto &b : profile.boxes) {
        const auto &img = profile.images[size_t(b.image)];
        const double scale = inputScale(img.width, img.height, minSide, maxSide);
        out.push_back({b.cx * scale, b.cy * scale, b.w * scale, b.h * scale});
    }
    return out;
}

AnchorConfig anchorConfig(const ParameterSet &p)
{
    AnchorConfig c;
    for (double v : p.toList(QStringLiteral("anchors.sizes")))
        c.sizes.push_back(int(v));
    for (double v : p.toList(QStringLiteral("anchors.strides")))
        c.strides.push_back(int(v));
    c.ratios = p.toList(QStringLiteral("anchors.ratios"));
    c.scales = p.toList(QStringLiteral("anchors.scales"));
    return c;
}

} // namespace visor::advise
