#include "migrationrunner.h"

#include "db/connection.h"
#include "db/recreate.h"
#include "exec/runrecorder.h"
#include "graph/revisiongraph.h"
#include "pytext.h"
#include "render/revisionrenderer.h"

#include <QSqlQuery>

namespace retort {

namespace {

// Script.doc: the first paragraph of the stripped module docstring.
QString docOf(const RevisionScript &script)
{
    if (!script.hasDocstring)
        return QString();
    const QString text = pyStrip(script.docstring);
    const int cut = text.indexOf(QStringLiteral("\n\n"));
    return cut < 0 ? text : text.left(cut);
}

QString currentDatabase(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT current_database()")) && q.next())
        return q.value(0).toString();
    return QString();
}

} // namespace

Error resetLocalGuard(const Operation &operation, const Locality &locality, const QString &database)
{
    if (operation.kind != Operation::Kind::ResetLocal && operation.kind != Operation::Kind::Restore)
        return Error();
    if (operation.production)
        return Error(Error::Kind::Config,
                     QStringLiteral("\"%1\" is marked production: Retort never resets a production database; "
                                    "nothing was changed")
                         .arg(database));
    if (!operation.forceDatabase.isEmpty() && operation.forceDatabase != database)
        return Error(Error::Kind::Config,
                     QStringLiteral("--force names the database \"%1\", but the connection reaches \"%2\" at %3; "
                                    "nothing was changed")
                         .arg(operation.forceDatabase, database, locality.where));
    if (locality.local || !operation.forceDatabase.isEmpty())
        return Error();
    const bool restore = operation.kind == Operation::Kind::Restore;
    return Error(Error::Kind::Config,
                 QStringLiteral("%1 so it only runs against a PostgreSQL on this machine; %2. To %3 database "
                                "\"%4\" there anyway, give --force=%4")
                     .arg(restore ? QStringLiteral("restore replaces the whole database with the dump,")
                                  : QStringLiteral("reset-local drops everything the revisions created,"),
                          locality.describe(), restore ? QStringLiteral("restore") : QStringLiteral("reset"),
                          database));
}

RunPrepare recreatePrepare(const ConnectionSettings &connection, const Operation &operation)
{
    if (operation.kind != Operation::Kind::ResetLocal || !operation.recreate)
        return RunPrepare();
    return [connection, operation](const std::function<bool()> &cancelled,
                                   const std::function<void(const QString &)> &log,
                                   const std::function<void()> &dropped) {
        RecreateRequest recreate;
        recreate.connection = connection;
        recreate.disconnectOthers = operation.disconnectOthers;
        // again on the connection that is used: the place a URL reaches may change
        recreate.check = [operation](const QSqlDatabase &db, const QString &database) {
            return resetLocalGuard(operation, classifyLocality(db), database);
        };
        recreate.what = QStringLiteral("empty, for reset-local --recreate --to %1: upgrade it to %1 after the rename")
                            .arg(operation.targets.value(0, QStringLiteral("heads")));
        recreate.cancelled = cancelled;
        recreate.log = log;
        recreate.dropped = dropped;
        return recreateDatabase(recreate);
    };
}

VersionTable ProjectContext::versionTable() const
{
    return VersionTable::fromEnv(env);
}

StepRenderer nativeStepRenderer(std::shared_ptr<const RevisionGraph> graph, QVector<RevisionScript> scripts,
                                RenderMode mode)
{
    return [graph = std::move(graph), scripts = std::move(scripts), mode](const QVector<MigrationStep> &steps)
               -> Result<QVector<StepSql>> {
        RevisionRenderer renderer;
        QVector<StepSql> out;
        out.reserve(steps.size());
        for (const MigrationStep &step : steps) {
            StepSql sql;
            if (step.kind != MigrationStep::Kind::Stamp && step.revision >= 0) {
                const RevisionNode &node = graph->node(step.revision);
                Result<StepBody> body = renderer.render(scripts[node.script].path, node.id,
                                                        step.kind == MigrationStep::Kind::Upgrade, mode, &sql.raised);
                if (!body)
                    return body.error();
                sql.body = std::move(body.value());
            }
            const bool raises = bool(sql.raised);
            out.append(std::move(sql));
            if (raises)
                break;  // alembic stops there
        }
        return out;
    };
}

MigrationRunner::MigrationRunner(ProjectContext project, ConnectionSettings connection, RunOptions options)
    : m_project(std::move(project)), m_connection(std::move(connection)), m_options(options)
{
    m_render = nativeStepRenderer(m_project.graph, m_project.scripts);
}

Result<QVector<PlannedStep>> MigrationRunner::plan(const Operation &operation, const QStringList &currentRows,
                                                   RaisingStep raising) const
{
    const RevisionGraph &graph = *m_project.graph;
    const MigrationPlanner planner(graph);
    Result<QVector<MigrationStep>> steps = Error();
    const int singleRevision = operation.single ? graph.indexOf(operation.targets.value(0)) : -1;
    if (operation.single && singleRevision < 0)
        return Error(Error::Kind::Resolution,
                     QStringLiteral("Can't locate revision identified by '%1'").arg(operation.targets.value(0)));
    switch (operation.kind) {
    case Operation::Kind::Upgrade:
        if (operation.single) {
            steps = planner.single(MigrationStep::Kind::Upgrade, currentRows, singleRevision);
            break;
        }
        steps = planner.upgrade(currentRows, operation.targets.value(0));
        break;
    case Operation::Kind::Downgrade:
        if (operation.single) {
            steps = planner.single(MigrationStep::Kind::Downgrade, currentRows, singleRevision);
            break;
        }
        steps = planner.downgrade(currentRows, operation.targets.value(0));
        break;
    case Operation::Kind::Stamp:
        steps = planner.stamp(currentRows, operation.targets, operation.purge);
        break;
    case Operation::Kind::ResetLocal: {
        if (operation.recreate) {
            // the run's prepare makes the database empty: from no rows
            steps = planner.upgrade(QStringList(), operation.targets.value(0, QStringLiteral("heads")));
            break;
        }
        // downgrade base, then upgrade heads from no rows: alembic's two
        // commands as one run, so by default one transaction holds both and
        // a failing upgrade leaves the database as it was
        Result<QVector<MigrationStep>> down = planner.downgrade(currentRows, QStringLiteral("base"));
        if (!down)
            return down.error();
        Result<QVector<MigrationStep>> up = planner.upgrade(QStringList(), QStringLiteral("heads"));
        if (!up)
            return up.error();
        QVector<MigrationStep> all = down.value();
        all += up.value();
        steps = all;
        break;
    }
    case Operation::Kind::Restore:
        return Error(Error::Kind::Internal, QStringLiteral("A restore runs no revisions (restoreDatabase)"));
    }
    if (!steps)
        return steps.error();

    Result<QVector<StepSql>> bodies = m_render(steps.value());
    if (!bodies)
        return bodies.error();
    for (int i = 0; i < bodies->size(); ++i) {
        if (!bodies->at(i).raised)
            continue;
        if (raising == RaisingStep::Refuse)
            return bodies->at(i).raised->runRefusal();
        steps.value().resize(i + 1);
        break;
    }

    QVector<PlannedStep> out;
    out.reserve(steps->size());
    for (int i = 0; i < steps->size(); ++i) {
        PlannedStep p;
        p.step = steps.value()[i];
        p.sql = bodies->value(i);
        if (p.step.kind != MigrationStep::Kind::Stamp && p.step.revision >= 0) {
            const RevisionNode &node = graph.node(p.step.revision);
            const RevisionScript &script = m_project.scripts[node.script];
            p.revision = node.id;
            p.file = script.path;
            p.doc = docOf(script);
        }
        out.append(std::move(p));
    }
    return out;
}

Result<RunPreview> MigrationRunner::preview(const Operation &operation) const
{
    Result<std::unique_ptr<Connection>> c = Connection::open(m_connection);
    if (!c)
        return c.error();
    RunPreview preview;
    preview.database = currentDatabase(c.value()->database());
    preview.locality = classifyLocality(c.value()->database());
    Result<VersionState> state = readVersionState(c.value()->database(), m_project.versionTable());
    if (!state)
        return state.error();
    if (operation.kind == Operation::Kind::Restore) {  // no revision runs: where it is, and where it really is
        preview.state = state.value();
        return preview;
    }
    Result<QVector<PlannedStep>> steps = plan(operation, state->rows, RaisingStep::Show);
    if (!steps)
        return steps.error();
    preview.state = state.value();
    preview.steps = steps.value();
    const bool emptied = operation.kind == Operation::Kind::ResetLocal && operation.recreate;
    preview.statements = statementsFor(preview.steps, preview.state.tableExists && !emptied, m_project.versionTable(),
                                       m_project.env.versionTablePk, m_options.transactionPerMigration,
                                       operation.kind == Operation::Kind::Stamp && operation.purge);
    return preview;
}

Result<RunRequest> MigrationRunner::request(const Operation &operation) const
{
    if (operation.kind == Operation::Kind::ResetLocal) {
        // Decided on a connection, from where libpq really went: the URL's
        // text does not say (PGHOST, service=, a tunnel on 127.0.0.1).
        Result<std::unique_ptr<Connection>> c = Connection::open(m_connection);
        if (!c)
            return c.error();
        const QSqlDatabase db = c.value()->database();
        if (Error refused = resetLocalGuard(operation, classifyLocality(db), currentDatabase(db)))
            return refused;
    }
    // A recreate plans from no rows: what cannot be planned (an unknown --to,
    // a step that cannot render) is known now, before the database is dropped.
    if (operation.kind == Operation::Kind::ResetLocal && operation.recreate) {
        if (Result<QVector<PlannedStep>> planned = plan(operation, QStringList()); !planned)
            return planned.error();
    }
    RunRequest r;
    r.prepare = recreatePrepare(m_connection, operation);
    r.connection = m_connection;
    r.versionTable = m_project.versionTable();
    r.versionTablePk = m_project.env.versionTablePk;
    r.options = m_options;
    r.purge = operation.kind == Operation::Kind::Stamp && operation.purge;
    r.pythonRunner = m_python;
    r.recorder = m_recorder;
    // The plan is made again under the migration lock from the rows the
    // database holds then; the runner's data is copied into the closure so
    // the request stands alone on the executor's thread.
    const MigrationRunner self = *this;
    r.replan = [self, operation](const VersionState &state) { return self.plan(operation, state.rows); };
    return r;
}

RunReport MigrationRunner::apply(const Operation &operation, Executor &executor) const
{
    Result<RunRequest> r = request(operation);
    if (!r) {
        RunReport report;
        report.startedAt = QDateTime::currentDateTimeUtc();
        report.error = r.error();
        if (report.error.kind() == Error::Kind::Cancelled)
            report.cancelled = true;
        if (m_recorder)
            m_recorder->recordFinished(nullptr, report, {});
        Q_EMIT executor.finished(report);
        return report;
    }
    return executor.run(r.value());
}

} // namespace retort
