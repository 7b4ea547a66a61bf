// No password in argv, settings, child environments that do not need it, or
// error text: the real binary's /proc/PID/cmdline while it waits on a lock,
// the `import alembic` probe's environment, ?password= (which alembic
// accepts) connecting, saved connections' file, and error messages.
#include "bridge/interpreterfinder.h"
#include "db/connection.h"
#include "db/connectionfields.h"
#include "db/connectionsettings.h"
#include "db/pgpassfile.h"
#include "db/pgservicefile.h"
#include "db/savedconnections.h"
#include "processrunner.h"
#include "testcluster.h"

#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

const QString kSecret = QStringLiteral("hunter2-Secret");

QString analyticsIni()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");
}

// The cluster's password, from the PGPASSFILE it wrote.
QString clusterPassword(const TestCluster &cluster)
{
    QFile f(cluster.passFile());
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readLine()).trimmed().section(QLatin1Char(':'), -1);
}

// The child's environment without any password source but the URL.
QProcessEnvironment urlOnlyEnv()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DATABASE_URL"));
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("PGPASSFILE"), QStringLiteral("/nonexistent/pgpass"));
    return env;
}

} // namespace

class TestSecrets : public QObject {
    Q_OBJECT

private slots:
    // While `retort current` waits for a lock the test holds, its argv in
    // /proc shows the URL without the password; then it connects with it.
    void urlPasswordHiddenFromProcessList()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString password = clusterPassword(cluster);
        QVERIFY(!password.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("secret_argv"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QVERIFY(cluster.exec(db, QStringLiteral("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")));
        {
            QSqlDatabase holder = cluster.open(db);
            QVERIFY(holder.isOpen());
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.exec(QStringLiteral("LOCK TABLE alembic_version IN ACCESS EXCLUSIVE MODE")));

            QProcess retort;
            retort.setProcessEnvironment(urlOnlyEnv());
            const QString url = QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
                                    .arg(cluster.user(), password)
                                    .arg(cluster.port())
                                    .arg(db);
            retort.start(QStringLiteral(RETORT_BINARY),
                         {QStringLiteral("-c"), analyticsIni(), QStringLiteral("--url"), url, QStringLiteral("current")});
            QVERIFY(retort.waitForStarted());
            // Bounded wait until it is blocked on our lock: connected, so parsed.
            bool waiting = false;
            for (int i = 0; i < 600 && !waiting && retort.state() == QProcess::Running; ++i) {
                QSqlQuery w(holder);
                waiting = w.exec(QStringLiteral("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = "
                                                "'alembic_version'::regclass"))
                          && w.next() && w.value(0).toInt() > 0;
                if (!waiting)
                    QTest::qWait(100);
            }
            QVERIFY2(waiting, retort.readAllStandardError().constData());
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(retort.processId()));
            QVERIFY(cmdline.open(QIODevice::ReadOnly));
            const QByteArray argv = cmdline.readAll();
            QVERIFY2(!argv.contains(password.toUtf8()), argv.constData());
            QVERIFY2(argv.contains(QStringLiteral("postgresql://%1:").arg(cluster.user()).toUtf8()), argv.constData());
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
            QVERIFY(retort.waitForFinished(120000));
            QVERIFY2(retort.exitCode() == 0, retort.readAllStandardError().constData());
            holder.close();
        }
        cluster.dropDatabase(db);
    }

    // SQLAlchemy hands ?password= to the driver: alembic connects with it, so does Retort.
    void queryPasswordConnects()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString password = clusterPassword(cluster);
        const QString url = QStringLiteral("postgresql://%1@127.0.0.1:%2/postgres?password=%3")
                                .arg(cluster.user())
                                .arg(cluster.port())
                                .arg(password);
        const ProcessResult r = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("--url"), url,
                                           QStringLiteral("current")},
                                          QString(), urlOnlyEnv());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(!r.err.contains("password"), r.err.constData());
        QVERIFY(!r.out.contains(password.toUtf8()) && !r.err.contains(password.toUtf8()));
    }

    // ?user= picks the role, as SQLAlchemy's psycopg2 dialect hands it to
    // libpq: alembic stamps as that role, Retort reads the same state as
    // that role and prints alembic's `current -v`, with the query's
    // password masked where alembic would print it.
    void queryUserChoosesRole()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("secret_role"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString role = db + QStringLiteral("_r");
        QVERIFY2(cluster.exec(QStringLiteral("postgres"),
                              QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, kSecret)),
                 qPrintable(cluster.lastError()));
        QVERIFY(cluster.exec(QStringLiteral("postgres"), QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(db, role)));
        QVERIFY(cluster.exec(db, QStringLiteral("ALTER SCHEMA public OWNER TO %1").arg(role)));
        const QString url = QStringLiteral("postgresql://127.0.0.1:%1/%2?user=%3&password=%4")
                                .arg(cluster.port())
                                .arg(db, role, kSecret);
        QProcessEnvironment env = urlOnlyEnv();
        env.insert(QStringLiteral("DATABASE_URL"), url);
        const QString dir = QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics");
        const ProcessResult stamp = runAlembic(analyticsIni(), {QStringLiteral("stamp"), QStringLiteral("4b1e7f2a9c03")},
                                               dir, env);
        QVERIFY2(stamp.ok(), qPrintable(stamp.describe()));
        QVERIFY(cluster.exec(db, QStringLiteral("DO $$ BEGIN IF (SELECT tableowner FROM pg_tables WHERE tablename = "
                                                "'alembic_version') <> '%1' THEN RAISE 'not stamped as %1'; END IF; "
                                                "END $$")
                                     .arg(role)));
        const ProcessResult alembic = runAlembic(analyticsIni(), {QStringLiteral("current"), QStringLiteral("-v")}, dir, env);
        QVERIFY2(alembic.ok(), qPrintable(alembic.describe()));
        const ProcessResult r = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("--url"), url,
                                           QStringLiteral("current"), QStringLiteral("-v")},
                                          dir, urlOnlyEnv());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray(alembic.out).replace(kSecret.toUtf8(), "XXXXX"));
        QVERIFY(r.out.contains("user=" + role.toUtf8()));
        QVERIFY(!r.out.contains(kSecret.toUtf8()) && !r.err.contains(kSecret.toUtf8()));
        cluster.dropDatabase(db);
        QVERIFY(cluster.exec(QStringLiteral("postgres"), QStringLiteral("DROP ROLE %1").arg(role)));
    }

    // The probe runs `python -c "import alembic"` only: no credentials.
    void interpreterProbeGetsNoCredentials()
    {
        QTemporaryDir dir;
        const QString dump = dir.filePath(QStringLiteral("env.txt"));
        const QString python = dir.filePath(QStringLiteral("python3"));
        QFile script(python);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nenv > \"$RETORT_TEST_ENV_DUMP\"\nexit 0\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("RETORT_TEST_ENV_DUMP", dump.toLocal8Bit());
        qputenv("DATABASE_URL", QStringLiteral("postgresql://me:%1@db.example.com/prod").arg(kSecret).toUtf8());
        qputenv("PGPASSWORD", kSecret.toUtf8());
        const QString failure = InterpreterFinder::check(python);
        qunsetenv("DATABASE_URL");
        qunsetenv("PGPASSWORD");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QFile seen(dump);
        QVERIFY(seen.open(QIODevice::ReadOnly));
        const QByteArray env = seen.readAll();
        QVERIFY2(env.contains("RETORT_TEST_ENV_DUMP="), env.constData());  // it did run
        QVERIFY2(!env.contains(kSecret.toUtf8()), env.constData());
    }

    // Whatever form the password takes in a saved URL, the settings file has none.
    void savedConnectionsStoreNoPassword()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("retort.conf"));
        const QStringList urls = {
            QStringLiteral("postgresql://me:%1@db/shop"),
            QStringLiteral("postgresql://me@db/shop?password=%1"),
            QStringLiteral("postgresql://me@db/shop?sslmode=require&password=%1&connect_timeout=5"),
            QStringLiteral("postgresql://me@db/shop?pass%77ord=%1"),
            QStringLiteral("postgresql://me@db/shop?password=%1&password=%1"),
        };
        QVector<SavedConnection> connections;
        for (const QString &u : urls)
            connections.append({QStringLiteral("c%1").arg(connections.size()), u.arg(kSecret), QStringLiteral("#2da44e")});
        const QString project = SavedConnections::projectKey(QStringLiteral("/srv/shop/alembic.ini"),
                                                             QStringLiteral("/srv/shop/migrations"));
        {
            QSettings settings(file, QSettings::IniFormat);
            SavedConnections::save(settings, project, connections);
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("sslmode=require") && text.contains("connect_timeout=5"), text.constData());
        QVERIFY2(!text.contains(kSecret.toUtf8()), text.constData());
        QSettings settings(file, QSettings::IniFormat);
        for (const SavedConnection &c : SavedConnections::load(settings, project)) {
            Result<ConnectionSettings> s = ConnectionSettings::parse(c.url);
            QVERIFY2(s && !s->hasPassword, qPrintable(c.url));
        }
    }

    // The connection form's conversion, the password file's and the service
    // file's readings: the password is handed back apart, never written into
    // a URL, a keyword list or a note.
    void connectionFormKeepsNoPassword()
    {
        QString password;
        auto fields = ConnectionFields::fromUrl(
            QStringLiteral("postgresql://me:%1@db/shop?sslmode=require&password=%1&connect_timeout=5").arg(kSecret),
            &password);
        QVERIFY(fields);
        QCOMPARE(password, kSecret);
        QVERIFY2(!fields->toUrl().contains(kSecret), qPrintable(fields->toUrl()));
        QVERIFY(!fields->otherParametersText().contains(kSecret));

        QTemporaryDir dir;
        const QString pass = dir.filePath(QStringLiteral("pgpass"));
        QFile f(pass);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("db:5432:shop:me:%1\n").arg(kSecret).toUtf8());
        f.close();
        QProcessEnvironment env;
        env.insert(QStringLiteral("PGPASSFILE"), pass);
        const auto settings = ConnectionSettings::parse(fields->toUrl()).value();
        for (const auto permissions : {QFileDevice::ReadOwner | QFileDevice::WriteOwner,
                                       QFileDevice::ReadOwner | QFileDevice::ReadOther}) {
            QVERIFY(f.setPermissions(permissions));
            const PassFileEntry entry = PassFileEntry::find(settings, env);
            QVERIFY(entry.matches() || !entry.problem.isEmpty());
            QVERIFY(!entry.describe().contains(kSecret) && !entry.problem.contains(kSecret));
        }

        const QString services = dir.filePath(QStringLiteral("services"));
        QFile s(services);
        QVERIFY(s.open(QIODevice::WriteOnly));
        s.write(QStringLiteral("[shop]\nhost=db\npassword=%1\n").arg(kSecret).toUtf8());
        s.close();
        env.insert(QStringLiteral("PGSERVICEFILE"), services);
        const auto keywords = PgServiceFile(env).keywords(QStringLiteral("shop"));
        QCOMPARE(keywords.size(), 1);
        QVERIFY(keywords[0].second != kSecret);

        // Kinds and the keyring flag are saved; the password never is.
        SavedConnection c{QStringLiteral("prod"), QStringLiteral("postgresql://me:%1@db/shop").arg(kSecret),
                          QStringLiteral("#cf222e")};
        c.kind = EnvironmentKind::Production;
        c.passwordInKeyring = true;
        const QString file = dir.filePath(QStringLiteral("retort.conf"));
        {
            QSettings settings(file, QSettings::IniFormat);
            SavedConnections::save(settings, QStringLiteral("k"), {c});
        }
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray text = written.readAll();
        QVERIFY2(text.contains("kind=production") && !text.contains(kSecret.toUtf8()), text.constData());
    }

    // Parse errors, connection errors and the CLI's output name no password.
    void errorTextsNeverShowPassword()
    {
        const QStringList bad = {
            QStringLiteral("notaurl?password=%1"),
            QStringLiteral("postgresql://me:%1@db:99999/shop"),
            QStringLiteral("postgresql://me@db:bad/shop?password=%1"),
            QStringLiteral("mysql://me:%1@db/shop"),
            QStringLiteral("postgresql//me:%1@db/shop?password=%1"),
        };
        for (const QString &u : bad) {
            Result<ConnectionSettings> s = ConnectionSettings::parse(u.arg(kSecret));
            QVERIFY2(!s, qPrintable(u));
            QVERIFY2(!s.error().toString().contains(kSecret), qPrintable(s.error().toString()));
        }

        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        for (const QString &u : {QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/postgres"),
                                 QStringLiteral("postgresql://%1@127.0.0.1:%3/postgres?password=%2")}) {
            const QString url = u.arg(cluster.user(), kSecret).arg(cluster.port());
            Result<ConnectionSettings> s = ConnectionSettings::parse(url);
            QVERIFY(s);
            QVERIFY(!s->redacted().contains(kSecret) && !s->describe().contains(kSecret));
            Result<std::unique_ptr<Connection>> c = Connection::open(s.value());
            QVERIFY(!c);
            QCOMPARE(c.error().sqlState(), QStringLiteral("28P01"));  // the wrong password was sent
            QVERIFY2(!c.error().toString().contains(kSecret), qPrintable(c.error().toString()));
            const ProcessResult r = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("--url"), url,
                                               QStringLiteral("upgrade"), QStringLiteral("heads")},
                                              QString(), urlOnlyEnv());
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(!r.out.contains(kSecret.toUtf8()) && !r.err.contains(kSecret.toUtf8()),
                     qPrintable(r.describe()));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
