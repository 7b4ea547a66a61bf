#include "db/connection.h"
#include "db/connectionsettings.h"

#include <QtTest>

using retort::Connection;
using retort::ConnectionSettings;
using retort::UrlSource;

class TestConnectionSettings : public QObject {
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("hasPassword");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("redacted");

        QTest::newRow("plain") << "postgresql://scott@localhost/test" << "scott" << "" << false << "localhost"
                               << -1 << "test" << "postgresql://scott@localhost/test";
        QTest::newRow("password") << "postgresql://scott:tiger@db.example.com:6543/app" << "scott" << "tiger"
                                  << true << "db.example.com" << 6543 << "app"
                                  << "postgresql://scott:XXXXX@db.example.com:6543/app";
        QTest::newRow("postgres scheme") << "postgres://u:p@h/d" << "u" << "p" << true << "h" << -1 << "d"
                                         << "postgres://u:XXXXX@h/d";
        QTest::newRow("psycopg2") << "postgresql+psycopg2://u@h:5433/d" << "u" << "" << false << "h" << 5433
                                  << "d" << "postgresql+psycopg2://u@h:5433/d";
        QTest::newRow("asyncpg") << "postgresql+asyncpg://u:pw@h/d" << "u" << "pw" << true << "h" << -1 << "d"
                                 << "postgresql+asyncpg://u:XXXXX@h/d";
        QTest::newRow("psycopg") << "postgresql+psycopg://u@h/d" << "u" << "" << false << "h" << -1 << "d"
                                 << "postgresql+psycopg://u@h/d";
        QTest::newRow("pg8000") << "postgresql+pg8000://u@h/d" << "u" << "" << false << "h" << -1 << "d"
                                << "postgresql+pg8000://u@h/d";
        QTest::newRow("percent-encoded password") << "postgresql://u:p%40ss%3Aw%2Fd%25@h/d" << "u" << "p@ss:w/d%"
                                                  << true << "h" << -1 << "d" << "postgresql://u:XXXXX@h/d";
        QTest::newRow("percent-encoded user") << "postgresql://us%40er@h/d" << "us@er" << "" << false << "h" << -1
                                              << "d" << "postgresql://us%40er@h/d";
        QTest::newRow("empty password") << "postgresql://u:@h/d" << "u" << "" << true << "h" << -1 << "d"
                                        << "postgresql://u:@h/d";
        QTest::newRow("ipv6") << "postgresql://u@[::1]:5432/d" << "u" << "" << false << "::1" << 5432 << "d"
                              << "postgresql://u@[::1]:5432/d";
        QTest::newRow("ipv6 no port") << "postgresql://u@[fe80::1]/d" << "u" << "" << false << "fe80::1" << -1
                                      << "d" << "postgresql://u@[fe80::1]/d";
        QTest::newRow("socket in query") << "postgresql://u@/d?host=/var/run/postgresql" << "u" << "" << false
                                         << "/var/run/postgresql" << -1 << "d"
                                         << "postgresql://u@/d?host=%2Fvar%2Frun%2Fpostgresql";
        QTest::newRow("socket percent-encoded") << "postgresql://u@%2Ftmp%2Fpg/d" << "u" << "" << false
                                                << "/tmp/pg" << -1 << "d" << "postgresql://u@%2Ftmp%2Fpg/d";
        QTest::newRow("no user") << "postgresql://localhost/d" << "" << "" << false << "localhost" << -1 << "d"
                                 << "postgresql://localhost/d";
        QTest::newRow("only scheme") << "postgresql://" << "" << "" << false << "" << -1 << "" << "postgresql://";
        QTest::newRow("query sorted") << "postgresql://u@h/d?sslmode=require&application_name=my+app"
                                      << "u" << "" << false << "h" << -1 << "d"
                                      << "postgresql://u@h/d?application_name=my+app&sslmode=require";
        QTest::newRow("port in query") << "postgresql://u@h/d?port=6000" << "u" << "" << false << "h" << 6000
                                       << "d" << "postgresql://u@h/d?port=6000";
        // the query's user, password and database win, as SQLAlchemy's psycopg2 dialect passes them on
        QTest::newRow("user in query") << "postgresql://h/d?user=bob" << "bob" << "" << false << "h" << -1 << "d"
                                       << "postgresql://h/d?user=bob";
        QTest::newRow("query wins over userinfo")
            << "postgresql://scott:tiger@h/d?user=bob&password=tiger2" << "bob" << "tiger2" << true << "h" << -1
            << "d" << "postgresql://scott:XXXXX@h/d?password=XXXXX&user=bob";
        QTest::newRow("password in query only") << "postgresql://u@h/d?password=pw" << "u" << "pw" << true << "h"
                                                << -1 << "d" << "postgresql://u@h/d?password=XXXXX";
        QTest::newRow("dbname in query") << "postgresql://u@h?dbname=app" << "u" << "" << false << "h" << -1
                                         << "app" << "postgresql://u@h?dbname=app";
        QTest::newRow("database in query") << "postgresql://u@h/d?database=other" << "u" << "" << false << "h" << -1
                                           << "other" << "postgresql://u@h/d?database=other";
    }

    void parse()
    {
        QFETCH(QString, url);
        auto r = ConnectionSettings::parse(url);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QTEST(r->user, "user");
        QTEST(r->password, "password");
        QTEST(r->hasPassword, "hasPassword");
        QTEST(r->host, "host");
        QTEST(r->port, "port");
        QTEST(r->database, "database");
        QTEST(r->redacted(), "redacted");
        QVERIFY(!r->redacted().contains(QLatin1String("tiger")));
        QVERIFY(!r->describe().contains(QLatin1String("tiger")));
    }

    void query()
    {
        auto r = ConnectionSettings::parse(QStringLiteral(
            "postgresql://u@h/d?sslmode=verify-full&connect_timeout=3&options=-c%20search_path%3Dapp&"
            "frobnicate=1&application_name=a+b&empty="));
        QVERIFY(r.ok());
        QCOMPARE(r->queryValue(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QCOMPARE(r->queryValue(QStringLiteral("options")), QStringLiteral("-c search_path=app"));
        QCOMPARE(r->queryValue(QStringLiteral("application_name")), QStringLiteral("a b"));
        QCOMPARE(r->unknownParameters(), QStringList{QStringLiteral("frobnicate")});
        QCOMPARE(r->query.size(), 5);  // the blank value is dropped, as parse_qsl does

        auto opts = retort::connectOptionsFor(r.value(), Connection::Options());
        QVERIFY(opts.ok());
        QCOMPARE(opts.value(), QStringLiteral("sslmode=verify-full;connect_timeout=3;"
                                              "options='-c search_path=app';application_name='a b'"));

        auto plain = ConnectionSettings::parse(QStringLiteral("postgresql://u@h/d?host=/tmp/x"));
        QCOMPARE(retort::connectOptionsFor(plain.value(), Connection::Options()).value(),
                 QStringLiteral("connect_timeout=10"));

        // user and database go through QSqlDatabase's own setters, never twice
        auto taken = ConnectionSettings::parse(QStringLiteral("postgresql://h?user=bob&database=app&sslmode=require"));
        QCOMPARE(retort::connectOptionsFor(taken.value(), Connection::Options()).value(),
                 QStringLiteral("connect_timeout=10;sslmode=require"));

        auto semicolon = ConnectionSettings::parse(QStringLiteral("postgresql://u@h/d?options=a%3Bb"));
        QVERIFY(!retort::connectOptionsFor(semicolon.value(), Connection::Options()).ok());
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("mysql") << "mysql://u@h/d";
        QTest::newRow("sqlite") << "sqlite:///x.db";
        QTest::newRow("template") << "driver://user:pass@localhost/dbname";
        QTest::newRow("no scheme") << "localhost/d";
        QTest::newRow("bad port") << "postgresql://u@h:abc/d";
        QTest::newRow("port range") << "postgresql://u@h:70000/d";
        // psycopg2 refuses the database twice (make_dsn), so alembic cannot connect
        QTest::newRow("path and dbname") << "postgresql://u:pass@h/d?dbname=e";
        QTest::newRow("database and dbname") << "postgresql://u@h?database=d&dbname=e";
    }

    void rejects()
    {
        QFETCH(QString, url);
        auto r = ConnectionSettings::parse(url);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), retort::Error::Kind::Config);
        QVERIFY2(!r.error().message().contains(QLatin1String("pass@")), qPrintable(r.error().message()));
    }

    void precedence()
    {
        const QString cli = QStringLiteral("postgresql://a@h/cli");
        const QString env = QStringLiteral("postgresql://a@h/env");
        const QString ini = QStringLiteral("postgresql://a@h/ini");
        auto r = ConnectionSettings::resolve(cli, env, ini);
        QCOMPARE(r->database, QStringLiteral("cli"));
        QCOMPARE(r->source, UrlSource::CommandLine);
        r = ConnectionSettings::resolve(QString(), env, ini);
        QCOMPARE(r->database, QStringLiteral("env"));
        QCOMPARE(r->source, UrlSource::Environment);
        r = ConnectionSettings::resolve(QString(), QString(), ini);
        QCOMPARE(r->database, QStringLiteral("ini"));
        QCOMPARE(r->source, UrlSource::IniFile);
        r = ConnectionSettings::resolve(QString(), QString(), QString());
        QVERIFY(!r.ok());
        r = ConnectionSettings::resolve(QString(), QStringLiteral("mysql://x:secret@h/d"), ini);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message().contains(QLatin1String("DATABASE_URL")));
        QVERIFY(!r.error().message().contains(QLatin1String("secret")));
    }

    void describeNamesHostAndUser()
    {
        auto r = ConnectionSettings::parse(QStringLiteral("postgresql://bob:hunter2@db1:5439/app"));
        const QString d = r->describe();
        QVERIFY(d.contains(QLatin1String("\"db1\"")));
        QVERIFY(d.contains(QLatin1String("5439")));
        QVERIFY(d.contains(QLatin1String("\"bob\"")));
        QVERIFY(!d.contains(QLatin1String("hunter2")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
