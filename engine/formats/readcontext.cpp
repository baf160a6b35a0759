#include "formats_p.h"
#include "project/fileio.h"
#include <QJsonValue>

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <filesystem>

namespace visor::formats {

ReadContext::ReadContext(const QString &root, ImportReport &report)
    : m_root(QDir(root).absolutePath()), m_canonicalRoot(QFileInfo(root).canonicalFilePath()), m_report(report)
{
}

QString ReadContext::relative(const QString &absolutePath) const
{
    if (absolutePath.startsWith(m_root) && absolutePath.size() > m_root.size() &&
        absolutePath[m_root.size()] == QLatin1Char('/'))
        return absolutePath.mid(m_root.size() + 1); // the common case, without QDir's general algorithm
    return QDir(m_root).relativeFilePath(absolutePath);
}

QString ReadContext::resolve(const QString &baseDir, const QString &rawName, QString *why) const
{
    QString name = rawName.trimmed();
    name.replace(QLatin1Char('\\'), QLatin1Char('/'));
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:/"));
    if (name.isEmpty()) {
        *why = QCoreApplication::translate("visor::Import", "no image file name given");
        return {};
    }
    if (name.startsWith(QLatin1Char('/')) || drive.match(name).hasMatch()) {
        *why = QCoreApplication::translate("visor::Import",
                                           "image path '%1' is absolute; only paths inside the source folder are read")
                   .arg(rawName);
        return {};
    }
    if (name.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
        *why = QCoreApplication::translate("visor::Import", "image path '%1' leaves the source folder ('..'); not read")
                   .arg(rawName);
        return {};
    }
    QString path = baseDir + QLatin1Char('/') + name;
    if (path.contains(QLatin1String("/.")) || path.contains(QLatin1String("//")) ||
        baseDir.contains(QLatin1String("..")))
        path = QDir::cleanPath(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        *why = QCoreApplication::translate("visor::Import", "image '%1' not found").arg(relative(path));
        return {};
    }
    // Resolving links costs a system call per path component: do it once per folder, and for the
    // file itself only when it is a link.
    const QString folder = info.absolutePath();
    auto it = m_canonicalDirs.find(folder);
    if (it == m_canonicalDirs.end())
        it = m_canonicalDirs.insert(folder, QFileInfo(folder).canonicalFilePath());
    const QString canonical =
        info.isSymLink() ? info.canonicalFilePath() : it.value() + QLatin1Char('/') + info.fileName();
    if (!canonical.startsWith(m_canonicalRoot + QLatin1Char('/'))) {
        *why = QCoreApplication::translate("visor::Import", "image '%1' links outside the source folder; not read")
                   .arg(rawName);
        return {};
    }
    if (!info.isFile()) {
        *why = QCoreApplication::translate("visor::Import", "'%1' is not a file").arg(relative(path));
        return {};
    }
    return path;
}

QString ReadContext::resolveAny(const QStringList &baseDirs, const QString &name, QString *why) const
{
    QString firstWhy;
    // Images of one source usually sit in one folder: try the base that matched last time first.
    QStringList order = baseDirs;
    if (order.removeOne(m_lastBase))
        order.prepend(m_lastBase);
    for (const QString &base : order) {
        QString w;
        const QString p = resolve(base, name, &w);
        if (!p.isEmpty()) {
            m_lastBase = base;
            return p;
        }
        if (firstWhy.isEmpty())
            firstWhy = w;
        if (!w.contains(QLatin1String("not found"))) {
            firstWhy = w; // a refusal ("links outside") says more than another base's "not found"
            break;        // and a path that is refused stays refused whatever the base
        }
    }
    *why = firstWhy;
    return {};
}

std::optional<Split> ReadContext::splitFromPath(const QString &absolutePath) const
{
    const QStringList parts = relative(absolutePath).split(QLatin1Char('/'));
    for (int i = 0; i + 1 < parts.size(); ++i)
        if (auto s = parseSplit(parts[i]))
            return s;
    return parseSplit(QFileInfo(m_root).fileName()); // a source folder named train/, val/ or test/ itself
}

QStringList ReadContext::findFiles(const QStringList &suffixes)
{
    QStringList out;
    QDirIterator it(m_root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!suffixes.contains(QFileInfo(path).suffix().toLower()))
            continue;
        if (it.fileInfo().isSymLink() &&
            !it.fileInfo().canonicalFilePath().startsWith(m_canonicalRoot + QLatin1Char('/'))) {
            skip(relative(path),
                 QCoreApplication::translate("visor::Import", "links outside the source folder (to %1); not read")
                     .arg(it.fileInfo().symLinkTarget()));
            continue;
        }
        out << path;
    }
    out.sort();
    return out;
}

bool ReadContext::readJson(const QString &path, QJsonObject *top)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        skip(relative(path), QCoreApplication::translate("visor::Import", "cannot read: %1").arg(f.errorString()));
        return false;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError) {
        sawAnnotations = true;
        skip(relative(path), QCoreApplication::translate("visor::Import", "malformed JSON at byte %1: %2")
                                 .arg(err.offset)
                                 .arg(err.errorString()));
        return false;
    }
    *top = doc.object();
    return true;
}

void ReadContext::skip(const QString &file, const QString &message)
{
    m_report.entries.push_back({ImportEntry::Status::Skipped, file, message});
    ++m_report.skipped;
}

void ReadContext::note(const QString &file, const QString &message)
{
    m_report.entries.push_back({ImportEntry::Status::Note, file, message});
}

QString jsonShape(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String:
        return QStringLiteral("the text \"%1\"").arg(value.toString().left(40));
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

QStringList readClassList(const QString &path)
{
    QFile f(path);
    QStringList names;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return names;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QString name = QString::fromUtf8(line).trimmed();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

void WriteContext::copyImage(const ExportItem &item, const QString &relativePath)
{
    const QString target = out.filePath(relativePath);
    const QString folder = QFileInfo(target).absolutePath();
    if (!madeDirs.contains(folder)) {
        QDir().mkpath(folder);
        madeDirs.insert(folder);
    }
    // std::filesystem::copy_file uses the kernel's copy (sendfile); QFile::copy goes through a
    // temporary file, a rename and a permission change, four times the file-system work.
    std::error_code ec;
    std::filesystem::copy_file(QFile::encodeName(item.imagePath).toStdString(), QFile::encodeName(target).toStdString(),
                               ec);
    if (ec)
        throw Error(QCoreApplication::translate("visor::Import", "cannot copy %1 to %2: %3")
                        .arg(item.imagePath, target, QString::fromStdString(ec.message())));
}

void WriteContext::writeText(const QString &relativePath, const QByteArray &bytes) const
{
    const QString target = out.filePath(relativePath);
    QDir().mkpath(QFileInfo(target).absolutePath());
    fileio::writeAtomically(target, bytes, fileio::Durability::Batch); // the export syncs once at the end
    report->files << relativePath;
}

void writeClassList(WriteContext &ctx, const QString &relativePath)
{
    QByteArray text;
    for (const ClassInfo &c : ctx.classes)
        text += c.name.toUtf8() + '\n';
    ctx.writeText(relativePath, text);
}

} // namespace visor::formats
