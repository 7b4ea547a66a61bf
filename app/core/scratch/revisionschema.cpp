#include "revisionschema.h"

#include "db/connection.h"
#include "db/versionstate.h"
#include "exec/runfailure.h"
#include "scratch/consistencycheck.h"
#include "scratch/scratchcontrol.h"

namespace retort {

Result<SchemaSnapshot> schemaAtRevision(const ProjectContext &project, const ConnectionSettings &scratch,
                                        const StepRenderer &render, const PythonStepRunner &python,
                                        const QString &revision, ScratchControl *control)
{
    Operation upgrade;
    upgrade.kind = Operation::Kind::Upgrade;
    upgrade.targets = QStringList{revision};
    const RunReport run = applyOn(project, scratch, render, python, upgrade, nullptr, control);
    if (control && control->isCancelled())
        return Error(Error::Kind::Cancelled, QStringLiteral("Replaying the revisions up to %1 was cancelled").arg(revision));
    if (!run.ok)
        return Error(Error::Kind::Database,
                     QStringLiteral("replaying the revisions up to %1 on the scratch database failed: %2")
                         .arg(revision, failureLine(run)))
            .causedBy(run.error);
    Result<std::unique_ptr<Connection>> c = Connection::open(scratch);
    if (!c)
        return c.error();
    const VersionTable table = project.versionTable();
    return readSchemaSnapshot(c.value()->database(), SnapshotOptions{table.name, table.schema});
}

} // namespace retort
