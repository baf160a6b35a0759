#include "classmanager.h"

#include "project/project.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace visor {

ClassManager::ClassManager(Project &project, QWidget *parent) : QDialog(parent), m_project(project)
{
    setWindowTitle(tr("Classes"));
    m_list = new QListWidget;
    m_list->setIconSize(QSize(16, 16));
    auto *add = new QPushButton(tr("Add…"));
    auto *rename = new QPushButton(tr("Rename…"));
    auto *colour = new QPushButton(tr("Colour…"));
    auto *up = new QPushButton(tr("Move up"));
    auto *down = new QPushButton(tr("Move down"));
    auto *remove = new QPushButton(tr("Delete…"));
    connect(add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add a class"), tr("Name:"), QLineEdit::Normal, {}, &ok);
        if (ok)
            addClass(name.trimmed());
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        const qint64 id = currentId();
        if (!id)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename the class"), tr("New name:"), QLineEdit::Normal,
                                                   m_list->currentItem()->data(Qt::UserRole + 1).toString(), &ok);
        if (ok)
            renameClass(id, name.trimmed());
    });
    connect(colour, &QPushButton::clicked, this, [this] {
        const qint64 id = currentId();
        if (!id)
            return;
        const QColor c = QColorDialog::getColor(m_list->currentItem()->data(Qt::UserRole + 2).value<QColor>(), this);
        if (c.isValid())
            recolourClass(id, c);
    });
    connect(up, &QPushButton::clicked, this, [this] { moveClass(currentId(), -1); });
    connect(down, &QPushButton::clicked, this, [this] { moveClass(currentId(), +1); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const qint64 id = currentId();
        if (!id)
            return;
        const qint64 used = m_project.classUsage(id);
        bool cascade = false;
        if (used > 0) {
            cascade =
                QMessageBox::question(this, tr("Delete a class in use"),
                                      tr("%n annotation(s) use this class. Delete the class and those annotations?",
                                         nullptr, int(used))) == QMessageBox::Yes;
            if (!cascade)
                return;
        }
        deleteClass(id, cascade);
    });
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {add, rename, colour, up, down, remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(close);
    resize(460, 360);
    reload();
}

void ClassManager::reload()
{
    const qint64 current = currentId();
    m_list->clear();
    for (const ClassInfo &c : m_project.classes()) {
        QPixmap swatch(16, 16);
        swatch.fill(QColor(c.color));
        auto *item = new QListWidgetItem(
            QIcon(swatch), tr("%1 — %n annotation(s)", nullptr, int(m_project.classUsage(c.id))).arg(c.name));
        item->setData(Qt::UserRole, c.id);
        item->setData(Qt::UserRole + 1, c.name);
        item->setData(Qt::UserRole + 2, QColor(c.color));
        m_list->addItem(item);
        if (c.id == current)
            m_list->setCurrentItem(item);
    }
}

qint64 ClassManager::currentId() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toLongLong() : 0;
}

bool ClassManager::attempt(const std::function<void()> &operation)
{
    try {
        operation();
    } catch (const std::exception &e) { // the store's message names the class and the reason
        if (m_interactive)
            QMessageBox::warning(this, tr("Classes"), QString::fromUtf8(e.what()));
        return false;
    }
    reload();
    Q_EMIT classesChanged();
    return true;
}

bool ClassManager::addClass(const QString &name)
{
    return attempt([&] { m_project.addClass(name); });
}

bool ClassManager::renameClass(qint64 id, const QString &name)
{
    return attempt([&] { m_project.renameClass(id, name); });
}

bool ClassManager::recolourClass(qint64 id, const QColor &color)
{
    return attempt([&] { m_project.setClassColor(id, color.name()); });
}

bool ClassManager::moveClass(qint64 id, int delta)
{
    if (!id)
        return false;
    const auto classes = m_project.classes();
    int position = -1;
    for (int i = 0; i < int(classes.size()); ++i)
        if (classes[size_t(i)].id == id)
            position = i;
    const int target = position + delta;
    if (position < 0 || target < 0 || target >= int(classes.size()))
        return false;
    return attempt([&] { m_project.moveClass(id, target); });
}

bool ClassManager::deleteClass(qint64 id, bool cascade)
{
    return attempt([&] { m_project.deleteClass(id, cascade); });
}

} // namespace visor
