#include "gui.h"

#include <QApplication>

namespace retort::gui {

int run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    return 0;
}

} // namespace retort::gui
