#pragma once

#include <QObject>
#include <QString>

namespace retort::gui {

class ApplyController;
class ConfirmDialog;
class MainWindow;

// RETORT_SCREENSHOT_CONFIRM=<file.png>: once the project is shown and its
// database read, selects RETORT_SCREENSHOT_SELECT, opens the real
// confirmation for an upgrade (RETORT_SCREENSHOT_CONFIRM_OP=downgrade for a
// downgrade) to it, takes a real backup into a temporary folder, ticks "I
// reviewed the SQL", grabs the dialog to the file and quits. Used by
// scripts/screenshot-confirm.sh.
class ApplyScreenshot : public QObject {
    Q_OBJECT
public:
    ApplyScreenshot(MainWindow *window, ApplyController *controller, QString file);

    // From the environment; nullptr when RETORT_SCREENSHOT_CONFIRM is not set.
    static ApplyScreenshot *fromEnvironment(MainWindow *window, ApplyController *controller);

private:
    void onDatabaseRead();
    void onConfirmation(ConfirmDialog *dialog);
    void finish(int exitCode, QWidget *what);

    MainWindow *m_window;
    ApplyController *m_controller;
    QString m_file;
    bool m_started = false;
    bool m_done = false;
};

} // namespace retort::gui
