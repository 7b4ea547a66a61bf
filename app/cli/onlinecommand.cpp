#include "onlinecommand.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "db/connection.h"
#include "db/connectionsettings.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"
#include "journal/journalrecorder.h"
#include "graph/revisiongraph.h"
#include "project/envreader.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace retort::cli {

namespace {

constexpr int kCommandErrorExit = 255;

bool needsPassword(const Error &e)
{
    for (const Error *c = &e; c; c = c->cause())
        if (c->message().contains(QLatin1String("no password supplied")))
            return true;
    return false;
}

// Reads a password from the terminal without echo. Never stored beyond the
// settings of this run.
std::optional<QString> promptPassword(const ConnectionSettings &settings)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return std::nullopt;
    const int fd = fileno(tty);
    termios old{};
    if (tcgetattr(fd, &old) != 0) {
        std::fclose(tty);
        return std::nullopt;
    }
    std::fprintf(tty, "Password for %s: ", qPrintable(settings.describe()));
    std::fflush(tty);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(fd, TCSAFLUSH, &quiet);
    QByteArray line;
    int ch;
    while ((ch = std::fgetc(tty)) != EOF && ch != '\n')
        line += char(ch);
    tcsetattr(fd, TCSAFLUSH, &old);
    std::fputc('\n', tty);
    std::fclose(tty);
    const QString password = QString::fromLocal8Bit(line);
    line.fill('\0');
    return password;
}

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
    return op;
}

// One line that names the step, the file and line, the server's message and
// the statement, for alembic's "FAILED: " prefix.
QString failureLine(const RunReport &report)
{
    const Error &e = report.error;
    QString where;
    if (!e.where().revision.isEmpty())
        where = QStringLiteral("revision %1").arg(e.where().revision);
    if (!e.where().file.isEmpty())
        where += QStringLiteral(" (%1:%2)").arg(e.where().file).arg(e.where().line);
    QString text = where.isEmpty() ? e.message() : where + QStringLiteral(": ") + e.message();
    if (!e.sqlState().isEmpty())
        text += QStringLiteral(" [SQLSTATE %1]").arg(e.sqlState());
    if (!report.failedStatement.isEmpty()) {
        QString statement = report.failedStatement.simplified();
        if (statement.size() > 200)
            statement = statement.left(197) + QStringLiteral("...");
        text += QStringLiteral("; statement: %1").arg(statement);
        if (e.where().statementOffset >= 0)
            text += QStringLiteral(" (at character %1)").arg(e.where().statementOffset + 1);
    }
    return text;
}

QString stateAfter(const RunReport &report, bool perStep)
{
    if (report.stepsCommitted == 0 || !perStep)
        return QStringLiteral("retort: nothing was changed: the transaction was rolled back (version rows: %1)\n")
            .arg(report.headsAfter.isEmpty() ? QStringLiteral("none") : report.headsAfter.join(QStringLiteral(", ")));
    return QStringLiteral("retort: %1 of %2 steps were committed (transaction_per_migration); version rows now: %3\n")
        .arg(report.stepsCommitted)
        .arg(report.stepCount)
        .arg(report.headsAfter.isEmpty() ? QStringLiteral("none") : report.headsAfter.join(QStringLiteral(", ")));
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

    Result<ConnectionSettings> settings =
        ConnectionSettings::resolve(args.url, qEnvironmentVariable("DATABASE_URL"), config.sqlalchemyUrl);
    if (!settings)
        return databaseFailed(settings.error());
    for (const QString &p : settings->unknownParameters())
        result.err += QStringLiteral("retort: warning: ignoring the unknown connection parameter '%1' of the "
                                     "database URL\n")
                          .arg(p)
                          .toUtf8();
    ConnectionSettings connection = settings.value();

    // The server asks for a password that neither the URL nor PGPASSFILE
    // gives: ask for it on the terminal, as psql does.
    if (!connection.hasPassword && ::isatty(0)) {
        Result<std::unique_ptr<Connection>> probe = Connection::open(connection);
        if (!probe && needsPassword(probe.error())) {
            const std::optional<QString> password = promptPassword(connection);
            if (password) {
                connection.password = *password;
                connection.hasPassword = true;
            }
        }
    }

    ProjectContext project;
    project.config = config;
    project.scripts = scripts;
    // The graph outlives the run: the CLI runs it to the end on this thread.
    project.graph = std::shared_ptr<const RevisionGraph>(&graph, [](const RevisionGraph *) {});
    Result<EnvOptions> env = loadEnvOptions(config.envPath);
    if (!env) {
        result.err += "retort: error: " + env.error().toString().toUtf8() + '\n';
        result.exitCode = 1;
        return result;
    }
    project.env = env.value();

    RunOptions options;
    options.transactionPerMigration = project.env.transactionPerMigration;
    options.lockTimeoutMs = milliseconds(args.lockTimeout);
    options.statementTimeoutMs = milliseconds(args.statementTimeout);
    options.lockWait = args.noWait ? LockWait::NoWait : LockWait::Wait;

    MigrationRunner runner(project, connection, options);
    // Bodies natively where Retort understands them, with
    // context.is_offline_mode() False; the steps the native engine refuses
    // run through the project's alembic ONLINE (the bridge), never from
    // offline SQL. --engine chooses.
    PlanRenderSettings render;
    render.mode = RenderMode::Online;
    render.policy = parseEnginePolicy(args.engine).value_or(EnginePolicy::Auto);
    render.bridge.python = args.python;
    render.bridge.iniPath = args.config;
    render.bridge.section = args.name;
    render.bridge.x = args.x;
    render.interpreter.iniPath = config.iniPath;
    runner.setStepRenderer(planStepRenderer(project, render));
    runner.setPythonRunner(bridgeStepRunner(render.bridge, render.interpreter, connection));
    JournalContext journal;
    journal.operation = operationFor(args);
    journal.project = config.iniPath;
    journal.versionTable = project.versionTable().displayName();
    journal.transactionPerMigration = options.transactionPerMigration;
    journal.connection = connection;
    journal.databaseTable = args.journalTable;
    auto recorder = std::make_shared<JournalRecorder>(journal);
    runner.setRecorder(recorder);
    Executor executor;
    QObject::connect(&executor, &Executor::logLine, &executor,
                     [&log](const QString &line) { log(line.toUtf8() + '\n'); });
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
