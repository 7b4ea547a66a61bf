#include "migrationlock.h"

#include "db/advisorylock.h"
#include "db/dberror.h"
#include "exec/lockwatch.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace retort {

namespace {

Error lockError(const QString &message, const QString &state)
{
    Error e(Error::Kind::Database, message);
    e.setSqlState(state);
    return e;
}

} // namespace

MigrationLock::MigrationLock(QSqlDatabase db, const VersionTable &table)
    : m_db(std::move(db)), m_table(table), m_key(keyFor(table))
{
}

qint64 MigrationLock::keyFor(const VersionTable &table)
{
    return advisoryKey(QStringLiteral("retort migrate ") + table.qualifiedSql());
}

qint64 MigrationLock::childKeyFor(const VersionTable &table)
{
    return advisoryKey(QStringLiteral("retort bridge ") + table.qualifiedSql());
}

namespace {

// The session's lock_timeout in milliseconds, 0 for none.
qint64 lockTimeoutMs(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT setting::bigint FROM pg_settings WHERE name = 'lock_timeout'")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

} // namespace

QString MigrationLock::describeHolder(qint64 key) const
{
    return advisoryHolder(m_db, key).describe();
}

Error MigrationLock::acquire(bool wait, const WaitHooks &hooks)
{
    const QString table = m_table.displayName();
    if (Error e = waitFor(m_key, true, wait, QStringLiteral("the migration lock of %1").arg(table),
                          QStringLiteral("the migration lock"), hooks))
        return e;
    m_held = true;
    return waitFor(childKeyFor(m_table), false, wait,
                   QStringLiteral("the end of an alembic child of an earlier migration of %1").arg(table),
                   QStringLiteral("the end of an alembic child of an earlier run"), hooks);
}

// Takes `key` (waiting or not), and keeps it or lets it go at once.
Error MigrationLock::waitFor(qint64 key, bool keep, bool wait, const QString &what, const QString &waitingFor,
                             const WaitHooks &hooks)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT pg_try_advisory_lock(?)"));
    const auto tryLock = [&]() -> Result<bool> {
        q.addBindValue(key);
        if (!q.exec() || !q.next())
            return DbError::of(q).toError(QStringLiteral("Could not take %1").arg(what), q.lastQuery());
        const bool got = q.value(0).toBool();
        q.finish();
        return got;
    };
    const auto taken = [&] {
        if (!keep) {
            QSqlQuery u(m_db);
            u.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)"));
            u.addBindValue(key);
            u.exec();
        }
        return Error();
    };
    Result<bool> got = tryLock();
    if (!got)
        return got.error();
    if (got.value())
        return taken();
    const QString holder = describeHolder(key);
    if (!wait)
        return lockError(QStringLiteral("Another migration of %1 in database \"%2\" is running (%3); "
                                        "not waiting (--no-wait) for %4")
                             .arg(m_table.displayName(), m_db.databaseName(), holder, what),
                         QStringLiteral("55P03"));
    if (hooks.log)
        hooks.log(QStringLiteral("Waiting for %1 held by %2").arg(what, holder));

    // Try again and again, never blocking in a statement (see acquire()).
    const qint64 timeoutMs = lockTimeoutMs(m_db);
    QElapsedTimer waited, sinceHolderRead;
    waited.start();
    sinceHolderRead.start();
    QString reported;
    int pauseMs = 5;
    for (;;) {
        if (hooks.cancelled && hooks.cancelled())
            return Error(Error::Kind::Cancelled, QStringLiteral("Cancelled while waiting for %1").arg(what));
        if (timeoutMs > 0 && waited.elapsed() >= timeoutMs)
            return lockError(QStringLiteral("Timed out (lock_timeout) waiting for %1 held by %2").arg(what, holder),
                             QStringLiteral("55P03"));
        QThread::msleep(timeoutMs > 0 ? std::clamp<qint64>(timeoutMs - waited.elapsed(), 1, pauseMs) : pauseMs);
        pauseMs = std::min(pauseMs * 2, kRetryMs);
        got = tryLock();
        if (!got)
            return got.error();
        if (got.value())
            break;
        if (hooks.waiting && waited.elapsed() >= LockWatch::kQuietMs
            && (reported.isEmpty() || sinceHolderRead.elapsed() >= LockWatch::kQuietMs)) {
            sinceHolderRead.restart();
            const AdvisoryHolder h = advisoryHolder(m_db, key);
            const QString now = QStringLiteral("waiting for %1 held by %2")
                                    .arg(waitingFor, h.found ? describeBlocker(h.pid, h.application, h.user, h.since)
                                                             : QStringLiteral("another session"));
            if (now != reported)
                hooks.waiting(reported = now);
        }
    }
    if (!reported.isEmpty())
        hooks.waiting(QString());
    return taken();
}

Error MigrationLock::verify() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM pg_locks l WHERE ") + advisoryKeyMatch()
              + QStringLiteral(" AND l.pid = pg_backend_pid()"));
    bindAdvisoryKey(q, m_key);
    const bool asked = q.exec() && q.next();
    if (asked && q.value(0).toInt() > 0)
        return {};
    return lockError(QStringLiteral("The migration lock of %1 was lost (%2); the run was stopped so that nothing "
                                    "commits while another migration may start")
                         .arg(m_table.displayName(),
                              asked ? QStringLiteral("this session no longer holds it")
                                    : QStringLiteral("its session is gone: %1").arg(DbError::of(q).message)),
                     asked ? QStringLiteral("55P03") : QStringLiteral("08006"));
}

void MigrationLock::release()
{
    if (!m_held)
        return;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)"));
    q.addBindValue(m_key);
    q.exec();
    m_held = false;
}

} // namespace retort
