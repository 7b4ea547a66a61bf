#pragma once

#include "risk/statementrisk.h"

#include <QString>
#include <QVector>

namespace retort::risk {

// One statement of an SQL text with what the lock model says of it.
struct ScriptStatementRisk {
    int offset = 0;  // of its first token in the text (UTF-16)
    int line = 1;    // 1-based line of `offset`
    StatementRisk risk;
};

// The statements of a displayed script (a revision's body or a range's
// script), read in order by one lock model; BEGIN and COMMIT are the
// transaction layout (a body starts inside alembic's transaction), not
// statements of their own.
QVector<ScriptStatementRisk> scriptRisks(const QString &script, bool startsInTransaction = true);

// The findings that depend on where a statement runs: inside a
// transaction block or not.
void addTransactionFindings(StatementRisk &risk, bool inTransaction);

// "AccessExclusiveLock on users; rewrites; ..." and the findings, one per line, for a tooltip.
QString describeStatementRisk(const StatementRisk &risk);

} // namespace retort::risk
