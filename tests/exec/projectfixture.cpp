#include "projectfixture.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "graph/revisiongraph.h"
#include "processrunner.h"
#include "project/envreader.h"
#include "project/projectconfig.h"
#include "project/scriptloader.h"

#include "filetree.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

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

QStringList queryRows(const TestCluster &cluster, const QString &db, const QString &sql)
{
    QStringList out;
    QString connectionName;
    {
        QSqlDatabase handle = cluster.open(db);
        connectionName = handle.connectionName();
        QSqlQuery q(handle);
        if (!q.exec(sql)) {
            out << QStringLiteral("error: ") + q.lastError().text();
        } else {
            while (q.next()) {
                QStringList fields;
                for (int i = 0; i < q.record().count(); ++i)
                    fields << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
                out << fields.join(QLatin1Char('|'));
            }
        }
        handle.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return out;
}

QStringList tableData(const TestCluster &cluster, const QString &db)
{
    QStringList out = queryRows(cluster, db, QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
    const QStringList tables = out;
    for (const QString &t : tables)
        out << t + QStringLiteral(": ")
                   + queryRows(cluster, db, QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(quoteIdentifier(t))).join(QLatin1Char(';'));
    return out;
}

QString perStepCopy(const QString &fixture, const QString &dir)
{
    if (!copyTree(fixture, dir))
        return QString();
    QFile env(dir + QStringLiteral("/migrations/env.py"));
    if (!env.open(QIODevice::ReadOnly))
        return QString();
    QByteArray text = env.readAll();
    env.close();
    const QByteArray call("context.configure(connection=connection)");
    if (text.count(call) != 1)
        return QString();
    text.replace(call, "context.configure(connection=connection, transaction_per_migration=True)");
    if (!env.open(QIODevice::WriteOnly | QIODevice::Truncate) || env.write(text) != text.size())
        return QString();
    return dir;
}

} // namespace retort::testsupport
