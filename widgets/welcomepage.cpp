#include "welcomepage.h"

#include "project/project.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace visor {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    auto *title = new QLabel(tr("<h1>Visor</h1><p>Build a computer-vision model from your own images: import and "
                                "annotate them, check the data set's health, preview augmentation, train and "
                                "watch the curves, then look at the mistakes and improve.</p>"));
    title->setWordWrap(true);
    auto *newButton = new QPushButton(tr("New project…"));
    auto *openButton = new QPushButton(tr("Open project…"));
    auto *demoButton = new QPushButton(tr("Open the demo project (generated shapes)"));
    for (QPushButton *b : {newButton, openButton, demoButton})
        b->setMinimumHeight(36);
    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openDialogRequested);
    connect(demoButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    // The last project, one click away (a second start opened on this page with no offer to go on).
    m_continue = new QPushButton;
    m_continue->setObjectName(QStringLiteral("continueLast"));
    m_continue->setMinimumHeight(44);
    QFont bigger = m_continue->font();
    bigger.setBold(true);
    m_continue->setFont(bigger);
    m_continue->hide();
    connect(m_continue, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(m_last); });
    m_recent = new QListWidget;
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *i) { Q_EMIT openRequested(i->data(Qt::UserRole).toString()); });

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(m_continue);
    column->addWidget(newButton);
    column->addWidget(openButton);
    column->addWidget(demoButton);
    column->addSpacing(16);
    column->addWidget(new QLabel(tr("<b>Recent projects</b> (double-click to open)")));
    column->addWidget(m_recent, 1);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
}

void WelcomePage::setRecent(const QStringList &folders)
{
    m_recent->clear();
    for (const QString &f : folders) {
        auto *item =
            new QListWidgetItem(QStringLiteral("%1 — %2").arg(QFileInfo(f).fileName(), QDir::toNativeSeparators(f)));
        item->setData(Qt::UserRole, f);
        m_recent->addItem(item);
    }
    if (folders.isEmpty())
        m_recent->addItem(tr("No recent project yet."));
    m_last.clear();
    for (const QString &f : folders)
        if (Project::exists(f)) {
            m_last = f;
            break;
        }
    m_continue->setVisible(!m_last.isEmpty());
    m_continue->setText(tr("Continue with %1").arg(QFileInfo(m_last).fileName()));
    m_continue->setToolTip(QDir::toNativeSeparators(m_last));
}

} // namespace visor
