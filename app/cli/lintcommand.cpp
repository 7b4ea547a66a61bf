#include "lintcommand.h"

#include "runsetup.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "exec/migrationrunner.h"
#include "exec/plannedstatements.h"
#include "graph/migrationplan.h"
#include "graph/revisiongraph.h"
#include "project/envreader.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "db/connection.h"
#include "db/connectionsettings.h"
#include "risk/liveblockers.h"
#include "risk/livecatalog.h"
#include "risk/planrisk.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace retort::cli {

namespace {

using namespace retort::risk;

constexpr int kCommandErrorExit = 255;

QJsonValue revisionValue(const QString &revision)
{
    return revision.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(revision);
}

QJsonObject spanJson(const PlanRisk &plan, const LockSpan &span)
{
    const StatementReport &a = plan.statements[span.from];
    const StatementReport &b = plan.statements[span.to];
    QJsonObject o;
    o.insert(QLatin1String("relation"), span.relation);
    o.insert(QLatin1String("mode"), lockModeName(span.mode));
    o.insert(QLatin1String("from"), QJsonObject{{QLatin1String("revision"), revisionValue(a.revision)},
                                                {QLatin1String("index"), a.number - 1}});
    o.insert(QLatin1String("to"), QJsonObject{{QLatin1String("revision"), revisionValue(b.revision)},
                                              {QLatin1String("index"), b.number - 1}});
    o.insert(QLatin1String("statements"), span.statements);
    o.insert(QLatin1String("revisions"), span.revisions);
    o.insert(QLatin1String("autocommit"), span.autocommit);
    o.insert(QLatin1String("text"), plan.describe(span));
    return o;
}

QJsonObject liveJson(const LiveRisk &live)
{
    QJsonArray relations;
    for (const LiveRelation &r : live.relations)
        relations.append(QJsonObject{{QLatin1String("relation"), r.relation},
                                     {QLatin1String("mode"), lockModeName(r.mode)},
                                     {QLatin1String("exists"), r.exists},
                                     {QLatin1String("bytes"), double(r.totalBytes)},
                                     {QLatin1String("estimatedRows"),
                                      r.estimatedRows < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.estimatedRows)}});
    QJsonArray blockers;
    for (const LiveBlocker &b : live.blockers)
        blockers.append(QJsonObject{{QLatin1String("relation"), b.relation},
                                    {QLatin1String("pid"), b.pid},
                                    {QLatin1String("mode"), b.mode},
                                    {QLatin1String("granted"), b.granted},
                                    {QLatin1String("application"), b.application},
                                    {QLatin1String("user"), b.user},
                                    {QLatin1String("state"), b.state},
                                    {QLatin1String("transactionSeconds"), double(b.transactionSeconds)},
                                    {QLatin1String("query"), b.query},
                                    {QLatin1String("text"), b.describe()}});
    return QJsonObject{{QLatin1String("relations"), relations}, {QLatin1String("blockers"), blockers}};
}

QByteArray jsonReport(const PlanRisk &plan, const std::optional<LiveRisk> &live)
{
    QJsonArray statements;
    for (const StatementReport &s : plan.statements) {
        QJsonArray locks;
        for (const RelationLock &l : s.risk.locks)
            locks.append(QJsonObject{{QLatin1String("relation"), l.relation}, {QLatin1String("mode"), lockModeName(l.mode)}});
        QJsonArray findings;
        for (const Finding &f : s.risk.findings) {
            QJsonObject o{{QLatin1String("rule"), f.rule},
                          {QLatin1String("severity"), severityName(f.severity)},
                          {QLatin1String("message"), f.message}};
            if (!f.allowedBecause.isNull())
                o.insert(QLatin1String("allowed"), f.allowedBecause);
            findings.append(o);
        }
        QJsonObject o;
        o.insert(QLatin1String("revision"), revisionValue(s.revision));
        o.insert(QLatin1String("direction"), s.upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"));
        // the documented JSON counts from 0; people (text, SARIF) from 1
        o.insert(QLatin1String("index"), s.number - 1);
        o.insert(QLatin1String("sql"), s.sql);
        o.insert(QLatin1String("transactional"), s.risk.transactional);
        o.insert(QLatin1String("locks"), locks);
        o.insert(QLatin1String("rewrite"), s.risk.rewrite);
        o.insert(QLatin1String("scan"), s.risk.scan);
        o.insert(QLatin1String("findings"), findings);
        statements.append(o);
    }
    QJsonArray spans;
    for (const LockSpan &span : plan.spans)
        spans.append(spanJson(plan, span));
    QJsonObject doc{{QLatin1String("statements"), statements}, {QLatin1String("spans"), spans}};
    if (live)
        doc.insert(QLatin1String("live"), liveJson(*live));
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QString sarifLevel(Severity s)
{
    return s == Severity::Error ? QStringLiteral("error") : s == Severity::Warning ? QStringLiteral("warning") : QStringLiteral("note");
}

// SARIF 2.1.0: one run, the rules in the driver, one result per finding at
// the revision file's op line; allowed findings carry an in-source suppression.
QByteArray sarifReport(const PlanRisk &plan, const QString &baseDir)
{
    QJsonArray rules;
    QHash<QString, int> ruleIndex;
    for (const RiskRule &r : riskRules()) {
        ruleIndex.insert(r.id, int(rules.size()));
        rules.append(QJsonObject{
            {QLatin1String("id"), r.id},
            {QLatin1String("shortDescription"), QJsonObject{{QLatin1String("text"), r.why}}},
            {QLatin1String("help"), QJsonObject{{QLatin1String("text"), r.alternative}}},
            {QLatin1String("defaultConfiguration"), QJsonObject{{QLatin1String("level"), sarifLevel(r.severity)}}},
            {QLatin1String("properties"), QJsonObject{{QLatin1String("postgresVersion"), r.postgresVersion}}}});
    }
    QJsonArray results;
    const QDir base(baseDir);
    for (const StatementReport &s : plan.statements) {
        for (const Finding &f : s.risk.findings) {
            QJsonObject result{{QLatin1String("ruleId"), f.rule},
                               {QLatin1String("ruleIndex"), ruleIndex.value(f.rule)},
                               {QLatin1String("level"), sarifLevel(f.severity)},
                               {QLatin1String("message"), QJsonObject{{QLatin1String("text"), f.message}}}};
            if (!s.file.isEmpty()) {
                QJsonObject physical{{QLatin1String("artifactLocation"),
                                      QJsonObject{{QLatin1String("uri"), base.relativeFilePath(s.file)}}}};
                if (s.line > 0)
                    physical.insert(QLatin1String("region"), QJsonObject{{QLatin1String("startLine"), s.line}});
                result.insert(QLatin1String("locations"),
                              QJsonArray{QJsonObject{{QLatin1String("physicalLocation"), physical}}});
            }
            result.insert(QLatin1String("properties"),
                          QJsonObject{{QLatin1String("revision"), revisionValue(s.revision)},
                                      {QLatin1String("statement"), s.number}});
            if (!f.allowedBecause.isNull())
                result.insert(QLatin1String("suppressions"),
                              QJsonArray{QJsonObject{{QLatin1String("kind"), QStringLiteral("inSource")},
                                                     {QLatin1String("justification"), f.allowedBecause}}});
            results.append(result);
        }
    }
    const QJsonObject driver{{QLatin1String("name"), QStringLiteral("retort")},
                             {QLatin1String("version"), QStringLiteral(RETORT_VERSION)},
                             {QLatin1String("rules"), rules}};
    const QJsonObject run{{QLatin1String("tool"), QJsonObject{{QLatin1String("driver"), driver}}},
                          {QLatin1String("results"), results}};
    return QJsonDocument(QJsonObject{{QLatin1String("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
                                     {QLatin1String("version"), QStringLiteral("2.1.0")},
                                     {QLatin1String("runs"), QJsonArray{run}}})
        .toJson(QJsonDocument::Indented);
}

QByteArray textReport(const PlanRisk &plan, const std::optional<LiveRisk> &live)
{
    QString out;
    for (const StatementReport &s : plan.statements) {
        if (s.risk.findings.isEmpty())
            continue;
        const QString where = s.file.isEmpty() ? QStringLiteral("(run)")
                                               : s.line > 0 ? QStringLiteral("%1:%2").arg(s.file).arg(s.line) : s.file;
        for (const Finding &f : s.risk.findings) {
            out += QStringLiteral("%1: %2 [%3] %4").arg(where, severityName(f.severity), f.rule, f.message);
            if (!f.allowedBecause.isNull())
                out += QStringLiteral(" (allowed: %1)").arg(f.allowedBecause);
            out += QLatin1Char('\n');
            if (const RiskRule *r = findRule(f.rule); r && f.allowedBecause.isNull())
                out += QStringLiteral("    why: %1\n    instead: %2 (PostgreSQL %3+)\n").arg(r->why, r->alternative, r->postgresVersion);
        }
    }
    for (const LockSpan &span : plan.spans)
        if (blocksWrites(span.mode))
            out += QStringLiteral("lock: %1\n").arg(plan.describe(span));
    if (live) {
        for (const LiveRelation &r : live->relations)
            if (r.exists)
                out += QStringLiteral("size: %1 %2 bytes, %3\n")
                           .arg(r.relation)
                           .arg(r.totalBytes)
                           .arg(r.estimatedRows < 0 ? QStringLiteral("rows unknown (table not analysed)")
                                                    : QStringLiteral("about %1 rows").arg(qint64(r.estimatedRows)));
        for (const LiveBlocker &b : live->blockers)
            out += QStringLiteral("now: %1\n").arg(b.describe());
    }
    out += QStringLiteral("%1 statements, %2 errors, %3 warnings, %4 allowed\n")
               .arg(plan.statements.size())
               .arg(plan.countAtLeast(Severity::Error))
               .arg(plan.countAtLeast(Severity::Warning) - plan.countAtLeast(Severity::Error))
               .arg(plan.countAtLeast(Severity::Info, true) - plan.countAtLeast(Severity::Info));
    return out.toUtf8();
}

} // namespace

bool lintReportIsMachineReadable(const CliArgs &args)
{
    return args.format == QLatin1String("json") || args.format == QLatin1String("sarif");
}

LintResult runLintCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                          const RevisionGraph &graph)
{
    LintResult result;
    QByteArray &failedLines = lintReportIsMachineReadable(args) ? result.err : result.out;
    auto fail = [&](const Error &e) {
        failedLines += "FAILED: " + e.message().toUtf8() + '\n';
        if (!e.where().isEmpty() || e.cause())
            result.err += "retort: " + e.toString().toUtf8() + '\n';
        result.exitCode = kCommandErrorExit;
        return result;
    };
    QStringList positionals = args.positionals;
    bool upgrade = true;
    if (!positionals.isEmpty() && (positionals.front() == QLatin1String("upgrade") || positionals.front() == QLatin1String("downgrade")))
        upgrade = positionals.takeFirst() == QLatin1String("upgrade");
    if (positionals.size() > 1)
        return fail(Error(Error::Kind::Revision, QStringLiteral("lint takes one range, not '%1'").arg(positionals.join(QLatin1Char(' ')))));
    const QString range = positionals.value(0, upgrade ? QStringLiteral("base:heads") : QStringLiteral("heads:base"));
    const QStringList parts = range.split(QLatin1Char(':'));
    if (parts.size() != 2)
        return fail(Error(Error::Kind::Revision, QStringLiteral("lint needs a range FROM:TO, not '%1'").arg(range)));

    Result<EnvOptions> env = loadEnvOptions(config.envPath);
    if (!env)
        return fail(env.error());
    ProjectContext project;
    project.config = config;
    project.scripts = scripts;
    project.graph = std::shared_ptr<const RevisionGraph>(&graph, [](const RevisionGraph *) {});
    project.env = env.value();

    const MigrationPlanner planner(graph);
    const bool fromBase = parts[0].isEmpty() || parts[0] == QLatin1String("base");
    Result<QStringList> heads = planner.resolveStartingRevisions(fromBase ? QStringList() : QStringList{parts[0]});
    if (!heads)
        return fail(heads.error());

    RunOptions options;
    options.transactionPerMigration = project.env.transactionPerMigration;
    MigrationRunner runner(project, ConnectionSettings(), options);
    PlanRenderSettings render = planRenderSettings(args, config, RenderMode::Offline);
    render.bridge.destination = parts[1];
    runner.setStepRenderer(planStepRenderer(project, render));
    Operation op;
    op.kind = upgrade ? Operation::Kind::Upgrade : Operation::Kind::Downgrade;
    op.targets = QStringList{parts[1]};
    Result<QVector<PlannedStep>> steps = runner.plan(op, heads.value());
    if (!steps)
        return fail(steps.error());

    PlanRiskOptions riskOptions;
    riskOptions.allowed = allowCommentsOf(steps.value());
    if (!riskOptions.allowed.problems.isEmpty()) {
        for (const Error &e : std::as_const(riskOptions.allowed.problems)) {
            failedLines += "FAILED: " + e.message().toUtf8() + '\n';
            result.err += "retort: " + e.headline().toUtf8() + '\n';
        }
        result.exitCode = kCommandErrorExit;
        return result;
    }
    const QVector<PlannedStatement> statements =
        statementsFor(steps.value(), !fromBase, project.versionTable(), project.env.versionTablePk,
                      options.transactionPerMigration);
    // --url: the model starts from what that database holds, and reads who
    // is in the way there now (read-only queries)
    std::unique_ptr<Connection> connection;
    SchemaCatalog catalog;
    if (!args.url.isEmpty()) {
        Result<ConnectionSettings> settings = ConnectionSettings::resolve(args.url, QString(), QString());
        if (!settings)
            return fail(settings.error());
        Result<std::unique_ptr<Connection>> opened = Connection::open(settings.value());
        if (!opened)
            return fail(opened.error());
        connection = std::move(opened.value());
        Result<SchemaCatalog> read = readSchemaCatalog(connection->database());
        if (!read)
            return fail(read.error());
        catalog = read.value();
    }
    const PlanRisk plan = analyzePlan(steps.value(), statements, catalog, riskOptions);
    std::optional<LiveRisk> live;
    if (connection) {
        Result<LiveRisk> read = readLiveRisk(connection->database(), plan.strongestLocks());
        if (!read)
            return fail(read.error());
        live = read.value();
    }

    if (args.format == QLatin1String("json"))
        result.out = jsonReport(plan, live);
    else if (args.format == QLatin1String("sarif"))
        result.out = sarifReport(plan, QFileInfo(config.iniPath).absolutePath());
    else
        result.out = textReport(plan, live);
    const Severity threshold = args.failOn == QLatin1String("warning") ? Severity::Warning : Severity::Error;
    result.exitCode = plan.countAtLeast(threshold) > 0 ? 1 : 0;
    return result;
}

} // namespace retort::cli
