#include "formats_p.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

namespace visor::formats {

ReadContext::ReadContext(const QString &root, ImportReport &report)
    : m_root(QDir(root).absolutePath()), m_canonicalRoot(QFileInfo(root).canonicalFilePath()), m_report(report)
{
}

QString ReadContext::relative(const QString &absolutePath) const { return QDir(m_root).relativeFilePath(absolutePath); }

QString ReadContext::resolve(const QString &baseDir, const QString &rawName, QString *why) const
{
    QString name = rawName.trimmed();
    name.replace(QLatin1Char('\\'), QLatin1Char('/'));
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:/"));
    if (name.isEmpty()) {
        *why = QStringLiteral("no image file name given");
        return {};
    }
    if (name.startsWith(QLatin1Char('/')) || drive.match(name).hasMatch()) {
        *why = QStringLiteral("image path '%1' is absolute; only paths inside the source folder are read").arg(rawName);
        return {};
    }
    if (name.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
        *why = QStringLiteral("image path '%1' leaves the source folder ('..'); not read").arg(rawName);
        return {};
    }
    const QString path = QDir::cleanPath(QDir(baseDir).filePath(name));
    const QFileInfo info(path);
    if (!info.exists()) {
        *why = QStringLiteral("image '%1' not found").arg(relative(path));
        return {};
    }
    const QString canonical = info.canonicalFilePath();
    if (!canonical.startsWith(m_canonicalRoot + QLatin1Char('/'))) {
        *why = QStringLiteral("image '%1' links outside the source folder; not read").arg(rawName);
        return {};
    }
    if (!info.isFile()) {
        *why = QStringLiteral("'%1' is not a file").arg(relative(path));
        return {};
    }
    return path;
}

QString ReadContext::resolveAny(const QStringList &baseDirs, const QString &name, QString *why) const
{
    QString firstWhy;
    for (const QString &base : baseDirs) {
        QString w;
        const QString p = resolve(base, name, &w);
        if (!p.isEmpty())
            return p;
        if (firstWhy.isEmpty())
            firstWhy = w;
        if (!w.contains(QLatin1String("not found")))
            break; // a path that is refused stays refused whatever the base
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
    return std::nullopt;
}

QStringList ReadContext::findFiles(const QStringList &suffixes) const
{
    QStringList out;
    QDirIterator it(m_root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (suffixes.contains(QFileInfo(path).suffix().toLower()))
            out << path;
    }
    out.sort();
    return out;
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

void WriteContext::copyImage(const ExportItem &item, const QString &relativePath) const
{
    const QString target = out.filePath(relativePath);
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (!QFile::copy(item.imagePath, target))
        throw Error(QStringLiteral("cannot copy %1 to %2").arg(item.imagePath, target));
}

void WriteContext::writeText(const QString &relativePath, const QByteArray &bytes) const
{
    const QString target = out.filePath(relativePath);
    QDir().mkpath(QFileInfo(target).absolutePath());
    QFile f(target);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write %1: %2").arg(target, f.errorString()));
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
