#include "driftcheck.h"

#include "db/connection.h"
#include "scratch/consistencycheck.h"
#include "scratch/schemasnapshot.h"
#include "scratch/targetversion.h"

namespace retort {

DriftReport checkDrift(const ProjectContext &project, const ConnectionSettings &target,
                       const ConnectionSettings &scratch, const StepRenderer &render,
                       const PythonStepRunner &scratchPython)
{
    DriftReport report;
    const VersionTable table = project.versionTable();
    const SnapshotOptions options{table.name, table.schema};
    Result<OpenedTarget> live = openTarget(target, table);
    if (!live) {
        report.error = live.error();
        return report;
    }
    report.rows = live->rows;
    Result<SchemaSnapshot> actual = readSchemaSnapshot(live->connection->database(), options);
    if (!actual) {
        report.error = actual.error();
        return report;
    }

    for (const QString &row : std::as_const(report.rows)) {
        Operation op;
        op.targets = QStringList{row};
        const RunReport r = applyOn(project, scratch, render, scratchPython, op);
        if (!r.ok) {
            report.error = Error(Error::Kind::Database,
                                 QStringLiteral("replaying the revisions up to %1 (a version row of the target) on "
                                                "the scratch database failed")
                                     .arg(row))
                               .causedBy(r.error);
            return report;
        }
    }
    Result<std::unique_ptr<Connection>> replayed = Connection::open(scratch);
    if (!replayed) {
        report.error = replayed.error();
        return report;
    }
    Result<SchemaSnapshot> expected = readSchemaSnapshot(replayed.value()->database(), options);
    if (!expected) {
        report.error = expected.error();
        return report;
    }
    report.changes = diffSchemas(expected.value(), actual.value());
    return report;
}

} // namespace retort
