#pragma once
/// The window's colours: the system's, or Fusion with a light or a dark palette (Preferences). Applies
/// at once; plots take their colours from the palette (plotstyle.h) and follow a change.

#include <QString>

class QApplication;
class QWidget;

namespace visor {

enum class Theme { System, Light, Dark };

QString themeSettingsKey(); // "appearance/theme": "system", "light" or "dark"
Theme themeFromKey(const QString &key);
QString themeKey(Theme theme);
/// The theme saved in the settings.
Theme savedTheme();
/// Sets the style and palette of `app`; the plots under `root` (when given) take the new colours.
void applyTheme(QApplication &app, Theme theme, QWidget *root = nullptr);
/// Whether the palette in use is dark (text lighter than the window).
bool darkPalette();

} // namespace visor
