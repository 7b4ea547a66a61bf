// A database replaced (reset-local --recreate, restore --from) under
// hostile conditions: two runs at once, kill -9 between DROP DATABASE and
// the RENAME, SIGTERM and kill -9 while pg_restore runs. Real processes and
// signals against the private cluster; a restore is held mid-way by a
// materialized view whose REFRESH waits for a role the test creates.
#include "resettarget.h"

#include <csignal>

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
