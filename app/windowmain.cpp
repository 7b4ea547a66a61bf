#include "gui.h"

// The window program: retort (app/main.cpp) decides the window is wanted and
// execs this with its own arguments.
int main(int argc, char *argv[])
{
    return retort::gui::run(argc, argv);
}
