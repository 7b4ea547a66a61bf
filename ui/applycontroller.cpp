#include "applycontroller.h"

#include "confirmdialog.h"
#include "icons.h"
#include "journal/journalrecorder.h"
#include "restorejob.h"
#include "runview.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStyle>
#include <QThread>
#include <QWidget>

namespace retort::gui {

ApplyController::ApplyController(Context context, QWidget *window)
    : QObject(window), m_context(std::move(context)), m_window(window)
{
    m_upgrade = new QAction(icons::up(), tr("&Upgrade to Here…"), this);
    m_upgrade->setObjectName(QStringLiteral("upgradeToHere"));
    m_downgrade = new QAction(icons::down(), tr("&Downgrade to Here…"), this);
    m_downgrade->setObjectName(QStringLiteral("downgradeToHere"));
    m_stamp = new QAction(tr("&Stamp…"), this);
    m_stamp->setObjectName(QStringLiteral("stamp"));
    m_reset = new QAction(window->style()->standardIcon(QStyle::SP_BrowserReload), tr("&Reset Local Database…"), this);
    m_reset->setObjectName(QStringLiteral("resetLocal"));
    m_recreate = new QAction(tr("Re&create Local Database Here…"), this);
    m_recreate->setObjectName(QStringLiteral("recreateLocal"));
    m_restore = new QAction(tr("Restore the Backup Just &Taken…"), this);
    m_restore->setObjectName(QStringLiteral("restoreBackup"));

    connect(m_upgrade, &QAction::triggered, this, &ApplyController::upgradeToSelected);
    connect(m_downgrade, &QAction::triggered, this, &ApplyController::downgradeToSelected);
    connect(m_stamp, &QAction::triggered, this, &ApplyController::askStamp);
    connect(m_reset, &QAction::triggered, this, &ApplyController::resetLocal);
    connect(m_recreate, &QAction::triggered, this, &ApplyController::recreateToSelected);
    connect(m_restore, &QAction::triggered, this, &ApplyController::restoreLastBackup);
    qRegisterMetaType<retort::gui::ConfirmDialog *>();
    qRegisterMetaType<retort::gui::RunView *>();
    qRegisterMetaType<retort::RunProgress>();
    qRegisterMetaType<retort::RunReport>();
    updateActions();
}

ApplyController::~ApplyController()
{
    if (m_planThread) {
        m_planThread->wait();
        delete m_planThread;
    }
}

QList<QAction *> ApplyController::actions() const
{
    return {m_upgrade, m_downgrade, m_stamp, m_reset, m_recreate, m_restore};
}

ConfirmDialog *ApplyController::confirmDialog() const
{
    return m_dialog;
}

RunView *ApplyController::runView() const
{
    return m_runView;
}

bool ApplyController::isBusy() const
{
    return m_planThread || m_dialog || (m_runView && m_runView->isRunning()) || (m_restoreJob && m_restoreJob->isRunning());
}

void ApplyController::updateActions()
{
    const QString upgradeTip = tr("Apply every revision up to the selected one to the database (with a confirmation)");
    const QString downgradeTip = tr("Roll the database back to the selected revision (with a confirmation)");
    const QString stampTip = tr("Set the version table to revisions without running them");
    const QString resetTip = tr("Downgrade to base, then upgrade to the heads (local databases only)");
    const QString recreateTip = tr("Drop the database, create it again empty, then upgrade it to the selected "
                                   "revision (local databases only)");
    const QString restoreTip = tr("Replace the database with the backup the last confirmation took (local "
                                  "databases only)");
    const auto set = [](QAction *action, const QString &whyNot, const QString &tip) {
        action->setEnabled(whyNot.isEmpty());
        action->setToolTip(whyNot.isEmpty() ? tip : whyNot);
    };

    // Reasons that disable every action, in the order a user would fix them.
    const LoadedProjectPtr project = m_context.project ? m_context.project() : LoadedProjectPtr();
    const TargetDatabase target = m_context.database ? m_context.database() : TargetDatabase();
    QString all;
    if (!project) {
        all = tr("No project is open");
    } else if (isBusy()) {
        all = tr("Another plan, confirmation or run is in progress");
    } else if (target.name.isEmpty()) {
        all = tr("No database: add one with Database ▸ Connections…");
    } else if (Result<ConnectionSettings> settings = m_context.connection(); !settings) {
        all = tr("%1 cannot be used: %2").arg(target.name, settings.error().message());
    } else if (!target.state) {
        all = tr("The state of %1 is unknown (%2): read it first (Database ▸ Read Databases Again)")
                  .arg(target.name, target.unknownReason);
    }
    if (!all.isEmpty()) {
        set(m_upgrade, all, upgradeTip);
        set(m_downgrade, all, downgradeTip);
        set(m_stamp, all, stampTip);
        set(m_reset, all, resetTip);
        set(m_recreate, all, recreateTip);
        set(m_restore, all, restoreTip);
        return;
    }

    const QString id = m_context.selectedRevision ? m_context.selectedRevision() : QString();
    const int node = id.isEmpty() ? -1 : project->graph.indexOf(id);
    const RevisionDbState state = target.state->state(node);
    const QString short12 = id.left(12);
    QString upgrade, downgrade, stamp;
    if (node < 0) {
        upgrade = tr("Select the revision to upgrade to");
        downgrade = tr("Select the revision to downgrade to");
    } else if (state == RevisionDbState::Current) {
        upgrade = tr("%1 is at %2 already: there is nothing to upgrade").arg(target.name, short12);
        downgrade = tr("%1 is at %2 already: there is nothing to downgrade").arg(target.name, short12);
    } else if (state == RevisionDbState::Applied) {
        upgrade = tr("%1 has already applied %2: upgrading to it would run nothing").arg(target.name, short12);
    } else {
        downgrade = tr("%1 has not applied %2: the database is below it, and a downgrade only goes back to "
                       "applied revisions")
                        .arg(target.name, short12);
    }
    if (node >= 0 && target.state->current == QVector<int>{node})
        stamp = tr("%1 is stamped at %2 already: stamping it there changes nothing").arg(target.name, short12);
    set(m_upgrade, upgrade, upgradeTip);
    set(m_downgrade, downgrade, downgradeTip);
    set(m_stamp, stamp, stampTip);
    const QString production = target.kind == EnvironmentKind::Production
                                   ? tr("%1 is marked production: a production database is never reset").arg(target.name)
                                   : QString();
    set(m_reset, production, resetTip);
    set(m_recreate,
        !production.isEmpty() ? production
        : node < 0            ? tr("Select the revision to upgrade the new database to")
                              : QString(),
        recreateTip);
    const bool backedUp = m_lastBackup && m_lastBackupOf == target.name;
    set(m_restore,
        !production.isEmpty() ? production
        : backedUp            ? QString()
                              : tr("No backup of %1 was taken in this session: take one with \"Back up now…\" in a "
                                   "confirmation")
                                    .arg(target.name),
        restoreTip);
    if (backedUp && production.isEmpty())
        m_restore->setToolTip(tr("Replace %1 with %2 (%3)")
                                  .arg(target.name, m_lastBackup->file, formatBytes(m_lastBackup->size)));
}

void ApplyController::upgradeToSelected()
{
    Operation op;
    op.kind = Operation::Kind::Upgrade;
    op.targets = {m_context.selectedRevision()};
    start(op);
}

void ApplyController::downgradeToSelected()
{
    Operation op;
    op.kind = Operation::Kind::Downgrade;
    op.targets = {m_context.selectedRevision()};
    start(op);
}

void ApplyController::resetLocal()
{
    Operation op;
    op.kind = Operation::Kind::ResetLocal;
    start(op);
}

void ApplyController::recreateToSelected()
{
    Operation op;
    op.kind = Operation::Kind::ResetLocal;
    op.recreate = true;
    op.targets = {m_context.selectedRevision()};
    start(op);
}

void ApplyController::restoreLastBackup()
{
    if (!m_lastBackup)
        return;
    Operation op;
    op.kind = Operation::Kind::Restore;
    op.targets = {m_lastBackup->file};
    start(op);
}

void ApplyController::askStamp()
{
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Stamp"));
    dialog->setObjectName(QStringLiteral("stampDialog"));
    auto *form = new QFormLayout(dialog);
    form->addRow(new QLabel(tr("Sets the version table to these revisions without running their "
                               "upgrade() or downgrade()."),
                            dialog));
    auto *targets = new QLineEdit(m_context.selectedRevision ? m_context.selectedRevision() : QString(), dialog);
    targets->setPlaceholderText(tr("revision ids, heads, base, label@head… (space separated)"));
    form->addRow(tr("Revisions:"), targets);
    auto *purge = new QCheckBox(tr("Purge: delete every version row first"), dialog);
    form->addRow(QString(), purge);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, targets, purge] {
        Operation op;
        op.kind = Operation::Kind::Stamp;
        op.targets = targets->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        op.purge = purge->isChecked();
        if (!op.targets.isEmpty())
            start(op);
    });
    dialog->open();
}

void ApplyController::start(const Operation &operation)
{
    if (isBusy())
        return;
    const LoadedProjectPtr project = m_context.project ? m_context.project() : LoadedProjectPtr();
    if (!project)
        return;
    Result<ConnectionSettings> settings = m_context.connection();
    if (!settings) {
        showError(tr("No database"), settings.error());
        return;
    }
    if (m_runView && !m_runView->isRunning()) {
        m_runView->close();
        m_runView->deleteLater();
        m_runView = nullptr;
    }
    // The preview of a reset always plans (and finds where the server really
    // is); the dialog makes the user insist before a database elsewhere is reset.
    Operation planned = operation;
    planned.production = m_context.database && m_context.database().kind == EnvironmentKind::Production;
    const quint64 request = ++m_request;
    m_planError = Error();
    m_planProject = project;
    const ConnectionSettings connection = settings.value();
    m_planThread = QThread::create([this, request, project, connection, planned] {
        Result<ApplyPlan> plan = buildApplyPlan(project, connection, planned);
        QMetaObject::invokeMethod(this, [this, request, plan] { onPlanned(request, plan); }, Qt::QueuedConnection);
    });
    m_planThread->setObjectName(QStringLiteral("retort-plan"));
    m_planThread->start();
    updateActions();
}

void ApplyController::onPlanned(quint64 request, const Result<ApplyPlan> &plan)
{
    if (m_planThread) {
        m_planThread->wait();
        delete m_planThread;
        m_planThread = nullptr;
    }
    if (request != m_request)
        return;
    updateActions();
    if (!plan) {
        m_planError = plan.error();
        emit planningFinished(false);
        showError(tr("Cannot plan"), plan.error());
        return;
    }
    emit planningFinished(true);
    openConfirmation(plan.value());
}

void ApplyController::openConfirmation(const ApplyPlan &plan)
{
    auto *dialog = new ConfirmDialog(plan, m_planProject, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (const BackupResult *taken = dialog->backup()) {
            m_lastBackup = *taken;
            m_lastBackupOf = m_context.database ? m_context.database().name : QString();
        }
        if (result == QDialog::Accepted) {
            ApplyPlan accepted = dialog->plan();
            accepted.operation.forceDatabase = dialog->forcedDatabase();
            accepted.operation.disconnectOthers = dialog->disconnectOthers();
            const BackupResult *backup = dialog->backup();
            const QString note = backup ? tr("Backup taken before this run: %1 (%2, pg_dump %3)")
                                              .arg(backup->file, formatBytes(backup->size), backup->pgDumpVersion)
                                        : tr("No backup was taken from the dialog; the user confirmed one exists");
            m_dialog = nullptr;
            run(accepted, note);
        } else {
            m_dialog = nullptr;
            updateActions();
        }
    });
    updateActions();
    dialog->open();
    emit confirmationOpened(dialog);
}

void ApplyController::run(const ApplyPlan &plan, const QString &backupNote)
{
    if (Error refused = resetLocalGuard(plan.operation, plan.preview.locality, plan.preview.database)) {
        showError(tr("Not reset"), refused);
        updateActions();
        return;
    }
    if (plan.operation.kind == Operation::Kind::Restore) {
        restore(plan);
        return;
    }
    // Exactly the steps that were confirmed: the run refuses a database whose
    // rows changed since the plan was made, rather than re-planning silently.
    RunRequest request;
    request.connection = plan.connection;
    request.versionTable = plan.versionTable;
    request.versionTablePk = plan.versionTablePk;
    request.options.transactionPerMigration = plan.transactionPerMigration;
    request.steps = plan.preview.steps;
    request.purge = plan.operation.kind == Operation::Kind::Stamp && plan.operation.purge;
    // a recreate plans from no rows: the database it runs in is new
    request.prepare = recreatePrepare(plan.connection, plan.operation);
    if (!request.prepare)
        request.expectedHeads = plan.preview.state.rows;
    request.pythonRunner = plan.pythonRunner;
    auto recorder = std::make_shared<JournalRecorder>(journalFor(plan));
    request.recorder = recorder;

    auto *view = new RunView(plan, m_window);
    m_runView = view;
    connect(view, &RunView::runFinished, this, [this, view, recorder](const RunReport &report) {
        for (const QString &problem : recorder->problems())
            view->appendRetortLine(tr("Journal: %1").arg(problem));
        if (m_context.refreshDatabase)
            m_context.refreshDatabase();
        updateActions();
        emit runFinished(report);
    });
    view->show();
    view->appendRetortLine(backupNote);
    if (!view->start(request)) {
        view->appendRetortLine(tr("Another run is still in progress"));
        return;
    }
    updateActions();
    emit runStarted(view);
}

JournalContext ApplyController::journalFor(const ApplyPlan &plan) const
{
    JournalContext journal;
    journal.operation = plan.operation;
    journal.project = m_planProject ? m_planProject->iniPath : QString();
    journal.versionTable = plan.versionTable;
    journal.transactionPerMigration = plan.transactionPerMigration;
    journal.connection = plan.connection;
    journal.databaseTable = m_context.journalInDatabase && m_context.journalInDatabase();
    return journal;
}

// pg_restore takes as long as the dump is big: on a thread of its own, with
// a busy indicator whose Cancel stops it before the old database is dropped.
void ApplyController::restore(const ApplyPlan &plan)
{
    RestoreRun run;
    run.connection = plan.connection;
    run.operation = plan.operation;
    run.versionTable = plan.versionTable;
    auto *progress = new QProgressDialog(tr("Restoring %1 from %2…").arg(plan.preview.database, plan.operation.targets.value(0)),
                                         tr("Cancel"), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("restoreProgress"));
    progress->setWindowTitle(plan.title);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    auto *job = new RestoreJob(this);
    m_restoreJob = job;
    connect(job, &RestoreJob::logLine, progress, &QProgressDialog::setLabelText);
    connect(progress, &QProgressDialog::canceled, job, &RestoreJob::cancel);
    connect(job, &RestoreJob::finished, this, [this, job, progress](const RunReport &report) {
        disconnect(progress, &QProgressDialog::canceled, job, &RestoreJob::cancel);
        progress->close();
        m_restoreJob = nullptr;
        job->deleteLater();
        if (m_context.refreshDatabase)
            m_context.refreshDatabase();
        updateActions();
        if (!report.ok)
            showError(report.cancelled ? tr("Restore cancelled") : tr("Not restored"), report.error);
        emit restoreFinished(report);
    });
    job->start(run, std::make_shared<JournalRecorder>(journalFor(plan)));
    progress->show();
    updateActions();
}

void ApplyController::showError(const QString &title, const Error &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, error.message(), QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("applyError"));
    if (error.cause() || !error.where().isEmpty())
        box->setDetailedText(error.toString());
    box->open();
}

} // namespace retort::gui
