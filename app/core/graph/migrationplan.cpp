#include "migrationplan.h"

#include "graph/revisionwalker.h"

#include <algorithm>

namespace retort {

namespace {

const QString kComma = QStringLiteral(", ");

QStringList minus(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &s : a)
        if (!b.contains(s))
            out << s;
    return out;
}

Error rowError(const QString &message)
{
    return Error(Error::Kind::Revision, message);
}

} // namespace

QString MigrationStep::shortLog() const
{
    const char *name = kind == Kind::Upgrade ? "upgrade" : kind == Kind::Downgrade ? "downgrade" : "stamp_revision";
    return QStringLiteral("%1 %2 -> %3").arg(QLatin1String(name), from.join(kComma), to.join(kComma));
}

QStringList MigrationPlanner::notBelow(const QStringList &revs, const QStringList &heads) const
{
    // Each revision is looked for among the heads' ancestors by climbing
    // from it instead of walking every head down (a merge or unmerge step
    // asked it of the whole history each time). A revision between it and
    // a head comes no later than that head in parents-first order, so the
    // climb never goes past the latest head and stops at the first found.
    if (m_position.empty()) {
        m_position.assign(size_t(m_graph.size()), 0);
        const std::vector<int> order = m_graph.parentsFirst(RevisionGraph::Relation::NormalizedDown);
        for (size_t i = 0; i < order.size(); ++i)
            m_position[size_t(order[i])] = int(i);
        m_seen.assign(size_t(m_graph.size()), 0);
    }
    std::vector<int> headIndices;
    int latest = -1;
    for (const QString &h : heads) {
        const int i = m_graph.indexOf(h);
        if (i >= 0) {
            headIndices.push_back(i);
            latest = std::max(latest, m_position[size_t(i)]);
        }
    }
    std::sort(headIndices.begin(), headIndices.end());
    auto isHead = [&](int i) { return std::binary_search(headIndices.begin(), headIndices.end(), i); };
    QStringList out;
    std::vector<int> stack;
    for (const QString &rev : revs) {
        const int start = m_graph.indexOf(rev);
        bool below = false;
        if (start >= 0) {
            ++m_round;
            stack.assign(1, start);
            while (!stack.empty() && !below) {
                const int x = stack.back();
                stack.pop_back();
                if (m_seen[size_t(x)] == m_round || m_position[size_t(x)] > latest)
                    continue;
                m_seen[size_t(x)] = m_round;
                below = isHead(x);
                for (int child : m_graph.node(x).allNextrev)
                    stack.push_back(child);
            }
        }
        if (!below)
            out << rev;
    }
    return out;
}

// HeadMaintainer.update_to_step for a revision step.
Error MigrationPlanner::applyRowOps(MigrationStep &step, QStringList &heads) const
{
    step.headsBefore = heads;
    auto insert = [&](const QString &v) -> Error {
        if (heads.contains(v))
            return rowError(QStringLiteral("Version %1 is already present in the version table").arg(v));
        heads << v;
        step.rowOps << VersionRowOp{VersionRowOp::Kind::Insert, QString(), v};
        return {};
    };
    auto remove = [&](const QString &v) -> Error {
        if (!heads.removeOne(v))
            return rowError(QStringLiteral("Version %1 is not present in the version table").arg(v));
        step.rowOps << VersionRowOp{VersionRowOp::Kind::Delete, v, QString()};
        return {};
    };
    auto update = [&](const QString &from, const QString &to) -> Error {
        if (heads.contains(to))
            return rowError(QStringLiteral("Version %1 is already present in the version table").arg(to));
        const int at = heads.indexOf(from);
        if (at < 0)
            return rowError(QStringLiteral("Version %1 is not present in the version table").arg(from));
        heads[at] = to;
        step.rowOps << VersionRowOp{VersionRowOp::Kind::Update, from, to};
        return {};
    };

    Error e;
    if (step.kind == MigrationStep::Kind::Stamp) {
        const bool isDowngrade = !step.stampIsUpgrade;
        const bool branchMove = step.from.isEmpty() || step.to.isEmpty();
        if (isDowngrade && branchMove) {
            e = remove(step.from.front());
        } else if (step.stampIsUpgrade && (branchMove || !minus(step.from, heads).isEmpty())
                   && !minus(step.to, heads).isEmpty()) {
            e = insert(step.to.front());
        } else if (step.from.size() > 1) {
            for (int i = 0; i + 1 < step.from.size() && !e; ++i)
                e = remove(step.from[i]);
            if (!e)
                e = update(step.from.back(), step.to.front());
        } else if (step.to.size() > 1) {
            for (int i = 0; i + 1 < step.to.size() && !e; ++i)
                e = insert(step.to[i]);
            if (!e)
                e = update(step.from.front(), step.to.back());
        } else {
            e = update(step.from.front(), step.to.front());
        }
        step.headsAfter = heads;
        return e;
    }

    const RevisionNode &n = m_graph.node(step.revision);
    QStringList downrevs;
    for (int d : n.normalizedDown)
        downrevs << m_graph.node(d).id;
    const bool up = step.kind == MigrationStep::Kind::Upgrade;
    const bool revInHeads = heads.contains(n.id);

    // _unmerge_to_revisions: parents not already implied by the other heads
    auto unmergeTo = [&]() {
        const QStringList others = minus(heads, {n.id});
        return others.isEmpty() ? downrevs : notBelow(downrevs, others);
    };
    QStringList present;
    for (const QString &d : std::as_const(downrevs))
        if (heads.contains(d))
            present << d;

    if (!up && revInHeads && (downrevs.isEmpty() || unmergeTo().isEmpty())) {
        e = remove(n.id);  // delete branch
    } else if (up && (downrevs.isEmpty() || present.isEmpty())) {
        e = insert(n.id);  // new branch
    } else if (up && downrevs.size() > 1 && present.size() > 1) {
        const QStringList others = minus(heads, downrevs);
        const QStringList from = others.isEmpty() ? downrevs : notBelow(downrevs, others);
        if (from.isEmpty())
            return rowError(QStringLiteral("Cannot merge into %1: no parent row to update").arg(n.id));
        for (int i = 0; i + 1 < from.size() && !e; ++i)
            e = remove(from[i]);
        if (!e)
            e = update(from.back(), n.id);
    } else if (!up && revInHeads && downrevs.size() > 1) {
        const QStringList to = unmergeTo();
        for (int i = 0; i + 1 < to.size() && !e; ++i)
            e = insert(to[i]);
        if (!e)
            e = update(n.id, to.back());
    } else {
        QString down;
        if (downrevs.size() != 1) {
            if (present.size() != 1)
                return rowError(QStringLiteral("Can't do an UPDATE because downrevision is ambiguous"));
            down = present.front();
        } else {
            down = downrevs.front();
        }
        e = up ? update(down, n.id) : update(n.id, down);
    }
    step.headsAfter = heads;
    return e;
}

Result<QStringList> MigrationPlanner::resolveStartingRevisions(const QStringList &starting) const
{
    QStringList out;
    RevisionWalker walker(m_graph);
    for (const QString &s : starting) {
        if (s.isEmpty() || s == QLatin1String("base"))
            continue;
        Result<RevRef> r = walker.revision(s);
        if (!r)
            return r.error();
        if (!r->isRevision())
            continue;
        out << m_graph.node(r->index).id;
    }
    return out;
}

Result<QVector<MigrationStep>> MigrationPlanner::revisionSteps(MigrationStep::Kind kind,
                                                               const QStringList &currentHeads,
                                                               const Result<QVector<int>> &path) const
{
    if (!path)
        return path.error();
    QStringList heads = currentHeads;
    QVector<MigrationStep> steps;
    for (int r : path.value()) {
        const RevisionNode &n = m_graph.node(r);
        MigrationStep step;
        step.kind = kind;
        step.revision = r;
        step.from = kind == MigrationStep::Kind::Upgrade ? n.downRevisions : QStringList{n.id};
        step.to = kind == MigrationStep::Kind::Upgrade ? QStringList{n.id} : n.downRevisions;
        if (Error e = applyRowOps(step, heads))
            return e;
        steps << step;
    }
    return steps;
}

Result<QVector<MigrationStep>> MigrationPlanner::upgrade(const QStringList &currentHeads,
                                                         const QString &destination) const
{
    return revisionSteps(MigrationStep::Kind::Upgrade, currentHeads,
                         RevisionWalker(m_graph).upgradePath(destination, RevArg::tuple(currentHeads)));
}

Result<QVector<MigrationStep>> MigrationPlanner::downgrade(const QStringList &currentHeads,
                                                           const QString &destination) const
{
    return revisionSteps(MigrationStep::Kind::Downgrade, currentHeads,
                         RevisionWalker(m_graph).downgradePath(destination, RevArg::tuple(currentHeads)));
}

Result<QVector<MigrationStep>> MigrationPlanner::single(MigrationStep::Kind kind, const QStringList &currentHeads,
                                                        int revision) const
{
    return revisionSteps(kind, currentHeads, QVector<int>{revision});
}

Result<QVector<MigrationStep>> MigrationPlanner::stamp(const QStringList &currentHeads,
                                                       const QStringList &destinations, bool purge) const
{
    // ScriptDirectory._stamp_revs
    const QStringList startHeads = purge ? QStringList() : currentHeads;
    RevisionWalker walker(m_graph);
    auto multiple = [](const Error &e) -> Error {
        if (e.kind() == Error::Kind::MultipleHeads)
            return Error(Error::Kind::MultipleHeads,
                         QStringLiteral("Multiple heads are present; please specify a single target revision"));
        return e;
    };
    Result<QVector<RevRef>> headRevs = walker.revisions(RevArg::tuple(startHeads));
    if (!headRevs)
        return multiple(headRevs.error());
    QVector<int> heads;
    for (const RevRef &r : headRevs.value())
        if (r.isRevision())
            heads << r.index;

    const QStringList dests = destinations.isEmpty() ? QStringList{QStringLiteral("base")} : destinations;
    QVector<int> filtered;
    for (const QString &d : dests) {
        Result<QVector<int>> f = walker.filterForLineage(heads, d, true);
        if (!f)
            return multiple(f.error());
        for (int h : f.value())
            if (!filtered.contains(h))
                filtered << h;
    }
    Result<QVector<RevRef>> destRevs = walker.revisions(RevArg::tuple(dests));
    if (!destRevs)
        return multiple(destRevs.error());
    QVector<RevRef> targets = destRevs.value();
    if (targets.isEmpty())
        targets << RevRef::none();

    QStringList rows = startHeads;
    QVector<MigrationStep> steps;
    auto add = [&](MigrationStep step) -> Error {
        step.kind = MigrationStep::Kind::Stamp;
        if (Error e = applyRowOps(step, rows))
            return e;
        steps << step;
        return {};
    };
    for (const RevRef &dest : std::as_const(targets)) {
        if (!dest.isRevision()) {
            for (int h : std::as_const(filtered)) {
                MigrationStep s;
                s.from = {m_graph.node(h).id};
                s.stampIsUpgrade = false;
                if (Error e = add(s))
                    return e;
            }
            continue;
        }
        if (filtered.contains(dest.index))
            continue;
        const std::vector<int> desc = m_graph.related(RevisionGraph::Relation::AllNext, {dest.index});
        const std::vector<int> anc = m_graph.related(RevisionGraph::Relation::NormalizedDown, {dest.index});
        auto intersects = [&](const std::vector<int> &set) {
            for (int h : std::as_const(filtered))
                if (std::find(set.begin(), set.end(), h) != set.end())
                    return true;
            return false;
        };
        MigrationStep s;
        s.to = {m_graph.node(dest.index).id};
        if (intersects(desc) || intersects(anc)) {
            for (int h : std::as_const(filtered))
                s.from << m_graph.node(h).id;
            s.stampIsUpgrade = !intersects(desc);
        }
        if (Error e = add(s))
            return e;
    }
    return steps;
}

} // namespace retort
