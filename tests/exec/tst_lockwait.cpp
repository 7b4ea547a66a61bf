// A run that waits for a lock says so, naming the session in its way:
// `retort upgrade` while another session holds the migration lock, and while
// another session holds a lock on the table a statement alters. The CLI
// prints one line on stderr with the holder's pid, then finishes once the
// holder lets go.
#include "exec/migrationlock.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

class TestLockWait : public QObject {
    Q_OBJECT

private:
    static void startUpgrade(QProcess &run, const QString &url, const QString &dir, const QString &ini)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DATABASE_URL"), url);
        run.setProcessEnvironment(env);
        run.setWorkingDirectory(dir);
        run.start(QStringLiteral(RETORT_BINARY), {QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("heads")});
    }

    // Starts `retort upgrade heads`, waits until its stderr holds `expected`,
    // lets `release` run in the holder's session, and expects exit 0 with
    // `expected` printed once.
    void waitsNaming(const QString &prepare, const QString &hold, const QString &release, const QString &expected,
                     const QString &upgrade)
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), {upgrade});
        QVERIFY(!ini.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("lockwait"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        if (!prepare.isEmpty())
            QVERIFY2(cluster.exec(db, prepare), qPrintable(cluster.lastError()));
        QString holderName;
        {
            QSqlDatabase holder = cluster.open(db);
            holderName = holder.connectionName();
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
            const int pid = q.value(0).toInt();
            for (const QString &statement : hold.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                QVERIFY2(q.exec(statement), qPrintable(statement));

            QProcess run;
            startUpgrade(run, cluster.url(db), tmp.path(), ini);
            QVERIFY(run.waitForStarted());
            const QString line = QStringLiteral("retort: %1 held by pid %2 (").arg(expected).arg(pid);
            QByteArray err;
            QTRY_VERIFY2_WITH_TIMEOUT((err += run.readAllStandardError(), err.contains(line.toUtf8()))
                                          || run.state() == QProcess::NotRunning,
                                      qPrintable(QString::fromUtf8(err)), 30000);
            QVERIFY2(run.state() == QProcess::Running, err.constData());
            for (const QString &statement : release.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                QVERIFY2(q.exec(statement), qPrintable(statement));
            QVERIFY(run.waitForFinished(30000));
            err += run.readAllStandardError();
            QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0, err.constData());
            QCOMPARE(err.count(line.toUtf8()), 1);
            QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s1")});
            holder.close();
        }
        QSqlDatabase::removeDatabase(holderName);
        QVERIFY(cluster.dropDatabase(db));
    }

private slots:
    void migrationLockHolderNamed()
    {
        const qint64 key = MigrationLock::keyFor(VersionTable());
        waitsNaming(QString(), QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key),
                    QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key),
                    QStringLiteral("waiting for the migration lock"), QStringLiteral("op.execute(\"SELECT 1\")"));
    }

    // A run waiting for the migration lock holds no snapshot: the holder's
    // CREATE INDEX CONCURRENTLY (which waits for every older snapshot in the
    // database) finishes while the run waits. A run blocked in
    // pg_advisory_lock held one: the index build failed with "deadlock
    // detected" when it ran in the session holding the lock (as here, and as
    // in a native run), and waited for ever when it ran in another session
    // of the holder's run (alembic's own connection, in a bridged run).
    void waitingRunHoldsNoSnapshot()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), {QStringLiteral("op.execute(\"SELECT 1\")")});
        QVERIFY(!ini.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("lockcic"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QVERIFY2(cluster.exec(db, QStringLiteral("CREATE TABLE item (id int)")), qPrintable(cluster.lastError()));
        QString holderName;
        {
            QSqlDatabase holder = cluster.open(db);
            holderName = holder.connectionName();
            QSqlQuery q(holder);
            const qint64 key = MigrationLock::keyFor(VersionTable());
            QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key)));

            QProcess run;
            startUpgrade(run, cluster.url(db), tmp.path(), ini);
            QVERIFY(run.waitForStarted());
            QByteArray err;
            QTRY_VERIFY2_WITH_TIMEOUT((err += run.readAllStandardError(), err.contains("waiting for the migration lock"))
                                          || run.state() == QProcess::NotRunning,
                                      qPrintable(QString::fromUtf8(err)), 30000);
            QVERIFY2(run.state() == QProcess::Running, err.constData());

            QVERIFY(q.exec(QStringLiteral("SET statement_timeout = '20s'")));
            QVERIFY2(q.exec(QStringLiteral("CREATE INDEX CONCURRENTLY item_id ON item (id)")),
                     qPrintable(q.lastError().text()));
            QVERIFY2(run.state() == QProcess::Running, err.constData());
            QCOMPARE(cluster.versionRows(db), QStringList());

            QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key)));
            QVERIFY(run.waitForFinished(30000));
            err += run.readAllStandardError();
            QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0, err.constData());
            QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s1")});
            holder.close();
        }
        QSqlDatabase::removeDatabase(holderName);
        QVERIFY(cluster.dropDatabase(db));
    }

    void tableLockHolderNamed()
    {
        waitsNaming(QStringLiteral("CREATE TABLE item (id int)"),
                    QStringLiteral("BEGIN;LOCK TABLE item IN ACCESS EXCLUSIVE MODE"), QStringLiteral("COMMIT"),
                    QStringLiteral("waiting for a lock on item"),
                    QStringLiteral("op.execute(\"ALTER TABLE item ADD COLUMN note text\")"));
    }
};

QTEST_GUILESS_MAIN(TestLockWait)
#include "tst_lockwait.moc"
