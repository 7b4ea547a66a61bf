#include "restorerun.h"

#include "db/connection.h"
#include "db/locality.h"
#include "db/pgrestore.h"
#include "db/recreate.h"
#include "exec/runrecorder.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>

namespace retort {

RunReport restoreDatabase(const RestoreRun &run, const std::shared_ptr<RunRecorder> &recorder,
                          const std::function<bool()> &cancelled, const std::function<void(const QString &)> &log)
{
    RunReport report;
    report.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    const QString dump = run.operation.targets.value(0);

    Error error = checkCustomDump(dump);
    if (!error) {
        RecreateRequest recreate;
        recreate.connection = run.connection;
        recreate.disconnectOthers = run.operation.disconnectOthers;
        recreate.check = [&run, &report](const QSqlDatabase &db, const QString &database) {
            if (Error refused = resetLocalGuard(run.operation, classifyLocality(db), database))
                return refused;
            report.database = database;
            if (Result<VersionState> state = readVersionState(db, run.versionTable))
                report.headsBefore = state->rows;
            return Error();
        };
        recreate.fill = [&](const ConnectionSettings &fresh) {
            if (log)
                log(QStringLiteral("Restoring %1 into the new database").arg(dump));
            return restoreDump(dump, fresh, run.searchDirs, cancelled);
        };
        recreate.what = QStringLiteral("restored from %1").arg(QFileInfo(dump).absoluteFilePath());
        recreate.cancelled = cancelled;
        recreate.log = log;
        recreate.dropped = [&report] { report.databaseDropped = true; };
        error = recreateDatabase(recreate);
    }

    std::unique_ptr<Connection> restored;
    if (!error) {
        Result<std::unique_ptr<Connection>> c = Connection::open(run.connection);
        if (c) {
            restored = std::move(c.value());
            Result<VersionState> state = readVersionState(restored->database(), run.versionTable);
            if (state)
                report.headsAfter = state->rows;
            QSqlQuery who(restored->database());
            if (who.exec(QStringLiteral("SELECT current_user")) && who.next())
                report.databaseUser = who.value(0).toString();
        }
    } else {
        report.headsAfter = report.headsBefore;
    }
    report.ok = !error;
    report.error = error;
    report.cancelled = error.kind() == Error::Kind::Cancelled;
    report.elapsedMs = clock.elapsed();
    if (recorder) {
        const QSqlDatabase db = restored ? restored->database() : QSqlDatabase();
        recorder->recordFinished(restored ? &db : nullptr, report, {});
    }
    return report;
}

} // namespace retort
