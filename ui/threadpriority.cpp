#include "threadpriority.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace retort::gui {

void lowerCurrentThreadPriority()
{
    // On Linux the nice value belongs to each thread (QThread's priorities
    // change nothing under SCHED_OTHER): set it on this thread's id.
    const id_t thread = id_t(::syscall(SYS_gettid));
    const int current = ::getpriority(PRIO_PROCESS, thread);
    if (current < kBackgroundNice)
        ::setpriority(PRIO_PROCESS, thread, kBackgroundNice);
}

} // namespace retort::gui
