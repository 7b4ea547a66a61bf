#pragma once

#include <QObject>
#include <QString>

namespace retort::gui {

class MainWindow;

// RETORT_SCREENSHOT=<file.png>: once the project is shown (and the revision
// in RETORT_SCREENSHOT_SELECT selected, its source read), grab the window to
// the file and quit. Used by scripts/screenshot.sh.
class Screenshot : public QObject {
    Q_OBJECT
public:
    Screenshot(MainWindow *window, QString file, QString select);

    // From the environment; nullptr when RETORT_SCREENSHOT is not set.
    static Screenshot *fromEnvironment(MainWindow *window);

private:
    void onShown();
    void grab(int exitCode);

    MainWindow *m_window;
    QString m_file;
    QString m_select;
    bool m_done = false;
};

} // namespace retort::gui
