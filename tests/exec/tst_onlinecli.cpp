// `retort upgrade/downgrade/stamp` without --sql and `reset-local`, the
// binary against the real alembic on twin databases: the same INFO lines on
// stderr, the same FAILED lines and exit codes, and Retort's own failure
// line naming the revision, file:line and statement.
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

QString analyticsIni()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");
}

QProcessEnvironment env(const QString &url)
{
    QProcessEnvironment e = alembicEnv(url);
    return e;
}

} // namespace

class TestOnlineCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    // A sequence of commands run by both on their own database: same exit
    // code, stdout, stderr (alembic's logging) and version rows each time.
    void sameAsAlembic()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        const QString err = generateProject(dir, {"--revisions", "6", "--branch-every", "3", "--ops", "minimal",
                                                  "--heads", "2", "--labels", "1", "--seed", "3"});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString ini = dir + QStringLiteral("/alembic.ini");
        const QString ours = cluster.createDatabase(QStringLiteral("cli_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("cli_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        const QList<QStringList> commands = {
            {"upgrade", "heads"},     {"downgrade", "-1"},   {"downgrade", "base"}, {"upgrade", "+1"},
            {"stamp", "heads"},       {"stamp", "--purge", "base"}, {"upgrade", "head"}, {"downgrade", "zzzz"},
            {"upgrade", "a:b"},
        };
        for (const QStringList &c : commands) {
            const QStringList args = QStringList{QStringLiteral("-c"), ini} + c;
            const ProcessResult a = runProcess(alembicPython(), QStringList{QStringLiteral("-m"), QStringLiteral("alembic")} + args,
                                               dir, env(cluster.url(twin)));
            const ProcessResult r = runRetort(args, dir, env(cluster.url(ours)));
            const QString what = c.join(QLatin1Char(' '));
            QVERIFY2(a.error.isEmpty() && r.error.isEmpty(), qPrintable(what + a.describe() + r.describe()));
            QCOMPARE(r.exitCode, a.exitCode);
            QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(a.out));
            // Retort adds its own "retort: ..." lines after alembic's
            QStringList ourErr = QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            ourErr.erase(std::remove_if(ourErr.begin(), ourErr.end(),
                                        [](const QString &l) { return l.startsWith(QStringLiteral("retort: "))
                                                                      || l.startsWith(QStringLiteral("  caused by")); }),
                         ourErr.end());
            // Python's UserWarnings (a path, then the source line) are not alembic's log
            QStringList theirErr;
            bool skipSource = false;
            for (const QString &l : QString::fromUtf8(a.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (skipSource && l.startsWith(QStringLiteral("  "))) {
                    skipSource = false;
                    continue;
                }
                skipSource = l.startsWith(QLatin1Char('/')) && l.contains(QStringLiteral("Warning: "));
                if (!skipSource)
                    theirErr << l;
            }
            QCOMPARE(ourErr.join(QLatin1Char('\n')), theirErr.join(QLatin1Char('\n')));
            QCOMPARE(cluster.versionRows(ours), cluster.versionRows(twin));
        }
        cluster.dropDatabase(ours);
        cluster.dropDatabase(twin);
    }

    // A statement that fails: exit 1, a FAILED line with the revision, the
    // file and line of the op call, the SQLSTATE and the statement; stderr
    // says the database was left unchanged.
    void failureLine()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/p");
        QString err = generateProject(dir, {"--revisions", "2", "--ops", "minimal", "--id-style", "seq", "--seed", "1"});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString file = dir + QStringLiteral("/migrations/versions/002_revision_2.py");
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        text.replace(QStringLiteral("def upgrade() -> None:\n    pass"),
                     QStringLiteral("def upgrade() -> None:\n    op.execute(\"ALTER TABLE missing ADD COLUMN x int\")"));
        const int line = int(text.left(text.indexOf(QStringLiteral("op.execute"))).count(QLatin1Char('\n'))) + 1;
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.toUtf8());
        f.close();
        const QString db = cluster.createDatabase(QStringLiteral("cli_fail"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const ProcessResult r = runRetort({QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"),
                                           QStringLiteral("upgrade"), QStringLiteral("heads")},
                                          dir, env(cluster.url(db)));
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(QStringLiteral("FAILED: revision 002 (")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("002_revision_2.py:%1)").arg(line)), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("relation \"missing\" does not exist [SQLSTATE 42P01]")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("statement: ALTER TABLE missing ADD COLUMN x int")), qPrintable(out));
        QVERIFY2(r.err.contains("nothing was changed"), r.err.constData());
        QCOMPARE(cluster.versionRows(db), QStringList());
        cluster.dropDatabase(db);
    }

    // reset-local: refuses another host without --force (before connecting),
    // runs on the private cluster's 127.0.0.1: downgrade base, upgrade heads.
    void resetLocal()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("cli_reset"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString dir = QFileInfo(analyticsIni()).absolutePath();
        const ProcessResult remote = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("--url"),
                                                QStringLiteral("postgresql://someone@db.example.com/prod"),
                                                QStringLiteral("reset-local")},
                                               dir);
        QCOMPARE(remote.exitCode, 255);
        QVERIFY2(remote.out.contains("only runs against localhost"), remote.out.constData());

        const ProcessResult a = runAlembic(analyticsIni(), {QStringLiteral("upgrade"), QStringLiteral("reporting@head")},
                                           dir, env(cluster.url(db)));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QVERIFY2(cluster.exec(db, QStringLiteral("CREATE TABLE scratch (id int)")), qPrintable(cluster.lastError()));
        const ProcessResult r = runRetort({QStringLiteral("-c"), analyticsIni(), QStringLiteral("reset-local")}, dir,
                                          env(cluster.url(db)));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(r.err.contains("Running downgrade b6f04d8c3e52 -> a91d0c6e5b27"), r.err.constData());
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("9b52e1c8f3a6")});

        // the same end state as alembic's upgrade heads on a fresh database
        const QString twin = cluster.createDatabase(QStringLiteral("cli_reset_twin"));
        const ProcessResult b = runAlembic(analyticsIni(), {QStringLiteral("upgrade"), QStringLiteral("heads")}, dir,
                                           env(cluster.url(twin)));
        QVERIFY2(b.ok(), qPrintable(b.describe()));
        QVERIFY2(cluster.exec(twin, QStringLiteral("CREATE TABLE scratch (id int)")), qPrintable(cluster.lastError()));
        QCOMPARE(cluster.schemaDump(db), cluster.schemaDump(twin));
        cluster.dropDatabase(db);
        cluster.dropDatabase(twin);
    }
};

QTEST_GUILESS_MAIN(TestOnlineCli)
#include "tst_onlinecli.moc"
