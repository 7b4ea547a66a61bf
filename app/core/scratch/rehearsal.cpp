#include "rehearsal.h"

#include "db/backup.h"
#include "db/connection.h"
#include "exec/runfailure.h"
#include "scratch/consistencycheck.h"
#include "scratch/scratchcontrol.h"
#include "scratch/targetversion.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace retort {

namespace {

// pg_dump --schema-only of the target, restored into the scratch database.
Error copySchema(const ConnectionSettings &target, const ConnectionSettings &scratch)
{
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return Error(Error::Kind::Io, QStringLiteral("cannot make a temp dir for the schema dump: %1").arg(tmp.errorString()));
    BackupRequest dump;
    dump.connection = target;
    dump.outputFile = tmp.filePath(QStringLiteral("schema.dump"));
    dump.schemaOnly = true;
    Backup backup;
    Result<BackupResult> dumped = backup.run(dump);
    if (!dumped)
        return dumped.error();
    const QString pgRestore = QFileInfo(dumped->pgDump).absoluteDir().filePath(QStringLiteral("pg_restore"));
    QProcess p;
    p.setProcessEnvironment(credentialsEnvironment(scratch));
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(pgRestore, {QStringLiteral("--no-owner"), QStringLiteral("--no-acl"), QStringLiteral("--exit-on-error"),
                        QStringLiteral("--no-password"), QStringLiteral("--dbname=") + conninfoFor(scratch),
                        dumped->file});
    if (!p.waitForStarted(10000))
        return Error(Error::Kind::Io, QStringLiteral("cannot run %1: %2").arg(pgRestore, p.errorString()));
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Error(Error::Kind::Database,
                     QStringLiteral("restoring the schema of %1 into the scratch database failed")
                         .arg(target.describe()))
            .causedBy(Error(Error::Kind::Database,
                            QString::fromLocal8Bit(p.readAllStandardError()).trimmed().section(QLatin1Char('\n'), 0, 3)));
    return Error();
}

// "locks per step ...", one line per relation: what the step took, what the
// model predicted, and whether the two differ.
QString describeStepLocks(const RehearsalReport &report)
{
    if (report.locks.isEmpty() && report.locksProblem.isEmpty())
        return QString();
    QString text = QStringLiteral("locks per step (pg_locks on the copy before the step's COMMIT; predicted by the "
                                  "lock model):\n");
    if (!report.locksProblem.isEmpty())
        text += QStringLiteral("  not compared: %1\n").arg(report.locksProblem);
    for (const StepLocks &step : report.locks) {
        const QString revision = QStringLiteral("%1").arg(step.revision, -12);
        if (!step.observed) {
            text += QStringLiteral("  %1 %2\n").arg(revision, step.online ? QStringLiteral("ran through alembic online: not observed")
                                                                         : QStringLiteral("not reached"));
            continue;
        }
        if (step.locks.isEmpty())
            text += QStringLiteral("  %1 no lock on an existing relation, none predicted\n").arg(revision);
        for (const StepLock &lock : step.locks) {
            const QString taken = lock.invisible    ? QStringLiteral("made in the open transaction, not visible")
                                  : lock.heldBefore ? lock.taken + QStringLiteral(" (held since an earlier step)")
                                  : lock.taken.isEmpty() ? QStringLiteral("nothing")
                                                         : lock.taken;
            const QString predicted = lock.predicted.isEmpty() ? QStringLiteral("nothing") : lock.predicted;
            text += QStringLiteral("  %1 %2: took %3, predicted %4%5\n")
                        .arg(revision, lock.relation, taken, predicted,
                             lock.taken == lock.predicted || lock.invisible ? QString() : QStringLiteral("  (differs)"));
        }
    }
    return text;
}

} // namespace

RehearsalReport rehearse(const ProjectContext &project, const ConnectionSettings &target,
                         const ConnectionSettings &scratch, const StepRenderer &render,
                         const PythonStepRunner &scratchPython, const Operation &operation,
                         ScratchControl *control)
{
    RehearsalReport report;
    const VersionTable table = project.versionTable();
    {
        Result<OpenedTarget> live = openTarget(target, table);
        if (!live) {
            report.error = live.error();
            return report;
        }
        report.rows = live->rows;
    }
    if ((report.error = copySchema(target, scratch)))
        return report;
    if (!report.rows.isEmpty()) {
        Result<std::unique_ptr<Connection>> copy = Connection::open(scratch);
        if (!copy) {
            report.error = copy.error();
            return report;
        }
        for (const QString &row : std::as_const(report.rows)) {
            QSqlQuery q(copy.value()->database());
            q.prepare(QStringLiteral("INSERT INTO %1 (version_num) VALUES (?)").arg(table.qualifiedSql()));
            q.addBindValue(row);
            if (!q.exec()) {
                report.error = Error(Error::Kind::Database, QStringLiteral("copying the version row %1: %2")
                                                                .arg(row, q.lastError().text()));
                return report;
            }
        }
    }

    Executor executor;
    QVector<qint64> started;
    QObject::connect(&executor, &Executor::progress, &executor, [&](const RunProgress &p) {
        report.statements.append({p.revision, p.statementText, 0});
        started.append(p.elapsedMs);
    });
    StepLockWatch locks(project, scratch, render, operation);
    report.run = applyOn(project, scratch, render, scratchPython, operation, &executor, control,
                         [&locks](int step, int backendPid) { locks.afterStep(step, backendPid); });
    report.locks = locks.steps();
    report.locksProblem = locks.problem();
    if (control && control->isCancelled())
        report.error = Error(Error::Kind::Cancelled, QStringLiteral("The rehearsal was cancelled"));
    for (int i = 0; i < report.statements.size(); ++i)
        report.statements[i].ms = (i + 1 < started.size() ? started[i + 1] : report.run.elapsedMs) - started[i];
    return report;
}

QString describeRehearsal(const RehearsalReport &report, const QString &command, const QString &target)
{
    const RunReport &run = report.run;
    QString text = QStringLiteral("rehearsal of %1 on a copy of %2 (version rows: %3):\n")
                       .arg(command, target,
                            report.rows.isEmpty() ? QStringLiteral("none") : report.rows.join(QStringLiteral(", ")));
    for (const RehearsedStatement &s : report.statements) {
        QString sql = s.sql.simplified();
        if (sql.size() > 160)
            sql = sql.left(157) + QStringLiteral("...");
        text += QStringLiteral("  %1 %2 ms  %3\n")
                    .arg(s.revision.isEmpty() ? QStringLiteral("-") : s.revision, -12)
                    .arg(s.ms, 6)
                    .arg(sql);
    }
    text += describeStepLocks(report);
    if (run.ok)
        text += QStringLiteral("rehearsal passed: %1 steps, %2 statements in %3 ms; %4 was not touched\n")
                    .arg(run.stepCount)
                    .arg(report.statements.size())
                    .arg(run.elapsedMs)
                    .arg(target);
    else
        text += QStringLiteral("rehearsal failed: %1\n%2 was not touched\n").arg(failureLine(run), target);
    return text;
}

} // namespace retort
