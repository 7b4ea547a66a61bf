#include "windowexec.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

namespace retort {

namespace {

// The folder of the running executable, with a trailing '/'. /proc/self/exe,
// not argv[0] or PATH: the window must come from the same build or install.
std::string selfFolder()
{
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return {};
    const std::string self(path, size_t(n));
    return self.substr(0, self.rfind('/') + 1);
}

} // namespace

int execWindow(char *argv[])
{
    // Without a display Qt aborts (SIGABRT) after a page of plugin advice.
    const auto set = [](const char *name) {
        const char *value = std::getenv(name);
        return value && *value;
    };
    bool platformOption = false;  // Qt's own -platform NAME
    for (char **a = argv + 1; *a; ++a)
        platformOption = platformOption || std::strcmp(*a, "-platform") == 0 || std::strcmp(*a, "--platform") == 0;
    if (!set("DISPLAY") && !set("WAYLAND_DISPLAY") && !set("QT_QPA_PLATFORM") && !platformOption) {
        std::fprintf(stderr, "retort: no display for the window (DISPLAY and WAYLAND_DISPLAY are not set); "
                             "the command line: retort --help\n");
        return 1;
    }
    const std::string folder = selfFolder();
    if (folder.empty()) {
        std::fprintf(stderr, "retort: cannot start the window: /proc/self/exe: %s\n", std::strerror(errno));
        return 1;
    }
    // Installed, the window is a private program (RETORT_WINDOW_FROM_BINDIR,
    // relative to bindir); in the build tree it sits next to retort.
    const std::string candidates[] = {folder + RETORT_WINDOW_FROM_BINDIR, folder + RETORT_WINDOW_NAME};
    std::string looked;
    for (const std::string &candidate : candidates) {
        ::execv(candidate.c_str(), argv);
        const int error = errno;
        if (error != ENOENT) {
            std::fprintf(stderr, "retort: cannot start the window program %s: %s\n", candidate.c_str(),
                         std::strerror(error));
            return 1;
        }
        looked += (looked.empty() ? "" : " nor ") + candidate;
    }
    std::fprintf(stderr, "retort: the window program is missing: no %s\n", looked.c_str());
    return 1;
}

} // namespace retort
