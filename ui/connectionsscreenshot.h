#pragma once

#include <QObject>
#include <QString>

namespace retort::gui {

class MainWindow;

// RETORT_SCREENSHOT_FORM=<file.png>: once the project is shown, saves the
// connections of RETORT_SCREENSHOT_FORM_CONNECTIONS ("name:kind=url;...") for
// it when it has none, opens Database ▸ Connections… on the first, presses
// Test, and once the test has answered grabs the dialog to the file and quits.
// RETORT_SCREENSHOT_JOURNAL=<file.png> instead opens Database ▸ Run Journal…
// for the first connection and grabs it once the history is read. Used by
// scripts/screenshot-connections.sh and scripts/screenshot-journal.sh.
class ConnectionsScreenshot : public QObject {
    Q_OBJECT
public:
    ConnectionsScreenshot(MainWindow *window, QString file, bool journal);

    // From the environment; nullptr when neither variable is set.
    static ConnectionsScreenshot *fromEnvironment(MainWindow *window);

private:
    void onShown();
    void openJournal();
    void finish(int exitCode, QWidget *what);

    MainWindow *m_window;
    QString m_file;
    bool m_journal = false;
    bool m_started = false;
    bool m_done = false;
};

} // namespace retort::gui
