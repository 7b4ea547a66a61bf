#include "scratchcluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QUrl>

#include <cerrno>
#include <cstring>

#include <pwd.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retort {

namespace {

constexpr int kPort = 5432;  // only names the socket file: the dir is ours alone
const QString kSuperuser = QStringLiteral("retort");

// $1 the cluster dir, $2 the server's bin dir, $3 the user to run it as
// ("" for ourselves). Prints "ready", or "failed <what>" and log lines; then
// waits for EOF on stdin. The signals a terminal or a process group gets
// are ignored here: only the end of Retort (stdin's EOF) ends the
// supervisor, so it always gets to clean up.
const char kSupervisor[] = R"sh(
trap '' INT TERM HUP QUIT PIPE
dir=$1 bin=$2 user=$3 pid=
cd "$dir" || exit 1
# setpriv execs (a shell function run with & would fork a subshell between us
# and the server, and $! would name that subshell)
if [ -n "$user" ]; then
  set -- --reuid="$user" --regid="$user" --init-groups
else
  set --
fi
cleanup() {
  if [ -n "$pid" ]; then
    kill -INT "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$dir"
}
fail() {
  echo "failed $1"
  tail -n 15 "$2" 2>/dev/null | sed 's/^/log /'
  cleanup
  exit 1
}
setpriv "$@" --pdeathsig KILL -- "$bin/initdb" -D "$dir/data" -U retort --auth=trust --encoding=UTF8 --no-locale --no-sync \
  >"$dir/initdb.log" 2>&1 || fail initdb "$dir/initdb.log"
setpriv "$@" --pdeathsig KILL -- "$bin/postgres" -D "$dir/data" -k "$dir" -p 5432 -c listen_addresses= -c fsync=off \
  -c synchronous_commit=off -c full_page_writes=off -c max_connections=40 >"$dir/server.log" 2>&1 &
pid=$!
n=0
while :; do
  kill -0 "$pid" 2>/dev/null || { wait "$pid"; pid=; fail server "$dir/server.log"; }
  case $(sed -n 8p "$dir/data/postmaster.pid" 2>/dev/null) in ready*) break ;; esac
  n=$((n + 1))
  [ "$n" -lt 1200 ] || fail "server (not ready after 120 s)" "$dir/server.log"
  sleep 0.1
done
echo ready
while read -r _; do :; done
cleanup
echo stopped
)sh";

QString tempBase(bool asRoot)
{
    const QString forced = qEnvironmentVariable("RETORT_SCRATCH_TMPDIR");
    if (!forced.isEmpty())
        return forced;
    // root's TMPDIR may be a dir the postgres user cannot enter
    if (asRoot)
        return QStringLiteral("/tmp");
    const QString tmp = qEnvironmentVariable("TMPDIR");
    return tmp.isEmpty() ? QStringLiteral("/tmp") : tmp;
}

} // namespace

ScratchCluster::~ScratchCluster()
{
    stop();
}

Result<std::unique_ptr<ScratchCluster>> ScratchCluster::start(const PgInstallation &server)
{
    const bool asRoot = ::geteuid() == 0;
    struct passwd *owner = nullptr;
    if (asRoot) {
        owner = ::getpwnam("postgres");
        if (!owner)
            return Error(Error::Kind::Config,
                         QStringLiteral("running as root, and PostgreSQL's server refuses root, but there is no "
                                        "'postgres' user to run the scratch cluster as (install postgresql, or "
                                        "give --scratch-url)"));
    }
    QByteArray pattern = QFile::encodeName(tempBase(asRoot) + QStringLiteral("/retort-scratch.XXXXXX"));
    if (!::mkdtemp(pattern.data()))
        return Error(Error::Kind::Io, QStringLiteral("cannot create a temp dir for the scratch cluster from %1: %2")
                                          .arg(QFile::decodeName(pattern), QString::fromLocal8Bit(strerror(errno))));
    std::unique_ptr<ScratchCluster> cluster(new ScratchCluster);
    cluster->m_dir = QFile::decodeName(pattern);
    cluster->m_major = server.major;
    // the socket path must fit in sockaddr_un (107 bytes)
    if ((cluster->m_dir + QStringLiteral("/.s.PGSQL.5432")).toLocal8Bit().size() > 100) {
        QDir(cluster->m_dir).removeRecursively();
        return Error(Error::Kind::Config,
                     QStringLiteral("the temp dir %1 is too long a path for PostgreSQL's socket; set "
                                    "RETORT_SCRATCH_TMPDIR to a shorter one")
                         .arg(cluster->m_dir));
    }
    if (owner && ::chown(pattern.constData(), owner->pw_uid, owner->pw_gid) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        QDir(cluster->m_dir).removeRecursively();
        return Error(Error::Kind::Io, QStringLiteral("cannot give %1 to the postgres user: %2").arg(cluster->m_dir, why));
    }

    cluster->m_supervisor = std::make_unique<QProcess>();
    QProcess &p = *cluster->m_supervisor;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setWorkingDirectory(cluster->m_dir);
    p.start(QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QString::fromLatin1(kSupervisor), QStringLiteral("retort-scratch"),
             cluster->m_dir, server.binDir, owner ? QStringLiteral("postgres") : QString()});
    if (!p.waitForStarted(30000)) {
        QDir(cluster->m_dir).removeRecursively();
        return Error(Error::Kind::Io, QStringLiteral("cannot start /bin/sh for the scratch cluster: %1").arg(p.errorString()));
    }

    QStringList lines;
    while (true) {
        while (!p.canReadLine() && p.state() == QProcess::Running)
            p.waitForReadyRead(1000);
        if (!p.canReadLine()) {
            // the supervisor ended without a word: nothing else knows the dir
            p.waitForFinished(30000);
            QDir(cluster->m_dir).removeRecursively();
            return Error(Error::Kind::Internal,
                         QStringLiteral("the scratch cluster's supervisor ended unexpectedly: %1")
                             .arg(QString::fromLocal8Bit(p.readAllStandardError()).trimmed()));
        }
        const QString line = QString::fromLocal8Bit(p.readLine()).trimmed();
        if (line == QLatin1String("ready"))
            return cluster;
        lines << line;
        if (line.startsWith(QLatin1String("failed "))) {
            p.waitForFinished(60000);  // it has removed the dir
            QStringList log;
            const QStringList rest = QString::fromLocal8Bit(p.readAllStandardOutput()).split(QLatin1Char('\n'));
            for (const QString &l : rest)
                if (l.startsWith(QLatin1String("log ")))
                    log << l.mid(4);
            Error e(Error::Kind::Database, QStringLiteral("the scratch cluster (PostgreSQL %1, %2) did not start: %3 failed")
                                               .arg(server.major)
                                               .arg(server.binDir, line.mid(7)));
            if (!log.isEmpty())
                e.causedBy(Error(Error::Kind::Database, log.join(QStringLiteral("\n"))));
            return e;
        }
    }
}

ConnectionSettings ScratchCluster::settings(const QString &database) const
{
    // concatenated: arg() would take the "%2F" of the encoded dir for a marker
    Result<ConnectionSettings> s = ConnectionSettings::parse(
        QStringLiteral("postgresql://") + kSuperuser + QStringLiteral("@/") + database + QStringLiteral("?host=")
        + QString::fromLatin1(QUrl::toPercentEncoding(m_dir)) + QStringLiteral("&port=") + QString::number(kPort));
    return s ? s.value() : ConnectionSettings();
}

void ScratchCluster::stop()
{
    if (!m_supervisor)
        return;
    m_supervisor->closeWriteChannel();
    m_supervisor->waitForFinished(120000);
    m_supervisor.reset();
}

} // namespace retort
