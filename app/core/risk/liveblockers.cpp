#include "risk/liveblockers.h"

#include "db/dberror.h"

#include <QSqlQuery>
#include <QVariant>

namespace retort::risk {

bool lockModesConflict(LockMode a, LockMode b)
{
    using M = LockMode;
    // the conflicts of each mode, by lock.h's numbering (1..8)
    static const int conflicts[9] = {
        0,
        1 << 8,                                                   // AccessShare
        (1 << 7) | (1 << 8),                                      // RowShare
        (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8),                // RowExclusive
        (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8),     // ShareUpdateExclusive
        (1 << 3) | (1 << 4) | (1 << 6) | (1 << 7) | (1 << 8),     // Share
        (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8),  // ShareRowExclusive
        (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8),  // Exclusive
        0x1fe,                                                    // AccessExclusive: everything
    };
    if (a == M::None || b == M::None)
        return false;
    return conflicts[int(a)] & (1 << int(b));
}

QString LiveBlocker::describe() const
{
    QStringList who;
    who << (application.isEmpty() ? QStringLiteral("no application name") : application);
    if (!user.isEmpty())
        who << QStringLiteral("user ") + user;
    if (!state.isEmpty())
        who << state;
    if (transactionSeconds >= 0)
        who << (transactionSeconds >= 120 ? QStringLiteral("%1 min").arg(transactionSeconds / 60)
                                          : QStringLiteral("%1 s").arg(transactionSeconds));
    const QString verb = granted ? QStringLiteral("will wait behind") : QStringLiteral("will queue ahead of");
    return QStringLiteral("%1 pid %2 (%3): %4 on %5").arg(verb).arg(pid).arg(who.join(QStringLiteral(", ")), mode, relation);
}

Result<LiveRisk> readLiveRisk(const QSqlDatabase &db, const QVector<RelationLock> &planned)
{
    LiveRisk out;
    for (const RelationLock &p : planned) {
        LiveRelation r;
        r.relation = p.relation;
        r.mode = p.mode;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT c.oid::text, pg_total_relation_size(c.oid), c.reltuples "
                                 "FROM pg_class c WHERE c.oid = to_regclass(:name)"));
        q.bindValue(QStringLiteral(":name"), p.relation);
        if (!q.exec())
            return DbError::of(q).toError(QStringLiteral("reading the size of %1").arg(p.relation));
        if (!q.next()) {
            out.relations.append(r);
            continue;
        }
        r.exists = true;
        const QString oid = q.value(0).toString();
        r.totalBytes = q.value(1).toLongLong();
        r.estimatedRows = q.value(2).toDouble();
        out.relations.append(r);

        QSqlQuery l(db);
        l.prepare(QStringLiteral(
            "SELECT l.pid, l.mode, l.granted, coalesce(a.application_name, ''), coalesce(a.usename::text, ''), "
            "coalesce(a.state, ''), coalesce(extract(epoch FROM now() - a.xact_start)::bigint, -1), "
            "coalesce(a.query, '') "
            "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'relation' AND l.relation = :oid::oid AND l.pid <> pg_backend_pid() "
            "ORDER BY l.granted DESC, a.xact_start, l.pid"));
        l.bindValue(QStringLiteral(":oid"), oid);
        if (!l.exec())
            return DbError::of(l).toError(QStringLiteral("reading the locks on %1").arg(p.relation));
        while (l.next()) {
            const LockMode theirs = lockModeFromName(l.value(1).toString()).value_or(LockMode::None);
            if (!lockModesConflict(p.mode, theirs))
                continue;
            LiveBlocker b;
            b.relation = p.relation;
            b.planned = p.mode;
            b.pid = l.value(0).toInt();
            b.mode = l.value(1).toString();
            b.granted = l.value(2).toBool();
            b.application = l.value(3).toString();
            b.user = l.value(4).toString();
            b.state = l.value(5).toString();
            b.transactionSeconds = l.value(6).toLongLong();
            b.query = l.value(7).toString();
            out.blockers.append(b);
        }
    }
    return out;
}

} // namespace retort::risk
