#pragma once

#include "db/connectionsettings.h"
#include "exec/migrationrunner.h"
#include "result.h"
#include "scratch/schemasnapshot.h"

#include <QString>

namespace retort {

class ScratchControl;

// The schema a revision gives: `scratch`, an empty database, is upgraded to
// `revision` (what it needs first, as alembic plans it) with the runner and
// engines of a real run, and its snapshot read (alembic's version table left
// out). A step that fails is the error, naming the step; so is a cancel
// through `control` (may be null).
Result<SchemaSnapshot> schemaAtRevision(const ProjectContext &project, const ConnectionSettings &scratch,
                                        const StepRenderer &render, const PythonStepRunner &python,
                                        const QString &revision, ScratchControl *control = nullptr);

} // namespace retort
