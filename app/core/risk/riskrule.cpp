#include "risk/riskrule.h"

namespace retort::risk {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return {};
}

const QVector<RiskRule> &riskRules()
{
    using S = Severity;
    static const QVector<RiskRule> all{
        {rules::IndexWithoutConcurrently, S::Warning,
         QStringLiteral("CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table until the transaction "
                        "ends, so every INSERT, UPDATE and DELETE waits while the index is built."),
         QStringLiteral("create it with postgresql_concurrently=True inside op.get_context().autocommit_block()"),
         QStringLiteral("8.2")},
        {rules::DropIndexWithoutConcurrently, S::Warning,
         QStringLiteral("DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table, "
                        "blocking even reads until the transaction ends."),
         QStringLiteral("drop it with postgresql_concurrently=True inside op.get_context().autocommit_block()"),
         QStringLiteral("9.2")},
        {rules::ConcurrentlyInTransaction, S::Error,
         QStringLiteral("CREATE INDEX, DROP INDEX and REINDEX with CONCURRENTLY cannot run inside a transaction "
                        "block: PostgreSQL refuses them and the migration fails."),
         QStringLiteral("run it inside op.get_context().autocommit_block()"), QStringLiteral("8.2")},
        {rules::RefusedInTransaction, S::Error,
         QStringLiteral("VACUUM, CLUSTER without a table, REINDEX SCHEMA/DATABASE/SYSTEM, CREATE or DROP DATABASE or "
                        "TABLESPACE and ALTER SYSTEM cannot run inside a transaction block: PostgreSQL refuses them "
                        "and the migration fails."),
         QStringLiteral("run it inside op.get_context().autocommit_block()"), QStringLiteral("8.0")},
        {rules::ConstraintWithoutNotValid, S::Warning,
         QStringLiteral("Adding a FOREIGN KEY or CHECK constraint checks every existing row while holding its lock "
                        "(SHARE ROW EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check)."),
         QStringLiteral("add it NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later transaction "
                        "(SHARE UPDATE EXCLUSIVE only)"),
         QStringLiteral("9.2")},
        {rules::SetNotNullScan, S::Warning,
         QStringLiteral("SET NOT NULL reads the whole table to prove there is no NULL while holding an ACCESS "
                        "EXCLUSIVE lock."),
         QStringLiteral("add CHECK (column IS NOT NULL) NOT VALID, VALIDATE it in a later transaction, then SET NOT "
                        "NULL, which then skips the scan"),
         QStringLiteral("12")},
        {rules::AlterColumnTypeRewrite, S::Error,
         QStringLiteral("This type change is not binary-coercible: PostgreSQL rewrites the table and rebuilds its "
                        "indexes under an ACCESS EXCLUSIVE lock."),
         QStringLiteral("add a new column of the new type, backfill it in batches, then switch the application "
                        "and drop the old column"),
         QStringLiteral("9.2")},
        {rules::AddColumnVolatileDefault, S::Error,
         QStringLiteral("A column added with a volatile default (or a serial, identity or stored generated column) "
                        "makes PostgreSQL rewrite the whole table under an ACCESS EXCLUSIVE lock."),
         QStringLiteral("add the column without a default (or with a constant one), then fill it in batches"),
         QStringLiteral("11")},
        {rules::AddColumnNotNullWithoutDefault, S::Warning,
         QStringLiteral("A NOT NULL column without a default cannot be added to a table that has rows: the "
                        "statement fails."),
         QStringLiteral("add it with a server default, or nullable, backfill it, then SET NOT NULL"),
         QStringLiteral("8.0")},
        {rules::UniqueWithoutIndex, S::Warning,
         QStringLiteral("Adding a UNIQUE or PRIMARY KEY constraint builds its index while holding an ACCESS "
                        "EXCLUSIVE lock on the table."),
         QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE (or PRIMARY KEY) "
                        "USING INDEX"),
         QStringLiteral("9.1")},
        {rules::RenameTable, S::Warning,
         QStringLiteral("Application code still running with the old table name fails as soon as the rename "
                        "commits."),
         QStringLiteral("deploy code that no longer uses the old name first, or leave a view under the old name "
                        "for one release"),
         QStringLiteral("8.0")},
        {rules::RenameColumn, S::Warning,
         QStringLiteral("Application code still running with the old column name fails as soon as the rename "
                        "commits."),
         QStringLiteral("add the new column, write both, switch reads, then drop the old one in a later release"),
         QStringLiteral("8.0")},
        {rules::DropTable, S::Warning,
         QStringLiteral("The table's data is gone and code that still uses it fails; the drop holds an ACCESS "
                        "EXCLUSIVE lock on it and on the tables its foreign keys reference."),
         QStringLiteral("stop using the table in a deployed release first, and keep a backup"),
         QStringLiteral("8.0")},
        {rules::DropColumn, S::Warning,
         QStringLiteral("The column's data is gone and code that still reads or writes it fails."),
         QStringLiteral("stop using the column in a deployed release first (SQLAlchemy: deferred or removed from "
                        "the model), then drop it"),
         QStringLiteral("8.0")},
        {rules::EnumAddValueInTransaction, S::Warning,
         QStringLiteral("ALTER TYPE ... ADD VALUE inside a transaction fails before PostgreSQL 12, and from 12 on "
                        "the new value cannot be used until the transaction commits."),
         QStringLiteral("run it inside op.get_context().autocommit_block()"), QStringLiteral("12")},
        {rules::TableRewrite, S::Warning,
         QStringLiteral("VACUUM FULL, CLUSTER and REFRESH MATERIALIZED VIEW rewrite the relation under an ACCESS "
                        "EXCLUSIVE lock that blocks even reads until they finish."),
         QStringLiteral("use REFRESH MATERIALIZED VIEW CONCURRENTLY (with a unique index), or pg_repack for "
                        "tables"),
         QStringLiteral("9.4")},
        {rules::MissingLockTimeout, S::Warning,
         QStringLiteral("A statement that must wait for a strong lock without lock_timeout queues every later "
                        "query on the table behind it for as long as it waits."),
         QStringLiteral("SET lock_timeout (e.g. '2s') before the DDL, or run with --lock-timeout, and retry on "
                        "timeout"),
         QStringLiteral("9.3")},
        {rules::NotUnderstood, S::Info,
         QStringLiteral("Retort does not know what this statement locks, so it is not counted in the plan's "
                        "locks."),
         QStringLiteral("review its locks by hand"), QStringLiteral("8.0")},
    };
    return all;
}

const RiskRule *findRule(const QString &id)
{
    for (const RiskRule &r : riskRules())
        if (r.id == id)
            return &r;
    return nullptr;
}

} // namespace retort::risk
