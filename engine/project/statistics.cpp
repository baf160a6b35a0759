#include "statistics.h"
#include "export/imagehash.h"
#include "inputsize.h"
#include "sql.h"
#include "statement.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace visor {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Bin edges chosen for detection data: sizes on a doubling scale, areas on a rough log scale,
// aspect ratio (height / width, as anchors.ratios) around 1.
const std::vector<double> kSizeEdges = {0, 4, 8, 16, 32, 64, 128, 256, 512, 1024, kInf};
const std::vector<double> kAreaEdges = {0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.9, 1.0 + 1e-9};
const std::vector<double> kRatioEdges = {0, 0.25, 0.5, 0.75, 1.0 / 1.2, 1.2, 1.5, 2, 4, kInf};

int splitIndex(const QVariant &v)
{
    return v.isNull() ? -1 : v.toInt();
}

void add(PerSplit &p, int split, qint64 n)
{
    if (split < 0)
        p.unassigned += n;
    else
        p.counts[size_t(split)] += n;
}

QJsonObject splitsJson(const PerSplit &p)
{
    return {{QStringLiteral("train"), p.counts[0]},
            {QStringLiteral("val"), p.counts[1]},
            {QStringLiteral("test"), p.counts[2]},
            {QStringLiteral("unassigned"), p.unassigned}};
}

std::vector<qint64> ids(QSqlQuery q)
{
    std::vector<qint64> out;
    while (q.next())
        out.push_back(q.value(0).toLongLong());
    return out;
}

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x)
    {
        while (parent[size_t(x)] != x)
            x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
        return x;
    }
    void unite(int a, int b) { parent[size_t(find(a))] = find(b); }
};

struct BoxFindings {
    qint64 smallBoxes = 0, largeBoxes = 0;
    std::vector<qint64> smallExamples, largeExamples;
};

size_t binOf(const std::vector<double> &edges, double v)
{
    const auto it = std::upper_bound(edges.begin() + 1, edges.end() - 1, v);
    return size_t(it - edges.begin() - 1);
}

BoxFindings scanBoxes(QSqlDatabase &db, DatasetStatistics &st, const std::unordered_map<qint64, size_t> &classIndex,
                      int minSide, int maxSide, int minPx, double largeFraction)
{
    BoxFindings f;
    st.histograms = {{QStringLiteral("width"), kSizeEdges, std::vector<qint64>(kSizeEdges.size() - 1)},
                     {QStringLiteral("height"), kSizeEdges, std::vector<qint64>(kSizeEdges.size() - 1)},
                     {QStringLiteral("relative_area"), kAreaEdges, std::vector<qint64>(kAreaEdges.size() - 1)},
                     {QStringLiteral("aspect_ratio"), kRatioEdges, std::vector<qint64>(kRatioEdges.size() - 1)}};
    sql::Statement q(db,
                     "SELECT b.example_id, b.class_id, e.split, b.x2 - b.x1, b.y2 - b.y1, e.width, e.height "
                     "FROM boxes b JOIN examples e ON e.id = b.example_id ORDER BY b.example_id",
                     "scanning boxes");
    qint64 current = -1;
    std::vector<size_t> classesInImage; // classes already counted for the current image
    bool smallMarked = false, largeMarked = false;
    while (q.step()) {
        const qint64 example = q.int64(0);
        if (example != current) {
            current = example;
            classesInImage.clear();
            smallMarked = largeMarked = false;
        }
        const size_t c = classIndex.at(q.int64(1));
        const int split = q.isNull(2) ? -1 : int(q.int64(2));
        const double w = q.real(3), h = q.real(4), W = double(q.int64(5)), H = double(q.int64(6));
        add(st.classes[c].boxes, split, 1);
        if (std::find(classesInImage.begin(), classesInImage.end(), c) == classesInImage.end()) {
            classesInImage.push_back(c);
            add(st.classes[c].examples, split, 1);
        }
        ++st.boxes;
        st.histograms[0].counts[binOf(kSizeEdges, w)]++;
        st.histograms[1].counts[binOf(kSizeEdges, h)]++;
        st.histograms[2].counts[binOf(kAreaEdges, w * h / (W * H))]++;
        st.histograms[3].counts[binOf(kRatioEdges, h / std::max(w, 1e-9))]++;
        const double scale = inputScale(W, H, minSide, maxSide);
        if (std::min(w, h) * scale < minPx) {
            ++f.smallBoxes;
            if (!smallMarked)
                f.smallExamples.push_back(example);
            smallMarked = true;
        }
        if (w * h > largeFraction * W * H) {
            ++f.largeBoxes;
            if (!largeMarked)
                f.largeExamples.push_back(example);
            largeMarked = true;
        }
    }
    if (st.boxes == 0)
        st.histograms.clear();
    return f;
}

} // namespace

std::vector<std::vector<qint64>> nearDuplicateGroups(const std::vector<std::pair<qint64, quint64>> &hashes,
                                                     int maxDistance)
{
    const int pieces = std::max(1, maxDistance + 1);
    UnionFind uf(hashes.size());
    for (int p = 0; p < pieces; ++p) {
        const int lo = 64 * p / pieces, hi = 64 * (p + 1) / pieces;
        const quint64 mask = (hi - lo == 64) ? ~0ULL : (((1ULL << (hi - lo)) - 1) << lo);
        std::unordered_map<quint64, std::vector<int>> buckets;
        for (size_t i = 0; i < hashes.size(); ++i)
            buckets[hashes[i].second & mask].push_back(int(i));
        for (auto &[key, members] : buckets)
            for (size_t a = 0; a < members.size(); ++a)
                for (size_t b = a + 1; b < members.size(); ++b) {
                    const auto ha = hashes[size_t(members[a])].second, hb = hashes[size_t(members[b])].second;
                    if (hashDistance(ha, hb) <= maxDistance)
                        uf.unite(members[a], members[b]);
                }
    }
    std::unordered_map<int, std::vector<qint64>> groups;
    for (size_t i = 0; i < hashes.size(); ++i)
        groups[uf.find(int(i))].push_back(hashes[i].first);
    std::vector<std::vector<qint64>> out;
    for (auto &[root, members] : groups)
        if (members.size() > 1) {
            std::sort(members.begin(), members.end());
            out.push_back(std::move(members));
        }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

// An image deleted or moved out of images/ by hand: training and evaluation leave the example out, an
// export skips it; the health panel names them so the user can restore or delete them.
void warnMissingImages(const Project &project, DatasetStatistics &st)
{
    std::vector<qint64> missing;
    QStringList names;
    QSqlQuery q = sql::run(const_cast<Project &>(project).database(),
                           QStringLiteral("SELECT id, hash, suffix, file_name FROM examples ORDER BY id"), {},
                           "checking the images");
    while (q.next())
        if (!QFileInfo::exists(project.imagePath(q.value(1).toString(), q.value(2).toString()))) {
            missing.push_back(q.value(0).toLongLong());
            if (names.size() < 5)
                names << q.value(3).toString();
        }
    if (missing.empty())
        return;
    st.warnings.push_back(
        {QStringLiteral("missing_images"),
         QCoreApplication::translate("visor::Statistics",
                                     "%n example(s) have lost their image file in images/ (%2%3): training, "
                                     "evaluation and export leave them out; restore the files or delete the examples.",
                                     nullptr, int(missing.size()))
             .arg(names.join(QStringLiteral(", ")))
             .arg(missing.size() > size_t(names.size()) ? QStringLiteral(", ...") : QString()),
         {{QStringLiteral("examples"), qint64(missing.size())}},
         missing,
         {}});
}

} // namespace

QJsonObject statisticsParameters(const ParameterSet &params)
{
    QJsonObject read;
    for (const ParamSpec &spec : ParameterRegistry::instance().all())
        if (spec.group() == QLatin1String("health") || spec.key == QLatin1String("input.min_side") ||
            spec.key == QLatin1String("input.max_side"))
            read.insert(spec.key, params.value(spec.key));
    return read;
}

DatasetStatistics computeStatistics(const Project &project)
{
    const QSqlDatabase &db = const_cast<Project &>(project).database();
    const ParameterSet params = project.parameters();
    const bool detection = project.kind() == DatasetKind::ObjectDetection;
    DatasetStatistics st;
    st.kind = project.kind();

    // Examples by split and labelled state.
    {
        QSqlQuery q =
            sql::run(db, QStringLiteral("SELECT split, labelled, COUNT(*) FROM examples GROUP BY split, labelled"), {},
                     "counting examples");
        while (q.next()) {
            const qint64 n = q.value(2).toLongLong();
            add(st.splits, splitIndex(q.value(0)), n);
            if (!q.value(1).toBool())
                add(st.unlabelledSplits, splitIndex(q.value(0)), n);
        }
        st.examples = st.splits.total();
        st.unlabelled = st.unlabelledSplits.total();
        st.annotated = st.examples - st.unlabelled;
    }

    // Per class, per split.
    std::unordered_map<qint64, size_t> classIndex;
    for (const ClassInfo &c : project.classes()) {
        classIndex[c.id] = st.classes.size();
        st.classes.push_back({c, {}, {}});
    }
    // Detection: one pass over every box (ordered by image) gives the per-class counts, the
    // histograms and the small/large box findings. SQLite's C API: 500,000 boxes in a fraction of
    // a second, where QSqlQuery's QVariants would take seconds.
    BoxFindings findings;
    if (detection) {
        const ParameterSet &p = params;
        findings =
            scanBoxes(const_cast<QSqlDatabase &>(db), st, classIndex, p.toInt(QStringLiteral("input.min_side")),
                      p.toInt(QStringLiteral("input.max_side")), p.toInt(QStringLiteral("health.min_box_pixels")),
                      p.toDouble(QStringLiteral("health.large_box_fraction")));
    } else {
        QSqlQuery q =
            sql::run(db,
                     QStringLiteral("SELECT class_id, split, COUNT(*) FROM examples WHERE class_id IS NOT NULL "
                                    "GROUP BY class_id, split"),
                     {}, "counting examples per class");
        while (q.next())
            add(st.classes[classIndex.at(q.value(0).toLongLong())].examples, splitIndex(q.value(1)),
                q.value(2).toLongLong());
    }

    // ---- warnings
    auto warn = [&st](const QString &code, const QString &message, QJsonObject numbers,
                      std::vector<qint64> examples = {}) {
        st.warnings.push_back({code, message, std::move(numbers), std::move(examples), {}});
    };

    if (st.annotated < kMinTrainingExamples) {
        const qint64 missing = kMinTrainingExamples - st.annotated;
        warn(QStringLiteral("too_few_examples"),
             QCoreApplication::translate(
                 "visor::Statistics",
                 "Training needs at least %1 annotated examples; this data set has %2, so %3 more are needed "
                 "(about 300 give good results, about 1000 suit production).")
                 .arg(kMinTrainingExamples)
                 .arg(st.annotated)
                 .arg(missing),
             {{QStringLiteral("annotated"), st.annotated},
              {QStringLiteral("needed"), kMinTrainingExamples},
              {QStringLiteral("missing"), missing}},
             ids(sql::run(db, QStringLiteral("SELECT id FROM examples WHERE labelled = 0 ORDER BY id"), {},
                          "listing unlabelled")));
    }

    // Annotated examples per split; an empty validation or test split leaves the trainer blind.
    if (st.annotated >= kMinTrainingExamples) {
        for (Split split : {Split::Val, Split::Test}) {
            const size_t i = size_t(split);
            if (st.splits.counts[i] - st.unlabelledSplits.counts[i] > 0)
                continue;
            warn(QStringLiteral("empty_split"),
                 QCoreApplication::translate(
                     "visor::Statistics",
                     "The %1 split holds no annotated example (the imported data named only other splits). "
                     "Run 'visor-cli split --fill' to fill it from the training split, or pin examples to it.")
                     .arg(split == Split::Val ? QCoreApplication::translate("visor::Statistics", "validation")
                                              : QCoreApplication::translate("visor::Statistics", "test")),
                 {{QStringLiteral("split"), splitKey(split)}, {QStringLiteral("examples"), 0}});
        }
    }

    auto classExamples = [&](qint64 classId, const QString &extra) {
        return ids(sql::run(
            db,
            detection ? QStringLiteral("SELECT DISTINCT b.example_id FROM boxes b JOIN examples e ON e.id = "
                                       "b.example_id WHERE b.class_id = ? %1 ORDER BY 1")
                            .arg(extra)
                      : QStringLiteral("SELECT e.id FROM examples e WHERE e.class_id = ? %1 ORDER BY 1").arg(extra),
            {classId}, "listing a class's examples"));
    };

    qint64 largest = 0, smallest = std::numeric_limits<qint64>::max();
    for (const ClassStatistics &c : st.classes) {
        const qint64 n = c.examples.total();
        if (n == 0) {
            warn(QStringLiteral("empty_class"),
                 QCoreApplication::translate("visor::Statistics", "Class '%1' has no examples.").arg(c.info.name),
                 {{QStringLiteral("class"), c.info.name}, {QStringLiteral("examples"), 0}});
            continue;
        }
        if (c.examples.counts[size_t(Split::Train)] == 0 &&
            c.examples.counts[size_t(Split::Val)] + c.examples.counts[size_t(Split::Test)] > 0)
            warn(
                QStringLiteral("class_missing_in_train"),
                QCoreApplication::translate(
                    "visor::Statistics",
                    "Class '%1' has %n example(s) but none in the training split; the model cannot learn it.", nullptr,
                    int(n))
                    .arg(c.info.name),
                {{QStringLiteral("class"), c.info.name}, {QStringLiteral("examples"), n}, {QStringLiteral("train"), 0}},
                classExamples(c.info.id, {}));
        const qint64 size = detection ? c.boxes.total() : n;
        largest = std::max(largest, size);
        smallest = std::min(smallest, size);
    }

    const double ratioLimit = params.toDouble(QStringLiteral("health.imbalance_ratio"));
    if (largest > 0 && smallest < std::numeric_limits<qint64>::max() &&
        double(largest) / double(smallest) > ratioLimit) {
        QStringList small;
        std::vector<qint64> concerned;
        for (const ClassStatistics &c : st.classes) {
            const qint64 size = detection ? c.boxes.total() : c.examples.total();
            if (size > 0 && double(largest) / double(size) > ratioLimit) {
                small << QStringLiteral("%1 (%2)").arg(c.info.name).arg(size);
                for (qint64 id : classExamples(c.info.id, {}))
                    concerned.push_back(id);
            }
        }
        std::sort(concerned.begin(), concerned.end());
        concerned.erase(std::unique(concerned.begin(), concerned.end()), concerned.end());
        const double ratio = double(largest) / double(smallest);
        warn(QStringLiteral("imbalance"),
             QCoreApplication::translate(
                 "visor::Statistics",
                 "Classes are imbalanced: the largest has %1 %2 and the smallest %3, a ratio of %4 (above %5). "
                 "Under-represented: %6. Add examples of these classes.")
                 .arg(largest)
                 .arg(detection ? QCoreApplication::translate("visor::Statistics", "objects")
                                : QCoreApplication::translate("visor::Statistics", "examples"))
                 .arg(smallest)
                 .arg(ratio, 0, 'f', 1)
                 .arg(ratioLimit)
                 .arg(small.join(QStringLiteral(", "))),
             {{QStringLiteral("largest"), largest},
              {QStringLiteral("smallest"), smallest},
              {QStringLiteral("ratio"), ratio},
              {QStringLiteral("limit"), ratioLimit}},
             concerned);
    }

    if (findings.smallBoxes > 0) {
        const int minSide = params.toInt(QStringLiteral("input.min_side"));
        const int maxSide = params.toInt(QStringLiteral("input.max_side"));
        const int minPx = params.toInt(QStringLiteral("health.min_box_pixels"));
        warn(QStringLiteral("small_boxes"),
             QCoreApplication::translate(
                 "visor::Statistics",
                 "%n box(es) will be smaller than %3 px after resizing to the input resolution "
                 "(shorter side %4, longer side at most %5); the network may not see them. Raise "
                 "input.min_side / input.max_side or crop. Images concerned: %2.",
                 nullptr, int(findings.smallBoxes))
                 .arg(findings.smallExamples.size())
                 .arg(minPx)
                 .arg(minSide)
                 .arg(maxSide),
             {{QStringLiteral("boxes"), findings.smallBoxes},
              {QStringLiteral("min_pixels"), minPx},
              {QStringLiteral("min_side"), minSide},
              {QStringLiteral("max_side"), maxSide}},
             findings.smallExamples);
    }
    if (findings.largeBoxes > 0) {
        const double largeFraction = params.toDouble(QStringLiteral("health.large_box_fraction"));
        warn(QStringLiteral("large_boxes"),
             QCoreApplication::translate(
                 "visor::Statistics",
                 "%n box(es) cover more than %3% of their image; such boxes teach little "
                 "about where the object is (is this a classification task?). Images concerned: %2.",
                 nullptr, int(findings.largeBoxes))
                 .arg(findings.largeExamples.size())
                 .arg(largeFraction * 100, 0, 'g', 3),
             {{QStringLiteral("boxes"), findings.largeBoxes}, {QStringLiteral("fraction"), largeFraction}},
             findings.largeExamples);
    }

    // Near-duplicates by perceptual hash, and those straddling splits (leakage between train and test).
    {
        std::vector<std::pair<qint64, quint64>> hashes;
        std::unordered_map<qint64, int> splitOf;
        QSqlQuery q = sql::run(db, QStringLiteral("SELECT id, phash, split FROM examples WHERE phash != 0"), {},
                               "reading perceptual hashes");
        while (q.next()) {
            hashes.emplace_back(q.value(0).toLongLong(), quint64(q.value(1).toLongLong()));
            splitOf[q.value(0).toLongLong()] = splitIndex(q.value(2));
        }
        const int distance = params.toInt(QStringLiteral("health.near_duplicate_distance"));
        const auto groups = nearDuplicateGroups(hashes, distance);
        if (!groups.empty()) {
            std::vector<qint64> all;
            std::vector<std::vector<qint64>> leaking;
            std::vector<qint64> leakingIds;
            for (const auto &g : groups) {
                all.insert(all.end(), g.begin(), g.end());
                const int first = splitOf[g.front()];
                if (std::any_of(g.begin(), g.end(), [&](qint64 id) { return splitOf[id] != first; })) {
                    leaking.push_back(g);
                    leakingIds.insert(leakingIds.end(), g.begin(), g.end());
                }
            }
            std::sort(all.begin(), all.end());
            st.warnings.push_back(
                {QStringLiteral("near_duplicates"),
                 QCoreApplication::translate(
                     "visor::Statistics",
                     "%n group(s) of near-duplicate images (%2 images in all, perceptual hashes within "
                     "%3 bits); they add little and inflate the apparent data set size.",
                     nullptr, int(groups.size()))
                     .arg(all.size())
                     .arg(distance),
                 {{QStringLiteral("groups"), qint64(groups.size())},
                  {QStringLiteral("images"), qint64(all.size())},
                  {QStringLiteral("distance"), distance}},
                 all,
                 groups});
            if (!leaking.empty()) {
                std::sort(leakingIds.begin(), leakingIds.end());
                st.warnings.push_back({QStringLiteral("duplicate_leakage"),
                                       QCoreApplication::translate(
                                           "visor::Statistics",
                                           "%n group(s) of near-duplicate images sit in different splits, so "
                                           "validation and test partly measure memory; pin each group to one split.",
                                           nullptr, int(leaking.size())),
                                       {{QStringLiteral("groups"), qint64(leaking.size())},
                                        {QStringLiteral("images"), qint64(leakingIds.size())}},
                                       leakingIds,
                                       leaking});
            }
        }
    }
    warnMissingImages(project, st);
    return st;
}

QJsonObject DatasetStatistics::toJson() const
{
    const bool detection = kind == DatasetKind::ObjectDetection;
    QJsonArray classArray;
    for (const ClassStatistics &c : classes) {
        QJsonObject o{{QStringLiteral("id"), c.info.id},          {QStringLiteral("name"), c.info.name},
                      {QStringLiteral("color"), c.info.color},    {QStringLiteral("examples"), c.examples.total()},
                      {QStringLiteral("boxes"), c.boxes.total()}, {QStringLiteral("splits"), splitsJson(c.examples)}};
        if (detection)
            o.insert(QStringLiteral("box_splits"), splitsJson(c.boxes));
        classArray.append(o);
    }
    QJsonArray warningArray;
    for (const HealthWarning &w : warnings) {
        QJsonArray ex, groupArray;
        for (qint64 id : w.examples)
            ex.append(id);
        for (const auto &g : w.groups) {
            QJsonArray ga;
            for (qint64 id : g)
                ga.append(id);
            groupArray.append(ga);
        }
        QJsonObject o{{QStringLiteral("code"), w.code},
                      {QStringLiteral("message"), w.message},
                      {QStringLiteral("numbers"), w.numbers},
                      {QStringLiteral("examples"), ex}};
        if (!groupArray.isEmpty())
            o.insert(QStringLiteral("groups"), groupArray);
        warningArray.append(o);
    }
    QJsonArray histogramArray;
    for (const Histogram &h : histograms) {
        QJsonArray edges, counts;
        for (double e : h.edges)
            edges.append(std::isfinite(e) ? QJsonValue(e) : QJsonValue(QStringLiteral("inf")));
        for (qint64 c : h.counts)
            counts.append(c);
        histogramArray.append(QJsonObject{{QStringLiteral("quantity"), h.quantity},
                                          {QStringLiteral("edges"), edges},
                                          {QStringLiteral("counts"), counts}});
    }
    return {{QStringLiteral("kind"), kindName(kind)},
            {QStringLiteral("examples"), examples},
            {QStringLiteral("annotated"), annotated},
            {QStringLiteral("unlabelled"), unlabelled},
            {QStringLiteral("boxes"), boxes},
            {QStringLiteral("splits"), splitsJson(splits)},
            {QStringLiteral("unlabelled_splits"), splitsJson(unlabelledSplits)},
            {QStringLiteral("classes"), classArray},
            {QStringLiteral("histograms"), histogramArray},
            {QStringLiteral("warnings"), warningArray}};
}

QString DatasetStatistics::toText() const
{
    QString out;
    QTextStream s(&out);
    const bool detection = kind == DatasetKind::ObjectDetection;
    s << "Kind: " << kindName(kind) << "\n";
    s << "Examples: " << examples << " (" << annotated << " annotated, " << unlabelled << " unlabelled)";
    if (detection)
        s << ", " << boxes << " boxes";
    s << "\nSplits: train " << splits.counts[0] << ", val " << splits.counts[1] << ", test " << splits.counts[2];
    if (splits.unassigned)
        s << ", unassigned " << splits.unassigned;
    s << "\n\nClasses:\n";
    for (const ClassStatistics &c : classes) {
        s << "  " << c.info.name.leftJustified(24) << " " << QString::number(c.examples.total()).rightJustified(7)
          << " examples";
        if (detection)
            s << QString::number(c.boxes.total()).rightJustified(8) << " boxes";
        s << "   train " << c.examples.counts[0] << ", val " << c.examples.counts[1] << ", test "
          << c.examples.counts[2] << "\n";
    }
    for (const Histogram &h : histograms) {
        s << "\n" << h.quantity << ":";
        for (size_t i = 0; i < h.counts.size(); ++i)
            if (h.counts[i])
                s << "  [" << QString::number(h.edges[i], 'g', 3) << ", "
                  << (std::isfinite(h.edges[i + 1]) ? QString::number(h.edges[i + 1], 'g', 3) : QStringLiteral("inf"))
                  << ") " << h.counts[i];
    }
    if (!histograms.empty())
        s << "\n";
    s << "\nWarnings: " << (warnings.empty() ? QStringLiteral("none") : QString::number(warnings.size())) << "\n";
    for (const HealthWarning &w : warnings)
        s << "  [" << w.code << "] " << w.message
          << (w.examples.empty()
                  ? QString()
                  : QCoreApplication::translate("visor::Statistics", " (%1 examples)").arg(w.examples.size()))
          << "\n";
    return out;
}

} // namespace visor
