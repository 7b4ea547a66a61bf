#include "revisiongraph.h"

#include "graph/labelsets.h"

#include <QRegularExpression>

#include <algorithm>

namespace retort {

namespace {

Error revisionError(const RevisionScript &script, int line, const QString &message,
                    const QString &revision = {})
{
    Location where;
    where.file = script.path;
    where.line = line;
    where.revision = revision;
    return Error(Error::Kind::Revision, message, where);
}

// alembic's util.to_tuple on a header value: None -> (), str -> (str,).
QStringList asTuple(const HeaderValue &value)
{
    if (value.state != HeaderValue::State::Literal || value.isNone)
        return {};
    return value.items;
}

// tuple_rev_as_scalar(down_revision) is falsy for None, "" and ().
QStringList asRevisionTuple(const HeaderValue &value)
{
    QStringList items = asTuple(value);
    if (!value.isSequence && items.size() == 1 && items.front().isEmpty())
        return {};
    return items;
}

void appendUnique(QVector<int> &list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

QString unresolvedMessage(const char *field, const HeaderValue &value)
{
    return QStringLiteral("%1 is not a literal value (%2); reading it needs Python")
        .arg(QLatin1String(field), value.expression);
}

} // namespace

int RevisionGraph::lookup(const QString &key) const
{
    const int i = m_index.value(key, -1);
    return i >= 0 ? i : m_labels.value(key, -1);
}

Result<RevisionGraph> RevisionGraph::build(const QVector<RevisionScript> &scripts)
{
    static const QRegularExpression legacyName(QStringLiteral("^([a-f0-9]+)\\.py$"));
    RevisionGraph g;

    // Objects in load order; a duplicate id replaces the earlier object in
    // the map but keeps its position, and the shadowed object stays a head
    // (alembic's OrderedDict/OrderedSet behaviour).
    struct Entry {
        int node;
        bool shadowed;
        bool base;
        bool realBase;
        // a shadowed object keeps its own parents: alembic's cycle check
        // walks them from the heads, and fails on one that is not present
        int script = -1;
        QStringList down, dependencies;
    };
    std::vector<Entry> entries;
    entries.reserve(size_t(scripts.size()));
    g.m_nodes.reserve(size_t(scripts.size()));
    g.m_index.reserve(scripts.size());
    QVector<int> labelled;

    for (int s = 0; s < scripts.size(); ++s) {
        const RevisionScript &script = scripts[s];
        if (script.hasSyntaxError) {
            Error e = script.problems.isEmpty()
                          ? revisionError(script, 0, QStringLiteral("invalid syntax"))
                          : script.problems.front();
            return e;
        }
        QString id;
        switch (script.revision.state) {
        case HeaderValue::State::Absent: {
            const auto m = legacyName.match(script.fileName);
            if (!m.hasMatch())
                return revisionError(
                    script, 0,
                    QStringLiteral("Could not determine revision id from filename %1. Be sure the "
                                   "'revision' variable is declared inside the script (please see "
                                   "'Upgrading from Alembic 0.1 to 0.2' in the documentation).")
                        .arg(script.fileName));
            id = m.captured(1);
            break;
        }
        case HeaderValue::State::Unresolved:
        case HeaderValue::State::Imported:  // not read by the loader: needs Python
            return revisionError(script, script.revision.line,
                                 unresolvedMessage("revision", script.revision));
        case HeaderValue::State::Literal:
            if (script.revision.isNone || script.revision.isSequence || script.revision.items.size() != 1)
                return revisionError(script, script.revision.line,
                                     QStringLiteral("revision must be a string"));
            id = script.revision.items.front();
            break;
        }
        if (script.downRevision.state == HeaderValue::State::Absent)
            return revisionError(script, 0,
                                 QStringLiteral("module '%1' has no attribute 'down_revision'")
                                     .arg(script.fileName),
                                 id);
        const struct {
            const char *name;
            const HeaderValue &value;
        } fields[] = {{"down_revision", script.downRevision},
                      {"branch_labels", script.branchLabels},
                      {"depends_on", script.dependsOn}};
        for (const auto &f : fields) {
            if (f.value.state == HeaderValue::State::Unresolved || f.value.state == HeaderValue::State::Imported)
                return revisionError(script, f.value.line, unresolvedMessage(f.name, f.value), id);
        }

        RevisionNode node;
        node.id = id;
        node.script = s;
        node.downRevisions = asRevisionTuple(script.downRevision);
        node.dependencies = asRevisionTuple(script.dependsOn);
        node.declaredLabels = asTuple(script.branchLabels);
        node.declaredLabels.removeDuplicates();

        if (node.downRevisions.contains(id))
            return revisionError(script, script.downRevision.line,
                                 QStringLiteral("Self-loop is detected in revisions (%1)").arg(id), id);
        if (node.dependencies.contains(id))
            return revisionError(
                script, script.dependsOn.line,
                QStringLiteral("Dependency self-loop is detected in revisions (%1)").arg(id), id);
        // alembic reads these ids as its symbols wherever it resolves one
        // (heads, history, upgrade): with more than one head it then fails
        // on its own graph, with one it silently means the symbol
        if (id == QLatin1String("head") || id == QLatin1String("heads") || id == QLatin1String("base"))
            return revisionError(script, script.revision.line,
                                 QStringLiteral("Revision identifier '%1' is one of alembic's symbols "
                                                "(head, heads, base) and cannot name a revision")
                                     .arg(id));
        QStringList illegal;
        for (const char *ch : {"+", "-", "@"}) {
            if (id.contains(QLatin1String(ch)))
                illegal << QLatin1String(ch);
        }
        if (!illegal.isEmpty())
            return revisionError(
                script, script.revision.line,
                QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
                    .arg(illegal.join(QStringLiteral(", ")), id),
                id);

        const bool base = node.downRevisions.isEmpty();
        // alembic's _is_real_base asks `dependencies is None`: depends_on = ''
        // has no dependency, yet keeps the revision from being a real base
        const bool noDependsOn = script.dependsOn.state == HeaderValue::State::Absent || script.dependsOn.isNone
                                 || (script.dependsOn.isSequence && script.dependsOn.items.isEmpty());
        const bool realBase = base && node.dependencies.isEmpty() && noDependsOn;
        auto existing = g.m_index.constFind(id);
        if (existing != g.m_index.constEnd()) {
            const int at = *existing;
            Location where;
            where.file = script.path;
            where.line = script.revision.line;
            where.revision = id;
            g.m_warnings << Error(Error::Kind::Revision,
                                  QStringLiteral("Revision %1 is present more than once").arg(id), where);
            for (Entry &e : entries) {
                if (e.node == at && !e.shadowed) {
                    const RevisionNode &old = g.m_nodes[size_t(at)];
                    e.shadowed = true;
                    e.script = old.script;
                    e.down = old.downRevisions;
                    e.dependencies = old.dependencies;
                }
            }
            labelled.removeAll(at);
            g.m_nodes[size_t(at)] = node;
            entries.push_back({at, false, base, realBase, -1, {}, {}});
            if (!node.declaredLabels.isEmpty())
                labelled << at;
            continue;
        }
        const int index = int(g.m_nodes.size());
        g.m_index.insert(id, index);
        g.m_nodes.push_back(std::move(node));
        entries.push_back({index, false, base, realBase, -1, {}, {}});
        if (!g.m_nodes.back().declaredLabels.isEmpty())
            labelled << index;
    }

    // Branch labels become keys of the map; a label may not name another
    // revision or label.
    for (int i : std::as_const(labelled)) {
        const RevisionNode &n = g.m_nodes[size_t(i)];
        const RevisionScript &script = scripts[n.script];
        for (const QString &label : n.declaredLabels) {
            const int owner = g.lookup(label);
            if (owner >= 0)
                return revisionError(script, script.branchLabels.line,
                                     QStringLiteral("Branch name '%1' in revision %2 already used by "
                                                    "revision %3")
                                         .arg(label, n.id, g.m_nodes[size_t(owner)].id),
                                     n.id);
            g.m_labels.insert(label, i);
        }
    }

    // Resolve depends_on (ids or labels) and link children.
    for (RevisionNode &n : g.m_nodes) {
        const RevisionScript &script = scripts[n.script];
        for (const QString &dep : std::as_const(n.dependencies)) {
            const int d = g.lookup(dep);
            if (d < 0)
                return revisionError(script, script.dependsOn.line,
                                     QStringLiteral("Dependency %1 referenced from %2 is not present")
                                         .arg(dep, n.id),
                                     n.id);
            appendUnique(n.resolvedDeps, d);
        }
    }
    for (int i = 0; i < g.size(); ++i) {
        RevisionNode &n = g.m_nodes[size_t(i)];
        const RevisionScript &script = scripts[n.script];
        for (const QString &down : std::as_const(n.downRevisions)) {
            const int d = g.m_index.value(down, -1);
            if (d < 0)
                return revisionError(script, script.downRevision.line,
                                     QStringLiteral("Revision %1 referenced from %2 is not present")
                                         .arg(down, n.id),
                                     n.id);
            appendUnique(n.versionedDown, d);
        }
        n.allDown = n.versionedDown;
        for (int d : std::as_const(n.resolvedDeps))
            appendUnique(n.allDown, d);
        // allDown holds each parent once, so each child is added once
        for (int d : std::as_const(n.allDown)) {
            RevisionNode &parent = g.m_nodes[size_t(d)];
            parent.allNextrev.append(i);
            if (n.versionedDown.contains(d))
                parent.nextrev.append(i);
        }
    }

    for (const Entry &e : entries) {
        const RevisionNode &n = g.m_nodes[size_t(e.node)];
        if (e.shadowed || n.isHead())
            g.m_heads << e.node;
        if (e.shadowed || n.isRealHead())
            g.m_realHeads << e.node;
        if (e.base)
            g.m_bases << e.node;
        if (e.realBase)
            g.m_realBases << e.node;
    }

    // alembic resolves a shadowed object's depends_on with everyone's and
    // walks its down revisions while checking for cycles: one that is not
    // present ends alembic with a KeyError.
    CycleRoots roots;
    for (const Entry &e : entries) {
        if (!e.shadowed) {
            if (g.m_nodes[size_t(e.node)].isHead())
                roots.heads << e.node;
            if (g.m_nodes[size_t(e.node)].isRealHead())
                roots.realHeads << e.node;
            if (e.base)
                roots.bases << e.node;
            if (e.realBase)
                roots.realBases << e.node;
            continue;
        }
        const RevisionScript &script = scripts[e.script];
        const QString &id = g.m_nodes[size_t(e.node)].id;
        roots.shadows << e.node;
        if (e.base)
            roots.shadowBases << e.node;
        if (e.realBase)
            roots.shadowRealBases << e.node;
        for (const QString &dep : e.dependencies) {
            const int d = g.lookup(dep);
            if (d < 0)
                return revisionError(script, script.dependsOn.line,
                                     QStringLiteral("Dependency %1 referenced from %2 is not present")
                                         .arg(dep, id),
                                     id);
            roots.realHeads << d;
        }
        for (const QString &down : e.down) {
            const int d = g.m_index.value(down, -1);
            if (d < 0)
                return revisionError(script, script.downRevision.line,
                                     QStringLiteral("Revision %1 referenced from %2 is not present (%2 is "
                                                    "declared again by a later file, but alembic still "
                                                    "follows this file's down_revision)")
                                         .arg(down, id),
                                     id);
            roots.heads << d;
            roots.realHeads << d;
        }
    }

    // Any order with parents first serves both: versioned parents are
    // among all parents.
    const std::vector<int> order = g.parentsFirst(Relation::AllDown);
    g.m_buildVisits += int(order.size());
    g.normalizeDependencies(order);
    if (Error cycle = g.detectCycles(roots)) {
        // name the file of the first revision in the cycle
        const int first = g.indexOf(cycle.where().revision);
        if (first >= 0) {
            const RevisionScript &script = scripts[g.node(first).script];
            cycle.where().file = script.path;
            cycle.where().line = script.downRevision.line;
        }
        return cycle;
    }
    g.propagateLabels(labelled, order);
    return g;
}

void RevisionGraph::normalizeDependencies(const std::vector<int> &order)
{
    // A dependency is implied when a strict versioned ancestor declares it
    // too. Such an ancestor comes after the dependency in parents-first
    // order, so the upward walk stops at revisions placed before every
    // dependency it still looks for, and as soon as none is left: on long
    // depends_on chains it visits a few revisions, not the whole history.
    std::vector<int> position(m_nodes.size(), 0);
    for (size_t i = 0; i < order.size(); ++i)
        position[size_t(order[i])] = int(i);
    std::vector<int> visited(m_nodes.size(), -1), wanted(m_nodes.size(), -1), implied(m_nodes.size(), -1);
    std::vector<int> stack;
    for (int self = 0; self < size(); ++self) {
        RevisionNode &n = m_nodes[size_t(self)];
        n.normalizedDeps.clear();
        if (!n.resolvedDeps.isEmpty()) {
            int open = 0;
            int floor = size();
            for (int d : std::as_const(n.resolvedDeps)) {
                wanted[size_t(d)] = self;
                floor = std::min(floor, position[size_t(d)]);
                ++open;
            }
            stack.assign(n.versionedDown.cbegin(), n.versionedDown.cend());
            while (!stack.empty() && open > 0) {
                const int a = stack.back();
                stack.pop_back();
                if (visited[size_t(a)] == self || a == self || position[size_t(a)] <= floor)
                    continue;
                visited[size_t(a)] = self;
                for (int d : std::as_const(m_nodes[size_t(a)].resolvedDeps)) {
                    if (wanted[size_t(d)] == self && implied[size_t(d)] != self) {
                        implied[size_t(d)] = self;
                        --open;
                    }
                }
                for (int down : std::as_const(m_nodes[size_t(a)].versionedDown))
                    stack.push_back(down);
            }
            for (int d : std::as_const(n.resolvedDeps))
                if (implied[size_t(d)] != self)
                    n.normalizedDeps << d;
        }
        n.normalizedDown = n.versionedDown;
        for (int d : std::as_const(n.normalizedDeps))
            appendUnique(n.normalizedDown, d);
    }
}

Error RevisionGraph::detectCycles(const CycleRoots &roots)
{
    if (m_nodes.empty())
        return {};
    // Peeling parentless revisions from below leaves exactly those on or
    // above a cycle.
    std::vector<int> parents(m_nodes.size(), 0), children(m_nodes.size(), 0);
    int parentless = 0;
    std::vector<int> queue;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        parents[i] = int(m_nodes[i].allDown.size());
        for (int d : m_nodes[i].allDown)
            ++children[size_t(d)];
        if (parents[i] == 0) {
            queue.push_back(int(i));
            ++parentless;
        }
    }
    std::vector<bool> left(m_nodes.size(), true);
    size_t peeled = 0;
    while (!queue.empty()) {
        const int n = queue.back();
        queue.pop_back();
        left[size_t(n)] = false;
        ++peeled;
        for (int c : m_nodes[size_t(n)].allNextrev)
            if (--parents[size_t(c)] == 0)
                queue.push_back(c);
    }
    m_buildVisits += int(peeled);
    // Without a cycle, every revision lies between a head and a base, so
    // alembic's passes below delete nothing, unless a revision alembic does
    // not take for a real base has no parent of any kind (depends_on = '')
    // or a later file shadows an id: only then are they walked.
    if (peeled == m_nodes.size() && roots.shadows.isEmpty() && roots.realBases.size() == parentless)
        return {};
    auto ids = [this](const std::vector<bool> &keep, bool sorted) {
        QStringList out;
        for (size_t i = 0; i < m_nodes.size(); ++i)
            if (keep[i])
                out << m_nodes[i].id;
        if (sorted)
            out.sort();
        return out;
    };
    const std::vector<bool> everything(m_nodes.size(), true);
    // Walks start at the heads and bases alembic keeps; a shadowed object
    // counts as its id, reaches down through its own parents (in roots'
    // head lists) and, having no children, nowhere up.
    struct Pass {
        const char *kind;
        const QVector<int> &everyHead;
        const QVector<int> &everyBase;
        const QVector<int> &heads;
        const QVector<int> &bases;
        const QVector<int> &shadowBases;
        Relation down;
        Relation up;
    };
    const Pass passes[] = {
        {"Cycle", m_heads, m_bases, roots.heads, roots.bases, roots.shadowBases, Relation::VersionedDown,
         Relation::Next},
        {"Dependency cycle", m_realHeads, m_realBases, roots.realHeads, roots.realBases,
         roots.shadowRealBases, Relation::AllDown, Relation::AllNext},
    };
    auto cycleError = [](const char *kind, const QStringList &revisions) {
        Location where;
        where.revision = revisions.front();
        return Error(Error::Kind::Revision,
                     QStringLiteral("%1 is detected in revisions (%2)")
                         .arg(QLatin1String(kind), revisions.join(QStringLiteral(", "))),
                     where);
    };
    for (const Pass &p : passes) {
        if (p.everyHead.isEmpty() || p.everyBase.isEmpty())
            return cycleError(p.kind, ids(everything, false));
        std::vector<bool> fromHeads(m_nodes.size(), false), fromBases(m_nodes.size(), false);
        const std::vector<int> down = related(p.down, p.heads);
        const std::vector<int> up = related(p.up, p.bases);
        m_buildVisits += int(down.size() + up.size());
        for (int i : down)
            fromHeads[size_t(i)] = true;
        for (int i : roots.shadows)
            fromHeads[size_t(i)] = true;
        for (int i : up)
            fromBases[size_t(i)] = true;
        for (int i : p.shadowBases)
            fromBases[size_t(i)] = true;
        std::vector<bool> deleted(m_nodes.size(), false);
        bool any = false;
        for (size_t i = 0; i < m_nodes.size(); ++i) {
            deleted[i] = !(fromHeads[i] && fromBases[i]);
            any = any || deleted[i];
        }
        if (any)
            return cycleError(p.kind, ids(deleted, true));
    }
    // alembic's passes above miss a cycle that heads and bases both reach
    // (a depends_on naming a descendant), and alembic's walks then never
    // end. Peeling childless revisions from above what is left keeps
    // exactly the revisions on or between cycles.
    for (size_t i = 0; i < m_nodes.size(); ++i)
        if (left[i] && children[i] == 0)
            queue.push_back(int(i));
    while (!queue.empty()) {
        const int n = queue.back();
        queue.pop_back();
        left[size_t(n)] = false;
        for (int d : m_nodes[size_t(n)].allDown)
            if (left[size_t(d)] && --children[size_t(d)] == 0)
                queue.push_back(d);
    }
    if (std::find(left.begin(), left.end(), true) != left.end())
        return cycleError("Dependency cycle", ids(left, true));
    return {};
}

void RevisionGraph::propagateLabels(const QVector<int> &labelled, const std::vector<int> &order)
{
    // alembic (_add_branches) gives each labelled revision's labels to all
    // its descendants, then walks up from the last descendant it visited
    // through revisions that are neither real branch points nor merge
    // points. That walk only leaves the descendants when they form one
    // such chain ending in a head, and then it climbs the same chain the
    // revision sits on; and because a revision reached this way reaches
    // no more than the revision that reached it, the order alembic takes the
    // labelled revisions in does not matter. So a revision carries the
    // labels of its versioned ancestors (itself included), plus, when its
    // own descendants are such a chain, those of the whole chain: the
    // labels of the chain's head. Label sets are interned (one sorted list
    // of label ids per distinct set, shared by every revision carrying it).
    if (labelled.isEmpty())
        return;
    QHash<QString, int> labelIds;
    QStringList labelNames;
    std::vector<int> declaredSet(m_nodes.size(), 0);
    LabelSets sets;
    for (int r : labelled) {
        std::vector<int> ids;
        for (const QString &l : std::as_const(m_nodes[size_t(r)].declaredLabels)) {
            auto it = labelIds.constFind(l);
            if (it == labelIds.constEnd()) {
                it = labelIds.insert(l, int(labelNames.size()));
                labelNames << l;
            }
            ids.push_back(*it);
        }
        std::sort(ids.begin(), ids.end());
        declaredSet[size_t(r)] = sets.intern(std::move(ids));
    }

    std::vector<int> down(m_nodes.size(), 0);
    std::vector<int> parts;
    for (int x : order) {
        parts.assign(1, declaredSet[size_t(x)]);
        for (int p : std::as_const(m_nodes[size_t(x)].versionedDown))
            parts.push_back(down[size_t(p)]);
        down[size_t(x)] = sets.unite(parts);
    }
    std::vector<int> chainHead(m_nodes.size(), -1);  // -1: descendants are no plain chain
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const RevisionNode &n = m_nodes[size_t(*it)];
        if (n.isRealBranchPoint() || n.isMergePoint())
            continue;
        chainHead[size_t(*it)] = n.nextrev.isEmpty() ? *it : chainHead[size_t(n.nextrev.front())];
    }

    std::vector<int> carried(m_nodes.size(), 0);
    for (size_t x = 0; x < m_nodes.size(); ++x)
        carried[x] = chainHead[x] >= 0 ? down[size_t(chainHead[x])] : down[x];
    m_labelSetCount = int(sets.size());
    m_labelWork = sets.work();
    auto table = std::make_shared<LabelTable>();
    table->names = labelNames;
    table->sets = sets.take();
    const std::shared_ptr<const LabelTable> shared = std::move(table);
    for (size_t x = 0; x < m_nodes.size(); ++x) {
        if (carried[x] != 0)
            m_nodes[x].branchLabels = LabelList(shared, carried[x]);
        m_nodes[x].labelSet = carried[x];
    }
}

const QVector<int> &RevisionGraph::edges(int i, Relation relation) const
{
    const RevisionNode &n = m_nodes[size_t(i)];
    switch (relation) {
    case Relation::VersionedDown:
        return n.versionedDown;
    case Relation::NormalizedDown:
        return n.normalizedDown;
    case Relation::AllDown:
        return n.allDown;
    case Relation::Next:
        return n.nextrev;
    case Relation::AllNext:
        return n.allNextrev;
    }
    return n.versionedDown;
}

std::vector<int> RevisionGraph::walk(Relation relation, const QVector<int> &targets,
                                     QString *overlapError) const
{
    std::vector<char> seen(m_nodes.size(), 0);
    // For the overlap check: which revisions are targets, and the last
    // target whose walk reached each of them.
    std::vector<int> targetSlot, reachedBy;
    if (overlapError) {
        targetSlot.assign(m_nodes.size(), 0);
        reachedBy.assign(m_nodes.size(), -1);
        for (int t : targets)
            targetSlot[size_t(t)] = 1;
    }
    std::vector<int> out;
    std::vector<int> todo;
    for (int k = 0; k < targets.size(); ++k) {
        const int target = targets[k];
        todo.push_back(target);
        bool overlaps = false;
        while (!todo.empty()) {
            const int r = todo.back();
            todo.pop_back();
            if (overlapError && targetSlot[size_t(r)]) {
                reachedBy[size_t(r)] = k;
                overlaps = overlaps || r != target;
            }
            if (seen[size_t(r)])
                continue;
            seen[size_t(r)] = 1;
            for (int next : edges(r, relation))
                todo.push_back(next);
            out.push_back(r);
        }
        if (overlaps) {
            QStringList names;
            for (int t : targets) {
                if (t != target && reachedBy[size_t(t)] == k) {
                    const QString &id = m_nodes[size_t(t)].id;
                    if (!names.contains(id))
                        names << id;
                }
            }
            *overlapError = QStringLiteral("Requested revision %1 overlaps with other requested "
                                           "revisions %2")
                                .arg(m_nodes[size_t(target)].id, names.join(QStringLiteral(", ")));
            return {};
        }
    }
    return out;
}

std::vector<int> RevisionGraph::parentsFirst(Relation down) const
{
    const int n = size();
    std::vector<char> state(size_t(n), 0);  // 0 new, 1 on the stack, 2 done
    std::vector<int> order;
    order.reserve(size_t(n));
    std::vector<std::pair<int, int>> stack;  // revision, next edge to follow
    for (int root = 0; root < n; ++root) {
        if (state[size_t(root)])
            continue;
        stack.push_back({root, 0});
        state[size_t(root)] = 1;
        while (!stack.empty()) {
            auto &[x, next] = stack.back();
            const QVector<int> &parents = edges(x, down);
            if (next < parents.size()) {
                const int d = parents[next++];
                if (!state[size_t(d)]) {
                    state[size_t(d)] = 1;
                    stack.push_back({d, 0});
                }
                continue;
            }
            state[size_t(x)] = 2;
            order.push_back(x);
            stack.pop_back();
        }
    }
    return order;
}

std::vector<int> RevisionGraph::related(Relation relation, const QVector<int> &targets) const
{
    return walk(relation, targets, nullptr);
}

Result<std::vector<int>> RevisionGraph::relatedChecked(Relation relation, const QVector<int> &targets) const
{
    QString overlap;
    std::vector<int> out = walk(relation, targets, &overlap);
    if (!overlap.isEmpty())
        return Error(Error::Kind::Revision, overlap);
    return out;
}

} // namespace retort
