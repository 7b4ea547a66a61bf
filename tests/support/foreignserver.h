#pragma once

#include <QProcess>
#include <QString>

#include <memory>

namespace retort::testsupport {

// A PostgreSQL server that is NOT on this machine as far as any process here
// can prove: it runs in its own PID and mount namespaces (unshare), its data
// directory on a tmpfs only it sees, reachable over TCP on 127.0.0.1:port()
// like a container's published port or an SSH tunnel to production.
// Needs root (CI runs as root); initdb and postgres run as user postgres.
// Role "retort", trust authentication, database "postgres" and any created
// with exec(). The whole namespace is killed when this object goes, when
// the test process dies (PR_SET_PDEATHSIG), or unshare ends (--kill-child).
class ForeignServer {
public:
    explicit ForeignServer(const QString &binDir);
    ~ForeignServer();
    ForeignServer(const ForeignServer &) = delete;
    ForeignServer &operator=(const ForeignServer &) = delete;

    // Starts it and waits until it accepts connections; false with error().
    bool start();
    int port() const { return m_port; }
    QString url(const QString &db) const;
    // Writes a pg_service.conf (for PGSERVICEFILE) whose [service] reaches
    // database "postgres" here as role retort.
    bool writeServiceFile(const QString &path, const QString &service) const;
    QString error() const { return m_error; }
    // pid of the unshare process (the namespace's parent, on this machine).
    qint64 pid() const;

private:
    QString m_binDir;
    int m_port = 0;
    QString m_error;
    std::unique_ptr<QProcess> m_process;
    QString m_dir;
};

// A plain TCP forwarder (what `ssh -L` or socat does) from 127.0.0.1:port()
// to targetPort on 127.0.0.1, run by /usr/bin/python3 as its own process.
class TcpForwarder {
public:
    explicit TcpForwarder(int targetPort);
    ~TcpForwarder();
    TcpForwarder(const TcpForwarder &) = delete;
    TcpForwarder &operator=(const TcpForwarder &) = delete;

    bool start();
    int port() const { return m_port; }
    qint64 pid() const;
    QString error() const { return m_error; }

private:
    int m_target = 0;
    int m_port = 0;
    QString m_error;
    std::unique_ptr<QProcess> m_process;
};

// A loopback TCP port nobody listens on now.
int freeLoopbackPort();

} // namespace retort::testsupport
