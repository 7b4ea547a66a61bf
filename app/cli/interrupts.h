#pragma once

namespace retort::cli {

// While alive, SIGINT, SIGTERM and SIGHUP do not end the process: they are
// noted, for a long run to stop its child, clean up and exit saying so.
// The handlers before are put back when it ends. One at a time.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

    // The first signal received, 0 for none.
    static int received();
    // "SIGTERM" for received().
    static const char *name();
};

} // namespace retort::cli
