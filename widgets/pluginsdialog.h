#pragma once
/// Help > Plugins: the folders searched, each plugin found, what it registered or why it was refused
/// (the same records as `visor-cli plugins`).

#include "plugins/pluginloader.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace visor {

class PluginsDialog : public QDialog {
    Q_OBJECT
public:
    PluginsDialog(const std::vector<PluginRecord> &records, const QStringList &searchPath, QWidget *parent = nullptr);
    QTreeWidget *tree() const { return m_tree; }
    QString details() const; // what the dialog says of the selected plugin

private:
    QTreeWidget *m_tree;
    QLabel *m_details = nullptr;
};

} // namespace visor
