#include "db/backup.h"
#include "db/connectionsettings.h"
#include "processrunner.h"
#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using retort::Backup;
using retort::BackupRequest;
using retort::ConnectionSettings;
using retort::Error;
using retort::PgVersion;
using retort::testsupport::runProcess;
using retort::testsupport::TestCluster;

namespace {

ConnectionSettings settingsFor(const QString &url)
{
    auto r = ConnectionSettings::parse(url);
    if (!r)
        qFatal("bad test URL");
    return r.value();
}

// A stand-in pg_dump that only answers --version, as an old client would.
QString writeFakePgDump(const QString &dir, const QString &versionLine)
{
    const QString path = QDir(dir).filePath(QStringLiteral("pg_dump"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write("#!/bin/sh\n"
            "if [ \"$1\" = --version ]; then echo '" + versionLine.toUtf8() + "'; exit 0; fi\n"
            "echo 'fake pg_dump: only --version' >&2; exit 1\n");
    f.close();
    f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return path;
}

// The server's major version, asked through psql (not through the code under test).
QString serverMajor(const TestCluster &cluster)
{
    const auto r = runProcess(QDir(cluster.binDir()).filePath(QStringLiteral("psql")),
                              {QStringLiteral("-h"), cluster.socketDir(), QStringLiteral("-p"),
                               QString::number(cluster.port()), QStringLiteral("-U"), cluster.user(),
                               QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-tAc"),
                               QStringLiteral("SELECT current_setting('server_version_num')::int / 10000")},
                              QString());
    return QString::fromUtf8(r.out).trimmed();
}

} // namespace

class TestBackup : public QObject {
    Q_OBJECT

private slots:
    void parsesVersions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("major");
        QTest::newRow("15") << "15.8 (Debian 15.8-0+deb12u1)" << 150008 << "15";
        QTest::newRow("9.6") << "9.6.24" << 90624 << "9.6";
        QTest::newRow("17devel") << "17devel" << 170000 << "17";
    }
    void parsesVersions()
    {
        QFETCH(QString, text);
        QFETCH(int, number);
        QFETCH(QString, major);
        const PgVersion v = PgVersion::parse(text);
        QCOMPARE(v.number, number);
        QCOMPARE(v.majorString(), major);
    }

    // A real dump of a database with a table and rows, listed by pg_restore.
    void dumpRestoresWithPgRestore()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("backup"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QVERIFY2(cluster.exec(db, QStringLiteral("CREATE TABLE accounts (id int PRIMARY KEY, name text)")),
                 qPrintable(cluster.lastError()));
        QVERIFY2(cluster.exec(db, QStringLiteral("INSERT INTO accounts SELECT g, 'n' || g FROM "
                                                 "generate_series(1, 5000) g")),
                 qPrintable(cluster.lastError()));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        BackupRequest request;
        request.connection = settingsFor(cluster.url(db));
        request.outputFile = dir.filePath(QStringLiteral("before-upgrade.dump"));
        Backup backup;
        qint64 lastProgress = -1;
        auto result = backup.run(request, [&](qint64 bytes) { lastProgress = bytes; });
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result.value().file, request.outputFile);
        QCOMPARE(result.value().size, QFileInfo(request.outputFile).size());
        QVERIFY(result.value().size > 0);
        QCOMPARE(lastProgress, result.value().size);
        QCOMPARE(result.value().database, db);

        // The custom format is what pg_restore reads; its list names the table and its data.
        const auto list = runProcess(QDir(cluster.binDir()).filePath(QStringLiteral("pg_restore")),
                                     {QStringLiteral("--list"), request.outputFile}, QString());
        QVERIFY2(list.ok(), qPrintable(list.describe()));
        const QString toc = QString::fromUtf8(list.out);
        QVERIFY2(toc.contains(QLatin1String("TABLE public accounts")), qPrintable(toc));
        QVERIFY2(toc.contains(QLatin1String("TABLE DATA public accounts")), qPrintable(toc));
        QVERIFY2(toc.contains(QStringLiteral("dbname: %1").arg(db)), qPrintable(toc));

        // Restored into a fresh database, the rows are all there.
        const QString twin = cluster.createDatabase(QStringLiteral("restored"));
        QVERIFY2(!twin.isEmpty(), qPrintable(cluster.lastError()));
        const auto restore = runProcess(QDir(cluster.binDir()).filePath(QStringLiteral("pg_restore")),
                                        {QStringLiteral("-h"), cluster.socketDir(), QStringLiteral("-p"),
                                         QString::number(cluster.port()), QStringLiteral("-U"), cluster.user(),
                                         QStringLiteral("-d"), twin, request.outputFile},
                                        QString());
        QVERIFY2(restore.ok(), qPrintable(restore.describe()));
        QVERIFY(cluster.exec(twin, QStringLiteral("DO $$ BEGIN IF (SELECT count(*) FROM accounts) <> 5000 THEN "
                                                  "RAISE EXCEPTION 'rows missing'; END IF; END $$")));
        cluster.dropDatabase(twin);
        cluster.dropDatabase(db);
    }

    // A wrong password typed by the user gives the server's refusal, never
    // echoes the password, and leaves no file.
    void wrongTypedPasswordIsRefusedWithoutLeaking()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir dir;
        ConnectionSettings s = settingsFor(cluster.url(QStringLiteral("postgres")));
        s.password = QStringLiteral("certainly-wrong");
        s.hasPassword = true;
        BackupRequest request;
        request.connection = s;
        request.outputFile = dir.filePath(QStringLiteral("x.dump"));
        Backup backup;
        auto result = backup.run(request);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().toString().contains(QLatin1String("Password authentication failed")),
                 qPrintable(result.error().toString()));
        QVERIFY(!result.error().toString().contains(QLatin1String("certainly-wrong")));
        QVERIFY(!QFileInfo::exists(request.outputFile));
    }

    // A password the user typed reaches pg_dump only through PGPASSWORD in
    // its environment, never its arguments. A recording pg_dump stands in
    // (the socket trusts local connections, so the password is not checked).
    void typedPasswordGoesToTheEnvironmentOnly()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir dir;
        const QString record = dir.filePath(QStringLiteral("record"));
        const QString path = QDir(dir.path()).filePath(QStringLiteral("pg_dump"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\n"
                    "if [ \"$1\" = --version ]; then echo 'pg_dump (PostgreSQL) 99.1'; exit 0; fi\n"
                    "printf 'ARGS %s\\n' \"$*\" > '" + record.toUtf8() + "'\n"
                    "printf 'PGPASSWORD=%s\\n' \"$PGPASSWORD\" >> '" + record.toUtf8() + "'\n"
                    "for a in \"$@\"; do case $a in --file=*) echo dump > \"${a#--file=}\";; esac; done\n");
            f.close();
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        }
        ConnectionSettings s = settingsFor(QStringLiteral("postgresql://%1:s3cret-typed@/postgres?host=%2&port=%3")
                                               .arg(cluster.user(), cluster.socketDir())
                                               .arg(cluster.port()));
        QVERIFY(s.hasPassword);
        BackupRequest request;
        request.connection = s;
        request.outputFile = dir.filePath(QStringLiteral("out.dump"));
        request.searchDirs = {dir.path()};
        Backup backup;
        auto result = backup.run(request);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QFile f(record);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        const QString args = text.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(args.startsWith(QLatin1String("ARGS --format=custom")), qPrintable(text));
        QVERIFY2(args.contains(QStringLiteral("dbname='postgres'")), qPrintable(text));
        QVERIFY2(!args.contains(QLatin1String("s3cret")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("PGPASSWORD=s3cret-typed")), qPrintable(text));
        QCOMPARE(result.value().size, QFileInfo(request.outputFile).size());
    }

    void oldPgDumpIsRefusedNamingBothVersions()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString major = serverMajor(cluster);
        QVERIFY2(!major.isEmpty(), "psql could not tell the server's version");
        QTemporaryDir dir;
        const QString fake = writeFakePgDump(dir.path(), QStringLiteral("pg_dump (PostgreSQL) 9.6.24"));
        QVERIFY(!fake.isEmpty());

        BackupRequest request;
        request.connection = settingsFor(cluster.url(QStringLiteral("postgres")));
        request.outputFile = dir.filePath(QStringLiteral("old.dump"));
        request.searchDirs = {dir.path()};
        Backup backup;
        auto result = backup.run(request);
        QVERIFY(!result.ok());
        const QString m = result.error().message();
        QVERIFY2(m.contains(QStringLiteral("pg_dump 9.6")), qPrintable(m));
        QVERIFY2(m.contains(QStringLiteral("PostgreSQL %1").arg(major)), qPrintable(m));
        QVERIFY2(m.contains(QLatin1String("older than the server")), qPrintable(m));
        QVERIFY2(m.contains(fake), qPrintable(m));
        QVERIFY(!QFileInfo::exists(request.outputFile));
    }

    void missingPgDumpIsNamed()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir dir;
        BackupRequest request;
        request.connection = settingsFor(cluster.url(QStringLiteral("postgres")));
        request.outputFile = dir.filePath(QStringLiteral("none.dump"));
        request.searchDirs = {dir.path()};
        Backup backup;
        auto result = backup.run(request);
        QVERIFY(!result.ok());
        const QString m = result.error().message();
        QVERIFY2(m.startsWith(QLatin1String("No pg_dump found")), qPrintable(m));
        QVERIFY2(m.contains(dir.path()), qPrintable(m));
        QVERIFY2(m.contains(QStringLiteral("postgresql-client-%1").arg(serverMajor(cluster))), qPrintable(m));
    }

    // The search honours RETORT_PG_BINDIR first: a newer-than-needed
    // candidate there wins over PATH.
    void bindirFromEnvironmentComesFirst()
    {
        QTemporaryDir dir;
        qputenv("RETORT_PG_BINDIR", dir.path().toUtf8());
        const QStringList dirs = retort::defaultPgDumpSearchDirs();
        qunsetenv("RETORT_PG_BINDIR");
        QVERIFY(!dirs.isEmpty());
        QCOMPARE(dirs.first(), dir.path());
    }

    void cancelStopsAndRemovesTheFile()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir dir;
        BackupRequest request;
        request.connection = settingsFor(cluster.url(QStringLiteral("postgres")));
        request.outputFile = dir.filePath(QStringLiteral("cancelled.dump"));
        Backup backup;
        // Cancelled from the progress callback once pg_dump is running.
        bool sawProgress = false;
        auto result = backup.run(request, [&](qint64) {
            sawProgress = true;
            backup.cancel();
        });
        QVERIFY(sawProgress);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Cancelled);
        QVERIFY(!QFileInfo::exists(request.outputFile));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
