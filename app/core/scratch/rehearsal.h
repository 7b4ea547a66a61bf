#pragma once

#include "db/connectionsettings.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"

#include <QString>
#include <QVector>

namespace retort {

// One statement of a rehearsed run, as the executor sent it.
struct RehearsedStatement {
    QString revision;
    QString sql;
    qint64 ms = 0;  // until the next statement began (or the run ended)
};

struct RehearsalReport {
    Error error;  // the copy could not be made: nothing was rehearsed
    QStringList rows;  // the target's version rows, copied with its schema
    RunReport run;     // the plan's run on the copy
    QVector<RehearsedStatement> statements;  // in order, the failing one last
};

// `upgrade/downgrade TARGET --rehearse`: the target's schema (pg_dump
// --schema-only, pg_restore --no-owner --no-acl; credentials only in the
// tools' environment) and its version rows are copied into `scratch`, and
// `operation` runs there with the runner and engines of a real run. The
// target is only read.
RehearsalReport rehearse(const ProjectContext &project, const ConnectionSettings &target,
                         const ConnectionSettings &scratch, const StepRenderer &render,
                         const PythonStepRunner &scratchPython, const Operation &operation);

} // namespace retort
