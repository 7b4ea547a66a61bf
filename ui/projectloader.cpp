#include "projectloader.h"

#include "projectwatcher.h"
#include "searchindex.h"

#include "bridge/pythonheaders.h"
#include "graph/revisionwalker.h"
#include "progress.h"
#include "project/envreader.h"
#include "project/scriptcache.h"
#include "project/scriptloader.h"
#include "project/tomlsection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <vector>

namespace retort::gui {

namespace {

// Children before parents, for a history alembic's walk refused to order.
QVector<int> fallbackOrder(const RevisionGraph &graph)
{
    const std::vector<int> order = graph.parentsFirst(RevisionGraph::Relation::AllDown);
    return QVector<int>(order.crbegin(), order.crend());
}

} // namespace

namespace {

bool hasAlembicTable(const QString &toml)
{
    if (!QFileInfo(toml).isFile())
        return false;
    const Result<std::optional<TomlSection>> section = TomlSection::load(toml);
    return !section || section->has_value();  // a broken one is shown with its error
}

} // namespace

QString ProjectLoader::resolveIniPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.absoluteFilePath();
    // A folder inside the project (its versions, its script directory)
    // opens the project whose alembic.ini, or pyproject.toml with a
    // [tool.alembic] table, is in it or above it.
    for (QDir dir(info.absoluteFilePath());;) {
        const QFileInfo ini(dir.absoluteFilePath(QStringLiteral("alembic.ini")));
        if (ini.isFile())
            return ini.absoluteFilePath();
        const QString toml = dir.absoluteFilePath(QStringLiteral("pyproject.toml"));
        if (hasAlembicTable(toml))
            return toml;
        if (!dir.cdUp())
            break;
    }
    return QFileInfo(info.absoluteFilePath() + QStringLiteral("/alembic.ini")).absoluteFilePath();
}

QPair<QString, QString> ProjectLoader::configFiles(const QString &resolved)
{
    // as alembic run in that folder finds them: ./alembic.ini and ./pyproject.toml
    const QFileInfo info(resolved);
    if (info.fileName() == QLatin1String("pyproject.toml"))
        return {info.absoluteDir().absoluteFilePath(QStringLiteral("alembic.ini")), info.absoluteFilePath()};
    return {info.absoluteFilePath(), info.absoluteDir().absoluteFilePath(QStringLiteral("pyproject.toml"))};
}

Result<LoadedProjectPtr> ProjectLoader::loadProject(const QString &path, Progress *progress)
{
    const auto cancelled = [progress] { return progress && progress->isCancelled(); };
    const QString what = QStringLiteral("Opening the project");
    QElapsedTimer total, step;
    total.start();
    step.start();
    auto project = std::make_unique<LoadedProject>();
    project->iniPath = resolveIniPath(path);
    if (!QFileInfo::exists(project->iniPath)) {
        Location where;
        where.file = project->iniPath;
        return Error(Error::Kind::Io,
                     QFileInfo(path).isDir()
                         ? QStringLiteral("No alembic.ini or pyproject.toml with [tool.alembic] in this folder "
                                          "or any folder above it")
                         : QStringLiteral("No such file: %1").arg(project->iniPath),
                     where);
    }

    if (progress)
        progress->begin(QFileInfo(project->iniPath).fileName() == QLatin1String("pyproject.toml")
                            ? QStringLiteral("Reading pyproject.toml")
                            : QStringLiteral("Reading alembic.ini"));
    const auto [ini, toml] = configFiles(project->iniPath);
    Result<ProjectConfig> config = ProjectConfig::load(ini, QStringLiteral("alembic"), toml);
    if (!config)
        return config.error();
    project->config = std::move(config).value();
    project->config.workDir = QFileInfo(project->iniPath).absolutePath();  // as the bridge runs alembic
    // env.py's own problems are reported where it is run; here only what it reads
    if (const Result<EnvOptions> env = loadEnvOptions(project->config.envPath))
        project->envVariables = env.value().environmentVariables;
    project->timings.configMs = step.restart();

    if (cancelled())
        return Progress::cancelledError(what);
    Result<ScriptLoader::Loaded> loaded =
        ScriptLoader::load(project->config, ScriptCache::defaultDirectory(), progress);
    if (!loaded)
        return loaded.error();
    project->scripts = std::move(loaded.value().scripts);
    const QString importTimeCode = loaded.value().importTimeCode;
    project->warnings = loaded.value().warnings;
    // the window plans runs, which run env.py: not when env.py changes a header
    if ((headersNeedPython(project->scripts) && !headersDependOnEnv(project->scripts))
        || !importTimeCode.isEmpty()) {
        // alembic reads what the static reader cannot (the graph marks those
        // revisions), and says whether the files that run code at import load
        if (progress)
            progress->begin(QStringLiteral("Reading the revision files with Python"));
        PythonHeaderSettings python;
        python.interpreter.iniPath = project->iniPath;
        python.bridge.iniPath = project->config.iniPath;
        python.bridge.tomlPath = project->config.tomlPath;
        python.bridge.workDir = project->config.workDir;
        python.forImportTimeCode = !importTimeCode.isEmpty();
        bool alembicRan = false;
        const Result<PythonReading> read =
            readHeadersWithPython(python, project->scripts, progress ? progress->cancelFlag() : nullptr, &alembicRan);
        if (cancelled())
            return Progress::cancelledError(what);
        // alembic itself cannot load the project (a file raises as it is
        // imported): the window opens what alembic opens, no more
        if (!read && alembicRan)
            return read.error();
        if (read && read->failure)
            return read->failure;
        if (read && read->exitCode)
            return Error(Error::Kind::Config,
                         QStringLiteral("%1: ends Python (exit %2) when alembic imports the revisions: alembic's "
                                        "commands end there")
                             .arg(importTimeCode)
                             .arg(*read->exitCode));
        if (!read)
            project->warnings << read.error();
    }
    project->timings.scriptsMs = step.restart();

    // The graph's steps each take a fraction of the files' time (well under
    // a second at 100,000 revisions): cancel is checked between them.
    constexpr int kGraphSteps = 4;
    if (progress)
        progress->begin(QStringLiteral("Building the graph"), kGraphSteps);
    const auto graphStepDone = [&] {
        if (progress)
            progress->advance();
        return !cancelled();
    };
    if (cancelled())
        return Progress::cancelledError(what);
    Result<RevisionGraph> graph = RevisionGraph::build(project->scripts);
    if (!graph)
        return graph.error();
    project->graph = std::move(graph).value();
    project->warnings += project->graph.warnings();
    for (const RevisionScript &s : std::as_const(project->scripts))
        project->warnings += s.problems;  // unresolved values that did not stop the graph
    project->timings.graphMs = step.restart();
    if (!graphStepDone())
        return Progress::cancelledError(what);

    Result<QVector<int>> history = RevisionWalker(project->graph).history(QString(), QString());
    if (history) {
        project->rows = std::move(history).value();
    } else {
        project->warnings << history.error();
        project->rows = fallbackOrder(project->graph);
    }
    project->timings.orderMs = step.restart();
    if (!graphStepDone())
        return Progress::cancelledError(what);
    project->messages.reserve(project->graph.size());
    for (int i = 0; i < project->graph.size(); ++i)
        project->messages << revisionMessage(project->script(i));
    project->searchIndex = SearchIndex::build(*project);
    project->timings.messagesMs = step.restart();
    if (!graphStepDone())
        return Progress::cancelledError(what);

    project->layout = LaneLayout::compute(project->graph, project->rows);
    project->timings.layoutMs = step.restart();
    project->watchPaths = ProjectWatcher::pathsFor(*project);
    graphStepDone();
    project->timings.totalMs = total.elapsed();
    return shareLoadedProject(std::move(project));
}

void ProjectLoader::load(quint64 request, const QString &path, const std::atomic<bool> &cancel)
{
    Progress progress([this, request](const QString &step, qint64 done, qint64 total) {
        emit progressed(request, step, done, total);
    }, &cancel);
    Result<LoadedProjectPtr> result = loadProject(path, &progress);
    if (cancel.load())
        return;
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
