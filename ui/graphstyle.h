#pragma once

#include <QColor>
#include <QPalette>

namespace retort::gui {

// Colours and sizes of the history graph, shared by the delegate and the
// detail pane so a lane looks the same everywhere.
namespace graphstyle {

bool isDark(const QPalette &palette);
// A colour per lane, readable on the palette's base colour, cycling.
QColor laneColor(int lane, const QPalette &palette);
// depends_on lines: neutral, so they never read as a branch of their own.
QColor dependsColor(const QPalette &palette);
// A colour between the palette's text and base, for secondary text.
QColor dimText(const QPalette &palette, QPalette::ColorGroup group = QPalette::Active);
QColor headColor(const QPalette &palette);
// A revision whose state in the database was not read: neutral, never a lane's colour.
QColor unknownColor(const QPalette &palette);
// The "edited" mark: an applied revision whose file changed since; a warning's orange.
QColor editedColor(const QPalette &palette);

} // namespace graphstyle

} // namespace retort::gui
