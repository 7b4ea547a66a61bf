// Steps that need Python online (op.get_bind(), context.is_offline_mode())
// run through the real alembic ONLINE, never from offline SQL: `retort
// upgrade` against alembic on a twin database, in the default mode (the
// whole run in alembic's one transaction) and with transaction_per_migration
// (only those steps through alembic), and a cancel during such a step.
#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"
#include "filetree.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

QString fixtureDir(const QString &name)
{
    return QStringLiteral(RETORT_SOURCE_DIR "/tests/exec/fixtures/") + name;
}

QProcessEnvironment urlEnv(const QString &url)
{
    return alembicEnv(url);
}

} // namespace

class TestOnlinePython : public QObject {
    Q_OBJECT

private:
    // `retort <args>` on ours and `alembic <args>` on the twin: the same
    // exit code, version rows, schema and rows.
    void both(TestCluster &cluster, const QString &dir, const QStringList &args, const QString &ours,
              const QString &twin, int expectedExit, QString *ourErr = nullptr)
    {
        const QString ini = dir + QStringLiteral("/alembic.ini");
        const QStringList full = QStringList{QStringLiteral("-c"), ini} + args;
        const ProcessResult a = runAlembic(ini, args, dir, urlEnv(cluster.url(twin)));
        const ProcessResult r = runRetort(full, dir, urlEnv(cluster.url(ours)));
        const QString what = args.join(QLatin1Char(' '));
        QVERIFY2(a.error.isEmpty() && r.error.isEmpty(), qPrintable(what + a.describe() + r.describe()));
        QVERIFY2(a.exitCode == expectedExit, qPrintable(what + QStringLiteral(": alembic ") + a.describe()));
        QVERIFY2(r.exitCode == expectedExit, qPrintable(what + QStringLiteral(": retort ") + r.describe()));
        QCOMPARE(cluster.versionRows(ours), cluster.versionRows(twin));
        const QString ourSchema = cluster.schemaDump(ours);
        QVERIFY2(!ourSchema.isEmpty(), qPrintable(cluster.lastError()));
        QCOMPARE(ourSchema, cluster.schemaDump(twin));
        QCOMPARE(tableData(cluster, ours), tableData(cluster, twin));
        if (ourErr)
            *ourErr = QString::fromUtf8(r.out + r.err);
    }

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    // print() in env.py, at a revision's module level and in bridged steps:
    // online, alembic's stdout has the text and nothing else; retort's
    // stdout is the same, in the same order (tests/render/printing).
    void printedTextOnStdout()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("printing"));
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/tests/render/printing"), dir));
        const QString ours = cluster.createDatabase(QStringLiteral("pr_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("pr_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        const QString ini = dir + QStringLiteral("/alembic.ini");
        for (const QStringList &args : {QStringList{QStringLiteral("upgrade"), QStringLiteral("heads")},
                                        QStringList{QStringLiteral("downgrade"), QStringLiteral("p001")}}) {
            const ProcessResult a = runAlembic(ini, args, dir, urlEnv(cluster.url(twin)));
            const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini} + args, dir, urlEnv(cluster.url(ours)));
            QVERIFY2(a.ok() && a.out.startsWith("-- env.py loaded\n-- module p001\n"), qPrintable(a.describe()));
            QVERIFY2(r.ok(), qPrintable(r.describe()));
            QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(a.out));
            QCOMPARE(cluster.versionRows(ours), cluster.versionRows(twin));
        }
        QVERIFY(cluster.dropDatabase(ours));
        QVERIFY(cluster.dropDatabase(twin));
    }

    // migrations/auditing uses alembic's async template (asyncio.run, an
    // AsyncEngine, postgresql+asyncpg://): every step through the bridge
    // online leaves what alembic leaves, and Retort's session settings reach
    // asyncpg's connection, which reads neither PGOPTIONS nor PGAPPNAME
    // (--lock-timeout stops a step blocked by another session's lock).
    void asyncTemplateThroughBridge()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("auditing"));
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations/auditing"), dir));
        const QString ours = cluster.createDatabase(QStringLiteral("as_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("as_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        auto asyncEnv = [&](const QString &db) {
            QString url = cluster.url(db);
            return urlEnv(url.replace(QLatin1String("postgresql://"), QLatin1String("postgresql+asyncpg://")));
        };
        const QString ini = dir + QStringLiteral("/alembic.ini");
        auto step = [&](const QStringList &args, const QStringList &retortOnly = {}) {
            const ProcessResult a = runAlembic(ini, args, dir, asyncEnv(twin));
            const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini} + args + retortOnly, dir, asyncEnv(ours));
            QVERIFY2(a.ok(), qPrintable(a.describe()));
            QVERIFY2(r.ok() && r.err.contains("needs Python online"), qPrintable(r.describe()));
            QCOMPARE(cluster.versionRows(ours), cluster.versionRows(twin));
            QCOMPARE(cluster.schemaDump(ours), cluster.schemaDump(twin));
        };
        const QStringList python{QStringLiteral("--engine"), QStringLiteral("python")};
        step({QStringLiteral("upgrade"), QStringLiteral("0003")}, python);
        if (QTest::currentTestFailed())
            return;
        QString holderName;
        {
            QSqlDatabase holder = cluster.open(ours);
            holderName = holder.connectionName();
            QVERIFY2(holder.isOpen(), qPrintable(holder.lastError().text()));
            QVERIFY(holder.transaction());
            QSqlQuery lock(holder);
            QVERIFY2(lock.exec(QStringLiteral("LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE")), qPrintable(lock.lastError().text()));
            const ProcessResult blocked = runRetort(QStringList{QStringLiteral("-c"), ini, QStringLiteral("upgrade"),
                                                                QStringLiteral("heads"), QStringLiteral("--lock-timeout"),
                                                                QStringLiteral("500")}
                                                        + python,
                                                    dir, asyncEnv(ours));
            QVERIFY(holder.rollback());
            holder.close();
            QVERIFY2(blocked.exitCode == 1 && blocked.err.contains("lock timeout") && blocked.err.contains("55P03"),
                     qPrintable(blocked.describe()));
        }
        QSqlDatabase::removeDatabase(holderName);
        QCOMPARE(cluster.versionRows(ours), QStringList{QStringLiteral("0003")});
        step({QStringLiteral("upgrade"), QStringLiteral("heads")}, python);
        step({QStringLiteral("downgrade"), QStringLiteral("base")}, python);
        QVERIFY(cluster.dropDatabase(ours));
        QVERIFY(cluster.dropDatabase(twin));
    }

    // The URL the bridge's child gets names the same database: parsed back,
    // every field is the same (password, socket directory, IPv6, options),
    // with application_name left to PGAPPNAME (a URL's would override it,
    // and asyncpg takes none).
    void bridgeUrlRoundTrip_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("tcp, password") << "postgresql+psycopg2://ann:p%40ss%3Aw%2Fo%25rd@db.example:6543/app?sslmode=require";
        QTest::newRow("socket") << "postgresql://ann@/app?host=/var/run/postgresql&port=5433";
        QTest::newRow("ipv6") << "postgresql://ann@[::1]:5432/app?application_name=mine&connect_timeout=5";
        QTest::newRow("options") << "postgres://ann:x@h/d%20b?options=-c%20search_path%3Dapp";
    }
    void bridgeUrlRoundTrip()
    {
        QFETCH(QString, url);
        const Result<ConnectionSettings> a = ConnectionSettings::parse(url);
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
        const QString built = bridgeDatabaseUrl(a.value(), QStringLiteral("retort-bridge x"));
        const Result<ConnectionSettings> b = ConnectionSettings::parse(built);
        QVERIFY2(b.ok(), qPrintable(built));
        QCOMPARE(b->user, a->user);
        QCOMPARE(b->password, a->password);
        QCOMPARE(b->hasPassword, a->hasPassword);
        QCOMPARE(b->host, a->host);
        QCOMPARE(b->port, a->port);
        QCOMPARE(b->database, a->database);
        QVERIFY2(!built.contains(QLatin1String("application_name")), qPrintable(built));
        for (const QString &key : {QStringLiteral("sslmode"), QStringLiteral("connect_timeout"), QStringLiteral("options")})
            QCOMPARE(b->queryValue(key), a->queryValue(key));
    }

    // --statement-timeout holds for alembic's session too: p005's pg_sleep(30)
    // is stopped by the server, and the whole run is rolled back.
    void statementTimeoutReachesAlembic()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString dir = fixtureDir(QStringLiteral("onlinepython"));
        const QString db = cluster.createDatabase(QStringLiteral("op_timeout"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString before = cluster.schemaDump(db);
        const ProcessResult r = runRetort({QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"), QStringLiteral("-x"),
                                           QStringLiteral("p005=sleep"), QStringLiteral("upgrade"), QStringLiteral("heads"),
                                           QStringLiteral("--statement-timeout"), QStringLiteral("1000")},
                                          dir, urlEnv(cluster.url(db)));
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        const QString out = QString::fromUtf8(r.out + r.err);
        QVERIFY2(out.contains(QLatin1String("canceling statement due to statement timeout"))
                     && out.contains(QLatin1String("[SQLSTATE 57014]")) && out.contains(QLatin1String("p005")),
                 qPrintable(out));
        QCOMPARE(cluster.schemaDump(db), before);
        QVERIFY(cluster.dropDatabase(db));
    }

    // Default mode: (c) p005 fails after native and python steps, and the
    // database is exactly as before, as alembic leaves it; then (a) and (b):
    // the online branch ran, the data migration read the rows.
    void wholeRunThroughAlembic()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString dir = fixtureDir(QStringLiteral("onlinepython"));
        const QString ours = cluster.createDatabase(QStringLiteral("op_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("op_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        const QString emptySchema = cluster.schemaDump(ours);
        const QStringList emptyData = tableData(cluster, ours);

        QString log;
        both(cluster, dir, {QStringLiteral("upgrade"), QStringLiteral("heads")}, ours, twin, 1, &log);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(log.contains(QLatin1String("step p002 needs Python online; the run is executed by alembic in one "
                                            "transaction")),
                 qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("p005_refuses.py:25")) && log.contains(QLatin1String("RuntimeError: p005 "
                                                                                                 "refuses to run while "
                                                                                                 "item has 4 rows")),
                 qPrintable(log));
        QCOMPARE(cluster.schemaDump(ours), emptySchema);  // nothing half-done
        QCOMPARE(tableData(cluster, ours), emptyData);

        both(cluster, dir, {QStringLiteral("upgrade"), QStringLiteral("p004")}, ours, twin, 0, &log);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT source FROM note")), QStringList{QStringLiteral("online")});
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT label FROM item ORDER BY id")),
                 (QStringList{QStringLiteral("small-19"), QStringLiteral("big-19"), QStringLiteral("big-19"),
                              QStringLiteral("small-19")}));
        QCOMPARE(cluster.versionRows(ours), QStringList{QStringLiteral("p004")});

        // from p004 the only step is python-online and fails: still p004
        both(cluster, dir, {QStringLiteral("upgrade"), QStringLiteral("heads")}, ours, twin, 1);
        QCOMPARE(cluster.versionRows(ours), QStringList{QStringLiteral("p004")});
        QVERIFY(cluster.dropDatabase(ours));
        QVERIFY(cluster.dropDatabase(twin));
    }

    // String literals with backslashes (a server default, a table comment,
    // bulk_insert rows) rendered natively and applied online hold what
    // alembic online stores: offline SQLAlchemy doubles backslashes (it has
    // no server to ask about standard_conforming_strings), online it does not.
    void backslashesOnlineAsAlembic()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString dir = fixtureDir(QStringLiteral("literals"));
        const QString ours = cluster.createDatabase(QStringLiteral("lit_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("lit_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        QString log;
        both(cluster, dir, {QStringLiteral("upgrade"), QStringLiteral("heads")}, ours, twin, 0, &log);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(!log.contains(QLatin1String("needs Python")), qPrintable(log));
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT dir FROM path WHERE id = 1")), QStringList{QStringLiteral("D:\\exports")});
        QVERIFY(cluster.dropDatabase(ours));
        QVERIFY(cluster.dropDatabase(twin));
    }

    // transaction_per_migration: Retort runs p001 and p004, alembic p002,
    // p003 and p005; p005 fails and p001..p004 stay committed, as alembic
    // leaves them on the twin.
    void perStepThroughAlembic()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = perStepCopy(fixtureDir(QStringLiteral("onlinepython")), tmp.path());
        QVERIFY2(!dir.isEmpty(), "cannot make the per-step copy of tests/exec/fixtures/onlinepython");
        const QString ours = cluster.createDatabase(QStringLiteral("ops_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("ops_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        QString log;
        both(cluster, dir, {QStringLiteral("upgrade"), QStringLiteral("heads")}, ours, twin, 1, &log);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(cluster.versionRows(ours), QStringList{QStringLiteral("p004")});
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT source FROM note")), QStringList{QStringLiteral("online")});
        QVERIFY2(log.contains(QLatin1String("steps p002..p003 need Python online")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("4 of 5 steps were committed")), qPrintable(log));
        // Retort ran p004 natively, between alembic's runs
        QVERIFY2(log.indexOf(QLatin1String("Running upgrade p003 -> p004"))
                     < log.indexOf(QLatin1String("step p005 needs Python online")),
                 qPrintable(log));

        both(cluster, dir, {QStringLiteral("downgrade"), QStringLiteral("base")}, ours, twin, 0);
        QVERIFY(cluster.dropDatabase(ours));
        QVERIFY(cluster.dropDatabase(twin));
    }

    // (d) Cancel while alembic runs p005's `SELECT pg_sleep(30)` through
    // get_bind(): the bridge's own backend (found by its application_name)
    // is cancelled, the run stops long before the sleep would end, and the
    // database is unchanged.
    void cancelDuringPythonStep()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString dir = fixtureDir(QStringLiteral("onlinepython"));
        const QString db = cluster.createDatabase(QStringLiteral("op_cancel"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString before = cluster.schemaDump(db);
        const QStringList beforeData = tableData(cluster, db);

        const LoadedProject project = loadProject(dir + QStringLiteral("/alembic.ini"));
        QVERIFY2(project.error.isEmpty(), qPrintable(project.error));
        RunOptions options;
        options.transactionPerMigration = project.context.env.transactionPerMigration;
        QVERIFY(!options.transactionPerMigration);
        const ConnectionSettings connection = clusterSettings(cluster.url(db));
        MigrationRunner runner(project.context, connection, options);
        PlanRenderSettings settings;
        settings.mode = RenderMode::Online;
        settings.bridge.python = alembicPython();
        settings.bridge.iniPath = project.ini;
        settings.bridge.workDir = project.dir;
        settings.bridge.x = QStringList{QStringLiteral("p005=sleep")};
        settings.interpreter.iniPath = project.ini;
        runner.setStepRenderer(planStepRenderer(project.context, settings));
        runner.setPythonRunner(bridgeStepRunner(settings.bridge, settings.interpreter, connection));
        Operation op;
        op.targets = QStringList{QStringLiteral("heads")};

        // the preview says which steps alembic runs online
        Result<RunPreview> preview = runner.preview(op);
        QVERIFY2(preview.ok(), qPrintable(preview.error().toString()));
        QStringList online;
        for (const PlannedStep &s : preview->steps)
            if (s.sql.online)
                online << s.revision;
        QCOMPARE(online, (QStringList{QStringLiteral("p002"), QStringLiteral("p003"), QStringLiteral("p005")}));

        Result<RunRequest> request = runner.request(op);
        QVERIFY2(request.ok(), qPrintable(request.error().toString()));
        ExecutorThread thread;
        int runningStep = 0;
        bool finished = false;
        RunReport report;
        connect(&thread, &ExecutorThread::progress, this, [&](const RunProgress &p) { runningStep = p.step; });
        connect(&thread, &ExecutorThread::finished, this, [&](const RunReport &r) {
            report = r;
            finished = true;
        });
        QVERIFY(thread.start(request.value()));
        QTRY_VERIFY_WITH_TIMEOUT(runningStep == 5 || finished, 60000);
        QVERIFY2(!finished, qPrintable(describe(report)));
        // alembic's connection, named for Retort, is sleeping in p005
        const QString sleeping = QStringLiteral(
            "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name LIKE 'retort-bridge %' AND query LIKE '%pg_sleep%' AND state = 'active'");
        QTRY_VERIFY_WITH_TIMEOUT(queryRows(cluster, db, sleeping).size() == 1, 20000);
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        thread.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(finished, 60000);
        const qint64 stoppedAfterMs = sinceCancel.elapsed();
        QVERIFY2(report.cancelled, qPrintable(describe(report)));
        QCOMPARE(report.stepsCommitted, 0);
        // pg_sleep(30) was stopped on the server, not waited for
        QVERIFY2(stoppedAfterMs < 20000, qPrintable(QString::number(stoppedAfterMs)));
        QCOMPARE(queryRows(cluster, db, sleeping), QStringList());
        QCOMPARE(cluster.schemaDump(db), before);
        QCOMPARE(tableData(cluster, db), beforeData);
        qInfo("cancel stopped the run after %lld ms", static_cast<long long>(stoppedAfterMs));
        QVERIFY(cluster.dropDatabase(db));
    }
};

QTEST_GUILESS_MAIN(TestOnlinePython)
#include "tst_onlinepython.moc"
