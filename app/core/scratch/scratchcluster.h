#pragma once

#include "db/connectionsettings.h"
#include "result.h"
#include "scratch/pginstallation.h"

#include <QString>

#include <memory>

class QProcess;

namespace retort {

// A private PostgreSQL cluster for one Retort run: initdb in a fresh temp
// dir, the server listening on a unix socket in that dir only (no TCP),
// trust for the local superuser "retort". As root, initdb and postgres run
// as the "postgres" user.
//
// Everything is done by a small supervisor shell that is Retort's child and
// the server's parent: it starts the server, then waits for its stdin to
// close, which happens when stop() closes it and equally when Retort dies in
// any way (the kernel closes the pipe), and then stops the server and
// removes the dir. The server also gets SIGKILL should the supervisor itself
// be killed. So no server and no temp dir outlive the run.
class ScratchCluster {
public:
    ~ScratchCluster();
    ScratchCluster(const ScratchCluster &) = delete;
    ScratchCluster &operator=(const ScratchCluster &) = delete;

    // Blocks until the server accepts connections (or failed, with
    // initdb's or the server's log in the error).
    static Result<std::unique_ptr<ScratchCluster>> start(const PgInstallation &server);

    // Settings for `database` on this cluster (the socket, user retort).
    ConnectionSettings settings(const QString &database) const;
    const QString &directory() const { return m_dir; }
    int major() const { return m_major; }

    // Stops the server and removes the dir; waits for both. Idempotent.
    void stop();

private:
    ScratchCluster() = default;

    QString m_dir;
    int m_major = 0;
    std::unique_ptr<QProcess> m_supervisor;
};

} // namespace retort
