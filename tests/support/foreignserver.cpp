#include "foreignserver.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstdlib>

#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace retort::testsupport {

namespace {

// Whatever happens to the test (a failed QVERIFY, a crash), the child dies
// with it, and its whole process group can be killed at once.
void dieWithParent()
{
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
}

void killGroup(QProcess *process)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    ::kill(-pid_t(process->processId()), SIGKILL);
    process->kill();
    process->waitForFinished(30000);
}

// Mounts a tmpfs over the (empty, host-side) directory: only this mount
// namespace sees the data directory and the server's socket.
const char *const kForeignScript = R"(set -e
dir=$1 bindir=$2 port=$3
mount -t tmpfs -o size=512m,mode=0755 retort-foreign "$dir"
chown postgres: "$dir"
cd "$dir"
if ! runuser -u postgres -- "$bindir/initdb" -D "$dir/data" -U retort --auth=trust -E UTF8 --no-sync \
    >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  exit 1
fi
exec runuser -u postgres -- "$bindir/postgres" -D "$dir/data" -p "$port" -k "$dir" \
  -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off
)";

const char *const kForwarderScript = R"(import socket, sys, threading
target = int(sys.argv[1])
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(16)
print(server.getsockname()[1], flush=True)
def pump(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    for s in (a, b):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
while True:
    client, _ = server.accept()
    upstream = socket.create_connection(("127.0.0.1", target))
    threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
    threading.Thread(target=pump, args=(upstream, client), daemon=True).start()
)";

} // namespace

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

ForeignServer::ForeignServer(const QString &binDir) : m_binDir(binDir) {}

ForeignServer::~ForeignServer()
{
    killGroup(m_process.get());
    if (!m_dir.isEmpty())
        QDir().rmdir(m_dir);
}

qint64 ForeignServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString ForeignServer::url(const QString &db) const
{
    return QStringLiteral("postgresql://retort@127.0.0.1:%1/%2").arg(m_port).arg(db);
}

bool ForeignServer::writeServiceFile(const QString &path, const QString &service) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(QStringLiteral("[%1]\nhost=127.0.0.1\nport=%2\nuser=retort\ndbname=postgres\n")
                       .arg(service)
                       .arg(m_port)
                       .toUtf8())
           > 0;
}

bool ForeignServer::start()
{
    if (::geteuid() != 0) {
        m_error = QStringLiteral("a server in its own PID and mount namespaces needs root (CI runs as root)");
        return false;
    }
    QByteArray templ = QDir::tempPath().toLocal8Bit() + "/retort-foreign.XXXXXX";
    if (!::mkdtemp(templ.data())) {
        m_error = QStringLiteral("mkdtemp failed");
        return false;
    }
    m_dir = QString::fromLocal8Bit(templ);
    m_port = freeLoopbackPort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setChildProcessModifier(dieWithParent);
    m_process->start(QStringLiteral("unshare"),
                     {QStringLiteral("--pid"), QStringLiteral("--mount"), QStringLiteral("--fork"),
                      QStringLiteral("--mount-proc"), QStringLiteral("--kill-child=SIGKILL"), QStringLiteral("bash"),
                      QStringLiteral("-c"), QString::fromLatin1(kForeignScript), QStringLiteral("foreign"), m_dir,
                      m_binDir, QString::number(m_port)});
    if (!m_process->waitForStarted(30000)) {
        m_error = QStringLiteral("unshare did not start: %1").arg(m_process->errorString());
        return false;
    }
    // Bounded: initdb on a tmpfs takes a few seconds on a busy machine.
    for (int attempt = 0; attempt < 1200; ++attempt) {
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("the namespaced server stopped: %1")
                          .arg(QString::fromLocal8Bit(m_process->readAllStandardError()));
            return false;
        }
        QProcess ready;
        ready.start(m_binDir + QStringLiteral("/pg_isready"),
                    {QStringLiteral("-q"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                     QString::number(m_port), QStringLiteral("-U"), QStringLiteral("retort"), QStringLiteral("-t"),
                     QStringLiteral("1")});
        if (ready.waitForFinished(10000) && ready.exitStatus() == QProcess::NormalExit && ready.exitCode() == 0)
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("the namespaced server did not accept connections on 127.0.0.1:%1: %2")
                  .arg(m_port)
                  .arg(QString::fromLocal8Bit(m_process->readAllStandardError()));
    return false;
}

TcpForwarder::TcpForwarder(int targetPort) : m_target(targetPort) {}

TcpForwarder::~TcpForwarder()
{
    killGroup(m_process.get());
}

qint64 TcpForwarder::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool TcpForwarder::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setChildProcessModifier(dieWithParent);
    m_process->start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"), QString::fromLatin1(kForwarderScript), QString::number(m_target)});
    if (!m_process->waitForStarted(30000)) {
        m_error = QStringLiteral("python3 did not start: %1").arg(m_process->errorString());
        return false;
    }
    while (!m_process->canReadLine()) {
        if (!m_process->waitForReadyRead(30000)) {
            m_error = QStringLiteral("the forwarder did not report its port: %1")
                          .arg(QString::fromLocal8Bit(m_process->readAllStandardError()));
            return false;
        }
    }
    m_port = m_process->readLine().trimmed().toInt();
    return m_port > 0;
}

} // namespace retort::testsupport
