#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace retort::gui {

// What the window shows before a project is open: how to open one, and the
// recent projects as one-click buttons.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setRecentProjects(const QStringList &iniPaths);
    // A line above the page's title, e.g. that opening a project was
    // cancelled, with a link to try again; empty hides it.
    void setNotice(const QString &text);
    QString notice() const;

signals:
    void openRequested();
    void recentRequested(const QString &iniPath);
    void retryRequested();

private:
    QLabel *m_notice = nullptr;
    QVBoxLayout *m_recent = nullptr;
    QWidget *m_recentBox = nullptr;
};

} // namespace retort::gui
