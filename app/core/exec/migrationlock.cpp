#include "migrationlock.h"

#include <QDateTime>
#include <QSqlError>
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

qint64 MigrationLock::keyFor(const VersionTable &table)
{
    quint64 h = 14695981039346656037ULL;
    const QByteArray bytes = (QStringLiteral("retort migrate ") + table.qualifiedSql()).toUtf8();
    for (char c : bytes) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    return qint64(h);
}

QString MigrationLock::describeHolder() const
{
    // A bigint advisory key shows in pg_locks as classid (high half), objid
    // (low half) and objsubid 1.
    const quint64 k = quint64(m_key);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.backend_start "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
        "AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND a.pid <> pg_backend_pid()"));
    q.addBindValue(qint64(k >> 32));
    q.addBindValue(qint64(k & 0xffffffffULL));
    if (!q.exec())
        return QStringLiteral("another session (pg_stat_activity could not be read: %1)")
            .arg(q.lastError().databaseText().trimmed());
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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT pg_try_advisory_lock(?)"));
    q.addBindValue(m_key);
    if (!q.exec() || !q.next())
        return lockError(QStringLiteral("Could not take the migration lock for %1: %2")
                             .arg(m_table.displayName(), q.lastError().databaseText().trimmed()),
                         q.lastError().nativeErrorCode());
    if (q.value(0).toBool()) {
        m_held = true;
        return {};
    }
    const QString holder = describeHolder();
    if (!wait)
        return lockError(QStringLiteral("Another migration of %1 in database \"%2\" is running (%3); "
                                        "not waiting (--no-wait)")
                             .arg(m_table.displayName(), m_db.databaseName(), holder),
                         QStringLiteral("55P03"));
    if (log)
        log(QStringLiteral("Waiting for the migration lock of %1 held by %2").arg(m_table.displayName(), holder));
    QSqlQuery w(m_db);
    w.prepare(QStringLiteral("SELECT pg_advisory_lock(?)"));
    w.addBindValue(m_key);
    if (!w.exec()) {
        const QString state = w.lastError().nativeErrorCode();
        if (state == QLatin1String("55P03"))
            return lockError(QStringLiteral("Timed out (lock_timeout) waiting for the migration lock of %1 held by %2")
                                 .arg(m_table.displayName(), holder),
                             state);
        return lockError(QStringLiteral("Waiting for the migration lock of %1 failed: %2")
                             .arg(m_table.displayName(), w.lastError().databaseText().trimmed()),
                         state);
    }
    m_held = true;
    return {};
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
