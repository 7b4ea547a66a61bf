#include "backup.h"

#include "db/connection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <algorithm>
#include <csignal>
#include <optional>

#include <sys/prctl.h>
#include <unistd.h>

namespace retort {

namespace {

constexpr int kPollMs = 150;
constexpr int kVersionTimeoutMs = 10000;

QString conninfoQuoted(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

Result<PgVersion> askVersion(const QString &program)
{
    QProcess p;
    p.start(program, {QStringLiteral("--version")});
    if (!p.waitForStarted(kVersionTimeoutMs))
        return Error(Error::Kind::Io, QStringLiteral("Cannot run %1: %2").arg(program, p.errorString()));
    if (!p.waitForFinished(kVersionTimeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        return Error(Error::Kind::Io, QStringLiteral("%1 --version did not answer").arg(program));
    }
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    // "pg_dump (PostgreSQL) 15.8 (Debian 15.8-0+deb12u1)"
    const PgVersion v = PgVersion::parse(out.section(QLatin1Char(')'), 1));
    if (p.exitCode() != 0 || !v.isValid())
        return Error(Error::Kind::Io,
                     QStringLiteral("%1 --version printed no version (\"%2\")").arg(program, out.left(200)));
    return v;
}

void removeIfExists(const QString &file)
{
    if (QFileInfo::exists(file))
        QFile::remove(file);
}

} // namespace

// Quoting stays libpq's, and a database name holding '=' is not mistaken for
// a conninfo of its own.
QString conninfoFor(const ConnectionSettings &s)
{
    QStringList parts;
    if (!s.host.isEmpty())
        parts << QStringLiteral("host=") + conninfoQuoted(s.host);
    if (s.port > 0)
        parts << QStringLiteral("port=%1").arg(s.port);
    if (!s.user.isEmpty())
        parts << QStringLiteral("user=") + conninfoQuoted(s.user);
    if (!s.database.isEmpty())
        parts << QStringLiteral("dbname=") + conninfoQuoted(s.database);
    for (const auto &kv : s.libpqParameters()) {
        if (kv.first == QLatin1String("sslpassword"))
            continue;
        parts << kv.first + QLatin1Char('=') + conninfoQuoted(kv.second);
    }
    return parts.join(QLatin1Char(' '));
}

QProcessEnvironment credentialsEnvironment(const ConnectionSettings &s)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (s.hasPassword && !s.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), s.password);
    if (!s.queryValue(QStringLiteral("sslpassword")).isEmpty())
        env.insert(QStringLiteral("PGSSLPASSWORD"), s.queryValue(QStringLiteral("sslpassword")));
    return env;
}

QString PgVersion::majorString() const
{
    if (number >= 100000)
        return QString::number(number / 10000);
    return QStringLiteral("%1.%2").arg(number / 10000).arg(number / 100 % 100);
}

PgVersion PgVersion::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {};
    const int a = m.captured(1).toInt();
    const int b = m.captured(2).toInt();
    const int c = m.captured(3).toInt();
    PgVersion v;
    v.number = a >= 10 ? a * 10000 + b : a * 10000 + b * 100 + c;
    return v;
}

QStringList defaultPgDumpSearchDirs()
{
    QStringList dirs;
    const QString bindir = qEnvironmentVariable("RETORT_PG_BINDIR");
    if (!bindir.isEmpty())
        dirs << bindir;
    const QStringList path = qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    dirs << path;
    QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &x, const QString &y) {
        return PgVersion::parse(x).number > PgVersion::parse(y).number;
    });
    for (const QString &v : versions)
        dirs << lib.filePath(v + QStringLiteral("/bin"));
    return dirs;
}

Result<PgDumpTool> findPgDump(const PgVersion &server, const QStringList &dirs)
{
    return findPgTool(QStringLiteral("pg_dump"), server, dirs);
}

Result<PgDumpTool> findPgTool(const QString &name, const PgVersion &server, const QStringList &dirs)
{
    std::optional<PgDumpTool> best;
    QStringList seen;
    QStringList problems;
    for (const QString &dir : dirs) {
        const QFileInfo fi(QDir(dir).filePath(name));
        if (!fi.isFile() || !fi.isExecutable())
            continue;
        const QString path = fi.canonicalFilePath();
        if (seen.contains(path))
            continue;
        seen << path;
        Result<PgVersion> v = askVersion(fi.absoluteFilePath());
        if (!v) {
            problems << v.error().message();
            continue;
        }
        if (!best || v.value().number > best->version.number)
            best = PgDumpTool{fi.absoluteFilePath(), v.value()};
        if (server.isValid() && v.value().majorNumber() >= server.majorNumber())
            return PgDumpTool{fi.absoluteFilePath(), v.value()};
    }
    const QString hint = server.isValid()
                             ? QStringLiteral("install postgresql-client-%1 (or newer), or set RETORT_PG_BINDIR to "
                                              "the bin dir of a PostgreSQL %1 installation")
                                   .arg(server.majorString())
                             : QStringLiteral("install postgresql-client, or set RETORT_PG_BINDIR");
    if (best) {
        return Error(Error::Kind::Config,
                     QStringLiteral("%1 %2 (%3) is older than the server (PostgreSQL %4): %1 cannot work with "
                                    "a server of a newer major version; %5")
                         .arg(name, best->version.majorString(), best->path, server.majorString(), hint));
    }
    Error e(Error::Kind::Config,
            QStringLiteral("No %1 found (looked in %2); %3")
                .arg(name, dirs.isEmpty() ? QStringLiteral("no directories") : dirs.join(QStringLiteral(", ")), hint));
    for (const QString &p : problems)
        e.causedBy(Error(Error::Kind::Io, p));
    return e;
}

Error runClientTool(const QString &program, const QStringList &args, const ConnectionSettings &connection,
                    const std::function<bool()> &cancelled, const std::function<void()> &poll)
{
    QProcess p;
    p.setProcessEnvironment(credentialsEnvironment(connection));
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(QProcess::nullDevice());
    // The tool must not outlive Retort (kill -9, a crash): a pg_restore left
    // running keeps filling a copy no one will use. Its own process group,
    // so a terminal's Ctrl-C reaches Retort, which stops it and cleans up.
    // A parent that died before prctl() took effect shows as a changed getppid().
    const pid_t parent = getpid();
    p.setChildProcessModifier([parent] {
        setpgid(0, 0);
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
            _exit(127);
    });
    p.start(program, args);
    if (!p.waitForStarted(kVersionTimeoutMs))
        return Error(Error::Kind::Io, QStringLiteral("Cannot run %1: %2").arg(program, p.errorString()));
    for (;;) {
        if (cancelled && cancelled()) {
            const pid_t group = pid_t(p.processId());
            ::kill(-group, SIGTERM);
            if (!p.waitForFinished(3000)) {
                ::kill(-group, SIGKILL);
                p.waitForFinished(3000);
            }
            return Error(Error::Kind::Cancelled, QStringLiteral("%1 was cancelled").arg(QFileInfo(program).fileName()));
        }
        if (p.waitForFinished(kPollMs) || p.state() == QProcess::NotRunning)
            break;
        if (poll)
            poll();
    }
    const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return Error();
    Error e(Error::Kind::Database, QStringLiteral("%1 failed for %2 (exit %3)")
                                       .arg(QFileInfo(program).fileName(), connection.describe())
                                       .arg(p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1));
    if (!err.isEmpty())
        e.causedBy(Error(Error::Kind::Database, err.section(QLatin1Char('\n'), 0, 2).simplified()));
    return e;
}

Result<BackupResult> Backup::run(const BackupRequest &request, const ProgressFn &progress)
{
    QElapsedTimer clock;
    clock.start();
    const auto cancelled = [] {
        return Error(Error::Kind::Cancelled, QStringLiteral("The backup was cancelled; no file was kept"));
    };
    if (request.outputFile.isEmpty())
        return Error(Error::Kind::Config, QStringLiteral("No file chosen for the backup"));

    // The server's version decides which pg_dump may dump it.
    QString serverVersion;
    {
        Result<std::unique_ptr<Connection>> c = Connection::open(request.connection);
        if (!c)
            return c.error();
        serverVersion = c.value()->serverVersion();
    }
    const PgVersion server = PgVersion::parse(serverVersion);
    if (!server.isValid())
        return Error(Error::Kind::Database,
                     QStringLiteral("Cannot read the server's version (%1)").arg(request.connection.describe()));
    if (m_cancel.load())
        return cancelled();

    Result<PgDumpTool> tool =
        findPgDump(server, request.searchDirs.isEmpty() ? defaultPgDumpSearchDirs() : request.searchDirs);
    if (!tool)
        return tool.error();

    const QString file = QFileInfo(request.outputFile).absoluteFilePath();
    if (!QFileInfo(file).absoluteDir().exists()) {
        Location where;
        where.file = file;
        return Error(Error::Kind::Io,
                     QStringLiteral("The folder %1 does not exist").arg(QFileInfo(file).absolutePath()), where);
    }

    QStringList args = {QStringLiteral("--format=custom"), QStringLiteral("--no-password"),
                        QStringLiteral("--file=") + file,
                        QStringLiteral("--dbname=") + conninfoFor(request.connection)};
    if (request.schemaOnly)
        args << QStringLiteral("--schema-only");
    qint64 lastSize = 0;
    if (progress)
        progress(0);  // started
    const Error failed = runClientTool(
        tool.value().path, args, request.connection, [this] { return m_cancel.load(); },
        [&] {
            const qint64 size = QFileInfo(file).size();
            if (progress && size != lastSize) {
                lastSize = size;
                progress(size);
            }
        });
    if (failed) {
        removeIfExists(file);
        return failed.kind() == Error::Kind::Cancelled ? cancelled() : failed;
    }
    BackupResult r;
    r.file = file;
    r.size = QFileInfo(file).size();
    r.database = request.connection.database;
    r.pgDump = tool.value().path;
    r.pgDumpVersion = tool.value().version.majorString();
    r.serverVersion = serverVersion;
    r.elapsedMs = clock.elapsed();
    if (progress)
        progress(r.size);
    return r;
}

} // namespace retort
