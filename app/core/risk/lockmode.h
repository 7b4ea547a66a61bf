#pragma once

#include <QString>

#include <optional>

namespace retort::risk {

// PostgreSQL's table lock modes, weakest first, in the order of lock.h's
// numbering (AccessShareLock = 1 ... AccessExclusiveLock = 8). A later mode
// conflicts with everything an earlier one conflicts with, so "the strongest
// mode taken" is the largest.
enum class LockMode {
    None = 0,
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
};

// The name pg_locks.mode prints ("AccessExclusiveLock").
QString lockModeName(LockMode mode);
std::optional<LockMode> lockModeFromName(const QString &name);
// The mode LOCK TABLE ... IN <words> MODE names ("SHARE ROW EXCLUSIVE").
std::optional<LockMode> lockModeFromSqlWords(const QString &words);
// The SQL words of a mode, for messages ("ACCESS EXCLUSIVE").
QString lockModeSqlWords(LockMode mode);
// Whether the mode stops INSERT/UPDATE/DELETE (conflicts with RowExclusiveLock).
bool blocksWrites(LockMode mode);
// Whether the mode stops plain SELECTs (conflicts with AccessShareLock).
bool blocksReads(LockMode mode);

} // namespace retort::risk
