#include "graph/dbstate.h"

#include "graph/revisiongraph.h"

namespace retort {

DatabaseGraphState DatabaseGraphState::compute(const RevisionGraph &graph, const QStringList &rows)
{
    // alembic's get_all_current(rows), as placeOnGraph() computes it, in
    // linear time (placeOnGraph walks every revision's descendants, which is
    // quadratic on a long history): the set S of the rows and their ancestors
    // through down_revision and depends_on is closed under ancestors, so a
    // revision has a descendant in S exactly when one of its children does.
    DatabaseGraphState s;
    s.rows = rows;
    s.perNode.assign(size_t(graph.size()), RevisionDbState::Pending);
    QVector<int> known;
    for (const QString &row : rows) {
        const int i = graph.indexOf(row);
        if (i < 0) {
            if (!s.unknown.contains(row))
                s.unknown << row;
        } else if (!known.contains(i)) {
            known << i;
        }
    }

    // S: applied means what alembic would not run again.
    std::vector<int> reach;
    std::vector<int> stack(known.cbegin(), known.cend());
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        if (s.perNode[size_t(n)] != RevisionDbState::Pending)
            continue;
        s.perNode[size_t(n)] = RevisionDbState::Applied;
        reach.push_back(n);
        // allDown: down_revision and every depends_on (those normalisation drops are ancestors anyway)
        for (int down : graph.node(n).allDown)
            stack.push_back(down);
    }
    auto isBranchHead = [&](int n) {
        for (int child : graph.node(n).nextrev) {
            if (s.perNode[size_t(child)] != RevisionDbState::Pending)
                return false;
        }
        return true;
    };
    // The rows first, in the database's order, then what only depends_on reaches.
    for (int n : std::as_const(known)) {
        if (isBranchHead(n) && !s.current.contains(n))
            s.current << n;
    }
    for (int n : reach) {
        if (isBranchHead(n) && !s.current.contains(n))
            s.current << n;
    }
    for (int n : std::as_const(s.current))
        s.perNode[size_t(n)] = RevisionDbState::Current;
    for (RevisionDbState state : s.perNode)
        s.appliedCount += state != RevisionDbState::Pending;
    s.pendingCount = graph.size() - s.appliedCount;
    return s;
}

} // namespace retort
