#include "driftcommand.h"

#include "scratch/driftcheck.h"

namespace retort::cli {

Outcome runDriftCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                        const RevisionGraph &graph, const ProgressLog &log)
{
    if (!args.positionals.isEmpty())
        return failedOutcome(Error(Error::Kind::Config, QStringLiteral("drift takes no revision (%1): it compares "
                                                                       "with the database's own version rows")
                                                            .arg(args.positionals.join(QLatin1Char(' ')))));
    Result<std::shared_ptr<ScratchSession>> session = openScratchSession(args, config, scripts, graph, true, log);
    if (!session)
        return failedOutcome(session.error());
    const ScratchSession &s = *session.value();
    const ConnectionSettings &target = *s.target;
    const DriftReport report =
        checkDrift(s.project, target, s.scratch->settings(), s.stepRenderer(), s.pythonRunner());
    s.scratch->release();
    if (report.error)
        return failedOutcome(report.error);
    Outcome outcome;
    outcome.out = describeDrift(report, target.describe()).toUtf8();
    outcome.exitCode = report.changes.isEmpty() ? 0 : 1;
    return outcome;
}

} // namespace retort::cli
