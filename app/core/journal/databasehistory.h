#pragma once

#include "db/connectionsettings.h"
#include "db/versionstate.h"
#include "journal/journalrecord.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace retort {

// Everything the journals say about one database: this machine's records
// for it (by databaseKey()) and every row of the database's own
// retort.journal, merged by id, newest first.
struct DatabaseHistory {
    QVector<JournalRecord> records;
    QHash<QString, QString> sources;  // id -> "local", "database" or "local, database"
    // Damaged local lines and database rows, a database that could not be
    // reached: said, never fatal.
    QStringList warnings;
    Error error;  // the local journal could not be read at all
    // The version rows, when a version table was given and could be read;
    // else, when one was given, why they could not be.
    std::optional<QStringList> versionRows;
    QString versionRowsError;
    // readVersionRowWrites(), read with the version rows (unset when not).
    std::optional<QStringList> rowWrites;
    QString databaseIdentity;  // databasejournal::identity(), when read
};

// Blocks (reads a file, connects): call it on a worker or from the CLI.
// With `versionTable` the version rows are read too. `open`: a connection
// to that database already open on this thread, used instead of a new one.
DatabaseHistory loadDatabaseHistory(const ConnectionSettings &connection, const VersionTable *versionTable = nullptr,
                                    const QSqlDatabase *open = nullptr, const QString &localDirectory = QString());

} // namespace retort
