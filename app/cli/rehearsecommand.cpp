#include "rehearsecommand.h"

#include "onlinecommand.h"
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

    QString text = QStringLiteral("rehearsal of %1 %2 on a copy of %3 (version rows: %4):\n")
                       .arg(args.command, args.positionals.join(QLatin1Char(' ')), target.describe(),
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
                    .arg(target.describe());
    } else {
        text += QStringLiteral("rehearsal failed: %1\n%2 was not touched\n").arg(failureLine(run), target.describe());
        outcome.exitCode = 1;
    }
    outcome.out = text.toUtf8();
    return outcome;
}

} // namespace retort::cli
