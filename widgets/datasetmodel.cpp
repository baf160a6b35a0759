#include "datasetmodel.h"

#include "thumbnailloader.h"

#include <QPainter>
#include <algorithm>

#include <QColor>
#include <QImage>
#include <QPixmap>

namespace visor {

DatasetModel::DatasetModel(ThumbnailLoader *loader, QObject *parent) : QAbstractListModel(parent), m_loader(loader)
{
    connect(loader, &ThumbnailLoader::loaded, this, [this](qint64 id) {
        const QModelIndex i = indexOfId(id);
        if (i.isValid())
            Q_EMIT dataChanged(i, i, {Qt::DecorationRole});
    });
}

void DatasetModel::load(const Project &project)
{
    beginResetModel();
    m_loader->clearQueue();
    m_project = &project;
    m_kind = project.kind();
    m_rows.clear();
    m_rowOfId.clear();
    m_classNames.clear();
    for (const ClassInfo &c : project.classes())
        m_classNames.insert(c.id, c.name);
    const auto boxes =
        m_kind == DatasetKind::ObjectDetection ? project.allBoxes() : std::unordered_map<qint64, std::vector<Box>>();
    for (const Example &e : project.examples()) {
        Row r{e, {}, 0};
        if (m_kind == DatasetKind::Classification) {
            if (e.classId)
                r.classes << e.classId;
        } else if (auto it = boxes.find(e.id); it != boxes.end()) {
            r.boxes = int(it->second.size());
            for (const Box &b : it->second)
                if (!r.classes.contains(b.classId))
                    r.classes << b.classId;
        }
        m_rowOfId.insert(e.id, int(m_rows.size()));
        m_rows.push_back(std::move(r));
    }
    endResetModel();
}

void DatasetModel::updateRows(const QSet<qint64> &ids)
{
    if (!m_project)
        return;
    for (qint64 id : ids) {
        const auto it = m_rowOfId.find(id);
        const auto example = m_project->example(id);
        if (it == m_rowOfId.end() || !example)
            continue;
        Row &r = m_rows[size_t(it.value())];
        r.example = *example;
        r.classes.clear();
        r.boxes = 0;
        if (m_kind == DatasetKind::Classification) {
            if (example->classId)
                r.classes << example->classId;
        } else {
            const std::vector<Box> boxes = m_project->boxes(id);
            r.boxes = int(boxes.size());
            for (const Box &b : boxes)
                if (!r.classes.contains(b.classId))
                    r.classes << b.classId;
        }
        const QModelIndex i = index(it.value());
        Q_EMIT dataChanged(i, i);
    }
}

void DatasetModel::clear()
{
    beginResetModel();
    m_loader->clearQueue();
    m_rows.clear();
    m_rowOfId.clear();
    m_project = nullptr;
    endResetModel();
}

int DatasetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DatasetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case FileNameRole:
        return r.example.fileName;
    case Qt::DecorationRole: {
        if (!m_project)
            return {};
        const QImage img = m_loader->thumbnail(r.example.id, m_project->imagePath(r.example));
        if (img.isNull()) { // placeholder until the loader delivers
            QPixmap p(m_loader->side(), m_loader->side() * 3 / 4);
            p.fill(QColor(225, 228, 232));
            return p;
        }
        QPixmap pixmap = QPixmap::fromImage(img);
        if (m_kind == DatasetKind::ObjectDetection && r.boxes > 0) { // the box count, bottom right
            QPainter p(&pixmap);
            QFont f = p.font();
            f.setPixelSize(10);
            f.setBold(true);
            p.setFont(f);
            const QString text = QString::number(r.boxes);
            const QRect badge(pixmap.width() - QFontMetrics(f).horizontalAdvance(text) - 8, pixmap.height() - 14,
                              QFontMetrics(f).horizontalAdvance(text) + 8, 14);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(20, 24, 28, 200));
            p.drawRoundedRect(badge, 3, 3);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, text);
        }
        return pixmap;
    }
    case Qt::ToolTipRole: {
        QStringList names;
        for (qint64 c : r.classes)
            names << m_classNames.value(c);
        const QString split = !r.example.split                   ? tr("none")
                              : *r.example.split == Split::Train ? tr("train")
                              : *r.example.split == Split::Val   ? tr("validation")
                                                                 : tr("test");
        QString text = tr("%1\n%2 × %3 px · split: %4")
                           .arg(r.example.fileName)
                           .arg(r.example.width)
                           .arg(r.example.height)
                           .arg(split);
        if (!r.example.labelled)
            text += tr("\nnot annotated yet");
        else if (m_kind == DatasetKind::ObjectDetection)
            text += tr("\n%n box(es): %1", nullptr, r.boxes).arg(names.join(QStringLiteral(", ")));
        else
            text += tr("\nclass: %1").arg(names.join(QStringLiteral(", ")));
        return text;
    }
    case IdRole:
        return r.example.id;
    case SplitRole:
        return r.example.split ? int(*r.example.split) : 3;
    case ClassesRole:
        return QVariant::fromValue(r.classes);
    case LabelledRole:
        return r.example.labelled;
    case AddedRole:
        return r.example.added;
    case ClassNameRole:
        return r.classes.isEmpty() ? QString() : m_classNames.value(r.classes.front());
    default:
        return {};
    }
}

QModelIndex DatasetModel::indexOfId(qint64 id) const
{
    auto it = m_rowOfId.find(id);
    return it == m_rowOfId.end() ? QModelIndex() : index(*it);
}

DatasetFilter::DatasetFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    const auto forget = [this] { m_orderValid = false; };
    connect(this, &QAbstractItemModel::modelReset, this, forget);
    connect(this, &QAbstractItemModel::layoutChanged, this, forget);
    connect(this, &QAbstractItemModel::rowsInserted, this, forget);
    connect(this, &QAbstractItemModel::rowsRemoved, this, forget);
    connect(this, &QAbstractItemModel::rowsMoved, this, forget);
}

const std::vector<qint64> &DatasetFilter::idsInOrder() const
{
    if (m_orderValid)
        return m_order;
    m_order.clear();
    const int n = rowCount();
    m_order.reserve(size_t(n));
    const auto *model = qobject_cast<const DatasetModel *>(sourceModel());
    const bool sourceOrder =
        (sortColumn() < 0 || (sortRole() == DatasetModel::IdRole && sortOrder() == Qt::AscendingOrder));
    if (model && sourceOrder && n == model->rowCount()) {
        // Nothing filtered out and shown as the model holds them (rows are loaded in id order; checked).
        for (int r = 0; r < n; ++r)
            m_order.push_back(model->idAt(r));
        if (!std::is_sorted(m_order.begin(), m_order.end()))
            m_order.clear();
    }
    if (m_order.empty())
        for (int r = 0; r < n; ++r)
            m_order.push_back(model ? model->idAt(mapToSource(index(r, 0)).row())
                                    : index(r, 0).data(DatasetModel::IdRole).toLongLong());
    m_orderValid = true;
    return m_order;
}

void DatasetFilter::setClassId(qint64 id)
{
    if (m_classId == id)
        return; // re-filtering 100,000 rows for nothing took 20 ms
    m_classId = id;
    invalidateFilter();
}

void DatasetFilter::setSplit(int split)
{
    if (m_split == split)
        return;
    m_split = split;
    invalidateFilter();
}

void DatasetFilter::setUnlabelledOnly(bool on)
{
    if (m_unlabelled == on)
        return;
    m_unlabelled = on;
    invalidateFilter();
}

void DatasetFilter::setSortKey(int key)
{
    setSortRole(key == 1 ? DatasetModel::FileNameRole : key == 2 ? DatasetModel::ClassNameRole : DatasetModel::IdRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(0, Qt::AscendingOrder);
}

void DatasetFilter::setIds(const QSet<qint64> &ids)
{
    m_ids = ids;
    invalidateFilter();
}

void DatasetFilter::setNameFilter(const QString &text)
{
    m_name = text;
    invalidateFilter();
}

bool DatasetFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    if (!m_ids.isEmpty() && !m_ids.contains(i.data(DatasetModel::IdRole).toLongLong()))
        return false;
    if (m_split >= 0 && i.data(DatasetModel::SplitRole).toInt() != m_split)
        return false;
    if (m_unlabelled && i.data(DatasetModel::LabelledRole).toBool())
        return false;
    if (m_classId && !i.data(DatasetModel::ClassesRole).value<QList<qint64>>().contains(m_classId))
        return false;
    if (!m_name.isEmpty() && !i.data(DatasetModel::FileNameRole).toString().contains(m_name, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace visor
