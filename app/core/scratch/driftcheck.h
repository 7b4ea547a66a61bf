#pragma once

#include "db/connectionsettings.h"
#include "exec/migrationrunner.h"
#include "scratch/schemadiff.h"

#include <QStringList>
#include <QVector>

namespace retort {

class ScratchControl;

struct DriftReport {
    Error error;           // the comparison could not be made, or was cancelled
    QStringList rows;      // the target's version rows
    // From the schema the rows should give (replayed on the scratch
    // database) to the schema the target has: "column users.note added"
    // is a column nobody's revision made.
    QVector<SchemaChange> changes;
};

// `retort drift`: the live schema of `target` against the schema its version
// rows give when the revisions are applied (upgrade to each row) on an
// empty `scratch` database, with the runner and engines of a real run.
// `scratchPython` runs the bridged steps there; `control` (may be null)
// cancels the replay.
DriftReport checkDrift(const ProjectContext &project, const ConnectionSettings &target,
                       const ConnectionSettings &scratch, const StepRenderer &render,
                       const PythonStepRunner &scratchPython, ScratchControl *control = nullptr);

// The report as `retort drift` prints it on stdout ("no drift: ..." or
// "drift: ... differs ..." with each difference indented); `target` as
// ConnectionSettings::describe() names it.
QString describeDrift(const DriftReport &report, const QString &target);

} // namespace retort
