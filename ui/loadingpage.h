#pragma once

#include <QWidget>

class QLabel;

namespace retort::gui {

// What the window shows while a project it does not show yet loads on the
// worker thread; the progress and Cancel are in the window's progress strip.
class LoadingPage : public QWidget {
    Q_OBJECT
public:
    explicit LoadingPage(QWidget *parent = nullptr);
    void setPath(const QString &iniPath);

private:
    QLabel *m_label = nullptr;
};

} // namespace retort::gui
