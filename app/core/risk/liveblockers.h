#pragma once

#include "result.h"
#include "risk/statementrisk.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace retort::risk {

// A planned lock's table as it is now on the server.
struct LiveRelation {
    QString relation;
    LockMode mode = LockMode::None;  // the strongest mode the plan takes
    bool exists = false;
    qint64 totalBytes = 0;      // pg_total_relation_size: heap, indexes, toast
    double estimatedRows = -1;  // pg_class.reltuples; -1 when never analysed
};

// Another session with a lock on a planned relation that conflicts with the
// planned mode: the plan waits behind it if it holds the lock, or it queues
// behind the plan if it waits for one.
struct LiveBlocker {
    QString relation;
    LockMode planned = LockMode::None;
    int pid = 0;
    QString mode;   // the other session's lock mode, as pg_locks names it
    bool granted = true;
    QString application;
    QString user;
    QString state;
    qint64 transactionSeconds = -1;  // since its transaction began; -1 outside one
    QString query;

    // "will wait behind pid 4242 (pg_dump, user backup, idle in transaction, 12 min): AccessShareLock on users"
    QString describe() const;
};

struct LiveRisk {
    QVector<LiveRelation> relations;
    QVector<LiveBlocker> blockers;
};

// Whether two lock modes conflict (PostgreSQL's table of conflicting modes).
bool lockModesConflict(LockMode a, LockMode b);

// Reads, with read-only queries on `db`, the size of each planned relation
// and the sessions that hold or wait for a conflicting lock on it now.
Result<LiveRisk> readLiveRisk(const QSqlDatabase &db, const QVector<RelationLock> &planned);

} // namespace retort::risk
