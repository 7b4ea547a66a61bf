#pragma once

#include "db/connectionsettings.h"
#include "db/locality.h"
#include "exec/executor.h"
#include "project/envreader.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "render/bodyevaluator.h"
#include "result.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

namespace retort {

class RevisionGraph;

// What the runner needs of a loaded project. The graph must outlive the
// runner and every RunRequest it builds (replan reads it on the executor's thread).
struct ProjectContext {
    ProjectConfig config;
    QVector<RevisionScript> scripts;
    std::shared_ptr<const RevisionGraph> graph;
    EnvOptions env;  // version table, transaction_per_migration

    VersionTable versionTable() const;
};

// An operation on a database, as the CLI commands name them.
struct Operation {
    enum class Kind { Upgrade, Downgrade, Stamp, ResetLocal, Restore };
    Kind kind = Kind::Upgrade;
    // Upgrade/Downgrade: one; Stamp: one or more; ResetLocal: none, or with
    // recreate the revision to upgrade to (default heads); Restore: the dump.
    QStringList targets;
    bool purge = false;   // Stamp: delete all version rows first
    // ResetLocal, Restore: the name of the database to reset although it is
    // not proven to be on this machine (--force=NAME, the name typed in the dialog).
    QString forceDatabase;
    // ResetLocal: drop the database and create it again (recreateDatabase),
    // then upgrade, instead of downgrading to base first.
    bool recreate = false;
    // ResetLocal with recreate, Restore: disconnect other sessions of the
    // database (DROP DATABASE ... WITH (FORCE)) rather than refuse.
    bool disconnectOthers = false;
    // Upgrade/Downgrade: only the revision targets[0] names, by its full id,
    // and nothing above or below it (MigrationPlanner::single).
    bool single = false;
    // The database is a saved connection marked production: its name is
    // always typed before a run, and a reset is refused whatever forces it.
    bool production = false;
};

// Refuses a reset-local or restore of a production database always, of a
// database not proven local unless operation.forceDatabase names it, and any
// forceDatabase that names another database than the one reached; Error()
// when allowed or neither.
Error resetLocalGuard(const Operation &operation, const Locality &locality, const QString &database);

// A reset-local with recreate: the run's first act (RunRequest::prepare),
// recreateDatabase() guarded again by resetLocalGuard on its own connection.
// Unset for every other operation.
RunPrepare recreatePrepare(const ConnectionSettings &connection, const Operation &operation);

// What a run will do, for previews: the database's state, the steps with
// their bodies, and the exact statements apply sends.
struct RunPreview {
    QString database;   // current_database(): the one really reached
    Locality locality;  // where the connection really went
    VersionState state;
    QVector<PlannedStep> steps;
    QVector<PlannedStatement> statements;
};

// Renders the bodies of planned steps (one StepSql per step, stamps empty),
// or fails at the first step that cannot be rendered. Called on whatever
// thread plans; must only read shared data.
using StepRenderer = std::function<Result<QVector<StepSql>>(const QVector<MigrationStep> &steps)>;

// Plans from the DATABASE's version rows (alembic's online semantics),
// renders each step natively (a step that needs Python fails with the
// renderer's "needs Python" error), and builds the executor's request.
// Everything here blocks: call it on a worker thread or from the CLI.
class MigrationRunner {
public:
    MigrationRunner(ProjectContext project, ConnectionSettings connection, RunOptions options);

    // How step bodies are rendered; by default natively (RevisionRenderer),
    // where a body that needs Python fails with the renderer's error. The
    // CLI and the GUI pass the bridge's PlanRenderer here.
    void setStepRenderer(StepRenderer renderer) { m_render = std::move(renderer); }
    // What runs python-online steps (RunRequest::pythonRunner); the CLI and
    // the GUI pass the bridge's (bridgeStepRunner()).
    void setPythonRunner(PythonStepRunner runner) { m_python = std::move(runner); }
    // Told about the runs request() builds (RunRequest::recorder), and about
    // an apply() refused before it ran; the journal.
    void setRecorder(std::shared_ptr<RunRecorder> recorder) { m_recorder = std::move(recorder); }

    // What plan() does with a step that raises on purpose (StepSql::raised,
    // an irreversible downgrade): alembic would run the steps before it and
    // fail there. Refuse: the plan is StepRaise::runRefusal(). Show (previews):
    // the plan ends with that step, its body what it emits before the raise.
    enum class RaisingStep { Refuse, Show };

    // Plans `operation` from the given version rows without touching a database.
    Result<QVector<PlannedStep>> plan(const Operation &operation, const QStringList &currentRows,
                                      RaisingStep raising = RaisingStep::Refuse) const;

    // Connects, reads the version rows, plans and renders: the range preview
    // (a step that raises on purpose ends it: RaisingStep::Show).
    Result<RunPreview> preview(const Operation &operation) const;

    // The request that applies `operation`; it re-plans under the migration
    // lock from the rows the database then holds. For a reset-local it first
    // connects and fails (resetLocalGuard) unless the server is proven local
    // or forceDatabase names the database; with recreate the run first drops
    // and creates the database (RunRequest::prepare, guarded again there).
    Result<RunRequest> request(const Operation &operation) const;

    // request() + Executor::run() on the calling thread.
    RunReport apply(const Operation &operation, Executor &executor) const;

private:
    ProjectContext m_project;
    ConnectionSettings m_connection;
    RunOptions m_options;
    StepRenderer m_render;
    PythonStepRunner m_python;
    std::shared_ptr<RunRecorder> m_recorder;
};

// The native renderer: RevisionRenderer for each upgrade/downgrade step, in
// Online mode (what a run against a database sees) unless told otherwise.
StepRenderer nativeStepRenderer(std::shared_ptr<const RevisionGraph> graph, QVector<RevisionScript> scripts,
                                RenderMode mode = RenderMode::Online);

} // namespace retort
