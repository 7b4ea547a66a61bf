// A local database reset the way support staff would: `reset-local
// --recreate [--to REV]` drops the database, creates it again and upgrades
// it; `restore --from FILE` puts back the dump the confirmation's backup
// took. Against the private cluster, with alembic itself as the oracle of
// the schema an upgrade to REV leaves, pg_dump (schema and data) as the
// judge of "equal", and the journal as written.
#include "db/backup.h"
#include "exec/restorerun.h"
#include "foreignserver.h"
#include "journal/localjournal.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <csignal>

#include <sys/stat.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

const QString kMiddle = QStringLiteral("e07f5b3d2a19");  // core: Add audit_logs, below the merge

QString analyticsIni()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");
}

QString projectDir()
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
QString holdSession(TestCluster &cluster, const QString &db, int *pid)
{
    QSqlDatabase c = cluster.open(db);
    QSqlQuery q(c);
    q.exec(QStringLiteral("SET application_name = 'support_console'"));
    q.exec(QStringLiteral("SELECT pg_backend_pid()"));
    *pid = q.next() ? q.value(0).toInt() : -1;
    return c.connectionName();
}

void release(const QString &connection)
{
    QSqlDatabase::database(connection, false).close();
    QSqlDatabase::removeDatabase(connection);
}

// Polls `done` until it holds; false after a minute (a bound against a hang,
// not a timing assertion).
template <typename Fn>
bool waitUntil(Fn done)
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
bool addGate(TestCluster &cluster, const QString &db, const QString &gate)
{
    return cluster.exec(db, QStringLiteral("CREATE FUNCTION wait_for_gate() RETURNS int LANGUAGE plpgsql AS $$ BEGIN "
                                           "WHILE current_database() LIKE '%\\_retort\\_%' AND NOT EXISTS (SELECT 1 "
                                           "FROM pg_roles WHERE rolname = '%1') LOOP PERFORM pg_sleep(0.05); END LOOP; "
                                           "RETURN 1; END $$; "
                                           "CREATE MATERIALIZED VIEW gate AS SELECT wait_for_gate() AS open")
                                .arg(gate));
}

// The copies of `db` on the server (any marker), by name.
QStringList copiesOf(TestCluster &cluster, const QString &db)
{
    return queryRows(cluster, QStringLiteral("postgres"),
                     QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE '%1\\_retort\\_%' ORDER BY 1")
                         .arg(db));
}

// A backend of a gated pg_restore, waiting in the REFRESH of a copy of `db`.
bool restoreIsMidway(TestCluster &cluster, const QString &db)
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

} // namespace

class TestResetRestore : public QObject {
    Q_OBJECT

private:
    TestCluster m_cluster;

private slots:
    void initTestCase()
    {
        RETORT_REQUIRE_CLUSTER(m_cluster);
        QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic");
    }

    // After recreate-to-REV the schema is what alembic's own upgrade to REV
    // leaves in a fresh database; whatever else was there is gone; the
    // version rows say REV; the journal has a reset-local run that
    // succeeded, with its duration.
    void recreateEqualsAFreshUpgrade()
    {
        Target t(m_cluster, QStringLiteral("recreate"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        ProcessResult r = t.retort({QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE scratch_notes (id int); INSERT INTO scratch_notes VALUES (1)")));

        r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--recreate"), QStringLiteral("--to"), kMiddle});
        QVERIFY2(r.ok(), qPrintable(r.describe()));

        const QString oracle = m_cluster.createDatabase(QStringLiteral("recreate_oracle"));
        QVERIFY2(!oracle.isEmpty(), qPrintable(m_cluster.lastError()));
        const ProcessResult a = runAlembic(analyticsIni(), {QStringLiteral("upgrade"), kMiddle}, projectDir(),
                                           alembicEnv(m_cluster.url(oracle)));
        const QString expected = m_cluster.schemaDump(oracle);
        m_cluster.dropDatabase(oracle);
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(m_cluster.schemaDump(t.db), expected);
        QCOMPARE(m_cluster.versionRows(t.db), QStringList{kMiddle});

        const QVector<JournalRecord> records = t.journal();
        QCOMPARE(records.size(), 2);
        const JournalRecord &reset = records.back();
        QCOMPARE(reset.operation, QStringLiteral("reset-local"));
        QCOMPARE(reset.targets, QStringList{kMiddle});
        QCOMPARE(reset.outcome, QStringLiteral("succeeded"));
        QCOMPARE(reset.headsAfter, QStringList{kMiddle});
        QVERIFY(reset.durationMs > 0);

        // default: heads
        r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--recreate")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(m_cluster.versionRows(t.db), QStringList{QStringLiteral("9b52e1c8f3a6")});
    }

    // Another session on the database: refused, naming it, the database
    // untouched; insisting disconnects it.
    void recreateRefusedWithOtherSessions()
    {
        Target t(m_cluster, QStringLiteral("recreate_busy"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int)")));
        int pid = -1;
        const QString session = holdSession(m_cluster, t.db, &pid);
        QVERIFY(pid > 0);

        ProcessResult r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--recreate")});
        QCOMPARE(r.exitCode, 255);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("pid %1 (support_console, user %2, connected since ").arg(pid).arg(m_cluster.user())),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("Nothing was changed")), qPrintable(out));
        QCOMPARE(queryRows(m_cluster, t.db, QStringLiteral("SELECT count(*) FROM kept")), QStringList{QStringLiteral("0")});
        QCOMPARE(t.journal().size(), 1);
        QCOMPARE(t.journal().front().outcome, QStringLiteral("failed"));

        r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--recreate"), QStringLiteral("--disconnect-others")});
        release(session);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(queryRows(m_cluster, t.db, QStringLiteral("SELECT count(*) FROM kept")).front().startsWith(QLatin1String("error")));
        QCOMPARE(m_cluster.versionRows(t.db), QStringList{QStringLiteral("9b52e1c8f3a6")});
    }

    // An autovacuum worker on the database (no user; a hostile try: it was
    // named as another session and blocked the run) is no reason to refuse:
    // DROP DATABASE stops it. One is made to stay by a throttled vacuum of
    // a table full of dead rows, with the launcher waking every second.
    void autovacuumIsNotAnotherSession()
    {
        Target t(m_cluster, QStringLiteral("recreate_autovac"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral(
                                         "CREATE TABLE churn (id int, pad text) WITH (autovacuum_vacuum_threshold = 0, "
                                         "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_cost_delay = 100, "
                                         "autovacuum_vacuum_cost_limit = 1); "
                                         "INSERT INTO churn SELECT g, repeat('x', 200) FROM generate_series(1, 50000) g; "
                                         "DELETE FROM churn")));
        const QString postgres = QStringLiteral("postgres");
        QVERIFY(m_cluster.exec(postgres, QStringLiteral("ALTER SYSTEM SET autovacuum_naptime = 1")));
        QVERIFY(m_cluster.exec(postgres, QStringLiteral("SELECT pg_reload_conf()")));
        const QString workers = QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = '%1' "
                                               "AND backend_type = 'autovacuum worker'").arg(t.db);
        const bool seen = waitUntil([&] { return !queryRows(m_cluster, postgres, workers).isEmpty(); });
        m_cluster.exec(postgres, QStringLiteral("ALTER SYSTEM RESET autovacuum_naptime"));
        m_cluster.exec(postgres, QStringLiteral("SELECT pg_reload_conf()"));
        QVERIFY2(seen, "no autovacuum worker came to the database");

        const ProcessResult r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--recreate")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(m_cluster.versionRows(t.db), QStringList{QStringLiteral("9b52e1c8f3a6")});
    }

    // A --to that names no revision is known before anything is dropped (a
    // hostile try: the database was dropped, then the revision looked up).
    void recreateToAnUnknownRevisionChangesNothing()
    {
        Target t(m_cluster, QStringLiteral("recreate_badrev"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)")));
        for (const QString &to : {QStringLiteral("nosuchrev"), QStringLiteral("heads:base")}) {
            const ProcessResult r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--recreate"),
                                              QStringLiteral("--to"), to});
            QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
            QVERIFY2(!QString::fromUtf8(r.out + r.err).contains(QLatin1String("DROP DATABASE")), qPrintable(r.describe()));
            QCOMPARE(queryRows(m_cluster, t.db, QStringLiteral("SELECT id FROM kept")), QStringList{QStringLiteral("42")});
        }
    }

    // Through a forwarder on 127.0.0.1 (a tunnel's shape) nothing is dropped.
    void recreateAndRestoreRefusedWhenNotLocal()
    {
        Target t(m_cluster, QStringLiteral("recreate_remote"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int)")));
        TcpForwarder forwarder(m_cluster.port());
        QVERIFY2(forwarder.start(), qPrintable(forwarder.error()));
        const QString tunnel =
            QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(m_cluster.user()).arg(forwarder.port()).arg(t.db);
        const QString dump = t.tmp.filePath(QStringLiteral("any.dump"));
        QVERIFY2(t.backUp(dump), "the backup failed");

        for (const QStringList &args : {QStringList{QStringLiteral("reset-local"), QStringLiteral("--recreate")},
                                        QStringList{QStringLiteral("restore"), QStringLiteral("--from"), dump}}) {
            const ProcessResult r = t.retort(args, tunnel);
            QCOMPARE(r.exitCode, 255);
            QVERIFY2(r.out.contains("is not proven local") && r.out.contains(("--force=" + t.db).toUtf8()),
                     r.out.constData());
            const QByteArray verb = args.front() == QLatin1String("restore") ? "To restore database" : "To reset database";
            QVERIFY2(r.out.contains(verb), r.out.constData());
            QCOMPARE(queryRows(m_cluster, t.db, QStringLiteral("SELECT count(*) FROM kept")),
                     QStringList{QStringLiteral("0")});
        }
    }

    // The dump the checklist's backup took, restored: the database is again
    // what it was then, schema and data; the journal has a restore run.
    void restorePutsBackTheBackup()
    {
        Target t(m_cluster, QStringLiteral("restore"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        ProcessResult r = t.retort({QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO organizations (org_id, name) VALUES ('o1', 'acme'), ('o2', 'globex')")));
        const QString before = m_cluster.fullDump(t.db);
        QVERIFY2(before.contains(QLatin1String("acme")), qPrintable(before.left(500)));

        const QString dump = t.tmp.filePath(QStringLiteral("before.dump"));
        QVERIFY2(t.backUp(dump), "the backup failed");

        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO organizations (org_id, name) VALUES ('o3', 'initech')")));
        r = t.retort({QStringLiteral("downgrade"), kMiddle});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(m_cluster.fullDump(t.db) != before);
        const QStringList rowsBefore = m_cluster.versionRows(t.db);

        r = t.retort({QStringLiteral("restore"), QStringLiteral("--from"), dump});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(m_cluster.fullDump(t.db), before);

        const JournalRecord restore = t.journal().back();
        QCOMPARE(restore.operation, QStringLiteral("restore"));
        QCOMPARE(restore.targets, QStringList{dump});
        QCOMPARE(restore.outcome, QStringLiteral("succeeded"));
        QStringList headsBefore = restore.headsBefore;
        headsBefore.sort();
        QCOMPARE(headsBefore, rowsBefore);
        QCOMPARE(restore.headsAfter, QStringList{QStringLiteral("9b52e1c8f3a6")});
        QVERIFY(restore.durationMs > 0);
    }

    // What cannot be restored leaves the database as it was: a file that is
    // not a custom-format dump (refused, named), a damaged dump (pg_restore
    // fails in the new database, which is dropped), another session.
    // A FIFO is refused at once (a hostile try: restore waited for a writer forever).
    void restoreRefusesAFifo()
    {
        Target t(m_cluster, QStringLiteral("restore_fifo"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        const QString fifo = t.tmp.filePath(QStringLiteral("dump.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const ProcessResult r = t.retort({QStringLiteral("restore"), QStringLiteral("--from"), fifo});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains("Not a regular file"), r.out.constData());
    }

    void restoreFailuresLeaveTheDatabase()
    {
        Target t(m_cluster, QStringLiteral("restore_bad"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)")));
        const QString before = m_cluster.fullDump(t.db);
        const auto databases = [this] {
            return queryRows(m_cluster, QStringLiteral("postgres"),
                             QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE '%_retort_%'"));
        };

        const QString plain = t.tmp.filePath(QStringLiteral("plain.sql"));
        QFile f(plain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CREATE TABLE x (id int);\n");
        f.close();
        ProcessResult r = t.retort({QStringLiteral("restore"), QStringLiteral("--from"), plain});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains("Not a dump in pg_dump's custom format"), r.out.constData());
        QVERIFY2(r.err.contains(plain.toUtf8()), r.err.constData());


        const QString good = t.tmp.filePath(QStringLiteral("good.dump"));
        QVERIFY2(t.backUp(good), "the backup failed");
        QFile in(good);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        const QString damaged = t.tmp.filePath(QStringLiteral("damaged.dump"));
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() * 2 / 3));
        out.close();
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO kept VALUES (8)")));
        const QString changed = m_cluster.fullDump(t.db);
        r = t.retort({QStringLiteral("restore"), QStringLiteral("--from"), damaged});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith("FAILED: Restoring "), r.out.constData());
        QCOMPARE(m_cluster.fullDump(t.db), changed);
        QCOMPARE(databases(), QStringList{QStringLiteral("0")});

        int pid = -1;
        const QString session = holdSession(m_cluster, t.db, &pid);
        r = t.retort({QStringLiteral("restore"), QStringLiteral("--from"), good});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains(QStringLiteral("pid %1 (support_console").arg(pid).toUtf8()), r.out.constData());
        QCOMPARE(m_cluster.fullDump(t.db), changed);
        QCOMPARE(databases(), QStringList{QStringLiteral("0")});
        r = t.retort({QStringLiteral("restore"), QStringLiteral("--from"), good, QStringLiteral("--disconnect-others")});
        release(session);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(m_cluster.fullDump(t.db), before);

        const QVector<JournalRecord> records = t.journal();
        QStringList outcomes;
        for (const JournalRecord &rec : records)
            outcomes << rec.operation + QLatin1Char(' ') + rec.outcome;
        QCOMPARE(outcomes, (QStringList{QStringLiteral("restore failed"), QStringLiteral("restore failed"),
                                        QStringLiteral("restore failed"), QStringLiteral("restore succeeded")}));
    }

    // Cancelled while pg_restore runs (the second time it is asked: the
    // first is before the new database is created): pg_restore is stopped,
    // the new database dropped, the old one as it was.
    void restoreCancelledLeavesTheDatabase()
    {
        Target t(m_cluster, QStringLiteral("restore_cancel"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)")));
        const QString dump = t.tmp.filePath(QStringLiteral("cancel.dump"));
        QVERIFY2(t.backUp(dump), "the backup failed");
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO kept VALUES (2)")));
        const QString before = m_cluster.fullDump(t.db);

        RestoreRun run;
        run.connection = clusterSettings(m_cluster.url(t.db));
        run.operation.kind = Operation::Kind::Restore;
        run.operation.targets = {dump};
        int asked = 0;
        QStringList log;
        const RunReport report = restoreDatabase(
            run, nullptr, [&asked] { return ++asked >= 2; }, [&log](const QString &line) { log << line; });
        QVERIFY(report.cancelled);
        QCOMPARE(report.error.kind(), Error::Kind::Cancelled);
        QVERIFY2(log.join(QLatin1Char('\n')).contains(QLatin1String("Restoring ")), qPrintable(log.join(QLatin1Char('\n'))));
        QCOMPARE(m_cluster.fullDump(t.db), before);
        QCOMPARE(queryRows(m_cluster, QStringLiteral("postgres"),
                           QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE '%_retort_%'")),
                 QStringList{QStringLiteral("0")});
    }

    // Two restores of one database started at once (a hostile try: all
    // exited 0, the last swap won): exactly one runs, the other is refused at
    // once naming it, as are a recreate and an upgrade of the database while
    // it runs; the database ends as the winner's dump.
    void concurrentRunsAreRefused()
    {
        Target t(m_cluster, QStringLiteral("swap_race"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        const QString gate = t.db + QStringLiteral("_gate");
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)")));
        QVERIFY(addGate(m_cluster, t.db, gate));
        const QString first = t.tmp.filePath(QStringLiteral("first.dump"));
        QVERIFY2(t.backUp(first), "the backup failed");
        const QString firstState = m_cluster.fullDump(t.db);
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO kept VALUES (2)")));
        const QString second = t.tmp.filePath(QStringLiteral("second.dump"));
        QVERIFY2(t.backUp(second), "the backup failed");
        const QString secondState = m_cluster.fullDump(t.db);
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO kept VALUES (3)")));

        const QProcessEnvironment env = t.env(t.socketUrl());
        Background a(env, {QStringLiteral("restore"), QStringLiteral("--from"), first});
        Background b(env, {QStringLiteral("restore"), QStringLiteral("--from"), second});
        QVERIFY(waitUntil([&] { return !a.running() || !b.running(); }));
        Background &loser = a.running() ? b : a;
        Background &winner = a.running() ? a : b;
        QCOMPARE(loser.finish(), 255);
        const QString expected = QStringLiteral("Another run is replacing database \"%1\" (pid ").arg(t.db);
        QVERIFY2(loser.out.contains(expected.toUtf8()), loser.out.constData());
        QVERIFY2(loser.out.contains(("application \"retort replacing " + t.db).toUtf8()), loser.out.constData());
        QVERIFY(winner.running());
        QVERIFY(waitUntil([&] { return restoreIsMidway(m_cluster, t.db); }));

        ProcessResult r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--recreate")});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains(expected.toUtf8()), qPrintable(r.describe()));
        r = t.retort({QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
        QVERIFY2(QString::fromUtf8(r.out + r.err).contains(QStringLiteral("Database \"%1\" is being replaced").arg(t.db)),
                 qPrintable(r.describe()));

        QVERIFY(m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE %1").arg(gate)));
        const int won = winner.finish();
        m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("DROP ROLE %1").arg(gate));
        QVERIFY2(won == 0, winner.out.constData());
        QCOMPARE(m_cluster.fullDump(t.db), &winner == &a ? firstState : secondState);
        QCOMPARE(copiesOf(m_cluster, t.db), QStringList());
    }

    // kill -9 between DROP DATABASE and the RENAME (held there by a row lock
    // on the copy's pg_database row, the killed client's backend ended as
    // the server would): the database is missing and its data in the copy.
    // Every run then names the copy and the command; that command puts the
    // restored database in place.
    void killBetweenDropAndRenameIsRecoverable()
    {
        Target t(m_cluster, QStringLiteral("swap_kill"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        const QString gate = t.db + QStringLiteral("_gate");
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)")));
        QVERIFY(addGate(m_cluster, t.db, gate));
        const QString dump = t.tmp.filePath(QStringLiteral("kill.dump"));
        QVERIFY2(t.backUp(dump), "the backup failed");
        const QString restored = m_cluster.fullDump(t.db);
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO kept VALUES (2)")));

        Background run(t.env(t.socketUrl()), {QStringLiteral("restore"), QStringLiteral("--from"), dump});
        QVERIFY(waitUntil([&] { return restoreIsMidway(m_cluster, t.db); }));
        const QStringList copies = copiesOf(m_cluster, t.db);
        QCOMPARE(copies.size(), 1);
        const QString copy = copies.front();
        QSqlDatabase holder = m_cluster.open(QStringLiteral("postgres"));
        QSqlQuery hold(holder);
        QVERIFY(hold.exec(QStringLiteral("BEGIN")));
        QVERIFY(hold.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1' FOR UPDATE").arg(copy)));
        QVERIFY(m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE %1").arg(gate)));
        QStringList renaming;
        QVERIFY(waitUntil([&] {
            renaming = queryRows(m_cluster, QStringLiteral("postgres"),
                                 QStringLiteral("SELECT pid FROM pg_stat_activity WHERE query LIKE 'ALTER DATABASE%RENAME%' "
                                                "AND wait_event_type = 'Lock'"));
            return renaming.size() == 1;
        }));
        QCOMPARE(::kill(pid_t(run.process.processId()), SIGKILL), 0);
        run.finish();
        QCOMPARE(queryRows(m_cluster, QStringLiteral("postgres"),
                           QStringLiteral("SELECT pg_terminate_backend(%1)").arg(renaming.front())),
                 QStringList{QStringLiteral("true")});
        QVERIFY(waitUntil([&] {
            return queryRows(m_cluster, QStringLiteral("postgres"),
                             QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = %1").arg(renaming.front()))
                .isEmpty();
        }));
        QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
        hold.finish();
        const QString holderName = holder.connectionName();
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(holderName);
        m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("DROP ROLE %1").arg(gate));
        QCOMPARE(queryRows(m_cluster, QStringLiteral("postgres"),
                           QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(t.db)),
                 QStringList{QStringLiteral("0")});

        for (const QStringList &args : {QStringList{QStringLiteral("current")},
                                        QStringList{QStringLiteral("restore"), QStringLiteral("--from"), dump}}) {
            const ProcessResult r = t.retort(args);
            QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
            const QString said = QString::fromUtf8(r.out + r.err);
            QVERIFY2(said.contains(QStringLiteral("\"%1\", a complete copy (restored from %2) waiting to be renamed")
                                       .arg(copy, dump)),
                     qPrintable(said));
            QVERIFY2(said.contains(QLatin1String("retort reset-local --finish-swap")), qPrintable(said));
        }
        const ProcessResult r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--finish-swap")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(m_cluster.fullDump(t.db), restored);
        QCOMPARE(copiesOf(m_cluster, t.db), QStringList());
        QCOMPARE(queryRows(m_cluster, QStringLiteral("postgres"),
                           QStringLiteral("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                                          "WHERE datname = '%1'").arg(t.db)),
                 QStringList{QStringLiteral("NULL")});
    }

    // SIGTERM while pg_restore runs: pg_restore stopped, the copy dropped
    // (its backend ended with it), the database as it was, exit 1 saying so.
    void sigtermMidRestoreCleansUp()
    {
        Target t(m_cluster, QStringLiteral("swap_term"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)")));
        QVERIFY(addGate(m_cluster, t.db, t.db + QStringLiteral("_gate")));
        const QString dump = t.tmp.filePath(QStringLiteral("term.dump"));
        QVERIFY2(t.backUp(dump), "the backup failed");
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO kept VALUES (2)")));
        const QString before = m_cluster.fullDump(t.db);

        Background run(t.env(t.socketUrl()), {QStringLiteral("restore"), QStringLiteral("--from"), dump});
        QVERIFY(waitUntil([&] { return restoreIsMidway(m_cluster, t.db); }));
        const qint64 retortPid = run.process.processId();
        QList<qint64> restores = liveProcesses(dump);
        restores.removeAll(retortPid);
        QCOMPARE(restores.size(), 1);
        QCOMPARE(::kill(pid_t(retortPid), SIGTERM), 0);
        QCOMPARE(run.finish(), 1);
        QVERIFY2(run.out.contains("FAILED: Interrupted by SIGTERM: pg_restore was stopped and the new database dropped"),
                 run.out.constData());
        QVERIFY(!processRunning(restores.front()));
        QCOMPARE(copiesOf(m_cluster, t.db), QStringList());
        QCOMPARE(m_cluster.fullDump(t.db), before);
    }

    // kill -9 while pg_restore runs: pg_restore dies with Retort; the next
    // run drops the partial copy the dead one left, naming it.
    void sigkillMidRestoreLeavesNothingRunning()
    {
        Target t(m_cluster, QStringLiteral("swap_kill9"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        const QString gate = t.db + QStringLiteral("_gate");
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)")));
        QVERIFY(addGate(m_cluster, t.db, gate));
        const QString dump = t.tmp.filePath(QStringLiteral("kill9.dump"));
        QVERIFY2(t.backUp(dump), "the backup failed");
        const QString restored = m_cluster.fullDump(t.db);
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("INSERT INTO kept VALUES (2)")));

        Background run(t.env(t.socketUrl()), {QStringLiteral("restore"), QStringLiteral("--from"), dump});
        QVERIFY(waitUntil([&] { return restoreIsMidway(m_cluster, t.db); }));
        const qint64 retortPid = run.process.processId();
        QList<qint64> restores = liveProcesses(dump);
        restores.removeAll(retortPid);
        QCOMPARE(restores.size(), 1);
        const QStringList copies = copiesOf(m_cluster, t.db);
        QCOMPARE(copies.size(), 1);
        QCOMPARE(::kill(pid_t(retortPid), SIGKILL), 0);
        run.finish();
        QVERIFY2(waitUntil([&] { return !processRunning(restores.front()); }), "pg_restore outlived retort");

        // the dead pg_restore's backend ends once its statement does
        QVERIFY(m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE %1").arg(gate)));
        QVERIFY(waitUntil([&] {
            return queryRows(m_cluster, QStringLiteral("postgres"),
                             QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE datname = '%1'").arg(copies.front()))
                .isEmpty();
        }));
        const ProcessResult r = t.retort({QStringLiteral("restore"), QStringLiteral("--from"), dump});
        m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("DROP ROLE %1").arg(gate));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("Dropped \"%1\", a partial copy (restored from %2) of a run that did "
                                               "not finish").arg(copies.front(), dump).toUtf8()),
                 qPrintable(r.describe()));
        QCOMPARE(copiesOf(m_cluster, t.db), QStringList());
        QCOMPARE(m_cluster.fullDump(t.db), restored);
    }
};

QTEST_GUILESS_MAIN(TestResetRestore)
#include "tst_resetrestore.moc"
