#pragma once

#include <QIcon>

namespace retort::gui::icons {

// Action icons drawn as vector shapes in the palette's text colour, so they
// stay crisp at any scale and follow light and dark palettes.
QIcon open();
QIcon reload();
QIcon find();
QIcon about();
QIcon close();
QIcon parent();
QIcon child();
QIcon up();
QIcon down();
// The application icon: a small revision graph.
QIcon application();

} // namespace retort::gui::icons
