#include "applyplan.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "db/connection.h"
#include "risk/livecatalog.h"
#include "project/envreader.h"
#include "render/destructive.h"

#include <QFileInfo>


namespace retort::gui {

namespace {

QString defaultSql(PlannedStatement::Kind kind)
{
    switch (kind) {
    case PlannedStatement::Kind::Begin:
        return QStringLiteral("BEGIN");
    case PlannedStatement::Kind::Commit:
        return QStringLiteral("COMMIT");
    default:
        return QString();
    }
}

// The destructive statements of each step's body (the version-row
// statements never are).
void countDestructive(ApplyPlan &plan)
{
    plan.destructivePerStep = QVector<int>(plan.preview.steps.size(), 0);
    plan.destructiveCount = 0;
    for (int i = 0; i < plan.preview.steps.size(); ++i) {
        const int n = int(findDestructive(plan.preview.steps[i].sql.body).size());
        plan.destructivePerStep[i] = n;
        plan.destructiveCount += n;
    }
}

// The lock model over the statements apply sends, and the sessions that
// hold or await a conflicting lock on the planned relations now.
void assessRisk(ApplyPlan &plan)
{
    risk::PlanRiskOptions options;
    options.allowed = risk::allowCommentsOf(plan.preview.steps);
    Result<std::unique_ptr<Connection>> c = Connection::open(plan.connection);
    if (!c) {
        plan.risk = risk::analyzePlan(plan.preview.steps, plan.preview.statements, risk::SchemaCatalog(), options);
        plan.liveProblem = c.error().toString();
        return;
    }
    // the model starts from what the database holds
    Result<risk::SchemaCatalog> catalog = risk::readSchemaCatalog(c.value()->database());
    if (!catalog)
        plan.liveProblem = catalog.error().toString();
    plan.risk = risk::analyzePlan(plan.preview.steps, plan.preview.statements,
                                  catalog ? catalog.value() : risk::SchemaCatalog(), options);
    Result<risk::LiveRisk> live = risk::readLiveRisk(c.value()->database(), plan.risk.strongestLocks());
    if (live)
        plan.live = live.value();
    else
        plan.liveProblem = live.error().toString();
}

} // namespace

QVector<int> ApplyPlan::statementsOfStep(int step) const
{
    return statementsByStep.value(step);
}

int ApplyPlan::statementOfProgress(int step, int statement) const
{
    return statementsOfStep(step - 1).value(statement - 1, -1);
}

int ApplyPlan::statementAtRunIndex(int runIndex) const
{
    if (runIndex < 0)
        return -1;
    for (int i = 0; i < statements.size(); ++i) {
        if (statements[i].runIndex == runIndex)
            return i;
    }
    return -1;
}

Result<ProjectContext> projectContext(const LoadedProjectPtr &project)
{
    Result<EnvOptions> env = loadEnvOptions(project->config.envPath);
    if (!env)
        return env.error();
    ProjectContext context;
    context.config = project->config;
    context.scripts = project->scripts;
    context.graph = std::shared_ptr<const RevisionGraph>(project, &project->graph);
    context.env = env.value();
    return context;
}

PlanRenderSettings onlineRenderSettings(const LoadedProjectPtr &project)
{
    // as the run sees it: context.is_offline_mode() is False
    PlanRenderSettings render;
    render.mode = RenderMode::Online;
    render.policy = EnginePolicy::Auto;
    render.bridge.iniPath = project->config.iniPath;
    render.bridge.tomlPath = project->config.tomlPath;
    render.bridge.workDir = QFileInfo(project->iniPath).absolutePath();
    render.interpreter.iniPath = project->iniPath;
    return render;
}

QString operationTitle(const Operation &operation)
{
    switch (operation.kind) {
    case Operation::Kind::Upgrade:
        return QStringLiteral("Upgrade to %1").arg(operation.targets.value(0));
    case Operation::Kind::Downgrade:
        return QStringLiteral("Downgrade to %1").arg(operation.targets.value(0));
    case Operation::Kind::Stamp:
        return QStringLiteral("Stamp %1%2")
            .arg(operation.targets.join(QStringLiteral(", ")),
                 operation.purge ? QStringLiteral(" (purge)") : QString());
    case Operation::Kind::ResetLocal:
        if (operation.recreate)
            return QStringLiteral("Recreate local database, then upgrade to %1")
                .arg(operation.targets.value(0, QStringLiteral("heads")));
        return QStringLiteral("Reset local database");
    case Operation::Kind::Restore:
        return QStringLiteral("Restore %1").arg(operation.targets.value(0));
    }
    return QString();
}

void layOutScript(ApplyPlan &plan)
{
    // The layout of the executor's scriptText(), with each statement's place kept.
    QString text;
    int lines = 0;    // newlines in text[0, counted)
    int counted = 0;
    plan.statements.clear();
    for (int runIndex = 0; runIndex < plan.preview.statements.size(); ++runIndex) {
        const PlannedStatement &st = plan.preview.statements[runIndex];
        switch (st.kind) {
        case PlannedStatement::Kind::StepStart: {
            text += QStringLiteral("-- Running ") + st.sql;
            if (st.step >= 0 && st.step < plan.preview.steps.size()) {
                const PlannedStep &step = plan.preview.steps[st.step];
                if (!step.file.isEmpty())
                    text += QStringLiteral("  (%1)").arg(step.file.section(QLatin1Char('/'), -1));
                if (step.sql.online)
                    text += QStringLiteral("  [alembic (online)]\n-- This step runs through alembic ONLINE; the SQL "
                                           "below is alembic's offline rendering and may differ from what it runs");
                else if (step.sql.engine == RenderEngine::Python)
                    text += QStringLiteral("  [rendered by alembic]");
            }
            text += QStringLiteral("\n\n");
            continue;
        }
        case PlannedStatement::Kind::EnterAutocommit:
            text += QStringLiteral("COMMIT;\n\n-- autocommit block\n\n");
            continue;
        case PlannedStatement::Kind::LeaveAutocommit:
            text += QStringLiteral("-- end of autocommit block\n\nBEGIN;\n\n");
            continue;
        default:
            break;
        }
        const QString sql = st.sql.isEmpty() ? defaultSql(st.kind) : st.sql;
        ScriptStatement s;
        s.kind = st.kind;
        s.step = st.step;
        s.offset = int(text.size());
        s.length = int(sql.size());
        lines += int(QStringView(text).mid(counted).count(QLatin1Char('\n')));
        counted = s.offset;
        s.line = lines;
        s.runIndex = runIndex;
        plan.statements << s;
        text += sql + QStringLiteral(";\n\n");
    }
    plan.script = text;
    plan.statementsByStep = QVector<QVector<int>>(plan.preview.steps.size());
    for (int i = 0; i < plan.statements.size(); ++i) {
        const ScriptStatement &st = plan.statements[i];
        if (st.step >= 0 && st.step < plan.statementsByStep.size()
            && (st.kind == PlannedStatement::Kind::Body || st.kind == PlannedStatement::Kind::VersionRow))
            plan.statementsByStep[st.step] << i;
    }
}

Result<ApplyPlan> buildApplyPlan(const LoadedProjectPtr &project, const ConnectionSettings &connection,
                                 const Operation &operation)
{
    if (!project)
        return Error(Error::Kind::Internal, QStringLiteral("No project is open"));
    ApplyPlan plan;
    plan.operation = operation;
    plan.title = operationTitle(operation);
    plan.connection = connection;
    Result<ProjectContext> loaded = projectContext(project);
    if (!loaded)
        return loaded.error();
    ProjectContext context = std::move(loaded.value());
    plan.versionTable = context.versionTable();
    plan.versionTablePk = context.env.versionTablePk;
    plan.transactionPerMigration = context.env.transactionPerMigration;
    RunOptions options;
    options.transactionPerMigration = context.env.transactionPerMigration;
    MigrationRunner runner(context, connection, options);
    const PlanRenderSettings render = onlineRenderSettings(project);
    runner.setStepRenderer(planStepRenderer(context, render));
    plan.pythonRunner = bridgeStepRunner(render.bridge, render.interpreter, connection);
    Result<RunPreview> preview = runner.preview(operation);
    if (!preview)
        return preview.error();
    plan.preview = std::move(preview).value();
    layOutScript(plan);
    countDestructive(plan);
    assessRisk(plan);
    return plan;
}

} // namespace retort::gui
