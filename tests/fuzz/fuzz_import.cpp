// One libFuzzer target per importer (and one for the image decoder), built by tests/fuzz/CMakeLists.txt.
// Each input becomes the annotation file(s) of a small data set beside valid images, imported into a
// fresh project: any crash, sanitizer report, hang or unbounded allocation is a finding.
#include "formats/formats.h"
#include "formats/imageinfo.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cstdint>
#include <memory>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace visor;

namespace {

QByteArray pngBytes(int w, int h, int shade)
{
    std::vector<uchar> buf;
    cv::imencode(".png", cv::Mat(h, w, CV_8UC3, cv::Scalar(shade, 255 - shade, 90)), buf);
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

void put(const QString &dir, const QString &relative, const QByteArray &bytes)
{
    const QString path = QDir(dir).filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

// The input's parts: a 0 byte separates them (the second file of a format that reads two).
std::pair<QByteArray, QByteArray> parts(const QByteArray &input)
{
    const qsizetype at = input.indexOf('\0');
    return at < 0 ? std::make_pair(input, QByteArray()) : std::make_pair(input.left(at), input.mid(at + 1));
}

std::unique_ptr<QTemporaryDir> g_root;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // the SQLite driver is a plugin: it wants an application
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    qputenv("QT_LOGGING_RULES", "*=false");
    g_root = std::make_unique<QTemporaryDir>(QFileInfo(QStringLiteral("/dev/shm")).isDir()
                                                 ? QStringLiteral("/dev/shm/visor-fuzz-XXXXXX")
                                                 : QDir::tempPath() + QStringLiteral("/visor-fuzz-XXXXXX"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
#ifdef VISOR_FUZZ_FORMAT_image
    const ImageInfo info = inspectImage(input, 4'000'000); // 4 MP: a bound on memory per input
    (void)readHeaderSize(input);
    (void)info;
    return 0;
#else
    static int counter = 0;
    const QString dir = g_root->filePath(QString::number(++counter));
    const QString source = dir + QStringLiteral("/source");
    const auto [first, second] = parts(input);
    const QByteArray image = pngBytes(32, 24, 10), other = pngBytes(24, 32, 200);
    Format format = Format::Voc;
#if defined(VISOR_FUZZ_FORMAT_voc)
    put(source, QStringLiteral("Annotations/a.xml"), first);
    put(source, QStringLiteral("ImageSets/Main/train.txt"), second);
    put(source, QStringLiteral("JPEGImages/a.png"), image);
    put(source, QStringLiteral("JPEGImages/b.png"), other);
#elif defined(VISOR_FUZZ_FORMAT_coco)
    format = Format::Coco;
    put(source, QStringLiteral("annotations/instances_train.json"), first);
    put(source, QStringLiteral("images/a.png"), image);
    put(source, QStringLiteral("images/b.png"), other);
#elif defined(VISOR_FUZZ_FORMAT_yolo)
    format = Format::Yolo;
    put(source, QStringLiteral("data.yaml"), first);
    put(source, QStringLiteral("labels/train/a.txt"), second);
    put(source, QStringLiteral("images/train/a.png"), image);
#elif defined(VISOR_FUZZ_FORMAT_labelme)
    format = Format::LabelMe;
    put(source, QStringLiteral("a.json"), first);
    put(source, QStringLiteral("a.png"), image);
#elif defined(VISOR_FUZZ_FORMAT_edge)
    format = Format(QStringLiteral("edge")); // visor-edge's feedback: predictions become proposals
    put(source, QStringLiteral("a.json"), first);
    put(source, QStringLiteral("a.png"), image);
#endif
    try {
        auto project =
            Project::create(dir + QStringLiteral("/project"), QStringLiteral("fuzz"), DatasetKind::ObjectDetection);
        ImportOptions options;
        options.format = format;
        options.threads = 1;
        (void)importDataset(*project, source, options);
    } catch (const Error &) {
        // a refusal with a message is a correct answer to a hostile input
    }
    QDir(dir).removeRecursively();
    return 0;
#endif
}
