#pragma once

#include "error.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace retort::gui {

// Shown instead of the graph when a project cannot be opened: what failed,
// where (file:line, revision), the cause chain, and what to do next.
class ErrorPanel : public QWidget {
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget *parent = nullptr);

    void showError(const Error &error, const QString &iniPath);
    QString messageText() const;
    QString locationText() const;

signals:
    void retryRequested();
    void openRequested();

private:
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_location = nullptr;
    QPlainTextEdit *m_details = nullptr;
};

} // namespace retort::gui
