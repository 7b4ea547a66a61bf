#include "interrupts.h"

#include <csignal>
#include <cstring>

namespace retort::cli {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
volatile std::sig_atomic_t g_received = 0;
struct sigaction g_before[3];

void note(int signal)
{
    if (g_received == 0)
        g_received = signal;
}

} // namespace

InterruptGuard::InterruptGuard()
{
    g_received = 0;
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = note;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < 3; ++i)
        sigaction(kSignals[i], &action, &g_before[i]);
}

InterruptGuard::~InterruptGuard()
{
    for (int i = 0; i < 3; ++i)
        sigaction(kSignals[i], &g_before[i], nullptr);
}

int InterruptGuard::received()
{
    return g_received;
}

const char *InterruptGuard::name()
{
    switch (g_received) {
    case SIGINT:
        return "SIGINT";
    case SIGTERM:
        return "SIGTERM";
    case SIGHUP:
        return "SIGHUP";
    default:
        return "no signal";
    }
}

} // namespace retort::cli
