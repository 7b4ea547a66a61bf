#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace retort::gui {

// A check, a drift comparison or a rehearsal as it runs: where its scratch
// database is, progress per revision or step with Cancel, the lines so far;
// then the result in the words the command line prints. Closing it while
// the job runs cancels the job.
class ScratchDialog : public QDialog {
    Q_OBJECT
public:
    enum class Outcome { Passed, Found, Failed, Cancelled };

    ScratchDialog(const QString &title, QWidget *parent = nullptr);

    void setNote(const QString &note);
    // `done` of `total` (total 0: not known yet).
    void setProgress(const QString &line, int done, int total);
    // The job ended: `result` replaces the progress.
    void finish(Outcome outcome, const QString &headline, const QString &result);

    bool isRunning() const { return m_running; }
    Outcome outcome() const { return m_outcome; }
    QString headline() const;
    QString resultText() const;
    QString logText() const;
    QProgressBar *progressBar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_button; }

signals:
    void cancelRequested();

protected:
    void reject() override;

private:
    void requestCancel();

    bool m_running = true;
    Outcome m_outcome = Outcome::Failed;
    QLabel *m_note = nullptr;
    QLabel *m_headline = nullptr;
    QProgressBar *m_bar = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPlainTextEdit *m_result = nullptr;
    QPushButton *m_button = nullptr;
};

} // namespace retort::gui
