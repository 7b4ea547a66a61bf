#include "driftcheck.h"

#include "db/connection.h"
#include "scratch/consistencycheck.h"
#include "scratch/schemasnapshot.h"
#include "scratch/scratchcontrol.h"
#include "scratch/targetversion.h"

namespace retort {

DriftReport checkDrift(const ProjectContext &project, const ConnectionSettings &target,
                       const ConnectionSettings &scratch, const StepRenderer &render,
                       const PythonStepRunner &scratchPython, ScratchControl *control)
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
        const RunReport r = applyOn(project, scratch, render, scratchPython, op, nullptr, control);
        if (control && control->isCancelled()) {
            report.error = Error(Error::Kind::Cancelled, QStringLiteral("The drift comparison was cancelled"));
            return report;
        }
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

namespace retort {

QString describeDrift(const DriftReport &report, const QString &target)
{
    const QString rows = report.rows.isEmpty() ? QStringLiteral("none: base") : report.rows.join(QStringLiteral(", "));
    if (report.changes.isEmpty())
        return QStringLiteral("no drift: %1 has the schema its version rows (%2) give\n").arg(target, rows);
    QString text = QStringLiteral("drift: %1 differs from the schema its version rows (%2) give:\n").arg(target, rows);
    for (const QString &line : describeChanges(report.changes))
        text += QStringLiteral("  %1\n").arg(line);
    return text;
}

} // namespace retort
