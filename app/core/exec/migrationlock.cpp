#include "migrationlock.h"

#include "db/dberror.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>

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

QString MigrationLock::describeHolder(qint64 key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.backend_start "
                             "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE ")
              + kKeyMatch + QStringLiteral(" AND a.pid <> pg_backend_pid() ORDER BY a.backend_start LIMIT 1"));
    bindKey(q, key);
    if (!q.exec())
        return QStringLiteral("another session (pg_stat_activity could not be read: %1)").arg(DbError::of(q).message);
    if (!q.next())
        return QStringLiteral("another session (it has just released the lock or is not visible to this user)");
    QStringList parts;
    parts << QStringLiteral("pid %1").arg(q.value(0).toInt());
    const QString app = q.value(1).toString();
    parts << (app.isEmpty() ? QStringLiteral("no application_name") : QStringLiteral("application \"%1\"").arg(app));
    if (!q.value(2).toString().isEmpty())
        parts << QStringLiteral("user %1").arg(q.value(2).toString());
    parts << (q.value(3).isNull() ? QStringLiteral("over a Unix socket") : QStringLiteral("from %1").arg(q.value(3).toString()));
    const QDateTime since = q.value(4).toDateTime();
    if (since.isValid())
        parts << QStringLiteral("connected since %1").arg(since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    return parts.join(QStringLiteral(", "));
}

Error MigrationLock::acquire(bool wait, const std::function<void(const QString &)> &log)
{
    const QString table = m_table.displayName();
    if (Error e = waitFor(m_key, true, wait, QStringLiteral("the migration lock of %1").arg(table), log))
        return e;
    m_held = true;
    return waitFor(childKeyFor(m_table), false, wait,
                   QStringLiteral("the end of an alembic child of an earlier migration of %1").arg(table), log);
}

// Takes `key` (waiting or not), and keeps it or lets it go at once.
Error MigrationLock::waitFor(qint64 key, bool keep, bool wait, const QString &what,
                             const std::function<void(const QString &)> &log)
{
    auto unlockUnlessKept = [&] {
        if (keep)
            return;
        QSqlQuery u(m_db);
        u.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)"));
        u.addBindValue(key);
        u.exec();
    };
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT pg_try_advisory_lock(?)"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return DbError::of(q).toError(QStringLiteral("Could not take %1").arg(what), q.lastQuery());
    if (q.value(0).toBool()) {
        unlockUnlessKept();
        return {};
    }
    const QString holder = describeHolder(key);
    if (!wait)
        return lockError(QStringLiteral("Another migration of %1 in database \"%2\" is running (%3); "
                                        "not waiting (--no-wait) for %4")
                             .arg(m_table.displayName(), m_db.databaseName(), holder, what),
                         QStringLiteral("55P03"));
    if (log)
        log(QStringLiteral("Waiting for %1 held by %2").arg(what, holder));
    QSqlQuery w(m_db);
    w.prepare(QStringLiteral("SELECT pg_advisory_lock(?)"));
    w.addBindValue(key);
    if (!w.exec()) {
        const DbError e = DbError::of(w);
        if (e.sqlState == QLatin1String("55P03"))
            return lockError(QStringLiteral("Timed out (lock_timeout) waiting for %1 held by %2").arg(what, holder),
                             e.sqlState);
        return e.toError(QStringLiteral("Waiting for %1 failed").arg(what), w.lastQuery());
    }
    unlockUnlessKept();
    return {};
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
