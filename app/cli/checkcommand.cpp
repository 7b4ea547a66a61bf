#include "checkcommand.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "project/projectconfig.h"
#include "runsetup.h"
#include "scratch/consistencycheck.h"
#include "scratch/scratchdatabase.h"

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

Outcome runCheckCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                        const RevisionGraph &graph, const ProgressLog &log)
{
    if (args.positionals.size() > 1)
        return failedOutcome(Error(Error::Kind::Config, QStringLiteral("check takes one range (A:B, or B), not %1")
                                                            .arg(args.positionals.join(QLatin1Char(' ')))));
    Result<ProjectContext> project = projectContext(config, scripts, graph);
    if (!project)
        return failedOutcome(project.error());
    // the target is only asked for its version: no password prompt
    const Result<ConnectionSettings> target =
        ConnectionSettings::resolve(args.url, qEnvironmentVariable("DATABASE_URL"), config.sqlalchemyUrl);
    Result<std::unique_ptr<ScratchDatabase>> scratch = ScratchDatabase::create(scratchRequestFor(args, target));
    if (!scratch)
        return failedOutcome(scratch.error());
    log("retort: " + scratch.value()->note().toUtf8() + '\n');

    const PlanRenderSettings render = onlineRenderSettings(args, config);
    const ConsistencyCheck check(project.value(), scratch.value()->settings(),
                                 planStepRenderer(project.value(), render),
                                 bridgeStepRunner(render.bridge, render.interpreter, scratch.value()->settings()));
    const ConsistencyReport report = check.run(args.positionals.value(0), [&log](const QString &line) {
        log("retort: check " + line.toUtf8() + '\n');
    });
    scratch.value()->release();
    if (report.error)
        return failedOutcome(report.error);
    Outcome outcome;
    if (const auto &f = report.finding) {
        QString text = QStringLiteral("revision %1 (%2): %3\n").arg(f->revision, f->file, f->problem);
        for (const QString &line : describeChanges(f->changes))
            text += QStringLiteral("  %1\n").arg(line);
        outcome.out = text.toUtf8();
        outcome.exitCode = 1;
        return outcome;
    }
    outcome.out = QStringLiteral("%1 revisions checked: each downgrade undoes its upgrade, and upgrading again "
                                 "gives the same schema\n")
                      .arg(report.checked)
                      .toUtf8();
    return outcome;
}

} // namespace retort::cli
