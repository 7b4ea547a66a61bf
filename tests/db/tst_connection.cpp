#include "db/connection.h"
#include "db/connectionsettings.h"
#include "db/versionstate.h"
#include "processrunner.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using retort::Connection;
using retort::ConnectionSettings;
using retort::testsupport::TestCluster;
using retort::testsupport::alembicPython;
using retort::testsupport::runProcess;

namespace {

ConnectionSettings settingsFor(const QString &url)
{
    auto r = ConnectionSettings::parse(url);
    if (!r)
        qFatal("bad test URL");
    return r.value();
}

// A TCP port that accepts connections into the kernel's backlog and never
// answers: libpq waits there until connect_timeout.
struct SilentListener {
    int fd = -1;
    int port = 0;
    SilentListener()
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::listen(fd, 16);
        socklen_t len = sizeof a;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
        port = ntohs(a.sin_port);
    }
    ~SilentListener() { ::close(fd); }
};

// A port nobody listens on: bound, then closed.
int refusedPort()
{
    SilentListener l;
    const int p = l.port;
    return p;
}

} // namespace

class TestConnection : public QObject {
    Q_OBJECT

private slots:
    void opensWithPassfile()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        auto c = Connection::open(settingsFor(cluster.url(QStringLiteral("postgres"))));
        QVERIFY2(c.ok(), qPrintable(c.error().toString()));
        QVERIFY(c.value()->database().isOpen());
        QVERIFY(c.value()->connectionName().startsWith(QLatin1String("retort-db-")));
        QVERIFY2(!c.value()->serverVersion().isEmpty(), "no server version");
        auto other = Connection::open(settingsFor(cluster.url(QStringLiteral("postgres"))));
        QVERIFY(other.ok());
        QVERIFY(other.value()->connectionName() != c.value()->connectionName());
    }

    void opensThroughSocket()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QString dir = QString::fromUtf8(QUrl::toPercentEncoding(cluster.socketDir()));
        // concatenated: the %2F of the directory must not meet QString::arg()
        auto s = settingsFor(QStringLiteral("postgresql://") + cluster.user() + QLatin1Char('@') + dir
                             + QLatin1Char(':') + QString::number(cluster.port()) + QStringLiteral("/postgres"));
        QCOMPARE(s.host, cluster.socketDir());
        auto c = Connection::open(s);
        QVERIFY2(c.ok(), qPrintable(c.error().toString()));
        s = settingsFor(QStringLiteral("postgresql+psycopg2://%1@/postgres?host=%2&port=%3&application_name=rt+test")
                            .arg(cluster.user(), cluster.socketDir())
                            .arg(cluster.port()));
        c = Connection::open(s);
        QVERIFY2(c.ok(), qPrintable(c.error().toString()));
        QSqlQuery q(c.value()->database());
        QVERIFY(q.exec(QStringLiteral("SELECT current_setting('application_name')")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("rt test"));
    }

    void wrongPassword()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        auto s = settingsFor(QStringLiteral("postgresql://%1:Wr0ngSecret@%2:%3/postgres")
                                 .arg(cluster.user(), cluster.host())
                                 .arg(cluster.port()));
        auto c = Connection::open(s);
        QVERIFY(!c.ok());
        const retort::Error &e = c.error();
        QCOMPARE(e.kind(), retort::Error::Kind::Database);
        QCOMPARE(e.sqlState(), QStringLiteral("28P01"));
        QVERIFY2(e.message().contains(cluster.user()), qPrintable(e.message()));
        QVERIFY2(e.message().contains(cluster.host()), qPrintable(e.message()));
        QVERIFY2(!e.toString().contains(QLatin1String("Wr0ngSecret")), qPrintable(e.toString()));
    }

    void missingDatabase()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        auto c = Connection::open(settingsFor(cluster.url(QStringLiteral("no_such_db_retort"))));
        QVERIFY(!c.ok());
        QCOMPARE(c.error().sqlState(), QStringLiteral("3D000"));
        QVERIFY2(c.error().message().contains(QLatin1String("\"no_such_db_retort\" does not exist")),
                 qPrintable(c.error().message()));
    }

    void refused()
    {
        const int port = refusedPort();
        auto c = Connection::open(settingsFor(QStringLiteral("postgresql://someone@127.0.0.1:%1/db").arg(port)));
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message().startsWith(QLatin1String("Connection refused")), qPrintable(c.error().message()));
        QVERIFY(c.error().message().contains(QString::number(port)));
        QVERIFY(c.error().message().contains(QLatin1String("127.0.0.1")));
    }

    void timeout()
    {
        SilentListener silent;
        Connection::Options o;
        o.connectTimeoutSeconds = 2;  // libpq's minimum
        QElapsedTimer t;
        t.start();
        auto c = Connection::open(settingsFor(QStringLiteral("postgresql://x@127.0.0.1:%1/db").arg(silent.port)), o);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message().startsWith(QLatin1String("Timed out after 2 s")), qPrintable(c.error().message()));
        QVERIFY2(t.elapsed() < 10000, "the connect timeout was not applied");
    }

    // ?user=, ?password=, ?database= and ?dbname= reach libpq as SQLAlchemy
    // 1.4's psycopg2 dialect passes them: the query wins over the URL's own
    // user and path. Each URL is opened by Retort and by SQLAlchemy itself,
    // and both must land as the same role in the same database.
    void queryParametersAsSqlalchemy()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("qp"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString role = QStringLiteral("%1_role").arg(db);
        const QString secret = QStringLiteral("Qp-%1-pw").arg(QCoreApplication::applicationPid());
        QVERIFY2(cluster.exec(QStringLiteral("postgres"),
                              QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, secret)),
                 qPrintable(cluster.lastError()));
        const QString server = QStringLiteral("%1:%2").arg(cluster.host()).arg(cluster.port());
        const QStringList urls = {
            QStringLiteral("postgresql://%1/%2?user=%3&password=%4").arg(server, db, role, secret),
            // the query's user and password win over user:password@
            QStringLiteral("postgresql://%1:wrong@%2/postgres?password=%3&user=%4&database=%5")
                .arg(cluster.user(), server, secret, role, db),
            QStringLiteral("postgresql+psycopg2://%1/?dbname=%2&user=%3&password=%4").arg(server, db, role, secret),
            // the default user with ?dbname= alone
            QStringLiteral("postgresql://%1@%2?dbname=%3").arg(cluster.user(), server, db),
        };
        QProcessEnvironment env;
        for (int i = 0; i < urls.size(); ++i)
            env.insert(QStringLiteral("RETORT_T_URL_%1").arg(i), urls[i]);
        const QString python = alembicPython();
        QVERIFY2(!python.isEmpty(), "no Python with SQLAlchemy");
        const QString script = QStringLiteral(
            "import json, os, sqlalchemy\n"
            "out = []\n"
            "for i in range(%1):\n"
            "    e = sqlalchemy.create_engine(os.environ['RETORT_T_URL_%d' % i])\n"
            "    with e.connect() as c:\n"
            "        out.append(list(c.exec_driver_sql('SELECT current_user, current_database()').one()))\n"
            "    e.dispose()\n"
            "print(json.dumps(out))\n").arg(urls.size());
        const auto oracle = runProcess(python, {QStringLiteral("-c"), script}, QString(), env);
        QVERIFY2(oracle.ok(), qPrintable(oracle.describe()));
        const QJsonArray expected = QJsonDocument::fromJson(oracle.out).array();
        QCOMPARE(expected.size(), urls.size());
        for (int i = 0; i < urls.size(); ++i) {
            const auto c = Connection::open(settingsFor(urls[i]));
            QVERIFY2(c.ok(), qPrintable(c.error().toString()));
            QSqlQuery q(c.value()->database());
            QVERIFY(q.exec(QStringLiteral("SELECT current_user, current_database()")) && q.next());
            QCOMPARE(QJsonArray({q.value(0).toString(), q.value(1).toString()}), expected[i].toArray());
        }
        QCOMPARE(expected[0].toArray()[0].toString(), role);  // not the default user
        QCOMPARE(expected[1].toArray()[1].toString(), db);
        // psycopg2 refuses a database in the path and in ?dbname= both; so does Retort
        const QString twice = QStringLiteral("postgresql://%1/%2?dbname=postgres").arg(server, db);
        QProcessEnvironment twiceEnv;
        twiceEnv.insert(QStringLiteral("RETORT_T_URL"), twice);
        const auto alembicSide = runProcess(python, {QStringLiteral("-c"),
                                                     QStringLiteral("import os, sqlalchemy\n"
                                                                    "sqlalchemy.create_engine(os.environ['RETORT_T_URL']).connect()\n")},
                                            QString(), twiceEnv);
        QVERIFY2(!alembicSide.ok() && alembicSide.err.contains("you can't specify both 'database' and 'dbname'"),
                 qPrintable(alembicSide.describe()));
        const auto parsed = ConnectionSettings::parse(twice);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message().contains(QLatin1String("?dbname=")), qPrintable(parsed.error().message()));
        cluster.exec(QStringLiteral("postgres"), QStringLiteral("DROP OWNED BY %1").arg(role));
        cluster.dropDatabase(db);
        QVERIFY2(cluster.exec(QStringLiteral("postgres"), QStringLiteral("DROP ROLE %1").arg(role)),
                 qPrintable(cluster.lastError()));
    }

    void versionTable()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("vstate"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        {
            auto c = Connection::open(settingsFor(cluster.url(db)));
            QVERIFY2(c.ok(), qPrintable(c.error().toString()));
            retort::VersionTable plain;
            auto st = retort::readVersionState(c.value()->database(), plain);
            QVERIFY2(st.ok(), qPrintable(st.error().toString()));
            QVERIFY(!st->tableExists);
            QVERIFY(st->isBase());

            QVERIFY(cluster.exec(db, QStringLiteral("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")));
            QVERIFY(cluster.exec(db, QStringLiteral("INSERT INTO alembic_version VALUES ('b'), ('a')")));
            st = retort::readVersionState(c.value()->database(), plain);
            QVERIFY(st->tableExists);
            QCOMPARE(st->rows.size(), 2);

            // A schema and a name needing quotes, as env.py may configure them.
            QVERIFY(cluster.exec(db, QStringLiteral("CREATE SCHEMA \"Meta\"")));
            QVERIFY(cluster.exec(db, QStringLiteral("CREATE TABLE \"Meta\".\"Version\" (version_num varchar(32))")));
            QVERIFY(cluster.exec(db, QStringLiteral("INSERT INTO \"Meta\".\"Version\" VALUES ('x1')")));
            retort::VersionTable odd;
            odd.name = QStringLiteral("Version");
            odd.schema = QStringLiteral("Meta");
            QCOMPARE(odd.qualifiedSql(), QStringLiteral("\"Meta\".\"Version\""));
            st = retort::readVersionState(c.value()->database(), odd);
            QVERIFY2(st.ok(), qPrintable(st.error().toString()));
            QCOMPARE(st->rows, QStringList{QStringLiteral("x1")});
            odd.schema = QStringLiteral("meta");  // case matters once quoted
            st = retort::readVersionState(c.value()->database(), odd);
            QVERIFY(st.ok());
            QVERIFY(!st->tableExists);
        }
        cluster.dropDatabase(db);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
