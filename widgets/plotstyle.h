#pragma once
/// The plots' common rules: the legend in a row under the axes (never over the data), a marker on every
/// point (a single epoch is visible), and value axes scaled to the data (0.03 is not flat on a 0–1
/// axis). Colours follow the widget's palette (the dark theme).

class QCustomPlot;

namespace visor {

/// Moves the legend out of the axis rectangle into a row below it, its entries side by side.
void legendBelow(QCustomPlot *plot);
/// The value axis from 0 (or the data's minimum when `fromZero` is false) to the largest value with
/// headroom, never narrower than `minSpan`, and never above `cap` when the quantity has one (1 for
/// accuracy and mAP).
void scaleValueAxis(QCustomPlot *plot, bool fromZero, double minSpan, double cap = 0);
/// Axis, grid and text colours from the plot's palette (light or dark theme).
void applyPalette(QCustomPlot *plot);

} // namespace visor
