#include "revisionwalker.h"

#include "graph/revisionbits.h"
#include "graph/topologicalsort.h"
#include "graph/walkerror.h"
#include "pytext.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace retort {

namespace {

QString argText(const RevArg &a)
{
    if (a.kind == RevArg::Kind::None)
        return QStringLiteral("None");
    if (a.kind == RevArg::Kind::One)
        return a.values.front();
    return pyTupleRepr(a.values);
}

const QRegularExpression &relativeDestination()
{
    // alembic's _relative_destination, used with re.match (anchored at the start only)
    static const QRegularExpression re(QStringLiteral("^(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

} // namespace

using Rel = RevisionGraph::Relation;

class RevisionWalker::Impl {
public:
    explicit Impl(const RevisionGraph &g) : g(g) {}

    const RevisionGraph &g;

    const QString &id(int i) const { return g.node(i).id; }

    QStringList ids(const QVector<int> &list) const
    {
        QStringList out;
        out.reserve(list.size());
        for (int i : list)
            out << id(i);
        return out;
    }

    static QVector<int> toVector(const std::vector<int> &v) { return QVector<int>(v.begin(), v.end()); }

    std::vector<int> checked(Rel rel, const QVector<int> &targets) const
    {
        Result<std::vector<int>> r = g.relatedChecked(rel, targets);
        if (!r)
            failWalk(r.error().message());
        return r.value();
    }

    // --- identifiers -------------------------------------------------------

    // _resolve_revision_number: (ids, branch label)
    std::pair<QStringList, QString> resolveNumber(const RevArg &arg) const
    {
        QString branch;
        if (arg.kind == RevArg::Kind::Tuple)
            return {arg.values, branch};
        if (arg.kind == RevArg::Kind::None)
            return {{}, branch};
        QString ident = arg.values.front();
        const int at = ident.indexOf(QLatin1Char('@'));
        if (at >= 0) {
            branch = ident.left(at);
            ident = ident.mid(at + 1);
        }
        if (ident == QLatin1String("heads")) {
            if (!branch.isEmpty())
                return {ids(filterForLineage(g.heads(), RevArg::one(branch), false)), branch};
            return {ids(g.realHeads()), branch};
        }
        if (ident == QLatin1String("head")) {
            const int h = currentHead(branch);
            return {h >= 0 ? QStringList{id(h)} : QStringList{}, branch};
        }
        if (ident == QLatin1String("base"))
            return {{}, branch};
        return {{ident}, branch};
    }

    int currentHead(const QString &branch) const
    {
        QVector<int> heads = g.heads();
        if (!branch.isEmpty())
            heads = filterForLineage(heads, RevArg::one(branch), false);
        if (heads.size() > 1) {
            const QString argument = branch.isEmpty() ? QStringLiteral("head") : branch + QStringLiteral("@head");
            throw WalkError{WalkError::Type::MultipleHeads,
                            QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                                .arg(argument, ids(heads).join(QStringLiteral(", "))),
                            argument, {}, {}, ids(heads)};
        }
        return heads.isEmpty() ? -1 : heads.front();
    }

    QVector<RevRef> getRevisions(const RevArg &arg) const
    {
        if (arg.kind == RevArg::Kind::Tuple) {
            QVector<RevRef> out;
            for (const QString &one : arg.values)
                out += getRevisions(RevArg::one(one));
            return out;
        }
        const auto [resolved, branch] = resolveNumber(arg);
        if (resolved.size() == 1) {
            const std::optional<long long> n = pyInt(resolved.front());
            if (n && *n < 0) {
                QVector<int> heads;
                for (const RevRef &h : getRevisions(RevArg::one(QStringLiteral("heads"))))
                    if (branch.isEmpty() || g.node(h.index).branchLabels.contains(branch))
                        heads << h.index;
                QVector<RevRef> out;
                for (int h : std::as_const(heads))
                    out << walk(RevRef::rev(h), int(*n), QString(), true);
                return out;
            }
        }
        QVector<RevRef> out;
        for (const QString &r : resolved)
            out << revisionForIdent(r, branch);
        return out;
    }

    RevRef getRevision(const QString &ident) const
    {
        const auto [resolved, branch] = resolveNumber(RevArg::one(ident));
        if (resolved.size() > 1)
            throw WalkError{WalkError::Type::MultipleHeads,
                            QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                                .arg(ident, resolved.join(QStringLiteral(", "))),
                            ident, {}, {}, resolved};
        if (resolved.isEmpty())
            return RevRef::none();
        return revisionForIdent(resolved.front(), branch);
    }

    RevRef resolveBranch(const QString &label) const
    {
        const int i = g.lookup(label);
        if (i >= 0)
            return RevRef::rev(i);
        try {
            return revisionForIdent(label, QString());
        } catch (const WalkError &e) {
            if (e.type != WalkError::Type::Resolution)
                throw;
            failResolution(QStringLiteral("No such branch: '%1'").arg(label), label);
        }
    }

    // Map keys in alembic's dict order: ids, then labels.
    QStringList partialMatches(const QString &prefix) const
    {
        QStringList out;
        for (const RevisionNode &n : g.nodes())
            if (n.id.size() > 3 && n.id.startsWith(prefix))
                out << n.id;
        QStringList labels;
        for (const RevisionNode &n : g.nodes())
            for (const QString &l : n.declaredLabels)
                if (l.size() > 3 && l.startsWith(prefix) && g.labels().value(l, -1) >= 0)
                    labels << l;
        return out + labels;
    }

    RevRef revisionForIdent(const QString &resolved, const QString &checkBranch) const
    {
        RevRef branchRev;
        if (!checkBranch.isEmpty())
            branchRev = resolveBranch(checkBranch);
        int rev = g.lookup(resolved);
        if (rev < 0) {
            QStringList revs = partialMatches(resolved);
            if (branchRev.isRevision()) {
                QStringList kept;
                for (const QString &r : std::as_const(revs))
                    if (sharesLineageWith(g.lookup(r), {branchRev.index}, false))
                        kept << r;
                revs = kept;
            }
            if (revs.isEmpty())
                failResolution(QStringLiteral("No such revision or branch '%1'%2")
                                   .arg(resolved,
                                        resolved.size() < 4
                                            ? QStringLiteral("; please ensure at least four characters "
                                                             "are present for partial revision "
                                                             "identifier matches")
                                            : QString()),
                               resolved);
            if (revs.size() > 1) {
                QStringList quoted;
                for (const QString &r : revs.mid(0, 3))
                    quoted << QLatin1Char('\'') + r + QLatin1Char('\'');
                failResolution(QStringLiteral("Multiple revisions start with '%1': %2...")
                                   .arg(resolved, quoted.join(QStringLiteral(", "))),
                               resolved);
            }
            rev = g.lookup(revs.front());
        }
        if (!checkBranch.isEmpty() && branchRev.isRevision()
            && !sharesLineageWith(rev, {branchRev.index}, false))
            failResolution(QStringLiteral("Revision %1 is not a member of branch '%2'")
                               .arg(id(rev), checkBranch),
                           resolved);
        return RevRef::rev(rev);
    }

    bool sharesLineageWith(int target, const QVector<int> &against, bool includeDeps) const
    {
        if (against.isEmpty())
            return true;
        const std::vector<int> down = g.related(includeDeps ? Rel::AllNext : Rel::Next, {target});
        const std::vector<int> up = g.related(includeDeps ? Rel::NormalizedDown : Rel::VersionedDown, {target});
        for (int a : against)
            if (std::find(down.begin(), down.end(), a) != down.end()
                || std::find(up.begin(), up.end(), a) != up.end())
                return true;
        return false;
    }

    // filter_for_lineage: the targets related (as ancestor or descendant) to
    // what checkAgainst names. The names are looked up once, and only when
    // there is a target to test, as _shares_lineage looks them up.
    QVector<int> filterForLineage(const QVector<int> &targets, const RevArg &checkAgainst,
                                  bool includeDeps) const
    {
        const auto [ids, branch] = resolveNumber(checkAgainst);
        if (targets.isEmpty())
            return {};
        QStringList names = ids;
        if (!branch.isEmpty())
            names.prepend(branch);
        QVector<int> against;
        for (const QString &name : std::as_const(names))
            against << revisionForIdent(name, QString()).index;
        // t shares lineage with a exactly when a is above or below t, that
        // is when t is below or above a: one walk each way from all of them.
        RevisionBits lineage(g.size());
        if (!against.isEmpty()) {
            for (int r : g.related(includeDeps ? Rel::AllDown : Rel::VersionedDown, against))
                lineage.set(r);
            for (int r : g.related(includeDeps ? Rel::AllNext : Rel::Next, against))
                lineage.set(r);
        }
        QVector<int> out;
        for (int t : targets)
            if (against.isEmpty() || lineage.test(t))
                out << t;
        return out;
    }

    // --- walks ------------------------------------------------------------

    RevRef walk(RevRef start, int steps, const QString &branch, bool noOverwalk) const
    {
        RevRef initial = start;
        for (int s = 0; s < std::abs(steps); ++s) {
            QVector<RevRef> children;
            if (steps > 0) {
                QVector<int> up = initial.kind == RevRef::Kind::None ? g.bases() : g.node(initial.index).nextrev;
                if (!branch.isEmpty())
                    up = filterForLineage(up, RevArg::one(branch), false);
                for (int u : std::as_const(up))
                    children << RevRef::rev(u);
            } else if (initial.kind != RevRef::Kind::Base) {
                if (initial.kind == RevRef::Kind::None) {
                    for (int h : g.heads())
                        children << RevRef::rev(h);
                } else {
                    for (int d : g.node(initial.index).versionedDown)
                        children << RevRef::rev(d);
                }
                if (children.isEmpty())
                    children << RevRef::base();
            }
            if (children.isEmpty())
                return noOverwalk ? RevRef::none() : initial;
            if (children.size() > 1)
                failWalk(QStringLiteral("Ambiguous walk"));
            initial = children.front();
        }
        return initial;
    }

    static QString relativeFailure(const QString &relative, long long n)
    {
        return QStringLiteral("Relative revision %1 didn't produce %2 migrations").arg(relative).arg(std::llabs(n));
    }

    std::pair<QString, RevRef> parseDowngradeTarget(const RevArg &current, const RevArg &target,
                                                    bool assertLength) const
    {
        if (target.isNone())
            return {QString(), RevRef::none()};
        const QString text = target.values.front();
        const auto m = relativeDestination().match(text);
        if (m.hasMatch()) {
            QString branch = m.captured(1);
            QString symbol = m.captured(2);
            const bool hasSymbol = m.capturedStart(2) >= 0;
            const QString relative = m.captured(3);
            const long long rel = pyInt(relative).value_or(0);
            if (rel >= 0) {
                if (!hasSymbol)
                    failWalk(relativeFailure(relative, rel));
                const RevRef r = walk(getRevision(symbol), int(rel), branch, assertLength);
                if (r.kind == RevRef::Kind::None)
                    failWalk(QStringLiteral("Walked too far"));
                return {branch, r};
            }
            const bool relativeRevision = !hasSymbol;
            if (relativeRevision) {
                if (!branch.isEmpty()) {
                    // filter_for_lineage looks each current name up as a
                    // revision or label, not as a symbol: `history -r
                    // x@-3:` that walks past the base fails on "heads"
                    QVector<int> cur;
                    if (current.kind != RevArg::Kind::None)
                        for (const QString &name : current.values)
                            cur << revisionForIdent(name, QString()).index;
                    QVector<int> symbols = filterForLineage(cur, RevArg::one(branch), false);
                    if (symbols.isEmpty())
                        symbols = filterForLineage(allCurrent(cur), RevArg::one(branch), false);
                    if (symbols.size() != 1)
                        failWalk(QStringLiteral("Ambiguous relative downgrade on branch '%1'").arg(branch));
                    symbol = id(symbols.front());
                } else {
                    if (current.isNone() || current.values.isEmpty())
                        failWalk(relativeFailure(relative, rel));
                    symbol = current.values.front();
                    branch = symbol;
                }
            }
            const RevRef start =
                branch.isEmpty() ? getRevision(symbol) : getRevision(branch + QLatin1Char('@') + symbol);
            const RevRef r = walk(start, int(rel), QString(), assertLength);
            if (r.kind == RevRef::Kind::None)
                failWalk(relativeRevision ? relativeFailure(relative, rel) : QStringLiteral("Walked too far"));
            return {branch, r};
        }
        const int at = text.lastIndexOf(QLatin1Char('@'));
        const QString branch = at >= 0 ? text.left(at) : QString();
        return {branch, getRevision(at >= 0 ? text.mid(at + 1) : text)};
    }

    QVector<RevRef> parseUpgradeTarget(const RevArg &current, const RevArg &target, bool assertLength) const
    {
        QRegularExpressionMatch m;
        if (target.kind == RevArg::Kind::One)
            m = relativeDestination().match(target.values.front());
        if (!m.hasMatch())
            return getRevisions(target);
        const QString branch = m.captured(1);
        const bool hasSymbol = m.capturedStart(2) >= 0;
        const QString symbol = m.captured(2);
        const QString relativeText = m.captured(3);
        const long long rel = pyInt(relativeText).value_or(0);
        if (rel > 0) {
            if (!hasSymbol) {
                // start_revs as alembic computes them: ids, revisions or None
                QVector<RevRef> start;
                const QStringList cur = current.isNone() ? QStringList() : current.values;
                if (branch.isEmpty()) {
                    if (cur.size() > 1)
                        failWalk(QStringLiteral("Ambiguous upgrade from multiple current revisions"));
                    start << (cur.isEmpty() ? RevRef::none() : getRevision(cur.front()));
                } else {
                    QVector<int> curRevs;
                    for (const RevRef &r : getRevisions(RevArg::tuple(cur)))
                        if (r.isRevision())
                            curRevs << r.index;
                    QVector<int> onBranch = filterForLineage(curRevs, RevArg::one(branch), false);
                    if (onBranch.isEmpty()) {
                        const QVector<int> active = filterForLineage(
                            toVector(g.related(Rel::NormalizedDown, curRevs)), RevArg::one(branch), false);
                        QSet<int> downs;
                        for (int a : active)
                            for (int d : g.node(a).normalizedDown)
                                downs.insert(d);
                        for (int a : active)
                            if (!downs.contains(a))
                                onBranch << a;
                    }
                    for (int r : std::as_const(onBranch))
                        start << RevRef::rev(r);
                    if (start.isEmpty())
                        start << RevRef::none();
                }
                if (start.size() > 1)
                    failWalk(QStringLiteral("Ambiguous upgrade from multiple current revisions"));
                const RevRef r = walk(start.front(), int(rel), branch, assertLength);
                if (r.kind == RevRef::Kind::None)
                    failWalk(relativeFailure(relativeText, rel));
                return {r};
            }
            return {walk(getRevision(symbol), int(rel), branch, assertLength)};
        }
        if (!hasSymbol)
            failWalk(relativeFailure(QString::number(rel), rel));
        const RevRef start =
            branch.isEmpty() ? getRevision(symbol) : getRevision(branch + QLatin1Char('@') + symbol);
        return {walk(start, int(rel), QString(), assertLength)};
    }

    QVector<int> allCurrent(const QVector<int> &revs) const
    {
        // _get_all_current: the branch heads among the revisions and their
        // ancestors. The set is closed under ancestors, so a member with a
        // descendant in it has a child in it.
        const std::vector<int> top = g.related(Rel::NormalizedDown, revs);
        RevisionBits all(g.size());
        for (int r : top)
            all.set(r);
        QVector<int> out;
        for (int r : top) {
            bool covered = false;
            for (int d : g.node(r).nextrev)
                covered = covered || all.test(d);
            if (!covered)
                out << r;
        }
        return out;
    }

    static QVector<int> revisionsOnly(const QVector<RevRef> &refs)
    {
        QVector<int> out;
        for (const RevRef &r : refs)
            if (r.isRevision())
                out << r.index;
        return out;
    }

    struct Collected {
        QVector<int> revisions;  // a set, in no particular order
        QVector<int> heads;
    };

    Collected collectUpgrade(const RevArg &upper, RevArg lower, bool inclusive, bool implicitBase,
                             bool assertLength) const
    {
        const QVector<RevRef> parsed = parseUpgradeTarget(lower, upper, assertLength);
        QVector<int> targets;
        for (const RevRef &r : parsed) {
            if (!r.isRevision())
                failWalk(QStringLiteral("Relative revision %1 didn't produce a revision").arg(argText(upper)));
            targets << r.index;
        }
        if (lower.kind == RevArg::Kind::One && lower.values.front().contains(QLatin1Char('@'))) {
            QString branch = lower.values.front().section(QLatin1Char('@'), 0, 0);
            const RevRef branchRev = getRevision(branch);
            if (branchRev.isRevision() && id(branchRev.index) == branch) {
                const LabelList &labels = g.node(branchRev.index).branchLabels;
                if (labels.size() != 1)
                    failWalk(QStringLiteral("Revision %1 has %2 branch labels").arg(branch).arg(labels.size()));
                branch = labels.front();
            }
            QVector<int> kept;
            for (int t : std::as_const(targets))
                if (g.node(t).branchLabels.contains(branch))
                    kept << t;
            targets = kept;
        }
        RevisionBits required(g.size());
        for (int r : checked(Rel::NormalizedDown, targets))
            required.set(r);
        for (int t : std::as_const(targets))
            required.set(t);

        QVector<RevRef> current = getRevisions(lower);
        if (!implicitBase) {
            // a relative walk that stepped below a base ends at alembic's
            // "base", which no range includes (`x@-1:` on a one-revision branch)
            for (const RevRef &c : std::as_const(current))
                if ((c.isRevision() && !required.test(c.index)) || c.kind == RevRef::Kind::Base)
                    throw WalkError{WalkError::Type::RangeNotAncestor, QString(), QString(),
                                    argText(lower), argText(upper), {}};
        }
        if (!current.isEmpty() && current.front().kind == RevRef::Kind::None) {
            const RevRef r = parseDowngradeTarget(upper, lower, assertLength).second;
            if (r.kind == RevRef::Kind::Base) {
                current.clear();
                lower = RevArg::none();
            } else {
                current = {r};
                lower = RevArg::one(id(r.index));
            }
        }
        const QVector<int> currentRevs = revisionsOnly(current);
        RevisionBits have(g.size());
        for (int r : checked(Rel::NormalizedDown, currentRevs))
            have.set(r);
        for (int c : currentRevs)
            have.set(c);

        QVector<int> needs;
        RevisionBits inNeeds(g.size());
        for (int i = 0; i < g.size(); ++i)
            if (required.test(i) && !have.test(i)) {
                needs << i;
                inNeeds.set(i);
            }
        if (inclusive) {
            for (int r : revisionsOnly(getRevisions(lower)))
                if (!inNeeds.test(r)) {
                    needs << r;
                    inNeeds.set(r);
                }
        }
        if (!currentRevs.isEmpty() && !implicitBase) {
            RevisionBits below(g.size());
            for (int d : checked(Rel::Next, currentRevs))
                below.set(d);
            QVector<int> kept;
            for (int n : std::as_const(needs))
                if (below.test(n))
                    kept << n;
            needs = kept;
        }
        return {needs, targets};
    }

    Collected collectDowngrade(const RevArg &upper, const RevArg &target, bool inclusive, bool implicitBase,
                               bool assertLength) const
    {
        auto [branch, targetRev] = parseDowngradeTarget(upper, target, assertLength);
        if (targetRev.kind == RevRef::Kind::Base)
            targetRev = RevRef::none();
        QVector<int> roots;
        if (!targetRev.isRevision()) {
            // map.values(): revisions, then once more per branch label
            for (int i = 0; i < g.size(); ++i)
                if (g.node(i).isBase())
                    roots << i;
            for (const RevisionNode &n : g.nodes())
                for (const QString &l : n.declaredLabels) {
                    const int owner = g.labels().value(l, -1);
                    if (owner >= 0 && g.node(owner).isBase())
                        roots << owner;
                }
        } else if (inclusive) {
            roots << targetRev.index;
        } else {
            roots = g.node(targetRev.index).nextrev;
        }
        if (!branch.isEmpty() && roots.size() > 1) {
            const RevRef b = resolveBranch(branch);
            RevisionBits ancestors(g.size());
            for (int a : g.related(Rel::VersionedDown, {b.index}))
                ancestors.set(a);
            QVector<int> kept;
            for (int r : std::as_const(roots))
                if (ancestors.test(r) && !kept.contains(r))
                    kept << r;
            roots = kept;
            if (roots.isEmpty())
                failWalk(QStringLiteral("Not a valid downgrade target from current heads"));
        }
        const QVector<int> heads = revisionsOnly(getRevisions(upper));
        RevisionBits active(g.size());
        for (int a : g.related(Rel::NormalizedDown, heads))
            active.set(a);
        QVector<int> drop;
        RevisionBits inDrop(g.size());
        for (int d : g.related(Rel::AllNext, roots))
            if (active.test(d) && !inDrop.test(d)) {
                drop << d;
                inDrop.set(d);
            }
        if (implicitBase) {
            RevisionBits rootAncestors(g.size());
            for (int a : g.related(Rel::NormalizedDown, roots))
                rootAncestors.set(a);
            for (int a : g.related(Rel::NormalizedDown, heads))
                if (!rootAncestors.test(a) && !inDrop.test(a)) {
                    drop << a;
                    inDrop.set(a);
                }
        }
        if (targetRev.isRevision() && drop.isEmpty() && !heads.contains(targetRev.index))
            throw WalkError{WalkError::Type::RangeNotAncestor, QStringLiteral("Nothing to drop"), QString(),
                            QStringLiteral("Nothing to drop"), argText(upper), {}};
        return {drop, heads};
    }

    template <typename Fn>
    static auto guarded(const Catch &c, Fn fn) -> Result<decltype(fn())>
    {
        try {
            return fn();
        } catch (const WalkError &e) {
            return toError(e, c);
        }
    }
};

Result<QVector<RevRef>> RevisionWalker::revisions(const RevArg &id) const
{
    Impl impl(m_graph);
    return Impl::guarded(Catch{}, [&] { return impl.getRevisions(id); });
}

Result<RevRef> RevisionWalker::revision(const QString &id) const
{
    Impl impl(m_graph);
    return Impl::guarded(Catch{}, [&] { return impl.getRevision(id); });
}

Result<QVector<int>> RevisionWalker::filterForLineage(const QVector<int> &targets, const QString &checkAgainst,
                                                      bool includeDependencies) const
{
    Impl impl(m_graph);
    return Impl::guarded(Catch{}, [&] {
        return impl.filterForLineage(targets, RevArg::one(checkAgainst), includeDependencies);
    });
}

Result<QVector<int>> RevisionWalker::history(const QString &base, const QString &head) const
{
    Impl impl(m_graph);
    Catch c;
    c.start = base.isEmpty() ? QStringLiteral("base") : base;
    c.end = head.isEmpty() ? QStringLiteral("heads") : head;
    c.hasStart = c.hasEnd = true;
    return Impl::guarded(c, [&] {
        const Impl::Collected col = impl.collectUpgrade(RevArg::one(c.end), RevArg::one(c.start), true, false, false);
        return topologicalSort(m_graph, col.revisions, col.heads);
    });
}

Result<QVector<int>> RevisionWalker::upgradePath(const QString &destination, const RevArg &current) const
{
    Impl impl(m_graph);
    Catch c;
    c.ancestor = QStringLiteral("Destination %(end)s is not a valid upgrade target from current head(s)");
    c.end = destination;
    c.hasEnd = true;
    return Impl::guarded(c, [&] {
        const Impl::Collected col = impl.collectUpgrade(RevArg::one(destination), current, false, true, true);
        QVector<int> order = topologicalSort(m_graph, col.revisions, col.heads);
        std::reverse(order.begin(), order.end());
        return order;
    });
}

Result<QVector<int>> RevisionWalker::downgradePath(const QString &destination, const RevArg &current) const
{
    Impl impl(m_graph);
    Catch c;
    c.ancestor = QStringLiteral("Destination %(end)s is not a valid downgrade target from current head(s)");
    c.end = destination;
    c.hasEnd = true;
    return Impl::guarded(c, [&] {
        const Impl::Collected col = impl.collectDowngrade(current, RevArg::one(destination), false, false, true);
        return topologicalSort(m_graph, col.revisions, col.heads);
    });
}

} // namespace retort
