#include "cli.h"
#include "gui.h"

// main() only chooses the face: a command (or --help/--version) goes to the
// CLI; nothing, or a project path, opens the window.
int main(int argc, char *argv[])
{
    if (retort::cli::wantsCli(argc, argv))
        return retort::cli::run(argc, argv);
    return retort::gui::run(argc, argv);
}
