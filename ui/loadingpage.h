#pragma once

#include <QWidget>

class QLabel;

namespace retort::gui {

// A busy indicator while a project loads on the worker thread.
class LoadingPage : public QWidget {
    Q_OBJECT
public:
    explicit LoadingPage(QWidget *parent = nullptr);
    void setPath(const QString &iniPath);

private:
    QLabel *m_label = nullptr;
};

} // namespace retort::gui
