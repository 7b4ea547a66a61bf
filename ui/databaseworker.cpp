#include "databaseworker.h"

#include "journal/databasehistory.h"
#include "journal/editedrevisions.h"

#include "db/connection.h"
#include "project/envreader.h"


namespace retort::gui {

DatabaseRead DatabaseWorker::readDatabase(const QString &name, const ConnectionSettings &settings,
                                          const LoadedProjectPtr &project)
{
    DatabaseRead out;
    out.name = name;
    out.database = settings.database;
    out.host = settings.host.isEmpty() ? QStringLiteral("localhost") : settings.host;
    VersionTable table;
    if (project) {
        // The rows are only where env.py says: defaults in its place would
        // read another table and draw a state that was never read.
        Result<EnvOptions> env = loadEnvOptions(project->config.envPath);
        if (!env) {
            out.error = env.error();
            return out;
        }
        table = VersionTable::fromEnv(env.value());
    }
    Result<std::unique_ptr<Connection>> connection = Connection::open(settings);
    if (!connection) {
        out.error = connection.error();
        out.passwordRejected = out.error.sqlState() == QLatin1String("28P01");
        return out;
    }
    out.serverVersion = connection.value()->serverVersion().section(QLatin1Char(' '), 0, 0);
    // A few /proc reads: the status bar names the place the server really is.
    out.locality = classifyLocality(connection.value()->database());
    out.host = out.locality.where;
    Result<VersionState> version = readVersionState(connection.value()->database(), table);
    if (!version) {
        out.error = version.error();
        return out;
    }
    out.version = version.value();
    if (project) {
        out.state = DatabaseGraphState::compute(project->graph, out.version.rows);
        const QSqlDatabase db = connection.value()->database();
        const DatabaseHistory history = loadDatabaseHistory(settings, nullptr, &db);
        out.journalWarnings = history.warnings;
        const QVector<JournalRecord> records =
            recordsOfDatabase(history.records, history.databaseIdentity, table.displayName(), &out.journalWarnings);
        out.edited = editedSummary(verifyApplied(records, project->graph, project->scripts, out.state).edited);
    }
    out.ok = true;
    return out;
}

void DatabaseWorker::read(quint64 request, const QString &name, const ConnectionSettings &settings,
                          const LoadedProjectPtr &project)
{
    emit readFinished(request, readDatabase(name, settings, project));
}

} // namespace retort::gui
