#include "offlinecommand.h"

#include "graph/migrationplan.h"
#include "graph/revisiongraph.h"
#include "project/envreader.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "render/offlinescript.h"
#include "render/revisionrenderer.h"

#include <QFile>

namespace retort::cli {

namespace {

bool isStamp(const CliArgs &args)
{
    return args.command == QLatin1String("stamp");
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

Error commandError(const QString &message)
{
    return Error(Error::Kind::Revision, message);
}

} // namespace

Error checkMigrationArguments(const CliArgs &args)
{
    if (isStamp(args)) {
        if (!args.sql)
            return {};
        QString start;
        bool haveStart = false;
        for (const QString &p : args.positionals) {
            const int colon = p.indexOf(QLatin1Char(':'));
            if (colon < 0)
                continue;
            const QString s = p.left(colon);
            if (!haveStart) {
                start = s;
                haveStart = true;
            } else if (s != start) {
                return commandError(
                    QStringLiteral("Stamp operation with --sql only supports a single starting revision at a time"));
            }
        }
        return {};
    }
    const QString rev = args.positionals.value(0);
    if (rev.contains(QLatin1Char(':'))) {
        if (!args.sql)
            return commandError(QStringLiteral("Range revision not allowed"));
    } else if (args.sql && args.command == QLatin1String("downgrade")) {
        return commandError(QStringLiteral("downgrade with --sql requires <fromrev>:<torev>"));
    }
    return {};
}

OfflineResult runOfflineCommand(const CliArgs &args, const ProjectConfig &config,
                                const QVector<RevisionScript> &scripts, const RevisionGraph &graph)
{
    OfflineResult result;
    const OfflineOptions options = offlineOptions(config);
    const OfflineScript script(options);

    // alembic splits "a:b" into exactly two; "a:b:c" fails in Python itself.
    QString starting;
    QStringList destinations;
    for (const QString &p : args.positionals) {
        const QStringList parts = p.split(QLatin1Char(':'));
        if (parts.size() > 2) {
            result.exitCode = 1;
            result.error = Error(Error::Kind::Internal, QStringLiteral("ValueError: too many values to unpack (expected 2)"));
            return result;
        }
        if (parts.size() >= 2)
            starting = parts[0];
        destinations << parts.back();
    }

    // What alembic has written when run_migrations() starts.
    const QByteArray preamble = options.transactionPerMigration ? QByteArray() : QByteArrayLiteral("BEGIN;\n\n");
    auto failWith = [&](const Error &e) {
        result.out = preamble;
        result.error = e;
        return result;
    };

    if (isStamp(args) && args.purge)
        return failWith(commandError(QStringLiteral("Can't use --purge with --sql mode")));

    MigrationPlanner planner(graph);
    Result<QStringList> heads = planner.resolveStartingRevisions(starting.isEmpty() ? QStringList() : QStringList{starting});
    if (!heads)
        return failWith(heads.error());
    Result<QVector<MigrationStep>> plan = isStamp(args) ? planner.stamp(heads.value(), destinations)
                                          : args.command == QLatin1String("upgrade")
                                              ? planner.upgrade(heads.value(), destinations.value(0))
                                              : planner.downgrade(heads.value(), destinations.value(0));
    if (!plan)
        return failWith(plan.error());

    RevisionRenderer renderer;
    QVector<StepBody> bodies;
    bodies.reserve(plan->size());
    for (const MigrationStep &step : plan.value()) {
        if (step.kind == MigrationStep::Kind::Stamp || step.revision < 0) {
            bodies.append(StepBody());
            continue;
        }
        const RevisionNode &node = graph.node(step.revision);
        const RevisionScript &rs = scripts[node.script];
        Result<StepBody> body = renderer.render(rs.path, node.id, step.kind == MigrationStep::Kind::Upgrade);
        if (!body) {
            // one line on stdout that says where, as alembic's FAILED lines do
            const Error &e = body.error();
            result.error = e.where().line > 0
                               ? Error(e.kind(), QStringLiteral("%1:%2: %3").arg(e.where().file).arg(e.where().line).arg(e.message()))
                               : e;
            return result;
        }
        bodies.append(body.value());
    }
    result.out = script.render(plan.value(), bodies, heads.value()).toUtf8();
    return result;
}

} // namespace retort::cli
