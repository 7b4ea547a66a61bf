#include "exec/plannedstatements.h"

#include "render/offlinescript.h"
#include "render/sqlquoting.h"

namespace retort {

namespace {

OfflineScript versionScript(const VersionTable &table, bool pk)
{
    OfflineOptions o;
    o.versionTable = table.name;
    o.versionTableSchema = table.schema;
    o.versionTablePk = pk;
    return OfflineScript(o);
}

} // namespace

QVector<PlannedStatement> statementsFor(const QVector<PlannedStep> &steps, bool versionTableExists,
                                        const VersionTable &table, bool versionTablePk, bool transactionPerMigration,
                                        bool purge)
{
    using K = PlannedStatement::Kind;
    // version ids are literals of an online run too: a backslash or a quote
    // in one must reach the row as alembic's bound parameter does
    const sql::OnlineLiterals online(true);
    const OfflineScript script = versionScript(table, versionTablePk);
    QVector<PlannedStatement> out;
    auto add = [&out](K kind, int step, QString sql, int line = 0, int rowOp = -1) {
        out.append(PlannedStatement{kind, step, std::move(sql), line, rowOp});
    };
    if (!transactionPerMigration)
        add(K::Begin, -1, QStringLiteral("BEGIN"));
    // alembic's _ensure_version_table(checkfirst=True), before the steps; it
    // never drops the table online, not even at base.
    if (!versionTableExists)
        add(K::CreateVersionTable, -1, script.createVersionTable());
    if (purge)
        add(K::Purge, -1, QStringLiteral("DELETE FROM ") + table.qualifiedSql());
    for (int i = 0; i < steps.size(); ++i) {
        const PlannedStep &s = steps[i];
        if (transactionPerMigration)
            add(K::Begin, i, QStringLiteral("BEGIN"));
        add(K::StepStart, i, s.step.shortLog());
        for (const SqlStatement &st : s.sql.body) {
            switch (st.kind) {
            case SqlStatement::Kind::Sql:
                add(K::Body, i, st.sql, st.line);
                break;
            case SqlStatement::Kind::EnterAutocommit:
                add(K::EnterAutocommit, i, QString(), st.line);
                break;
            case SqlStatement::Kind::LeaveAutocommit:
                add(K::LeaveAutocommit, i, QString(), st.line);
                break;
            case SqlStatement::Kind::Text:  // printed by alembic when it runs the step
                break;
            }
        }
        if (s.sql.raised)
            return out;  // alembic fails at the raise: no version row, no COMMIT (never run)
        for (int r = 0; r < s.step.rowOps.size(); ++r)
            add(K::VersionRow, i, script.rowStatement(s.step.rowOps[r]), 0, r);
        if (transactionPerMigration)
            add(K::Commit, i, QStringLiteral("COMMIT"));
    }
    if (!transactionPerMigration)
        add(K::Commit, -1, QStringLiteral("COMMIT"));
    return out;
}

QString scriptText(const QVector<PlannedStatement> &statements)
{
    QString out;
    for (const PlannedStatement &s : statements) {
        switch (s.kind) {
        case PlannedStatement::Kind::StepStart:
            out += QStringLiteral("-- Running ") + s.sql + QStringLiteral("\n\n");
            break;
        case PlannedStatement::Kind::EnterAutocommit:
            out += QStringLiteral("COMMIT;\n\n-- autocommit block\n\n");
            break;
        case PlannedStatement::Kind::LeaveAutocommit:
            out += QStringLiteral("-- end of autocommit block\n\nBEGIN;\n\n");
            break;
        default:
            out += s.sql + QStringLiteral(";\n\n");
            break;
        }
    }
    return out;
}

const StepRaise *planRaise(const QVector<PlannedStep> &steps)
{
    for (const PlannedStep &s : steps)
        if (s.sql.raised)
            return &*s.sql.raised;
    return nullptr;
}

} // namespace retort
