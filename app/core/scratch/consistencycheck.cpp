#include "consistencycheck.h"

#include "db/connection.h"
#include "db/versionstate.h"
#include "graph/migrationplan.h"
#include "graph/revisiongraph.h"
#include "scratch/schemasnapshot.h"
#include "scratch/scratchcontrol.h"

namespace retort {

namespace {

SnapshotOptions snapshotOptions(const ProjectContext &project)
{
    const VersionTable table = project.versionTable();
    return SnapshotOptions{table.name, table.schema};
}

Operation singleStep(Operation::Kind kind, const QString &revision)
{
    Operation op;
    op.kind = kind;
    op.targets = QStringList{revision};
    op.single = true;
    return op;
}

// The failing step in one line: the server's message, SQLSTATE, statement.
QString stepFailure(const RunReport &report)
{
    QString text = report.error.message();
    if (!report.error.sqlState().isEmpty())
        text += QStringLiteral(" [SQLSTATE %1]").arg(report.error.sqlState());
    if (!report.failedStatement.isEmpty())
        text += QStringLiteral("; statement: %1").arg(report.failedStatement.simplified().left(200));
    return text;
}

} // namespace

RunReport applyOn(const ProjectContext &project, const ConnectionSettings &settings, const StepRenderer &render,
                  const PythonStepRunner &python, const Operation &operation, Executor *executor,
                  ScratchControl *control, const std::function<void(int step, int backendPid)> &afterStep)
{
    RunOptions options;
    options.transactionPerMigration = project.env.transactionPerMigration;
    options.afterStepStatements = afterStep;
    MigrationRunner runner(project, settings, options);
    if (render)
        runner.setStepRenderer(render);
    runner.setPythonRunner(python);
    Executor own;
    Executor &running = executor ? *executor : own;
    if (!control)
        return runner.apply(operation, running);
    QObject::connect(&running, &Executor::progress, &running, [control](const RunProgress &p) {
        if (p.statement <= 1)
            control->reportStep(p);
    });
    control->attach(&running);
    RunReport report = runner.apply(operation, running);
    control->attach(nullptr);
    return report;
}

QString describeConsistency(const ConsistencyReport &report)
{
    if (const auto &f = report.finding) {
        QString text = QStringLiteral("revision %1 (%2): %3\n").arg(f->revision, f->file, f->problem);
        for (const QString &line : describeChanges(f->changes))
            text += QStringLiteral("  %1\n").arg(line);
        return text;
    }
    return QStringLiteral("%1 revisions checked: each downgrade undoes its upgrade, and upgrading again gives the "
                          "same schema\n")
        .arg(report.checked);
}

ConsistencyCheck::ConsistencyCheck(ProjectContext project, ConnectionSettings scratch, StepRenderer render,
                                   PythonStepRunner python)
    : m_project(std::move(project)), m_scratch(std::move(scratch)), m_render(std::move(render)),
      m_python(std::move(python))
{
}

ConsistencyReport ConsistencyCheck::run(const QString &range, const Progress &progress, ScratchControl *control) const
{
    ConsistencyReport report;
    QString from, to = range.isEmpty() ? QStringLiteral("heads") : range;
    if (range.contains(QLatin1Char(':'))) {
        from = range.section(QLatin1Char(':'), 0, 0);
        to = range.section(QLatin1Char(':'), 1);
        if (to.isEmpty())
            to = QStringLiteral("heads");
        if (from == QLatin1String("base"))
            from.clear();
    }
    auto apply = [&](const Operation &op) {
        return applyOn(m_project, m_scratch, m_render, m_python, op, nullptr, control);
    };
    const auto cancelled = [&] {
        if (control && control->isCancelled())
            report.error = Error(Error::Kind::Cancelled, QStringLiteral("The check was cancelled"));
        return bool(report.error);
    };
    if (!from.isEmpty()) {
        Operation start;
        start.targets = QStringList{from};
        const RunReport r = apply(start);
        if (cancelled())
            return report;
        if (!r.ok) {
            report.error = Error(Error::Kind::Database, QStringLiteral("upgrading the scratch database to %1, "
                                                                       "where the range starts, failed")
                                                            .arg(from))
                               .causedBy(r.error);
            return report;
        }
    }

    Result<std::unique_ptr<Connection>> connection = Connection::open(m_scratch);
    if (!connection) {
        report.error = connection.error();
        return report;
    }
    const QSqlDatabase db = connection.value()->database();
    Result<VersionState> state = readVersionState(db, m_project.versionTable());
    if (!state) {
        report.error = state.error();
        return report;
    }
    const RevisionGraph &graph = *m_project.graph;
    Result<QVector<MigrationStep>> plan = MigrationPlanner(graph).upgrade(state->rows, to);
    if (!plan) {
        report.error = plan.error();
        return report;
    }
    report.total = plan->size();

    const SnapshotOptions options = snapshotOptions(m_project);
    Result<SchemaSnapshot> before = readSchemaSnapshot(db, options);
    if (!before) {
        report.error = before.error();
        return report;
    }
    for (int i = 0; i < plan->size(); ++i) {
        const RevisionNode &node = graph.node(plan.value()[i].revision);
        const RevisionScript &script = m_project.scripts[node.script];
        auto found = [&](const QString &problem, QVector<SchemaChange> changes = {}) {
            report.finding = ConsistencyFinding{node.id, script.path, problem, std::move(changes)};
            return report;
        };
        // the snapshot after each step, or the report naming what failed
        auto step = [&](Operation::Kind kind, const QString &what) -> std::optional<SchemaSnapshot> {
            const RunReport r = apply(singleStep(kind, node.id));
            if (cancelled())
                return std::nullopt;
            if (!r.ok) {
                found(what + QStringLiteral(" failed: ") + stepFailure(r));
                return std::nullopt;
            }
            Result<SchemaSnapshot> s = readSchemaSnapshot(db, options);
            if (!s) {
                report.error = s.error();
                return std::nullopt;
            }
            return s.value();
        };
        const std::optional<SchemaSnapshot> upgraded = step(Operation::Kind::Upgrade, QStringLiteral("its upgrade"));
        if (!upgraded)
            return report;
        const std::optional<SchemaSnapshot> downgraded =
            step(Operation::Kind::Downgrade, QStringLiteral("its downgrade"));
        if (!downgraded)
            return report;
        if (*downgraded != before.value())
            return found(QStringLiteral("its downgrade leaves a trace: after its upgrade and downgrade the schema "
                                        "differs from the one before"),
                         diffSchemas(before.value(), *downgraded));
        const std::optional<SchemaSnapshot> again =
            step(Operation::Kind::Upgrade, QStringLiteral("upgrading it again after its downgrade"));
        if (!again)
            return report;
        if (*again != *upgraded)
            return found(QStringLiteral("upgrading it again after its downgrade gives another schema than its "
                                        "first upgrade"),
                         diffSchemas(*upgraded, *again));
        before = *again;
        ++report.checked;
        if (progress)
            progress(QStringLiteral("[%1/%2] %3 (%4): consistent").arg(i + 1).arg(plan->size()).arg(node.id, script.fileName),
                     i + 1, int(plan->size()));
    }
    return report;
}

} // namespace retort
