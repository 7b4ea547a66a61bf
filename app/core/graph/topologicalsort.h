#pragma once

#include "graph/revisiongraph.h"

#include <QVector>

namespace retort {

// alembic's RevisionMap._topological_sort: `revisions` newest first, walking
// down from `heads` in map order. Throws WalkError when some revision cannot
// be ordered.
QVector<int> topologicalSort(const RevisionGraph &g, const QVector<int> &revisions, const QVector<int> &heads);

} // namespace retort
