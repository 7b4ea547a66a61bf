#pragma once

#include <QVector>

#include <cstdint>
#include <vector>

namespace retort {

class RevisionGraph;

// One line segment a history row draws. Lanes are columns, 0 = leftmost.
struct GraphEdge {
    enum class Type : std::uint8_t {
        Parent,     // a down_revision link
        DependsOn,  // a depends_on link (drawn distinctly)
    };
    enum class Part : std::uint8_t {
        Through,  // a line of another revision passing this row: top -> bottom
        In,       // from the top of the row at fromLane into this row's node at toLane
        Out,      // from this row's node at fromLane to the bottom of the row at toLane
        // A link that found no lane among the first kMaxLanes: a short stub
        // with an arrowhead below the child's node (BrokenOut) and one above
        // the parent's (BrokenIn), nothing in the rows between.
        BrokenOut,
        BrokenIn,
    };
    std::int16_t fromLane = 0;
    std::int16_t toLane = 0;
    Type type = Type::Parent;
    Part part = Part::Through;

    bool operator==(const GraphEdge &o) const
    {
        return fromLane == o.fromLane && toLane == o.toLane && type == o.type && part == o.part;
    }
};

// Lanes of a git-like history graph, computed once for a given row order
// (newest first): per row the lane of its revision and the segments to draw.
// A row's Out edge at lane L is followed by Through edges at L in the rows
// below it, until an In edge at L reaches the parent's node. At most
// kMaxLanes lanes carry lines (hundreds of heads listed above their parents
// would open one lane each, for every row between), and one more carries
// links to the next row only: a link that would need another is drawn as a
// BrokenOut/BrokenIn pair, so no row is wider than kMaxLanes + 1 and the
// edges stay within rows x (kMaxLanes + links).
class LaneLayout {
public:
    static constexpr int kMaxLanes = 24;

    struct Row {
        int node = -1;       // RevisionGraph index
        int lane = 0;        // where the node is drawn
        int width = 1;       // lanes used by this row (max lane + 1)
        int edgeBegin = 0;   // into edges()
        int edgeCount = 0;
    };

    // rows: graph indices, newest first; every edge must point to a later
    // row (a parent drawn above its child is skipped and counted).
    static LaneLayout compute(const RevisionGraph &graph, const QVector<int> &rows);

    int rowCount() const { return int(m_rows.size()); }
    const Row &row(int r) const { return m_rows[size_t(r)]; }
    const GraphEdge *edgesBegin(int r) const { return m_edges.data() + m_rows[size_t(r)].edgeBegin; }
    const GraphEdge *edgesEnd(int r) const { return edgesBegin(r) + m_rows[size_t(r)].edgeCount; }
    const std::vector<GraphEdge> &edges() const { return m_edges; }
    // The widest row, in lanes.
    int maxWidth() const { return m_maxWidth; }
    // Row of a graph index, -1 when it is not in the layout.
    int rowOf(int node) const;
    // Links that could not be drawn downwards (parent above its child, or absent).
    int skippedEdges() const { return m_skipped; }
    // Links drawn as a BrokenOut/BrokenIn pair.
    int brokenEdges() const { return m_broken; }

private:
    std::vector<Row> m_rows;
    std::vector<GraphEdge> m_edges;
    std::vector<int> m_rowOfNode;
    int m_maxWidth = 0;
    int m_skipped = 0;
    int m_broken = 0;
};

} // namespace retort
