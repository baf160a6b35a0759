#pragma once
/// The Welcome page: continue with the last project, recent projects, a new project, open a folder, open
/// the demo project.

#include "project/types.h"

#include <QWidget>

class QListWidget;
class QPushButton;

namespace visor {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    void setRecent(const QStringList &folders);

Q_SIGNALS:
    void openRequested(const QString &folder);
    void newRequested();
    void openDialogRequested();
    void demoRequested();

private:
    QListWidget *m_recent = nullptr;
    QPushButton *m_continue = nullptr; // "Continue with <the last project>"
    QString m_last;
};

} // namespace visor
