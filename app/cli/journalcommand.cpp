#include "journalcommand.h"

#include "db/connectionsettings.h"
#include "graph/dbstate.h"
#include "journal/databasehistory.h"
#include "journal/editedrevisions.h"
#include "project/envreader.h"
#include "project/projectconfig.h"

namespace retort::cli {

namespace {

constexpr int kCommandErrorExit = 255;

QString rows(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("(none)") : list.join(QStringLiteral(", "));
}

// The history of the database the arguments name; false (and the outcome
// filled in) on an error.
bool history(const CliArgs &args, const ProjectConfig &config, JournalOutcome &outcome, DatabaseHistory &h,
             bool withVersionRows = false)
{
    Result<ConnectionSettings> settings =
        ConnectionSettings::resolve(args.url, qEnvironmentVariable("DATABASE_URL"), config.sqlalchemyUrl);
    if (!settings) {
        outcome.out += "FAILED: " + settings.error().message().toUtf8() + '\n';
        outcome.exitCode = kCommandErrorExit;
        return false;
    }
    std::optional<VersionTable> table;
    if (withVersionRows) {
        // what the database has applied now bounds what verify checks
        Result<EnvOptions> env = loadEnvOptions(config.envPath);
        if (env)
            table = VersionTable::fromEnv(env.value());
        else
            outcome.err += "retort: warning: " + env.error().toString().toUtf8() + '\n';
    }
    h = loadDatabaseHistory(settings.value(), table ? &*table : nullptr);
    for (const QString &w : h.warnings)
        outcome.err += "retort: warning: " + w.toUtf8() + '\n';
    if (h.error.isError()) {
        outcome.out += "FAILED: " + h.error.message().toUtf8() + '\n';
        outcome.exitCode = kCommandErrorExit;
        return false;
    }
    return true;
}

QString describe(const JournalRecord &r, const QString &source)
{
    QString text = QStringLiteral("%1  %2 %3  %4  %5 ms  %6 (database user %7) on %8  [%9]\n")
                       .arg(r.startedAt.toString(Qt::ISODateWithMs), r.operation, r.targets.join(QLatin1Char(' ')),
                            r.outcome)
                       .arg(r.durationMs)
                       .arg(r.osUser, r.databaseUser, r.clientHost, source);
    text += QStringLiteral("  id %1  %2  version rows %3 -> %4\n")
                .arg(r.id, r.server, rows(r.headsBefore), rows(r.headsAfter));
    text += QStringLiteral("  sql sha256 %1 (%2 statements)\n").arg(r.sqlSha256).arg(r.statementsSent);
    for (const JournalStep &s : r.steps) {
        QString line = QStringLiteral("  %1 %2 -> %3  %4").arg(s.kind, rows(s.from), rows(s.to), s.outcome);
        if (!s.engine.isEmpty())
            line += QStringLiteral("  %1").arg(s.engine);
        if (!s.upgradeSha256.isEmpty())
            line += QStringLiteral("  upgrade() %1 downgrade() %2").arg(s.upgradeSha256.left(12), s.downgradeSha256.left(12));
        text += line + QLatin1Char('\n');
    }
    if (!r.error.isEmpty())
        text += QStringLiteral("  error: %1\n").arg(QString(r.error).replace(QLatin1Char('\n'), QStringLiteral("\n    ")));
    return text;
}

} // namespace

JournalOutcome runJournalCommand(const CliArgs &args, const ProjectConfig &config)
{
    JournalOutcome outcome;
    DatabaseHistory h;
    if (!history(args, config, outcome, h))
        return outcome;
    QString text;
    for (const JournalRecord &r : h.records)
        text += describe(r, h.sources.value(r.id));
    outcome.out += text.toUtf8();
    return outcome;
}

JournalOutcome runVerifyCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                                const RevisionGraph &graph)
{
    JournalOutcome outcome;
    DatabaseHistory h;
    if (!history(args, config, outcome, h, true))
        return outcome;
    QVector<AppliedRevision> applied = appliedRevisions(h.records);
    if (h.versionRows)
        applied = stillApplied(applied, graph, DatabaseGraphState::compute(graph, *h.versionRows));
    const QVector<EditedRevision> edited = editedRevisions(applied, graph, scripts);
    QString text;
    for (const EditedRevision &e : edited) {
        text += QStringLiteral("%1 (%2): %3 changed since it was applied %4\n")
                    .arg(e.revision, e.file, e.changed.join(QStringLiteral(", ")),
                         e.appliedAt.toString(Qt::ISODateWithMs));
        text += e.diff;
    }
    if (edited.isEmpty())
        text = QStringLiteral("%1 applied revision(s) checked: none changed since it was applied\n").arg(applied.size());
    else
        outcome.exitCode = 1;
    outcome.out += text.toUtf8();
    return outcome;
}

} // namespace retort::cli
