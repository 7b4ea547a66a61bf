// The one database-error path (db/dberror.h) on the private cluster: what
// PostgreSQL says about a failed statement reaches the Error whole, with its
// SQLSTATE, DETAIL, HINT and position; and `retort` prints it on stderr for
// a failing migration statement (the executor) and a failing read of the
// version table.
#include "db/connection.h"
#include "db/dberror.h"
#include "db/versionstate.h"
#include "processrunner.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

const QString kNoFunctionHint = QStringLiteral(
    "HINT: No function matches the given name and argument types. You might need to add explicit type casts.");

// One revision whose upgrade runs `sql`; the project's alembic.ini path.
QString writeProject(const QString &dir, const QString &sql)
{
    return writeSmallProject(dir, {QStringLiteral("op.execute(\"%1\")").arg(sql)});
}

QProcessEnvironment urlEnv(const QString &url)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("DATABASE_URL"), url);
    e.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    return e;
}

} // namespace

class TestDbError : public QObject {
    Q_OBJECT

private slots:
    // Every field of the server's error, from a statement on a QtSql connection.
    void fieldsOfTheServersError()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("dberr"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QString name;
        {
            QSqlDatabase handle = cluster.open(db);
            name = handle.connectionName();
            QSqlQuery q(handle);
            const QString call = QStringLiteral("SELECT pg_sleep('a', 'b')");
            QVERIFY(!q.exec(call));
            const DbError e = DbError::of(q);
            QCOMPARE(e.sqlState, QStringLiteral("42883"));
            QCOMPARE(e.message, QStringLiteral("function pg_sleep(unknown, unknown) does not exist"));
            QCOMPARE(QStringLiteral("HINT: ") + e.hint, kNoFunctionHint);
            QCOMPARE(e.position, 8);
            const Error error = e.toError(QStringLiteral("Sleeping"), call);
            QCOMPARE(error.toString(),
                     QStringLiteral("(statement at offset 7): Sleeping: function pg_sleep(unknown, unknown) does not "
                                    "exist [SQLSTATE 42883]\n  caused by: %1\n  caused by: while running: %2")
                         .arg(kNoFunctionHint, call));

            QVERIFY(q.exec(QStringLiteral("CREATE TABLE one (id int PRIMARY KEY)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO one VALUES (1)")));
            QVERIFY(!q.exec(QStringLiteral("INSERT INTO one VALUES (1)")));
            const DbError dup = DbError::of(q);
            QCOMPARE(dup.sqlState, QStringLiteral("23505"));
            QCOMPARE(dup.detail, QStringLiteral("Key (id)=(1) already exists."));
            QVERIFY2(dup.toError().toString().contains(QStringLiteral("caused by: DETAIL: Key (id)=(1) already exists.")),
                     qPrintable(dup.toError().toString()));
            handle.close();
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY(cluster.dropDatabase(db));
    }

    // `retort upgrade` whose statement fails with a HINT: the CLI prints the
    // SQLSTATE, the message and the HINT.
    void executorErrorHasHint()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString ini = writeProject(tmp.path(), QStringLiteral("SELECT pg_sleep('a', 'b')"));
        QVERIFY(!ini.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("dberr_exec"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const ProcessResult r = runRetort({QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("heads")},
                                          tmp.path(), urlEnv(cluster.url(db)));
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromUtf8(r.out + r.err);
        QVERIFY2(out.contains(QStringLiteral("function pg_sleep(unknown, unknown) does not exist [SQLSTATE 42883]")),
                 qPrintable(out));
        QVERIFY2(out.contains(kNoFunctionHint), qPrintable(out));
        QVERIFY(cluster.dropDatabase(db));
    }

    // A version table whose column is misspelt: reading it fails, and
    // `retort current` and `retort upgrade` print PostgreSQL's HINT naming
    // the column it has.
    void readErrorHasHint()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString ini = writeProject(tmp.path(), QStringLiteral("SELECT 1"));
        QVERIFY(!ini.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("dberr_read"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QVERIFY2(cluster.exec(db, QStringLiteral("CREATE TABLE alembic_version (version_nu varchar(32))")),
                 qPrintable(cluster.lastError()));
        const QString hint = QStringLiteral("HINT: Perhaps you meant to reference the column \"alembic_version.version_nu\".");
        for (const QStringList &command : {QStringList{QStringLiteral("current")},
                                           QStringList{QStringLiteral("upgrade"), QStringLiteral("heads")}}) {
            const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini} + command, tmp.path(),
                                              urlEnv(cluster.url(db)));
            const QString out = QString::fromUtf8(r.out + r.err);
            QVERIFY2(r.exitCode != 0, qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("column \"version_num\" does not exist")) && out.contains(QStringLiteral("42703")),
                     qPrintable(out));
            QVERIFY2(out.contains(hint), qPrintable(out));
        }
        QVERIFY(cluster.dropDatabase(db));
    }
};

QTEST_GUILESS_MAIN(TestDbError)
#include "tst_dberror.moc"
