#pragma once

#include "graph/revisiongraph.h"
#include "result.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

namespace retort {

// One change to the version table, as alembic's HeadMaintainer makes it.
struct VersionRowOp {
    enum class Kind { Insert, Delete, Update };
    Kind kind = Kind::Update;
    QString from;  // Delete, Update
    QString to;    // Insert, Update
};

// One step of a run: a revision's upgrade() or downgrade(), or a stamp.
struct MigrationStep {
    enum class Kind { Upgrade, Downgrade, Stamp };
    Kind kind = Kind::Upgrade;
    int revision = -1;         // Upgrade/Downgrade: the revision whose function runs
    QStringList from;          // from_revisions_no_deps
    QStringList to;            // to_revisions_no_deps
    bool stampIsUpgrade = true;
    QStringList headsBefore;   // version rows before the step
    QStringList headsAfter;    // version rows after the step
    QVector<VersionRowOp> rowOps;

    // alembic's MigrationStep.short_log: "upgrade a, b -> c", "stamp_revision  -> x"
    QString shortLog() const;
};

// Plans upgrades, downgrades and stamps from a set of current heads, with
// alembic's ordering and version-row bookkeeping. Errors carry alembic's
// CLI text.
class MigrationPlanner {
public:
    explicit MigrationPlanner(const RevisionGraph &graph) : m_graph(graph) {}

    Result<QVector<MigrationStep>> upgrade(const QStringList &currentHeads, const QString &destination) const;
    Result<QVector<MigrationStep>> downgrade(const QStringList &currentHeads, const QString &destination) const;
    // One revision's upgrade() or downgrade() alone, with its version-row
    // changes from currentHeads: undoes exactly that revision whatever else
    // is applied (a downgrade to its parent would also undo a sibling branch).
    Result<QVector<MigrationStep>> single(MigrationStep::Kind kind, const QStringList &currentHeads,
                                          int revision) const;
    Result<QVector<MigrationStep>> stamp(const QStringList &currentHeads, const QStringList &destinations,
                                         bool purge = false) const;

    // get_current_heads() in offline mode: "base" -> (), ids resolved in full.
    Result<QStringList> resolveStartingRevisions(const QStringList &starting) const;

private:
    // The steps of an upgrade or downgrade path, with their row operations.
    Result<QVector<MigrationStep>> revisionSteps(MigrationStep::Kind kind, const QStringList &currentHeads,
                                                 const Result<QVector<int>> &path) const;
    Error applyRowOps(MigrationStep &step, QStringList &heads) const;
    // The revisions of `revs` that are neither one of `heads` nor an
    // ancestor of one (through down_revision and depends_on).
    QStringList notBelow(const QStringList &revs, const QStringList &heads) const;

    const RevisionGraph &m_graph;
    // For notBelow(): each revision's place in parents-first order, and a
    // visit mark per revision, made on first use.
    mutable std::vector<int> m_position;
    mutable std::vector<int> m_seen;
    mutable int m_round = 0;
};

} // namespace retort
