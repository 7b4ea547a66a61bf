// The graph algorithms alone, in process, on one project:
//   retort_graph_bench INI [--runs N]
// Reads the revision files once (header cache on), then prints one
// "name median_ms" line per step, the median over N runs (default 5):
// building the graph, heads, the whole history order, placing a database
// that stands halfway down (what `current` and the window compute), an online
// upgrade plan from there to heads, and the lane layout. bench/shape_sweep.py
// reads these lines.

#include "benchargs.h"
#include "graph/dbstate.h"
#include "graph/lanelayout.h"
#include "graph/migrationplan.h"
#include "graph/revisiongraph.h"
#include "graph/revisionwalker.h"
#include "project/projectconfig.h"
#include "project/scriptcache.h"
#include "project/scriptloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

using namespace retort;
using retort::bench::median;

namespace {

void report(const char *name, int runs, const std::function<bool()> &step)
{
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        if (!step()) {
            std::printf("%s failed\n", name);
            std::exit(1);
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("%s %.3f\n", name, median(ms));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    const int runs = bench::takeRuns(args, 5);
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: retort_graph_bench INI [--runs N]\n");
        return 2;
    }
    Result<ProjectConfig> config = ProjectConfig::load(args.front());
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error().toString()));
        return 1;
    }
    Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(config.value(), ScriptCache::defaultDirectory());
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error().toString()));
        return 1;
    }
    const QVector<RevisionScript> &scripts = loaded.value().scripts;
    std::optional<RevisionGraph> graph;
    report("build", runs, [&] {
        Result<RevisionGraph> g = RevisionGraph::build(scripts);
        if (g)
            graph = std::move(g.value());
        return bool(g);
    });
    const RevisionGraph &g = *graph;
    std::printf("revisions %d\n", g.size());
    report("heads", runs, [&] { return bool(RevisionWalker(g).revisions(RevArg::one(QStringLiteral("heads")))); });
    QVector<int> order;
    report("history-order", runs, [&] {
        Result<QVector<int>> h = RevisionWalker(g).history(QString(), QString());
        if (h)
            order = h.value();
        return bool(h) && order.size() == g.size();
    });
    const QString middle = g.node(order[order.size() / 2]).id;
    report("placement", runs, [&] { return DatabaseGraphState::compute(g, {middle}).appliedCount > 0; });
    report("online-plan", runs, [&] {
        return bool(MigrationPlanner(g).upgrade({middle}, QStringLiteral("heads")));
    });
    report("lane-layout", runs, [&] { return LaneLayout::compute(g, order).rowCount() == order.size(); });
    return 0;
}
