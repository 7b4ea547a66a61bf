#include "runsetup.h"

#include "bridge/planrenderer.h"
#include "db/connection.h"
#include "graph/revisiongraph.h"
#include "scratch/pginstallation.h"

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace retort::cli {

namespace {

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

} // namespace

Result<ConnectionSettings> targetConnection(const CliArgs &args, const ProjectConfig &config, QByteArray *warnings)
{
    Result<ConnectionSettings> settings =
        ConnectionSettings::resolve(args.url, qEnvironmentVariable("DATABASE_URL"), config.sqlalchemyUrl);
    if (!settings)
        return settings;
    for (const QString &p : settings->unknownParameters())
        *warnings += QStringLiteral("retort: warning: ignoring the unknown connection parameter '%1' of the "
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
    return connection;
}

Result<ProjectContext> projectContext(const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                                      const RevisionGraph &graph)
{
    ProjectContext project;
    project.config = config;
    project.scripts = scripts;
    project.graph = std::shared_ptr<const RevisionGraph>(&graph, [](const RevisionGraph *) {});
    Result<EnvOptions> env = loadEnvOptions(config.envPath);
    if (!env)
        return env.error();
    project.env = env.value();
    return project;
}

ScratchRequest scratchRequestFor(const CliArgs &args, const Result<ConnectionSettings> &target)
{
    ScratchRequest request;
    request.scratchUrl = args.scratchUrl;
    if (!target) {
        request.targetDescription = QStringLiteral("no target database is named (--url, DATABASE_URL, "
                                                   "sqlalchemy.url), so its version is unknown");
        return request;
    }
    Connection::Options quick;
    quick.connectTimeoutSeconds = 3;
    Result<std::unique_ptr<Connection>> c = Connection::open(target.value(), quick);
    Result<int> version = c ? serverVersionNum(c.value()->database()) : Result<int>(c.error());
    if (!version) {
        request.targetDescription = QStringLiteral("the target's version is unknown (%1)")
                                        .arg(version.error().message());
        return request;
    }
    request.targetMajor = majorFromVersionNum(version.value());
    request.targetDescription = QStringLiteral("the target (%1)").arg(target->describe());
    return request;
}

PlanRenderSettings planRenderSettings(const CliArgs &args, const ProjectConfig &config, RenderMode mode)
{
    // Online, the steps the native engine refuses run through the
    // project's alembic online (the bridge), never from offline SQL.
    PlanRenderSettings render;
    render.mode = mode;
    render.policy = parseEnginePolicy(args.engine).value_or(EnginePolicy::Auto);
    render.bridge.python = args.python;
    render.bridge.iniPath = args.config;
    render.bridge.tomlPath = config.tomlPath;
    render.bridge.section = args.name;
    render.bridge.x = args.x;
    render.interpreter.iniPath = config.iniPath;
    return render;
}

} // namespace retort::cli
