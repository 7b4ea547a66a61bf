// No two processes ever migrate one database at once, whatever happens to
// Retort or its connections:
// - `retort upgrade heads` killed (SIGKILL or SIGTERM) at seeded random
//   points, natively and with every step run by alembic through the bridge,
//   and at once a second `retort upgrade heads`: the second waits for
//   everything the first started (its alembic child and that child's
//   backend) and ends at the heads, with the schema alembic makes; a
//   monitor session never sees two writing transactions at the same time;
// - pg_terminate_backend on Retort's own (lock) connection, natively and
//   while alembic runs, and on alembic's connection: the run stops loudly
//   (non-zero exit, the reason on stderr), and a later run completes.
#include "processrunner.h"
#include "projectfixture.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace retort;
using namespace retort::testsupport;

namespace {

constexpr int kSteps = 4;
constexpr int kGate = 4242;  // an advisory key: held by a test, no transaction id (unlike LOCK TABLE)

// Four revisions, each creating a table and sleeping 0.3 s; natively
// (op.execute) or through op.get_bind(), which only alembic can run. Each
// step is committed alone (transaction_per_migration): an orphan that went
// on migrating would leave its steps behind. Step `gatedStep` (0: none)
// takes the advisory lock kGate after its CREATE TABLE, so a test holding
// kGate stops the run there, in a transaction that has written. The
// alembic.ini path.
QString writeProject(const QString &dir, bool bridged, int gatedStep)
{
    QStringList upgrades;
    for (int i = 1; i <= kSteps; ++i) {
        QStringList sql{QStringLiteral("CREATE TABLE t%1 (id int)").arg(i)};
        if (i == gatedStep)
            sql << QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kGate);
        sql << QStringLiteral("SELECT pg_sleep(0.3)");
        QString body = bridged ? QStringLiteral("bind = op.get_bind()\n") : QString();
        for (const QString &statement : sql)
            body += (bridged ? QStringLiteral("bind.execute(sa.text(\"%1\"))\n") : QStringLiteral("op.execute(\"%1\")\n"))
                        .arg(statement);
        upgrades << body;
    }
    return writeSmallProject(dir, upgrades, true);
}

QProcessEnvironment processEnv(const QString &url)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    const QProcessEnvironment extra = alembicEnv(url);
    for (const QString &k : extra.keys())
        e.insert(k, extra.value(k));
    return e;
}

// A session of the test's own on the database, asking pg_stat_activity.
class Monitor {
public:
    Monitor(const TestCluster &cluster, const QString &db) : m_db(cluster.open(db)), m_name(m_db.connectionName()) {}
    ~Monitor()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_db.isOpen(); }

    // Transactions that have written something (they have an xid), other
    // than this session's.
    int writers()
    {
        const int n = count(QStringLiteral("backend_xid IS NOT NULL"));
        m_maxWriters = qMax(m_maxWriters, n);
        return n;
    }
    int maxWriters() const { return m_maxWriters; }

    int count(const QString &condition)
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                   "AND pid <> pg_backend_pid() AND ")
                    + condition)
            || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    // Holds or lets go of kGate (a session lock: no transaction, so the
    // monitor's view of pg_stat_activity stays fresh).
    bool gate(bool hold)
    {
        QSqlQuery q(m_db);
        return q.exec(QStringLiteral("SELECT pg_advisory_%1(%2)").arg(hold ? "lock" : "unlock").arg(kGate));
    }

    int terminate(const QString &condition)
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
                                   "current_database() AND pid <> pg_backend_pid() AND ")
                    + condition)
            || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private:
    QSqlDatabase m_db;
    QString m_name;
    int m_maxWriters = 0;
};

const QString kRetortSession = QStringLiteral("application_name LIKE 'retort %'");
const QString kBridgeSession = QStringLiteral("application_name LIKE 'retort-bridge %'");

} // namespace

class TestLockFaults : public QObject {
    Q_OBJECT

private:
    // Runs `retort upgrade heads` to its end while `monitor` samples the
    // writers; its exit code, or -1 when it did not finish within 120 s.
    int runToEnd(QProcess &p, Monitor &monitor)
    {
        QElapsedTimer t;
        t.start();
        while (p.state() != QProcess::NotRunning && t.elapsed() < 120000) {
            monitor.writers();
            p.waitForFinished(10);
        }
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            return -1;
        }
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    void start(QProcess &p, const QString &dir, const QString &url)
    {
        p.setProcessEnvironment(processEnv(url));
        p.setWorkingDirectory(dir);
        p.setProgram(QStringLiteral(RETORT_BINARY));
        p.setArguments({QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"), QStringLiteral("upgrade"),
                        QStringLiteral("heads")});
        p.start();
        QVERIFY2(p.waitForStarted(30000), qPrintable(p.errorString()));
    }

    // The schema alembic's `upgrade heads` makes on a fresh twin; empty on failure.
    QString alembicSchema(TestCluster &cluster, const QString &dir)
    {
        const QString twin = cluster.createDatabase(QStringLiteral("lockf_twin"));
        if (twin.isEmpty())
            return QString();
        const ProcessResult a = runAlembic(dir + QStringLiteral("/alembic.ini"),
                                           {QStringLiteral("upgrade"), QStringLiteral("heads")}, dir,
                                           alembicEnv(cluster.url(twin)));
        const QString schema = a.ok() ? cluster.schemaDump(twin) : QString();
        if (!a.ok())
            qWarning("alembic: %s", qPrintable(a.describe()));
        cluster.dropDatabase(twin);
        return schema;
    }

    // The database ends at the heads with alembic's schema.
    void atHeads(TestCluster &cluster, const QString &db, const QString &expectedSchema)
    {
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s%1").arg(kSteps)});
        QCOMPARE(cluster.schemaDump(db), expectedSchema);
    }

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    void killedMidRun_data()
    {
        QTest::addColumn<bool>("bridged");
        QTest::newRow("native") << false;
        QTest::newRow("bridged") << true;
    }
    void killedMidRun()
    {
        QFETCH(bool, bridged);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QVERIFY(!writeProject(tmp.path(), bridged, 0).isEmpty());
        const QString expectedSchema = alembicSchema(cluster, tmp.path());
        QVERIFY(!expectedSchema.isEmpty());
        QRandomGenerator random(20261206u + (bridged ? 1u : 0u));
        const QString blocked = (bridged ? kBridgeSession : kRetortSession) + QStringLiteral(" AND wait_event_type = 'Lock'");
        for (int point = 0; point < 3; ++point) {
            // the point: a seeded step, stopped at the gate inside its
            // transaction, and a seeded moment after that
            const int step = 1 + int(random.bounded(kSteps - 1));
            const int delayMs = int(random.bounded(500));
            const int signal = point == 2 ? SIGTERM : SIGKILL;
            const QString what = QStringLiteral("%1 in step %2 + %3 ms").arg(signal == SIGKILL ? "SIGKILL" : "SIGTERM").arg(step).arg(delayMs);
            const QString dir = tmp.path() + QStringLiteral("/p%1").arg(point);
            QVERIFY(!writeProject(dir, bridged, step).isEmpty());
            const QString db = cluster.createDatabase(QStringLiteral("lockf_kill"));
            QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
            Monitor monitor(cluster, db);
            QVERIFY(monitor.isOpen());
            QVERIFY(monitor.gate(true));
            {
                QProcess first, second;
                start(first, dir, cluster.url(db));
                QTRY_VERIFY_WITH_TIMEOUT(monitor.count(blocked) == 1 || first.state() == QProcess::NotRunning, 120000);
                QVERIFY2(first.state() != QProcess::NotRunning, qPrintable(what + QStringLiteral(": the run ended first")));
                QTest::qWait(delayMs);
                ::kill(pid_t(first.processId()), signal);
                QVERIFY(first.waitForFinished(10000));
                // A second run must not write beside what the first left
                // running; it waits until that has ended.
                start(second, dir, cluster.url(db));
                // It says it waits (for the migration lock or the child key),
                // trying again and again without blocking in a statement.
                QByteArray said;
                QElapsedTimer t;
                t.start();
                while (monitor.writers() < 2 && !said.contains("Waiting for") && second.state() != QProcess::NotRunning
                       && t.elapsed() < 120000) {
                    second.waitForFinished(10);
                    said += second.readAllStandardOutput() + second.readAllStandardError();
                }
                QVERIFY(monitor.gate(false));
                const int exit = runToEnd(second, monitor);
                said += second.readAllStandardOutput() + second.readAllStandardError();
                QVERIFY2(exit == 0, qPrintable(what + QStringLiteral(": the second run exited %1: %2")
                                                          .arg(exit)
                                                          .arg(QString::fromUtf8(said))));
            }
            // nothing of the first run goes on after the second ended
            QTRY_COMPARE_WITH_TIMEOUT(monitor.count(kBridgeSession), 0, 30000);
            QVERIFY2(monitor.maxWriters() <= 1,
                     qPrintable(what + QStringLiteral(": %1 transactions wrote at once").arg(monitor.maxWriters())));
            atHeads(cluster, db, expectedSchema);
            if (QTest::currentTestFailed())
                qWarning("%s", qPrintable(what));
            QVERIFY(cluster.dropDatabase(db));
        }
    }

    void terminatedConnection_data()
    {
        QTest::addColumn<bool>("bridged");
        QTest::addColumn<QString>("victim");  // which session's backend is terminated
        QTest::addColumn<QString>("expected");  // on stderr
        QTest::newRow("native, Retort's connection") << false << kRetortSession << QStringLiteral("connection to the database was lost");
        QTest::newRow("bridged, Retort's lock connection") << true << kRetortSession << QStringLiteral("was lost");
        QTest::newRow("bridged, alembic's connection") << true << kBridgeSession << QStringLiteral("terminat");
    }
    void terminatedConnection()
    {
        QFETCH(bool, bridged);
        QFETCH(QString, victim);
        QFETCH(QString, expected);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        QVERIFY(!writeProject(dir, bridged, 2).isEmpty());
        const QString expectedSchema = alembicSchema(cluster, dir);
        QVERIFY(!expectedSchema.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("lockf_term"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        Monitor monitor(cluster, db);
        QVERIFY(monitor.isOpen());
        // the second step waits at the gate while the monitor holds it
        QVERIFY(monitor.gate(true));
        {
            QProcess run;
            start(run, dir, cluster.url(db));
            const QString atGate = (bridged ? kBridgeSession : kRetortSession) + QStringLiteral(" AND wait_event_type = 'Lock'");
            QTRY_VERIFY_WITH_TIMEOUT(monitor.count(atGate) == 1 || run.state() == QProcess::NotRunning, 120000);
            QVERIFY2(run.state() != QProcess::NotRunning, run.readAllStandardError().constData());
            QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s1")});
            QCOMPARE(monitor.terminate(victim), 1);
            QVERIFY(monitor.gate(false));
            const int exit = runToEnd(run, monitor);
            const QString err = QString::fromUtf8(run.readAllStandardOutput() + run.readAllStandardError());
            QVERIFY2(exit != 0 && exit != -1, qPrintable(QStringLiteral("exit %1: %2").arg(exit).arg(err)));
            QVERIFY2(err.contains(expected, Qt::CaseInsensitive), qPrintable(err));
        }
        QTRY_COMPARE_WITH_TIMEOUT(monitor.count(kBridgeSession), 0, 30000);
        QVERIFY2(monitor.maxWriters() <= 1, qPrintable(QString::number(monitor.maxWriters())));
        // what was committed is consistent: a new run completes it
        const ProcessResult again = runRetort({QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"),
                                               QStringLiteral("upgrade"), QStringLiteral("heads")},
                                              dir, alembicEnv(cluster.url(db)));
        QVERIFY2(again.ok(), qPrintable(again.describe()));
        atHeads(cluster, db, expectedSchema);
        QVERIFY(cluster.dropDatabase(db));
    }
};

QTEST_GUILESS_MAIN(TestLockFaults)
#include "tst_lockfaults.moc"
