#include "formats_p.h"
#include "imageinfo.h"
#include "project/fileio.h"
#include "project/proposals.h"
#include "project/splitter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <thread>

namespace visor {

namespace {

using namespace formats;

// "COCO .json files, Pascal VOC .xml files, ...": what detection looks for, from the registry.
QString formatsLookedFor()
{
    QStringList parts;
    for (const FormatInfo *f : formatRegistry().all())
        parts << f->looksFor.text();
    return parts.join(QStringLiteral(", "));
}

// Per-image work done on worker threads: read, hash, decode, write into images/.
struct Loaded {
    QString hash;
    ImageInfo info;
    QString error;
};

Loaded loadItem(const SourceItem &item, const QString &imagesDir, qint64 maxPixels)
{
    Loaded out;
    QByteArray bytes = item.inlineBytes;
    if (bytes.isEmpty()) {
        QFile f(item.imagePath);
        if (!f.open(QIODevice::ReadOnly)) {
            out.error = QCoreApplication::translate("visor::Import", "cannot read image: %1").arg(f.errorString());
            return out;
        }
        bytes = f.readAll();
    }
    out.info = inspectImage(bytes, maxPixels);
    if (!out.info.ok) {
        out.error = out.info.error;
        return out;
    }
    out.hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString target = QDir(imagesDir).filePath(out.hash + QLatin1Char('.') + out.info.suffix);
    const QFileInfo existing(target);
    if (!existing.exists() || existing.size() != bytes.size()) {
        try {
            fileio::writeAtomically(target, bytes, fileio::Durability::Batch); // synced before the commit
        } catch (const Error &e) {
            out.error =
                QCoreApplication::translate("visor::Import", "cannot store image in the project: %1").arg(e.message());
        }
    }
    return out;
}

// Boxes are taken in the pixels of the image as shown (after its EXIF orientation), as the tools that
// draw them show it; a file that states another size is noted, because its boxes may not fit.
void noteDeclaredSize(ReadContext &ctx, const QString &where, const SourceItem &item, const ImageInfo &info)
{
    if (item.declaredWidth <= 0 || item.declaredHeight <= 0 ||
        (item.declaredWidth == info.width && item.declaredHeight == info.height))
        return;
    QString message =
        QCoreApplication::translate("visor::Import", "the annotation states a %1x%2 image but %3 is %4x%5 as shown")
            .arg(item.declaredWidth)
            .arg(item.declaredHeight)
            .arg(item.displayName)
            .arg(info.width)
            .arg(info.height);
    if (info.reoriented)
        message +=
            QCoreApplication::translate(
                "visor::Import", " (its EXIF orientation turns the stored %1x%2 pixels); boxes are taken as shown")
                .arg(info.height)
                .arg(info.width);
    ctx.note(where, message);
}

} // namespace

std::optional<Format> detectFormat(const QString &dir, QString *why)
{
    const QFileInfo rootInfo(dir);
    if (!rootInfo.isDir()) {
        if (why)
            *why = QCoreApplication::translate("visor::Import", "%1 is not a folder").arg(dir);
        return std::nullopt;
    }
    const FolderListing listing(dir);
    std::vector<const FormatInfo *> byPriority = formatRegistry().all();
    std::stable_sort(byPriority.begin(), byPriority.end(),
                     [](const FormatInfo *a, const FormatInfo *b) { return a->detectPriority < b->detectPriority; });
    for (const FormatInfo *f : byPriority)
        if (f->detect && f->detect(listing) > 0)
            return Format(f->key);
    if (why) {
        const qint64 images = std::count_if(listing.files.begin(), listing.files.end(),
                                            [](const FolderListing::File &f) { return isImageFile(f.name); });
        *why = images > 0 ? QCoreApplication::translate("visor::Import",
                                                        "%1 holds %n image(s) but no annotations Visor reads (it "
                                                        "looked for %2)",
                                                        nullptr, int(images))
                                .arg(dir, formatsLookedFor())
                          : QCoreApplication::translate("visor::Import", "%1 holds no images and no annotation files; "
                                                                         "it is not a data set (Visor looked for %2)")
                                .arg(dir, formatsLookedFor());
    }
    return std::nullopt;
}

namespace {

// Loads, checks and stores the items a reader (or a file list) produced: the part every import shares.
// The predictions a source carries (visor-edge's feedback) as proposals of the examples just added,
// and where those came from; inside the import's transaction. Returns the number of proposals.
int storeProposals(Project &project, const std::vector<NewExample> &additions,
                   const std::vector<const SourceItem *> &sourceOf, const std::set<QString> &duplicates,
                   const std::function<qint64(const QString &)> &classId)
{
    ProposalStore store(project);
    std::vector<ModelProposal> proposals;
    for (size_t i = 0; i < additions.size(); ++i) {
        const SourceItem &item = *sourceOf[i];
        if (duplicates.count(additions[i].meta.hash) ||
            (item.origin.isEmpty() && item.proposals.empty() && item.proposedClass.isEmpty()))
            continue;
        const auto id = project.exampleIdByHash(additions[i].meta.hash);
        if (!id)
            continue;
        const QString origin = item.origin.isEmpty() ? QStringLiteral("import") : item.origin;
        if (!item.origin.isEmpty())
            store.setOrigin(*id, item.origin, item.originDetails);
        for (const SourceBox &b : item.proposals) {
            const Example &e = additions[i].meta;
            ModelProposal p;
            p.exampleId = *id;
            p.classId = classId(b.className);
            p.hasBox = true;
            p.x1 = float(std::clamp(b.x1, 0.0, double(e.width)));
            p.y1 = float(std::clamp(b.y1, 0.0, double(e.height)));
            p.x2 = float(std::clamp(b.x2, 0.0, double(e.width)));
            p.y2 = float(std::clamp(b.y2, 0.0, double(e.height)));
            p.score = b.score;
            p.origin = origin;
            if (p.x2 > p.x1 && p.y2 > p.y1)
                proposals.push_back(p);
        }
        if (!item.proposedClass.isEmpty()) {
            ModelProposal p;
            p.exampleId = *id;
            p.classId = classId(item.proposedClass);
            p.score = item.proposedScore;
            p.origin = origin;
            proposals.push_back(p);
        }
    }
    store.add(proposals);
    return int(proposals.size());
}

ImportReport &storeItems(Project &project, const QString &source, ReadContext &ctx, const ImportOptions &options,
                         ImportReport &report, QElapsedTimer &phase)
{
    auto lap = [&phase, &report](const char *name) {
        report.seconds[QString::fromLatin1(name)] = double(phase.nsecsElapsed()) / 1e9;
        phase.restart();
    };
    // Decode, hash and store the images in parallel; the database work below stays on this thread.
    const int total = int(ctx.items.size());
    std::vector<Loaded> loaded(static_cast<size_t>(total));
    {
        const int threads = std::max(
            1, std::min(total, options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency())));
        std::atomic<int> next{0}, done{0};
        std::atomic<bool> cancel{false};
        const QString imagesDir = project.imagesDir();
        const qint64 maxPixels = qint64(project.parameters().toDouble(QStringLiteral("import.max_megapixels")) * 1e6);
        auto work = [&] {
            for (int i; !cancel && (i = next++) < total;) {
                loaded[size_t(i)] = loadItem(ctx.items[size_t(i)], imagesDir, maxPixels);
                ++done;
            }
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(work);
        if (options.progress) {
            // This thread reports progress while the pool works, and works itself when idle.
            std::thread last(work);
            while (done < total && !cancel) {
                if (!options.progress(done, total))
                    cancel = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            last.join();
        } else {
            work();
        }
        for (auto &t : pool)
            t.join();
        if (cancel) {
            report.cancelled = true;
            report.fatal = QCoreApplication::translate("visor::Import", "import cancelled; nothing was added");
            return report;
        }
        if (options.progress)
            options.progress(total, total);
    }

    lap("load_images");
    // Classes: those the source declares come first, in its order.
    std::map<QString, qint64> classIds;
    for (const ClassInfo &c : project.classes())
        classIds[c.name] = c.id;
    std::vector<NewExample> additions;
    std::vector<const SourceItem *> sourceOf; // per addition: its proposals and origin
    std::map<QString, QString> firstFile;     // hash -> file, for duplicates inside the source
    std::vector<QString> newClasses;
    auto classId = [&](const QString &name) -> qint64 {
        auto it = classIds.find(name);
        if (it != classIds.end())
            return it->second;
        newClasses.push_back(name);
        const qint64 provisional = -qint64(newClasses.size());
        classIds[name] = provisional;
        return provisional;
    };
    for (const QString &name : ctx.classOrder)
        classId(name);

    for (int i = 0; i < total; ++i) {
        const SourceItem &item = ctx.items[size_t(i)];
        const Loaded &l = loaded[size_t(i)];
        if (!l.error.isEmpty()) {
            ctx.skip(item.displayName, l.error);
            continue;
        }
        if (auto it = firstFile.find(l.hash); it != firstFile.end()) {
            QString message =
                QCoreApplication::translate("visor::Import", "same image as %1; not stored twice").arg(it->second);
            if (!item.boxes.empty())
                message += QCoreApplication::translate("visor::Import", " (its %n box(es) not imported)", nullptr,
                                                       int(item.boxes.size()));
            report.entries.push_back({ImportEntry::Status::Duplicate, item.displayName, message});
            ++report.duplicates;
            continue;
        }
        firstFile[l.hash] = item.displayName;
        NewExample ne;
        Example &e = ne.meta;
        e.hash = l.hash;
        e.suffix = l.info.suffix;
        e.fileName = QFileInfo(item.displayName).fileName();
        e.source = QFileInfo(source).absoluteFilePath();
        e.width = l.info.width;
        e.height = l.info.height;
        e.split = item.split;
        // The data set's own held-out splits stay as it gave them: a reshuffle or new examples never move
        // them, so results stay comparable with the data set's official test (training is the rest).
        if (item.split && *item.split != Split::Train)
            e.pinnedSplit = item.split;
        e.perceptualHash = l.info.perceptualHash;
        e.labelled = item.labelled;
        if (project.kind() == DatasetKind::Classification) {
            if (!item.classLabel.isEmpty())
                e.classId = classId(item.classLabel);
            e.labelled = e.classId != 0;
        }
        const QString where = item.annotationFile.isEmpty() ? item.displayName : item.annotationFile;
        noteDeclaredSize(ctx, where, item, l.info);
        for (const SourceBox &sb : item.boxes) {
            double x1 = sb.x1, y1 = sb.y1, x2 = sb.x2, y2 = sb.y2;
            if (sb.normalized) {
                x1 *= e.width;
                x2 *= e.width;
                y1 *= e.height;
                y2 *= e.height;
            }
            const QString boxName = sb.where();
            if (!std::isfinite(x1) || !std::isfinite(y1) || !std::isfinite(x2) || !std::isfinite(y2)) {
                ctx.note(where, QCoreApplication::translate("visor::Import",
                                                            "%1: coordinates are not finite numbers; box skipped")
                                    .arg(boxName));
                ++report.boxesSkipped;
                continue;
            }
            if (x2 <= x1 || y2 <= y1) {
                ctx.note(where, QCoreApplication::translate("visor::Import",
                                                            "%1: zero or negative size (%2,%3)-(%4,%5); box skipped")
                                    .arg(boxName)
                                    .arg(x1)
                                    .arg(y1)
                                    .arg(x2)
                                    .arg(y2));
                ++report.boxesSkipped;
                continue;
            }
            if (x2 <= 0 || y2 <= 0 || x1 >= e.width || y1 >= e.height) {
                ctx.note(where, QCoreApplication::translate("visor::Import",
                                                            "%1: entirely outside the %2x%3 image; box skipped")
                                    .arg(boxName)
                                    .arg(e.width)
                                    .arg(e.height));
                ++report.boxesSkipped;
                continue;
            }
            // Within a hundredth of a pixel is rounding (YOLO's normalised centres put a box at x = 0 at
            // -1e-7): clipped without a note.
            constexpr double kRounding = 0.01;
            if (x1 > -kRounding && y1 > -kRounding && x2 < e.width + kRounding && y2 < e.height + kRounding) {
                x1 = std::max(0.0, x1);
                y1 = std::max(0.0, y1);
                x2 = std::min(double(e.width), x2);
                y2 = std::min(double(e.height), y2);
            }
            if (x1 < 0 || y1 < 0 || x2 > e.width || y2 > e.height) {
                x1 = std::max(0.0, x1);
                y1 = std::max(0.0, y1);
                x2 = std::min(double(e.width), x2);
                y2 = std::min(double(e.height), y2);
                ctx.note(where,
                         QCoreApplication::translate("visor::Import", "%1: partly outside the %2x%3 image; clipped")
                             .arg(boxName)
                             .arg(e.width)
                             .arg(e.height));
                ++report.boxesClipped;
            }
            Box b;
            b.classId = classId(sb.className);
            b.x1 = float(x1);
            b.y1 = float(y1);
            b.x2 = float(x2);
            b.y2 = float(y2);
            ne.boxes.push_back(b);
        }
        for (const SourceBox &sb : item.proposals)
            classId(sb.className);
        if (!item.proposedClass.isEmpty())
            classId(item.proposedClass);
        additions.push_back(std::move(ne));
        sourceOf.push_back(&item);
    }

    lap("check_boxes");
    try {
        project.syncImages(); // the images reach the disk before the rows that refer to them
    } catch (const Error &e) {
        report.fatal = e.message() + QCoreApplication::translate("visor::Import", "; nothing was imported");
        return report;
    }
    lap("sync_images");

    // One transaction: classes, examples, boxes and the split of the new examples, so a kill at any
    // moment leaves either none of them or all of them, assigned.
    int pinned[kSplitCount] = {0, 0, 0}; // per split, of the examples added
    try {
        Transaction t(project.database());
        std::map<qint64, qint64> realId;
        QStringList names;
        for (const QString &name : newClasses)
            names << name;
        const std::vector<qint64> ids = project.addClasses(names);
        for (size_t i = 0; i < ids.size(); ++i)
            realId[-qint64(i + 1)] = ids[i];
        report.classesCreated = names;
        auto fix = [&](qint64 &id) {
            if (id < 0)
                id = realId.at(id);
        };
        for (NewExample &ne : additions) {
            fix(ne.meta.classId);
            for (Box &b : ne.boxes)
                fix(b.classId);
        }
        const AddResult added = project.addExamples(additions);
        std::set<QString> dup(added.duplicates.begin(), added.duplicates.end());
        report.proposals = storeProposals(project, additions, sourceOf, dup, [&](const QString &name) {
            qint64 id = classIds.at(name);
            fix(id);
            return id;
        });
        assignSplits(project, false);
        t.commit();
        report.imported = int(added.added.size());
        for (const NewExample &ne : additions) {
            if (dup.count(ne.meta.hash)) {
                report.entries.push_back(
                    {ImportEntry::Status::Duplicate, firstFile[ne.meta.hash],
                     QCoreApplication::translate("visor::Import", "already in the project; not stored twice")});
                ++report.duplicates;
            } else {
                report.boxes += int(ne.boxes.size());
                if (ne.meta.pinnedSplit)
                    ++pinned[int(*ne.meta.pinnedSplit)];
            }
        }
    } catch (const Error &e) { // a full disk, a locked or read-only project: the transaction rolled back
        report.fatal = e.message() + QCoreApplication::translate("visor::Import", "; nothing was imported");
        report.imported = 0;
        report.boxes = 0;
        report.classesCreated.clear(); // the per-image skips stay: they say which files did not fit
        return report;
    }
    lap("database");
    for (const QString &name : report.classesCreated)
        report.entries.push_back({ImportEntry::Status::Note,
                                  {},
                                  QCoreApplication::translate("visor::Import", "class '%1' created").arg(name)});
    if (const auto named = parseSplit(QFileInfo(source).fileName()))
        report.entries.push_back(
            {ImportEntry::Status::Note,
             {},
             QCoreApplication::translate("visor::Import",
                                         "the source folder's own name '%1' sets the split of its examples: %2")
                 .arg(QFileInfo(source).fileName(), splitKey(*named))});
    if (pinned[int(Split::Val)] + pinned[int(Split::Test)] > 0)
        report.entries.push_back(
            {ImportEntry::Status::Note,
             {},
             QCoreApplication::translate("visor::Import",
                                         "examples keep the split the data set gives them (pinned: %1 validation, "
                                         "%2 test; 'visor-cli pin DIR none ID...' releases them)")
                 .arg(pinned[int(Split::Val)])
                 .arg(pinned[int(Split::Test)])});
    return report;
}

} // namespace

ImportReport importDataset(Project &project, const QString &source, const ImportOptions &options)
{
    ImportReport report;
    report.source = source;
    QString why;
    std::optional<Format> format = options.format;
    if (!QFileInfo(source).isDir()) {
        report.fatal = QCoreApplication::translate("visor::Import", "%1 is not a folder").arg(source);
        return report;
    }
    if (QFileInfo::exists(QDir(source).filePath(QLatin1String(kIncompleteExportMarker)))) {
        report.fatal =
            QCoreApplication::translate("visor::Import", "%1 is an export that did not finish (killed or failed): its "
                                                         "files are incomplete; export again")
                .arg(source);
        return report;
    }
    if (options.format.isAuto()) {
        format = detectFormat(source, &why);
        if (!format) {
            report.fatal = why;
            return report;
        }
    }
    report.format = *format;
    if (!formatHolds(*format, project.kind())) {
        report.fatal = QCoreApplication::translate("visor::Import", "%1 holds %2 data but the project is a %3 project")
                           .arg(formatKey(*format), kindName(formatKind(*format)), kindName(project.kind()));
        return report;
    }

    QElapsedTimer phase;
    phase.start();
    auto lap = [&phase, &report](const char *name) {
        report.seconds[QString::fromLatin1(name)] = double(phase.nsecsElapsed()) / 1e9;
        phase.restart();
    };
    ReadContext ctx(source, report);
    ctx.projectKind = project.kind();
    formatInfo(*format).read(ctx);
    if (ctx.items.empty()) {
        report.fatal =
            ctx.sawAnnotations
                ? QCoreApplication::translate("visor::Import",
                                              "no usable item in %1: every item was skipped (see the report)")
                      .arg(source)
                : QCoreApplication::translate("visor::Import", "%1 is not a %2 data set: no annotation or image found")
                      .arg(source, formatName(*format));
        // A guess from file names ("some .txt files: YOLO?") that found nothing: say what was looked for.
        if (options.format.isAuto() && !ctx.sawAnnotations)
            report.fatal +=
                QCoreApplication::translate("visor::Import", " (the format was guessed from its files; Visor reads %1)")
                    .arg(formatsLookedFor());
        return report;
    }

    lap("read_annotations");
    return storeItems(project, source, ctx, options, report, phase);
}

ImportReport importImageFiles(Project &project, const QStringList &files, const ImportOptions &options)
{
    ImportReport report;
    report.format = Format::Auto;
    report.source = files.isEmpty() ? QString() : QFileInfo(files.front()).absolutePath();
    QElapsedTimer phase;
    phase.start();
    ReadContext ctx(report.source, report);
    ctx.projectKind = project.kind();
    for (const QString &f : files) {
        const QFileInfo info(f);
        if (!info.isFile() || !isImageFile(info.fileName())) {
            report.entries.push_back(
                {ImportEntry::Status::Skipped, f, QCoreApplication::translate("visor::Import", "not an image file")});
            ++report.skipped;
            continue;
        }
        SourceItem item;
        item.imagePath = info.absoluteFilePath();
        item.displayName = info.fileName();
        item.labelled = false; // to be annotated
        ctx.items.push_back(item);
    }
    if (ctx.items.empty()) {
        report.fatal = QCoreApplication::translate(
            "visor::Import", "none of the %n file(s) is an image Visor can import", nullptr, int(files.size()));
        return report;
    }
    report.seconds[QStringLiteral("list_files")] = double(phase.nsecsElapsed()) / 1e9;
    phase.restart();
    return storeItems(project, report.source, ctx, options, report, phase);
}

QJsonObject ImportReport::toJson() const
{
    auto statusName = [](ImportEntry::Status s) {
        switch (s) {
        case ImportEntry::Status::Imported:
            return QStringLiteral("imported");
        case ImportEntry::Status::Skipped:
            return QStringLiteral("skipped");
        case ImportEntry::Status::Duplicate:
            return QStringLiteral("duplicate");
        case ImportEntry::Status::Note:
            return QStringLiteral("note");
        }
        return QString();
    };
    QJsonArray list;
    for (const ImportEntry &e : entries)
        list.append(QJsonObject{{QStringLiteral("status"), statusName(e.status)},
                                {QStringLiteral("file"), e.file},
                                {QStringLiteral("message"), e.message}});
    return {{QStringLiteral("format"), formatKey(format)},
            {QStringLiteral("source"), source},
            {QStringLiteral("imported"), imported},
            {QStringLiteral("skipped"), skipped},
            {QStringLiteral("duplicates"), duplicates},
            {QStringLiteral("boxes"), boxes},
            {QStringLiteral("boxes_clipped"), boxesClipped},
            {QStringLiteral("boxes_skipped"), boxesSkipped},
            {QStringLiteral("proposals"), proposals},
            {QStringLiteral("classes_created"), QJsonArray::fromStringList(classesCreated)},
            {QStringLiteral("cancelled"), cancelled},
            {QStringLiteral("error"), fatal},
            {QStringLiteral("seconds"),
             [this] {
                 QJsonObject o;
                 for (const auto &[k, v] : seconds)
                     o.insert(k, v);
                 return o;
             }()},
            {QStringLiteral("entries"), list}};
}

QString ImportReport::toText(int maxLines) const
{
    QString out;
    QTextStream s(&out);
    if (!fatal.isEmpty()) {
        s << "Nothing imported: " << fatal << "\n";
    } else {
        s << "Imported " << imported << " example(s) from " << source << " (" << formatKey(format) << ")";
        if (formatKind(format) == DatasetKind::ObjectDetection) // loose images (Auto) included
            s << " with " << boxes << " box(es)";
        s << "; skipped " << skipped << ", duplicates " << duplicates;
        if (boxesClipped || boxesSkipped)
            s << "; boxes clipped " << boxesClipped << ", boxes skipped " << boxesSkipped;
        if (proposals)
            s << "; " << proposals << " model prediction(s) stored as proposals (not annotations)";
        s << ".\n";
    }
    int shown = 0;
    for (const ImportEntry &e : entries) {
        if (e.status == ImportEntry::Status::Imported)
            continue;
        if (shown++ == maxLines) {
            s << "  ... " << (entries.size() - size_t(maxLines)) << " more line(s); use --json for all\n";
            break;
        }
        const char *tag = e.status == ImportEntry::Status::Skipped     ? "skipped"
                          : e.status == ImportEntry::Status::Duplicate ? "duplicate"
                                                                       : "note";
        s << "  " << tag << ": " << (e.file.isEmpty() ? QString() : e.file + QStringLiteral(": ")) << e.message << "\n";
    }
    return out;
}

} // namespace visor
