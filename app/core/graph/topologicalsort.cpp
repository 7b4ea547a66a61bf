#include "topologicalsort.h"

#include "graph/revisionbits.h"
#include "graph/walkerror.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace retort {

using Rel = RevisionGraph::Relation;

namespace {

// Ancestor-or-self sets (through normalized down revisions) of every
// revision, one bit row each, built parents first. 12.5 MB for 10,000
// revisions; larger graphs fall back to walking on demand.
class AncestorTable {
public:
    static constexpr int kMaxRevisions = 20000;

    explicit AncestorTable(const RevisionGraph &g) : m_words(size_t((g.size() + 63) / 64))
    {
        m_bits.assign(size_t(g.size()) * m_words, 0);
        for (int x : g.parentsFirst(Rel::NormalizedDown)) {
            std::uint64_t *row = this->row(x);
            for (int d : g.node(x).normalizedDown) {
                const std::uint64_t *parent = this->row(d);
                for (size_t w = 0; w < m_words; ++w)
                    row[w] |= parent[w];
            }
            row[size_t(x) >> 6] |= 1ull << (x & 63);
        }
    }
    bool contains(int of, int r) const { return row(of)[size_t(r) >> 6] >> (r & 63) & 1; }

private:
    std::uint64_t *row(int i) { return m_bits.data() + size_t(i) * m_words; }
    const std::uint64_t *row(int i) const { return m_bits.data() + size_t(i) * m_words; }
    size_t m_words;
    std::vector<std::uint64_t> m_bits;
};


// The counting shortcut below holds when every revision to sort lies below
// one of the heads and nothing outside the set lies between two of its
// revisions (a range cut through by a depends_on edge breaks that).
bool closedBetweenHeads(const RevisionGraph &g, const QVector<int> &revisions, const QVector<int> &heads)
{
    std::vector<char> inSet(size_t(g.size()), 0);
    for (int r : revisions)
        inSet[size_t(r)] = 1;
    QVector<int> members, startHeads;
    for (int r : revisions)
        members << r;
    for (int h : heads)
        if (inSet[size_t(h)])
            startHeads << h;
    std::vector<char> below(size_t(g.size()), 0), above(size_t(g.size()), 0);
    for (int r : g.related(Rel::NormalizedDown, startHeads))
        below[size_t(r)] = 1;
    for (int r : revisions)
        if (!below[size_t(r)])
            return false;
    for (int r : g.related(Rel::NormalizedDown, members))
        below[size_t(r)] = 2;
    for (int r : g.related(Rel::AllNext, members))
        above[size_t(r)] = 1;
    for (size_t i = 0; i < inSet.size(); ++i)
        if (!inSet[i] && below[i] == 2 && above[i])
            return false;
    return true;
}

// alembic's own way: one ancestor set per current head, asked for every candidate.
QVector<int> sortByAncestorSets(const RevisionGraph &g, const QVector<int> &revisions, const QVector<int> &heads)
{
    RevisionBits todo(g.size());
    int remaining = 0;
    for (int r : revisions) {
        if (!todo.test(r)) {
            todo.set(r);
            ++remaining;
        }
    }
    QVector<int> current;
    for (int h : heads)
        if (todo.test(h) && !current.contains(h))
            current << h;
    std::sort(current.begin(), current.end());

    std::optional<AncestorTable> table;  // built on the first question
    std::vector<int> stack;
    auto isAncestor = [&](int head, int r) {
        if (!table && g.size() <= AncestorTable::kMaxRevisions)
            table.emplace(g);
        if (table)
            return table->contains(head, r);
        RevisionBits seen(g.size());
        stack.assign(1, head);
        while (!stack.empty()) {
            const int x = stack.back();
            stack.pop_back();
            if (x == r)
                return true;
            if (seen.test(x))
                continue;
            seen.set(x);
            for (int d : g.node(x).normalizedDown)
                stack.push_back(d);
        }
        return false;
    };

    QVector<int> output;
    output.reserve(remaining);
    int idx = 0;
    while (!current.isEmpty()) {
        const int candidate = current[idx];
        bool blocked = false;
        for (int k = 0; k < current.size(); ++k) {
            if (k != idx && isAncestor(current[k], candidate)) {
                idx = k;
                blocked = true;
                break;
            }
        }
        if (blocked)
            continue;
        if (todo.test(candidate)) {
            output << candidate;
            todo.reset(candidate);
            --remaining;
        }
        QVector<int> toAdd;
        for (int d : g.node(candidate).normalizedDown)
            if (todo.test(d) && !current.contains(d))
                toAdd << d;
        if (toAdd.isEmpty()) {
            current.remove(idx);
            idx = std::max(idx - 1, 0);
        } else {
            current[idx] = toAdd.front();
            current += toAdd.mid(1);
        }
    }
    if (remaining != 0)
        failWalk(QStringLiteral("Dependency resolution failed; %1 revisions could not be ordered").arg(remaining));
    return output;
}


} // namespace

// _topological_sort: newest first, heads taken in map order. Before emitting
// the candidate head, alembic scans every other current head's ancestor set
// for it, and switches to the first head (in list order) that has it. Every
// revision still waiting lies below some current head, and every revision
// between a waiting revision and a head waits too (the sets the walks sort
// are closed that way: what lies between a needed revision and a target is
// needed, what lies between a dropped one and a head is dropped). So the
// candidate is below another head exactly when one of its children still
// waits: a counter per revision answers the common case in O(1), and only a
// blocked candidate costs a walk up through the waiting revisions to find
// which head comes first.
QVector<int> topologicalSort(const RevisionGraph &g, const QVector<int> &revisions, const QVector<int> &heads)
{
    if (!closedBetweenHeads(g, revisions, heads))
        return sortByAncestorSets(g, revisions, heads);
    const size_t n = size_t(g.size());
    std::vector<char> todo(n, 0);
    int remaining = 0;
    for (int r : revisions) {
        if (!todo[size_t(r)]) {
            todo[size_t(r)] = 1;
            ++remaining;
        }
    }
    const std::vector<char> sorted = todo;  // what the waiting-children counts are about

    // The waiting children of each revision, as one array sliced per revision.
    std::vector<int> waitingChildren(n, 0), firstChild(n + 1, 0), children;
    for (size_t r = 0; r < n; ++r) {
        if (!todo[r])
            continue;
        for (int d : g.node(int(r)).normalizedDown)
            if (todo[size_t(d)])
                ++waitingChildren[size_t(d)];
    }
    for (size_t r = 0; r < n; ++r)
        firstChild[r + 1] = firstChild[r] + waitingChildren[r];
    children.resize(size_t(firstChild[n]));
    {
        std::vector<int> fill(firstChild.begin(), firstChild.end() - 1);
        for (size_t r = 0; r < n; ++r) {
            if (!todo[r])
                continue;
            for (int d : g.node(int(r)).normalizedDown)
                if (todo[size_t(d)])
                    children[size_t(fill[size_t(d)]++)] = int(r);
        }
    }

    std::vector<char> inCurrent(n, 0);
    QVector<int> current;
    for (int h : heads) {
        if (todo[size_t(h)] && !inCurrent[size_t(h)]) {
            current << h;
            inCurrent[size_t(h)] = 1;
        }
    }
    std::sort(current.begin(), current.end());

    std::vector<int> mark(n, -1);
    int round = 0;
    std::vector<int> stack;
    // The first current head other than the candidate at idx that has the candidate below it, or -1.
    auto firstHeadAbove = [&](int idx) {
        ++round;
        const int from = current[idx];
        stack.assign(1, from);
        while (!stack.empty()) {
            const int x = stack.back();
            stack.pop_back();
            for (int c = firstChild[size_t(x)]; c < firstChild[size_t(x) + 1]; ++c) {
                const int child = children[size_t(c)];
                if (todo[size_t(child)] && mark[size_t(child)] != round) {
                    mark[size_t(child)] = round;
                    stack.push_back(child);
                }
            }
        }
        for (int k = 0; k < current.size(); ++k)
            if (k != idx && mark[size_t(current[k])] == round)
                return k;
        return -1;
    };

    QVector<int> output;
    output.reserve(remaining);
    int idx = 0;
    QVector<int> toAdd;
    while (!current.isEmpty()) {
        const int candidate = current[idx];
        if (waitingChildren[size_t(candidate)] > 0) {
            const int above = firstHeadAbove(idx);
            if (above >= 0) {
                idx = above;
                continue;
            }
        }
        if (todo[size_t(candidate)]) {
            output << candidate;
            todo[size_t(candidate)] = 0;
            --remaining;
            for (int d : g.node(candidate).normalizedDown)
                if (sorted[size_t(d)])
                    --waitingChildren[size_t(d)];
        }
        toAdd.clear();
        for (int d : g.node(candidate).normalizedDown)
            if (todo[size_t(d)] && !inCurrent[size_t(d)])
                toAdd << d;
        inCurrent[size_t(candidate)] = 0;
        if (toAdd.isEmpty()) {
            current.remove(idx);
            idx = std::max(idx - 1, 0);
        } else {
            current[idx] = toAdd.front();
            for (int d : std::as_const(toAdd)) {
                inCurrent[size_t(d)] = 1;
                if (d != toAdd.front())
                    current << d;
            }
        }
    }
    if (remaining != 0)
        failWalk(QStringLiteral("Dependency resolution failed; %1 revisions could not be ordered").arg(remaining));
    return output;
}

} // namespace retort
