// `retort reset-local` drops everything the revisions created: it runs only
// against a PostgreSQL proven to be on this machine, decided from where the
// connection really went. A server in its own PID and mount namespaces on
// 127.0.0.1 (a container's port, an SSH tunnel's end) is refused however it
// is named: URL, PGHOST/PGPORT, service=; so is a TCP forwarder to the
// private cluster. The cluster's own socket is accepted. --force needs the
// database's name.
#include "foreignserver.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

QString analyticsIni()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");
}

QString projectDir()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics");
}

// Whether `url`'s database has any table (reset-local would create them).
int tableCount(const QString &url, QString *error)
{
    const QString name = QStringLiteral("tables-%1").arg(quintptr(&url));
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        const QUrl u(url);
        db.setHostName(u.host());
        db.setPort(u.port());
        db.setUserName(u.userName());
        db.setDatabaseName(u.path().mid(1));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) && q.next())
                n = q.value(0).toInt();
        } else {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

} // namespace

class TestResetLocal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    void namespacedServerRefused()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        ForeignServer foreign(cluster.binDir());
        QVERIFY2(foreign.start(), qPrintable(foreign.error()));
        const QString url = foreign.url(QStringLiteral("postgres"));
        QTemporaryDir tmp;
        const QString serviceFile = tmp.filePath(QStringLiteral("pg_service.conf"));
        QVERIFY(foreign.writeServiceFile(serviceFile, QStringLiteral("elsewhere")));
        struct Way {
            const char *name;
            QStringList args;
            QProcessEnvironment env;
        };
        QProcessEnvironment byEnv = alembicEnv(QStringLiteral("postgresql://retort@/postgres"));
        byEnv.insert(QStringLiteral("PGHOST"), QStringLiteral("127.0.0.1"));
        byEnv.insert(QStringLiteral("PGPORT"), QString::number(foreign.port()));
        QProcessEnvironment byService = alembicEnv(QStringLiteral("postgresql:///?service=elsewhere"));
        byService.insert(QStringLiteral("PGSERVICEFILE"), serviceFile);
        const QList<Way> ways = {
            {"--url", {QStringLiteral("--url"), url}, alembicEnv(QString())},
            {"DATABASE_URL", {}, alembicEnv(url)},
            {"PGHOST/PGPORT", {}, byEnv},
            {"service=", {}, byService},
        };
        for (const Way &way : ways) {
            const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), analyticsIni()} + way.args
                                                  + QStringList{QStringLiteral("reset-local")},
                                              projectDir(), way.env);
            QVERIFY2(r.exitCode == 255, qPrintable(QStringLiteral("%1: %2").arg(way.name, r.describe())));
            const QString out = QString::fromUtf8(r.out);
            QVERIFY2(out.contains(QStringLiteral("127.0.0.1:%1 is not proven local").arg(foreign.port())),
                     qPrintable(QStringLiteral("%1: %2").arg(way.name, out)));
            QVERIFY2(out.contains(QLatin1String("another PID namespace")), qPrintable(out));
            QVERIFY2(out.contains(QLatin1String("--force=postgres")), qPrintable(out));
            QString error;
            QCOMPARE(tableCount(url, &error), 0);
        }

        // --force must name the database; a wrong name is refused too.
        const ProcessResult bare = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("--url"), url,
                                              QStringLiteral("reset-local"), QStringLiteral("--force")},
                                             projectDir());
        QCOMPARE(bare.exitCode, 2);
        QVERIFY2(bare.err.contains("--force=NAME"), bare.err.constData());
        const ProcessResult wrong = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("--url"), url,
                                               QStringLiteral("reset-local"), QStringLiteral("--force=prod")},
                                              projectDir());
        QCOMPARE(wrong.exitCode, 255);
        QVERIFY2(wrong.out.contains("--force names the database \"prod\""), wrong.out.constData());
        QString error;
        QCOMPARE(tableCount(url, &error), 0);

        // Named, it runs there.
        const ProcessResult forced = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("--url"), url,
                                                QStringLiteral("reset-local"), QStringLiteral("--force=postgres")},
                                               projectDir(), alembicEnv(QString()));
        QVERIFY2(forced.ok(), qPrintable(forced.describe()));
        QVERIFY2(tableCount(url, &error) > 1, qPrintable(error));
    }

    // An SSH tunnel's shape: 127.0.0.1 forwarded by another process.
    void forwarderRefusedSocketAccepted()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("reset_fwd"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        TcpForwarder forwarder(cluster.port());
        QVERIFY2(forwarder.start(), qPrintable(forwarder.error()));
        const QString tunnel =
            QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(cluster.user()).arg(forwarder.port()).arg(db);
        const ProcessResult r = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("reset-local")},
                                          projectDir(), alembicEnv(tunnel));
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains(QStringLiteral("is python3").toUtf8())
                     && r.out.contains(QStringLiteral("(pid %1)").arg(forwarder.pid()).toUtf8()),
                 r.out.constData());
        QVERIFY2(!cluster.exec(db, QStringLiteral("SELECT 1 FROM alembic_version")), "reset ran through the tunnel");

        const QString socket =
            QStringLiteral("postgresql://%1@/%2?host=%3&port=%4").arg(cluster.user(), db, cluster.socketDir()).arg(cluster.port());
        const ProcessResult ok = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("reset-local")},
                                           projectDir(), alembicEnv(socket));
        QVERIFY2(ok.ok(), qPrintable(ok.describe()));
        QVERIFY2(!cluster.versionRows(db).isEmpty(), qPrintable(cluster.lastError()));
        cluster.dropDatabase(db);
    }
};

QTEST_GUILESS_MAIN(TestResetLocal)
#include "tst_resetlocal.moc"
