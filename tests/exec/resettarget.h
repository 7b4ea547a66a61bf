#pragma once

// What the reset and restore suites share: a database of the private
// cluster reached through its socket (proven local), with a journal folder
// of its own; a restore held mid-way for as long as a test wants; a retort
// run in the background. Compiled into each suite (RETORT_BINARY).
#include "db/backup.h"
#include "journal/localjournal.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

namespace retort::testsupport {

inline QString analyticsIni()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");
}

inline QString projectDir()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics");
}

// One database of the cluster reached through its Unix socket (proven
// local), and a journal folder of the test's own.
struct Target {
    TestCluster &cluster;
    QTemporaryDir tmp;
    QString db;

    Target(TestCluster &c, const QString &prefix) : cluster(c), db(c.createDatabase(prefix)) {}
    ~Target()
    {
        if (!db.isEmpty())
            cluster.dropDatabase(db);
    }
    QString socketUrl() const
    {
        return QStringLiteral("postgresql://%1@/%2?host=%3&port=%4")
            .arg(cluster.user(), db, cluster.socketDir())
            .arg(cluster.port());
    }
    QProcessEnvironment env(const QString &url) const
    {
        QProcessEnvironment e = alembicEnv(url);
        e.insert(QStringLiteral("RETORT_JOURNAL_DIR"), tmp.filePath(QStringLiteral("journal")));
        return e;
    }
    ProcessResult retort(const QStringList &args, const QString &url = QString()) const
    {
        return runRetort(QStringList{QStringLiteral("-c"), analyticsIni()} + args, projectDir(),
                         env(url.isEmpty() ? socketUrl() : url));
    }
    // What the confirmation's "Back up now" runs: pg_dump -Fc into `file`.
    bool backUp(const QString &file) const
    {
        Backup backup;
        BackupRequest request;
        request.connection = clusterSettings(cluster.url(db));
        request.outputFile = file;
        return backup.run(request).ok();
    }
    QVector<JournalRecord> journal() const
    {
        Result<JournalContents> c = LocalJournal(tmp.filePath(QStringLiteral("journal"))).read();
        return c ? c->records : QVector<JournalRecord>();
    }
};

// A session of "support_console" on db, open until the returned name is removed.
inline QString holdSession(TestCluster &cluster, const QString &db, int *pid)
{
    QSqlDatabase c = cluster.open(db);
    QSqlQuery q(c);
    q.exec(QStringLiteral("SET application_name = 'support_console'"));
    q.exec(QStringLiteral("SELECT pg_backend_pid()"));
    *pid = q.next() ? q.value(0).toInt() : -1;
    return c.connectionName();
}

inline void release(const QString &connection)
{
    QSqlDatabase::database(connection, false).close();
    QSqlDatabase::removeDatabase(connection);
}

// Polls `done` until it holds; false after a minute (a bound against a hang,
// not a timing assertion).
template <typename Fn>
inline bool waitUntil(Fn done)
{
    QDeadlineTimer deadline(60000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(50);
    }
    return true;
}

// A materialized view whose REFRESH, in a database named like a Retort copy,
// waits until the role `gate` exists: a restore of a dump of `db` stops
// mid-way in pg_restore for as long as the test wants, with no timing.
inline bool addGate(TestCluster &cluster, const QString &db, const QString &gate)
{
    return cluster.exec(db, QStringLiteral("CREATE FUNCTION wait_for_gate() RETURNS int LANGUAGE plpgsql AS $$ BEGIN "
                                           "WHILE current_database() LIKE '%\\_retort\\_%' AND NOT EXISTS (SELECT 1 "
                                           "FROM pg_roles WHERE rolname = '%1') LOOP PERFORM pg_sleep(0.05); END LOOP; "
                                           "RETURN 1; END $$; "
                                           "CREATE MATERIALIZED VIEW gate AS SELECT wait_for_gate() AS open")
                                .arg(gate));
}

// A gated dump (addGate) of `t`'s database holding kept = {1} into `file`;
// `*state` is the database then, and kept gains a 2 after.
inline bool gatedBackup(TestCluster &cluster, const Target &t, const QString &gate, const QString &file,
                        QString *state)
{
    if (!cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)"))
        || !addGate(cluster, t.db, gate) || !t.backUp(file))
        return false;
    *state = cluster.fullDump(t.db);
    return cluster.exec(t.db, QStringLiteral("INSERT INTO kept VALUES (2)"));
}

// The copies of `db` on the server (any marker), by name.
inline QStringList copiesOf(TestCluster &cluster, const QString &db)
{
    return queryRows(cluster, QStringLiteral("postgres"),
                     QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE '%1\\_retort\\_%' ORDER BY 1")
                         .arg(db));
}

// A backend of a gated pg_restore, waiting in the REFRESH of a copy of `db`.
inline bool restoreIsMidway(TestCluster &cluster, const QString &db)
{
    return !queryRows(cluster, QStringLiteral("postgres"),
                      QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname LIKE '%1\\_retort\\_%' "
                                     "AND query LIKE 'REFRESH MATERIALIZED VIEW%'")
                          .arg(db))
                .isEmpty();
}

// A retort started in the background, as from a second terminal.
struct Background {
    QProcess process;
    QByteArray out;

    Background(const QProcessEnvironment &extra, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(projectDir());
        process.start(QStringLiteral(RETORT_BINARY), QStringList{QStringLiteral("-c"), analyticsIni()} + args);
        process.waitForStarted();
    }
    ~Background()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
    }
    bool running()
    {
        process.waitForFinished(1);  // QProcess learns of the end only here
        return process.state() != QProcess::NotRunning;
    }
    // exit code once it ended (a minute at most), -1 otherwise
    int finish()
    {
        if (process.state() != QProcess::NotRunning && !process.waitForFinished(60000))
            return -1;
        out = process.readAllStandardOutput() + process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
};

// A database with a gated dump of it (gatedBackup), and a restore of that
// dump in the background held mid-way in pg_restore once start() is true.
struct HeldRestore {
    Target t;
    QString gate;
    QString dump;
    QString restored;  // the database as the dump has it
    std::unique_ptr<Background> run;

    HeldRestore(TestCluster &cluster, const QString &prefix)
        : t(cluster, prefix), gate(t.db + QStringLiteral("_gate")), dump(t.tmp.filePath(QStringLiteral("held.dump")))
    {
    }
    bool start()
    {
        if (t.db.isEmpty() || !gatedBackup(t.cluster, t, gate, dump, &restored))
            return false;
        run = std::make_unique<Background>(t.env(t.socketUrl()),
                                           QStringList{QStringLiteral("restore"), QStringLiteral("--from"), dump});
        return waitUntil([this] { return restoreIsMidway(t.cluster, t.db); });
    }
};

} // namespace retort::testsupport
