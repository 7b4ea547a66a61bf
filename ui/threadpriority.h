#pragma once

namespace retort::gui {

// Lowers the calling thread's share of the CPU (Linux: nice +kBackgroundNice)
// so that, when the cores are busy, the GUI thread's events run ahead of
// background work; threads it starts afterwards inherit the lower share.
// For worker threads only, never the GUI thread.
void lowerCurrentThreadPriority();

constexpr int kBackgroundNice = 5;

} // namespace retort::gui
