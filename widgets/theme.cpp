#include "theme.h"
#include "plotstyle.h"

#include "qcustomplot_p.h"
#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace visor {
namespace {

// Fusion's dark palette: the usual one of Qt applications with a dark theme.
QPalette darkColors()
{
    QPalette p;
    const QColor window(45, 48, 52), base(30, 32, 35), text(225, 228, 232), disabled(125, 130, 136),
        highlight(61, 133, 198);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(60, 63, 68));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Link, QColor(110, 170, 235));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(70, 74, 79));
    p.setColor(QPalette::Midlight, QColor(58, 61, 66));
    p.setColor(QPalette::Mid, QColor(38, 40, 43));
    p.setColor(QPalette::Dark, QColor(25, 26, 28));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
    return p;
}

QString &systemStyle()
{
    static QString name; // the style Qt chose at start, for "System"
    return name;
}

} // namespace

QString themeSettingsKey()
{
    return QStringLiteral("appearance/theme");
}

Theme themeFromKey(const QString &key)
{
    return key == QLatin1String("dark") ? Theme::Dark : key == QLatin1String("light") ? Theme::Light : Theme::System;
}

QString themeKey(Theme theme)
{
    return theme == Theme::Dark    ? QStringLiteral("dark")
           : theme == Theme::Light ? QStringLiteral("light")
                                   : QStringLiteral("system");
}

Theme savedTheme()
{
    return themeFromKey(QSettings().value(themeSettingsKey()).toString());
}

void applyTheme(QApplication &app, Theme theme, QWidget *root)
{
    if (systemStyle().isEmpty())
        systemStyle() = app.style()->name();
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(systemStyle()));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(theme == Theme::Dark ? darkColors() : QApplication::style()->standardPalette());
    }
    if (root)
        for (QCustomPlot *plot : root->findChildren<QCustomPlot *>()) {
            plot->setPalette(QApplication::palette());
            applyPalette(plot);
            plot->replot();
        }
}

bool darkPalette()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::WindowText).lightness() > p.color(QPalette::Window).lightness();
}

} // namespace visor
