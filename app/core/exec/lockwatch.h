#pragma once

#include "db/connectionsettings.h"

#include <QDateTime>
#include <QString>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace retort {

// The session in a wait's way, as waits name it:
// "pid 4242 (application "psql", user ann, since 2026-12-06 21:00:00 UTC)".
QString describeBlocker(int pid, const QString &application, const QString &user, const QDateTime &since);

// Watches, from a connection of its own on a thread of its own, whether the
// run's backend is waiting for a lock, and says who holds it once the wait
// has lasted about a second:
//   "waiting for a lock on public.item held by pid 4242 (application "psql",
//    user ann, since 2026-12-06 21:00:00 UTC)"
// and an empty string when that wait is over. `report` is called on the
// watcher's thread. The watch stops when the object is destroyed. (The
// migration lock is waited for by trying, never blocking: MigrationLock
// reports that wait, in the same words.)
class LockWatch {
public:
    LockWatch(ConnectionSettings settings, int backendPid, std::function<void(const QString &)> report);
    ~LockWatch();
    LockWatch(const LockWatch &) = delete;
    LockWatch &operator=(const LockWatch &) = delete;

    static constexpr int kPollMs = 200;
    static constexpr int kQuietMs = 1000;  // shorter waits are not reported

private:
    void watch();

    ConnectionSettings m_settings;
    int m_pid = 0;
    std::function<void(const QString &)> m_report;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace retort
