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
QIcon copy();
QIcon save();
// A database cylinder (connections).
QIcon database();
// A target ring (jump to the database's current revision).
QIcon current();
// A page of SQL with an arrow (preview the script a database would get).
QIcon preview();
// The application icon: a small revision graph.
QIcon application();

} // namespace retort::gui::icons
