#pragma once

#include "db/connectionsettings.h"
#include "result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace retort {

// A PostgreSQL version as server_version_num spells it: 150008 for 15.8,
// 90624 for 9.6.24. Majors are "15" from 10 on and "9.6" before.
struct PgVersion {
    int number = 0;

    bool isValid() const { return number > 0; }
    int majorNumber() const { return number >= 100000 ? number / 10000 * 10000 : number / 100 * 100; }
    QString majorString() const;
    // "15.8 (Debian ...)" or "9.6.24": the first version-looking word.
    static PgVersion parse(const QString &text);
};

// A PostgreSQL client tool (pg_dump, pg_restore) and the version it reports.
struct PgDumpTool {
    QString path;
    PgVersion version;
};

// Where Retort looks for pg_dump: RETORT_PG_BINDIR, every PATH entry, then
// /usr/lib/postgresql/*/bin (newest first).
QStringList defaultPgDumpSearchDirs();

// The newest pg_dump among `dirs` whose major version is at least the
// server's; an error naming both versions when the newest found is older,
// or the places looked when there is none.
Result<PgDumpTool> findPgDump(const PgVersion &server, const QStringList &dirs);
// The same for another client tool of the same installations ("pg_restore").
Result<PgDumpTool> findPgTool(const QString &name, const PgVersion &server, const QStringList &dirs);

// Every non-secret libpq keyword of the connection as one conninfo string
// for --dbname (pg_dump, pg_restore, psql).
QString conninfoFor(const ConnectionSettings &settings);
// The process environment for a libpq client tool: the password (and an
// SSL key's) only here, never in its arguments.
QProcessEnvironment credentialsEnvironment(const ConnectionSettings &settings);

// Runs a libpq client tool to its end: arguments as a list, no shell,
// stdin and stdout closed, the credentials only in its environment; in a
// process group of its own, killed if the calling thread dies (kill -9).
// `cancelled` is asked every 150 ms (then the group is stopped: a Cancelled
// error), `poll` called between. A failure names the tool, the server and
// the first lines of its stderr.
Error runClientTool(const QString &program, const QStringList &args, const ConnectionSettings &connection,
                    const std::function<bool()> &cancelled, const std::function<void()> &poll = {});

struct BackupRequest {
    ConnectionSettings connection;  // a password in it reaches the child only through PGPASSWORD
    QString outputFile;             // written in pg_dump's custom format (-Fc)
    QStringList searchDirs;         // empty: defaultPgDumpSearchDirs()
    bool schemaOnly = false;        // --schema-only (a rehearsal's copy)
};

struct BackupResult {
    QString file;        // absolute
    qint64 size = 0;     // bytes on disk when pg_dump finished
    QString database;
    QString pgDump;      // the binary used
    QString pgDumpVersion;
    QString serverVersion;
    qint64 elapsedMs = 0;
};

// Runs pg_dump -Fc for one database into a file: arguments as a list, no
// shell, credentials only in the child's environment (libpq reads PGPASSFILE
// / ~/.pgpass itself). run() blocks its thread; cancel() may be called from
// any thread and stops pg_dump, removing the partial file.
class Backup {
public:
    // Called from run()'s thread with the bytes written so far (polled).
    using ProgressFn = std::function<void(qint64 bytes)>;

    Result<BackupResult> run(const BackupRequest &request, const ProgressFn &progress = {});
    void cancel() { m_cancel.store(true); }
    bool isCancelled() const { return m_cancel.load(); }

private:
    std::atomic<bool> m_cancel{false};
};

} // namespace retort
