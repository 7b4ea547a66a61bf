#pragma once

#include "risk/lockmode.h"
#include "risk/riskrule.h"
#include "risk/schemacatalog.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

namespace retort::risk {

struct RelationLock {
    QString relation;  // regclass text
    LockMode mode = LockMode::None;
    bool operator==(const RelationLock &o) const { return relation == o.relation && mode == o.mode; }
};

struct Finding {
    QString rule;
    Severity severity = Severity::Warning;
    QString message;
    QString allowedBecause;  // set when a `# retort: allow RULE reason` comment opts out

    // A finding of `rule` with the rule's severity.
    static Finding of(const QString &rule, const QString &message);
};

// What one statement does to the database it runs on.
struct StatementRisk {
    // Relations that exist before the statement (tables, views, materialized
    // views; an index's or sequence's lock is left out), each with the
    // strongest mode the statement takes, sorted by relation.
    QVector<RelationLock> locks;
    bool rewrite = false;        // a relation gets new storage (relfilenode)
    bool scan = false;           // every row of an existing table is read
    bool transactional = true;   // may run inside a transaction block
    bool concurrently = false;   // CREATE/DROP INDEX or REINDEX CONCURRENTLY (not transactional either)
    bool understood = true;      // false: the model does not know this statement
    bool setsLockTimeout = false;  // SET [LOCAL] lock_timeout to a non-zero value
    bool addsEnumValue = false;  // ALTER TYPE ... ADD VALUE
    // The strongest mode on a relation that was not created empty earlier in
    // the plan: what other sessions can be waiting for.
    LockMode strongestOnExisting = LockMode::None;
    QVector<Finding> findings;

    LockMode strongest() const;
};

// Reads statements in the order they run and predicts, for each, what it
// locks, rewrites and scans on PostgreSQL 15, updating `catalog` as the
// statement would change the database.
class StatementAnalyzer {
public:
    explicit StatementAnalyzer(SchemaCatalog &catalog) : m_catalog(catalog) {}
    // One statement as Retort sends it, without its ';'; a text holding
    // several (op.execute("a; b")) gives the prediction for all of them.
    StatementRisk analyze(const QString &sql);

private:
    SchemaCatalog &m_catalog;
};

// The work on one statement, shared by the statement kinds' readers.
class StatementWork {
public:
    explicit StatementWork(SchemaCatalog &catalog) : catalog(catalog) {}
    void lock(const QString &relation, LockMode mode);
    void created(const QString &relation) { m_created.insert(relation); }
    void find(const QString &rule, const QString &message);
    void setConcurrently(bool yes)
    {
        risk.concurrently = yes;
        risk.transactional = !yes;
    }
    StatementRisk finish();
    bool isNew(const QString &relation) const;  // created in this plan (empty, unused)
    bool hasRows(const QString &relation) const;  // known to have rows, or not known to be empty

    SchemaCatalog &catalog;
    StatementRisk risk;

private:
    QHash<QString, LockMode> m_locks;
    QSet<QString> m_created;
};

} // namespace retort::risk
