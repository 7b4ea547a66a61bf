#include "sqlworker.h"

#include "graph/migrationplan.h"
#include "project/envreader.h"
#include "render/offlinescript.h"
#include "render/revisionrenderer.h"

#include <QFile>

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

SqlScript SqlWorker::stepScript(RevisionRenderer &renderer, const LoadedProject &project, int node, bool upgrade)
{
    SqlScript out;
    const RevisionNode &n = project.graph.node(node);
    Result<StepBody> body = renderer.render(project.script(node).path, n.id, upgrade);
    if (!body) {
        out.engine = QStringLiteral("needs Python: %1").arg(located(body.error()));
        out.problem = body.error().message();
        return out;
    }
    for (const SqlStatement &s : body.value()) {
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
    out.engine = QStringLiteral("native");
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
    RevisionRenderer &renderer = rendererFor(project);
    RevisionSql sql;
    sql.node = node;
    sql.upgrade = stepScript(renderer, *project, node, true);
    sql.downgrade = stepScript(renderer, *project, node, false);
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
