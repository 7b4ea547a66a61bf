#pragma once

#include <QtGlobal>

namespace retort::gui {

// Per-revision work done on the GUI thread, counted by the loops over a
// project's revisions that could run there. A 100,000-revision project must
// reach the views without such loops (each costs a frame at that size): a
// test asserts the count stays near zero, which timing could not show on a
// busy machine.
class GuiThreadWork {
public:
    // Adds `revisions` when called on the GUI thread; elsewhere does nothing.
    static void count(qsizetype revisions);
    static qint64 total();
};

} // namespace retort::gui
