#include "risk/lockmode.h"

#include <array>

namespace retort::risk {

namespace {

struct ModeNames {
    LockMode mode;
    const char *pgLocks;
    const char *sql;
};

constexpr std::array<ModeNames, 8> kNames{{
    {LockMode::AccessShare, "AccessShareLock", "ACCESS SHARE"},
    {LockMode::RowShare, "RowShareLock", "ROW SHARE"},
    {LockMode::RowExclusive, "RowExclusiveLock", "ROW EXCLUSIVE"},
    {LockMode::ShareUpdateExclusive, "ShareUpdateExclusiveLock", "SHARE UPDATE EXCLUSIVE"},
    {LockMode::Share, "ShareLock", "SHARE"},
    {LockMode::ShareRowExclusive, "ShareRowExclusiveLock", "SHARE ROW EXCLUSIVE"},
    {LockMode::Exclusive, "ExclusiveLock", "EXCLUSIVE"},
    {LockMode::AccessExclusive, "AccessExclusiveLock", "ACCESS EXCLUSIVE"},
}};

} // namespace

QString lockModeName(LockMode mode)
{
    for (const ModeNames &n : kNames)
        if (n.mode == mode)
            return QLatin1String(n.pgLocks);
    return {};
}

std::optional<LockMode> lockModeFromName(const QString &name)
{
    for (const ModeNames &n : kNames)
        if (name == QLatin1String(n.pgLocks))
            return n.mode;
    return std::nullopt;
}

std::optional<LockMode> lockModeFromSqlWords(const QString &words)
{
    const QString normal = words.simplified().toUpper();
    for (const ModeNames &n : kNames)
        if (normal == QLatin1String(n.sql))
            return n.mode;
    return std::nullopt;
}

QString lockModeSqlWords(LockMode mode)
{
    for (const ModeNames &n : kNames)
        if (n.mode == mode)
            return QLatin1String(n.sql);
    return {};
}

bool blocksWrites(LockMode mode)
{
    return mode >= LockMode::Share;
}

bool blocksReads(LockMode mode)
{
    return mode == LockMode::AccessExclusive;
}

} // namespace retort::risk
