#pragma once

namespace retort {

// Replaces this process with the window program (same pid, argv and
// environment), found next to this executable or where the install put it.
// Returns only when no window program could be started, after saying why on
// stderr: the exit code to return.
int execWindow(char *argv[]);

} // namespace retort
