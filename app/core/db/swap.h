#pragma once

#include "db/connectionsettings.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

namespace retort {

class Connection;

// A database is replaced (recreateDatabase) by filling a copy under a
// temporary name "<name>_retort_<8 hex>", then DROP and RENAME: two
// statements PostgreSQL cannot make atomic. What keeps that safe lives here:
// the lock a run holds for the name meanwhile, the marker telling a finished
// copy from a partial one, and finishing a swap a dead run left half done.

// "<name>_retort_<8 hex>", the name cut to fit PostgreSQL's 63 bytes.
QString swapCopyName(const QString &database);

// Held by a run, on its maintenance connection ("postgres", else
// "template1"), from before it looks at the database until its swap is
// done: the session-level advisory lock of "retort swap <name>".
// Without waiting; an error naming the run that holds it (pid, application,
// user, since when).
Error takeSwapLock(const QSqlDatabase &maintenance, const QString &database);
// Lets it go before the connection closes: a closed session's backend may
// still hold it for a moment, and the run's own upgrade must not see it.
void releaseSwapLock(const QSqlDatabase &maintenance, const QString &database);
// From any connection of the cluster: an error naming the run replacing
// `database` now; Error() when none does.
Error refuseWhileReplaced(const QSqlDatabase &db, const QString &database);

// What a copy is, recorded in its COMMENT ON DATABASE: partial from its
// CREATE until its fill is done, complete only then. Only a copy carrying
// it is ever dropped or renamed: a database named like a copy without it is
// the user's. A run killed between CREATE and the first marker leaves an
// unmarked copy, reported like a user's database and never dropped.
Error markSwapCopy(const QSqlDatabase &maintenance, const QString &copy, const QString &database, bool complete,
                  const QString &what);

// A copy of `database` left by an earlier run.
struct SwapCopy {
    QString name;
    QString of;              // the database it is named for
    bool marked = false;     // carries Retort's marker: ours
    bool complete = false;
    QString what;            // "restored from FILE", "empty, for reset-local --recreate"
    QStringList sessions;    // DatabaseSession::describe() of each session on it
    // "x_retort_1a2b3c4d, a complete copy of "x" (restored from /tmp/d.dump) waiting to be renamed"
    QString describe() const;
};
Result<QVector<SwapCopy>> swapCopies(const QSqlDatabase &maintenance, const QString &database);

// With the swap lock held and `database` present: drops marked copies no
// session uses (a run died before its swap), logging each; copies in use
// and unmarked ones are logged and left. With `database` missing and a complete copy: an error naming it
// and the command that finishes the swap.
Error clearSwapCopies(const QSqlDatabase &maintenance, const QString &database, bool databaseExists,
                      const std::function<void(const QString &)> &log);

// The command that finishes a swap.
QString finishSwapCommand();

// For a connection refused because its database does not exist (SQLSTATE
// 3D000): the copies of it the server holds, as a sentence, else "".
QString missingDatabaseHint(const ConnectionSettings &settings);

// Renames the one complete copy of a database that a dead run dropped into
// its place, under the swap lock. `check` (the local-only guard) sees the
// maintenance connection first.
struct FinishSwapRequest {
    ConnectionSettings connection;  // names the missing database
    std::function<Error(const QSqlDatabase &maintenance, const QString &database)> check;
    std::function<void(const QString &line)> log;
};
Error finishSwap(const FinishSwapRequest &request);

// The maintenance connection of a cluster: "postgres", else "template1".
Result<std::unique_ptr<Connection>> openMaintenance(const ConnectionSettings &target);

// Before the DROP of the database a filled copy replaces: no new session
// may connect to the copy, and those on it (none of ours: intruders) are
// ended, else RENAME would fail after the DROP. An error when one stays;
// nothing was dropped then.
Error closeSwapCopy(const QSqlDatabase &maintenance, const QString &copy);
// ALLOW_CONNECTIONS true again, once the copy bears the database's name.
Error reopenSwappedDatabase(const QSqlDatabase &maintenance, const QString &database);

// DROP DATABASE of a copy of ours, ending sessions still on it (a killed
// pg_restore's backend goes on with its statement).
Error dropSwapCopy(const QSqlDatabase &maintenance, const QString &copy);

} // namespace retort
