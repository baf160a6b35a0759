#pragma once
// Helpers shared by the benchmark programs.

#include "project/project.h"
#include "project/splitter.h"
#include "train/trainer.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QTextStream>
#include <memory>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <vector>

namespace visor::bench {

/// A distinct 16x16 PNG per index: four 8x8 blocks whose grey levels spell out the index.
inline QByteArray tinyPng(int index)
{
    cv::Mat img(16, 16, CV_8UC3);
    for (int b = 0; b < 4; ++b) {
        const int v = (index >> (b * 8)) & 0xff;
        img(cv::Rect((b % 2) * 8, (b / 2) * 8, 8, 8)).setTo(cv::Scalar(v, 255 - v, (v * 7) & 0xff));
    }
    std::vector<uchar> buf;
    cv::imencode(".png", img, buf);
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

/// Prints one line per epoch with the time since the run started, indented by `indent`.
struct EpochPrinter : train::TrainHooks {
    QTextStream &out;
    QString indent;
    QElapsedTimer clock;
    EpochPrinter(QTextStream &stream, const QString &prefix) : out(stream), indent(prefix) { clock.start(); }
    void epochEnd(const train::EpochMetrics &m) override
    {
        out << indent << train::describe(m, QStringLiteral("metric"))
            << QStringLiteral("  (%1 s total)\n").arg(double(clock.elapsed()) / 1000.0, 0, 'f', 0);
        out.flush();
    }
};

/// Where opencv-doc keeps the handwritten digits (apt-get install opencv-doc).
inline const char *kDigitsPath = "/usr/share/doc/opencv-doc/examples/data/digits.png";

/// A classification project of the 5000 handwritten digits of opencv-doc (20x20, 500 per class), split
/// with seed 7. Null when the sheet cannot be read.
inline std::unique_ptr<Project> makeDigitsProject(const QString &dir)
{
    const cv::Mat sheet = cv::imread(kDigitsPath, cv::IMREAD_GRAYSCALE);
    if (sheet.empty())
        return nullptr;
    auto project = Project::create(dir, QStringLiteral("digits"), DatasetKind::Classification);
    std::vector<qint64> classes;
    for (int c = 0; c < 10; ++c)
        classes.push_back(project->addClass(QString::number(c)));
    std::vector<NewExample> items;
    for (int row = 0; row < 50; ++row)
        for (int col = 0; col < 100; ++col) {
            std::vector<uchar> png;
            cv::imencode(".png", sheet(cv::Rect(col * 20, row * 20, 20, 20)), png);
            NewExample ne;
            ne.meta.hash = project->storeImage(
                QByteArray(reinterpret_cast<const char *>(png.data()), qsizetype(png.size())), QStringLiteral("png"));
            ne.meta.suffix = QStringLiteral("png");
            ne.meta.fileName = QStringLiteral("digit_%1_%2.png").arg(row).arg(col);
            ne.meta.width = ne.meta.height = 20;
            ne.meta.labelled = true;
            ne.meta.classId = classes[size_t(row / 5)]; // rows 0-4 are the digit 0, 5-9 the digit 1, ...
            items.push_back(ne);
        }
    project->syncImages();
    project->addExamples(items);
    project->setSplitSeed(7);
    assignSplits(*project, false);
    return project;
}

} // namespace visor::bench
