#pragma once

#include "graph/revisiongraph.h"

#include <QVector>

namespace retort {

// alembic's RevisionMap._topological_sort: `revisions` newest first, walking
// down from `heads` in map order. Throws WalkError when some revision cannot
// be ordered.
QVector<int> topologicalSort(const RevisionGraph &g, const QVector<int> &revisions, const QVector<int> &heads);

// The same, as alembic does it: one ancestor set per current head, asked for
// every candidate. topologicalSort takes this way when `revisions` is not
// closed between its heads (a range cut through by a depends_on edge); tests
// hold the two to the same answers.
QVector<int> topologicalSortByAncestorSets(const RevisionGraph &g, const QVector<int> &revisions,
                                           const QVector<int> &heads);

} // namespace retort
