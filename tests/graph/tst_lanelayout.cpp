// The history graph's lanes: what a user sees in the graph column, checked
// without a display. Each case asserts that every line leaves a node and
// arrives at its parent's node, that lines never overlap a node, and that the
// graph is no wider than the number of lines that must run side by side.

#include "graph/lanelayout.h"
#include "graph/revisiongraph.h"
#include "graph/revisionwalker.h"
#include "project/revisionscript.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QtTest>

#include <algorithm>
#include <utility>

using namespace retort;

namespace {

HeaderValue literal(const QStringList &items, bool sequence)
{
    HeaderValue v;
    v.state = HeaderValue::State::Literal;
    v.line = 1;
    if (items.isEmpty()) {
        v.isNone = true;
        return v;
    }
    v.isSequence = sequence;
    v.items = items;
    return v;
}

RevisionScript script(const QString &id, const QStringList &parents, const QStringList &deps = {})
{
    RevisionScript s;
    s.fileName = id + QStringLiteral("_x.py");
    s.path = QStringLiteral("versions/") + s.fileName;
    s.revision = literal({id}, false);
    s.downRevision = literal(parents, parents.size() > 1);
    s.dependsOn = literal(deps, deps.size() > 1);
    s.branchLabels = literal({}, false);
    return s;
}

// "M<B,C~X": revision M, down_revision (B, C), depends_on X.
QVector<RevisionScript> parseSpec(const QStringList &spec)
{
    QVector<RevisionScript> out;
    for (const QString &item : spec) {
        QString rest = item;
        QStringList deps;
        if (const int tilde = rest.indexOf(QLatin1Char('~')); tilde >= 0) {
            deps = rest.mid(tilde + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
            rest.truncate(tilde);
        }
        QStringList parents;
        if (const int lt = rest.indexOf(QLatin1Char('<')); lt >= 0) {
            parents = rest.mid(lt + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
            rest.truncate(lt);
        }
        out << script(rest, parents, deps);
    }
    return out;
}

// A seeded project shaped like bench/generate_project.py's: a few long-lived
// lines of development, forks, merges and depends_on across lines.
QVector<RevisionScript> generated(int count, int branchEvery, int mergeEvery, int dependsEvery)
{
    QRandomGenerator rng(20251009);
    QVector<RevisionScript> out;
    QStringList tips;
    auto id = [](int i) { return QStringLiteral("r%1").arg(i, 5, 10, QLatin1Char('0')); };
    out << script(id(0), {});
    tips << id(0);
    for (int i = 1; i < count; ++i) {
        QStringList parents;
        if (i % mergeEvery == 0 && tips.size() >= 2) {
            const int a = int(rng.bounded(tips.size()));
            int b = int(rng.bounded(tips.size() - 1));
            if (b >= a)
                ++b;
            parents << tips[a] << tips[b];
            tips.removeAt(std::max(a, b));
            tips.removeAt(std::min(a, b));
            tips << id(i);
        } else if (i % branchEvery == 0) {
            parents << id(i - 1 - int(rng.bounded(std::min(i, 30))));
            tips.removeAll(parents.front());
            tips << id(i);
        } else {
            const int k = int(rng.bounded(tips.size()));
            parents << tips[k];
            tips[k] = id(i);
        }
        QStringList deps;
        if (i % dependsEvery == 0 && i > 40) {
            const QString d = id(i - 2 - int(rng.bounded(30)));
            if (!parents.contains(d))
                deps << d;
        }
        out << script(id(i), parents, deps);
    }
    return out;
}

struct Built {
    RevisionGraph graph;
    QVector<int> rows;
};

Built build(const QVector<RevisionScript> &scripts)
{
    Result<RevisionGraph> graph = RevisionGraph::build(scripts);
    if (!graph) {
        qWarning("graph: %s", qPrintable(graph.error().toString()));
        return {};
    }
    Built b{std::move(graph).value(), {}};
    Result<QVector<int>> rows = RevisionWalker(b.graph).history(QString(), QString());
    if (!rows)
        qWarning("history: %s", qPrintable(rows.error().toString()));
    else
        b.rows = rows.value();
    return b;
}

QVector<GraphEdge> rowEdges(const LaneLayout &layout, int r)
{
    return QVector<GraphEdge>(layout.edgesBegin(r), layout.edgesEnd(r));
}

bool hasEdge(const LaneLayout &layout, int r, GraphEdge::Part part, int lane, GraphEdge::Type type, bool atTop)
{
    for (const GraphEdge &e : rowEdges(layout, r)) {
        if (e.part == part && e.type == type && (atTop ? e.fromLane : e.toLane) == lane)
            return true;
    }
    return false;
}

// Every property a user would notice, for any graph. Returns "" or the first problem.
QString checkLayout(const RevisionGraph &graph, const QVector<int> &rows, const LaneLayout &layout)
{
    using Part = GraphEdge::Part;
    if (layout.rowCount() != rows.size())
        return QStringLiteral("row count %1 != %2").arg(layout.rowCount()).arg(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        const LaneLayout::Row &row = layout.row(r);
        if (row.node != rows[r])
            return QStringLiteral("row %1 shows node %2, expected %3").arg(r).arg(row.node).arg(rows[r]);
        QSet<int> through;
        for (const GraphEdge &e : rowEdges(layout, r)) {
            if (e.fromLane < 0 || e.toLane < 0 || e.fromLane >= row.width || e.toLane >= row.width)
                return QStringLiteral("row %1: edge outside the row's %2 lanes").arg(r).arg(row.width);
            switch (e.part) {
            case Part::Through:
                if (e.fromLane != e.toLane)
                    return QStringLiteral("row %1: a passing line changes lane").arg(r);
                if (e.fromLane == row.lane)
                    return QStringLiteral("row %1: a passing line crosses the node at lane %2").arg(r).arg(row.lane);
                if (through.contains(e.fromLane))
                    return QStringLiteral("row %1: two passing lines share lane %2").arg(r).arg(e.fromLane);
                through.insert(e.fromLane);
                break;
            case Part::In:
                if (e.toLane != row.lane)
                    return QStringLiteral("row %1: an incoming line misses the node").arg(r);
                break;
            case Part::Out:
                if (e.fromLane != row.lane)
                    return QStringLiteral("row %1: an outgoing line does not start at the node").arg(r);
                break;
            case Part::BrokenOut:
            case Part::BrokenIn:
                if (e.fromLane != row.lane || e.toLane != row.lane)
                    return QStringLiteral("row %1: a broken link's stub is not on the node's lane").arg(r);
                break;
            }
            // No line starts or ends in mid-air: what enters a row at the
            // top left the row above at the bottom, and vice versa (a broken
            // link's stubs end in arrowheads on purpose).
            const bool entersTop = e.part == Part::Through || e.part == Part::In;
            const bool leavesBottom = e.part == Part::Through || e.part == Part::Out;
            if (entersTop
                && (r == 0
                    || !(hasEdge(layout, r - 1, Part::Through, e.fromLane, e.type, false)
                         || hasEdge(layout, r - 1, Part::Out, e.fromLane, e.type, false))))
                return QStringLiteral("row %1: a line enters lane %2 from nowhere").arg(r).arg(e.fromLane);
            if (leavesBottom
                && (r + 1 == rows.size()
                    || !(hasEdge(layout, r + 1, Part::Through, e.toLane, e.type, true)
                         || hasEdge(layout, r + 1, Part::In, e.toLane, e.type, true))))
                return QStringLiteral("row %1: a line leaves lane %2 to nowhere").arg(r).arg(e.toLane);
        }
    }

    // Each link is drawn: out of the child's node, down one lane, into the
    // parent's node; and the graph is as narrow as the links crossing a row
    // boundary allow (peak <= width <= peak + 1).
    QVector<int> crossings(rows.size() + 1, 0);
    QHash<QPair<int, int>, int> lowestSource;  // (target, type) -> first row linking to it
    for (int r = 0; r < rows.size(); ++r) {
        const RevisionNode &n = graph.node(rows[r]);
        auto follow = [&](int target, GraphEdge::Type type) -> QString {
            const int tr = layout.rowOf(target);
            if (tr <= r)
                return QStringLiteral("row %1: parent %2 is not below its child").arg(r).arg(graph.node(target).id);
            const QPair<int, int> key(target, int(type));
            int lane = -1;
            for (const GraphEdge &e : rowEdges(layout, r)) {
                if (e.part == Part::Out && e.type == type) {
                    // the lane this link takes: the one whose path ends at target
                    int l = e.toLane;
                    int rr = r + 1;
                    while (rr < tr && hasEdge(layout, rr, Part::Through, l, type, true))
                        ++rr;
                    if (rr == tr && hasEdge(layout, tr, Part::In, l, type, true))
                        lane = l;
                }
            }
            if (lane < 0 && hasEdge(layout, r, Part::BrokenOut, layout.row(r).lane, type, true)
                && hasEdge(layout, tr, Part::BrokenIn, layout.row(tr).lane, type, true)) {
                // broken only when every lane below the cap was taken
                QSet<int> leaving;
                for (const GraphEdge &e : rowEdges(layout, r))
                    if (e.part == Part::Through || e.part == Part::Out)
                        leaving.insert(e.toLane);
                if (leaving.size() < LaneLayout::kMaxLanes)
                    return QStringLiteral("row %1: a link broken with %2 lanes in use").arg(r).arg(leaving.size());
                return {};  // crosses no boundary on a lane
            }
            if (lane < 0)
                return QStringLiteral("%1 -> %2 is not drawn").arg(n.id, graph.node(target).id);
            lowestSource[key] = std::min(lowestSource.value(key, r), r);
            return {};
        };
        for (int p : n.versionedDown) {
            if (QString problem = follow(p, GraphEdge::Type::Parent); !problem.isEmpty())
                return problem;
        }
        for (int d : n.resolvedDeps) {
            if (n.versionedDown.contains(d))
                continue;
            if (QString problem = follow(d, GraphEdge::Type::DependsOn); !problem.isEmpty())
                return problem;
        }
    }
    for (auto it = lowestSource.cbegin(); it != lowestSource.cend(); ++it) {
        const int from = it.value();
        const int to = layout.rowOf(it.key().first);
        for (int b = from; b < to; ++b)  // boundary b lies below row b
            ++crossings[b];
    }
    const int peak = *std::max_element(crossings.cbegin(), crossings.cend());
    if (layout.maxWidth() > LaneLayout::kMaxLanes + 1)
        return QStringLiteral("width %1 past the cap of %2 lanes").arg(layout.maxWidth()).arg(LaneLayout::kMaxLanes);
    if (layout.maxWidth() < std::max(peak, rows.isEmpty() ? 0 : 1) || layout.maxWidth() > peak + 1)
        return QStringLiteral("width %1 for %2 lines running side by side").arg(layout.maxWidth()).arg(peak);
    if (layout.skippedEdges() != 0)
        return QStringLiteral("%1 links skipped").arg(layout.skippedEdges());
    return {};
}

QString lanesText(const RevisionGraph &graph, const LaneLayout &layout)
{
    QStringList parts;
    for (int r = 0; r < layout.rowCount(); ++r)
        parts << graph.node(layout.row(r).node).id + QLatin1Char('@') + QString::number(layout.row(r).lane);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestLaneLayout : public QObject {
    Q_OBJECT

private slots:
    void shapes_data();
    void shapes();
    void openHeadsNeedTheirOwnLanes_data();
    void openHeadsNeedTheirOwnLanes();
    void dependsOnIsDrawnDistinctly();
    void deterministic();
    void parentAboveChildIsSkipped();
    void generatedTenThousand();
    void hundredsOfHeadsStayNarrow_data();
    void hundredsOfHeadsStayNarrow();
    void aChainStaysJoinedWhenTheLanesAreFull();
};

void TestLaneLayout::shapes_data()
{
    QTest::addColumn<QStringList>("spec");
    QTest::addColumn<QString>("lanes");  // id@lane, newest first
    QTest::addColumn<int>("width");

    QTest::newRow("empty") << QStringList{} << QString() << 0;
    QTest::newRow("single") << QStringList{"A"} << "A@0" << 1;
    QTest::newRow("linear") << QStringList{"A", "B<A", "C<B", "D<C"} << "D@0 C@0 B@0 A@0" << 1;
    QTest::newRow("branch") << QStringList{"A", "B<A", "C<A"} << "B@0 C@1 A@0" << 2;
    QTest::newRow("merge") << QStringList{"A", "B<A", "C<A", "M<B,C"} << "M@0 B@0 C@1 A@0" << 2;
    QTest::newRow("merge then linear")
        << QStringList{"A", "B<A", "C<B", "D<A", "M<C,D", "N<M"} << "N@0 M@0 C@0 B@0 D@1 A@0" << 2;
    QTest::newRow("two bases") << QStringList{"A", "B<A", "X", "Y<X"} << "B@0 A@0 Y@0 X@0" << 1;
    QTest::newRow("three-way merge")
        << QStringList{"A", "B<A", "C<A", "D<A", "M<B,C,D"} << "M@0 B@0 C@1 D@2 A@0" << 3;
    QTest::newRow("depends_on across branches")
        << QStringList{"A", "B<A", "C<A~B", "D<C"} << "D@0 C@0 B@1 A@0" << 2;
    // Shaped like migrations/analytics: a branch with a depends_on into the
    // other line, merged back, then linear again.
    QTest::newRow("analytics")
        << QStringList{"I", "E<I", "P<E", "R1<E", "R2<R1", "R3<R2", "X<P~R1", "M<X,R3", "S<M", "T<S"}
        << "T@0 S@0 M@0 X@0 P@0 R3@1 R2@1 R1@1 E@0 I@0" << 3;
}

void TestLaneLayout::shapes()
{
    QFETCH(QStringList, spec);
    QFETCH(QString, lanes);
    QFETCH(int, width);

    const Built b = build(parseSpec(spec));
    QCOMPARE(b.rows.size(), spec.size());
    const LaneLayout layout = LaneLayout::compute(b.graph, b.rows);
    const QString problem = checkLayout(b.graph, b.rows, layout);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(lanesText(b.graph, layout), lanes);
    QCOMPARE(layout.maxWidth(), width);
}

void TestLaneLayout::openHeadsNeedTheirOwnLanes_data()
{
    QTest::addColumn<int>("heads");
    for (int h : {1, 2, 3, 5, 8})
        QTest::addRow("%d heads", h) << h;
}

void TestLaneLayout::openHeadsNeedTheirOwnLanes()
{
    QFETCH(int, heads);
    // A root, then `heads` lines of three revisions each, all left open.
    QStringList spec{"root"};
    for (int h = 0; h < heads; ++h) {
        QString parent = QStringLiteral("root");
        for (int i = 0; i < 3; ++i) {
            const QString id = QStringLiteral("h%1n%2").arg(h).arg(i);
            spec << id + QLatin1Char('<') + parent;
            parent = id;
        }
    }
    const Built b = build(parseSpec(spec));
    QCOMPARE(b.graph.heads().size(), heads);

    // alembic's order lists one line after the other: two lanes suffice.
    const LaneLayout walked = LaneLayout::compute(b.graph, b.rows);
    QString problem = checkLayout(b.graph, b.rows, walked);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(walked.maxWidth(), std::min(heads, 2));

    // Interleaved (as by date), every line is open at once: one lane per head,
    // and the heads sit side by side.
    QVector<int> interleaved;
    for (int i = 2; i >= 0; --i) {
        for (int h = 0; h < heads; ++h)
            interleaved << b.graph.indexOf(QStringLiteral("h%1n%2").arg(h).arg(i));
    }
    interleaved << b.graph.indexOf(QStringLiteral("root"));
    const LaneLayout open = LaneLayout::compute(b.graph, interleaved);
    problem = checkLayout(b.graph, interleaved, open);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(open.maxWidth(), heads);
    QSet<int> headLanes;
    for (int h : b.graph.heads())
        headLanes.insert(open.row(open.rowOf(h)).lane);
    QCOMPARE(headLanes.size(), heads);
}

void TestLaneLayout::dependsOnIsDrawnDistinctly()
{
    // C depends on B, which lives on another line: the link is its own
    // DependsOn line, never merged into the down_revision line to A.
    const Built b = build(parseSpec({"A", "B<A", "C<A~B"}));
    const LaneLayout layout = LaneLayout::compute(b.graph, b.rows);
    const int rc = layout.rowOf(b.graph.indexOf(QStringLiteral("C")));
    int parentOut = 0, dependsOut = 0;
    for (const GraphEdge *e = layout.edgesBegin(rc); e != layout.edgesEnd(rc); ++e) {
        if (e->part != GraphEdge::Part::Out)
            continue;
        (e->type == GraphEdge::Type::Parent ? parentOut : dependsOut)++;
    }
    QCOMPARE(parentOut, 1);
    QCOMPARE(dependsOut, 1);
    const QString problem = checkLayout(b.graph, b.rows, layout);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLaneLayout::deterministic()
{
    const Built b = build(generated(600, 7, 11, 13));
    const LaneLayout one = LaneLayout::compute(b.graph, b.rows);
    const LaneLayout two = LaneLayout::compute(b.graph, b.rows);
    QCOMPARE(one.rowCount(), two.rowCount());
    QVERIFY(one.edges() == two.edges());
    for (int r = 0; r < one.rowCount(); ++r)
        QCOMPARE(one.row(r).lane, two.row(r).lane);
}

void TestLaneLayout::parentAboveChildIsSkipped()
{
    // Not a newest-first order: links that would point upwards are left out
    // (and counted) instead of drawing lines to nowhere.
    const Built b = build(parseSpec({"A", "B<A", "C<B"}));
    QVector<int> oldestFirst = b.rows;
    std::reverse(oldestFirst.begin(), oldestFirst.end());
    const LaneLayout layout = LaneLayout::compute(b.graph, oldestFirst);
    QCOMPARE(layout.rowCount(), 3);
    QCOMPARE(layout.skippedEdges(), 2);
    QVERIFY(layout.edges().empty());
    QCOMPARE(layout.maxWidth(), 1);
}

void TestLaneLayout::generatedTenThousand()
{
    const Built b = build(generated(10000, 20, 25, 40));
    QCOMPARE(b.rows.size(), 10000);
    QElapsedTimer timer;
    timer.start();
    const LaneLayout layout = LaneLayout::compute(b.graph, b.rows);
    const qint64 ms = timer.elapsed();
    qInfo("10,000 revisions: lanes in %lld ms, %d lanes wide, %zu edges", ms, layout.maxWidth(),
          layout.edges().size());
    const QString problem = checkLayout(b.graph, b.rows, layout);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLaneLayout::hundredsOfHeadsStayNarrow_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<bool>("breaks");  // or the lines to one parent join
    QTest::newRow("a head on every other revision") << QStringLiteral("side-heads") << true;
    QTest::newRow("one root, all else its children") << QStringLiteral("fan") << false;
    QTest::newRow("forty-parent merges") << QStringLiteral("wide") << true;
}

// In alembic's order most of a thousand side heads are listed above their
// parents, and each line would keep a lane open over every row between:
// 1,001 lanes, the text pushed 16,000 px right, 1,003,000 edges for 2,001
// rows (at 10,000 revisions 1,280 lanes, 8.5 million edges, 257 MB in the
// window). The links past kMaxLanes are drawn broken; the rest is as before.
void TestLaneLayout::hundredsOfHeadsStayNarrow()
{
    QFETCH(QString, shape);
    QFETCH(bool, breaks);
    QStringList spec{QStringLiteral("r0")};
    if (shape == QLatin1String("side-heads")) {
        for (int i = 1; spec.size() < 2000; i += 2) {
            spec << QStringLiteral("s%1<r%2").arg(i).arg(i - 1);
            spec << QStringLiteral("r%1<r%2").arg(i + 1).arg(i - 1);
        }
    } else if (shape == QLatin1String("fan")) {
        for (int i = 1; i < 2000; ++i)
            spec << QStringLiteral("f%1<r0").arg(i);
    } else {
        QString trunk = QStringLiteral("r0");
        for (int m = 0; spec.size() < 2000; ++m) {
            QStringList tips;
            for (int k = 0; k < 40; ++k) {
                const QString tip = QStringLiteral("l%1x%2").arg(m).arg(k);
                spec << tip + QLatin1Char('<') + trunk;
                tips << tip;
            }
            trunk = QStringLiteral("m%1").arg(m);
            spec << trunk + QLatin1Char('<') + tips.join(QLatin1Char(','));
        }
    }
    const Built b = build(parseSpec(spec));
    QCOMPARE(b.rows.size(), spec.size());
    const LaneLayout layout = LaneLayout::compute(b.graph, b.rows);
    const QString problem = checkLayout(b.graph, b.rows, layout);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(layout.maxWidth() <= LaneLayout::kMaxLanes + 1, qPrintable(QString::number(layout.maxWidth())));
    QCOMPARE(layout.brokenEdges() > 0, breaks);
    QVERIFY2(layout.edges().size() <= size_t(b.rows.size()) * (LaneLayout::kMaxLanes + 2),
             qPrintable(QStringLiteral("%1 edges for %2 rows").arg(layout.edges().size()).arg(b.rows.size())));
}

// 26 long lines hold every lane (two of them are broken) while a chain of
// four revisions is listed: each link of the chain goes to the very next
// row and is drawn as a line in the lane past the cap, not as arrows that
// would look like the broken links around them (a hostile try saw a screen
// of such arrows where real links and cut ones could not be told apart).
void TestLaneLayout::aChainStaysJoinedWhenTheLanesAreFull()
{
    QStringList spec;
    for (int i = 0; i < 26; ++i)
        spec << QStringLiteral("b%1").arg(i) << QStringLiteral("a%1<b%1").arg(i);
    spec << QStringLiteral("c3") << QStringLiteral("c2<c3") << QStringLiteral("c1<c2") << QStringLiteral("c0<c1");
    const Built b = build(parseSpec(spec));
    QVector<int> rows;
    for (int i = 0; i < 26; ++i)
        rows << b.graph.indexOf(QStringLiteral("a%1").arg(i));
    for (int k = 0; k < 4; ++k)
        rows << b.graph.indexOf(QStringLiteral("c%1").arg(k));
    for (int i = 0; i < 26; ++i)
        rows << b.graph.indexOf(QStringLiteral("b%1").arg(i));
    const LaneLayout layout = LaneLayout::compute(b.graph, rows);
    const QString problem = checkLayout(b.graph, rows, layout);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(layout.brokenEdges(), 2);
    for (int k = 0; k < 3; ++k) {
        const int r = 26 + k;
        QVERIFY2(hasEdge(layout, r, GraphEdge::Part::Out, LaneLayout::kMaxLanes, GraphEdge::Type::Parent, false),
                 qPrintable(QStringLiteral("c%1 -> c%2 is not a line").arg(k).arg(k + 1)));
        QVERIFY(!hasEdge(layout, r, GraphEdge::Part::BrokenOut, layout.row(r).lane, GraphEdge::Type::Parent, true));
    }
    QCOMPARE(layout.maxWidth(), LaneLayout::kMaxLanes + 1);
}

QTEST_GUILESS_MAIN(TestLaneLayout)
#include "tst_lanelayout.moc"
