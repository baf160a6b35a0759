#include "shortcuts.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QWidget>
#include <algorithm>
#include <numeric>

namespace visor {

QString keysText(const QAction *action)
{
    QStringList names;
    for (const QKeySequence &k : action->shortcuts())
        names << k.toString(QKeySequence::NativeText);
    return names.join(QStringLiteral(", "));
}

QAction *addKeyAction(QWidget *widget, const QString &text, const QList<QKeySequence> &keys)
{
    auto *a = new QAction(text, widget);
    a->setShortcuts(keys);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setToolTip(QStringLiteral("%1 (%2)").arg(text, keysText(a)));
    widget->addAction(a);
    return a;
}

namespace {

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

void collectMenu(const QMenu *menu, std::vector<std::pair<QString, QString>> &rows)
{
    for (const QAction *a : menu->actions()) {
        if (a->menu())
            collectMenu(a->menu(), rows);
        else if (!a->shortcuts().isEmpty())
            rows.emplace_back(keysText(a), plain(a->text()));
    }
}

} // namespace

std::vector<ShortcutSection> shortcutSheet(QWidget *window)
{
    std::vector<ShortcutSection> sheet;
    ShortcutSection everywhere{QCoreApplication::translate("visor::Shortcuts", "Everywhere"), {}};
    if (const QMenuBar *bar = window->findChild<QMenuBar *>())
        for (const QAction *a : bar->actions())
            if (a->menu())
                collectMenu(a->menu(), everywhere.rows);
    sheet.push_back(everywhere);
    std::vector<int> order; // "shortcutOrder" of each page section
    for (const QWidget *w : window->findChildren<QWidget *>()) {
        const QString title = w->property("shortcutSection").toString();
        if (title.isEmpty())
            continue;
        ShortcutSection section{title, {}};
        for (const QAction *a : w->actions())
            if (!a->shortcuts().isEmpty())
                section.rows.emplace_back(keysText(a), plain(a->text()));
        for (const QString &gesture : w->property("shortcutGestures").toStringList()) {
            const QStringList parts = gesture.split(QLatin1Char('\t'));
            if (parts.size() == 2)
                section.rows.emplace_back(parts[0], parts[1]);
        }
        if (!section.rows.empty())
            sheet.push_back(section);
        order.push_back(w->property("shortcutOrder").toInt());
        if (section.rows.empty())
            order.pop_back();
    }
    // The pages' order (the widgets' creation order is not the window's).
    std::vector<size_t> index(sheet.size() - 1);
    std::iota(index.begin(), index.end(), 0);
    std::stable_sort(index.begin(), index.end(), [&](size_t a, size_t b) { return order[a] < order[b]; });
    std::vector<ShortcutSection> sorted{sheet.front()};
    for (size_t i : index)
        sorted.push_back(sheet[i + 1]);
    return sorted;
}

} // namespace visor
