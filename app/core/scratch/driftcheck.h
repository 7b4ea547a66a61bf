#pragma once

#include "db/connectionsettings.h"
#include "exec/migrationrunner.h"
#include "scratch/schemadiff.h"

#include <QStringList>
#include <QVector>

namespace retort {

struct DriftReport {
    Error error;           // the comparison could not be made
    QStringList rows;      // the target's version rows
    // From the schema the rows should give (replayed on the scratch
    // database) to the schema the target has: "column users.note added"
    // is a column nobody's revision made.
    QVector<SchemaChange> changes;
};

// `retort drift`: the live schema of `target` against the schema its version
// rows give when the revisions are applied (upgrade to each row) on an
// empty `scratch` database, with the runner and engines of a real run.
// `scratchPython` runs the bridged steps there.
DriftReport checkDrift(const ProjectContext &project, const ConnectionSettings &target,
                       const ConnectionSettings &scratch, const StepRenderer &render,
                       const PythonStepRunner &scratchPython);

} // namespace retort
