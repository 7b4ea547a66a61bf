// `retort check`, `retort drift` and `--rehearse` through the built binary:
// a downgrade that leaves a column behind, a database altered by hand, a
// failing plan rehearsed, and a run killed while its private cluster is up.
#include "processrunner.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace retort::testsupport;

namespace {

const QStringList kUpgrades = usersUpgrades();
const QStringList kDowngrades = usersDowngrades();

const QString kLocksHeader = QStringLiteral(
    "locks per step (pg_locks on the copy before the step's COMMIT; predicted by the lock model):");

QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCheckDrift : public QObject {
    Q_OBJECT

private:
    TestCluster m_cluster;

    // A new database of the test cluster upgraded to `revision` by retort,
    // and the arguments that name it and the test cluster as --scratch-url.
    QStringList targetUpgradedTo(const QString &prefix, const QString &ini, const QString &dir,
                                 const QString &revision, QString *db)
    {
        *db = m_cluster.createDatabase(prefix);
        [&] { QVERIFY2(!db->isEmpty(), qPrintable(m_cluster.lastError())); }();
        const QStringList target = {QStringLiteral("--url"), m_cluster.url(*db), QStringLiteral("--scratch-url"),
                                    m_cluster.url(QStringLiteral("postgres")), QStringLiteral("-c"), ini};
        const ProcessResult up = runRetort(target + QStringList{QStringLiteral("upgrade"), revision}, dir);
        [&] { QVERIFY2(up.ok(), qPrintable(up.describe())); }();
        return target;
    }

    QStringList scratchDatabasesLeft()
    {
        QStringList names;
        QString connection;
        {
            QSqlDatabase db = m_cluster.open(QStringLiteral("postgres"));
            connection = db.connectionName();
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'retort\\_scratch\\_%'"));
            while (q.next())
                names << q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(connection);
        return names;
    }

    // Starts `check --scratch-url` on a project whose step sleeps a minute,
    // and returns once the run has made its scratch database (its name in
    // `database`).
    void startSleepingCheck(QProcess &retort, const QString &ini, const QString &dir, QString *database)
    {
        retort.setWorkingDirectory(dir);
        retort.setReadChannel(QProcess::StandardError);
        retort.start(QStringLiteral(RETORT_BINARY), {QStringLiteral("--scratch-url"), m_cluster.url(QStringLiteral("postgres")),
                                                     QStringLiteral("-c"), ini, QStringLiteral("check")});
        QVERIFY(retort.waitForStarted());
        QByteArray err;
        while (database->isEmpty() && retort.state() == QProcess::Running) {
            retort.waitForReadyRead(1000);
            err += retort.readAllStandardError();
            const QRegularExpressionMatch m =
                QRegularExpression(QStringLiteral("retort: scratch: database (retort_scratch_\\w+) on ")).match(QString::fromUtf8(err));
            if (m.hasMatch())
                *database = m.captured(1);
        }
        QVERIFY2(!database->isEmpty(), err.constData());
    }

private slots:
    void initTestCase() { RETORT_REQUIRE_CLUSTER(m_cluster); }

    // The headline: a downgrade that forgets a column, on the private cluster
    // Retort starts itself.
    void checkNamesTheRevisionWhoseDowngradeLeavesAColumn()
    {
        QTemporaryDir tmp;
        QStringList downgrades = kDowngrades;
        downgrades[1] = QString();  // pass
        const QString ini = writeSmallProject(tmp.path(), kUpgrades, false, downgrades);
        QVERIFY(!ini.isEmpty());
        const ProcessResult r = runRetort({QStringLiteral("-c"), ini, QStringLiteral("check")}, tmp.path());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.describe()));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(lines(r.out),
                 (QStringList{QStringLiteral("revision s2 (%1/migrations/versions/s2.py): its downgrade leaves a trace: "
                                             "after its upgrade and downgrade the schema differs from the one before")
                                  .arg(tmp.path()),
                              QStringLiteral("  column users.email added")}));
        const QStringList err = lines(r.err);
        QVERIFY2(err.value(0).startsWith(QLatin1String("retort: scratch: private PostgreSQL ")), qPrintable(r.err));
        QVERIFY2(err.contains(QStringLiteral("retort: check [1/3] s1 (s1.py): consistent")), qPrintable(r.err));
        QVERIFY2(!err.join('\n').contains(QLatin1String("[2/3]")), qPrintable(r.err));
        // the cluster's dir is gone
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral(", in (/\\S+)$")).match(err.value(0));
        QVERIFY2(m.hasMatch(), qPrintable(err.value(0)));
        QVERIFY2(!QFileInfo::exists(m.captured(1)), qPrintable(m.captured(1)));
    }

    void checkNamesAnUpgradeAgainThatDiffers()
    {
        QTemporaryDir tmp;
        // the index's name counts the upgrades run so far: the second upgrade
        // makes another index than the first (data the downgrade keeps)
        QStringList upgrades = kUpgrades;
        upgrades[0] += QStringLiteral("\nop.execute('CREATE TABLE runs (n int)')");
        upgrades[2] = QStringLiteral(
            "op.execute('INSERT INTO runs VALUES (1)')\n"
            "op.execute(\"DO $$ BEGIN EXECUTE format('CREATE INDEX ix_users_name_%s ON users (name)', "
            "(SELECT count(*) FROM runs)); END $$\")");
        QStringList downgrades = kDowngrades;
        downgrades[0] += QStringLiteral("\nop.execute('DROP TABLE runs')");
        downgrades[2] = QStringLiteral(
            "op.execute(\"DO $$ DECLARE i text; BEGIN FOR i IN SELECT indexname FROM pg_indexes WHERE indexname "
            "LIKE 'ix_users_name_%' LOOP EXECUTE 'DROP INDEX ' || i; END LOOP; END $$\")");
        const QString ini = writeSmallProject(tmp.path(), upgrades, false, downgrades);
        const ProcessResult r = runRetort({QStringLiteral("--scratch-url"), m_cluster.url(QStringLiteral("postgres")),
                                           QStringLiteral("-c"), ini, QStringLiteral("check")},
                                          tmp.path());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(lines(r.out),
                 (QStringList{QStringLiteral("revision s3 (%1/migrations/versions/s3.py): upgrading it again after its "
                                             "downgrade gives another schema than its first upgrade")
                                  .arg(tmp.path()),
                              QStringLiteral("  index ix_users_name_1 dropped"),
                              QStringLiteral("  index ix_users_name_2 added")}));
    }

    void checkPassesAConsistentProjectAndDropsItsDatabase()
    {
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), kUpgrades, false, kDowngrades);
        const ProcessResult r = runRetort({QStringLiteral("--scratch-url"), m_cluster.url(QStringLiteral("postgres")),
                                           QStringLiteral("-c"), ini, QStringLiteral("check")},
                                          tmp.path());
        QVERIFY2(r.ok(), qPrintable(r.describe() + QString::fromUtf8(r.out)));
        QCOMPARE(lines(r.out), QStringList{QStringLiteral("3 revisions checked: each downgrade undoes its upgrade, "
                                                          "and upgrading again gives the same schema")});
        const QStringList err = lines(r.err);
        QVERIFY2(err.value(0).startsWith(QLatin1String("retort: scratch: database retort_scratch_")), qPrintable(r.err));
        QCOMPARE(err.mid(1), (QStringList{QStringLiteral("retort: check [1/3] s1 (s1.py): consistent"),
                                          QStringLiteral("retort: check [2/3] s2 (s2.py): consistent"),
                                          QStringLiteral("retort: check [3/3] s3 (s3.py): consistent")}));
        QCOMPARE(scratchDatabasesLeft(), QStringList());
        // a range: s2 is applied unchecked, s3 checked
        const ProcessResult range = runRetort({QStringLiteral("--scratch-url"), m_cluster.url(QStringLiteral("postgres")),
                                               QStringLiteral("-c"), ini, QStringLiteral("check"), QStringLiteral("s2:s3")},
                                              tmp.path());
        QVERIFY2(range.ok(), qPrintable(range.describe()));
        QCOMPARE(lines(range.err).mid(1), QStringList{QStringLiteral("retort: check [1/1] s3 (s3.py): consistent")});
    }

    void checkFailsWhenADowngradeFails()
    {
        QTemporaryDir tmp;
        QStringList downgrades = kDowngrades;
        downgrades[1] = QStringLiteral("op.drop_column('users', 'mail')");
        const QString ini = writeSmallProject(tmp.path(), kUpgrades, false, downgrades);
        const ProcessResult r = runRetort({QStringLiteral("--scratch-url"), m_cluster.url(QStringLiteral("postgres")),
                                           QStringLiteral("-c"), ini, QStringLiteral("check")},
                                          tmp.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("revision s2 (")), qPrintable(r.out));
        QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("its downgrade failed")), qPrintable(r.out));
        QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("42703")), qPrintable(r.out));
        QCOMPARE(scratchDatabasesLeft(), QStringList());
    }

    void checkErrorsExit255()
    {
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), kUpgrades, false, kDowngrades);
        const ProcessResult r = runRetort({QStringLiteral("--scratch-url"), m_cluster.url(QStringLiteral("postgres")),
                                           QStringLiteral("-c"), ini, QStringLiteral("check"), QStringLiteral("nope")},
                                          tmp.path());
        QCOMPARE(r.exitCode, 255);
        QCOMPARE(lines(r.out), QStringList{QStringLiteral("FAILED: Can't locate revision identified by 'nope'")});
        const ProcessResult bad = runRetort({QStringLiteral("--scratch-url"), QStringLiteral("postgresql://retort@/x?host=/nonexistent"),
                                             QStringLiteral("-c"), ini, QStringLiteral("check")},
                                            tmp.path());
        QCOMPARE(bad.exitCode, 255);
        QVERIFY2(lines(bad.out).value(0).startsWith(QStringLiteral("FAILED: ")), qPrintable(bad.out));
    }

    void driftNamesHandMadeChanges()
    {
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), kUpgrades, false, kDowngrades);
        QString db;
        const QStringList target =
            targetUpgradedTo(QStringLiteral("drift"), ini, tmp.path(), QStringLiteral("heads"), &db);
        if (QTest::currentTestFailed())
            return;

        const ProcessResult clean = runRetort(target + QStringList{QStringLiteral("drift")}, tmp.path());
        QVERIFY2(clean.ok(), qPrintable(clean.describe() + QString::fromUtf8(clean.out)));
        QVERIFY2(lines(clean.out).value(0).startsWith(QLatin1String("no drift: ")), qPrintable(clean.out));

        QVERIFY(m_cluster.exec(db, QStringLiteral("ALTER TABLE users ADD COLUMN note text")));
        QVERIFY(m_cluster.exec(db, QStringLiteral("DROP INDEX ix_users_name")));
        QVERIFY(m_cluster.exec(db, QStringLiteral("CREATE INDEX \"Weird \"\"Idx\"\"\" ON users (email)")));
        QVERIFY(m_cluster.exec(db, QStringLiteral("ALTER TABLE users ALTER COLUMN name SET NOT NULL")));
        const ProcessResult drift = runRetort(target + QStringList{QStringLiteral("drift")}, tmp.path());
        QCOMPARE(drift.exitCode, 1);
        QCOMPARE(lines(drift.out).mid(1), (QStringList{QStringLiteral("  column users.name changed: nullable -> NOT NULL"),
                                                       QStringLiteral("  column users.note added"),
                                                       QStringLiteral("  index \"Weird \"\"Idx\"\"\" added"),
                                                       QStringLiteral("  index ix_users_name dropped")}));
        QVERIFY2(lines(drift.out).value(0).startsWith(QLatin1String("drift: ")), qPrintable(drift.out));
        QVERIFY2(lines(drift.out).value(0).contains(QLatin1String("version rows (s3)")), qPrintable(drift.out));

        // at s2 by its rows, the index is expected missing and the column is still extra
        QVERIFY(m_cluster.exec(db, QStringLiteral("UPDATE alembic_version SET version_num = 's2'")));
        const ProcessResult atS2 = runRetort(target + QStringList{QStringLiteral("drift")}, tmp.path());
        QCOMPARE(atS2.exitCode, 1);
        QCOMPARE(lines(atS2.out).mid(1), (QStringList{QStringLiteral("  column users.name changed: nullable -> NOT NULL"),
                                                      QStringLiteral("  column users.note added"),
                                                      QStringLiteral("  index \"Weird \"\"Idx\"\"\" added")}));
        QCOMPARE(scratchDatabasesLeft(), QStringList());
        m_cluster.dropDatabase(db);
    }

    // The plan runs on a copy; the target is the same, byte for byte, after.
    void rehearseReportsTheFailingStatementAndLeavesTheTargetAlone()
    {
        QTemporaryDir tmp;
        QStringList upgrades = kUpgrades;
        upgrades[2] = QStringLiteral("op.create_index('ix_users_nope', 'users', ['nope'])");
        const QString ini = writeSmallProject(tmp.path(), upgrades, false, kDowngrades);
        QString db;
        const QStringList target =
            targetUpgradedTo(QStringLiteral("rehearse"), ini, tmp.path(), QStringLiteral("s1"), &db);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_cluster.exec(db, QStringLiteral("INSERT INTO users (name) VALUES ('ada')")));
        const QString schemaBefore = m_cluster.schemaDump(db);
        QVERIFY2(!schemaBefore.isEmpty(), qPrintable(m_cluster.lastError()));

        const ProcessResult r = runRetort(
            target + QStringList{QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--rehearse")},
            tmp.path());
        QCOMPARE(r.exitCode, 1);
        const QStringList out = lines(r.out);
        QVERIFY2(out.value(0).startsWith(QLatin1String("rehearsal of upgrade heads on a copy of ")), qPrintable(r.out));
        QVERIFY2(out.value(0).endsWith(QLatin1String("(version rows: s1):")), qPrintable(r.out));
        QVERIFY2(out.value(1).startsWith(QLatin1String("  s2 ")), qPrintable(r.out));
        QVERIFY2(out.value(1).endsWith(QLatin1String(" ms  ALTER TABLE users ADD COLUMN email VARCHAR(100)")),
                 qPrintable(r.out));
        // the failing statement is the last one listed, before the locks
        const int locks = out.indexOf(kLocksHeader);
        QVERIFY2(locks > 0, qPrintable(r.out));
        QVERIFY2(out.value(locks - 1).startsWith(QLatin1String("  s3 ")), qPrintable(r.out));
        QVERIFY2(out.value(locks - 1).endsWith(QLatin1String(" ms  CREATE INDEX ix_users_nope ON users (nope)")),
                 qPrintable(r.out));
        QCOMPARE(out.mid(locks + 1, 2),
                 (QStringList{QStringLiteral("  s2           users: took AccessExclusiveLock, predicted AccessExclusiveLock"),
                              QStringLiteral("  s3           not reached")}));
        QVERIFY2(out.value(out.size() - 2).startsWith(QLatin1String("rehearsal failed: revision s3 (")),
                 qPrintable(r.out));
        QVERIFY2(out.value(out.size() - 2).contains(QLatin1String("[SQLSTATE 42703]; statement: CREATE INDEX "
                                                                  "ix_users_nope ON users (nope)")),
                 qPrintable(r.out));
        QVERIFY2(out.last().endsWith(QLatin1String(" was not touched")), qPrintable(r.out));

        const ProcessResult good = runRetort(
            target + QStringList{QStringLiteral("upgrade"), QStringLiteral("s2"), QStringLiteral("--rehearse")},
            tmp.path());
        QVERIFY2(good.ok(), qPrintable(good.describe() + QString::fromUtf8(good.out)));
        QVERIFY2(lines(good.out).last().startsWith(QLatin1String("rehearsal passed: 1 steps, 2 statements in ")),
                 qPrintable(good.out));

        QCOMPARE(m_cluster.schemaDump(db), schemaBefore);
        QCOMPARE(m_cluster.versionRows(db), QStringList{QStringLiteral("s1")});
        QCOMPARE(scratchDatabasesLeft(), QStringList());
        m_cluster.dropDatabase(db);
    }

    // Per step, the locks pg_locks shows the rehearsal's session holding
    // before the step's COMMIT, beside the lock model's prediction: a lock
    // taken inside a DO block is invisible to the model and says so.
    void rehearseReportsTheLocksEachStepTook()
    {
        QTemporaryDir tmp;
        QStringList upgrades = kUpgrades;
        upgrades << QStringLiteral("op.execute(\"DO $$ BEGIN EXECUTE 'LOCK TABLE users IN EXCLUSIVE MODE'; END $$\")");
        const QString ini = writeSmallProject(tmp.path(), upgrades, true, kDowngrades);
        QString db;
        const QStringList target =
            targetUpgradedTo(QStringLiteral("rehearse_locks"), ini, tmp.path(), QStringLiteral("s1"), &db);
        if (QTest::currentTestFailed())
            return;
        const ProcessResult r = runRetort(
            target + QStringList{QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--rehearse")},
            tmp.path());
        QVERIFY2(r.ok(), qPrintable(r.describe() + QString::fromUtf8(r.out)));
        const QStringList out = lines(r.out);
        const int locks = out.indexOf(kLocksHeader);
        QVERIFY2(locks > 0, qPrintable(r.out));
        QCOMPARE(out.mid(locks + 1, 4),
                 (QStringList{QStringLiteral("  s2           users: took AccessExclusiveLock, predicted AccessExclusiveLock"),
                              QStringLiteral("  s3           users: took ShareLock, predicted ShareLock"),
                              QStringLiteral("  s4           users: took ExclusiveLock, predicted nothing  (differs)"),
                              out.last()}));
        QVERIFY2(out.last().startsWith(QLatin1String("rehearsal passed: 3 steps")), qPrintable(r.out));
        QCOMPARE(m_cluster.versionRows(db), QStringList{QStringLiteral("s1")});
        QCOMPARE(scratchDatabasesLeft(), QStringList());
        m_cluster.dropDatabase(db);
    }

    // A killed --scratch-url run leaves its database; the next run on that
    // server drops it, and only it: not a live run's, not one Retort did not
    // make, not one made in another boot of the machine.
    void aKilledRunsScratchDatabaseIsDroppedByTheNextRun()
    {
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), {QStringLiteral("op.execute('SELECT pg_sleep(60)')")});
        QVERIFY(!ini.isEmpty());
        QProcess killed;
        QProcess live;
        QString killedDatabase;
        QString liveDatabase;
        startSleepingCheck(killed, ini, tmp.path(), &killedDatabase);
        startSleepingCheck(live, ini, tmp.path(), &liveDatabase);
        if (QTest::currentTestFailed())
            return;
        // Retort's mark for a process of this machine's pid namespace, but in
        // another boot: there a pid proves nothing
        const QString otherBoot =
            QStringLiteral("retort scratch database; made by host=%1 boot=00000000-0000-0000-0000-000000000000 "
                           "pidns=%2 pid=%3 start=1")
                .arg(QSysInfo::machineHostName(),
                     QFileInfo(QStringLiteral("/proc/self/ns/pid")).symLinkTarget().section(QLatin1Char('/'), -1))
                .arg(killed.processId());
        QVERIFY(m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE retort_scratch_other_boot")));
        QVERIFY(m_cluster.exec(QStringLiteral("postgres"),
                               QStringLiteral("COMMENT ON DATABASE retort_scratch_other_boot IS '%1'").arg(otherBoot)));
        QVERIFY(m_cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE retort_scratch_users_own")));
        const qint64 killedPid = killed.processId();
        killed.kill();
        QVERIFY(killed.waitForFinished());

        const QString quick = writeSmallProject(tmp.path() + QStringLiteral("/quick"), kUpgrades, false, kDowngrades);
        const QStringList check = {QStringLiteral("--scratch-url"), m_cluster.url(QStringLiteral("postgres")),
                                   QStringLiteral("-c"), quick, QStringLiteral("check")};
        const ProcessResult next = runRetort(check, tmp.path());
        QVERIFY2(next.ok(), qPrintable(next.describe() + QString::fromUtf8(next.out)));
        const QStringList err = lines(next.err);
        QVERIFY2(err.value(0).startsWith(QStringLiteral("retort: scratch: dropped %1 on ").arg(killedDatabase)),
                 qPrintable(next.err));
        QVERIFY2(err.value(0).endsWith(QStringLiteral(", left by a run that ended without dropping it (process %1 of "
                                                      "this machine)")
                                           .arg(killedPid)),
                 qPrintable(next.err));
        QVERIFY2(err.value(1).startsWith(QLatin1String("retort: scratch: database retort_scratch_")), qPrintable(next.err));
        QStringList left = scratchDatabasesLeft();
        std::sort(left.begin(), left.end());
        QCOMPARE(left, (QStringList{liveDatabase, QStringLiteral("retort_scratch_other_boot"),
                                    QStringLiteral("retort_scratch_users_own")}));
        QVERIFY(live.state() == QProcess::Running);

        // once the other run is killed too, its database goes as well
        live.kill();
        QVERIFY(live.waitForFinished());
        const ProcessResult after = runRetort(check, tmp.path());
        QVERIFY2(after.ok(), qPrintable(after.describe()));
        QVERIFY2(lines(after.err).value(0).startsWith(QStringLiteral("retort: scratch: dropped %1 on ").arg(liveDatabase)),
                 qPrintable(after.err));
        QVERIFY2(lines(after.err).value(1).startsWith(QLatin1String("retort: scratch: database ")), qPrintable(after.err));
        left = scratchDatabasesLeft();
        std::sort(left.begin(), left.end());
        QCOMPARE(left, (QStringList{QStringLiteral("retort_scratch_other_boot"), QStringLiteral("retort_scratch_users_own")}));
        m_cluster.dropDatabase(QStringLiteral("retort_scratch_other_boot"));
        m_cluster.dropDatabase(QStringLiteral("retort_scratch_users_own"));
    }

    // SIGKILL while a step runs on the private cluster: the server, its
    // backends and the temp dir all go.
    void killedRunLeavesNoProcessAndNoDir()
    {
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), {QStringLiteral("op.execute('SELECT pg_sleep(60)')")});
        QProcess retort;
        retort.setWorkingDirectory(tmp.path());
        retort.setReadChannel(QProcess::StandardError);
        retort.start(QStringLiteral(RETORT_BINARY), {QStringLiteral("-c"), ini, QStringLiteral("check")});
        QVERIFY(retort.waitForStarted());
        QString dir;
        QByteArray err;
        while (dir.isEmpty() && retort.state() == QProcess::Running) {
            retort.waitForReadyRead(1000);
            err += retort.readAllStandardError();
            const QRegularExpressionMatch m =
                QRegularExpression(QStringLiteral("retort: scratch: .*, in (/\\S+)\\n")).match(QString::fromUtf8(err));
            if (m.hasMatch())
                dir = m.captured(1);
        }
        QVERIFY2(!dir.isEmpty(), err.constData());
        QFile pidFile(dir + QStringLiteral("/data/postmaster.pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
        QVERIFY(processRunning(postmaster));

        // wait for the step to be running on the scratch cluster
        bool sleeping = false;
        for (int i = 0; i < 600 && !sleeping; ++i) {
            QString connection;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("probe%1").arg(i));
                connection = db.connectionName();
                db.setHostName(dir);
                db.setPort(5432);
                db.setUserName(QStringLiteral("retort"));
                db.setDatabaseName(QStringLiteral("postgres"));
                if (db.open()) {
                    QSqlQuery q(db);
                    sleeping = q.exec(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE query LIKE "
                                                     "'SELECT pg_sleep(60)%'"))
                               && q.next();
                }
            }
            QSqlDatabase::removeDatabase(connection);
            if (!sleeping)
                QThread::msleep(100);
        }
        QVERIFY2(sleeping, "the step never ran");
        const QList<qint64> before = liveProcesses(dir, postmaster) << postmaster;
        QVERIFY2(before.size() >= 3, "expected the supervisor, the postmaster and its children");

        retort.kill();
        QVERIFY(retort.waitForFinished());
        QList<qint64> left = before;
        for (int i = 0; i < 600 && (!left.isEmpty() || QFileInfo::exists(dir)); ++i) {
            QThread::msleep(100);
            left.erase(std::remove_if(left.begin(), left.end(), [](qint64 p) { return !processRunning(p); }), left.end());
        }
        QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("still running: %1").arg(QString::number(left.value(0)))));
        QVERIFY2(!QFileInfo::exists(dir), qPrintable(dir));
        QCOMPARE(liveProcesses(dir, postmaster), QList<qint64>());
    }
};

QTEST_GUILESS_MAIN(TestCheckDrift)
#include "tst_checkdrift.moc"
