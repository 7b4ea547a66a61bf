// The graph's cost grows with the history, not with its square: the shapes
// real projects accumulate (hundreds of labelled branches merged back, long
// depends_on chains, hundreds of heads, a branch point at every revision,
// ten-parent merges) are built at 5,000 and at 50,000 revisions, in memory,
// and loading them (RevisionGraph::build) then ordering the whole history
// (what `history`, `branches` and `upgrade base:heads` walk) may cost at most
// a generous multiple of ten times the small run, measured in the same test
// (see growsLinearly_data for the label-heavy shapes). A quadratic path costs
// a hundred times; no fixed time is asserted.

#include "graph/revisiongraph.h"
#include "graph/revisionwalker.h"
#include "graph/topologicalsort.h"
#include "revisionformat.h"

#include <QtTest>

#include <ctime>
#include <functional>

using namespace retort;

namespace {

HeaderValue literal(const QStringList &items, bool sequence)
{
    HeaderValue v;
    v.state = HeaderValue::State::Literal;
    v.isNone = items.isEmpty();
    v.isSequence = sequence && !items.isEmpty();
    v.items = items;
    v.line = 1;
    return v;
}

// Revisions appended in load order; ids are "r<index>".
class Shape {
public:
    int add(const QVector<int> &parents, const QStringList &labels = {}, const QVector<int> &deps = {})
    {
        RevisionScript s;
        const QString id = QStringLiteral("r%1").arg(m_scripts.size());
        s.path = s.fileName = id + QStringLiteral(".py");
        s.revision = literal({id}, false);
        QStringList down, dependsOn;
        for (int p : parents)
            down << QStringLiteral("r%1").arg(p);
        for (int d : deps)
            dependsOn << QStringLiteral("r%1").arg(d);
        s.downRevision = literal(down, down.size() > 1);
        s.branchLabels = literal(labels, true);
        s.dependsOn = literal(dependsOn, dependsOn.size() > 1);
        m_scripts << s;
        return int(m_scripts.size()) - 1;
    }
    int chain(int tip, int length)
    {
        for (int i = 0; i < length; ++i)
            tip = add({tip});
        return tip;
    }
    QString label() { return QStringLiteral("label_%1").arg(++m_labels); }
    int size() const { return int(m_scripts.size()); }
    const QVector<RevisionScript> &scripts() const { return m_scripts; }

private:
    QVector<RevisionScript> m_scripts;
    int m_labels = 0;
};

// The shapes of bench/shapes.py, as the test builds them.
Shape linearLabels(int n)
{
    Shape s;
    int trunk = s.add({});
    while (s.size() < n) {
        const int feature = s.chain(s.add({trunk}, {s.label()}), 3);
        trunk = s.add({s.chain(trunk, 44), feature});
    }
    return s;
}

Shape deepDepends(int n)
{
    Shape s;
    const int base = s.add({});
    QVector<QVector<int>> lanes;
    for (int k = 0; k < 4; ++k)
        lanes << QVector<int>{s.add({base}, {s.label()})};
    for (int k = 0; s.size() < n - 1; ++k) {
        QVector<int> &lane = lanes[k % 4];
        const QVector<int> &other = lanes[(k + 1) % 4];
        lane << s.add({lane.back()}, {}, other.size() >= 2 ? QVector<int>{other[other.size() - 2]} : QVector<int>{});
    }
    s.add({lanes[0].back(), lanes[1].back(), lanes[2].back(), lanes[3].back()});
    return s;
}

Shape manyHeads(int n)
{
    Shape s;
    int trunk = s.add({});
    const int per = n / 500;
    for (int k = 0; s.size() < n; ++k) {
        const int side = s.add({trunk}, k % 5 == 0 ? QStringList{s.label()} : QStringList{});
        s.chain(side, per - 3);
        trunk = s.chain(trunk, 1 + k % 2);
    }
    return s;
}

Shape branchPoints(int n)
{
    Shape s;
    int trunk = s.add({});
    int previousSide = -1;
    for (int k = 0; s.size() < n; ++k) {
        const int side = s.add({trunk}, k % 50 == 0 ? QStringList{s.label()} : QStringList{});
        trunk = previousSide < 0 ? s.add({trunk}) : s.add({trunk, previousSide});
        previousSide = side;
    }
    s.add({trunk, previousSide});
    return s;
}

Shape wideMerges(int n)
{
    Shape s;
    int trunk = s.add({});
    while (s.size() < n) {
        QVector<int> tips;
        for (int k = 0; k < 10; ++k)
            tips << s.chain(s.add({trunk}, k % 4 == 1 ? QStringList{s.label()} : QStringList{}), 2);
        trunk = s.add(tips);
    }
    return s;
}

// A head on every other revision: each trunk revision has a one-revision
// side branch that is never merged.
Shape sideHeads(int n)
{
    Shape s;
    int trunk = s.add({});
    for (int k = 0; s.size() < n; ++k) {
        s.add({trunk}, k % 50 == 0 ? QStringList{s.label()} : QStringList{});
        trunk = s.add({trunk});
    }
    return s;
}

// One root, every other revision its child.
Shape fan(int n)
{
    Shape s;
    const int root = s.add({});
    for (int k = 0; s.size() < n; ++k)
        s.add({root}, k % 50 == 0 ? QStringList{s.label()} : QStringList{});
    return s;
}

// A random history: each revision's parents drawn from the `window` newest
// (or, one time in ten, from anywhere), a merge with probability `merges`,
// a revision left without children (a head) about `heads` of the time.
Shape randomHistory(QRandomGenerator &rng, int n, double merges, double heads, int window)
{
    Shape s;
    QVector<int> open{s.add({})};
    while (s.size() < n) {
        auto pick = [&] {
            if (rng.bounded(10) == 0 || open.size() <= window)
                return int(rng.bounded(int(open.size())));
            return int(open.size()) - 1 - int(rng.bounded(window));
        };
        QVector<int> parents{open[pick()]};
        if (rng.generateDouble() < merges) {
            for (int extra = 1 + int(rng.bounded(3)); extra > 0; --extra) {
                const int p = open[pick()];
                if (!parents.contains(p))
                    parents << p;
            }
        }
        const int r = s.add(parents);
        if (rng.generateDouble() >= heads)
            open << r;
        else
            s.add({r});  // a head: nothing will name it
    }
    return s;
}

double threadSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// Loads the graph and orders the whole history; the best of three runs.
double cost(const Shape &shape)
{
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        const double start = threadSeconds();
        Result<RevisionGraph> g = RevisionGraph::build(shape.scripts());
        if (!g)
            qFatal("%s", qPrintable(g.error().message()));
        Result<QVector<int>> history = RevisionWalker(g.value()).history(QString(), QString());
        if (!history || history.value().size() != shape.size())
            qFatal("the history does not list every revision");
        best = std::min(best, threadSeconds() - start);
    }
    return best;
}

} // namespace

Q_DECLARE_METATYPE(std::function<Shape(int)>)

class TestGraphScale : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void growsLinearly_data()
    {
        // Where the labels grow with the history, the revisions after the
        // k-th labelled branch carry k labels, so the distinct label lists
        // alone add up to (labels)^2 / 2 entries, which is what alembic
        // prints too: those shapes may cost up to 150x (the propagation that
        // walked every labelled revision's descendants cost over 1,000x).
        QTest::addColumn<std::function<Shape(int)>>("make");
        QTest::addColumn<double>("factor");
        QTest::newRow("linear-labels") << std::function<Shape(int)>(linearLabels) << 150.0;
        QTest::newRow("wide-merges") << std::function<Shape(int)>(wideMerges) << 150.0;
        QTest::newRow("deep-depends") << std::function<Shape(int)>(deepDepends) << 30.0;
        QTest::newRow("many-heads") << std::function<Shape(int)>(manyHeads) << 30.0;
        QTest::newRow("branch-points") << std::function<Shape(int)>(branchPoints) << 30.0;
        QTest::newRow("side-heads") << std::function<Shape(int)>(sideHeads) << 30.0;
        QTest::newRow("fan") << std::function<Shape(int)>(fan) << 30.0;
    }

    void growsLinearly()
    {
        QFETCH(std::function<Shape(int)>, make);
        QFETCH(double, factor);
        const double small = cost(make(5000));
        const double large = cost(make(50000));
        // Ten times the revisions: about 10x when linear, 13x with a log
        // factor, 100x when quadratic. The floor keeps a tiny small run
        // from making the bound meaninglessly tight.
        const double bound = factor * std::max(small, 0.002);
        QVERIFY2(large <= bound, qPrintable(QStringLiteral("5,000 revisions: %1 s, 50,000: %2 s (%3x; at most %4x)")
                                                .arg(small)
                                                .arg(large)
                                                .arg(large / small)
                                                .arg(factor)));
    }

    // Building the graph of an acyclic history passes over it a fixed
    // number of times (one parents-first order, one peel for cycles), not
    // once more per check alembic makes: its cycle check's four walks are
    // only needed when a file shadows another or depends_on is ''.
    void buildWalksTheGraphTwice_data() { growsLinearly_data(); }
    void buildWalksTheGraphTwice()
    {
        QFETCH(std::function<Shape(int)>, make);
        const Shape s = make(5000);
        Result<RevisionGraph> g = RevisionGraph::build(s.scripts());
        QVERIFY(g);
        QVERIFY2(g->buildVisits() <= 2 * s.size(),
                 qPrintable(QStringLiteral("%1 visits for %2 revisions").arg(g->buildVisits()).arg(s.size())));
    }

    // The sort that `history`, `branches` and the upgrade plans share keeps
    // alembic's order while answering "which current head lies above this
    // one" from values kept up to date, not by walking up through every
    // waiting revision (quadratic with a head on every other revision):
    // on random histories swept from chains to dense merges and from one
    // head to one in two, and on every shape above, it gives what alembic's
    // own procedure (one ancestor set per current head) gives, for the whole
    // history and for the part below a random choice of heads.
    void sortKeepsAlembicsOrder()
    {
        QRandomGenerator rng(20261207);
        QVector<Shape> shapes{linearLabels(600), wideMerges(600), deepDepends(600), manyHeads(1200),
                              branchPoints(600), sideHeads(600),   fan(300)};
        for (double merges : {0.0, 0.1, 0.4})
            for (double heads : {0.0, 0.05, 0.3, 0.5})
                for (int window : {1, 4, 40})
                    shapes << randomHistory(rng, 150 + int(rng.bounded(250)), merges, heads, window);
        int sorts = 0;
        for (qsizetype i = 0; i < shapes.size(); ++i) {
            Result<RevisionGraph> built = RevisionGraph::build(shapes[i].scripts());
            QVERIFY2(built, qPrintable(built ? QString() : built.error().message()));
            const RevisionGraph &g = built.value();
            for (int round = 0; round < 6; ++round) {
                QVector<int> heads = g.heads();
                if (round > 0) {
                    QVector<int> some;
                    for (int h : std::as_const(heads))
                        if (rng.bounded(3) == 0)
                            some << h;
                    if (some.isEmpty())
                        some << heads[int(rng.bounded(int(heads.size())))];
                    heads = some;
                }
                const std::vector<int> below = g.related(RevisionGraph::Relation::NormalizedDown, heads);
                const QVector<int> revisions(below.begin(), below.end());
                const QVector<int> fast = topologicalSort(g, revisions, heads);
                const QVector<int> alembics = topologicalSortByAncestorSets(g, revisions, heads);
                QVERIFY2(fast == alembics, qPrintable(QStringLiteral("shape %1 (%2 revisions, %3 heads), round %4")
                                                         .arg(i)
                                                         .arg(g.size())
                                                         .arg(heads.size())
                                                         .arg(round)));
                ++sorts;
            }
        }
        QVERIFY(sorts >= 6 * 43);
    }

    // A ten-parent merge of branches that each added a label to the trunk's
    // set unites the trunk's labels once, not once per parent: the label ids
    // read while uniting stay within a small multiple of the sets made (on
    // wide-merges at 100,000 the pairwise union was a tenth of `heads`).
    void mergesUniteLabelsOnce()
    {
        const Shape s = wideMerges(5000);
        Result<RevisionGraph> built = RevisionGraph::build(s.scripts());
        QVERIFY(built);
        const RevisionGraph &g = built.value();
        QSet<int> seen;
        qint64 made = 0;
        for (int i = 0; i < g.size(); ++i) {
            if (!seen.contains(g.node(i).labelSet)) {
                seen.insert(g.node(i).labelSet);
                made += g.node(i).branchLabels.size();
            }
        }
        QVERIFY(made > 10000);
        QVERIFY2(g.labelWork() <= 3 * made + g.size(),
                 qPrintable(QStringLiteral("%1 label ids read for sets of %2 in all").arg(g.labelWork()).arg(made)));
    }

    // What the faster propagation must still say: on a trunk that merged
    // every labelled feature branch back, the head carries every label, and
    // a feature branch's revisions carry their own label and those of the
    // features merged before it forked, but not the later ones.
    void labelsReachTheHead()
    {
        const Shape s = linearLabels(2000);
        Result<RevisionGraph> built = RevisionGraph::build(s.scripts());
        QVERIFY(built);
        const RevisionGraph &g = built.value();
        QCOMPARE(g.heads().size(), 1);
        QCOMPARE(g.node(g.heads().front()).branchLabels.size(), g.labels().size());
        const int second = g.lookup(QStringLiteral("label_2"));
        QVERIFY(second >= 0);
        QStringList labels = g.node(g.node(second).nextrev.front()).branchLabels.toList();
        labels.sort();
        QCOMPARE(labels, (QStringList{QStringLiteral("label_1"), QStringLiteral("label_2")}));
    }

    // `history` (and `history -v`) print every revision's labels; here the
    // lists grow with the history, so the text is revisions x labels long
    // (as alembic's). Each distinct list is joined into text once, however
    // many revisions carry it, not once per revision.
    void historyJoinsEachLabelListOnce()
    {
        const Shape s = linearLabels(5000);
        Result<RevisionGraph> built = RevisionGraph::build(s.scripts());
        QVERIFY(built);
        const RevisionGraph &g = built.value();
        Result<QVector<int>> order = RevisionWalker(g).history(QString(), QString());
        QVERIFY(order);
        cli::RevisionFormat format(g, s.scripts());
        cli::RevisionFormat::Options o;
        o.includeBranches = o.includeDoc = o.includeParents = true;
        QByteArray text;
        QSet<QString> distinctLists;
        int labelled = 0;
        for (int r : order.value()) {
            format.appendCmdFormat(text, r, false, o);
            text += '\n';
            format.appendCmdFormat(text, r, true, o);
            if (!g.node(r).branchLabels.isEmpty()) {
                ++labelled;
                distinctLists.insert(g.node(r).branchLabels.join(QLatin1Char('\n')));
            }
        }
        QVERIFY2(labelled > 40 * distinctLists.size(),
                 qPrintable(QStringLiteral("%1 labelled revisions, %2 lists").arg(labelled).arg(distinctLists.size())));
        QVERIFY2(format.labelTextsBuilt() <= distinctLists.size(),
                 qPrintable(QStringLiteral("%1 label lists joined for %2 distinct lists on %3 labelled revisions")
                                .arg(format.labelTextsBuilt())
                                .arg(distinctLists.size())
                                .arg(labelled)));
        // The newest revision, printed first, still names every label in both forms.
        QCOMPARE(order.value().front(), g.heads().front());
        const QList<QByteArray> lines = text.split('\n');
        QVERIFY(lines.front().contains(" -> " + g.node(g.heads().front()).id.toUtf8() + " (label_"));
        QCOMPARE(lines.front().count("label_"), qsizetype(g.labels().size()));
        const auto names = std::find_if(lines.cbegin(), lines.cend(),
                                         [](const QByteArray &l) { return l.startsWith("Branch names: "); });
        QVERIFY(names != lines.cend());
        QCOMPARE(names->count("label_"), qsizetype(g.labels().size()));
    }
};


QTEST_GUILESS_MAIN(TestGraphScale)
#include "tst_graphscale.moc"
