#pragma once

namespace retort::gui {

// Runs the desktop application; returns the process exit code.
int run(int argc, char *argv[]);

} // namespace retort::gui
