// retort_render_bench INI [--samples N]: one revision's preview time through
// the core, as the window's detail pane asks for it: a fresh RevisionRenderer
// (so the revision file is read, parsed and evaluated) rendering one
// revision's upgrade(). Prints the median and 90th percentile over N
// revisions spread evenly over the project (default 500), for the steps the
// native engine renders and, separately, the time it takes to refuse the
// ones that need Python. Figures only: nothing here asserts.

#include "graph/revisiongraph.h"
#include "project/projectconfig.h"
#include "project/scriptloader.h"
#include "render/revisionrenderer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace retort;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: retort_render_bench INI [--samples N]\n");
        return 2;
    }
    const int samples = args.size() > 3 && args[2] == QLatin1String("--samples") ? args[3].toInt() : 500;
    Result<ProjectConfig> config = ProjectConfig::load(args[1]);
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error().toString()));
        return 1;
    }
    Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(config.value());
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error().toString()));
        return 1;
    }
    const QVector<RevisionScript> &scripts = loaded->scripts;
    Result<RevisionGraph> graph = RevisionGraph::build(scripts);
    if (!graph) {
        std::fprintf(stderr, "%s\n", qPrintable(graph.error().toString()));
        return 1;
    }
    const int n = graph->size();
    const int count = std::min(samples, n);
    std::vector<double> native, refused;
    QElapsedTimer timer;
    for (int k = 0; k < count; ++k) {
        const int i = int(qint64(k) * n / count);
        const RevisionNode &node = graph->node(i);
        timer.start();
        RevisionRenderer renderer;
        const Result<StepBody> body = renderer.render(scripts[node.script].path, node.id, true);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        (body ? native : refused).push_back(ms);
    }
    std::printf("revisions: %d, sampled: %d (native %zu, needs Python %zu)\n", n, count, native.size(), refused.size());
    std::printf("preview (native upgrade): median %.3f ms, p90 %.3f ms\n", percentile(native, 0.5), percentile(native, 0.9));
    std::printf("refusal (needs Python):   median %.3f ms, p90 %.3f ms\n", percentile(refused, 0.5), percentile(refused, 0.9));
    return 0;
}
