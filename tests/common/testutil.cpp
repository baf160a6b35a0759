#include "testutil.h"
#include "synth/shapes.h"
#include "train/modelexport.h"
#include "train/trainer.h"

#include <QJsonArray>
#include <QProcess>
#include <atomic>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace visor::test {

QByteArray imageBytes(int w, int h, int seed, bool jpeg)
{
    cv::Mat img(h, w, CV_8UC3);
    cv::RNG rng(quint64(seed) * 7919 + 17);
    rng.fill(img, cv::RNG::UNIFORM, 0, 255);
    cv::GaussianBlur(img, img, cv::Size(0, 0), 2.0);
    std::vector<uchar> buf;
    cv::imencode(jpeg ? ".jpg" : ".png", img, buf);
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

void writeFile(const QString &dir, const QString &relative, const QByteArray &bytes)
{
    const QString path = QDir(dir).filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::unique_ptr<TempProject> makeProject(DatasetKind kind, const QString &name)
{
    auto t = std::make_unique<TempProject>();
    t->project = Project::create(t->path(), name, kind);
    return t;
}

std::vector<NewExample> imageExamples(Project &project, int n, int w, int h)
{
    std::vector<NewExample> out(size_t(std::max(0, n)));
    for (int i = 0; i < n; ++i) {
        NewExample &ne = out[size_t(i)];
        ne.meta.hash = project.storeImage(imageBytes(w, h, i), QStringLiteral("png"));
        ne.meta.suffix = QStringLiteral("png");
        ne.meta.fileName = QStringLiteral("%1.png").arg(i);
        ne.meta.width = w;
        ne.meta.height = h;
    }
    return out;
}

std::vector<qint64> addPlainExamples(Project &project, int n, int w, int h, qint64 classId, std::vector<Box> boxes,
                                     int seedOffset)
{
    std::vector<NewExample> items;
    for (int i = 0; i < n; ++i) {
        NewExample ne;
        // Distinct content without encoding an image: the store only needs distinct hashes here.
        const QByteArray bytes = QByteArray("plain-example-") + QByteArray::number(i + seedOffset) + '-' +
                                 QByteArray::number(qint64(classId)) + '-' + project.name().toUtf8();
        ne.meta.hash = project.storeImage(bytes, QStringLiteral("png"));
        ne.meta.suffix = QStringLiteral("png");
        ne.meta.fileName = QStringLiteral("plain_%1.png").arg(i + seedOffset);
        ne.meta.width = w;
        ne.meta.height = h;
        ne.meta.labelled = classId != 0 || !boxes.empty();
        if (project.kind() == DatasetKind::Classification)
            ne.meta.classId = classId;
        ne.boxes = boxes;
        items.push_back(ne);
    }
    return project.addExamples(items).added;
}

CliResult runProgram(const QString &program, const QStringList &args, const std::map<QString, QString> &environment,
                     int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[key, value] : environment)
        env.insert(key, value);
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("%s did not finish", qPrintable(program));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

CliResult runCli(const QStringList &args, const std::map<QString, QString> &environment, int timeoutMs)
{
    return runProgram(QStringLiteral(VISOR_CLI_PATH), args, environment, timeoutMs);
}

CliResult runEdge(const QStringList &args, int timeoutMs)
{
    return runProgram(QStringLiteral(VISOR_EDGE_PATH), args, {}, timeoutMs);
}

bool hasEntry(const ImportReport &r, const QString &file, const QString &fragment)
{
    for (const ImportEntry &e : r.entries)
        if (e.file.contains(file) && e.message.contains(fragment))
            return true;
    return false;
}

QString dump(const ImportReport &r)
{
    return r.toText(1000);
}

QByteArray vocXml(const QString &fileName, const QString &objects, int w, int h)
{
    return QStringLiteral("<annotation><filename>%1</filename><size><width>%3</width><height>%4</height><depth>3</"
                          "depth></size>%2</annotation>")
        .arg(fileName, objects)
        .arg(w)
        .arg(h)
        .toUtf8();
}

QString vocObject(const QString &name, double x1, double y1, double x2, double y2)
{
    return QStringLiteral("<object><name>%1</name><bndbox><xmin>%2</xmin><ymin>%3</ymin><xmax>%4</xmax><ymax>%5</"
                          "ymax></bndbox></object>")
        .arg(name)
        .arg(x1)
        .arg(y1)
        .arg(x2)
        .arg(y2);
}

QString sharedDir()
{
    const QString dir = QStringLiteral(VISOR_SHARED_DIR);
    return QFileInfo(dir + QStringLiteral("/datasets")).isDir() ? QFileInfo(dir).canonicalFilePath() : QString();
}

std::unique_ptr<TempProject> trainedProject(DatasetKind kind, qint64 *runId)
{
    auto t = makeProject(kind);
    synth::ShapesOptions so;
    so.kind = kind;
    so.count = 40;
    so.width = 64;
    so.height = 48;
    so.minSize = 14;
    so.maxSize = 24;
    so.maxShapes = 2;
    synth::addShapes(*t->project, so);
    train::TrainOptions o;
    ParameterSet &p = o.parameters;
    p.set(QStringLiteral("input.min_side"), 48);
    p.set(QStringLiteral("input.max_side"), 64);
    p.set(QStringLiteral("input.channels"), 3);
    p.set(QStringLiteral("classifier.depth"), 2);
    p.set(QStringLiteral("classifier.width"), 8);
    p.set(QStringLiteral("detector.width"), 16);
    p.set(QStringLiteral("anchors.sizes"), QJsonArray{12, 24, 48});
    p.set(QStringLiteral("anchors.strides"), QJsonArray{8, 16, 32});
    p.set(QStringLiteral("train.steps_per_epoch"), 50);
    p.set(QStringLiteral("train.batch_size"), 4);
    p.set(QStringLiteral("train.epochs"), 1);
    p.set(QStringLiteral("train.confidence_threshold"), 0.1);
    o.threads = 2;
    o.allowCuda = false;
    train::TrainHooks hooks;
    std::atomic<bool> cancel{false};
    const train::RunSummary s = train::Trainer(*t->project, o).run(hooks, cancel);
    if (s.status != QLatin1String("finished"))
        qFatal("training failed: %s", qPrintable(s.message));
    *runId = s.runId;
    return t;
}

std::unique_ptr<TempProject> exportedProject(DatasetKind kind, QString *bundle)
{
    qint64 run = 0;
    auto t = trainedProject(kind, &run);
    train::ExportOptions o;
    o.folder = t->dir.filePath(QStringLiteral("bundle"));
    o.split = Split::Test;
    train::exportModel(*t->project, run, o);
    *bundle = o.folder;
    return t;
}

} // namespace visor::test
