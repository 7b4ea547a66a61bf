#include "cli.h"
#include "windowexec.h"

// main() only chooses the face: a command (or --help/--version) goes to the
// CLI; nothing, or a project path, opens the window. The window is another
// program (retort-window), so that a command never loads the window's
// libraries (Widgets, QScintilla, the keyring...).
int main(int argc, char *argv[])
{
    if (retort::cli::wantsCli(argc, argv))
        return retort::cli::run(argc, argv);
    return retort::execWindow(argv);
}
