// A local database reset the way support staff would: `reset-local
// --recreate [--to REV]` drops the database, creates it again and upgrades
// it; `restore --from FILE` puts back the dump the confirmation's backup
// took. Against the private cluster, with alembic itself as the oracle of
// the schema an upgrade to REV leaves, pg_dump (schema and data) as the
// judge of "equal", and the journal as written.
#include "exec/restorerun.h"
#include "filetree.h"
#include "foreignserver.h"
#include "resettarget.h"

#include <sys/stat.h>

#include <QFile>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

const QString kMiddle = QStringLiteral("e07f5b3d2a19");  // core: Add audit_logs, below the merge

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

    // A recreate whose upgrade then fails (a hostile try: it said "nothing
    // was changed: the transaction was rolled back", in the terminal and in
    // the window, while the old database and its data were gone): the
    // failure says the database was dropped and made again.
    void aFailedUpgradeAfterARecreateSaysTheDatabaseWasReplaced()
    {
        Target t(m_cluster, QStringLiteral("recreate_fails"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(t.db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)")));
        QTemporaryDir project;
        QVERIFY(copyTree(projectDir(), project.path()));
        QFile failing(project.filePath(QStringLiteral("alembic/versions/core/ffff00000001_fails.py")));
        QVERIFY(failing.open(QIODevice::WriteOnly));
        failing.write("\"\"\"fails\n\nRevision ID: ffff00000001\nRevises: 9b52e1c8f3a6\n\"\"\"\n"
                      "from alembic import op\n\nrevision = 'ffff00000001'\ndown_revision = '9b52e1c8f3a6'\n"
                      "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    op.execute(\"SELECT 1/0\")\n\n\n"
                      "def downgrade():\n    pass\n");
        failing.close();

        const ProcessResult r = runRetort({QStringLiteral("-c"), project.filePath(QStringLiteral("alembic.ini")),
                                           QStringLiteral("reset-local"), QStringLiteral("--recreate")},
                                          project.path(), t.env(t.socketUrl()));
        QCOMPARE(r.exitCode, 1);
        const QString said = QString::fromUtf8(r.out + r.err);
        QVERIFY2(said.contains(QLatin1String("division by zero")), qPrintable(said));
        QVERIFY2(!said.contains(QLatin1String("nothing was changed")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("\"%1\" was dropped and created again before the failure: "
                                              "what it held is gone").arg(t.db)),
                 qPrintable(said));
        QVERIFY(queryRows(m_cluster, t.db, QStringLiteral("SELECT id FROM kept")).front().startsWith(QLatin1String("error")));
        QCOMPARE(m_cluster.versionRows(t.db), QStringList());
        QCOMPARE(t.journal().size(), 1);
        QCOMPARE(t.journal().front().outcome, QStringLiteral("failed"));
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
};

QTEST_GUILESS_MAIN(TestResetRestore)
#include "tst_resetrestore.moc"
