#pragma once

#include "error.h"
#include "graph/labellist.h"
#include "project/revisionscript.h"
#include "result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

namespace retort {

// One revision of the graph. Indices refer to RevisionGraph::node(i); they
// follow alembic's map order (the order files were found on disk).
struct RevisionNode {
    QString id;
    int script = -1;                  // index into the scripts the graph was built from
    QStringList downRevisions;        // down_revision as a tuple, declaration order
    QStringList dependencies;         // depends_on as declared (ids or labels)
    QStringList declaredLabels;       // branch_labels as declared in the file
    LabelList branchLabels;           // after alembic's propagation
    int labelSet = 0;                 // branchLabels interned: equal lists, equal ids; 0 when empty

    QVector<int> versionedDown;       // downRevisions as indices
    QVector<int> resolvedDeps;        // dependencies resolved to revisions
    QVector<int> normalizedDeps;      // resolvedDeps minus those implied by ancestors
    QVector<int> allDown;             // versionedDown + resolvedDeps, deduplicated
    QVector<int> normalizedDown;      // versionedDown + normalizedDeps, deduplicated
    QVector<int> nextrev;             // children through down_revision
    QVector<int> allNextrev;          // children through down_revision or depends_on

    bool isHead() const { return nextrev.isEmpty(); }
    bool isRealHead() const { return allNextrev.isEmpty(); }
    bool isBase() const { return downRevisions.isEmpty(); }
    bool isRealBase() const { return downRevisions.isEmpty() && dependencies.isEmpty(); }
    bool isBranchPoint() const { return nextrev.size() > 1; }
    bool isRealBranchPoint() const { return allNextrev.size() > 1; }
    bool isMergePoint() const { return downRevisions.size() > 1; }
};

// The revision map of an alembic project: what alembic's RevisionMap builds
// when it loads, computed once. Lookups, heads and bases are O(1) afterwards.
class RevisionGraph {
public:
    // Builds the graph from scripts in load order. Fails with alembic's
    // message (cycles, missing parents, reused labels, bad ids), located at
    // the offending file and line. Duplicate ids only warn, as in alembic.
    static Result<RevisionGraph> build(const QVector<RevisionScript> &scripts);

    int size() const { return int(m_nodes.size()); }
    const RevisionNode &node(int i) const { return m_nodes[size_t(i)]; }
    const std::vector<RevisionNode> &nodes() const { return m_nodes; }
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    // A revision id or a branch label, as alembic's map resolves keys.
    int lookup(const QString &key) const;
    bool isLabel(const QString &key) const { return m_labels.contains(key); }
    const QHash<QString, int> &labels() const { return m_labels; }
    // Ids of RevisionNode::labelSet are below this.
    int labelSetCount() const { return m_labelSetCount; }
    // Label ids read while uniting label sets in build(): the tests bound it
    // by the size of the sets it made.
    qint64 labelWork() const { return m_labelWork; }

    // Heads through down_revision only (alembic's `heads` attribute, which
    // includes revisions that are only depends_on targets: "effective heads").
    const QVector<int> &heads() const { return m_heads; }
    // Heads through down_revision and depends_on (the `heads` identifier).
    const QVector<int> &realHeads() const { return m_realHeads; }
    const QVector<int> &bases() const { return m_bases; }
    const QVector<int> &realBases() const { return m_realBases; }

    const QList<Error> &warnings() const { return m_warnings; }
    // Revisions visited by build()'s whole-graph passes, all added up: the
    // tests bound it by a small multiple of the size.
    int buildVisits() const { return m_buildVisits; }

    // Depth-first walk in alembic's order (_iterate_related_revisions):
    // pre-order, the last-pushed relative first, each revision once.
    enum class Relation { VersionedDown, NormalizedDown, AllDown, Next, AllNext };
    std::vector<int> related(Relation relation, const QVector<int> &targets) const;
    // Same, raising alembic's "overlaps" error when one target reaches another.
    Result<std::vector<int>> relatedChecked(Relation relation, const QVector<int> &targets) const;

    const QVector<int> &edges(int i, Relation relation) const;

    // Every revision once, each after all it reaches through `down` (a
    // downward relation): a depth-first post-order from each revision in map
    // order. Reversed, it lists children before parents.
    std::vector<int> parentsFirst(Relation down) const;

private:
    std::vector<int> walk(Relation relation, const QVector<int> &targets, QString *overlapError) const;
    // order: parentsFirst(Relation::AllDown)
    void propagateLabels(const QVector<int> &labelled, const std::vector<int> &order);
    void normalizeDependencies(const std::vector<int> &order);
    // Where alembic's cycle check starts its walks (see build()).
    struct CycleRoots {
        QVector<int> heads, realHeads, bases, realBases;
        QVector<int> shadows, shadowBases, shadowRealBases;
    };
    Error detectCycles(const CycleRoots &roots);

    std::vector<RevisionNode> m_nodes;
    QHash<QString, int> m_index;
    QHash<QString, int> m_labels;
    QVector<int> m_heads, m_realHeads, m_bases, m_realBases;
    QList<Error> m_warnings;
    int m_labelSetCount = 1;
    qint64 m_labelWork = 0;
    int m_buildVisits = 0;
};

} // namespace retort
