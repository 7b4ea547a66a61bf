#pragma once

#include <QWidget>

class QVBoxLayout;

namespace retort::gui {

// What the window shows before a project is open: how to open one, and the
// recent projects as one-click buttons.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setRecentProjects(const QStringList &iniPaths);

signals:
    void openRequested();
    void recentRequested(const QString &iniPath);

private:
    QVBoxLayout *m_recent = nullptr;
    QWidget *m_recentBox = nullptr;
};

} // namespace retort::gui
