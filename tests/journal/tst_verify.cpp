// verify, edited-file detection, with real parts: the retort binary and
// alembic itself against the private cluster, the journal as Retort wrote it.
#include "journalscenario.h"

#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

class TestVerify : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    // verify: clean after an upgrade (exit 0); an applied revision whose
    // upgrade() was edited is named with the diff (exit 1); an edit outside
    // the bodies is not a change; a revision rolled back is no longer checked.
    void verifyFlagsEditedRevision()
    {
        // downgrade() is `pass`: upgrades that can run again
        Scenario s({exec(QStringLiteral("SELECT 1")), exec(QStringLiteral("SELECT 2"))}, QStringLiteral("journal_verify"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString &ini = s.ini, &db = s.db;
        TestCluster &cluster = s.cluster;
        const QString dir = s.tmp.filePath(QStringLiteral("p"));
        const QProcessEnvironment env = s.env();
        const QStringList verify{QStringLiteral("-c"), ini, QStringLiteral("verify")};
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());

        ProcessResult v = runRetort(verify, s.tmp.path(), env);
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(QString::fromUtf8(v.out), QStringLiteral("2 applied revision(s) checked: none changed since it was applied\n"));

        const QString s1 = dir + QStringLiteral("/migrations/versions/s1.py");
        QVERIFY(replaceInFile(s1, QStringLiteral("step 1"), QStringLiteral("the first step")));
        v = runRetort(verify, s.tmp.path(), env);
        QCOMPARE(v.exitCode, 0);

        QVERIFY(replaceInFile(s1, QStringLiteral("SELECT 1\""), QStringLiteral("SELECT 10\"")));
        v = runRetort(verify, s.tmp.path(), env);
        QCOMPARE(v.exitCode, 1);
        const QString out = QString::fromUtf8(v.out);
        QVERIFY2(out.startsWith(QStringLiteral("s1 (%1): upgrade() changed since it was applied ").arg(s1)), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("\ns2 (")), qPrintable(out));
        const QString diff = out.mid(out.indexOf(QStringLiteral("\n---")) + 1);
        QVERIFY2(diff.endsWith(QStringLiteral("+++ %1 upgrade() now\n"
                                              "@@ -1,2 +1,2 @@\n"
                                              " def upgrade() -> None:\n"
                                              "-    op.execute(\"SELECT 1\")\n"
                                              "+    op.execute(\"SELECT 10\")\n")
                                   .arg(s1)),
                 qPrintable(out));
        QVERIFY2(diff.startsWith(QStringLiteral("--- s1 upgrade() as applied ")), qPrintable(diff));

        // rolled back by alembic itself: the journal still says applied, the
        // database does not, and only what the database has is checked
        const ProcessResult a = runAlembic(ini, {QStringLiteral("downgrade"), QStringLiteral("base")}, s.tmp.path(),
                                           alembicEnv(cluster.url(db)));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        v = runRetort(verify, s.tmp.path(), env);
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(QString::fromUtf8(v.out), QStringLiteral("0 applied revision(s) checked: none changed since it was applied\n"));

        // applied again as it is now: clean
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        v = runRetort(verify, s.tmp.path(), env);
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(QString::fromUtf8(v.out), QStringLiteral("2 applied revision(s) checked: none changed since it was applied\n"));

        // no database named anywhere: an error, not a clean bill
        QProcessEnvironment none = env;
        none.insert(QStringLiteral("DATABASE_URL"), QString());
        v = runRetort(verify, s.tmp.path(), none);
        QCOMPARE(v.exitCode, 255);
        QVERIFY2(v.out.startsWith("FAILED: "), v.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
