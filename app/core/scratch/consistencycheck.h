#pragma once

#include "db/connectionsettings.h"
#include "exec/migrationrunner.h"
#include "scratch/schemadiff.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace retort {

class ScratchControl;

// Where a revision was found not to undo itself, or failed.
struct ConsistencyFinding {
    QString revision;
    QString file;
    // "its downgrade leaves a trace", "upgrading it again gives another
    // schema", or "its downgrade failed: ..." (a step that fails is a finding
    // about the project too).
    QString problem;
    // Seen from the schema the revision should give back to the one it gave.
    QVector<SchemaChange> changes;
};

struct ConsistencyReport {
    Error error;  // the check itself could not run (a bad range, a database gone), or was cancelled
    std::optional<ConsistencyFinding> finding;
    int checked = 0;  // revisions found consistent
    int total = 0;
};

// `retort check`: on a scratch database, for each revision of an upgrade
// range in alembic's order: upgrade it alone, snapshot, downgrade it alone,
// compare with the snapshot from before its upgrade (a downgrade leaves no
// trace), upgrade it again and compare with its first upgrade. Steps run
// through MigrationRunner and the Executor, bridged steps included, exactly
// as a real run would. Stops at the first finding.
class ConsistencyCheck {
public:
    // One line per revision checked ("[3/12] abc (file): consistent"), with
    // how many of how many are done.
    using Progress = std::function<void(const QString &line, int done, int total)>;

    ConsistencyCheck(ProjectContext project, ConnectionSettings scratch, StepRenderer render,
                     PythonStepRunner python);

    // range: "B" (base to B) or "A:B" (A is applied unchecked first); empty
    // means "heads", every revision. `control` (may be null) cancels it.
    ConsistencyReport run(const QString &range, const Progress &progress, ScratchControl *control = nullptr) const;

private:
    ProjectContext m_project;
    ConnectionSettings m_scratch;
    StepRenderer m_render;
    PythonStepRunner m_python;
};

// Applies `operation` to `settings` the way every command does (runner,
// renderer, bridge), for the checks; the report's error names the step.
// `executor` (for its progress signals) or a fresh one; `control` (may be
// null) hears its steps and cancels it; `afterStep` is
// RunOptions::afterStepStatements.
RunReport applyOn(const ProjectContext &project, const ConnectionSettings &settings, const StepRenderer &render,
                  const PythonStepRunner &python, const Operation &operation, Executor *executor = nullptr,
                  ScratchControl *control = nullptr,
                  const std::function<void(int step, int backendPid)> &afterStep = {});

// The report as `retort check` prints it on stdout: the finding (revision,
// file, problem, each schema difference indented), or how many were checked.
QString describeConsistency(const ConsistencyReport &report);

} // namespace retort
