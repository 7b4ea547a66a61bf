#include "onlinecommand.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "db/connection.h"
#include "db/connectionsettings.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"
#include "exec/runfailure.h"
#include "journal/journalrecorder.h"
#include "graph/revisiongraph.h"
#include "project/envreader.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "runsetup.h"


namespace retort::cli {

namespace {

constexpr int kCommandErrorExit = 255;

std::optional<int> milliseconds(const QString &value)
{
    if (value.isEmpty())
        return std::nullopt;
    return value.toInt();
}

Operation operationFor(const CliArgs &args)
{
    Operation op;
    if (args.command == QLatin1String("upgrade"))
        op.kind = Operation::Kind::Upgrade;
    else if (args.command == QLatin1String("downgrade"))
        op.kind = Operation::Kind::Downgrade;
    else if (args.command == QLatin1String("stamp"))
        op.kind = Operation::Kind::Stamp;
    else
        op.kind = Operation::Kind::ResetLocal;
    op.targets = args.positionals;
    op.purge = args.purge;
    op.forceDatabase = args.forceDatabase;
    op.recreate = args.recreate;
    op.disconnectOthers = args.disconnectOthers;
    if (args.recreate)
        op.targets = QStringList{args.resetTo.isEmpty() ? QStringLiteral("heads") : args.resetTo};
    return op;
}

QString stateAfter(const RunReport &report, bool perStep)
{
    const QString rows =
        report.headsAfter.isEmpty() ? QStringLiteral("none") : report.headsAfter.join(QStringLiteral(", "));
    // reset-local --recreate: the old database is gone whatever the steps did
    QString said;
    if (report.databaseDropped)
        said = QStringLiteral("retort: %1 was dropped and created again before the failure: what it held is gone\n")
                   .arg(report.database.isEmpty() ? QStringLiteral("the database")
                                                  : QLatin1Char('"') + report.database + QLatin1Char('"'));
    // an autocommit block commits what came before it, and its own statements
    if (report.autocommitStatements > 0)
        said += QStringLiteral("retort: %1 statement(s) of an autocommit block ran outside the transaction and stay\n")
                    .arg(report.autocommitStatements);
    if (report.stepsCommitted == 0)
        return said
               + (report.databaseDropped || report.autocommitStatements > 0
                      ? QStringLiteral("retort: the run's transaction was rolled back (version rows: %1)\n")
                      : QStringLiteral("retort: nothing was changed: the transaction was rolled back "
                                       "(version rows: %1)\n"))
                     .arg(rows);
    return said
           + QStringLiteral("retort: %1 of %2 steps were committed (%3); version rows now: %4\n")
                 .arg(report.stepsCommitted)
                 .arg(report.stepCount)
                 .arg(perStep ? QStringLiteral("transaction_per_migration")
                              : QStringLiteral("an autocommit block commits the steps before it"))
                 .arg(rows);
}

} // namespace

OnlineResult runOnlineCommand(const CliArgs &args, const ProjectConfig &config,
                              const QVector<RevisionScript> &scripts, const RevisionGraph &graph,
                              const std::function<void(const QByteArray &)> &log)
{
    OnlineResult result;
    auto databaseFailed = [&result](const Error &e) {
        result.err += "retort: error: " + e.toString().toUtf8() + '\n';
        result.exitCode = 1;
        return result;
    };

    QByteArray warnings;
    Result<ConnectionSettings> settings = targetConnection(args, config, &warnings);
    result.err += warnings;
    if (!settings)
        return databaseFailed(settings.error());
    const ConnectionSettings connection = settings.value();

    Result<ProjectContext> context = projectContext(config, scripts, graph);
    if (!context) {
        result.err += "retort: error: " + context.error().toString().toUtf8() + '\n';
        result.exitCode = 1;
        return result;
    }
    const ProjectContext &project = context.value();

    RunOptions options;
    options.transactionPerMigration = project.env.transactionPerMigration;
    options.lockTimeoutMs = milliseconds(args.lockTimeout);
    options.statementTimeoutMs = milliseconds(args.statementTimeout);
    options.lockWait = args.noWait ? LockWait::NoWait : LockWait::Wait;

    MigrationRunner runner(project, connection, options);
    const PlanRenderSettings render = planRenderSettings(args, config, RenderMode::Online);
    runner.setStepRenderer(planStepRenderer(project, render));
    runner.setPythonRunner(bridgeStepRunner(render.bridge, render.interpreter, connection));
    JournalContext journal;
    journal.operation = operationFor(args);
    journal.project = config.configFile();
    journal.versionTable = project.versionTable();
    journal.transactionPerMigration = options.transactionPerMigration;
    journal.connection = connection;
    journal.databaseTable = args.journalTable;
    auto recorder = std::make_shared<JournalRecorder>(journal);
    runner.setRecorder(recorder);
    Executor executor;
    QObject::connect(&executor, &Executor::logLine, &executor,
                     [&log](const QString &line) { log(line.toUtf8() + '\n'); });
    // print() in env.py or a bridged step: alembic's stdout, in order
    QObject::connect(&executor, &Executor::printed, &executor,
                     [&result](const QString &text) { result.out += text.toUtf8(); });
    // from the lock watch's thread, while this one waits in the run
    QObject::connect(
        &executor, &Executor::waiting, &executor,
        [&log](const QString &what) {
            if (!what.isEmpty())
                log("retort: " + what.toUtf8() + '\n');
        },
        Qt::DirectConnection);
    const RunReport report = runner.apply(operationFor(args), executor);
    for (const QString &problem : recorder->problems())
        result.err += "retort: warning: journal: " + problem.toUtf8() + '\n';
    if (report.ok)
        return result;

    const Error &e = report.error;
    switch (e.kind()) {
    case Error::Kind::Revision:
    case Error::Kind::Resolution:
    case Error::Kind::MultipleHeads:
    case Error::Kind::Unresolved:
    case Error::Kind::Config:
        // alembic's CommandError: "FAILED: message" on stdout, exit 255
        result.out += "FAILED: " + e.message().toUtf8() + '\n';
        result.err += "ERROR [alembic.util.messaging] " + e.message().toUtf8() + '\n';
        if (!e.where().isEmpty() || e.cause())
            result.err += "retort: " + e.toString().toUtf8() + '\n';
        if (!report.failedStatement.isEmpty())  // a version row did not match: rolled back
            result.err += stateAfter(report, options.transactionPerMigration).toUtf8();
        result.exitCode = kCommandErrorExit;
        return result;
    default:
        break;
    }
    if (report.stepCount == 0 && report.failedStatement.isEmpty() && !report.cancelled) {
        // connecting, locking or reading the version table failed: nothing ran
        return databaseFailed(e);
    }
    result.out += "FAILED: " + failureLine(report).toUtf8() + '\n';
    result.err += "retort: " + e.toString().toUtf8() + '\n';
    result.err += stateAfter(report, options.transactionPerMigration).toUtf8();
    result.exitCode = 1;
    return result;
}

} // namespace retort::cli
