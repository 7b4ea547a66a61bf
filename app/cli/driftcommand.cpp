#include "driftcommand.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "project/projectconfig.h"
#include "runsetup.h"
#include "scratch/driftcheck.h"
#include "scratch/scratchdatabase.h"

namespace retort::cli {

Outcome runDriftCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                        const RevisionGraph &graph, const ProgressLog &log)
{
    if (!args.positionals.isEmpty())
        return failedOutcome(Error(Error::Kind::Config, QStringLiteral("drift takes no revision (%1): it compares "
                                                                       "with the database's own version rows")
                                                            .arg(args.positionals.join(QLatin1Char(' ')))));
    Result<ProjectContext> project = projectContext(config, scripts, graph);
    if (!project)
        return failedOutcome(project.error());
    QByteArray warnings;
    const Result<ConnectionSettings> target = targetConnection(args, config, &warnings);
    log(warnings);
    if (!target)
        return failedOutcome(target.error());
    Result<std::unique_ptr<ScratchDatabase>> scratch = ScratchDatabase::create(scratchRequestFor(args, target));
    if (!scratch)
        return failedOutcome(scratch.error());
    log("retort: " + scratch.value()->note().toUtf8() + '\n');

    const PlanRenderSettings render = onlineRenderSettings(args, config);
    const DriftReport report =
        checkDrift(project.value(), target.value(), scratch.value()->settings(),
                   planStepRenderer(project.value(), render),
                   bridgeStepRunner(render.bridge, render.interpreter, scratch.value()->settings()));
    scratch.value()->release();
    if (report.error)
        return failedOutcome(report.error);
    const QString rows = report.rows.isEmpty() ? QStringLiteral("none: base") : report.rows.join(QStringLiteral(", "));
    Outcome outcome;
    if (report.changes.isEmpty()) {
        outcome.out = QStringLiteral("no drift: %1 has the schema its version rows (%2) give\n")
                          .arg(target->describe(), rows)
                          .toUtf8();
        return outcome;
    }
    QString text = QStringLiteral("drift: %1 differs from the schema its version rows (%2) give:\n")
                       .arg(target->describe(), rows);
    for (const QString &line : describeChanges(report.changes))
        text += QStringLiteral("  %1\n").arg(line);
    outcome.out = text.toUtf8();
    outcome.exitCode = 1;
    return outcome;
}

} // namespace retort::cli
