#include "runview.h"

#include "applyscripteditor.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace retort::gui {

namespace {

const QColor kFailureColor(0xc6, 0x28, 0x28);

// A run that did not finish: the bar shows what stays applied, in the colour
// of the outcome (a bar left half filled in the colour of progress reads as a
// run still going).
void showOutcome(QProgressBar *bar, const RunReport &report)
{
    bar->setValue(report.stepsCommitted);
    bar->setFormat(report.cancelled ? RunView::tr("%v / %m steps committed; cancelled")
                                    : RunView::tr("%v / %m steps committed; rolled back"));
    QPalette outcome = bar->palette();
    outcome.setColor(QPalette::Highlight, report.cancelled ? bar->palette().color(QPalette::Mid) : kFailureColor);
    bar->setPalette(outcome);
}

QString elapsedText(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2.%3")
        .arg(s / 60)
        .arg(s % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000 / 100);
}

} // namespace

RunView::RunView(const ApplyPlan &plan, QWidget *parent) : QDialog(parent), m_plan(plan)
{
    setWindowTitle(QStringLiteral("%1 — %2").arg(plan.title, plan.connection.database));
    setAttribute(Qt::WA_DeleteOnClose, false);

    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b> on %2")
                                   .arg(plan.title.toHtmlEscaped(), plan.connection.describe().toHtmlEscaped()),
                               this);
    layout->addWidget(heading);

    auto *row = new QHBoxLayout;
    m_status = new QLabel(QStringLiteral("Starting…"), this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_elapsed = new QLabel(this);
    m_elapsed->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    row->addWidget(m_status, 1);
    row->addWidget(m_elapsed);
    layout->addLayout(row);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, std::max<int>(1, int(plan.preview.steps.size())));
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%v / %m steps"));
    layout->addWidget(m_progress);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("runError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    auto *tabs = new QTabWidget(this);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_script = new ApplyScriptEditor(this);
    m_script->setContent(plan.script);
    tabs->addTab(m_log, QStringLiteral("Log"));
    tabs->addTab(m_script, QStringLiteral("Script"));
    tabs->setObjectName(QStringLiteral("runTabs"));
    layout->addWidget(tabs, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_cancel = new QPushButton(QStringLiteral("Cancel run"), this);
    m_cancel->setToolTip(QStringLiteral("Stops the statement running on the server and rolls back"));
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (isRunning())
            askToCancel();
        else
            close();
    });

    m_tick = new QTimer(this);
    m_tick->setInterval(200);
    connect(m_tick, &QTimer::timeout, this, &RunView::updateElapsed);

    resize(860, 600);
}

RunView::~RunView() = default;  // ~ExecutorThread cancels a run in progress and waits

bool RunView::start(const RunRequest &request)
{
    if (!m_executor) {
        m_executor = new ExecutorThread(this);
        connect(m_executor, &ExecutorThread::progress, this, &RunView::onProgress);
        connect(m_executor, &ExecutorThread::logLine, this, &RunView::onLogLine);
        connect(m_executor, &ExecutorThread::waiting, this, &RunView::onWaiting);
        connect(m_executor, &ExecutorThread::finished, this, &RunView::onFinished);
    }
    if (!m_executor->start(request))
        return false;
    m_finished = false;
    m_clock.start();
    m_tick->start();
    m_cancel->setText(QStringLiteral("Cancel run"));
    appendRetortLine(tr("%1 on %2: %n step(s)", nullptr, int(m_plan.preview.steps.size()))
                         .arg(m_plan.title, m_plan.connection.describe()));
    updateElapsed();
    return true;
}

void RunView::cancel()
{
    if (!isRunning())
        return;
    appendRetortLine(QStringLiteral("Cancel requested: stopping the running statement"));
    m_status->setText(QStringLiteral("Cancelling…"));
    m_cancel->setEnabled(false);
    m_executor->cancel();
}

void RunView::askToCancel(const QString &question, const QString &cancelLabel, std::function<void()> confirmed)
{
    if (!isRunning())
        return;
    if (m_question) {
        m_question->raise();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cancel the migration?"),
                                question.isEmpty() ? tr("The migration is still running. Cancelling stops the "
                                                        "running statement on the server and rolls back.")
                                                   : question,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("cancelRunQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    // A stray Enter or Esc must never stop a migration.
    QPushButton *keep = box->addButton(tr("Keep Running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRunning"));
    QPushButton *stop = box->addButton(cancelLabel.isEmpty() ? tr("Cancel Migration") : cancelLabel,
                                       QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("confirmCancel"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, stop, confirmed](QAbstractButton *clicked) {
        if (clicked != stop || !isRunning())
            return;
        cancel();
        if (confirmed)
            confirmed();
    });
    m_question = box;
    box->open();
}

QMessageBox *RunView::cancelQuestion() const
{
    return m_question;
}

bool RunView::isRunning() const
{
    return m_executor && m_executor->isRunning() && !m_finished;
}

void RunView::appendRetortLine(const QString &line)
{
    m_log->appendPlainText(QStringLiteral("RETORT [%1] %2")
                               .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void RunView::onProgress(const RunProgress &progress)
{
    m_last = progress;
    m_progress->setRange(0, std::max(1, progress.stepCount));
    m_progress->setValue(std::max(0, progress.step - 1));
    m_status->setText(QStringLiteral("Step %1/%2 · %3 · statement %4/%5")
                          .arg(progress.step)
                          .arg(progress.stepCount)
                          .arg(progress.revision.isEmpty() ? progress.stepLog : progress.revision)
                          .arg(progress.statement)
                          .arg(progress.statementCount));
    const int index = m_plan.statementOfProgress(progress.step, progress.statement);
    if (index >= 0) {
        m_script->setCursorPosition(m_plan.statements[index].line, 0);
        m_script->ensureLineVisible(m_plan.statements[index].line);
    }
}

void RunView::onLogLine(const QString &line)
{
    m_log->appendPlainText(line);
}

void RunView::onWaiting(const QString &what)
{
    if (m_finished)
        return;
    if (what.isEmpty()) {
        if (!m_statusBeforeWait.isEmpty())
            m_status->setText(m_statusBeforeWait);
        m_statusBeforeWait.clear();
        return;
    }
    if (m_statusBeforeWait.isEmpty())
        m_statusBeforeWait = m_status->text();
    const QString text = what.left(1).toUpper() + what.mid(1);
    m_status->setText(text);
    appendRetortLine(text);
}

void RunView::updateElapsed()
{
    if (m_clock.isValid())
        m_elapsed->setText(elapsedText(m_finished ? m_report.elapsedMs : m_clock.elapsed()));
}

void RunView::onFinished(const RunReport &report)
{
    m_report = report;
    m_finished = true;
    if (m_question)
        m_question->close();  // nothing left to cancel
    m_tick->stop();
    if (report.elapsedMs <= 0)
        m_report.elapsedMs = m_clock.elapsed();
    updateElapsed();
    m_cancel->setEnabled(true);
    m_cancel->setText(QStringLiteral("Close"));
    const QString after =
        report.headsAfter.isEmpty() ? QStringLiteral("base") : report.headsAfter.join(QStringLiteral(", "));
    if (report.ok) {
        m_progress->setValue(m_progress->maximum());
        m_status->setText(tr("Done: %n step(s) applied; the database is now at %1", nullptr,
                                         report.stepsCommitted)
                              .arg(after));
        appendRetortLine(QStringLiteral("Done in %1 s; now at %2").arg(double(m_report.elapsedMs) / 1000.0, 0, 'f', 2).arg(after));
    } else if (report.cancelled) {
        showOutcome(m_progress, report);
        m_status->setText(report.databaseDropped
                              ? tr("Cancelled after the database was dropped and created again: what it held is "
                                   "gone; it is at %1").arg(after)
                          : report.stepsCommitted
                              ? tr("Cancelled after %n committed step(s); the database is at %1",
                                               nullptr, report.stepsCommitted)
                                    .arg(after)
                          : report.autocommitStatements
                              ? tr("Cancelled after %n statement(s) of an autocommit block, which stay; the "
                                   "database is at %1", nullptr, report.autocommitStatements)
                                    .arg(after)
                              : QStringLiteral("Cancelled; the database is unchanged (at %1)").arg(after));
        appendRetortLine(QStringLiteral("Cancelled: %1").arg(report.error.toString()));
    } else {
        showOutcome(m_progress, report);
        showFailure(report);
    }
    emit runFinished(m_report);
}

void RunView::showFailure(const RunReport &report)
{
    const QString after =
        report.headsAfter.isEmpty() ? QStringLiteral("base") : report.headsAfter.join(QStringLiteral(", "));
    // reset-local --recreate: the old database is gone whatever the steps did
    m_status->setText(report.databaseDropped
                          ? tr("Failed after the database was dropped and created again: what it held is gone; "
                               "it is at %1").arg(after)
                      : report.stepsCommitted
                          ? tr("Failed; %n step(s) before it stay committed; the database is at %1",
                               nullptr, report.stepsCommitted)
                                .arg(after)
                      : report.autocommitStatements
                          ? tr("Failed; %n statement(s) of an autocommit block ran outside the transaction and "
                               "stay; the database is at %1", nullptr, report.autocommitStatements)
                                .arg(after)
                          : QStringLiteral("Failed; rolled back, the database is unchanged (at %1)").arg(after));
    const Error &e = report.error;
    QString html = QStringLiteral("<b style='color:%1'>%2</b>").arg(kFailureColor.name(), e.message().toHtmlEscaped());
    if (!e.sqlState().isEmpty())
        html += QStringLiteral("<br>SQLSTATE <b>%1</b>").arg(e.sqlState().toHtmlEscaped());
    if (!e.where().isEmpty())
        html += QStringLiteral("<br>%1").arg(e.where().toString().toHtmlEscaped());
    for (const Error *c = e.cause(); c; c = c->cause())
        html += QStringLiteral("<br><span>caused by: %1</span>").arg(c->headline().toHtmlEscaped());
    m_error->setText(html);
    m_error->show();
    appendRetortLine(QStringLiteral("FAILED: %1").arg(e.toString()));

    // By its place in the run, never by its text: the same text may run twice.
    const int index = m_plan.statementAtRunIndex(report.failedStatementIndex);
    if (index >= 0) {
        const ScriptStatement &s = m_plan.statements[index];
        const int at = e.where().statementOffset >= 0 ? s.offset + e.where().statementOffset : s.offset;
        m_script->markError(s.offset, s.length, at);
    }
    if (auto *tabs = findChild<QTabWidget *>(QStringLiteral("runTabs")))
        tabs->setCurrentWidget(m_script);
}

void RunView::closeEvent(QCloseEvent *event)
{
    if (isRunning()) {
        askToCancel();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void RunView::reject()
{
    if (isRunning()) {
        askToCancel();
        return;
    }
    QDialog::reject();
}

} // namespace retort::gui
