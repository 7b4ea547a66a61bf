#include "lanelayout.h"

#include "graph/revisiongraph.h"

#include <algorithm>
#include <cstdint>

namespace retort {

namespace {

// An open line heading down to `target`, which is drawn in a later row.
struct Slot {
    int target = -1;  // graph index; -1 = the lane is free
    GraphEdge::Type type = GraphEdge::Type::Parent;
};

GraphEdge edge(int from, int to, GraphEdge::Type type, GraphEdge::Part part)
{
    GraphEdge e;
    e.fromLane = std::int16_t(from);
    e.toLane = std::int16_t(to);
    e.type = type;
    e.part = part;
    return e;
}

} // namespace

int LaneLayout::rowOf(int node) const
{
    return node >= 0 && size_t(node) < m_rowOfNode.size() ? m_rowOfNode[size_t(node)] : -1;
}

LaneLayout LaneLayout::compute(const RevisionGraph &graph, const QVector<int> &rows)
{
    LaneLayout out;
    const int nodeCount = graph.size();
    out.m_rowOfNode.assign(size_t(nodeCount), -1);
    for (int r = 0; r < rows.size(); ++r) {
        const int n = rows[r];
        if (n >= 0 && n < nodeCount && out.m_rowOfNode[size_t(n)] < 0)
            out.m_rowOfNode[size_t(n)] = r;
    }
    out.m_rows.reserve(size_t(rows.size()));
    out.m_edges.reserve(size_t(rows.size()) * 3);

    std::vector<Slot> lanes;
    // The lane already heading to a node, per link type: lines to the same
    // parent join instead of running side by side, so each node has at most
    // one incoming line of each type.
    std::vector<int> parentLane(size_t(nodeCount), -1);
    std::vector<int> dependsLane(size_t(nodeCount), -1);
    // Links of each type that reach a node as a BrokenIn stub (bit per type).
    std::vector<std::uint8_t> brokenIn(size_t(nodeCount), 0);
    auto typeBit = [](GraphEdge::Type type) { return std::uint8_t(type == GraphEdge::Type::Parent ? 1 : 2); };
    auto laneOf = [&](GraphEdge::Type type) -> std::vector<int> & {
        return type == GraphEdge::Type::Parent ? parentLane : dependsLane;
    };
    auto firstFree = [&]() {
        for (size_t i = 0; i < lanes.size(); ++i) {
            if (lanes[i].target < 0)
                return int(i);
        }
        lanes.push_back(Slot{});
        return int(lanes.size()) - 1;
    };

    for (int r = 0; r < rows.size(); ++r) {
        const int n = rows[r];
        Row row;
        row.node = n;
        row.edgeBegin = int(out.m_edges.size());
        if (n < 0 || n >= nodeCount || out.m_rowOfNode[size_t(n)] != r) {
            // Not a drawable revision (out of range or listed twice): a row
            // of pass-through lines only.
            row.node = -1;
            for (size_t i = 0; i < lanes.size(); ++i) {
                if (lanes[i].target >= 0)
                    out.m_edges.push_back(edge(int(i), int(i), lanes[i].type, GraphEdge::Part::Through));
            }
            row.lane = 0;
            row.width = std::max(1, int(lanes.size()));
            row.edgeCount = int(out.m_edges.size()) - row.edgeBegin;
            out.m_maxWidth = std::max(out.m_maxWidth, row.width);
            out.m_rows.push_back(row);
            continue;
        }

        // The node sits on its incoming parent line, else on its depends_on
        // line, else (a head) on the leftmost free lane.
        const int inParent = parentLane[size_t(n)];
        const int inDepends = dependsLane[size_t(n)];
        row.lane = inParent >= 0 ? inParent : inDepends >= 0 ? inDepends : firstFree();
        int width = row.lane + 1;

        // Upper half: lines ending here, and every other open line passing by.
        for (size_t i = 0; i < lanes.size(); ++i) {
            const Slot &s = lanes[i];
            if (s.target < 0)
                continue;
            const auto part = s.target == n ? GraphEdge::Part::In : GraphEdge::Part::Through;
            out.m_edges.push_back(edge(int(i), part == GraphEdge::Part::In ? row.lane : int(i), s.type, part));
            width = std::max(width, int(i) + 1);
        }
        for (auto type : {GraphEdge::Type::DependsOn, GraphEdge::Type::Parent}) {
            if (brokenIn[size_t(n)] & typeBit(type))
                out.m_edges.push_back(edge(row.lane, row.lane, type, GraphEdge::Part::BrokenIn));
        }
        for (int in : {inParent, inDepends}) {
            if (in >= 0)
                lanes[size_t(in)] = Slot{};
        }
        parentLane[size_t(n)] = -1;
        dependsLane[size_t(n)] = -1;

        // Lower half: one line per parent, then per depends_on target. The
        // first new line continues straight down the node's own lane.
        const RevisionNode &node = graph.node(n);
        auto link = [&](int target, GraphEdge::Type type) {
            const int targetRow = out.rowOf(target);
            if (targetRow <= r) {
                ++out.m_skipped;
                return;
            }
            std::vector<int> &open = laneOf(type);
            int lane = open[size_t(target)];
            if (lane < 0) {
                lane = lanes[size_t(row.lane)].target < 0 ? row.lane : firstFree();
                // The lane past the cap takes a link to the very next row
                // (it crosses one row boundary and no row), so a chain of
                // revisions is still drawn joined while long lines fill the rest.
                const bool nextRow = lane == kMaxLanes && targetRow == r + 1;
                if (lane >= kMaxLanes && !nextRow) {
                    out.m_edges.push_back(edge(row.lane, row.lane, type, GraphEdge::Part::BrokenOut));
                    brokenIn[size_t(target)] |= typeBit(type);
                    ++out.m_broken;
                    return;
                }
                lanes[size_t(lane)] = Slot{target, type};
                open[size_t(target)] = lane;
            }
            out.m_edges.push_back(edge(row.lane, lane, type, GraphEdge::Part::Out));
            width = std::max(width, lane + 1);
        };
        if (size_t(row.lane) >= lanes.size())
            lanes.resize(size_t(row.lane) + 1);
        for (int p : node.versionedDown)
            link(p, GraphEdge::Type::Parent);
        for (int d : node.resolvedDeps) {
            if (!node.versionedDown.contains(d))
                link(d, GraphEdge::Type::DependsOn);
        }

        while (!lanes.empty() && lanes.back().target < 0)
            lanes.pop_back();
        row.width = width;
        row.edgeCount = int(out.m_edges.size()) - row.edgeBegin;
        out.m_maxWidth = std::max(out.m_maxWidth, row.width);
        out.m_rows.push_back(row);
    }
    return out;
}

} // namespace retort
