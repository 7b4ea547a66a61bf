#include "rehearsecommand.h"

#include "scratch/rehearsal.h"

namespace retort::cli {

Outcome runRehearseCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                           const RevisionGraph &graph, const ProgressLog &log)
{
    Result<std::shared_ptr<ScratchSession>> session = openScratchSession(args, config, scripts, graph, true, log);
    if (!session)
        return failedOutcome(session.error());
    const ScratchSession &s = *session.value();
    const ConnectionSettings &target = *s.target;

    Operation operation;
    operation.kind = args.command == QLatin1String("downgrade") ? Operation::Kind::Downgrade : Operation::Kind::Upgrade;
    operation.targets = args.positionals;
    const RehearsalReport report = rehearse(s.project, target, s.scratch->settings(), s.stepRenderer(),
                                            s.pythonRunner(), operation);
    s.scratch->release();
    if (report.error)
        return failedOutcome(report.error);
    const RunReport &run = report.run;
    if (!run.ok && run.stepCount == 0 && run.failedStatement.isEmpty())
        return failedOutcome(run.error);  // no plan: a revision that names nothing, ...

    Outcome outcome;
    const QString command = args.command + QLatin1Char(' ') + args.positionals.join(QLatin1Char(' '));
    outcome.out = describeRehearsal(report, command, target.describe()).toUtf8();
    outcome.exitCode = run.ok ? 0 : 1;
    return outcome;
}

} // namespace retort::cli
