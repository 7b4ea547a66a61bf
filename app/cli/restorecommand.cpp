#include "restorecommand.h"

#include "interrupts.h"
#include "runsetup.h"

#include "db/connection.h"
#include "db/locality.h"
#include "db/swap.h"
#include "db/versionstate.h"

#include "exec/migrationrunner.h"
#include "exec/restorerun.h"
#include "journal/journalrecorder.h"
#include "project/envreader.h"
#include "project/projectconfig.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace retort::cli {

namespace {

constexpr int kCommandErrorExit = 255;

// The database the command acts on; a failure goes into `result` (exit 1).
Result<ConnectionSettings> databaseOf(const CliArgs &args, const ProjectConfig &config, OnlineResult &result)
{
    QByteArray warnings;
    Result<ConnectionSettings> settings = targetConnection(args, config, &warnings);
    result.err += warnings;
    if (!settings) {
        result.err += "retort: error: " + settings.error().toString().toUtf8() + '\n';
        result.exitCode = 1;
    }
    return settings;
}

} // namespace

// The journal's record of a finished swap: the database it left, reached by
// name once it bears it again (none when the rename did not happen).
void recordFinishSwap(const CliArgs &args, const ProjectConfig &config, const Operation &op,
                      const ConnectionSettings &settings, RunReport report, OnlineResult &result)
{
    JournalContext journal;
    journal.operation = op;
    journal.project = config.iniPath;
    if (Result<EnvOptions> env = loadEnvOptions(config.envPath))
        journal.versionTable = VersionTable::fromEnv(env.value());
    journal.connection = settings;
    journal.databaseTable = args.journalTable;
    JournalRecorder recorder(journal);
    std::unique_ptr<Connection> swapped;
    if (report.ok) {
        if (Result<std::unique_ptr<Connection>> c = Connection::open(settings))
            swapped = std::move(c.value());
    }
    if (swapped) {
        const QSqlDatabase db = swapped->database();
        if (Result<VersionState> state = readVersionState(db, journal.versionTable))
            report.headsAfter = state->rows;
        QSqlQuery who(db);
        if (who.exec(QStringLiteral("SELECT current_user")) && who.next())
            report.databaseUser = who.value(0).toString();
        recorder.recordFinished(&db, report, {});
    } else {
        recorder.recordFinished(nullptr, report, {});
    }
    for (const QString &problem : recorder.problems())
        result.err += "retort: warning: journal: " + problem.toUtf8() + '\n';
}

OnlineResult runFinishSwapCommand(const CliArgs &args, const ProjectConfig &config,
                                  const std::function<void(const QByteArray &)> &log)
{
    OnlineResult result;
    const Result<ConnectionSettings> settings = databaseOf(args, config, result);
    if (!settings)
        return result;
    Operation op;
    op.kind = Operation::Kind::ResetLocal;
    op.targets = QStringList{QStringLiteral("--finish-swap")};  // the journal shows "reset-local --finish-swap"
    op.forceDatabase = args.forceDatabase;
    RunReport report;
    report.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    FinishSwapRequest request;
    request.connection = settings.value();
    // the database is gone: where it was is judged on the maintenance connection
    request.check = [&op](const QSqlDatabase &maintenance, const QString &database) {
        return resetLocalGuard(op, classifyLocality(maintenance), database);
    };
    request.log = [&log](const QString &line) { log("INFO  [retort] " + line.toUtf8() + '\n'); };
    const Error e = finishSwap(request);
    report.ok = !e;
    report.error = e;
    report.elapsedMs = clock.elapsed();
    recordFinishSwap(args, config, op, settings.value(), report, result);
    if (e) {
        result.out += "FAILED: " + e.message().toUtf8() + '\n';
        if (e.kind() != Error::Kind::Config) {
            result.err += "retort: " + e.toString().toUtf8() + '\n';
            result.exitCode = 1;
        } else {
            result.exitCode = kCommandErrorExit;
        }
        return result;
    }
    log(QStringLiteral("INFO  [retort] \"%1\" is in place again\n").arg(request.connection.database).toUtf8());
    return result;
}

OnlineResult runRestoreCommand(const CliArgs &args, const ProjectConfig &config,
                               const std::function<void(const QByteArray &)> &log)
{
    OnlineResult result;
    auto refused = [&result](const Error &e) {
        result.out += "FAILED: " + e.message().toUtf8() + '\n';
        if (!e.where().isEmpty() || e.cause())
            result.err += "retort: " + e.toString().toUtf8() + '\n';
        result.exitCode = kCommandErrorExit;
        return result;
    };
    Result<EnvOptions> env = loadEnvOptions(config.envPath);
    if (!env)
        return refused(env.error());
    const Result<ConnectionSettings> settings = databaseOf(args, config, result);
    if (!settings)
        return result;

    RestoreRun run;
    run.connection = settings.value();
    run.operation.kind = Operation::Kind::Restore;
    run.operation.targets = QStringList{args.restoreFrom};
    run.operation.forceDatabase = args.forceDatabase;
    run.operation.disconnectOthers = args.disconnectOthers;
    run.versionTable = VersionTable::fromEnv(env.value());

    JournalContext journal;
    journal.operation = run.operation;
    journal.project = config.iniPath;
    journal.versionTable = run.versionTable;
    journal.connection = run.connection;
    journal.databaseTable = args.journalTable;
    auto recorder = std::make_shared<JournalRecorder>(journal);

    const InterruptGuard interrupts;
    const RunReport report = restoreDatabase(
        run, recorder, [] { return InterruptGuard::received() != 0; },
        [&log](const QString &line) { log("INFO  [retort] " + line.toUtf8() + '\n'); });
    for (const QString &problem : recorder->problems())
        result.err += "retort: warning: journal: " + problem.toUtf8() + '\n';
    if (report.ok) {
        log(QStringLiteral("INFO  [retort] Restored %1 from %2 in %3 ms (version rows: %4)\n")
                .arg(report.database, args.restoreFrom)
                .arg(report.elapsedMs)
                .arg(report.headsAfter.isEmpty() ? QStringLiteral("none") : report.headsAfter.join(QStringLiteral(", ")))
                .toUtf8());
        return result;
    }
    if (report.error.kind() == Error::Kind::Config || report.error.kind() == Error::Kind::Io)
        return refused(report.error);
    if (report.cancelled && InterruptGuard::received()) {
        result.out += QStringLiteral("FAILED: Interrupted by %1: pg_restore was stopped and the new database "
                                     "dropped; \"%2\" was not changed\n")
                          .arg(QLatin1String(InterruptGuard::name()), report.database)
                          .toUtf8();
        result.exitCode = 1;
        return result;
    }
    result.out += "FAILED: " + report.error.message().toUtf8() + '\n';
    result.err += "retort: " + report.error.toString().toUtf8() + '\n';
    if (!report.databaseDropped)
        result.err += "retort: the database was not changed\n";
    result.exitCode = 1;
    return result;
}

} // namespace retort::cli
