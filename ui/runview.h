#pragma once

#include "applyplan.h"
#include "exec/executor.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

#include <functional>

class QLabel;
class QMessageBox;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace retort::gui {

class ApplyScriptEditor;

// A run as it happens: which step and statement is running and for how
// long, Cancel (asked first; then it really stops the statement on the server), the log
// (alembic's INFO lines and Retort's own), and the script; when a statement
// fails it is underlined and scrolled to, with its SQLSTATE and the server's
// message. Owns the executor's thread for the run.
class RunView : public QDialog {
    Q_OBJECT
public:
    explicit RunView(const ApplyPlan &plan, QWidget *parent = nullptr);
    ~RunView() override;

    // Starts the run; false when it could not start.
    bool start(const RunRequest &request);
    // Stops the run at once; the user's ways to cancel go through askToCancel().
    void cancel();
    // Asks before cancelling a running run: the dialog's default and Esc keep
    // it running. `question` replaces the default text; `confirmed` runs after
    // the user insisted and the cancel was sent.
    void askToCancel(const QString &question = QString(), const QString &cancelLabel = QString(),
                     std::function<void()> confirmed = {});
    // The open question, if any.
    QMessageBox *cancelQuestion() const;
    bool isRunning() const;
    // Present once the run has finished.
    const RunReport *report() const { return m_finished ? &m_report : nullptr; }
    // The last progress the executor reported.
    const RunProgress &lastProgress() const { return m_last; }
    // A line of Retort's own in the log.
    void appendRetortLine(const QString &line);

    ApplyScriptEditor *scriptEditor() const { return m_script; }
    QPlainTextEdit *logPane() const { return m_log; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }

signals:
    void runFinished(const retort::RunReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void onProgress(const RunProgress &progress);
    void onLogLine(const QString &line);
    void onWaiting(const QString &what);
    void onFinished(const RunReport &report);
    void updateElapsed();
    void showFailure(const RunReport &report);

    ApplyPlan m_plan;
    ExecutorThread *m_executor = nullptr;
    RunProgress m_last;
    QString m_statusBeforeWait;  // restored when the wait is over
    RunReport m_report;
    bool m_finished = false;
    QElapsedTimer m_clock;
    QTimer *m_tick = nullptr;

    QLabel *m_status = nullptr;
    QLabel *m_elapsed = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_error = nullptr;
    QPlainTextEdit *m_log = nullptr;
    ApplyScriptEditor *m_script = nullptr;
    QPushButton *m_cancel = nullptr;
    QPointer<QMessageBox> m_question;
};

} // namespace retort::gui
