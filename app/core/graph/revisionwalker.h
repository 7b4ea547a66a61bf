#pragma once

#include "graph/revisiongraph.h"
#include "result.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace retort {

// A revision reference as alembic passes them around: a revision, None
// (nothing / base), or the literal "base" a downward walk can end on.
struct RevRef {
    enum class Kind { None, Base, Revision };
    Kind kind = Kind::None;
    int index = -1;

    static RevRef none() { return {}; }
    static RevRef base() { return {Kind::Base, -1}; }
    static RevRef rev(int i) { return {Kind::Revision, i}; }
    bool isRevision() const { return kind == Kind::Revision; }
    bool operator==(const RevRef &o) const { return kind == o.kind && index == o.index; }
};

// An identifier argument: one string ("ae10", "heads", "label@head", "-1"),
// a tuple of strings (current heads from a database), or None.
struct RevArg {
    enum class Kind { None, One, Tuple };
    Kind kind = Kind::None;
    QStringList values;

    static RevArg none() { return {}; }
    static RevArg one(const QString &s) { return {Kind::One, {s}}; }
    static RevArg tuple(const QStringList &l) { return {Kind::Tuple, l}; }
    bool isNone() const { return kind == Kind::None; }
};

// alembic's identifier grammar and revision walks over a RevisionGraph,
// with alembic's error messages. Every public call returns a Result whose
// error text is what alembic's CLI prints after "FAILED: ".
class RevisionWalker {
public:
    explicit RevisionWalker(const RevisionGraph &graph) : m_graph(graph) {}

    // ScriptDirectory.get_revisions(id): several revisions, () for base.
    Result<QVector<RevRef>> revisions(const RevArg &id) const;
    // ScriptDirectory.get_revision(id): one revision or none.
    Result<RevRef> revision(const QString &id) const;

    // walk_revisions(base, head): what `alembic history -r base:head` lists,
    // newest first. Empty strings mean "base" / "heads".
    Result<QVector<int>> history(const QString &base, const QString &head) const;

    // The revisions an upgrade runs, in execution order (alembic's
    // _upgrade_revs); current = the database's heads or an offline start.
    Result<QVector<int>> upgradePath(const QString &destination, const RevArg &current) const;
    // The revisions a downgrade runs, in execution order (_downgrade_revs).
    Result<QVector<int>> downgradePath(const QString &destination, const RevArg &current) const;

    // RevisionMap.filter_for_lineage, exposed for stamping.
    Result<QVector<int>> filterForLineage(const QVector<int> &targets, const QString &checkAgainst,
                                          bool includeDependencies) const;

private:
    struct Options;
    class Impl;
    const RevisionGraph &m_graph;
};

} // namespace retort
