#include "cli.h"
#include "windowexec.h"

#include <fcntl.h>

#include <cerrno>

// main() only chooses the face: a command (or --help/--version) goes to the
// CLI; nothing, or a project path, opens the window. The window is another
// program (retort-window), so that a command never loads the window's
// libraries (Widgets, QScintilla, the keyring...).
int main(int argc, char *argv[])
{
    // Started with stdin, stdout or stderr closed (`retort heads >&-`), the
    // first file opened would take its number and the output would be written
    // into it (a revision file, the header cache): those numbers get /dev/null.
    for (int fd = 0; fd <= 2; ++fd)
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF && ::open("/dev/null", O_RDWR) != fd)
            return 1;
    if (retort::cli::wantsCli(argc, argv))
        return retort::cli::run(argc, argv);
    return retort::execWindow(argv);
}
