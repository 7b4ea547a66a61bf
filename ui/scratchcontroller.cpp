#include "scratchcontroller.h"

#include "databasesession.h"
#include "databaseworker.h"
#include "detailpane.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "schemapane.h"
#include "scratch/consistencycheck.h"
#include "scratch/driftcheck.h"
#include "scratch/rehearsal.h"
#include "scratch/scratchcontrol.h"
#include "scratchdialog.h"
#include "scratchworker.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTabWidget>

#include <algorithm>
#include <memory>

namespace retort::gui {

namespace {

// How a run that could not give its result ends in its dialog.
bool endedWithoutResult(ScratchDialog *dialog, const Error &error)
{
    if (!error)
        return false;
    if (error.kind() == Error::Kind::Cancelled)
        dialog->finish(ScratchDialog::Outcome::Cancelled,
                       ScratchDialog::tr("Cancelled: the scratch database was removed"), QString());
    else
        dialog->finish(ScratchDialog::Outcome::Failed, QStringLiteral("FAILED: %1").arg(error.message()),
                       error.toString());
    return true;
}

} // namespace

ScratchController::ScratchController(MainWindow *window, QMenu *menu) : QObject(window), m_window(window)
{
    m_check = new QAction(tr("Check &Consistency…"), this);
    m_check->setObjectName(QStringLiteral("checkConsistency"));
    m_drift = new QAction(tr("Compare With &Files (Drift)…"), this);
    m_drift->setObjectName(QStringLiteral("compareDrift"));
    m_rehearse = new QAction(tr("Re&hearse…"), this);
    m_rehearse->setObjectName(QStringLiteral("rehearse"));
    qRegisterMetaType<retort::gui::ScratchDialog *>();
    connect(m_check, &QAction::triggered, this, &ScratchController::check);
    connect(m_drift, &QAction::triggered, this, &ScratchController::drift);
    connect(m_rehearse, &QAction::triggered, this, &ScratchController::rehearse);
    menu->addSeparator();
    menu->addActions({m_check, m_drift, m_rehearse});
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    HistoryView *view = window->historyView();
    view->addActions({separator, m_check, m_drift, m_rehearse});

    m_schema = new SchemaPane;
    QTabWidget *tabs = window->detailPane()->tabs();
    tabs->addTab(m_schema, tr("Schema"));
    connect(tabs, &QTabWidget::currentChanged, this, &ScratchController::showSchema);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ScratchController::showSchema);
    connect(view, &HistoryView::currentNodeChanged, this, &ScratchController::updateActions);
    connect(window, &MainWindow::projectShown, this, [this] {
        const LoadedProjectPtr &project = m_window->historyModel()->project();
        m_schema->setProject(project);
        if (project->iniPath != m_projectIni) {
            // connection names belong to their project
            m_projectIni = project->iniPath;
            m_drifted.clear();
            showDrift();
        }
        updateActions();
        showSchema();
    });
    connect(window, &MainWindow::projectFailed, this, [this] {
        m_schema->setProject(nullptr);
        updateActions();
    });
    connect(window, &MainWindow::databaseStateChanged, this, &ScratchController::onDatabaseRead);
    connect(window->databaseSession(), &DatabaseSession::activeChanged, this, &ScratchController::updateActions);
    connect(window->databaseSession(), &DatabaseSession::connectionsChanged, this, &ScratchController::updateActions);
    updateActions();
}

ScratchController::~ScratchController() = default;

ScratchDialog *ScratchController::dialog() const
{
    return m_dialog;
}

QString ScratchController::selectedRevision() const
{
    const LoadedProjectPtr &project = m_window->historyModel()->project();
    const int row = m_window->historyView()->currentRow();
    const int node = project && row >= 0 ? m_window->historyModel()->nodeAt(row) : -1;
    return node >= 0 ? project->graph.node(node).id : QString();
}

ScratchRequest ScratchController::requestForActive() const
{
    ScratchRequest request;
    const DatabaseRead *db = m_window->activeDatabase();
    if (db && !db->serverVersion.isEmpty()) {
        request.targetMajor = db->serverVersion.section(QLatin1Char('.'), 0, 0).toInt();
        request.targetDescription = tr("%1 (PostgreSQL %2)").arg(m_window->activeConnectionName(), db->serverVersion);
    } else {
        request.targetDescription = tr("no database was read, so the version to match is unknown");
    }
    return request;
}

void ScratchController::updateActions()
{
    const auto set = [](QAction *action, const QString &whyNot, const QString &tip) {
        action->setEnabled(whyNot.isEmpty());
        action->setToolTip(whyNot.isEmpty() ? tip : whyNot);
    };
    const QString checkTip = tr("On a scratch database: upgrade, downgrade and upgrade again each revision up to the "
                                "selected one (every revision when none is selected), comparing the schemas");
    const QString driftTip = tr("Compare the active database's schema with the one its version rows give when the "
                                "files are replayed on a scratch database");
    const QString rehearseTip = tr("Run the plan to the selected revision on a copy of the active database's schema "
                                   "first: each statement's time and errors; the database itself is only read");
    const LoadedProjectPtr &project = m_window->historyModel()->project();
    QString all;
    if (!project)
        all = tr("No project is open");
    else if (m_worker)
        all = tr("A check, comparison or rehearsal is running");
    const QString name = m_window->activeConnectionName();
    const DatabaseRead *db = m_window->activeDatabase();
    QString noDatabase = all;
    if (noDatabase.isEmpty() && name.isEmpty())
        noDatabase = tr("No database: add one with Database ▸ Connections…");
    else if (noDatabase.isEmpty() && !db)
        noDatabase = tr("The state of %1 is unknown: read it first (Database ▸ Read Databases Again)").arg(name);
    QString rehearse = noDatabase;
    const QString id = selectedRevision();
    if (rehearse.isEmpty() && id.isEmpty())
        rehearse = tr("Select the revision to rehearse the upgrade or downgrade to");
    else if (rehearse.isEmpty() && db->state.state(project->graph.indexOf(id)) == RevisionDbState::Current)
        rehearse = tr("%1 is at %2 already: there is nothing to rehearse").arg(name, id.left(12));
    set(m_check, all, checkTip);
    set(m_drift, noDatabase, driftTip);
    set(m_rehearse, rehearse, rehearseTip);
}

void ScratchController::startRun(const QString &title, const ScratchRequest &request, ScratchWorker::Task task,
                                 std::function<void(ScratchDialog *, const Error &)> done)
{
    if (m_worker)
        return;
    auto *dialog = new ScratchDialog(title, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    auto *worker = new ScratchWorker(request, ScratchWorker::Lifetime::OneJob, this);
    m_worker = worker;
    connect(worker, &ScratchWorker::scratchReady, dialog, &ScratchDialog::setNote);
    connect(worker, &ScratchWorker::progress, dialog,
            [dialog](quint64, const QString &line, int count, int total) { dialog->setProgress(line, count, total); });
    connect(dialog, &ScratchDialog::cancelRequested, worker, &ScratchWorker::cancel);
    connect(worker, &ScratchWorker::finished, this, [this, worker, done](quint64, const Error &error) {
        // the dialog may be closed (the run was cancelled with it): the
        // result still counts, e.g. for the drift badge
        done(m_dialog, error);
        worker->deleteLater();
        m_worker = nullptr;
        updateActions();
        emit runFinished();
    });
    worker->run(std::move(task));
    dialog->show();
    updateActions();
    emit runStarted(dialog);
}

void ScratchController::check()
{
    const LoadedProjectPtr project = m_window->historyModel()->project();
    if (!project)
        return;
    const QString range = selectedRevision();
    const QString title = range.isEmpty() ? tr("Check consistency of every revision")
                                          : tr("Check consistency up to %1").arg(range.left(12));
    auto report = std::make_shared<ConsistencyReport>();
    startRun(title, requestForActive(),
             [project, range, report](const ScratchDatabase &scratch, ScratchControl &control,
                                      const ScratchWorker::Progress &progress) {
                 Result<ScratchRun> run = scratchRunFor(project, scratch.settings());
                 if (!run) {
                     report->error = run.error();
                     return;
                 }
                 control.setStepProgress({});  // progress per revision checked instead
                 progress(QStringLiteral("checking each revision: upgrade, downgrade, upgrade again"), 0, 0);
                 const ConsistencyCheck check(run->project, scratch.settings(), run->render, run->python);
                 *report = check.run(range, progress, &control);
             },
             [report](ScratchDialog *dialog, const Error &error) {
                 if (!dialog || endedWithoutResult(dialog, error ? error : report->error))
                     return;
                 const auto &f = report->finding;
                 dialog->finish(f ? ScratchDialog::Outcome::Found : ScratchDialog::Outcome::Passed,
                                f ? tr("Revision %1 does not undo itself").arg(f->revision)
                                  : tr("Consistent: %1 revisions checked").arg(report->checked),
                                describeConsistency(*report));
             });
}

void ScratchController::drift()
{
    const LoadedProjectPtr project = m_window->historyModel()->project();
    const QString name = m_window->activeConnectionName();
    Result<ConnectionSettings> settings = m_window->databaseSession()->settingsFor(name);
    if (!project || !settings)
        return;
    const ConnectionSettings target = settings.value();
    auto report = std::make_shared<DriftReport>();
    startRun(tr("Compare %1 with the files (drift)").arg(name), requestForActive(),
             [project, target, report](const ScratchDatabase &scratch, ScratchControl &control,
                                       const ScratchWorker::Progress &) {
                 Result<ScratchRun> run = scratchRunFor(project, scratch.settings());
                 if (!run) {
                     report->error = run.error();
                     return;
                 }
                 *report = checkDrift(run->project, target, scratch.settings(), run->render, run->python, &control);
             },
             [this, name, target, report](ScratchDialog *dialog, const Error &error) {
                 const Error &failed = error ? error : report->error;
                 if (!failed) {
                     if (report->changes.isEmpty())
                         m_drifted.remove(name);
                     else
                         m_drifted.insert(name, report->rows);
                     showDrift();
                 }
                 if (!dialog || endedWithoutResult(dialog, failed))
                     return;
                 const int n = int(report->changes.size());
                 dialog->finish(n ? ScratchDialog::Outcome::Found : ScratchDialog::Outcome::Passed,
                                n ? tr("Drift: %1 differs from its version rows' schema in %n place(s)", nullptr, n)
                                        .arg(name)
                                  : tr("No drift: %1 has the schema its version rows give").arg(name),
                                describeDrift(*report, target.describe()));
             });
}

void ScratchController::rehearse()
{
    const LoadedProjectPtr project = m_window->historyModel()->project();
    const QString name = m_window->activeConnectionName();
    Result<ConnectionSettings> settings = m_window->databaseSession()->settingsFor(name);
    const DatabaseRead *db = m_window->activeDatabase();
    const QString id = selectedRevision();
    if (!project || !settings || !db || id.isEmpty())
        return;
    Operation operation;
    const bool down = db->state.state(project->graph.indexOf(id)) == RevisionDbState::Applied;
    operation.kind = down ? Operation::Kind::Downgrade : Operation::Kind::Upgrade;
    operation.targets = QStringList{id};
    const QString command = (down ? QStringLiteral("downgrade ") : QStringLiteral("upgrade ")) + id;
    const ConnectionSettings target = settings.value();
    auto report = std::make_shared<RehearsalReport>();
    startRun(tr("Rehearse %1 on a copy of %2").arg(command, name), requestForActive(),
             [project, target, operation, report](const ScratchDatabase &scratch, ScratchControl &control,
                                                  const ScratchWorker::Progress &) {
                 Result<ScratchRun> run = scratchRunFor(project, scratch.settings());
                 if (!run) {
                     report->error = run.error();
                     return;
                 }
                 *report = retort::rehearse(run->project, target, scratch.settings(), run->render, run->python,
                                            operation, &control);
             },
             [command, target, report](ScratchDialog *dialog, const Error &error) {
                 if (!dialog || endedWithoutResult(dialog, error ? error : report->error))
                     return;
                 const RunReport &run = report->run;
                 if (!run.ok && run.stepCount == 0 && run.failedStatement.isEmpty()) {
                     endedWithoutResult(dialog, run.error);  // no plan: nothing was run
                     return;
                 }
                 dialog->finish(run.ok ? ScratchDialog::Outcome::Passed : ScratchDialog::Outcome::Found,
                                run.ok ? tr("Rehearsal passed: %1 was not touched").arg(target.describe())
                                       : tr("Rehearsal failed: %1").arg(run.error.message()),
                                describeRehearsal(*report, command, target.describe()));
             });
}

void ScratchController::showSchema()
{
    if (m_window->detailPane()->tabs()->currentWidget() != m_schema)
        return;
    const LoadedProjectPtr &project = m_window->historyModel()->project();
    if (!project)
        return;
    QModelIndexList rows = m_window->historyView()->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() > b.row(); });
    QStringList ids;  // the older (lower in the list) first
    if (rows.size() == 2) {
        for (const QModelIndex &row : std::as_const(rows))
            ids << project->graph.node(m_window->historyModel()->nodeAt(row.row())).id;
    } else if (const QString id = selectedRevision(); !id.isEmpty()) {
        ids << id;
    }
    if (!ids.isEmpty())
        m_schema->showRevisions(ids);
}

void ScratchController::onDatabaseRead(const QString &name)
{
    updateActions();
    const auto it = m_drifted.constFind(name);
    if (it == m_drifted.cend())
        return;
    const DatabaseSession::Entry *entry = m_window->databaseSession()->entry(name);
    if (!entry || !entry->last || !entry->last->ok)
        return;
    QStringList now = entry->last->version.rows, then = it.value();
    now.sort();
    then.sort();
    if (now == then)
        return;
    // migrated or stamped since: the comparison no longer says anything
    m_drifted.remove(name);
    showDrift();
}

void ScratchController::showDrift()
{
    const QStringList names = m_drifted.keys();
    m_window->historyModel()->setDrifted(QSet<QString>(names.cbegin(), names.cend()));
}

} // namespace retort::gui
