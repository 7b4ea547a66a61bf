#pragma once

#include "error.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace retort::gui {

// Shown instead of the graph when a project cannot be opened: what failed,
// where (file:line, revision), the lines around it (read off the GUI
// thread), the cause chain, and what to do next (open the file in the
// desktop's editor, try again).
class ErrorPanel : public QWidget {
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget *parent = nullptr);

    void showError(const Error &error, const QString &iniPath);
    QString messageText() const;
    QString locationText() const;
    // The lines around the error's line, the line itself marked with '>';
    // empty until read, or when the error names no file and line.
    QString excerptText() const;
    // Where "Open in Editor" opens, empty when hidden.
    QString fileToOpen() const { return m_file; }

    static constexpr int kContextLines = 3;

signals:
    void retryRequested();
    void openRequested();
    void excerptShown();

private:
    void showExcerpt(quint64 request, const QString &text, int line, int column);

    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_location = nullptr;
    QPlainTextEdit *m_excerpt = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_openFile = nullptr;
    QString m_file;
    quint64 m_request = 0;  // the excerpt read last asked for
};

} // namespace retort::gui
