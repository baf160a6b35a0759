#include "imageinfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <csetjmp>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <jpeglib.h>

namespace visor {
namespace {

QString suffixFromSignature(const QByteArray &b)
{
    if (b.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("jpg");
    if (b.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("png");
    if (b.startsWith("BM"))
        return QStringLiteral("bmp");
    if (b.startsWith("II*\0") || b.startsWith("MM\0*"))
        return QStringLiteral("tif");
    if (b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return QStringLiteral("webp");
    return {};
}

quint32 be32(const QByteArray &b, qsizetype at)
{
    if (at + 4 > b.size())
        return 0;
    const auto *u = reinterpret_cast<const uchar *>(b.constData()) + at;
    return quint32(u[0]) << 24 | quint32(u[1]) << 16 | quint32(u[2]) << 8 | u[3];
}
quint32 be16(const QByteArray &b, qsizetype at)
{
    return at + 2 > b.size() ? 0 : quint32(uchar(b[at])) << 8 | uchar(b[at + 1]);
}
quint32 le32(const QByteArray &b, qsizetype at)
{
    if (at + 4 > b.size())
        return 0;
    const auto *u = reinterpret_cast<const uchar *>(b.constData()) + at;
    return quint32(u[3]) << 24 | quint32(u[2]) << 16 | quint32(u[1]) << 8 | u[0];
}
quint32 le16(const QByteArray &b, qsizetype at)
{
    return at + 2 > b.size() ? 0 : quint32(uchar(b[at + 1])) << 8 | uchar(b[at]);
}

// JPEG: the first start-of-frame marker (SOF0..SOF15 but DHT C4, JPG C8, DAC CC) holds height, width.
HeaderSize jpegSize(const QByteArray &b)
{
    qsizetype at = 2;
    while (at + 9 < b.size()) {
        if (uchar(b[at]) != 0xFF)
            return {};
        const uchar marker = uchar(b[at + 1]);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return {be16(b, at + 7), be16(b, at + 5)};
        if (marker == 0xD9 || marker == 0xDA)
            return {};
        at += 2 + qsizetype(be16(b, at + 2));
    }
    return {};
}

// TIFF: tags 256 (width) and 257 (height) of the first image file directory.
HeaderSize tiffSize(const QByteArray &b)
{
    const bool little = b.startsWith("II");
    auto u16 = [&](qsizetype at) { return little ? le16(b, at) : be16(b, at); };
    auto u32 = [&](qsizetype at) { return little ? le32(b, at) : be32(b, at); };
    const qsizetype ifd = u32(4);
    const quint32 entries = u16(ifd);
    HeaderSize out;
    for (quint32 i = 0; i < entries && i < 512; ++i) {
        const qsizetype e = ifd + 2 + qsizetype(i) * 12;
        const quint32 tag = u16(e), type = u16(e + 2);
        const qint64 value = type == 3 ? u16(e + 8) : u32(e + 8);
        if (tag == 256)
            out.width = value;
        else if (tag == 257)
            out.height = value;
    }
    return out;
}

HeaderSize webpSize(const QByteArray &b)
{
    const QByteArray chunk = b.mid(12, 4);
    if (chunk == "VP8X")
        return {1 + qint64(le32(b, 24) & 0xFFFFFF), 1 + qint64(le32(b, 27) & 0xFFFFFF)};
    if (chunk == "VP8L" && b.size() >= 25) {
        const quint32 bits = le32(b, 21);
        return {1 + qint64(bits & 0x3FFF), 1 + qint64((bits >> 14) & 0x3FFF)};
    }
    if (chunk == "VP8 ")
        return {qint64(le16(b, 26) & 0x3FFF), qint64(le16(b, 28) & 0x3FFF)};
    return {};
}

// libjpeg reports damaged scan data (a bad Huffman code, missing codes, a premature end) as warnings
// and fills in grey; OpenCV prints them and returns the image. Decoding at 1/8 scale still reads every
// entropy-coded bit, so this finds them at a fraction of a full decode's cost.
struct JpegErrors {
    jpeg_error_mgr manager;
    jmp_buf jump;
    int warnings;
    char first[JMSG_LENGTH_MAX];
};

void jpegFatal(j_common_ptr c)
{
    auto *e = reinterpret_cast<JpegErrors *>(c->err);
    (*c->err->format_message)(c, e->first);
    longjmp(e->jump, 1);
}

void jpegMessage(j_common_ptr c, int level)
{
    auto *e = reinterpret_cast<JpegErrors *>(c->err);
    if (level < 0 && e->warnings++ == 0)
        (*c->err->format_message)(c, e->first);
}

// Plain C data only between setjmp and longjmp: no destructor is skipped.
bool jpegIsClean(const unsigned char *data, unsigned long size, char *why)
{
    jpeg_decompress_struct cinfo;
    JpegErrors errors;
    errors.warnings = 0;
    errors.first[0] = 0;
    cinfo.err = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = jpegFatal;
    errors.manager.emit_message = jpegMessage;
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&cinfo);
        std::snprintf(why, JMSG_LENGTH_MAX, "%s", errors.first);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.scale_num = 1;
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_IFAST;
    jpeg_start_decompress(&cinfo);
    JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                                cinfo.output_width * JDIMENSION(cinfo.output_components), 1);
    while (cinfo.output_scanline < cinfo.output_height)
        jpeg_read_scanlines(&cinfo, row, 1);
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    if (errors.warnings > 0) {
        std::snprintf(why, JMSG_LENGTH_MAX, "%s", errors.first);
        return false;
    }
    return true;
}

} // namespace

HeaderSize readHeaderSize(const QByteArray &b)
{
    if (b.startsWith("\x89PNG\r\n\x1a\n") && b.mid(12, 4) == "IHDR")
        return {be32(b, 16), be32(b, 20)};
    if (b.startsWith("\xFF\xD8\xFF"))
        return jpegSize(b);
    if (b.startsWith("BM"))
        return {std::abs(qint64(qint32(le32(b, 18)))), std::abs(qint64(qint32(le32(b, 22))))};
    if (b.startsWith("II*\0") || b.startsWith("MM\0*"))
        return tiffSize(b);
    if (b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return webpSize(b);
    return {};
}

cv::Mat decodeImage(const QString &path, int channels, int reduce)
{
    int flags = channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR; // both apply EXIF orientation
    if (reduce >= 8)
        flags = channels == 1 ? cv::IMREAD_REDUCED_GRAYSCALE_8 : cv::IMREAD_REDUCED_COLOR_8;
    else if (reduce >= 4)
        flags = channels == 1 ? cv::IMREAD_REDUCED_GRAYSCALE_4 : cv::IMREAD_REDUCED_COLOR_4;
    else if (reduce >= 2)
        flags = channels == 1 ? cv::IMREAD_REDUCED_GRAYSCALE_2 : cv::IMREAD_REDUCED_COLOR_2;
    try {
        return cv::imread(QFile::encodeName(path).toStdString(), flags);
    } catch (const cv::Exception &) {
        return {};
    }
}

const QStringList &imageSuffixes()
{
    static const QStringList s = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                  QStringLiteral("bmp"), QStringLiteral("tif"),  QStringLiteral("tiff"),
                                  QStringLiteral("webp")};
    return s;
}

bool isImageFile(const QString &fileName)
{
    return imageSuffixes().contains(fileName.section(QLatin1Char('.'), -1).toLower());
}

ImageInfo inspectImage(const QByteArray &bytes, qint64 maxPixels)
{
    ImageInfo info;
    if (bytes.isEmpty()) {
        info.error = QCoreApplication::translate("visor::Import", "empty file");
        return info;
    }
    info.suffix = suffixFromSignature(bytes);
    if (info.suffix.isEmpty()) {
        info.error = QCoreApplication::translate("visor::Import", "not a supported image (unknown file signature)");
        return info;
    }
    // The header first: a small file can declare a huge image (a 2.6 MB PNG of 30000x30000 decodes to
    // 2.7 GB), so the size is checked before anything is decoded.
    const HeaderSize declared = readHeaderSize(bytes);
    if (declared.width <= 0 || declared.height <= 0) {
        info.error =
            QCoreApplication::translate("visor::Import", "cannot decode image: its %1 header is corrupt or truncated")
                .arg(info.suffix.toUpper());
        return info;
    }
    // Each side first: two 32-bit sides multiply past 64 bits (found by fuzz_image).
    if (declared.width > maxPixels || declared.height > maxPixels || declared.width * declared.height > maxPixels) {
        info.error = QCoreApplication::translate("visor::Import", "%1x%2 pixels is above the limit of %L3 megapixels "
                                                                  "(import.max_megapixels); not decoded")
                         .arg(declared.width)
                         .arg(declared.height)
                         .arg(double(maxPixels) / 1e6, 0, 'g', 4);
        return info;
    }
    // libjpeg decodes a truncated JPEG into a partly grey image with only a warning: insist on the
    // end-of-image marker near the end of the file, and on scan data without warnings.
    if (info.suffix == QLatin1String("jpg")) {
        if (!bytes.right(1024).contains("\xFF\xD9")) {
            info.error = QCoreApplication::translate("visor::Import", "truncated JPEG (no end-of-image marker)");
            return info;
        }
        char why[JMSG_LENGTH_MAX];
        if (!jpegIsClean(reinterpret_cast<const unsigned char *>(bytes.constData()), (unsigned long)bytes.size(),
                         why)) {
            info.error =
                QCoreApplication::translate("visor::Import", "corrupt JPEG data: %1").arg(QString::fromLocal8Bit(why));
            return info;
        }
    }
    // OpenCV picks its decoder by signature, and its DICOM decoder (GDCM) looks for "DICM" at byte 128,
    // before the format the header declares: a polyglot went to GDCM, which aborted the process on an
    // assertion (found by fuzz_image). Visor reads no DICOM; such a file is refused, not decoded.
    if (bytes.size() >= 132 && bytes.mid(128, 4) == "DICM") {
        info.error = QCoreApplication::translate("visor::Import",
                                                 "the file is also a DICOM file (\"DICM\" at byte 128); not decoded");
        return info;
    }
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    cv::Mat image;
    try {
        // Any depth, any colour, and (unlike IMREAD_UNCHANGED) the EXIF orientation applied, as in training.
        image = cv::imdecode(raw, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
    } catch (const cv::Exception &e) {
        info.error =
            QCoreApplication::translate("visor::Import", "cannot decode image: %1").arg(QString::fromStdString(e.msg));
        return info;
    }
    if (image.empty() || image.cols < 1 || image.rows < 1) {
        info.error = QCoreApplication::translate("visor::Import", "cannot decode image (corrupt or truncated %1)")
                         .arg(info.suffix.toUpper());
        return info;
    }
    if (image.depth() != CV_8U) {
        double lo = 0, hi = 0;
        cv::minMaxLoc(image.reshape(1), &lo, &hi);
        image.convertTo(image, CV_8U, hi > lo ? 255.0 / (hi - lo) : 1.0, hi > lo ? -lo * 255.0 / (hi - lo) : 0);
    }
    info.ok = true;
    info.width = image.cols;
    info.height = image.rows;
    info.reoriented = image.cols == declared.height && image.rows == declared.width && image.cols != image.rows;
    info.channels = image.channels();
    info.perceptualHash = differenceHash(image);
    return info;
}

} // namespace visor
