#include "journal/databasehistory.h"

#include "db/connection.h"
#include "journal/databasejournal.h"
#include "journal/editedrevisions.h"
#include "journal/journalrecorder.h"
#include "journal/localjournal.h"

namespace retort {

DatabaseHistory loadDatabaseHistory(const ConnectionSettings &connection, const VersionTable *versionTable,
                                    const QSqlDatabase *open, const QString &localDirectory)
{
    DatabaseHistory h;
    const LocalJournal local(localDirectory.isEmpty() ? LocalJournal::defaultDirectory() : localDirectory);
    const QString key = databaseKey(connection);
    QVector<JournalRecord> mine;
    Result<JournalContents> file = local.read();
    if (!file) {
        h.error = file.error();
        return h;
    }
    for (const DamagedRecord &d : file->damaged)
        h.warnings << QStringLiteral("%1:%2: %3 (skipped)").arg(local.filePath()).arg(d.line).arg(d.reason);
    for (const JournalRecord &r : file->records)
        if (r.databaseKey == key) {
            mine.append(r);
            h.sources.insert(r.id, QStringLiteral("local"));
        }

    QVector<JournalRecord> shared;
    std::unique_ptr<Connection> own;
    if (!open) {
        Result<std::unique_ptr<Connection>> c = Connection::open(connection);
        if (c) {
            own = std::move(c.value());
        } else {
            h.warnings << QStringLiteral("the database's own journal was not read: ") + c.error().toString();
            if (versionTable)
                h.versionRowsError = c.error().toString();
        }
    }
    if (open || own) {
        const QSqlDatabase db = open ? *open : own->database();
        if (Result<QString> identity = databasejournal::identity(db))
            h.databaseIdentity = identity.value();
        else
            h.warnings << identity.error().toString();
        if (versionTable) {
            Result<VersionState> state = readVersionState(db, *versionTable);
            Result<QStringList> writes = state ? readVersionRowWrites(db, *versionTable) : state.error();
            if (writes) {
                h.versionRows = state->rows;
                h.rowWrites = writes.value();
            } else {
                h.versionRowsError = writes.error().toString();
                h.warnings << QStringLiteral("the version rows were not read: ") + h.versionRowsError;
            }
        }
        Result<JournalContents> rows = databasejournal::read(db);
        if (!rows) {
            h.warnings << QStringLiteral("the database's own journal was not read: ") + rows.error().toString();
        } else {
            for (const DamagedRecord &d : rows->damaged)
                h.warnings << QStringLiteral("%1 %2 (skipped)").arg(databasejournal::tableName(), d.reason);
            shared = rows->records;
            for (const JournalRecord &r : shared)
                h.sources[r.id] = h.sources.contains(r.id) ? QStringLiteral("local, database") : QStringLiteral("database");
        }
    }
    h.records = mergeRecords(mine, shared);
    // A row of the database's own journal travels with its data (a copy, a
    // dump restored elsewhere): it describes this database whatever identity
    // it was written with.
    for (JournalRecord &r : h.records)
        if (h.sources.value(r.id).contains(QLatin1String("database")))
            r.databaseIdentity.clear();
    return h;
}

} // namespace retort
