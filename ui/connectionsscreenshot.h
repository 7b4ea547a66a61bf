#pragma once

#include <QObject>
#include <QString>

namespace retort::gui {

class MainWindow;

// RETORT_SCREENSHOT_FORM=<file.png>: once the project is shown, saves the
// connections of RETORT_SCREENSHOT_FORM_CONNECTIONS ("name:kind=url;...") for
// it when it has none, opens Database ▸ Connections… on the first, presses
// Test, and once the test has answered grabs the dialog to the file and quits.
// Used by scripts/screenshot-connections.sh.
class ConnectionsScreenshot : public QObject {
    Q_OBJECT
public:
    ConnectionsScreenshot(MainWindow *window, QString file);

    // From the environment; nullptr when RETORT_SCREENSHOT_FORM is not set.
    static ConnectionsScreenshot *fromEnvironment(MainWindow *window);

private:
    void onShown();
    void finish(int exitCode, QWidget *what);

    MainWindow *m_window;
    QString m_file;
    bool m_started = false;
    bool m_done = false;
};

} // namespace retort::gui
