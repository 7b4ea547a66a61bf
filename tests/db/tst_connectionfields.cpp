// The connection form's conversion (ConnectionFields): every URL form alembic
// accepts read into fields and written back names the same connection, both
// as Retort hands it to libpq (ConnectionSettings) and as SQLAlchemy 1.4's
// psycopg2 dialect would (the real SQLAlchemy is the oracle).

#include "db/connectionfields.h"
#include "db/connectionsettings.h"
#include "db/pgpassfile.h"
#include "db/pgservicefile.h"

#include "processrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QJsonDocument>
#include <QtTest>

#include <algorithm>

using retort::ConnectionFields;
using retort::ConnectionSettings;
using retort::PassFileEntry;
using retort::PgServiceFile;

namespace {

// What libpq is given for a URL, as Retort passes it on: the fields, the
// keywords in sorted order, and the keywords libpq does not know (kept for
// the driver), with their values.
QStringList libpqView(const ConnectionSettings &s)
{
    QStringList view = {QStringLiteral("host=") + s.host, QStringLiteral("port=%1").arg(s.port),
                        QStringLiteral("user=") + s.user, QStringLiteral("dbname=") + s.database};
    QStringList keywords;
    for (const auto &kv : s.libpqParameters())
        keywords << kv.first + QLatin1Char('=') + kv.second;
    for (const QString &key : s.unknownParameters())
        keywords << QStringLiteral("unknown:") + key + QLatin1Char('=') + s.queryValue(key);
    std::sort(keywords.begin(), keywords.end());
    return view + keywords;
}

bool writeFile(const QString &path, const QByteArray &text, QFileDevice::Permissions permissions)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() && f.setPermissions(permissions);
}

const char *const kForms[][2] = {
    // {url as users write it, the URL the form writes back}
    {"postgresql://scott@localhost/test", "postgresql://scott@localhost/test"},
    {"postgres://u:secret@h/d", "postgres://u@h/d"},
    {"postgresql+psycopg2://u@db.example.com:5433/app?sslmode=require",
     "postgresql+psycopg2://u@db.example.com:5433/app?sslmode=require"},
    {"postgresql+asyncpg://u:pw@h/d", "postgresql+asyncpg://u@h/d"},
    {"postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"},
    {"postgresql+pg8000://u@h:6000/d", "postgresql+pg8000://u@h:6000/d"},
    {"postgresql://u@/d?host=/var/run/postgresql", "postgresql://u@/d?host=/var/run/postgresql"},
    {"postgresql://u@%2Ftmp%2Fpg/d", "postgresql://u@/d?host=/tmp/pg"},
    {"postgresql://u@[::1]:5432/d", "postgresql://u@[::1]:5432/d"},
    {"postgresql://u@[fe80::1]/d", "postgresql://u@[fe80::1]/d"},
    {"postgresql://h/d?user=bob", "postgresql://bob@h/d"},
    {"postgresql://scott:tiger@h/d?user=bob&password=tiger2", "postgresql://bob@h/d"},
    {"postgresql://u@h?dbname=app", "postgresql://u@h/app"},
    {"postgresql://u@h/d?database=other", "postgresql://u@h/other"},
    {"postgresql://u@h/d?port=6000", "postgresql://u@h:6000/d"},
    {"postgresql://us%40er:p%40ss@h/my%20db", "postgresql://us%40er@h/my%20db"},
    {"postgresql://u@h/d?sslmode=verify-full&sslrootcert=/etc/ssl/certs/root.crt",
     "postgresql://u@h/d?sslmode=verify-full&sslrootcert=/etc/ssl/certs/root.crt"},
    {"postgresql:///?service=analytics", "postgresql://?service=analytics"},
    {"postgresql://u@h/d?service=staging&connect_timeout=3", "postgresql://u@h/d?service=staging&connect_timeout=3"},
    {"postgresql://u@h/d?options=-c%20search_path%3Dapp&application_name=my+app&frobnicate=1",
     "postgresql://u@h/d?options=-c%20search_path%3Dapp&application_name=my%20app&frobnicate=1"},
    {"postgresql://u@h/d?client_encoding=utf8&target_session_attrs=read-write",
     "postgresql://u@h/d?client_encoding=utf8&target_session_attrs=read-write"},
    {"postgresql://", "postgresql://"},
    {"postgresql://:5433/d?host=/tmp", "postgresql://:5433/d?host=/tmp"},
};

} // namespace

class TestConnectionFields : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("written");
        for (const auto &form : kForms)
            QTest::newRow(form[0]) << QString::fromUtf8(form[0]) << QString::fromUtf8(form[1]);
    }

    // URL -> fields -> URL: the same connection in libpq's view, nothing
    // lost, and the password handed back apart, never written.
    void roundTrip()
    {
        QFETCH(QString, url);
        QFETCH(QString, written);
        QString password;
        auto fields = ConnectionFields::fromUrl(url, &password);
        QVERIFY2(fields.ok(), qPrintable(fields.error().message()));
        const QString back = fields->toUrl();
        QCOMPARE(back, written);
        auto original = ConnectionSettings::parse(url);
        auto again = ConnectionSettings::parse(back);
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
        QCOMPARE(libpqView(again.value()), libpqView(original.value()));
        QCOMPARE(password, original->hasPassword ? original->password : QString());
        QVERIFY(!again->hasPassword);
        // and once more: the written URL is a fixed point
        QCOMPARE(ConnectionFields::fromUrl(back)->toUrl(), back);
    }

    // The real SQLAlchemy gives psycopg2 the same arguments for each form and
    // for what the form writes back (the password aside, which is never written).
    void sqlalchemyAgrees()
    {
        const QString python = retort::testsupport::alembicPython();
        QVERIFY2(!python.isEmpty(), "no Python that imports alembic");
        QStringList args = {QStringLiteral("-c"), QStringLiteral(R"(
import json, sys
from sqlalchemy.engine import make_url
from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2
dialect = PGDialect_psycopg2()
out = []
for u in sys.argv[1:]:
    cargs, kwargs = dialect.create_connect_args(make_url(u).set(drivername="postgresql+psycopg2"))
    kwargs.pop("password", None)
    # psycopg2 passes database on as libpq's dbname, and every value as text
    if "database" in kwargs:
        kwargs["dbname"] = kwargs.pop("database")
    out.append(json.dumps({k: str(v) for k, v in kwargs.items()}, sort_keys=True))
print(json.dumps(out))
)")};
        QStringList written;
        QStringList urls;
        for (const auto &form : kForms) {
            // SQLAlchemy leaves a percent-encoded socket directory in the
            // authority encoded (psycopg2 then cannot connect); Retort, like
            // libpq, decodes it and writes it as ?host=.
            if (QByteArray(form[0]).contains("@%2F"))
                continue;
            urls << QString::fromUtf8(form[0]);
            written << ConnectionFields::fromUrl(urls.last())->toUrl();
        }
        args << urls;
        args << written;
        const auto result = retort::testsupport::runProcess(python, args, QString());
        QVERIFY2(result.ok(), qPrintable(result.describe()));
        const QJsonArray kwargs = QJsonDocument::fromJson(result.out).array();
        const int n = int(urls.size());
        QCOMPARE(kwargs.size(), 2 * n);
        for (int i = 0; i < n; ++i)
            QVERIFY2(kwargs[i] == kwargs[n + i], qPrintable(QStringLiteral("%1 -> %2: %3 vs %4")
                                                                .arg(urls[i], written[i],
                                                                     kwargs[i].toString(), kwargs[n + i].toString())));
    }

    // Fields -> URL: each field lands where SQLAlchemy and libpq read it.
    void fieldsToUrl()
    {
        ConnectionFields f;
        f.driver = QStringLiteral("postgresql+psycopg2");
        f.host = QStringLiteral("db.example.com");
        f.port = 5433;
        f.database = QStringLiteral("app?x");
        f.user = QStringLiteral("a:b@c/d");
        f.sslmode = QStringLiteral("verify-ca");
        f.sslrootcert = QStringLiteral("/home/me/root cert.pem");
        QCOMPARE(f.toUrl(), QStringLiteral("postgresql+psycopg2://a%3Ab%40c%2Fd@db.example.com:5433/app%3Fx"
                                           "?sslmode=verify-ca&sslrootcert=/home/me/root%20cert.pem"));
        auto s = ConnectionSettings::parse(f.toUrl());
        QCOMPARE(s->user, f.user);
        QCOMPARE(s->database, f.database);
        QCOMPARE(s->queryValue(QStringLiteral("sslrootcert")), f.sslrootcert);

        f = ConnectionFields();
        f.host = QStringLiteral("/run/postgresql");
        f.database = QStringLiteral("d");
        QCOMPARE(f.toUrl(), QStringLiteral("postgresql:///d?host=/run/postgresql"));
        f.host = QStringLiteral("2001:db8::5");
        QCOMPARE(f.toUrl(), QStringLiteral("postgresql://[2001:db8::5]/d"));
        f.host = QStringLiteral("h1,h2");
        QCOMPARE(ConnectionSettings::parse(f.toUrl())->host, QStringLiteral("h1,h2"));
    }

    void otherParametersText()
    {
        ConnectionFields f;
        f.otherParameters = {{QStringLiteral("options"), QStringLiteral("-c a=b&c")},
                             {QStringLiteral("frobnicate"), QStringLiteral("100%")}};
        const QString text = f.otherParametersText();
        QCOMPARE(text, QStringLiteral("options=-c a=b%26c&frobnicate=100%25"));
        QCOMPARE(ConnectionFields::parseParameters(text), f.otherParameters);
        QCOMPARE(ConnectionFields::parseParameters(QStringLiteral("a=1&&b=&c")),
                 (QList<QPair<QString, QString>>{{QStringLiteral("a"), QStringLiteral("1")}}));
    }

    // The line of the password file libpq would use, by libpq's rules; the
    // form shows it ("password from ~/.pgpass").
    void passFileLine_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("line");
        QTest::newRow("exact") << "postgresql://app@db.example.com:5433/shop" << 3;
        QTest::newRow("default port 5432") << "postgresql://app@db.example.com/shop" << 4;
        QTest::newRow("wildcard database") << "postgresql://app@db.example.com:5433/other" << 5;
        QTest::newRow("socket dir is localhost") << "postgresql://me@/d?host=/var/run/postgresql" << 6;
        QTest::newRow("no host is localhost") << "postgresql://me@/d" << 6;
        QTest::newRow("other socket dir is not") << "postgresql://me@/d?host=/tmp" << 0;
        QTest::newRow("escaped colons in host") << "postgresql://u@[::1]:5432/d" << 8;
        QTest::newRow("literal star is no wildcard") << "postgresql://star@h/d" << 0;
        QTest::newRow("star user") << "postgresql://*@h/d" << 7;
        QTest::newRow("passfile keyword wins") << "postgresql://app@db.example.com:5433/shop?passfile=/nonexistent" << 0;
    }

    void passFileLine()
    {
        QFETCH(QString, url);
        QFETCH(int, line);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("pgpass"));
        QVERIFY(writeFile(file,
                          "# comment\n"
                          "\n"
                          "db.example.com:5433:shop:app:pw-one\n"
                          "db.example.com:5432:shop:app:pw:two\n"
                          "db.example.com:5433:*:app:pw3\n"
                          "localhost:5432:d:me:pw4\n"
                          "h:5432:d:\\*:pw5\n"
                          "\\:\\:1:5432:d:u:pw6\n",
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QProcessEnvironment env;
        env.insert(QStringLiteral("PGPASSFILE"), file);
        env.insert(QStringLiteral("HOME"), dir.path());
        const PassFileEntry entry = PassFileEntry::find(ConnectionSettings::parse(url).value(), env);
        QCOMPARE(entry.line, line);
        QVERIFY(entry.problem.isEmpty());
        if (line > 0)
            QCOMPARE(entry.describe(), QStringLiteral("password from %1 (line %2)").arg(file).arg(line));
        for (const char *password : {"pw-one", "pw:two", "pw3", "pw4", "pw5", "pw6"})
            QVERIFY(!entry.describe().contains(QLatin1String(password)));
    }

    // libpq ignores a password file others can read, and a directory; the
    // form says so instead of claiming a password.
    void passFileIgnored()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral(".pgpass"));
        QVERIFY(writeFile(file, "*:*:*:*:secret\n",
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), dir.path());
        const auto settings = ConnectionSettings::parse(QStringLiteral("postgresql://u@h/d")).value();
        PassFileEntry entry = PassFileEntry::find(settings, env);
        QVERIFY(!entry.matches());
        QVERIFY2(entry.problem.contains(QLatin1String("chmod 0600")), qPrintable(entry.problem));
        QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        entry = PassFileEntry::find(settings, env);
        QCOMPARE(entry.line, 1);
        env.insert(QStringLiteral("PGPASSFILE"), dir.path());
        entry = PassFileEntry::find(settings, env);
        QVERIFY(!entry.matches());
        QVERIFY2(entry.problem.contains(QLatin1String("not a plain file")), qPrintable(entry.problem));
    }

    // Services from PGSERVICEFILE, then the system's file; the password left out.
    void serviceFile()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("user.conf")),
                          "# mine\n[analytics]\nhost=db1\nport = 5433\ndbname=analytics\npassword=nope\n"
                          "[shared]\nhost=mine\n",
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("etc")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("etc/pg_service.conf")), "[shared]\nhost=system\n[ops]\nuser=ops\n",
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QProcessEnvironment env;
        env.insert(QStringLiteral("PGSERVICEFILE"), dir.filePath(QStringLiteral("user.conf")));
        env.insert(QStringLiteral("PGSYSCONFDIR"), dir.filePath(QStringLiteral("etc")));
        const PgServiceFile services(env);
        QCOMPARE(services.names(), (QStringList{QStringLiteral("analytics"), QStringLiteral("shared"), QStringLiteral("ops")}));
        QString file;
        QCOMPARE(services.keywords(QStringLiteral("analytics"), &file),
                 (QList<QPair<QString, QString>>{{QStringLiteral("host"), QStringLiteral("db1")},
                                                 {QStringLiteral("port"), QStringLiteral("5433")},
                                                 {QStringLiteral("dbname"), QStringLiteral("analytics")}}));
        QCOMPARE(file, dir.filePath(QStringLiteral("user.conf")));
        QCOMPARE(services.keywords(QStringLiteral("shared")).value(0).second, QStringLiteral("mine"));
        QVERIFY(services.keywords(QStringLiteral("missing")).isEmpty());
    }

    void badUrlIsRefused()
    {
        auto r = ConnectionFields::fromUrl(QStringLiteral("mysql://u:hunter2@h/d"));
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message().contains(QLatin1String("hunter2")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionFields)
#include "tst_connectionfields.moc"
