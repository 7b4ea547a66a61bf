#include "graph/dbstate.h"

#include "db/versionstate.h"
#include "graph/revisiongraph.h"

namespace retort {

DatabaseGraphState DatabaseGraphState::compute(const RevisionGraph &graph, const QStringList &rows)
{
    DatabaseGraphState s;
    s.rows = rows;
    const CurrentRevisions placed = placeOnGraph(graph, rows);
    s.current = placed.revisions;
    s.unknown = placed.unknown;
    s.perNode.assign(size_t(graph.size()), RevisionDbState::Pending);

    // Every ancestor through down_revision and depends_on, each visited once.
    std::vector<int> stack(s.current.cbegin(), s.current.cend());
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        if (s.perNode[size_t(n)] != RevisionDbState::Pending)
            continue;
        s.perNode[size_t(n)] = RevisionDbState::Applied;
        for (int down : graph.node(n).allDown)
            stack.push_back(down);
    }
    for (int n : std::as_const(s.current))
        s.perNode[size_t(n)] = RevisionDbState::Current;
    for (RevisionDbState state : s.perNode)
        s.appliedCount += state != RevisionDbState::Pending;
    s.pendingCount = graph.size() - s.appliedCount;
    return s;
}

} // namespace retort
