#include "render/offlinescript.h"

#include "render/sqlquoting.h"

#include <utility>

namespace retort {

OfflineScript::OfflineScript(OfflineOptions options) : m_options(std::move(options))
{
    m_table = sql::qualifiedTable(m_options.versionTableSchema, m_options.versionTable);
    m_column = m_table + QLatin1String(".version_num");
}

void OfflineScript::chunk(QString &out, const QString &text)
{
    // alembic's impl.static_output(): the text and a blank line
    out += text;
    out += QLatin1String("\n\n");
}

QString OfflineScript::createVersionTable() const
{
    QString s = QLatin1String("CREATE TABLE ") + m_table + QLatin1String(" (\n    version_num VARCHAR(32) NOT NULL");
    if (m_options.versionTablePk) {
        // SQLAlchemy ends every element but the last with ", " and a newline
        s += QLatin1String(", \n    CONSTRAINT ")
             + sql::quoteIdentifier(m_options.versionTable + QLatin1String("_pkc"))
             + QLatin1String(" PRIMARY KEY (version_num)");
    }
    s += QLatin1String("\n)");
    return s;
}

QString OfflineScript::dropVersionTable() const
{
    return QLatin1String("DROP TABLE ") + m_table;
}

namespace {

// A revision id in a version-row statement. Offline exactly as alembic
// writes it (literal_column("'%s'" % id): nothing escaped, so its script
// breaks on a quote just as alembic's does); online like any literal, so the
// row holds the id exactly whatever standard_conforming_strings says.
QString versionLiteral(const QString &id)
{
    if (sql::OnlineLiterals::active())
        return sql::stringLiteral(id);
    return QLatin1Char('\'') + id + QLatin1Char('\'');
}

} // namespace

QString OfflineScript::rowStatement(const VersionRowOp &op) const
{
    switch (op.kind) {
    case VersionRowOp::Kind::Insert:
        // SQLAlchemy returns a table's primary key: without one, nothing
        return QLatin1String("INSERT INTO ") + m_table + QLatin1String(" (version_num) VALUES (")
               + versionLiteral(op.to) + QLatin1Char(')')
               + (m_options.versionTablePk ? QLatin1String(" RETURNING ") + m_column : QString());
    case VersionRowOp::Kind::Delete:
        return QLatin1String("DELETE FROM ") + m_table + QLatin1String(" WHERE ") + m_column
               + QLatin1String(" = ") + versionLiteral(op.from);
    case VersionRowOp::Kind::Update:
        break;
    }
    return QLatin1String("UPDATE ") + m_table + QLatin1String(" SET version_num=") + versionLiteral(op.to)
           + QLatin1String(" WHERE ") + m_column + QLatin1String(" = ") + versionLiteral(op.from);
}

QString OfflineScript::bodyChunk(const SqlStatement &statement)
{
    switch (statement.kind) {
    case SqlStatement::Kind::EnterAutocommit:
        return QStringLiteral("COMMIT;");
    case SqlStatement::Kind::LeaveAutocommit:
        return QStringLiteral("BEGIN;");
    case SqlStatement::Kind::Sql:
    case SqlStatement::Kind::Text:
        break;
    }
    return statement.sql + QLatin1Char(';');
}

QString OfflineScript::render(const QVector<MigrationStep> &steps, const QVector<StepBody> &bodies,
                              const QStringList &startHeads, const OfflineFrame &frame) const
{
    const bool perStep = m_options.transactionPerMigration;
    QString out = frame.head;
    if (!perStep)
        chunk(out, QStringLiteral("BEGIN;"));
    out += frame.start;
    bool noHeads = startHeads.isEmpty();
    for (int i = 0; i < steps.size(); ++i) {
        const MigrationStep &step = steps[i];
        if (perStep)
            chunk(out, QStringLiteral("BEGIN;"));
        if (noHeads)
            chunk(out, createVersionTable() + QLatin1Char(';'));
        chunk(out, QLatin1String("-- Running ") + step.shortLog());
        if (i < bodies.size())
            for (const SqlStatement &statement : bodies[i]) {
                if (statement.kind == SqlStatement::Kind::Text)
                    out += statement.sql;  // print() output, as alembic's stdout has it
                else
                    chunk(out, bodyChunk(statement));
            }
        for (const VersionRowOp &op : step.rowOps)
            chunk(out, rowStatement(op) + QLatin1Char(';'));
        noHeads = step.headsAfter.isEmpty();
        if (perStep)
            chunk(out, QStringLiteral("COMMIT;"));
    }
    if (noHeads)
        chunk(out, dropVersionTable() + QLatin1Char(';'));
    out += frame.end;
    if (!perStep)
        chunk(out, QStringLiteral("COMMIT;"));
    out += frame.tail;
    return out;
}

} // namespace retort
