#pragma once

#include "db/connectionsettings.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"
#include "scratch/steplocks.h"

#include <QString>
#include <QVector>

namespace retort {

class ScratchControl;

// One statement of a rehearsed run, as the executor sent it.
struct RehearsedStatement {
    QString revision;
    QString sql;
    qint64 ms = 0;  // until the next statement began (or the run ended)
};

struct RehearsalReport {
    Error error;  // the copy could not be made (nothing was rehearsed), or the rehearsal was cancelled
    QStringList rows;  // the target's version rows, copied with its schema
    RunReport run;     // the plan's run on the copy
    QVector<RehearsedStatement> statements;  // in order, the failing one last
    // Per planned step: the locks it took on the copy and those the lock
    // model predicted (StepLockWatch); why they could not be compared.
    QVector<StepLocks> locks;
    QString locksProblem;
};

// `upgrade/downgrade TARGET --rehearse`: the target's schema (pg_dump
// --schema-only, pg_restore --no-owner --no-acl; credentials only in the
// tools' environment) and its version rows are copied into `scratch`, and
// `operation` runs there with the runner and engines of a real run. The
// target is only read. `control` (may be null) cancels the run on the copy.
RehearsalReport rehearse(const ProjectContext &project, const ConnectionSettings &target,
                         const ConnectionSettings &scratch, const StepRenderer &render,
                         const PythonStepRunner &scratchPython, const Operation &operation,
                         ScratchControl *control = nullptr);

// The rehearsal as `upgrade --rehearse` prints it: a title naming `command`
// ("upgrade head") and `target` (ConnectionSettings::describe()), each
// statement with its time, per step the locks it took beside those
// predicted, and whether it passed or which statement failed.
QString describeRehearsal(const RehearsalReport &report, const QString &command, const QString &target);

} // namespace retort
