// A database replaced (reset-local --recreate, restore --from) under
// hostile conditions: two runs at once, kill -9 between DROP DATABASE and
// the RENAME, SIGTERM and kill -9 while pg_restore runs. Real processes and
// signals against the private cluster; a restore is held mid-way by a
// materialized view whose REFRESH waits for a role the test creates.
#include "resettarget.h"

#include <csignal>

#include <QSqlError>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

class TestSwapSafety : public QObject {
    Q_OBJECT

private:
    TestCluster m_cluster;

private slots:
    void initTestCase()
    {
        RETORT_REQUIRE_CLUSTER(m_cluster);
        QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic");
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
        const QString first = t.tmp.filePath(QStringLiteral("first.dump"));
        QString firstState;
        QVERIFY(gatedBackup(m_cluster, t, gate, first, &firstState));
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
    // Also the RENAME failing with Retort alive (its backend ended): the
    // run says the database was dropped, never that it was not changed.
    void killBetweenDropAndRenameIsRecoverable_data()
    {
        QTest::addColumn<bool>("killRetort");
        QTest::newRow("kill -9") << true;
        QTest::newRow("rename fails") << false;
    }
    void killBetweenDropAndRenameIsRecoverable()
    {
        HeldRestore held(m_cluster, QStringLiteral("swap_kill"));
        QVERIFY2(held.start(), qPrintable(m_cluster.lastError()));
        const Target &t = held.t;
        const QString &gate = held.gate, &dump = held.dump, &restored = held.restored;
        Background &run = *held.run;
        const QStringList copies = copiesOf(m_cluster, t.db);
        QCOMPARE(copies.size(), 1);
        const QString copy = copies.front();
        // The DROP waits on the database's row until the copy, closed to
        // sessions by then, has its own row held: the RENAME waits on it.
        QSqlDatabase holder = m_cluster.open(QStringLiteral("postgres"));
        QSqlQuery hold(holder);
        QVERIFY(hold.exec(QStringLiteral("BEGIN")));
        QVERIFY(hold.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1' FOR UPDATE").arg(t.db)));
        QVERIFY(m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE %1").arg(gate)));
        QVERIFY(waitUntil([&] {
            return queryRows(m_cluster, QStringLiteral("postgres"),
                             QStringLiteral("SELECT pid FROM pg_stat_activity WHERE query LIKE 'DROP DATABASE%' "
                                            "AND wait_event_type = 'Lock'"))
                       .size() == 1;
        }));
        QCOMPARE(queryRows(m_cluster, QStringLiteral("postgres"),
                           QStringLiteral("SELECT datallowconn FROM pg_database WHERE datname = '%1'").arg(copy)),
                 QStringList{QStringLiteral("false")});
        QSqlDatabase renameHolder = m_cluster.open(QStringLiteral("postgres"));
        QSqlQuery holdRename(renameHolder);
        QVERIFY(holdRename.exec(QStringLiteral("BEGIN")));
        QVERIFY(holdRename.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1' FOR UPDATE").arg(copy)));
        QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
        QStringList renaming;
        QVERIFY(waitUntil([&] {
            renaming = queryRows(m_cluster, QStringLiteral("postgres"),
                                 QStringLiteral("SELECT pid FROM pg_stat_activity WHERE query LIKE 'ALTER DATABASE%RENAME%' "
                                                "AND wait_event_type = 'Lock'"));
            return renaming.size() == 1;
        }));
        QFETCH(bool, killRetort);
        if (killRetort) {
            QCOMPARE(::kill(pid_t(run.process.processId()), SIGKILL), 0);
            run.finish();
        }
        QCOMPARE(queryRows(m_cluster, QStringLiteral("postgres"),
                           QStringLiteral("SELECT pg_terminate_backend(%1)").arg(renaming.front())),
                 QStringList{QStringLiteral("true")});
        if (!killRetort) {
            QCOMPARE(run.finish(), 1);
            QVERIFY2(run.out.contains(QStringLiteral("FAILED: \"%1\" was dropped, but its replacement is still named "
                                                     "\"%2\": finish with `retort reset-local --finish-swap`")
                                          .arg(t.db, copy)
                                          .toUtf8()),
                     run.out.constData());
            QVERIFY2(!run.out.contains("not changed"), run.out.constData());
        }
        QVERIFY(waitUntil([&] {
            return queryRows(m_cluster, QStringLiteral("postgres"),
                             QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE pid = %1").arg(renaming.front()))
                .isEmpty();
        }));
        QVERIFY(holdRename.exec(QStringLiteral("ROLLBACK")));
        for (QSqlDatabase *d : {&holder, &renameHolder}) {
            const QString name = d->connectionName();
            d->close();
            *d = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
        }
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
        const int recordsBefore = t.journal().size();
        const ProcessResult r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--finish-swap")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(m_cluster.fullDump(t.db), restored);
        // the journal says what put the database back (it said nothing
        // before: the rename was the only change no record mentioned)
        const QVector<JournalRecord> records = t.journal();
        QCOMPARE(records.size(), recordsBefore + 1);
        const JournalRecord &finished = records.back();
        QCOMPARE(finished.operation, QStringLiteral("reset-local"));
        QCOMPARE(finished.targets, QStringList{QStringLiteral("--finish-swap")});
        QCOMPARE(finished.outcome, QStringLiteral("succeeded"));
        QCOMPARE(finished.headsAfter, m_cluster.versionRows(t.db));
        QCOMPARE(finished.databaseIdentity,
                 queryRows(m_cluster, t.db, QStringLiteral("SELECT s.system_identifier::text || '/' || d.oid::text "
                                                         "FROM pg_control_system() s, pg_database d "
                                                         "WHERE d.datname = current_database()")).value(0));
        QCOMPARE(copiesOf(m_cluster, t.db), QStringList());
        QCOMPARE(queryRows(m_cluster, QStringLiteral("postgres"),
                           QStringLiteral("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                                          "WHERE datname = '%1'").arg(t.db)),
                 QStringList{QStringLiteral("NULL")});
    }

    // A database of the user's named like a copy ("<name>_retort_<8 hex>",
    // no marker): a recreate once dropped it as a dead run's partial copy.
    // It is named and left alone, and the recreate goes on.
    void unmarkedLookalikeIsLeftAlone()
    {
        Target t(m_cluster, QStringLiteral("swap_mine"));
        QVERIFY2(!t.db.isEmpty(), qPrintable(m_cluster.lastError()));
        const QString mine = t.db + QStringLiteral("_retort_deadbeef");
        QVERIFY(m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(mine)));
        const auto dropMine = qScopeGuard([&] { m_cluster.dropDatabase(mine); });
        QVERIFY(m_cluster.exec(mine, QStringLiteral("CREATE TABLE precious AS SELECT 42 AS x")));

        const ProcessResult r = t.retort({QStringLiteral("reset-local"), QStringLiteral("--recreate")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QString said = QString::fromUtf8(r.out + r.err);
        QVERIFY2(said.contains(QStringLiteral("\"%1\", named like a copy of \"%2\" but not created by Retort (no marker), "
                                              "left alone").arg(mine, t.db)),
                 qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("Dropped \"%1\"").arg(mine)), qPrintable(said));
        QCOMPARE(queryRows(m_cluster, mine, QStringLiteral("SELECT x FROM precious")), QStringList{QStringLiteral("42")});
    }

    // A session on the copy while it is filled (a hostile try: the RENAME
    // failed after the DROP, and the run said "the database was not
    // changed"): the copy is closed to connections and the intruder cut off
    // before the DROP, so the restore completes.
    void sessionOnTheCopyIsCutOffBeforeTheDrop()
    {
        HeldRestore held(m_cluster, QStringLiteral("swap_intrude"));
        QVERIFY2(held.start(), qPrintable(m_cluster.lastError()));
        const Target &t = held.t;
        const QStringList copies = copiesOf(m_cluster, t.db);
        QCOMPARE(copies.size(), 1);
        QSqlDatabase intruder = m_cluster.open(copies.front());
        QVERIFY2(intruder.isOpen(), qPrintable(intruder.lastError().text()));
        QVERIFY(m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE %1").arg(held.gate)));
        const int code = held.run->finish();
        m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("DROP ROLE %1").arg(held.gate));
        QVERIFY2(code == 0, held.run->out.constData());
        QVERIFY2(!held.run->out.contains("not changed"), held.run->out.constData());
        QCOMPARE(m_cluster.fullDump(t.db), held.restored);
        QCOMPARE(copiesOf(m_cluster, t.db), QStringList());
        QCOMPARE(queryRows(m_cluster, QStringLiteral("postgres"),
                           QStringLiteral("SELECT datallowconn FROM pg_database WHERE datname = '%1'").arg(t.db)),
                 QStringList{QStringLiteral("true")});
        QSqlQuery probe(intruder);
        QVERIFY2(!probe.exec(QStringLiteral("SELECT 1")), "the intruder's session outlived the swap");
        const QString name = intruder.connectionName();
        intruder.close();
        intruder = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }

    // SIGTERM while pg_restore runs: pg_restore stopped, the copy dropped
    // (its backend ended with it), the database as it was, exit 1 saying so.
    void sigtermMidRestoreCleansUp()
    {
        HeldRestore held(m_cluster, QStringLiteral("swap_term"));
        QVERIFY2(held.start(), qPrintable(m_cluster.lastError()));
        const Target &t = held.t;
        const QString &dump = held.dump;
        Background &run = *held.run;
        const QString before = m_cluster.fullDump(t.db);
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
        HeldRestore held(m_cluster, QStringLiteral("swap_kill9"));
        QVERIFY2(held.start(), qPrintable(m_cluster.lastError()));
        const Target &t = held.t;
        const QString &gate = held.gate, &dump = held.dump, &restored = held.restored;
        Background &run = *held.run;
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

QTEST_GUILESS_MAIN(TestSwapSafety)
#include "tst_swapsafety.moc"
