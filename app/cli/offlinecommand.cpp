#include "offlinecommand.h"

#include "bridge/planrenderer.h"
#include "bridge/printscan.h"
#include "graph/migrationplan.h"
#include "graph/revisiongraph.h"
#include "project/envreader.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "render/offlinescript.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace retort::cli {

namespace {

bool isStamp(const CliArgs &args)
{
    return args.command == QLatin1String("stamp");
}

Result<OfflineOptions> offlineOptions(const ProjectConfig &config)
{
    // what env.py's code for --sql passes, which may differ from its online code
    Result<EnvOptions> env = loadEnvOptions(config.envPath, EnvMode::Offline);
    if (!env)
        return env.error();
    const EnvOptions &e = env.value();
    OfflineOptions o;
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
    Result<OfflineOptions> loadedOptions = offlineOptions(config);
    if (!loadedOptions) {
        // alembic dies in env.py's import with a traceback
        result.exitCode = 1;
        result.error = loadedOptions.error();
        return result;
    }
    const OfflineOptions &options = loadedOptions.value();
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

    PlanRenderSettings settings;
    settings.policy = parseEnginePolicy(args.engine).value_or(EnginePolicy::Auto);
    settings.interpreter.explicitPath = args.python;  // checked like every other candidate
    settings.bridge.iniPath = args.config;
    settings.bridge.tomlPath = config.tomlPath;
    settings.bridge.section = args.name;
    settings.bridge.x = args.x;
    settings.bridge.argv = args.alembicArgv;
    settings.bridge.tag = args.tag;
    settings.bridge.destination = destinations.value(0);
    settings.interpreter.iniPath = config.iniPath;
    settings.prints = scanProjectPrints(config.envPath, scripts);
    if (settings.prints.any() && settings.policy == EnginePolicy::Native) {
        result.error = Error(Error::Kind::Config,
                             QStringLiteral("%1: print() output belongs in alembic's --sql script and only "
                                            "alembic can place it (the bridge); --engine native forbids it")
                                 .arg(settings.prints.where()));
        return result;
    }
    PlanRenderer renderer(graph, scripts, settings);
    const PlanSql rendered = renderer.render(plan.value());
    if (rendered.failedStep >= 0) {
        const Error &e = rendered.error;
        if (!rendered.failedInBridge && !rendered.raised()) {
            // one line on stdout that says where, as alembic's FAILED lines do
            result.error = e.where().line > 0
                               ? Error(e.kind(), QStringLiteral("%1:%2: %3").arg(e.where().file).arg(e.where().line).arg(e.message()))
                               : e;
            if (e.cause())
                result.error.causedBy(*e.cause());
            return result;
        }
        // alembic itself failed (a traceback, exit 1), or would (a step that
        // raises on purpose): its stdout stops where the step raised, so
        // print the script up to there.
        result.exitCode = 1;
        result.error = e;
        if (rendered.bridgeRunFailed)
            return result;
        QVector<StepBody> bodies;
        for (const StepSql &s : rendered.steps)
            bodies.append(s.body);
        const QString cut = QStringLiteral("\u0001retort-stop");
        bodies.back().append(SqlStatement::statement(cut));
        const QString text = script.render(plan->mid(0, bodies.size()), bodies, heads.value(), rendered.frame);
        result.out = text.left(text.indexOf(cut)).toUtf8();
        return result;
    }
    QVector<StepBody> bodies;
    bodies.reserve(rendered.steps.size());
    for (const StepSql &s : rendered.steps)
        bodies.append(s.body);
    result.out = script.render(plan.value(), bodies, heads.value(), rendered.frame).toUtf8();
    return result;
}

QByteArray runEnginesCommand(const CliArgs &args, const ProjectConfig &config,
                             const QVector<RevisionScript> &scripts, const RevisionGraph &graph)
{
    PlanRenderSettings settings;
    settings.policy = parseEnginePolicy(args.engine).value_or(EnginePolicy::Auto);
    settings.bridge.iniPath = config.iniPath;
    settings.bridge.tomlPath = config.tomlPath;
    PlanRenderer renderer(graph, scripts, settings);
    const bool json = args.format == QLatin1String("json");
    auto engineName = [](const EngineVerdict &v) {
        return v.engine == RenderEngine::Native ? QStringLiteral("native") : QStringLiteral("python");
    };
    QJsonArray revisions;
    QString text;
    int native = 0, total = 0, irreversible = 0;
    const std::vector<int> order = graph.parentsFirst(RevisionGraph::Relation::VersionedDown);
    int width = 0;
    for (int r : order)
        width = std::max(width, int(graph.node(r).id.size()));
    for (int r : order) {
        const RevisionNode &node = graph.node(r);
        QJsonObject entry;
        entry.insert(QLatin1String("revision"), node.id);
        entry.insert(QLatin1String("path"), scripts[node.script].path);
        for (const bool upgrade : {true, false}) {
            const EngineVerdict v = renderer.verdict(r, upgrade);
            const QString direction = upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
            // alembic renders no SQL for a function that raises: not counted
            if (v.raised)
                ++irreversible;
            else
                ++total;
            if (v.engine == RenderEngine::Native && !v.raised)
                ++native;
            if (json) {
                QJsonObject o;
                o.insert(QLatin1String("engine"), engineName(v));
                o.insert(QLatin1String("available"), v.available);
                if (v.raised)
                    o.insert(QLatin1String("irreversible"), v.raised->text());
                if (!v.reason.isEmpty()) {
                    o.insert(QLatin1String("reason"), v.reason);
                    o.insert(QLatin1String("file"), v.file);
                    o.insert(QLatin1String("line"), v.line);
                }
                entry.insert(direction, o);
            } else {
                QString line = QStringLiteral("%1  %2  %3").arg(node.id.leftJustified(width), direction.leftJustified(9),
                                                               engineName(v).leftJustified(6));
                if (!v.available)
                    line += QStringLiteral("  (unavailable with --engine native)");
                if (!v.reason.isEmpty())
                    line += QStringLiteral("  ") + v.reason;
                text += line.trimmed() + QLatin1Char('\n');
            }
        }
        revisions.append(entry);
    }
    if (!json) {
        text += QStringLiteral("%1 of %2 revision functions render natively (--engine %3)\n")
                    .arg(native).arg(total).arg(enginePolicyName(settings.policy));
        if (irreversible > 0)
            text += QStringLiteral("%1 revision functions raise on purpose (irreversible), not counted\n").arg(irreversible);
        return text.toUtf8();
    }
    QJsonObject summary;
    summary.insert(QLatin1String("functions"), total);
    summary.insert(QLatin1String("native"), native);
    summary.insert(QLatin1String("python"), total - native);
    summary.insert(QLatin1String("irreversible"), irreversible);
    QJsonObject doc;
    doc.insert(QLatin1String("policy"), enginePolicyName(settings.policy));
    doc.insert(QLatin1String("revisions"), revisions);
    doc.insert(QLatin1String("summary"), summary);
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

} // namespace retort::cli
