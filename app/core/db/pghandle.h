#pragma once

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace retort::pghandle {

// What QtSql does not expose of a QPSQL connection, read from libpq through
// QSqlDriver::handle() and QSqlResult::handle(). Everything here tolerates a
// driver that is not QPSQL (it then answers "unknown").

// A PGcancel* for the connection (free it with freeCancel), or nullptr.
void *newCancel(const QSqlDatabase &db);
void freeCancel(void *cancel);
// Sends PostgreSQL's cancel request; safe from any thread while the PGcancel lives.
bool sendCancel(void *cancel, QString *error = nullptr);

// False when libpq says the connection is gone (terminated, server closed it).
bool connectionAlive(const QSqlDatabase &db);

// The server's error position for the query's last failed statement
// (PG_DIAG_STATEMENT_POSITION, 1-based characters), 0 when not given.
int errorPosition(const QSqlQuery &query);
// The server's primary message (without libpq's "ERROR:  " prefix), empty when unknown.
QString errorPrimary(const QSqlQuery &query);
// The server's DETAIL / HINT fields, empty when not given.
QString errorDetail(const QSqlQuery &query);
QString errorHint(const QSqlQuery &query);

// The backend pid of the connection (libpq's PQbackendPID), 0 when unknown.
int backendPid(const QSqlDatabase &db);

} // namespace retort::pghandle
