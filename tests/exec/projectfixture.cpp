#include "projectfixture.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "graph/revisiongraph.h"
#include "processrunner.h"
#include "project/envreader.h"
#include "project/projectconfig.h"
#include "project/scriptloader.h"

#include <QFile>
#include <QFileInfo>

namespace retort::testsupport {

LoadedProject loadProject(const QString &ini)
{
    LoadedProject p;
    p.ini = ini;
    p.dir = QFileInfo(ini).absolutePath();
    Result<ProjectConfig> cfg = ProjectConfig::load(ini);
    if (!cfg) {
        p.error = cfg.error().toString();
        return p;
    }
    Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(cfg.value());
    if (!loaded) {
        p.error = loaded.error().toString();
        return p;
    }
    Result<RevisionGraph> graph = RevisionGraph::build(loaded->scripts);
    if (!graph) {
        p.error = graph.error().toString();
        return p;
    }
    p.context.config = cfg.value();
    p.context.scripts = loaded->scripts;
    p.context.graph = std::make_shared<const RevisionGraph>(std::move(graph.value()));
    QFile env(cfg->envPath);
    if (env.open(QIODevice::ReadOnly))
        p.context.env = readEnvOptions(cfg->envPath, env.readAll());
    return p;
}

ConnectionSettings clusterSettings(const QString &url)
{
    return ConnectionSettings::parse(url).value();
}

QProcessEnvironment alembicEnv(const QString &url)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("DATABASE_URL"), url);
    e.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    return e;
}

QString describe(const RunReport &report)
{
    if (report.ok)
        return QStringLiteral("ok, %1 step(s)").arg(report.stepCount);
    return QStringLiteral("failed (%1 of %2 steps committed, rows %3): %4 [statement: %5]")
        .arg(report.stepsCommitted)
        .arg(report.stepCount)
        .arg(report.headsAfter.join(QLatin1Char(',')), report.error.toString(), report.failedStatement);
}

RunReport applyWithRetort(const LoadedProject &project, const QString &url, const Operation &operation,
                          RunOptions options, bool bridge)
{
    options.transactionPerMigration = project.context.env.transactionPerMigration;
    MigrationRunner runner(project.context, clusterSettings(url), options);
    if (bridge) {
        PlanRenderSettings settings;
        settings.mode = RenderMode::Online;
        settings.bridge.python = alembicPython();
        settings.bridge.iniPath = project.ini;
        settings.bridge.workDir = project.dir;
        settings.interpreter.iniPath = project.ini;
        runner.setStepRenderer(planStepRenderer(project.context, settings));
        runner.setPythonRunner(bridgeStepRunner(settings.bridge, settings.interpreter, clusterSettings(url)));
    }
    Executor executor;
    return runner.apply(operation, executor);
}

QString generateProject(const QString &dir, const QStringList &options)
{
    const ProcessResult r = runProcess(QStringLiteral("python3"),
                                       QStringList{QStringLiteral(RETORT_SOURCE_DIR "/bench/generate_project.py")}
                                           + options + QStringList{QStringLiteral("--quiet"), dir},
                                       QString());
    return r.ok() ? QString() : r.describe();
}

} // namespace retort::testsupport
