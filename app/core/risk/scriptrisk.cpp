#include "risk/scriptrisk.h"

#include "render/sqllexer.h"

namespace retort::risk {

void addTransactionFindings(StatementRisk &risk, bool inTransaction)
{
    if (!inTransaction)
        return;
    if (!risk.transactional)
        risk.findings.append(Finding::of(
            risk.concurrently ? rules::ConcurrentlyInTransaction : rules::RefusedInTransaction,
            QStringLiteral("this statement runs inside the plan's transaction, where PostgreSQL refuses it")));
    if (risk.addsEnumValue)
        risk.findings.append(Finding::of(rules::EnumAddValueInTransaction,
                                         QStringLiteral("ALTER TYPE ... ADD VALUE runs inside the plan's transaction")));
}

QVector<ScriptStatementRisk> scriptRisks(const QString &script, bool startsInTransaction)
{
    QVector<ScriptStatementRisk> out;
    SchemaCatalog catalog;
    StatementAnalyzer analyzer(catalog);
    bool inTransaction = startsInTransaction;
    for (const sql::TokenizedStatement &st : sql::tokenizeStatements(script)) {
        const sql::Token &first = st.tokens.front();
        if (st.tokens.size() == 1 && (first.isWord("BEGIN") || first.isWord("COMMIT"))) {
            inTransaction = first.isWord("BEGIN");
            continue;
        }
        ScriptStatementRisk r;
        r.offset = first.offset;
        r.line = 1 + int(QStringView(script).left(first.offset).count(QLatin1Char('\n')));
        r.risk = analyzer.analyze(script.mid(first.offset, st.end - first.offset));
        addTransactionFindings(r.risk, inTransaction);
        out.append(r);
    }
    return out;
}

QString describeStatementRisk(const StatementRisk &risk)
{
    QStringList parts;
    for (const RelationLock &l : risk.locks)
        parts << QStringLiteral("%1 on %2").arg(lockModeName(l.mode), l.relation);
    if (risk.rewrite)
        parts << QStringLiteral("rewrites the table");
    if (risk.scan)
        parts << QStringLiteral("reads every row");
    if (!risk.transactional)
        parts << QStringLiteral("cannot run in a transaction");
    QStringList lines;
    lines << (parts.isEmpty() ? QStringLiteral("no lock on an existing table") : parts.join(QStringLiteral("; ")));
    for (const Finding &f : risk.findings) {
        QString line = QStringLiteral("%1 [%2]: %3").arg(severityName(f.severity), f.rule, f.message);
        if (const RiskRule *r = findRule(f.rule))
            line += QStringLiteral("\n    instead: %1").arg(r->alternative);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace retort::risk
