#include "sqlworker.h"

#include "applyplan.h"
#include "bridge/planrenderer.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"
#include "graph/migrationplan.h"
#include "progress.h"
#include "render/revisionrenderer.h"
#include "risk/touchedobjects.h"

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

// What a bridged step print()ed, shown as SQL comments so the pane's lock
// model and destructive marks never read it as a statement (--sql has it as is).
QString printedAsComment(const QString &text)
{
    QStringList lines = printedLines(text);
    for (QString &line : lines)
        line.prepend(QLatin1String("-- print: "));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

SqlWorker::SqlWorker(std::shared_ptr<std::atomic<quint64>> latestScan, QObject *parent)
    : QObject(parent), m_latestScan(std::move(latestScan))
{
}

SqlWorker::~SqlWorker() = default;

std::unique_ptr<PlanRenderer> SqlWorker::planRendererFor(const LoadedProject &project)
{
    PlanRenderSettings settings;
    settings.policy = EnginePolicy::Auto;
    settings.bridge.iniPath = project.config.iniPath;
    settings.bridge.tomlPath = project.config.tomlPath;
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
    if (sql.failedStep >= 0 && !sql.raised()) {
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
        case SqlStatement::Kind::Text:
            out.text += printedAsComment(s.sql);
            break;
        }
        out.text += QLatin1String("\n\n");
    }
    out.ok = true;
    if (const StepRaise *raised = sql.raised())
        out.irreversible = raised->note();
    const QString note = orderNote(stepSql.body);
    out.engine = stepSql.engine == RenderEngine::Native
                     ? (note.isEmpty() ? QStringLiteral("native") : QStringLiteral("native, %1").arg(note))
                     : QStringLiteral("alembic (Python); needs Python: %1")
                           .arg(stepSql.reason.startsWith(QLatin1Char('/')) ? stepSql.reason.section(QLatin1Char('/'), -1)
                                                                            : stepSql.reason);
    out.destructive = findDestructive(out.text);
    out.risks = risk::scriptRisks(out.text, true);  // a body runs inside alembic's transaction
    return out;
}

SqlScript SqlWorker::rangeScript(PlanRenderer &renderer, const LoadedProjectPtr &project, const QStringList &heads,
                                 bool versionTableExists, const QString &target, bool downgrade)
{
    SqlScript out;
    Result<ProjectContext> loaded = projectContext(project);
    if (!loaded) {
        out.engine = QStringLiteral("not planned: %1").arg(located(loaded.error()));
        out.problem = loaded.error().toString();
        return out;
    }
    ProjectContext context = std::move(loaded.value());
    RunOptions options;
    options.transactionPerMigration = context.env.transactionPerMigration;
    const VersionTable table = context.versionTable();
    const bool pk = context.env.versionTablePk;
    MigrationRunner runner(std::move(context), ConnectionSettings(), options);
    int viaBridge = 0;
    runner.setStepRenderer([&renderer, &viaBridge](const QVector<MigrationStep> &steps) -> Result<QVector<StepSql>> {
        PlanSql sql = renderer.render(steps);
        if (sql.failedStep >= 0 && !sql.raised())
            return sql.error;
        for (const StepSql &s : std::as_const(sql.steps))
            viaBridge += s.engine == RenderEngine::Python;
        return sql.steps;
    });
    Operation operation;
    operation.kind = downgrade ? Operation::Kind::Downgrade : Operation::Kind::Upgrade;
    operation.targets = QStringList{target};
    // a downgrade through a step that raises is shown up to the raise, with its note
    Result<QVector<PlannedStep>> plan = runner.plan(operation, heads, MigrationRunner::RaisingStep::Show);
    if (!plan) {
        out.engine = QStringLiteral("not planned: %1").arg(located(plan.error()));
        out.problem = plan.error().toString();
        return out;
    }
    out.text = scriptText(statementsFor(plan.value(), versionTableExists, table, pk, options.transactionPerMigration));
    out.ok = true;
    if (const StepRaise *raised = planRaise(plan.value()))
        out.irreversible = raised->note() + QStringLiteral("; a run through it is refused before anything runs");
    out.engine = viaBridge == 0 ? QStringLiteral("native")
                                : QStringLiteral("native, %1 of %2 steps through alembic (Python)")
                                      .arg(viaBridge)
                                      .arg(plan->size());
    out.destructive = findDestructive(out.text);
    out.risks = risk::scriptRisks(out.text, false);  // the script says BEGIN itself
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
                            bool versionTableExists, const QString &target, bool downgrade)
{
    if (!project)
        return;
    emit rangeRendered(request,
                       rangeScript(planRendererFor(project), project, heads, versionTableExists, target, downgrade));
}

void SqlWorker::scanNeedsPython(quint64 request, const LoadedProjectPtr &project)
{
    if (!project)
        return;
    // Renderers of its own, renewed every few files: a renderer keeps every
    // file it parsed, and 10,000 parsed files would not fit the memory budget.
    std::unique_ptr<RevisionRenderer> renderer;
    QVector<int> nodes;
    QVector<QStringList> touched(project->graph.size());
    QStringList irreversible;
    irreversible.resize(project->graph.size());
    Progress progress([this, request](const QString &, qint64 done, qint64 total) {
        emit needsPythonProgressed(request, done, total);
    }, nullptr);
    progress.begin(QStringLiteral("Checking which revisions need Python"), project->graph.size());
    for (int i = 0; i < project->graph.size(); ++i) {
        if (m_latestScan->load() != request)
            return;  // a newer project is loading, or the user cancelled
        if (i % 64 == 0)
            renderer = std::make_unique<RevisionRenderer>();
        const Result<StepBody> body = renderer->render(project->script(i).path, project->graph.node(i).id, true);
        if (!body) {
            nodes.append(i);
        } else {
            for (const SqlStatement &s : body.value())
                if (s.isSql())
                    touched[i] += risk::touchedObjects(s.sql);
            touched[i].removeDuplicates();
        }
        const QString &path = project->script(i).path;
        std::optional<StepRaise> raised;
        if (renderer->mayRaise(path, false)
            && renderer->render(path, project->graph.node(i).id, false, RenderMode::Offline, &raised) && raised)
            irreversible[i] = raised->note();
        progress.advance();
    }
    // Folded here, not on the GUI thread when the names arrive.
    emit needsPythonScanned(request, nodes, SearchIndex::build(*project, touched), irreversible);
}

} // namespace retort::gui
