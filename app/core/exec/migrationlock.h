#pragma once

#include "db/versionstate.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace retort {

// A session-level PostgreSQL advisory lock that keeps two Retorts from
// migrating one database at once. Its key is derived from the version
// table's qualified name, so projects sharing a database with different
// version tables do not block each other. Released when the session ends.
class MigrationLock {
public:
    MigrationLock(QSqlDatabase db, const VersionTable &table);

    // The advisory lock key (64-bit FNV-1a of "retort migrate " + the qualified name).
    static qint64 keyFor(const VersionTable &table);
    // The key every connection of an alembic bridge child holds (shared) from
    // its first statement until its backend ends ("retort bridge " + the
    // qualified name). A killed child's backend may still be running a
    // statement; acquire() waits for this key to be free, so an orphan's
    // transaction has ended before anyone else migrates.
    static qint64 childKeyFor(const VersionTable &table);

    // What a wait tells and asks its caller, each optional.
    struct WaitHooks {
        std::function<void(const QString &)> log;      // one line when a wait starts
        // "waiting for the migration lock held by pid 4242 (...)" once a wait
        // has lasted LockWatch::kQuietMs, again when the holder changes, ""
        // when it is over
        std::function<void(const QString &)> waiting;
        std::function<bool()> cancelled;               // asked between tries
    };
    // Takes the lock. When another session holds it: refuse naming the holder
    // (wait false, SQLSTATE 55P03), or log who holds it and wait, bounded by
    // the session's lock_timeout (timing out names the holder too).
    // Then waits, the same way, until no bridge child of an earlier run
    // holds childKeyFor().
    // A wait tries again and again (pg_try_advisory_lock, each its own short
    // statement) instead of blocking in pg_advisory_lock: a blocked statement
    // holds a snapshot, and CREATE INDEX CONCURRENTLY in the holder's run
    // waits for every snapshot older than its own, so two runs would wait for
    // each other for ever, a wait no deadlock detector sees.
    Error acquire(bool wait, const WaitHooks &hooks);
    void release();
    bool held() const { return m_held; }
    // Asks the server whether this session still holds the lock (read from
    // pg_locks): an error naming the table when it does not or the question
    // fails (the session was terminated), so nothing commits unguarded.
    Error verify() const;

    // "pid 123, application "retort 0.1 (ann@box)", user retort, from
    // 127.0.0.1, connected since 2026-11-21 21:00:00 UTC", or why it is unknown.
    QString describeHolder() const { return describeHolder(m_key); }

    static constexpr int kRetryMs = 100;  // the longest pause between two tries
private:
    QString describeHolder(qint64 key) const;
    Error waitFor(qint64 key, bool keep, bool wait, const QString &what, const QString &waitingFor,
                  const WaitHooks &hooks);

    QSqlDatabase m_db;
    VersionTable m_table;
    qint64 m_key = 0;
    bool m_held = false;
};

} // namespace retort
