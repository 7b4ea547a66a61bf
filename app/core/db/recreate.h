#pragma once

#include "db/connectionsettings.h"
#include "result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <functional>

namespace retort {

// Another backend connected to a database, as pg_stat_activity shows it.
struct DatabaseSession {
    int pid = 0;
    QString application;
    QString user;
    QDateTime since;  // backend_start

    // "pid 4242 (psql, user alice, connected since 2026-12-07T06:40:00Z)"
    QString describe() const;
};

// Every backend connected to `database` but the one `db` is and autovacuum
// workers (DROP DATABASE stops those itself; a walsender it does not).
Result<QVector<DatabaseSession>> otherSessions(const QSqlDatabase &db, const QString &database);
// otherSessions() once the backends about to end have ended: those of
// connections just closed, or just terminated (waits two seconds at most).
Result<QVector<DatabaseSession>> settledSessions(const QSqlDatabase &db, const QString &database);

// Recreates the database a connection reaches: empty, with the same owner,
// encoding, collation and character classification (from template0), and
// optionally filled before it takes the old one's place.
//
// The new database is created under a temporary name first, so a CREATE
// that fails (no CREATEDB, an owner the user may not create for) or a fill
// that fails or is cancelled leaves the old one untouched; only then is the
// old one dropped and the new one renamed to its name. Other sessions on
// the old database make it refuse, naming each, unless disconnectOthers
// (DROP DATABASE ... WITH (FORCE), PostgreSQL 13 and later). Runs through a
// maintenance connection to "postgres" (else "template1") holding the swap
// lock of the name throughout (a rival run is refused, naming it), and drops
// the copies of dead runs first (clearSwapCopies); blocks.
struct RecreateRequest {
    ConnectionSettings connection;
    bool disconnectOthers = false;
    // On a connection to the database before anything changes: an error
    // refuses (the local-only guard).
    std::function<Error(const QSqlDatabase &db, const QString &database)> check;
    // Fills the new database, reached by `fresh` (its temporary name).
    std::function<Error(const ConnectionSettings &fresh)> fill;
    // What the new database holds, in its marker (markSwapCopy) until its
    // rename: "restored from FILE".
    QString what;
    std::function<bool()> cancelled;
    std::function<void(const QString &line)> log;
    // Told once the old database is dropped: from then on a failure has
    // changed it.
    std::function<void()> dropped;
};

Error recreateDatabase(const RecreateRequest &request);

} // namespace retort
