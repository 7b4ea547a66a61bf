#pragma once

#include <QStringList>
#include <QVector>

#include <cstdint>
#include <vector>

namespace retort {

class RevisionGraph;

// Where one revision stands in one database.
enum class RevisionDbState : std::uint8_t {
    Pending,  // not applied: upgrading to it would run its upgrade()
    Applied,  // an ancestor (through down_revision or depends_on) of a current revision
    Current,  // the database's version table places it here
    Unknown,  // not read: no database, still reading, or the read failed
};

// A database's version rows laid over the graph, computed once when the rows
// are read, so views only look it up. Applied means what alembic would not
// run again: the current revisions (placeOnGraph, alembic's get_all_current)
// and all their ancestors, depends_on included.
struct DatabaseGraphState {
    QStringList rows;          // version_num values as read
    QVector<int> current;      // graph indices, placeOnGraph order
    QStringList unknown;       // rows naming no revision of the graph
    std::vector<RevisionDbState> perNode;  // by graph index; empty without a graph
    int appliedCount = 0;      // Applied + Current
    int pendingCount = 0;

    RevisionDbState state(int node) const
    {
        // Never a guess: without a read state for this graph nothing is known.
        return node >= 0 && size_t(node) < perNode.size() ? perNode[size_t(node)] : RevisionDbState::Unknown;
    }
    bool isBase() const { return rows.isEmpty(); }

    static DatabaseGraphState compute(const RevisionGraph &graph, const QStringList &rows);
};

} // namespace retort
