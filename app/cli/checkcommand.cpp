#include "checkcommand.h"

#include "scratch/consistencycheck.h"

namespace retort::cli {

Outcome runCheckCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                        const RevisionGraph &graph, const ProgressLog &log)
{
    if (args.positionals.size() > 1)
        return failedOutcome(Error(Error::Kind::Config, QStringLiteral("check takes one range (A:B, or B), not %1")
                                                            .arg(args.positionals.join(QLatin1Char(' ')))));
    Result<std::shared_ptr<ScratchSession>> session = openScratchSession(args, config, scripts, graph, false, log);
    if (!session)
        return failedOutcome(session.error());
    const ScratchSession &s = *session.value();
    const ConsistencyCheck check(s.project, s.scratch->settings(), s.stepRenderer(), s.pythonRunner());
    const ConsistencyReport report = check.run(args.positionals.value(0), [&log](const QString &line, int, int) {
        log("retort: check " + line.toUtf8() + '\n');
    });
    s.scratch->release();
    if (report.error)
        return failedOutcome(report.error);
    Outcome outcome;
    outcome.out = describeConsistency(report).toUtf8();
    outcome.exitCode = report.finding ? 1 : 0;
    return outcome;
}

} // namespace retort::cli
