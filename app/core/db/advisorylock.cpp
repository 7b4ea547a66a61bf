#include "advisorylock.h"

#include "db/dberror.h"

#include <QSqlQuery>
#include <QStringList>

namespace retort {

qint64 advisoryKey(const QString &text)
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
QString advisoryKeyMatch(bool namedDatabase)
{
    return QStringLiteral("l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                          "AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid "
                          "AND l.database = (SELECT oid FROM pg_database WHERE datname = %1)")
        .arg(namedDatabase ? QStringLiteral("?") : QStringLiteral("current_database()"));
}

void bindAdvisoryKey(QSqlQuery &q, qint64 key)
{
    const quint64 k = quint64(key);
    q.addBindValue(qint64(k >> 32));
    q.addBindValue(qint64(k & 0xffffffffULL));
}

AdvisoryHolder advisoryHolder(const QSqlDatabase &db, qint64 key, const QString &inDatabase)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.backend_start "
                             "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE ")
              + advisoryKeyMatch(!inDatabase.isEmpty())
              + QStringLiteral(" AND a.pid <> pg_backend_pid() ORDER BY a.backend_start LIMIT 1"));
    bindAdvisoryKey(q, key);
    if (!inDatabase.isEmpty())
        q.addBindValue(inDatabase);
    AdvisoryHolder h;
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

QString AdvisoryHolder::describe() const
{
    if (!error.isEmpty())
        return QStringLiteral("another session (pg_stat_activity could not be read: %1)").arg(error);
    if (!found)
        return QStringLiteral("another session (it has just released the lock or is not visible to this user)");
    QStringList parts;
    parts << QStringLiteral("pid %1").arg(pid);
    parts << (application.isEmpty() ? QStringLiteral("no application_name")
                                    : QStringLiteral("application \"%1\"").arg(application));
    if (!user.isEmpty())
        parts << QStringLiteral("user %1").arg(user);
    parts << (address.isEmpty() ? QStringLiteral("over a Unix socket") : QStringLiteral("from %1").arg(address));
    if (since.isValid())
        parts << QStringLiteral("connected since %1").arg(since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    return parts.join(QStringLiteral(", "));
}

} // namespace retort
