#pragma once

#include "error.h"
#include "exec/plannedstatements.h"
#include "risk/allowcomments.h"
#include "risk/schemacatalog.h"
#include "risk/statementrisk.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace retort::risk {

// One SQL statement of a plan with what it does.
struct StatementReport {
    int statement = -1;   // index in the plan's PlannedStatements
    int step = -1;        // index in the plan's steps; -1 for run-level statements
    QString revision;     // the revision whose function sent it; empty for the version table's CREATE and stamps
    bool upgrade = true;
    // 1-based among the revision's statements (body, then version rows), as
    // the run view's "statement N/M" counts them
    int number = 0;
    QString sql;
    QString file;
    int line = 0;
    bool inTransaction = true;  // false inside an autocommit block
    StatementRisk risk;
};

// How long a lock is held: from the statement that takes a relation's
// strongest mode to the COMMIT that ends its transaction.
struct LockSpan {
    QString relation;
    LockMode mode = LockMode::None;
    int from = -1;  // index into PlanRisk::statements
    int to = -1;    // the last statement before the COMMIT
    int statements = 0;  // statements run while it is held, the first included
    int revisions = 0;   // distinct revisions those statements belong to
    bool autocommit = false;  // a statement of an autocommit block: held for that statement only
};

struct PlanRisk {
    QVector<StatementReport> statements;
    QVector<LockSpan> spans;
    // The revision files' `# retort:` comments that could not be honoured.
    QVector<Error> allowProblems;
    // "AccessExclusiveLock on users from revision 3a1f statement 2 to revision 9f0c COMMIT (14 statements, 3 revisions)"
    QString describe(const LockSpan &span) const;
    int countAtLeast(Severity severity, bool includeAllowed = false) const;
    // The strongest mode the plan takes on each relation, by relation.
    QVector<RelationLock> strongestLocks() const;
    // The longest-held span of each relation's strongest mode.
    QVector<LockSpan> strongestSpans() const;
};

struct PlanRiskOptions {
    // lock_timeout is set for the run (--lock-timeout, or by env.py/the role)
    bool lockTimeoutSet = false;
    // The rules each revision's file opts out of, and the comments that could not be read.
    PlanAllowComments allowed;
};

// Every statement of `statements` (as statementsFor() lays them out) read in
// order by the lock model, the transaction layout's spans, and the rules
// that depend on it (CONCURRENTLY or ADD VALUE inside a transaction, DDL
// without lock_timeout). `catalog` holds what is known of the database
// before the plan (empty for a plan read offline).
PlanRisk analyzePlan(const QVector<PlannedStep> &steps, const QVector<PlannedStatement> &statements,
                     SchemaCatalog catalog = SchemaCatalog(), const PlanRiskOptions &options = PlanRiskOptions());

} // namespace retort::risk
