#include "sqlworker.h"

#include "bridge/planrenderer.h"
#include "graph/migrationplan.h"
#include "project/envreader.h"
#include "render/offlinescript.h"
#include "render/revisionrenderer.h"

#include <QFile>
#include <QFileInfo>

namespace retort::gui {

namespace {

QString located(const Error &e)
{
    const Location &w = e.where();
    const QString file = w.file.section(QLatin1Char('/'), -1);
    return w.line > 0 ? QStringLiteral("%1 (%2:%3)").arg(e.message(), file).arg(w.line)
                      : QStringLiteral("%1 (%2)").arg(e.message(), file);
}

OfflineOptions offlineOptions(const ProjectConfig &config)
{
    OfflineOptions o;
    QFile env(config.envPath);
    if (!env.open(QIODevice::ReadOnly))
        return o;
    const EnvOptions e = readEnvOptions(config.envPath, env.readAll());
    o.versionTable = e.versionTable;
    o.versionTableSchema = e.versionTableSchema;
    o.versionTablePk = e.versionTablePk;
    o.transactionPerMigration = e.transactionPerMigration;
    return o;
}

} // namespace

SqlWorker::SqlWorker(std::shared_ptr<std::atomic<quint64>> latestScan, QObject *parent)
    : QObject(parent), m_latestScan(std::move(latestScan))
{
}

SqlWorker::~SqlWorker() = default;

RevisionRenderer &SqlWorker::rendererFor(const LoadedProjectPtr &project)
{
    // The renderer caches parsed files: keep it while the project is the same.
    if (!m_renderer || m_rendererProject != project.get()) {
        m_renderer = std::make_unique<RevisionRenderer>();
        m_rendererProject = project.get();
    }
    return *m_renderer;
}

std::unique_ptr<PlanRenderer> SqlWorker::planRendererFor(const LoadedProject &project)
{
    PlanRenderSettings settings;
    settings.policy = EnginePolicy::Auto;
    settings.bridge.iniPath = project.iniPath;
    settings.bridge.workDir = QFileInfo(project.iniPath).absolutePath();
    settings.interpreter.iniPath = project.iniPath;
    return std::make_unique<PlanRenderer>(project.graph, project.scripts, settings);
}

PlanRenderer &SqlWorker::planRendererFor(const LoadedProjectPtr &project)
{
    if (!m_planRenderer || m_planProject != project) {
        m_planRenderer.reset();
        m_planProject = project;
        m_planRenderer = planRendererFor(*project);
    }
    return *m_planRenderer;
}

SqlScript SqlWorker::stepScript(PlanRenderer &renderer, const LoadedProject &project, int node, bool upgrade,
                                const std::atomic<bool> *cancel)
{
    SqlScript out;
    const RevisionNode &n = project.graph.node(node);
    // The step as alembic runs it for `upgrade <parents>:<rev>` or `downgrade <rev>:<parents>`.
    MigrationStep step;
    step.kind = upgrade ? MigrationStep::Kind::Upgrade : MigrationStep::Kind::Downgrade;
    step.revision = node;
    if (upgrade) {
        for (int parent : n.versionedDown)
            step.headsBefore << project.graph.node(parent).id;
    } else {
        step.headsBefore << n.id;
    }
    const PlanSql sql = renderer.render({step}, cancel);
    if (sql.failedStep >= 0) {
        const Error &e = sql.error;
        const Error *native = e.cause() ? e.cause() : &e;
        out.engine = QStringLiteral("needs Python: %1").arg(located(*native));
        out.problem = sql.failedInBridge || e.cause() ? QStringLiteral("The alembic bridge failed too: %1").arg(e.message())
                                                      : e.message();
        return out;
    }
    const StepSql &stepSql = sql.steps.value(0);
    for (const SqlStatement &s : stepSql.body) {
        switch (s.kind) {
        case SqlStatement::Kind::EnterAutocommit:
            out.text += QLatin1String("COMMIT;");
            break;
        case SqlStatement::Kind::LeaveAutocommit:
            out.text += QLatin1String("BEGIN;");
            break;
        case SqlStatement::Kind::Sql:
            out.text += s.sql + QLatin1Char(';');
            break;
        }
        out.text += QLatin1String("\n\n");
    }
    out.ok = true;
    out.engine = stepSql.engine == RenderEngine::Native
                     ? QStringLiteral("native")
                     : QStringLiteral("alembic (Python); needs Python: %1")
                           .arg(stepSql.reason.startsWith(QLatin1Char('/')) ? stepSql.reason.section(QLatin1Char('/'), -1)
                                                                            : stepSql.reason);
    out.destructive = findDestructive(out.text);
    return out;
}

SqlScript SqlWorker::rangeScript(RevisionRenderer &renderer, const LoadedProject &project, const QStringList &heads,
                                 const QString &target, bool downgrade)
{
    // Until the executor's plan-only entry point is in, the preview is planned
    // here exactly as --sql plans it: MigrationPlanner from the database's
    // rows, each body rendered natively, framed by OfflineScript.
    SqlScript out;
    MigrationPlanner planner(project.graph);
    Result<QVector<MigrationStep>> plan = downgrade ? planner.downgrade(heads, target) : planner.upgrade(heads, target);
    if (!plan) {
        out.problem = plan.error().message();
        out.engine = QStringLiteral("not planned");
        return out;
    }
    QVector<StepBody> bodies;
    for (const MigrationStep &step : plan.value()) {
        if (step.kind == MigrationStep::Kind::Stamp || step.revision < 0) {
            bodies.append(StepBody());
            continue;
        }
        const RevisionNode &n = project.graph.node(step.revision);
        Result<StepBody> body =
            renderer.render(project.script(step.revision).path, n.id, step.kind == MigrationStep::Kind::Upgrade);
        if (!body) {
            out.engine = QStringLiteral("needs Python: %1").arg(located(body.error()));
            out.problem = body.error().message();
            return out;
        }
        bodies.append(body.value());
    }
    out.text = OfflineScript(offlineOptions(project.config)).render(plan.value(), bodies, heads);
    out.ok = true;
    out.engine = QStringLiteral("native");
    out.destructive = findDestructive(out.text);
    return out;
}

void SqlWorker::renderRevision(quint64 request, const LoadedProjectPtr &project, int node)
{
    if (!project || node < 0 || node >= project->graph.size())
        return;
    PlanRenderer &renderer = planRendererFor(project);
    RevisionSql sql;
    sql.node = node;
    sql.upgrade = stepScript(renderer, *project, node, true, m_cancel.get());
    sql.downgrade = stepScript(renderer, *project, node, false, m_cancel.get());
    emit revisionRendered(request, sql);
}

void SqlWorker::renderRange(quint64 request, const LoadedProjectPtr &project, const QStringList &heads,
                            const QString &target, bool downgrade)
{
    if (!project)
        return;
    emit rangeRendered(request, rangeScript(rendererFor(project), *project, heads, target, downgrade));
}

void SqlWorker::scanNeedsPython(quint64 request, const LoadedProjectPtr &project)
{
    if (!project)
        return;
    // Renderers of its own, renewed every few files: a renderer keeps every
    // file it parsed, and 10,000 parsed files would not fit the memory budget.
    std::unique_ptr<RevisionRenderer> renderer;
    QVector<int> nodes;
    for (int i = 0; i < project->graph.size(); ++i) {
        if (m_latestScan->load() != request)
            return;  // a newer project is loading
        if (i % 64 == 0)
            renderer = std::make_unique<RevisionRenderer>();
        if (!renderer->render(project->script(i).path, project->graph.node(i).id, true))
            nodes.append(i);
    }
    emit needsPythonScanned(request, nodes);
}

} // namespace retort::gui
