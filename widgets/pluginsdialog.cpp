#include "pluginsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace visor {

PluginsDialog::PluginsDialog(const std::vector<PluginRecord> &records, const QStringList &searchPath, QWidget *parent)
    : QDialog(parent), m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Plugins"));
    auto *layout = new QVBoxLayout(this);
    QStringList folders;
    for (const QString &dir : searchPath)
        folders << (QDir(dir).exists() ? dir.toHtmlEscaped() : tr("%1 (absent)").arg(dir.toHtmlEscaped()));
    auto *where = new QLabel(tr("Visor looks for plugins (*.so) in these folders, in this order:<br>%1")
                                 .arg(folders.join(QStringLiteral("<br>"))),
                             this);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setWordWrap(true);
    layout->addWidget(where);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Plugin"), tr("State"), tr("Registered, or why it was refused")});
    m_tree->setRootIsDecorated(false);
    m_tree->setWordWrap(true);
    m_tree->header()->setStretchLastSection(true);
    for (const PluginRecord &r : records) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, r.name);
        item->setToolTip(0, r.file + (r.description.isEmpty() ? QString() : QLatin1Char('\n') + r.description));
        item->setText(1, r.loaded ? tr("loaded") : tr("refused"));
        item->setText(2, r.loaded ? (r.registered.isEmpty() ? tr("nothing") : r.registered.join(QStringLiteral(", ")))
                                  : r.problem);
        item->setToolTip(2, item->text(2));
    }
    if (records.empty()) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, tr("No plugins found."));
        item->setFlags(Qt::NoItemFlags);
    }
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
    layout->addWidget(m_tree, 1);
    // The selected plugin in full: a refusal names the file and both versions, longer than a row.
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 4);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_details);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this, records](QTreeWidgetItem *item) {
        const int row = item ? m_tree->indexOfTopLevelItem(item) : -1;
        if (row < 0 || row >= int(records.size())) {
            m_details->clear();
            return;
        }
        const PluginRecord &r = records[size_t(row)];
        QString text = QStringLiteral("<b>%1</b> — %2").arg(r.name.toHtmlEscaped(), r.file.toHtmlEscaped());
        if (!r.description.isEmpty())
            text += QStringLiteral("<br>") + r.description.toHtmlEscaped();
        text += QStringLiteral("<br>") +
                (r.loaded ? tr("Registered: %1").arg(r.registered.join(QStringLiteral(", ")).toHtmlEscaped())
                          : tr("Refused: %1").arg(r.problem.toHtmlEscaped()));
        m_details->setText(text);
    });
    // The first refused plugin is shown in full at once (the reason a user opens this dialog).
    for (int i = 0; i < int(records.size()); ++i)
        if (!records[size_t(i)].loaded || i + 1 == int(records.size())) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            break;
        }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 360);
}

QString PluginsDialog::details() const
{
    return m_details->text();
}

} // namespace visor
