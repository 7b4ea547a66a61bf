#include "migrationlock.h"

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

namespace {

qint64 fnv1a(const QString &text)
{
    quint64 h = 14695981039346656037ULL;
    for (char c : text.toUtf8()) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    return qint64(h);
}

// A bigint advisory key shows in pg_locks as classid (high half), objid
// (low half) and objsubid 1.
const QString kKeyMatch = QStringLiteral(
    "l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
    "AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())");

void bindKey(QSqlQuery &q, qint64 key)
{
    const quint64 k = quint64(key);
    q.addBindValue(qint64(k >> 32));
    q.addBindValue(qint64(k & 0xffffffffULL));
}

} // namespace

qint64 MigrationLock::keyFor(const VersionTable &table)
{
    return fnv1a(QStringLiteral("retort migrate ") + table.qualifiedSql());
}

qint64 MigrationLock::childKeyFor(const VersionTable &table)
{
    return fnv1a(QStringLiteral("retort bridge ") + table.qualifiedSql());
}

namespace {

// The earliest session holding `key`, other than this one.
struct Holder {
    bool found = false;
    QString error;  // why it could not be read
    int pid = 0;
    QString application, user, address;
    QDateTime since;
};

Holder holderOf(const QSqlDatabase &db, qint64 key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.backend_start "
                             "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE ")
              + kKeyMatch + QStringLiteral(" AND a.pid <> pg_backend_pid() ORDER BY a.backend_start LIMIT 1"));
    bindKey(q, key);
    Holder h;
    if (!q.exec()) {
        h.error = DbError::of(q).message;
        return h;
    }
    if (!q.next())
        return h;
    h.found = true;
    h.pid = q.value(0).toInt();
    h.application = q.value(1).toString();
    h.user = q.value(2).toString();
    h.address = q.value(3).toString();
    h.since = q.value(4).toDateTime();
    return h;
}

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
    const Holder h = holderOf(m_db, key);
    if (!h.error.isEmpty())
        return QStringLiteral("another session (pg_stat_activity could not be read: %1)").arg(h.error);
    if (!h.found)
        return QStringLiteral("another session (it has just released the lock or is not visible to this user)");
    QStringList parts;
    parts << QStringLiteral("pid %1").arg(h.pid);
    parts << (h.application.isEmpty() ? QStringLiteral("no application_name")
                                      : QStringLiteral("application \"%1\"").arg(h.application));
    if (!h.user.isEmpty())
        parts << QStringLiteral("user %1").arg(h.user);
    parts << (h.address.isEmpty() ? QStringLiteral("over a Unix socket") : QStringLiteral("from %1").arg(h.address));
    if (h.since.isValid())
        parts << QStringLiteral("connected since %1").arg(h.since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    return parts.join(QStringLiteral(", "));
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
            const Holder h = holderOf(m_db, key);
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
    q.prepare(QStringLiteral("SELECT count(*) FROM pg_locks l WHERE ") + kKeyMatch
              + QStringLiteral(" AND l.pid = pg_backend_pid()"));
    bindKey(q, m_key);
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
