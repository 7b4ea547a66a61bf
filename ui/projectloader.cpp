#include "projectloader.h"

#include "graph/revisionwalker.h"
#include "project/scriptcache.h"
#include "project/scriptloader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <vector>

namespace retort::gui {

namespace {

// Children before parents, for a history alembic's walk refused to order:
// reverse post-order of a depth-first walk down every link.
QVector<int> fallbackOrder(const RevisionGraph &graph)
{
    const int n = graph.size();
    std::vector<char> state(size_t(n), 0);  // 0 new, 1 on stack, 2 done
    QVector<int> postOrder;
    postOrder.reserve(n);
    std::vector<std::pair<int, int>> stack;
    for (int start = 0; start < n; ++start) {
        if (state[size_t(start)])
            continue;
        stack.push_back({start, 0});
        state[size_t(start)] = 1;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            const QVector<int> &down = graph.node(node).allDown;
            if (next < down.size()) {
                const int d = down[next++];
                if (!state[size_t(d)]) {
                    state[size_t(d)] = 1;
                    stack.push_back({d, 0});
                }
                continue;
            }
            state[size_t(node)] = 2;
            postOrder << node;
            stack.pop_back();
        }
    }
    return QVector<int>(postOrder.crbegin(), postOrder.crend());
}

} // namespace

QString ProjectLoader::resolveIniPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return QFileInfo(info.absoluteFilePath() + QStringLiteral("/alembic.ini")).absoluteFilePath();
    return info.absoluteFilePath();
}

Result<LoadedProjectPtr> ProjectLoader::loadProject(const QString &path)
{
    QElapsedTimer total, step;
    total.start();
    step.start();
    auto project = std::make_shared<LoadedProject>();
    project->iniPath = resolveIniPath(path);
    if (!QFileInfo::exists(project->iniPath)) {
        Location where;
        where.file = project->iniPath;
        return Error(Error::Kind::Io,
                     QFileInfo(path).isDir()
                         ? QStringLiteral("No alembic.ini in this folder")
                         : QStringLiteral("No such file: %1").arg(project->iniPath),
                     where);
    }

    Result<ProjectConfig> config = ProjectConfig::load(project->iniPath);
    if (!config)
        return config.error();
    project->config = std::move(config).value();
    project->timings.configMs = step.restart();

    Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(project->config, ScriptCache::defaultDirectory());
    if (!loaded)
        return loaded.error();
    project->scripts = std::move(loaded.value().scripts);
    project->warnings = loaded.value().warnings;
    project->timings.scriptsMs = step.restart();

    Result<RevisionGraph> graph = RevisionGraph::build(project->scripts);
    if (!graph)
        return graph.error();
    project->graph = std::move(graph).value();
    project->warnings += project->graph.warnings();
    for (const RevisionScript &s : std::as_const(project->scripts))
        project->warnings += s.problems;  // unresolved values that did not stop the graph
    project->timings.graphMs = step.restart();

    Result<QVector<int>> history = RevisionWalker(project->graph).history(QString(), QString());
    if (history) {
        project->rows = std::move(history).value();
    } else {
        project->warnings << history.error();
        project->rows = fallbackOrder(project->graph);
    }
    project->timings.orderMs = step.restart();
    project->messages.reserve(project->graph.size());
    for (int i = 0; i < project->graph.size(); ++i)
        project->messages << revisionMessage(project->script(i));
    project->timings.messagesMs = step.restart();

    project->layout = LaneLayout::compute(project->graph, project->rows);
    project->timings.layoutMs = step.restart();
    project->timings.totalMs = total.elapsed();
    return LoadedProjectPtr(std::move(project));
}

void ProjectLoader::load(quint64 request, const QString &path)
{
    Result<LoadedProjectPtr> result = loadProject(path);
    if (result)
        emit loaded(request, result.value());
    else
        emit failed(request, result.error(), resolveIniPath(path));
}

void ProjectLoader::readSource(quint64 request, const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        emit sourceRead(request, filePath, QString(), file.errorString());
        return;
    }
    emit sourceRead(request, filePath, QString::fromUtf8(file.readAll()), QString());
}

} // namespace retort::gui
