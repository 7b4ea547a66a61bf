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

} // namespace

JournalOutcome runJournalCommand(const CliArgs &args, const ProjectConfig &config)
{
    JournalOutcome outcome;
    DatabaseHistory h;
    if (!history(args, config, outcome, h))
        return outcome;
    QString text;
    for (const JournalRecord &r : h.records)
        text += describeRecord(r, h.sources.value(r.id));
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
