#pragma once

#include "bridge/planrenderer.h"
#include "db/connectionsettings.h"
#include "exec/migrationrunner.h"
#include "loadedproject.h"
#include "risk/liveblockers.h"
#include "risk/planrisk.h"
#include "result.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retort::gui {

// One statement of the script shown to the user, placed in that text.
struct ScriptStatement {
    PlannedStatement::Kind kind = PlannedStatement::Kind::Body;
    int step = -1;    // index into the plan's steps; -1 for run-level statements
    int offset = 0;   // in ApplyPlan::script
    int length = 0;   // the statement without its ';'
    int line = 0;     // 0-based line of `offset`
    int runIndex = -1;  // in RunPreview::statements, as the executor counts (RunReport::failedStatementIndex)
};

// Everything the confirmation dialog shows and the run needs, computed off
// the GUI thread from the database's own version rows (online semantics).
struct ApplyPlan {
    Operation operation;
    QString title;                // "Upgrade to 3a1f (head)"
    ConnectionSettings connection;  // may carry a session password: memory only
    RunPreview preview;           // the rows read, the steps, the statements apply sends
    QString script;               // the statements, ";\n\n"-separated, with step comments
    QVector<ScriptStatement> statements;
    QVector<QVector<int>> statementsByStep;  // Body and VersionRow statements of each step
    QVector<int> destructivePerStep;  // by step
    int destructiveCount = 0;
    // What the statements lock, rewrite and scan, the rules they break, how
    // long each lock is held; and who is in the way on the database now.
    risk::PlanRisk risk;
    risk::LiveRisk live;
    QString liveProblem;  // why the live state could not be read
    // From env.py, read with the plan (off the GUI thread).
    VersionTable versionTable;
    bool versionTablePk = true;
    bool transactionPerMigration = false;
    // Runs the python-online steps through alembic online (RunRequest::pythonRunner).
    PythonStepRunner pythonRunner;

    // The statements of step `step` (Body and VersionRow), in run order.
    QVector<int> statementsOfStep(int step) const;
    // The statement RunProgress names: `statement` (1-based) of step `step`
    // (1-based), else -1.
    int statementOfProgress(int step, int statement) const;
    // The statement at `runIndex` in the run (RunReport::failedStatementIndex), else -1.
    int statementAtRunIndex(int runIndex) const;
};

// The project as the runner needs it; the graph stays owned by `project`.
// An env.py that cannot be read or run as alembic would is an error, never
// alembic's defaults in its place (they name another version table).
Result<ProjectContext> projectContext(const LoadedProjectPtr &project);

// How the window renders steps for a run (native first, the steps the native
// engine refuses through the project's own alembic online: the bridge), as
// the CLI does.
PlanRenderSettings onlineRenderSettings(const LoadedProjectPtr &project);

// "Upgrade to <id>", "Downgrade to base", "Stamp <ids>", "Reset local database".
QString operationTitle(const Operation &operation);

// Connects, reads the version rows, plans and renders (MigrationRunner::preview),
// then lays the statements out as one script. Blocks: call it on a worker.
Result<ApplyPlan> buildApplyPlan(const LoadedProjectPtr &project, const ConnectionSettings &connection,
                                 const Operation &operation);

// Lays statements out as one script (what the dialog links to and the run
// view shows), filling plan.script and plan.statements.
void layOutScript(ApplyPlan &plan);

} // namespace retort::gui

Q_DECLARE_METATYPE(retort::gui::ApplyPlan)
