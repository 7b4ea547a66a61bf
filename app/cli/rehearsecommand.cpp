#include "rehearsecommand.h"

#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "onlinecommand.h"
#include "project/projectconfig.h"
#include "runsetup.h"
#include "scratch/rehearsal.h"
#include "scratch/scratchdatabase.h"

namespace retort::cli {

Outcome runRehearseCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                           const RevisionGraph &graph, const ProgressLog &log)
{
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

    Operation operation;
    operation.kind = args.command == QLatin1String("downgrade") ? Operation::Kind::Downgrade : Operation::Kind::Upgrade;
    operation.targets = args.positionals;
    const PlanRenderSettings render = onlineRenderSettings(args, config);
    const RehearsalReport report =
        rehearse(project.value(), target.value(), scratch.value()->settings(), planStepRenderer(project.value(), render),
                 bridgeStepRunner(render.bridge, render.interpreter, scratch.value()->settings()), operation);
    scratch.value()->release();
    if (report.error)
        return failedOutcome(report.error);
    const RunReport &run = report.run;
    if (!run.ok && run.stepCount == 0 && run.failedStatement.isEmpty())
        return failedOutcome(run.error);  // no plan: a revision that names nothing, ...

    QString text = QStringLiteral("rehearsal of %1 %2 on a copy of %3 (version rows: %4):\n")
                       .arg(args.command, args.positionals.join(QLatin1Char(' ')), target->describe(),
                            report.rows.isEmpty() ? QStringLiteral("none") : report.rows.join(QStringLiteral(", ")));
    for (const RehearsedStatement &s : report.statements) {
        QString sql = s.sql.simplified();
        if (sql.size() > 160)
            sql = sql.left(157) + QStringLiteral("...");
        text += QStringLiteral("  %1 %2 ms  %3\n")
                    .arg(s.revision.isEmpty() ? QStringLiteral("-") : s.revision, -12)
                    .arg(s.ms, 6)
                    .arg(sql);
    }
    Outcome outcome;
    if (run.ok) {
        text += QStringLiteral("rehearsal passed: %1 steps, %2 statements in %3 ms; %4 was not touched\n")
                    .arg(run.stepCount)
                    .arg(report.statements.size())
                    .arg(run.elapsedMs)
                    .arg(target->describe());
    } else {
        text += QStringLiteral("rehearsal failed: %1\n%2 was not touched\n").arg(failureLine(run), target->describe());
        outcome.exitCode = 1;
    }
    outcome.out = text.toUtf8();
    return outcome;
}

} // namespace retort::cli
