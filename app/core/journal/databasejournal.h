#pragma once

#include "journal/journalrecord.h"
#include "journal/localjournal.h"
#include "result.h"

#include <QSqlDatabase>

namespace retort {

// The journal a team shares, in the database it describes: the table
// retort.journal, created on first use (schema `retort`, outside alembic's
// version table and revisions). One row per run; `record` holds the same
// JSON as the local journal, the other columns the parts people query:
//
//   id uuid PRIMARY KEY, started_at timestamptz, duration_ms bigint,
//   operation text, targets text, outcome text, os_user text, db_user text,
//   client_host text, heads_before text, heads_after text, sql_sha256 text,
//   error text, record jsonb
namespace databasejournal {

QString tableName();  // "retort.journal"

// Creates the schema and table when missing, then inserts the record, in
// whatever transaction `db` is in. An error names the table and the server's
// reason.
Error write(const QSqlDatabase &db, const JournalRecord &record);

// Which database `db` is: the server's system identifier and the database's
// OID ("7301234567890123456/16384"). Another database later reached by the
// same host, port and name (dropped and created again, a new cluster on that
// port) has another.
Result<QString> identity(const QSqlDatabase &db);

// Whether the table exists (false, no error, when it does not).
Result<bool> exists(const QSqlDatabase &db);

// Every row, newest first; rows whose record cannot be read are reported
// by their id. Empty when the table does not exist.
Result<JournalContents> read(const QSqlDatabase &db);

} // namespace databasejournal
} // namespace retort
