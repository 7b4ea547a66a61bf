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

void failed(JournalOutcome &outcome, const QString &message)
{
    outcome.out += "FAILED: " + message.toUtf8() + '\n';
    outcome.exitCode = kCommandErrorExit;
}

// The history of the database the arguments name, with its version rows
// read from `versionTable` when given; false (and the outcome filled in) on
// an error.
bool history(const CliArgs &args, const ProjectConfig &config, JournalOutcome &outcome, DatabaseHistory &h,
             const VersionTable *versionTable = nullptr)
{
    Result<ConnectionSettings> settings =
        ConnectionSettings::resolve(args.url, qEnvironmentVariable("DATABASE_URL"), config.sqlalchemyUrl);
    if (!settings) {
        failed(outcome, settings.error().message());
        return false;
    }
    h = loadDatabaseHistory(settings.value(), versionTable);
    for (const QString &w : h.warnings)
        outcome.err += "retort: warning: " + w.toUtf8() + '\n';
    if (h.error.isError()) {
        failed(outcome, h.error.message());
        return false;
    }
    return true;
}

// Where verify reads what the database has applied: env.py's version table,
// which must be known, or the rows read would be another table's (or none):
// loadEnvOptions refuses one it cannot read.
Result<VersionTable> versionTableOf(const ProjectConfig &config)
{
    Result<EnvOptions> env = loadEnvOptions(config.envPath);
    if (!env)
        return env.error();
    return VersionTable::fromEnv(env.value());
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
    Result<VersionTable> table = versionTableOf(config);
    if (!table) {
        failed(outcome, table.error().toString());
        return outcome;
    }
    DatabaseHistory h;
    if (!history(args, config, outcome, h, &table.value()))
        return outcome;
    if (!h.versionRows) {
        failed(outcome, QStringLiteral("the version rows in %1 were not read, so nothing was verified: %2")
                            .arg(table->displayName(), h.versionRowsError));
        return outcome;
    }
    QStringList notes;
    const QVector<JournalRecord> records =
        recordsOfDatabase(h.records, h.databaseIdentity, table->displayName(), &notes);
    for (const QString &note : notes)
        outcome.err += "retort: warning: " + note.toUtf8() + '\n';
    const Verification v = verifyApplied(records, graph, scripts, DatabaseGraphState::compute(graph, *h.versionRows),
                                         h.rowWrites);
    QString text;
    for (const EditedRevision &e : v.edited) {
        text += QStringLiteral("%1 (%2): %3 changed since it was applied %4\n")
                    .arg(e.revision, e.file, e.changed.join(QStringLiteral(", ")),
                         e.appliedAt.toString(Qt::ISODateWithMs));
        text += e.diff;
    }
    if (!v.unchecked.isEmpty()) {
        const QString at = h.versionRows->isEmpty() ? QStringLiteral("base") : h.versionRows->join(QStringLiteral(", "));
        text += QStringLiteral("the database is at %1 (%2); no journal record lets verify check %3 of its %4 "
                               "applied revision(s):\n")
                    .arg(at, table->displayName())
                    .arg(v.unchecked.size())
                    .arg(v.appliedOnDatabase);
        for (const UncheckedRevision &u : v.unchecked)
            text += u.file.isEmpty() ? QStringLiteral("  %1: %2\n").arg(u.revision, u.reason)
                                     : QStringLiteral("  %1 (%2): %3\n").arg(u.revision, u.file, u.reason);
    }
    if (v.edited.isEmpty())
        text += QStringLiteral("%1 applied revision(s) checked: none changed since it was applied\n").arg(v.checked);
    if (!v.unchecked.isEmpty())
        text += QStringLiteral("not verified: %1 applied revision(s) not checked\n").arg(v.unchecked.size());
    if (!v.verified())
        outcome.exitCode = 1;
    outcome.out += text.toUtf8();
    return outcome;
}

} // namespace retort::cli
