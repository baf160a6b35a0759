#pragma once
/// Keys as actions, and the F1 sheet made from them. A page's keys are QActions added to the widget they
/// act in (active while the focus is inside it); the widget names its section of the sheet with the
/// "shortcutSection" property and may list mouse gestures in "shortcutGestures" ("keys\taction"). The
/// sheet is read from the window's menus and those widgets, so it cannot drift from what the keys do.
/// "shortcutOrder" (an int) orders the sections as the pages are ordered.

#include <QKeySequence>
#include <QList>
#include <QString>
#include <vector>

class QAction;
class QWidget;

namespace visor {

/// An action of `widget` with `keys` (Qt::WidgetWithChildrenShortcut), its tooltip "text (keys)".
QAction *addKeyAction(QWidget *widget, const QString &text, const QList<QKeySequence> &keys);

struct ShortcutSection {
    QString title;
    std::vector<std::pair<QString, QString>> rows; // keys (native text), what they do
};

/// "Everywhere": the actions of `window`'s menus that have keys; then each widget of `window` with a
/// "shortcutSection", its keyed actions and gestures, in the order the widgets were made.
std::vector<ShortcutSection> shortcutSheet(QWidget *window);

/// The keys of an action as the sheet shows them: "A, Left".
QString keysText(const QAction *action);

} // namespace visor
