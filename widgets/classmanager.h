#pragma once
/// The class manager: the project's classes with their colour and how many examples use them; add,
/// rename, recolour, reorder and delete (a class in use is deleted only with its annotations, after
/// the user agreed).

#include <QDialog>
#include <functional>

class QListWidget;

namespace visor {

class Project;

class ClassManager : public QDialog {
    Q_OBJECT
public:
    explicit ClassManager(Project &project, QWidget *parent = nullptr);

    // The operations, callable without the dialog's buttons (tests, scripts). Errors are shown as
    // messages and returned as false.
    bool addClass(const QString &name);
    bool renameClass(qint64 id, const QString &name);
    bool recolourClass(qint64 id, const QColor &color);
    bool moveClass(qint64 id, int delta);
    /// A class in use needs `cascade` (its boxes or labels go too); otherwise the store refuses.
    bool deleteClass(qint64 id, bool cascade);
    /// Set to false to answer every question "no" and show no message box (tests).
    void setInteractive(bool on) { m_interactive = on; }

Q_SIGNALS:
    void classesChanged();

private:
    void reload();
    qint64 currentId() const;
    /// Runs a store operation; on success reloads the list and announces the change.
    bool attempt(const std::function<void()> &operation);

    Project &m_project;
    QListWidget *m_list = nullptr;
    bool m_interactive = true;
};

} // namespace visor
