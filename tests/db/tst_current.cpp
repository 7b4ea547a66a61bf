// `retort current [-v]` against the real alembic, both pointed by
// DATABASE_URL at the same fresh database on the private cluster, after
// alembic itself put that database into each state.
#include "filetree.h"
#include "outputnormalizer.h"
#include "processrunner.h"
#include "testcluster.h"

#include <QRegularExpression>
#include <QtTest>

using namespace retort::testsupport;

namespace {

QString projectIni(const QString &project)
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/%1/alembic.ini").arg(project);
}

QProcessEnvironment envFor(const QString &url)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("DATABASE_URL"), url);
    e.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    return e;
}

// alembic prints get_all_current(), a Python set: its order is arbitrary.
// Compare the entries (one line each, or one log_entry block each with -v)
// as sorted lists, the -v header line first.
QStringList entries(const QByteArray &out, bool verbose)
{
    // branch labels come from a set too ("Branch names: reporting, core")
    const QString text = QString::fromUtf8(normalizeSetOrder(out));
    QStringList parts;
    if (!verbose) {
        parts = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        parts.sort();
        return parts;
    }
    static const QRegularExpression rev(QStringLiteral("^(?=Rev: )"), QRegularExpression::MultilineOption);
    parts = text.split(rev);
    QString header = parts.isEmpty() ? QString() : parts.takeFirst();
    parts.sort();
    parts.prepend(header);
    return parts;
}

} // namespace

class TestCurrent : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic");
    }

    void matchesAlembic_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QStringList>("upgrades");  // alembic upgrade targets, in order ("-x" = downgrade base)
        QTest::addColumn<QString>("sql");           // run afterwards
        QTest::addColumn<QStringList>("expectedRows");

        const QStringList none;
        QTest::newRow("analytics base, no table") << "analytics" << none << QString() << none;
        QTest::newRow("analytics base, empty table") << "analytics" << QStringList{"heads", "-x"} << QString() << none;
        QTest::newRow("analytics first") << "analytics" << QStringList{"4b1e7f2a9c03"} << QString()
                                         << QStringList{"4b1e7f2a9c03"};
        QTest::newRow("analytics branchpoint") << "analytics" << QStringList{"a91d0c6e5b27"} << QString()
                                               << QStringList{"a91d0c6e5b27"};
        QTest::newRow("analytics two heads") << "analytics" << QStringList{"e07f5b3d2a19", "f3a1c7e9d048"} << QString()
                                             << QStringList{"e07f5b3d2a19", "f3a1c7e9d048"};
        QTest::newRow("analytics through depends_on") << "analytics" << QStringList{"7e3b9f0a2c65"} << QString()
                                                      << QStringList{"7e3b9f0a2c65"};
        QTest::newRow("analytics merged") << "analytics" << QStringList{"0c8d4a6f1e93"} << QString()
                                          << QStringList{"0c8d4a6f1e93"};
        QTest::newRow("analytics head") << "analytics" << QStringList{"heads"} << QString()
                                        << QStringList{"9b52e1c8f3a6"};
        QTest::newRow("analytics unknown revision")
            << "analytics" << QStringList{"heads"} << "INSERT INTO alembic_version VALUES ('deadbeef0001')"
            << QStringList{"9b52e1c8f3a6", "deadbeef0001"};
        QTest::newRow("analytics only unknown")
            << "analytics" << QStringList{"a91d0c6e5b27"} << "UPDATE alembic_version SET version_num = 'c0ffee'"
            << QStringList{"c0ffee"};
        QTest::newRow("projects base") << "projects" << none << QString() << none;
        QTest::newRow("projects middle") << "projects" << QStringList{"002"} << QString() << QStringList{"002"};
        QTest::newRow("projects head") << "projects" << QStringList{"head"} << QString() << QStringList{"004"};
        QTest::newRow("projects unknown") << "projects" << QStringList{"head"}
                                          << "UPDATE alembic_version SET version_num = '999'" << QStringList{"999"};
    }

    void matchesAlembic()
    {
        QFETCH(QString, project);
        QFETCH(QStringList, upgrades);
        QFETCH(QString, sql);
        QFETCH(QStringList, expectedRows);

        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("current"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString ini = projectIni(project);
        const QString dir = QFileInfo(ini).absolutePath();
        const QProcessEnvironment env = envFor(cluster.url(db));

        for (const QString &target : upgrades) {
            const QStringList args = target == QLatin1String("-x") ? QStringList{"downgrade", "base"}
                                                                   : QStringList{"upgrade", target};
            const ProcessResult r = runAlembic(ini, args, dir, env);
            QVERIFY2(r.ok(), qPrintable(r.describe()));
        }
        if (!sql.isEmpty())
            QVERIFY2(cluster.exec(db, sql), qPrintable(cluster.lastError()));
        QStringList rows = cluster.versionRows(db);
        expectedRows.sort();
        QCOMPARE(rows, expectedRows);

        for (bool verbose : {false, true}) {
            QStringList args{"current"};
            if (verbose)
                args << "-v";
            const ProcessResult a = runAlembic(ini, args, dir, env);
            const ProcessResult r = runRetort(QStringList{"-c", ini} + args, dir, env);
            QVERIFY2(a.error.isEmpty(), qPrintable(a.describe()));
            QVERIFY2(r.error.isEmpty(), qPrintable(r.describe()));
            QCOMPARE(r.exitCode, a.exitCode);
            QCOMPARE(entries(r.out, verbose), entries(a.out, verbose));
        }
        cluster.dropDatabase(db);
    }

    // --url wins over DATABASE_URL, which then points nowhere.
    void urlOptionWins()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("curl"));
        const QString ini = projectIni(QStringLiteral("projects"));
        const QString dir = QFileInfo(ini).absolutePath();
        QVERIFY(runAlembic(ini, {"upgrade", "003"}, dir, envFor(cluster.url(db))).ok());
        const ProcessResult r = runRetort({"-c", ini, "--url", cluster.url(db), "current"}, dir,
                                          envFor(QStringLiteral("postgresql://nobody@127.0.0.1:1/none")));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("003\n"));
        cluster.dropDatabase(db);
    }

    // What a revision file prints when imported comes before alembic's
    // answer (alembic's current loads the revisions).
    void importTimePrintsComeFirst()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations/projects"), tmp.path()));
        const QDir versions(tmp.filePath(QStringLiteral("alembic/versions")));
        const QString file = versions.filePath(versions.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name).value(0));
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        QByteArray text = f.readAll();
        f.close();
        QVERIFY(text.contains("\ndown_revision"));
        text.replace("\ndown_revision", "\nprint(\"loading a revision\")\ndown_revision");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        const QString db = cluster.createDatabase(QStringLiteral("cprint"));
        const QString ini = tmp.filePath(QStringLiteral("alembic.ini"));
        QVERIFY(runAlembic(ini, {"upgrade", "003"}, tmp.path(), envFor(cluster.url(db))).ok());
        const ProcessResult a = runAlembic(ini, {"current"}, tmp.path(), envFor(cluster.url(db)));
        QVERIFY2(a.ok() && a.out.startsWith("loading a revision\n"), qPrintable(a.describe()));
        const ProcessResult r = runRetort({"-c", ini, "current"}, tmp.path(), envFor(cluster.url(db)));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(a.out));
        cluster.dropDatabase(db);
    }

    void failsLikeAlembic_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("wrong password") << "password";
        QTest::newRow("missing database") << "database";
        QTest::newRow("refused port") << "port";
    }

    void failsLikeAlembic()
    {
        QFETCH(QString, kind);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString secret = QStringLiteral("N0tTheP4ssword");
        QString url;
        QString expected;
        if (kind == QLatin1String("password")) {
            url = QStringLiteral("postgresql://%1:%2@%3:%4/postgres")
                      .arg(cluster.user(), secret, cluster.host())
                      .arg(cluster.port());
            expected = QStringLiteral("Password authentication failed for user \"%1\"").arg(cluster.user());
        } else if (kind == QLatin1String("database")) {
            url = cluster.url(QStringLiteral("retort_no_such_database"));
            expected = QStringLiteral("Database \"retort_no_such_database\" does not exist");
        } else {
            url = QStringLiteral("postgresql://%1@%2:1/postgres").arg(cluster.user(), cluster.host());
            expected = QStringLiteral("Connection refused");
        }
        const QString ini = projectIni(QStringLiteral("analytics"));
        const QString dir = QFileInfo(ini).absolutePath();
        const ProcessResult a = runAlembic(ini, {"current"}, dir, envFor(url));
        const ProcessResult r = runRetort({"-c", ini, "current"}, dir, envFor(url));
        QVERIFY2(a.error.isEmpty() && r.error.isEmpty(), qPrintable(a.describe() + r.describe()));
        QCOMPARE(a.exitCode, 1);  // an uncaught OperationalError
        QCOMPARE(r.exitCode, a.exitCode);
        QCOMPARE(r.out, a.out);  // nothing on stdout
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(expected), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("host \"%1\"").arg(cluster.host())), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("user \"%1\"").arg(cluster.user())), qPrintable(err));
        QVERIFY2(!err.contains(secret), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCurrent)
#include "tst_current.moc"
