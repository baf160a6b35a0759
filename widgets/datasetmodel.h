#pragma once
/// The examples of a project as a list model for the thumbnail grid, and the filter in front of it.

#include "project/project.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

namespace visor {

class ThumbnailLoader;

class DatasetModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SplitRole,
        ClassesRole,
        LabelledRole,
        FileNameRole,
        AddedRole,
        ClassNameRole
    };

    explicit DatasetModel(ThumbnailLoader *loader, QObject *parent = nullptr);

    /// Reloads every example, its split and classes from the project (one query each).
    void load(const Project &project);
    void clear();
    /// Re-reads the rows of these examples from the project and announces just those rows (an
    /// annotation edit touches one image: reloading 100,000 rows took a second).
    void updateRows(const QSet<qint64> &ids);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QModelIndex indexOfId(qint64 id) const;
    /// The example id of a row, without a QVariant (the annotator's order is 100,000 of them).
    qint64 idAt(int row) const { return m_rows[size_t(row)].example.id; }
    QString className(qint64 classId) const { return m_classNames.value(classId); }

private:
    struct Row {
        Example example;
        QList<qint64> classes; // label, or the classes of its boxes
        int boxes = 0;
    };
    std::vector<Row> m_rows;
    QHash<qint64, int> m_rowOfId;
    QHash<qint64, QString> m_classNames;
    QString m_projectDir;
    const Project *m_project = nullptr;
    ThumbnailLoader *m_loader;
    DatasetKind m_kind = DatasetKind::ObjectDetection;
};

/// Filters by class, split, unlabelled, an explicit id set (a health warning's examples) and file name.
class DatasetFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DatasetFilter(QObject *parent = nullptr);
    void setClassId(qint64 id); // 0: any
    void setSplit(int split);   // -1: any, 0..2, 3: none
    void setUnlabelledOnly(bool on);
    /// Sort: 0 order added, 1 file name, 2 class name.
    void setSortKey(int key);
    void setIds(const QSet<qint64> &ids); // empty: any
    void setNameFilter(const QString &text);

    /// The example ids in the order shown (the annotator's "n of N" list), kept until the rows, the
    /// filter or the order change. Asking the proxy row by row took 17 ms for 100,000 rows, a stall
    /// at every opening of the annotator; unfiltered and in the order added it is a copy (0.1 ms).
    const std::vector<qint64> &idsInOrder() const;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    qint64 m_classId = 0;
    int m_split = -1;
    bool m_unlabelled = false;
    QSet<qint64> m_ids;
    QString m_name;
    mutable std::vector<qint64> m_order;
    mutable bool m_orderValid = false;
};

} // namespace visor
