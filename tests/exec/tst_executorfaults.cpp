// The executor when things go wrong, against the private cluster and, where
// alembic has an answer, the real alembic on a twin database: a statement
// failing halfway (whole run rolled back by default; earlier steps kept with
// transaction_per_migration, exactly as alembic), a connection killed
// mid-run, two concurrent runs, cancel during a long statement, a wrong
// password, a database that is gone.
#include "exec/executor.h"
#include "exec/migrationlock.h"
#include "exec/migrationrunner.h"
#include "graph/revisiongraph.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

// Three revisions 001 <- 002 <- 003 whose upgrades run the given SQL
// (empty: pass); downgrades drop what the upgrades made. Returns the ini.
QString writeProject(const QString &dir, const QStringList &upgrades, bool perMigration, QString *error)
{
    QStringList options{QStringLiteral("--revisions"), QString::number(upgrades.size()), QStringLiteral("--ops"),
                        QStringLiteral("minimal"), QStringLiteral("--id-style"), QStringLiteral("seq"),
                        QStringLiteral("--seed"), QStringLiteral("1")};
    if (perMigration)
        options << QStringLiteral("--transaction-per-migration");
    *error = generateProject(dir, options);
    if (!error->isEmpty())
        return QString();
    for (int i = 0; i < upgrades.size(); ++i) {
        if (upgrades[i].isEmpty())
            continue;
        const QString path = QStringLiteral("%1/migrations/versions/%2_revision_%3.py")
                                 .arg(dir)
                                 .arg(i + 1, 3, 10, QLatin1Char('0'))
                                 .arg(i + 1);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(path);
            return QString();
        }
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        const QString from = QStringLiteral("def upgrade() -> None:\n    pass");
        if (!text.contains(from)) {
            *error = QStringLiteral("no pass body in %1").arg(path);
            return QString();
        }
        text.replace(from, QStringLiteral("def upgrade() -> None:\n    op.execute(\"%1\")").arg(upgrades[i]));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return QString();
        }
        f.write(text.toUtf8());
    }
    return dir + QStringLiteral("/alembic.ini");
}

// The line of `op.execute` in a revision file written above.
int executeLine(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains("op.execute("))
            return i + 1;
    return -1;
}

Operation upgradeHeads()
{
    Operation op;
    op.kind = Operation::Kind::Upgrade;
    op.targets = {QStringLiteral("heads")};
    return op;
}

RunRequest requestFor(const LoadedProject &project, const QString &url, const Operation &op, RunOptions options,
                      QString *error)
{
    options.transactionPerMigration = project.context.env.transactionPerMigration;
    MigrationRunner runner(project.context, clusterSettings(url), options);
    Result<RunRequest> r = runner.request(op);
    if (!r) {
        *error = r.error().toString();
        return RunRequest();
    }
    return r.value();
}

// pg_stat_activity's pid of the session running `needle`, 0 when none.
int sessionRunning(TestCluster &cluster, const QString &db, const QString &needle)
{
    QSqlDatabase c = cluster.open(QStringLiteral("postgres"));
    int pid = 0;
    {
        QSqlQuery q(c);
        q.prepare(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = ? AND state = 'active' "
                                 "AND position(? in query) > 0 AND pid <> pg_backend_pid()"));
        q.addBindValue(db);
        q.addBindValue(needle);
        if (q.exec() && q.next())
            pid = q.value(0).toInt();
    }
    const QString name = c.connectionName();
    c.close();
    c = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
    return pid;
}

} // namespace

class TestExecutorFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    // 001 and 002 create tables, 003 fails on a missing table: Retort's
    // database ends exactly as alembic's twin (nothing by default; 001 and
    // 002 committed with transaction_per_migration), and the error names
    // the SQLSTATE, revision, file, line and the position in the statement.
    // Also a later statement of one op.execute("a; b") failing (a hostile
    // try: only the first statement's result was looked at, so the error
    // surfaced as "current transaction is aborted" on the version row, and
    // inside an autocommit block not at all: exit 0).
    void failureHalfway_data()
    {
        QTest::addColumn<bool>("perMigration");
        QTest::addColumn<QStringList>("expectedRows");
        QTest::addColumn<QString>("failing");
        const QString alone = QStringLiteral("INSERT INTO nope VALUES (1)");
        const QString second = QStringLiteral("CREATE TABLE c (id int); INSERT INTO nope VALUES (1)");
        QTest::newRow("one transaction") << false << QStringList() << alone;
        QTest::newRow("transaction_per_migration") << true << QStringList{QStringLiteral("002")} << alone;
        QTest::newRow("second statement of one execute") << false << QStringList() << second;
        QTest::newRow("second statement, transaction_per_migration")
            << true << QStringList{QStringLiteral("002")} << second;
    }

    void failureHalfway()
    {
        QFETCH(bool, perMigration);
        QFETCH(QStringList, expectedRows);
        QFETCH(QString, failing);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QString error;
        const QString ini = writeProject(tmp.path() + QStringLiteral("/p"),
                                         {QStringLiteral("CREATE TABLE a (id int)"),
                                          QStringLiteral("CREATE TABLE b (id int)"), failing},
                                         perMigration, &error);
        QVERIFY2(!ini.isEmpty(), qPrintable(error));
        const LoadedProject project = loadProject(ini);
        QVERIFY2(project.error.isEmpty(), qPrintable(project.error));
        const QString ours = cluster.createDatabase(QStringLiteral("fail_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("fail_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));

        const ProcessResult a = runAlembic(ini, {QStringLiteral("upgrade"), QStringLiteral("heads")}, project.dir,
                                           alembicEnv(cluster.url(twin)));
        QCOMPARE(a.exitCode, 1);
        QVERIFY2(a.err.contains("relation \"nope\" does not exist"), a.err.constData());

        const RunReport r = applyWithRetort(project, cluster.url(ours), upgradeHeads());
        QVERIFY(!r.ok);
        QCOMPARE(r.error.kind(), Error::Kind::Database);
        QCOMPARE(r.error.sqlState(), QStringLiteral("42P01"));
        QCOMPARE(r.error.message(), QStringLiteral("relation \"nope\" does not exist"));
        QCOMPARE(r.error.where().revision, QStringLiteral("003"));
        QVERIFY2(r.error.where().file.endsWith(QStringLiteral("003_revision_3.py")), qPrintable(r.error.where().file));
        QCOMPARE(r.error.where().line, executeLine(project.dir + QStringLiteral("/migrations/versions/003_revision_3.py")));
        QCOMPARE(r.failedStatement, failing);
        QCOMPARE(r.error.where().statementOffset, int(failing.indexOf(QLatin1String("nope"))));
        QCOMPARE(r.stepsCommitted, perMigration ? 2 : 0);
        QCOMPARE(r.headsAfter, expectedRows);

        QCOMPARE(cluster.versionRows(twin), expectedRows);
        QCOMPARE(cluster.versionRows(ours), expectedRows);
        QCOMPARE(cluster.schemaDump(ours), cluster.schemaDump(twin));
        cluster.dropDatabase(ours);
        cluster.dropDatabase(twin);
    }

    // pg_terminate_backend while 002 sleeps: a clear error, and nothing of
    // the run survives (the schema is that of an untouched database).
    void killedConnection()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QString error;
        const QString ini = writeProject(tmp.path() + QStringLiteral("/p"),
                                         {QStringLiteral("CREATE TABLE a (id int)"), QStringLiteral("SELECT pg_sleep(30)"),
                                          QString()},
                                         false, &error);
        QVERIFY2(!ini.isEmpty(), qPrintable(error));
        const LoadedProject project = loadProject(ini);
        const QString db = cluster.createDatabase(QStringLiteral("killed"));
        const QString untouched = cluster.createDatabase(QStringLiteral("untouched"));
        QVERIFY2(!db.isEmpty() && !untouched.isEmpty(), qPrintable(cluster.lastError()));
        const RunRequest request = requestFor(project, cluster.url(db), upgradeHeads(), RunOptions(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        ExecutorThread thread;
        QSignalSpy finished(&thread, &ExecutorThread::finished);
        QVERIFY(thread.start(request));
        int pid = 0;
        QTRY_VERIFY_WITH_TIMEOUT((pid = sessionRunning(cluster, db, QStringLiteral("pg_sleep(30)"))) != 0, 20000);
        QVERIFY2(cluster.exec(QStringLiteral("postgres"), QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)),
                 qPrintable(cluster.lastError()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const RunReport r = finished.front().front().value<RunReport>();
        QVERIFY(!r.ok);
        QVERIFY(!r.cancelled);
        QVERIFY2(r.error.message().contains(QStringLiteral("connection to the database was lost")),
                 qPrintable(r.error.toString()));
        QCOMPARE(r.error.where().revision, QStringLiteral("002"));
        QCOMPARE(r.stepsCommitted, 0);
        QCOMPARE(cluster.versionRows(db), QStringList());
        QCOMPARE(cluster.schemaDump(db), cluster.schemaDump(untouched));
        cluster.dropDatabase(db);
        cluster.dropDatabase(untouched);
    }

    // Cancel while a revision runs SELECT pg_sleep(30): the statement stops
    // (the run ends long before 30 s) and the database is unchanged.
    void cancelLongStatement()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QString error;
        const QString ini = writeProject(tmp.path() + QStringLiteral("/p"),
                                         {QStringLiteral("CREATE TABLE a (id int)"), QStringLiteral("SELECT pg_sleep(30)"),
                                          QString()},
                                         false, &error);
        QVERIFY2(!ini.isEmpty(), qPrintable(error));
        const LoadedProject project = loadProject(ini);
        const QString db = cluster.createDatabase(QStringLiteral("cancel"));
        const QString untouched = cluster.createDatabase(QStringLiteral("untouched"));
        QVERIFY2(!db.isEmpty() && !untouched.isEmpty(), qPrintable(cluster.lastError()));
        const RunRequest request = requestFor(project, cluster.url(db), upgradeHeads(), RunOptions(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        ExecutorThread thread;
        QSignalSpy finished(&thread, &ExecutorThread::finished);
        QSignalSpy progress(&thread, &ExecutorThread::progress);
        QVERIFY(thread.start(request));
        QTRY_VERIFY_WITH_TIMEOUT(sessionRunning(cluster, db, QStringLiteral("pg_sleep(30)")) != 0, 20000);
        QElapsedTimer stopping;
        stopping.start();
        thread.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        qInfo("cancel took effect after %lld ms", stopping.elapsed());
        const RunReport r = finished.front().front().value<RunReport>();
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QCOMPARE(r.error.kind(), Error::Kind::Cancelled);
        QCOMPARE(r.stepsCommitted, 0);
        // the server said the statement was cancelled, it did not run out
        QCOMPARE(r.failedStatement, QStringLiteral("SELECT pg_sleep(30)"));
        QCOMPARE(r.error.sqlState(), QStringLiteral("57014"));
        // progress named the statement that was running
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.back().front().value<RunProgress>().statementText, QStringLiteral("SELECT pg_sleep(30)"));
        QCOMPARE(cluster.versionRows(db), QStringList());
        QCOMPARE(cluster.schemaDump(db), cluster.schemaDump(untouched));
        cluster.dropDatabase(db);
        cluster.dropDatabase(untouched);
    }

    // Cancel while the run waits for the migration lock another session
    // holds: the wait ends at once (it tries again and again, it does not
    // block in a statement) and nothing was written.
    void cancelWhileWaitingForTheLock()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QString error;
        const QString ini = writeProject(tmp.path() + QStringLiteral("/p"), {QStringLiteral("CREATE TABLE a (id int)")},
                                         false, &error);
        QVERIFY2(!ini.isEmpty(), qPrintable(error));
        const LoadedProject project = loadProject(ini);
        const QString db = cluster.createDatabase(QStringLiteral("cancelwait"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const RunRequest request = requestFor(project, cluster.url(db), upgradeHeads(), RunOptions(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString holderName;
        {
            QSqlDatabase holder = cluster.open(db);
            holderName = holder.connectionName();
            QSqlQuery q(holder);
            const qint64 key = MigrationLock::keyFor(request.versionTable);
            QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key)));

            ExecutorThread thread;
            QSignalSpy finished(&thread, &ExecutorThread::finished);
            QSignalSpy waiting(&thread, &ExecutorThread::waiting);
            QVERIFY(thread.start(request));
            QTRY_VERIFY_WITH_TIMEOUT(!waiting.isEmpty() || !finished.isEmpty(), 30000);
            QVERIFY(finished.isEmpty());
            QVERIFY2(waiting.front().front().toString().startsWith(QStringLiteral("waiting for the migration lock held by pid")),
                     qPrintable(waiting.front().front().toString()));
            thread.cancel();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            const RunReport r = finished.front().front().value<RunReport>();
            QVERIFY(!r.ok);
            QVERIFY(r.cancelled);
            QCOMPARE(r.error.kind(), Error::Kind::Cancelled);
            QCOMPARE(cluster.versionRows(db), QStringList());
            QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key)));
            holder.close();
        }
        QSqlDatabase::removeDatabase(holderName);
        cluster.dropDatabase(db);
    }

    // Two appliers of one database: while the first runs, a second with
    // NoWait refuses naming the holder (its pid as pg_stat_activity shows
    // it); one with a lock_timeout gives up naming it too; one that waits
    // runs after the first, planned from the rows the first left (nothing
    // left to do).
    void concurrentRuns()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QString error;
        const QString ini = writeProject(tmp.path() + QStringLiteral("/p"),
                                         {QStringLiteral("CREATE TABLE a (id int)"), QStringLiteral("SELECT pg_sleep(5)"),
                                          QStringLiteral("CREATE TABLE c (id int)")},
                                         false, &error);
        QVERIFY2(!ini.isEmpty(), qPrintable(error));
        const LoadedProject project = loadProject(ini);
        const QString db = cluster.createDatabase(QStringLiteral("concurrent"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const RunRequest first = requestFor(project, cluster.url(db), upgradeHeads(), RunOptions(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        ExecutorThread one;
        QSignalSpy oneDone(&one, &ExecutorThread::finished);
        QVERIFY(one.start(first));
        int holder = 0;
        QTRY_VERIFY_WITH_TIMEOUT((holder = sessionRunning(cluster, db, QStringLiteral("pg_sleep(5)"))) != 0, 20000);

        RunOptions noWait;
        noWait.lockWait = LockWait::NoWait;
        const RunReport refused = applyWithRetort(project, cluster.url(db), upgradeHeads(), noWait);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.sqlState(), QStringLiteral("55P03"));
        QVERIFY2(refused.error.message().contains(QStringLiteral("pid %1,").arg(holder)), qPrintable(refused.error.message()));
        QVERIFY2(refused.error.message().contains(QStringLiteral("application \"retort ")),
                 qPrintable(refused.error.message()));
        QVERIFY2(refused.error.message().contains(QStringLiteral("user retort")), qPrintable(refused.error.message()));

        RunOptions shortWait;
        shortWait.lockTimeoutMs = 100;
        const RunReport timedOut = applyWithRetort(project, cluster.url(db), upgradeHeads(), shortWait);
        QVERIFY(!timedOut.ok);
        QCOMPARE(timedOut.error.sqlState(), QStringLiteral("55P03"));
        QVERIFY2(timedOut.error.message().contains(QStringLiteral("pid %1,").arg(holder)),
                 qPrintable(timedOut.error.message()));

        // waits for the first, then finds the database at heads
        const RunReport waited = applyWithRetort(project, cluster.url(db), upgradeHeads());
        QVERIFY2(waited.ok, qPrintable(describe(waited)));
        QVERIFY2(waited.log.join(QLatin1Char('\n')).contains(QStringLiteral("Waiting for the migration lock")),
                 qPrintable(waited.log.join(QLatin1Char('\n'))));
        QCOMPARE(waited.stepCount, 0);
        QCOMPARE(waited.headsBefore, QStringList{QStringLiteral("003")});
        QTRY_COMPARE_WITH_TIMEOUT(oneDone.size(), 1, 20000);
        const RunReport r1 = oneDone.front().front().value<RunReport>();
        QVERIFY2(r1.ok, qPrintable(describe(r1)));
        QCOMPARE(r1.stepCount, 3);
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("003")});
        cluster.dropDatabase(db);
    }

    // A PGPASSFILE with a wrong password, a database that was dropped.
    void connectionFailures()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QString error;
        const QString ini = writeProject(tmp.path() + QStringLiteral("/p"), {QString(), QString()}, false, &error);
        QVERIFY2(!ini.isEmpty(), qPrintable(error));
        const LoadedProject project = loadProject(ini);
        const QString db = cluster.createDatabase(QStringLiteral("gone"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));

        const QString badPass = tmp.path() + QStringLiteral("/pgpass");
        {
            QFile f(badPass);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("*:*:*:*:not-the-password\n").toUtf8());
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        const QByteArray saved = qgetenv("PGPASSFILE");
        qputenv("PGPASSFILE", badPass.toLocal8Bit());
        const RunReport wrong = applyWithRetort(project, cluster.url(db), upgradeHeads());
        qputenv("PGPASSFILE", saved);
        QVERIFY(!wrong.ok);
        QCOMPARE(wrong.error.sqlState(), QStringLiteral("28P01"));
        QVERIFY2(wrong.error.message().contains(QStringLiteral("Password authentication failed")),
                 qPrintable(wrong.error.message()));
        QVERIFY(!wrong.error.toString().contains(QStringLiteral("not-the-password")));
        QCOMPARE(cluster.versionRows(db), QStringList());

        QVERIFY2(cluster.dropDatabase(db), qPrintable(cluster.lastError()));
        const RunReport gone = applyWithRetort(project, cluster.url(db), upgradeHeads());
        QVERIFY(!gone.ok);
        QCOMPARE(gone.error.sqlState(), QStringLiteral("3D000"));
        QVERIFY2(gone.error.message().contains(db), qPrintable(gone.error.message()));
    }
};

QTEST_GUILESS_MAIN(TestExecutorFaults)
#include "tst_executorfaults.moc"
