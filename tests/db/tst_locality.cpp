// Where a connection really goes (classifyLocality): decided from libpq's
// socket and the server's backend process, never from the URL's text. A
// server in its own PID and mount namespaces and a plain TCP forwarder both
// sit on 127.0.0.1 and are not this machine's; the private cluster is, over
// its Unix socket and over TCP.
#include "db/connection.h"
#include "db/locality.h"
#include "foreignserver.h"
#include "testcluster.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

// The connection's locality, or an error text in `error`.
Locality localityOf(const QString &url, QString *error)
{
    Result<ConnectionSettings> settings = ConnectionSettings::parse(url);
    if (!settings) {
        *error = settings.error().toString();
        return {};
    }
    Result<std::unique_ptr<Connection>> c = Connection::open(settings.value());
    if (!c) {
        *error = c.error().toString();
        return {};
    }
    return classifyLocality(c.value()->database());
}

// Sets environment variables for one scope.
class ScopedEnv {
public:
    ScopedEnv(std::initializer_list<std::pair<const char *, QString>> vars)
    {
        for (const auto &[name, value] : vars) {
            m_saved.append({name, qgetenv(name), qEnvironmentVariableIsSet(name)});
            qputenv(name, value.toLocal8Bit());
        }
    }
    ~ScopedEnv()
    {
        for (const auto &s : m_saved) {
            if (s.wasSet)
                qputenv(s.name, s.value);
            else
                qunsetenv(s.name);
        }
    }

private:
    struct Saved {
        const char *name;
        QByteArray value;
        bool wasSet;
    };
    QList<Saved> m_saved;
};

} // namespace

class TestLocality : public QObject {
    Q_OBJECT

private slots:
    void privateClusterIsLocal()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QString error;
        const Locality socket = localityOf(
            QStringLiteral("postgresql://%1@/postgres?host=%2&port=%3").arg(cluster.user(), cluster.socketDir()).arg(cluster.port()), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(socket.local, qPrintable(socket.describe()));
        QVERIFY2(socket.where.contains(cluster.socketDir() + QStringLiteral("/.s.PGSQL.")), qPrintable(socket.where));

        const Locality tcp = localityOf(cluster.url(QStringLiteral("postgres")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(tcp.local, qPrintable(tcp.describe()));
        QCOMPARE(tcp.where, QStringLiteral("127.0.0.1:%1").arg(cluster.port()));
        QVERIFY2(tcp.reason.contains(QLatin1String("postgres backend")), qPrintable(tcp.reason));
    }

    // What an SSH tunnel does: the process at the other end is the forwarder.
    void forwarderIsNotLocal()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        TcpForwarder forwarder(cluster.port());
        QVERIFY2(forwarder.start(), qPrintable(forwarder.error()));
        QString error;
        const Locality l = localityOf(QStringLiteral("postgresql://%1@127.0.0.1:%2/postgres")
                                          .arg(cluster.user())
                                          .arg(forwarder.port()),
                                      &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!l.local, qPrintable(l.describe()));
        QCOMPARE(l.where, QStringLiteral("127.0.0.1:%1").arg(forwarder.port()));
        QVERIFY2(l.reason.contains(QStringLiteral("(pid %1)").arg(forwarder.pid())), qPrintable(l.reason));
        QVERIFY2(l.reason.contains(QLatin1String("python3")), qPrintable(l.reason));
        QVERIFY2(l.describe().contains(QStringLiteral("127.0.0.1:%1 is not proven local").arg(forwarder.port())),
                 qPrintable(l.describe()));
    }

    // A server in its own namespaces, reached every way libpq allows.
    void namespacedServerIsNotLocal()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        ForeignServer foreign(cluster.binDir());
        QVERIFY2(foreign.start(), qPrintable(foreign.error()));
        QString error;

        const Locality byUrl = localityOf(foreign.url(QStringLiteral("postgres")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!byUrl.local, qPrintable(byUrl.describe()));
        QVERIFY2(byUrl.reason.contains(QLatin1String("another PID namespace")), qPrintable(byUrl.reason));

        {
            ScopedEnv env({{"PGHOST", QStringLiteral("127.0.0.1")}, {"PGPORT", QString::number(foreign.port())}});
            const Locality byEnv = localityOf(QStringLiteral("postgresql://retort@/postgres"), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(!byEnv.local, qPrintable(byEnv.describe()));
            QCOMPARE(byEnv.where, QStringLiteral("127.0.0.1:%1").arg(foreign.port()));
        }
        {
            QTemporaryDir dir;
            const QString services = dir.filePath(QStringLiteral("pg_service.conf"));
            QVERIFY(foreign.writeServiceFile(services, QStringLiteral("elsewhere")));
            ScopedEnv env({{"PGSERVICEFILE", services}});
            const Locality byService = localityOf(QStringLiteral("postgresql:///?service=elsewhere"), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(!byService.local, qPrintable(byService.describe()));
            QCOMPARE(byService.where, QStringLiteral("127.0.0.1:%1").arg(foreign.port()));
        }
    }
};

QTEST_GUILESS_MAIN(TestLocality)
#include "tst_locality.moc"
