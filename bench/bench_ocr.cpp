// Reading generated text (issue 13.4): a detector trained on `ocr` lines in the training fonts, for a
// time budget, reads lines in fonts it never saw.
//
//   build/bin/bench_ocr [--minutes 15] [--train 2000] [--test 200] [--dir /tmp/visor-bench-ocr] [--no-suggest]
//
// 1. A detection project of --train lines (ocr.fonts=training, seed 1), created once and reused.
// 2. Its settings from the advisor for the budget (what Suggest then Start does), unless --no-suggest.
// 3. Training for --minutes (the trainer's time limit), then --test lines in the held-out fonts
//    (ocr.fonts=held_out, seed 2) predicted with the run's model: character mAP@0.5 and mAP@[.5:.95]
//    over the held-out lines, and exact-line accuracy: the characters above the run's best-F1
//    threshold, overlapping ones merged (IoU 0.5), sorted left to right, equal to the line's text.

#include "advise/advisor.h"
#include "benchutil.h"
#include "eval/metrics.h"
#include "synth/generator.h"
#include "synth/ocr.h"
#include "train/inference.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <algorithm>

using namespace visor;

namespace {

QTextStream out(stdout);

QString argument(const QStringList &args, const QString &name, const QString &fallback)
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

std::unique_ptr<Project> linesProject(const QString &dir, const QString &fonts, int count, quint64 seed)
{
    if (QFile::exists(dir + QStringLiteral("/project.visor"))) {
        auto p = Project::open(dir);
        if (p->exampleCount() == count)
            return p;
        p.reset();
        QDir(dir).removeRecursively();
    }
    auto p = Project::create(dir, QStringLiteral("ocr-") + fonts, DatasetKind::ObjectDetection);
    const synth::GeneratorInfo &ocr = synth::generatorRegistry().at(QStringLiteral("ocr"));
    synth::generate(*p, ocr, count, seed, synth::generatorValues(ocr, {{QStringLiteral("ocr.fonts"), fonts}}));
    return p;
}

float iou(const train::DetectedBox &a, const train::DetectedBox &b)
{
    const float w = std::max(0.f, std::min(a.x2, b.x2) - std::max(a.x1, b.x1));
    const float h = std::max(0.f, std::min(a.y2, b.y2) - std::max(a.y1, b.y1));
    const float inter = w * h, uni = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
    return uni > 0 ? inter / uni : 0;
}

} // namespace

int main(int argc, char **argv)
{
    train::configureAllocator();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const double minutes = argument(args, QStringLiteral("--minutes"), QStringLiteral("15")).toDouble();
    const int trainCount = argument(args, QStringLiteral("--train"), QStringLiteral("2000")).toInt();
    const int testCount = argument(args, QStringLiteral("--test"), QStringLiteral("200")).toInt();
    const QString dir = argument(args, QStringLiteral("--dir"), QStringLiteral("/tmp/visor-bench-ocr"));
    const QStringList fonts = synth::ocrFontFiles();
    if (fonts.size() < 2) {
        out << "bench_ocr: needs at least two fonts (found " << fonts.size() << ")\n";
        return 1;
    }
    out << "fonts: " << synth::ocrFonts(QStringLiteral("training")).size() << " for training, "
        << synth::ocrFonts(QStringLiteral("held_out")).size() << " held out:";
    for (const QString &f : synth::ocrFonts(QStringLiteral("held_out")))
        out << " " << QFileInfo(f).fileName();
    out << "\n";
    QElapsedTimer clock;
    clock.start();
    auto project = linesProject(dir + QStringLiteral("/train"), QStringLiteral("training"), trainCount, 1);
    auto heldOut = linesProject(dir + QStringLiteral("/held_out"), QStringLiteral("held_out"), testCount, 2);
    out << trainCount << " training and " << testCount << " held-out lines ready in " << clock.elapsed() / 1000
        << " s\n";
    out.flush();

    ParameterSet p = project->parameters();
    if (!args.contains(QStringLiteral("--no-suggest"))) {
        advise::Budget budget;
        budget.minutes = minutes;
        const advise::Suggestion s = advise::suggest(*project, budget);
        p = s.applied(p);
        out << "advisor: " << s.summary << "\n";
    }
    out << "settings changed from the defaults:";
    for (const QString &k : p.changedKeys())
        out << " " << k << "=" << p.toString(k);
    out << "\n";
    out.flush();
    train::TrainOptions options;
    options.parameters = p;
    options.timeLimitSeconds = minutes * 60;
    std::atomic<bool> cancel{false};
    bench::EpochPrinter printer(out, QStringLiteral("  "));
    train::Trainer trainer(*project, options);
    const train::RunSummary run = trainer.run(printer, cancel);
    out << "status " << run.status << " after " << run.epochs << " epoch(s), " << QString::number(run.seconds, 'f', 0)
        << " s; test split (training fonts): "
        << QJsonDocument(run.testMetrics).toJson(QJsonDocument::Compact).left(160) << "...\n";
    if (run.runId == 0)
        return 1;

    // The held-out fonts.
    auto predictor = train::Predictor::open(*project, run.runId);
    predictor->setThreshold(0.05);
    predictor->setMaxBoxes(100);
    const QStringList classes = predictor->classNames();
    std::map<qint64, int> classIndex;
    for (const ClassInfo &c : heldOut->classes())
        classIndex[c.id] = int(classes.indexOf(c.name));
    std::vector<eval::GroundTruth> truth;
    std::vector<eval::Detection> detections;
    std::vector<QString> texts;
    std::vector<std::vector<train::DetectedBox>> found;
    clock.restart();
    int image = 0;
    for (qint64 id : heldOut->exampleIds()) {
        std::vector<Box> boxes = heldOut->boxes(id);
        std::sort(boxes.begin(), boxes.end(), [](const Box &a, const Box &b) { return a.x1 + a.x2 < b.x1 + b.x2; });
        QString text;
        for (const Box &b : boxes) {
            truth.push_back({image, classIndex[b.classId], b.x1, b.y1, b.x2, b.y2, false});
            text += classes.value(classIndex[b.classId]);
        }
        texts.push_back(text);
        const train::Prediction pr = predictor->predictFile(heldOut->imagePath(*heldOut->example(id)));
        for (const train::DetectedBox &d : pr.boxes)
            detections.push_back({image, d.label, d.score, d.x1, d.y1, d.x2, d.y2});
        found.push_back(pr.boxes);
        ++image;
    }
    const double msPerImage = double(clock.elapsed()) / std::max(1, image);
    const eval::DetectionMetrics m = eval::detectionMetrics(truth, detections, int(classes.size()));
    const double threshold = m.bestF1Threshold > 0 ? m.bestF1Threshold : 0.5;
    int exact = 0;
    for (size_t i = 0; i < found.size(); ++i) {
        std::vector<train::DetectedBox> kept;
        std::vector<train::DetectedBox> boxes = found[i];
        std::sort(boxes.begin(), boxes.end(), [](auto &a, auto &b) { return a.score > b.score; });
        for (const auto &b : boxes)
            if (b.score >= threshold &&
                std::none_of(kept.begin(), kept.end(), [&](const auto &k) { return iou(k, b) > 0.5f; }))
                kept.push_back(b);
        std::sort(kept.begin(), kept.end(), [](auto &a, auto &b) { return a.x1 + a.x2 < b.x1 + b.x2; });
        QString read;
        for (const auto &b : kept)
            read += b.className;
        exact += read == texts[i] ? 1 : 0;
    }
    out << "held-out fonts, " << image << " lines, " << truth.size() << " characters: character mAP@0.5 "
        << QString::number(m.map50, 'f', 3) << ", mAP@[.5:.95] " << QString::number(m.map, 'f', 3) << "; exact lines "
        << exact << "/" << image << " (" << QString::number(100.0 * exact / std::max(1, image), 'f', 1)
        << "%) at the best-F1 threshold " << QString::number(threshold, 'f', 2) << "; "
        << QString::number(msPerImage, 'f', 1) << " ms per line (target: mAP@0.5 >= 0.9)\n";
    return 0;
}
