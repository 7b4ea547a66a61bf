#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace retort::gui {

class MainWindow;

// Grabs `what` into `file` (its folder made); false, said on stderr, when the
// file cannot be written. What every screenshot mode ends with.
bool saveScreenshot(QWidget *what, const QString &file);

// RETORT_SCREENSHOT=<file.png>: once the project is shown (and the revision
// in RETORT_SCREENSHOT_SELECT selected, the detail tab in RETORT_SCREENSHOT_TAB
// shown: upgrade, downgrade, python, preview or schema), its contents rendered and
// every database read, grab the window to the file and quit. Used by
// scripts/screenshot.sh.
class Screenshot : public QObject {
    Q_OBJECT
public:
    Screenshot(MainWindow *window, QString file, QString select, QString tab = QString());

    // From the environment; nullptr when RETORT_SCREENSHOT is not set.
    static Screenshot *fromEnvironment(MainWindow *window);

private:
    void onShown();
    bool ready() const;
    void waitUntilReady();
    void grab(int exitCode);

    MainWindow *m_window;
    QString m_file;
    QString m_select;
    QString m_tab;
    bool m_sourceRead = false;
    bool m_done = false;
};

} // namespace retort::gui
