#include "scratchsession.h"

#include "bridge/onlinesteprunner.h"
#include "project/projectconfig.h"
#include "runsetup.h"

namespace retort::cli {

namespace {

constexpr int kCommandErrorExit = 255;

} // namespace

Outcome failedOutcome(const Error &e)
{
    Outcome o;
    o.out = "FAILED: " + e.message().toUtf8() + '\n';
    if (e.cause() || !e.where().isEmpty())
        o.err = "retort: " + e.toString().toUtf8() + '\n';
    o.exitCode = kCommandErrorExit;
    return o;
}

StepRenderer ScratchSession::stepRenderer() const
{
    return planStepRenderer(project, render);
}

PythonStepRunner ScratchSession::pythonRunner() const
{
    return bridgeStepRunner(render.bridge, render.interpreter, scratch->settings());
}

Result<std::shared_ptr<ScratchSession>> openScratchSession(const CliArgs &args, const ProjectConfig &config,
                                                           const QVector<RevisionScript> &scripts,
                                                           const RevisionGraph &graph, bool targetRequired,
                                                           const ProgressLog &log)
{
    auto session = std::make_shared<ScratchSession>();
    Result<ProjectContext> project = projectContext(config, scripts, graph);
    if (!project)
        return project.error();
    session->project = project.value();
    Result<ConnectionSettings> target = Error();
    if (targetRequired) {
        QByteArray warnings;
        target = targetConnection(args, config, &warnings);
        log(warnings);
        if (!target)
            return target.error();
        session->target = target.value();
    } else {
        // only asked for its version: no password prompt
        target = ConnectionSettings::resolve(args.url, qEnvironmentVariable("DATABASE_URL"), config.sqlalchemyUrl);
    }
    Result<std::unique_ptr<ScratchDatabase>> scratch = ScratchDatabase::create(scratchRequestFor(args, target));
    if (!scratch)
        return scratch.error();
    session->scratch = std::move(scratch.value());
    for (const QString &line : session->scratch->droppedLeftovers())
        log("retort: " + line.toUtf8() + '\n');
    log("retort: " + session->scratch->note().toUtf8() + '\n');
    session->render = planRenderSettings(args, config, RenderMode::Online);
    return session;
}

} // namespace retort::cli
