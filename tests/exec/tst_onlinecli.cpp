// `retort upgrade/downgrade/stamp` without --sql and `reset-local`, the
// binary against the real alembic on twin databases: the same INFO lines on
// stderr, the same FAILED lines and exit codes, and Retort's own failure
// line naming the revision, file:line and statement.
#include "filetree.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

QString analyticsIni()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");
}

QProcessEnvironment env(const QString &url)
{
    QProcessEnvironment e = alembicEnv(url);
    return e;
}

// Two revisions 001 <- 002 in dir, 002's upgrade() replaced by `body`;
// returns 002's text, or an empty string with `error` set.
QString twoRevisionsUpgrading(const QString &dir, const QString &body, QString *error)
{
    *error = generateProject(dir, {"--revisions", "2", "--ops", "minimal", "--id-style", "seq", "--seed", "1"});
    if (!error->isEmpty())
        return QString();
    QFile f(dir + QStringLiteral("/migrations/versions/002_revision_2.py"));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.fileName() + QStringLiteral(": ") + f.errorString();
        return QString();
    }
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    text.replace(QStringLiteral("def upgrade() -> None:\n    pass"), QStringLiteral("def upgrade() -> None:\n") + body);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text.toUtf8()) != text.toUtf8().size()) {
        *error = f.fileName() + QStringLiteral(": ") + f.errorString();
        return QString();
    }
    return text;
}

} // namespace

class TestOnlineCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    // A sequence of commands run by both on their own database: same exit
    // code, stdout, stderr (alembic's logging) and version rows each time.
    void sameAsAlembic()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        const QString err = generateProject(dir, {"--revisions", "6", "--branch-every", "3", "--ops", "minimal",
                                                  "--heads", "2", "--labels", "1", "--seed", "3"});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString ini = dir + QStringLiteral("/alembic.ini");
        const QString ours = cluster.createDatabase(QStringLiteral("cli_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("cli_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        const QList<QStringList> commands = {
            {"upgrade", "heads"},     {"downgrade", "-1"},   {"downgrade", "base"}, {"upgrade", "+1"},
            {"stamp", "heads"},       {"stamp", "--purge", "base"}, {"upgrade", "head"}, {"downgrade", "zzzz"},
            {"upgrade", "a:b"},
        };
        for (const QStringList &c : commands) {
            const QStringList args = QStringList{QStringLiteral("-c"), ini} + c;
            const ProcessResult a = runProcess(alembicPython(), QStringList{QStringLiteral("-m"), QStringLiteral("alembic")} + args,
                                               dir, env(cluster.url(twin)));
            const ProcessResult r = runRetort(args, dir, env(cluster.url(ours)));
            const QString what = c.join(QLatin1Char(' '));
            QVERIFY2(a.error.isEmpty() && r.error.isEmpty(), qPrintable(what + a.describe() + r.describe()));
            QCOMPARE(r.exitCode, a.exitCode);
            QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(a.out));
            // Retort adds its own "retort: ..." lines after alembic's
            QStringList ourErr = QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            ourErr.erase(std::remove_if(ourErr.begin(), ourErr.end(),
                                        [](const QString &l) { return l.startsWith(QStringLiteral("retort: "))
                                                                      || l.startsWith(QStringLiteral("  caused by")); }),
                         ourErr.end());
            // Python's UserWarnings (a path, then the source line) are not alembic's log
            QStringList theirErr;
            bool skipSource = false;
            for (const QString &l : QString::fromUtf8(a.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (skipSource && l.startsWith(QStringLiteral("  "))) {
                    skipSource = false;
                    continue;
                }
                skipSource = l.startsWith(QLatin1Char('/')) && l.contains(QStringLiteral("Warning: "));
                if (!skipSource)
                    theirErr << l;
            }
            QCOMPARE(ourErr.join(QLatin1Char('\n')), theirErr.join(QLatin1Char('\n')));
            QCOMPARE(cluster.versionRows(ours), cluster.versionRows(twin));
        }
        cluster.dropDatabase(ours);
        cluster.dropDatabase(twin);
    }

    // A statement that fails: exit 1, a FAILED line with the revision, the
    // file and line of the op call, the SQLSTATE and the statement; stderr
    // says the database was left unchanged.
    void failureLine()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        QString err;
        const QString text =
            twoRevisionsUpgrading(dir, QStringLiteral("    op.execute(\"ALTER TABLE missing ADD COLUMN x int\")"), &err);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const int line = int(text.left(text.indexOf(QStringLiteral("op.execute"))).count(QLatin1Char('\n'))) + 1;
        const QString db = cluster.createDatabase(QStringLiteral("cli_fail"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const ProcessResult r = runRetort({QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"),
                                           QStringLiteral("upgrade"), QStringLiteral("heads")},
                                          dir, env(cluster.url(db)));
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(QStringLiteral("FAILED: revision 002 (")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("002_revision_2.py:%1)").arg(line)), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("relation \"missing\" does not exist [SQLSTATE 42P01]")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("statement: ALTER TABLE missing ADD COLUMN x int")), qPrintable(out));
        QVERIFY2(r.err.contains("nothing was changed"), r.err.constData());
        QCOMPARE(cluster.versionRows(db), QStringList());
        cluster.dropDatabase(db);
    }

    // A failure after an autocommit block (a hostile try: "nothing was
    // changed: the transaction was rolled back" while the block had committed
    // the step before it and its own CREATE TABLE stayed): stderr says what
    // stays.
    void failureAfterAnAutocommitBlock()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        QString err;
        twoRevisionsUpgrading(dir,
                              QStringLiteral("    with op.get_context().autocommit_block():\n"
                                             "        op.execute(\"CREATE TABLE stays (x int)\")\n"
                                             "        op.execute(\"SELECT 1/0\")"),
                              &err);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString db = cluster.createDatabase(QStringLiteral("cli_autocommit"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const ProcessResult r = runRetort({QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"),
                                           QStringLiteral("upgrade"), QStringLiteral("heads")},
                                          dir, env(cluster.url(db)));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("division by zero [SQLSTATE 22012]"), r.out.constData());
        QVERIFY2(!r.err.contains("nothing was changed"), r.err.constData());
        QVERIFY2(r.err.contains("1 statement(s) of an autocommit block ran outside the transaction and stay"),
                 r.err.constData());
        QVERIFY2(r.err.contains("1 of 2 steps were committed"), r.err.constData());
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("001")});
        QCOMPARE(queryRows(cluster, db, QStringLiteral("SELECT count(*) FROM stays")), QStringList{QStringLiteral("0")});
        cluster.dropDatabase(db);
    }

    // reset-local runs on the private cluster's 127.0.0.1 (its postgres is
    // proven to be this machine's): downgrade base, upgrade heads. Refusals:
    // tst_resetlocal.
    void resetLocal()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("cli_reset"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString dir = QFileInfo(analyticsIni()).absolutePath();
        const ProcessResult a = runAlembic(analyticsIni(), {QStringLiteral("upgrade"), QStringLiteral("reporting@head")},
                                           dir, env(cluster.url(db)));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QVERIFY2(cluster.exec(db, QStringLiteral("CREATE TABLE scratch (id int)")), qPrintable(cluster.lastError()));
        const ProcessResult r = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("reset-local")}, dir,
                                          env(cluster.url(db)));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(r.err.contains("Running downgrade b6f04d8c3e52 -> a91d0c6e5b27"), r.err.constData());
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("9b52e1c8f3a6")});

        // the same end state as alembic's upgrade heads on a fresh database
        const QString twin = cluster.createDatabase(QStringLiteral("cli_reset_twin"));
        const ProcessResult b = runAlembic(analyticsIni(), {QStringLiteral("upgrade"), QStringLiteral("heads")}, dir,
                                           env(cluster.url(twin)));
        QVERIFY2(b.ok(), qPrintable(b.describe()));
        QVERIFY2(cluster.exec(twin, QStringLiteral("CREATE TABLE scratch (id int)")), qPrintable(cluster.lastError()));
        QCOMPARE(cluster.schemaDump(db), cluster.schemaDump(twin));
        cluster.dropDatabase(db);
        cluster.dropDatabase(twin);
    }

    // env.py decides where the revisions are kept, or how they are run, in a
    // way Retort cannot read (a version table named at run time, options
    // through **) or does not follow (transactional_ddl=False): upgrade,
    // --sql and current refuse, naming env.py and its line, and write
    // nothing. Retort used the default alembic_version instead: upgrade
    // wrote its rows there, where alembic never looks (exit 0). What it can
    // read it follows per mode, as alembic runs env.py's offline code for
    // --sql and its online code for a database (Retort used the first
    // call's options for both).
    void runOptionsEnvPySets_data()
    {
        QTest::addColumn<QString>("offline");   // added to env.py's offline configure() (line 25)
        QTest::addColumn<QString>("online");    // and to its online one
        QTest::addColumn<QString>("expected");  // after env.py's path on stderr; empty: accepted
        QTest::addColumn<QString>("table");     // accepted: where the online run keeps its rows
        const QString versions = QStringLiteral("alembic_version");
        const auto both = [&versions](const char *name, const QString &option, const QString &expected) {
            QTest::newRow(name) << option << option << expected << versions;
        };
        both("version table named at run time",
             QStringLiteral("version_table=os.environ.get(\"VERSIONS\", \"project_versions\")"),
             QStringLiteral("Retort cannot tell which version table the database keeps its revisions in: "
                            "version_table is not a literal"));
        both("options through **", QStringLiteral("**{}"),
             QStringLiteral("Retort cannot tell which version table the database keeps its revisions in, or how "
                            "alembic would group the migrations in transactions: context.configure(**{})"));
        both("transactional_ddl=False", QStringLiteral("transactional_ddl=False"),
             QStringLiteral("transactional_ddl=False: alembic then runs each migration in a transaction of its own"));
        both("transactional_ddl from a variable", QStringLiteral("transactional_ddl=bool(os.environ.get(\"TDDL\"))"),
             QStringLiteral("Retort cannot tell how alembic would group the migrations in transactions: "
                            "transactional_ddl is not a literal"));
        both("transactional_ddl=True", QStringLiteral("transactional_ddl=True"), QString());
        // no primary key: alembic's INSERT returns nothing (Retort's --sql said RETURNING)
        both("version_table_pk=False", QStringLiteral("version_table_pk=False"), QString());
        // each mode runs its own call: --sql prints one table, upgrade writes
        // the other (Retort used the first call's for both)
        QTest::newRow("one table for --sql, another for a database")
            << QStringLiteral("version_table=\"offline_versions\"") << QStringLiteral("version_table=\"online_versions\"")
            << QString() << QStringLiteral("online_versions");
        // --sql keeps alembic's one transaction around the whole run
        QTest::newRow("transaction per migration online only")
            << QString() << QStringLiteral("transaction_per_migration=True") << QString() << versions;
    }

    void runOptionsEnvPySets()
    {
        QFETCH(QString, offline);
        QFETCH(QString, online);
        QFETCH(QString, expected);
        QFETCH(QString, table);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        const QString err = generateProject(dir, {"--revisions", "2", "--ops", "minimal", "--id-style", "seq", "--seed", "1"});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString envPath = dir + QStringLiteral("/migrations/env.py");
        QFile f(envPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        const QString call = QStringLiteral("target_metadata=target_metadata,\n");
        QCOMPARE(text.count(call), 2);
        const qsizetype first = text.indexOf(call);
        const qsizetype second = text.indexOf(call, first + call.size());
        if (!online.isEmpty())
            text.insert(second + call.size() - 1, QStringLiteral(" ") + online + QLatin1Char(','));
        if (!offline.isEmpty())
            text.insert(first + call.size() - 1, QStringLiteral(" ") + offline + QLatin1Char(','));
        writeFile(envPath, text.toUtf8());
        const QString ini = dir + QStringLiteral("/alembic.ini");
        const QString db = cluster.createDatabase(QStringLiteral("cli_envopts"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));

        const ProcessResult up = runRetort({QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("heads")},
                                           dir, env(cluster.url(db)));
        const ProcessResult sql = runRetort(
            {QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--sql")}, dir,
            env(cluster.url(db)));
        if (expected.isEmpty()) {
            // the same as alembic: its rows online, its text with --sql
            QVERIFY2(up.ok(), qPrintable(up.describe()));
            const QString twin = cluster.createDatabase(QStringLiteral("cli_envopts_twin"));
            const ProcessResult a = runAlembic(ini, {QStringLiteral("upgrade"), QStringLiteral("heads")}, dir,
                                               env(cluster.url(twin)));
            QVERIFY2(a.ok(), qPrintable(a.describe()));
            QCOMPARE(cluster.versionRows(db, table), cluster.versionRows(twin, table));
            QCOMPARE(cluster.versionRows(db, table), QStringList{QStringLiteral("002")});
            const ProcessResult aSql = runAlembic(
                ini, {QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--sql")}, dir, env(cluster.url(twin)));
            QCOMPARE(sql.exitCode, aSql.exitCode);
            QCOMPARE(QString::fromUtf8(sql.out), QString::fromUtf8(aSql.out));
            cluster.dropDatabase(twin);
        } else {
            // the error names env.py (and its line) before what it says
            const QByteArray said = envPath.toUtf8() + ':';
            for (const ProcessResult *r : {&up, &sql}) {
                QVERIFY2(r->error.isEmpty(), qPrintable(r->describe()));
                QCOMPARE(r->exitCode, 1);
                QVERIFY2(r->err.contains(said) && r->err.contains(expected.toUtf8()), qPrintable(r->describe()));
                QVERIFY2(r->out.isEmpty(), r->out.constData());
            }
            // nothing was written: no version table, no revision's work
            QCOMPARE(cluster.schemaDump(db).contains(QStringLiteral("CREATE TABLE")), false);
            const ProcessResult current = runRetort({QStringLiteral("-c"), ini, QStringLiteral("current")}, dir,
                                                    env(cluster.url(db)));
            QVERIFY2(current.exitCode != 0, qPrintable(current.describe()));
            QVERIFY2(current.err.contains(said) && current.err.contains(expected.toUtf8()), qPrintable(current.describe()));
        }
        cluster.dropDatabase(db);
    }

    // While another run holds the migration lock: --no-wait refuses at once
    // and --lock-timeout gives up, both naming the holder's pid (as
    // pg_stat_activity shows it), exit 1, nothing changed.
    void lockedByAnotherRun()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        QString err;
        twoRevisionsUpgrading(dir, QStringLiteral("    op.execute(\"SELECT pg_sleep(6)\")"), &err);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString ini = dir + QStringLiteral("/alembic.ini");
        const LoadedProject project = loadProject(ini);
        QVERIFY2(project.error.isEmpty(), qPrintable(project.error));
        const QString db = cluster.createDatabase(QStringLiteral("cli_lock"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));

        Operation up;
        up.kind = Operation::Kind::Upgrade;
        up.targets = {QStringLiteral("heads")};
        MigrationRunner runner(project.context, clusterSettings(cluster.url(db)), RunOptions());
        Result<RunRequest> request = runner.request(up);
        QVERIFY2(request.ok(), qPrintable(request.error().toString()));
        ExecutorThread holder;
        QSignalSpy done(&holder, &ExecutorThread::finished);
        QVERIFY(holder.start(request.value()));
        int pid = 0;
        QTRY_VERIFY_WITH_TIMEOUT((pid = [&] {
                                     QSqlDatabase c = cluster.open(QStringLiteral("postgres"));
                                     int found = 0;
                                     {
                                         QSqlQuery q(c);
                                         q.prepare(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = ? "
                                                                  "AND query LIKE '%pg_sleep(6)%' AND pid <> pg_backend_pid()"));
                                         q.addBindValue(db);
                                         if (q.exec() && q.next())
                                             found = q.value(0).toInt();
                                     }
                                     const QString name = c.connectionName();
                                     c = QSqlDatabase();
                                     QSqlDatabase::removeDatabase(name);
                                     return found;
                                 }()) != 0,
                                 20000);

        const ProcessResult noWait = runRetort({QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("heads"),
                                                QStringLiteral("--no-wait")},
                                               dir, env(cluster.url(db)));
        QCOMPARE(noWait.exitCode, 1);
        QVERIFY2(noWait.err.contains("not waiting (--no-wait)"), noWait.err.constData());
        QVERIFY2(noWait.err.contains(QStringLiteral("pid %1,").arg(pid).toUtf8()), noWait.err.constData());

        const ProcessResult timeout = runRetort({QStringLiteral("-c"), ini, QStringLiteral("upgrade"),
                                                 QStringLiteral("heads"), QStringLiteral("--lock-timeout"),
                                                 QStringLiteral("200")},
                                                dir, env(cluster.url(db)));
        QCOMPARE(timeout.exitCode, 1);
        QVERIFY2(timeout.err.contains("Timed out (lock_timeout)"), timeout.err.constData());
        QVERIFY2(timeout.err.contains(QStringLiteral("pid %1,").arg(pid).toUtf8()), timeout.err.constData());

        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QVERIFY(done.front().front().value<RunReport>().ok);
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("002")});
        cluster.dropDatabase(db);
    }
};

QTEST_GUILESS_MAIN(TestOnlineCli)
#include "tst_onlinecli.moc"
