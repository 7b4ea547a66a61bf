// verify, edited-file detection, with real parts: the retort binary and
// alembic itself against the private cluster, the journal as Retort wrote it.
#include "journalscenario.h"

#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

const QString kNoUpgrade = QStringLiteral("no committed upgrade of it in the journal");

// Why a revision applied by Retort's run `applied` is not checked when
// another tool wrote the version rows since.
QString writtenOutside(const JournalRecord &applied)
{
    return QStringLiteral("the version rows were written outside Retort since it applied this revision %1 (another "
                          "tool may have run it again, with other code)")
        .arg(applied.startedAt.toString(Qt::ISODateWithMs));
}

struct Unchecked {
    QString revision, file, reason;
};

// What verify prints when it checked `checked` revisions, none changed, and
// could not check `unchecked` of the database's `applied`.
QString notVerified(const QString &at, int applied, const QVector<Unchecked> &unchecked, int checked)
{
    QString out = QStringLiteral("the database is at %1 (alembic_version); no journal record lets verify check %2 of "
                                 "its %3 applied revision(s):\n")
                      .arg(at)
                      .arg(unchecked.size())
                      .arg(applied);
    for (const Unchecked &u : unchecked)
        out += u.file.isEmpty() ? QStringLiteral("  %1: %2\n").arg(u.revision, u.reason)
                                : QStringLiteral("  %1 (%2): %3\n").arg(u.revision, u.file, u.reason);
    return out + QStringLiteral("%1 applied revision(s) checked: none changed since it was applied\n"
                                "not verified: %2 applied revision(s) not checked\n")
                     .arg(checked)
                     .arg(unchecked.size());
}

} // namespace

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

    // upgrade() using what its module defines around it, a constant and a
    // helper function, edited after it was applied: each revision is named
    // with its file and the diff of its module-level code (the applied
    // revision now means something else). The docstring, a comment between
    // statements and the header are not what its SQL depends on.
    void verifyFlagsEditedModuleCode()
    {
        Scenario s({QStringLiteral("op.create_table(TABLE, sa.Column(\"id\", sa.Integer))"),
                    QStringLiteral("op.execute(statement())")},
                   QStringLiteral("journal_module"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString s1 = s.file(1), s2 = s.file(2);
        const QString imports = QStringLiteral("import sqlalchemy as sa\n");
        QVERIFY(replaceInFile(s1, imports, imports + QStringLiteral("\nTABLE = \"a\"\n")));
        QVERIFY(replaceInFile(s2, imports, imports + QStringLiteral("\n\ndef statement():\n    return \"SELECT 1\"\n")));
        const ProcessResult up = s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(up.ok(), qPrintable(up.describe()));
        QCOMPARE(s.rows(QStringLiteral("SELECT to_regclass('a') IS NOT NULL")), QStringList{QStringLiteral("true")});
        const QString clean = QStringLiteral("2 applied revision(s) checked: none changed since it was applied\n");
        ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(QString::fromUtf8(v.out), clean);

        QVERIFY(replaceInFile(s1, QStringLiteral("\"\"\"step 1"), QStringLiteral("\"\"\"the first step, renamed")));
        QVERIFY(replaceInFile(s1, QStringLiteral("\nTABLE = "), QStringLiteral("\n# the table it creates\n\nTABLE = ")));
        QVERIFY(replaceInFile(s1, QStringLiteral("branch_labels = None"), QStringLiteral("branch_labels = ()")));
        v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(QString::fromUtf8(v.out), clean);

        QVERIFY(replaceInFile(s1, QStringLiteral("TABLE = \"a\""), QStringLiteral("TABLE = \"b\"")));
        QVERIFY(replaceInFile(s2, QStringLiteral("return \"SELECT 1\""), QStringLiteral("return \"SELECT 2\"")));
        v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        const QVector<JournalRecord> records = localRecords(s.journal);
        QCOMPARE(records.size(), 1);
        const QString when = records.front().startedAt.toString(Qt::ISODateWithMs);
        QCOMPARE(QString::fromUtf8(v.out),
                 QStringLiteral("s1 (%1): module-level code changed since it was applied %3\n"
                                "--- s1 module-level code as applied %3\n"
                                "+++ %1 module-level code now\n"
                                "@@ -1,3 +1,3 @@\n"
                                " from alembic import op\n"
                                " import sqlalchemy as sa\n"
                                "-TABLE = \"a\"\n"
                                "+TABLE = \"b\"\n"
                                "s2 (%2): module-level code changed since it was applied %3\n"
                                "--- s2 module-level code as applied %3\n"
                                "+++ %2 module-level code now\n"
                                "@@ -1,4 +1,4 @@\n"
                                " from alembic import op\n"
                                " import sqlalchemy as sa\n"
                                " def statement():\n"
                                "-    return \"SELECT 1\"\n"
                                "+    return \"SELECT 2\"\n")
                     .arg(s1, s2, when));
    }

    // What the journal does not cover is never "verified": a revision
    // alembic applied itself, then the journal's records cut short, then
    // emptied. Each is named, with the revision the database is at; exit 1.
    void verifyNamesRevisionsAppliedOutsideTheJournal()
    {
        Scenario s({exec(QStringLiteral("SELECT 1")), exec(QStringLiteral("SELECT 2")), exec(QStringLiteral("SELECT 3"))},
                   QStringLiteral("verify_outside"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("s1")}).ok());
        QCOMPARE(localRecords(s.journal).size(), 1);
        const JournalRecord first = localRecords(s.journal).front();
        QVERIFY(s.alembic({QStringLiteral("upgrade"), QStringLiteral("s2")}).ok());
        ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        // alembic wrote the rows after Retort: it may have run s1 again too
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("s2"), 2,
                             {{QStringLiteral("s1"), s.file(1), writtenOutside(first)},
                              {QStringLiteral("s2"), s.file(2), kNoUpgrade}},
                             0));

        // the journal's records stop before the revision the database is at
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("s3")}).ok());
        QFile journal(LocalJournal(s.journal).filePath());
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = journal.readAll().split('\n');
        journal.close();
        QCOMPARE(lines.size(), 3);
        QVERIFY(journal.open(QIODevice::WriteOnly | QIODevice::Truncate));
        journal.write(lines[0] + '\n');
        journal.close();
        v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("s3"), 3,
                             {{QStringLiteral("s1"), s.file(1), writtenOutside(first)},
                              {QStringLiteral("s2"), s.file(2), kNoUpgrade},
                              {QStringLiteral("s3"), s.file(3), kNoUpgrade}},
                             0));

        QVERIFY(journal.open(QIODevice::WriteOnly | QIODevice::Truncate));
        journal.close();
        v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("s3"), 3,
                             {{QStringLiteral("s1"), s.file(1), kNoUpgrade},
                              {QStringLiteral("s2"), s.file(2), kNoUpgrade},
                              {QStringLiteral("s3"), s.file(3), kNoUpgrade}},
                             0));
    }

    // The finding: alembic downgrades a revision Retort applied and applies
    // it again with other code, then the file is put back as Retort recorded
    // it. The version rows read the same, but another transaction wrote
    // them: nothing is verified (exit 1), and a Retort run that changes
    // nothing does not make it so; what Retort applies again is checked.
    void verifyNoticesRowsWrittenAgainOutsideRetort()
    {
        Scenario s({exec(QStringLiteral("CREATE TABLE a (id int)")), exec(QStringLiteral("CREATE TABLE b (id int)"))},
                   QStringLiteral("verify_rewritten"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(QString::fromUtf8(v.out), QStringLiteral("2 applied revision(s) checked: none changed since it was applied\n"));
        const JournalRecord applied = localRecords(s.journal).front();

        QVERIFY(replaceInFile(s.file(2), QStringLiteral("CREATE TABLE b"), QStringLiteral("CREATE TABLE c")));
        ProcessResult a = s.alembic({QStringLiteral("downgrade"), QStringLiteral("-1")});
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        a = s.alembic({QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QVERIFY(replaceInFile(s.file(2), QStringLiteral("CREATE TABLE c"), QStringLiteral("CREATE TABLE b")));
        QCOMPARE(s.rows(QStringLiteral("SELECT version_num FROM alembic_version")), QStringList{QStringLiteral("s2")});
        QCOMPARE(s.rows(QStringLiteral("SELECT to_regclass('c') IS NOT NULL")), QStringList{QStringLiteral("true")});

        const QString expected = notVerified(QStringLiteral("s2"), 2,
                                             {{QStringLiteral("s1"), s.file(1), writtenOutside(applied)},
                                              {QStringLiteral("s2"), s.file(2), writtenOutside(applied)}},
                                             0);
        v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out), expected);

        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        QCOMPARE(localRecords(s.journal).size(), 2);
        v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out), expected);

        QVERIFY(s.cluster.exec(s.db, QStringLiteral("DROP TABLE b, c")));
        QVERIFY(s.retort({QStringLiteral("downgrade"), QStringLiteral("s1")}).ok());
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("s2"), 2, {{QStringLiteral("s1"), s.file(1), writtenOutside(applied)}}, 1));
    }

    // A revision stamped by Retort: recorded, but no upgrade() ran, so
    // nothing was kept to compare.
    void verifyNamesAStampedRevision()
    {
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("verify_stamped"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.retort({QStringLiteral("stamp"), QStringLiteral("s1")}).ok());
        QCOMPARE(localRecords(s.journal).size(), 1);
        const ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("s1"), 1, {{QStringLiteral("s1"), s.file(1), kNoUpgrade}}, 0));
    }

    // A record of an upgrade whose revision file could not be read when it
    // ran has no checksum: the revision is not checked, and says why.
    void verifyNamesARevisionRecordedWithoutChecksum()
    {
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("verify_nochecksum"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.alembic({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        JournalRecord r;
        r.id = QStringLiteral("00000000-0000-4000-8000-000000000001");
        r.startedAt = QDateTime::currentDateTimeUtc();
        r.operation = QStringLiteral("upgrade");
        r.outcome = QStringLiteral("succeeded");
        r.databaseKey = QStringLiteral("%1:%2/%3").arg(s.cluster.host()).arg(s.cluster.port()).arg(s.db);
        JournalStep step;
        step.kind = QStringLiteral("upgrade");
        step.revision = QStringLiteral("s1");
        step.outcome = QStringLiteral("committed");
        step.file = s.file(1);
        step.bodyError = s.file(1) + QStringLiteral(": Permission denied");
        r.steps = {step};
        QVERIFY(!LocalJournal(s.journal).append(r).isError());
        const ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("s1"), 1,
                             {{QStringLiteral("s1"), s.file(1),
                               QStringLiteral("the journal kept no checksum of its file: %1: Permission denied")
                                   .arg(s.file(1))}},
                             0));
    }

    // A version row naming no revision of the project (a file deleted, a
    // row written by hand) is applied and unchecked.
    void verifyNamesAnUnknownVersionRow()
    {
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("verify_unknownrow"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        QVERIFY(s.cluster.exec(s.db, QStringLiteral("UPDATE alembic_version SET version_num = 'feedface'")));
        const ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("feedface"), 1,
                             {{QStringLiteral("feedface"), QString(),
                               QStringLiteral("a version row naming no revision of the project")}},
                             0));
    }

    // A database that cannot be reached: the version rows are not read,
    // verify never answers from the journal alone (exit 255).
    void verifyFailsWithoutTheDatabase()
    {
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("verify_unreachable"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        const ProcessResult v = s.retort({QStringLiteral("--url"), s.cluster.url(s.db + QStringLiteral("_gone")),
                                          QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 255);
        QVERIFY2(v.out.startsWith("FAILED: the version rows in alembic_version were not read, so nothing was verified: "),
                 v.out.constData());
        QVERIFY2(v.out.contains(QStringLiteral("%1_gone").arg(s.db).toUtf8()), v.out.constData());
    }

    // env.py names its version table only at run time: the rows of
    // alembic_version would be another table's (none here: base, "all
    // good"), so verify refuses, naming env.py's line (exit 255).
    void verifyFailsWithAVersionTableItCannotRead()
    {
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("verify_dynamictable"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString env = s.tmp.filePath(QStringLiteral("p/migrations/env.py"));
        QVERIFY(replaceInFile(env, QStringLiteral("context.configure(connection=connection)"),
                              QStringLiteral("context.configure(connection=connection, "
                                             "version_table=os.environ.get(\"VERSIONS\", \"alembic_version\"))")));
        QProcessEnvironment custom = alembicEnv(s.cluster.url(s.db));
        custom.insert(QStringLiteral("VERSIONS"), QStringLiteral("project_versions"));
        const ProcessResult a = runAlembic(s.ini, {QStringLiteral("upgrade"), QStringLiteral("heads")}, s.tmp.path(), custom);
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QCOMPARE(s.cluster.versionRows(s.db, QStringLiteral("project_versions")), QStringList{QStringLiteral("s1")});
        const ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 255);
        QVERIFY2(v.out.startsWith(QStringLiteral("FAILED: %1:").arg(env).toUtf8()), v.out.constData());
        QVERIFY2(v.out.contains("Retort cannot tell which version table the database keeps its revisions in: "
                                "version_table is not a literal"),
                 v.out.constData());
    }

    // Another project's records in the same database (its own version
    // table; revisions with the same ids and bodies) check nothing of this
    // project's, and its own verify still uses them.
    void verifyLeavesOutAnotherProjectsRecords()
    {
        const QStringList upgrades{exec(QStringLiteral("SELECT 1"))};
        Scenario s(upgrades, QStringLiteral("verify_otherproject"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString other = writeSmallProject(s.tmp.filePath(QStringLiteral("q")), upgrades);
        QVERIFY(!other.isEmpty());
        QVERIFY(replaceInFile(s.tmp.filePath(QStringLiteral("q/migrations/env.py")),
                              QStringLiteral("context.configure(connection=connection)"),
                              QStringLiteral("context.configure(connection=connection, version_table=\"q_versions\")")));
        const QStringList verifyOther{QStringLiteral("-c"), other, QStringLiteral("verify")};
        const ProcessResult q = runRetort({QStringLiteral("-c"), other, QStringLiteral("upgrade"), QStringLiteral("heads")},
                                          s.tmp.path(), s.env());
        QVERIFY2(q.ok(), qPrintable(q.describe()));
        QCOMPARE(s.cluster.versionRows(s.db, QStringLiteral("q_versions")), QStringList{QStringLiteral("s1")});
        QVERIFY(s.alembic({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());

        ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("s1"), 1, {{QStringLiteral("s1"), s.file(1), kNoUpgrade}}, 0));
        QVERIFY2(v.err.contains("1 journal record(s) are of the version table q_versions, not alembic_version "
                                "(another project): not used"),
                 v.err.constData());
        v = runRetort(verifyOther, s.tmp.path(), s.env());
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(QString::fromUtf8(v.out), QStringLiteral("1 applied revision(s) checked: none changed since it was applied\n"));
    }

    // The records of a database dropped and created again under the same
    // name, then migrated by alembic itself, check nothing of the new one.
    void verifyLeavesOutARecreatedDatabasesRecords()
    {
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("verify_recreated"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        ProcessResult v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(s.cluster.dropDatabase(s.db));
        QVERIFY2(s.cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE ") + quoteIdentifier(s.db)),
                 qPrintable(s.cluster.lastError()));
        QVERIFY(s.alembic({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        v = s.retort({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(QString::fromUtf8(v.out),
                 notVerified(QStringLiteral("s1"), 1, {{QStringLiteral("s1"), s.file(1), kNoUpgrade}}, 0));
        QVERIFY2(v.err.contains("1 journal record(s) describe another database reached the same way (dropped and "
                                "created again, or another server): not used"),
                 v.err.constData());
    }

    // A copy of the database (CREATE DATABASE ... TEMPLATE, as a restored
    // dump) carries its retort.journal: those rows describe the copy too,
    // though written with the original's identity (transaction_per_migration
    // writes the row after the run, identity included).
    void verifyTrustsTheRowsACopiedDatabaseCarries()
    {
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("verify_copied"), true);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--journal-table")}).ok());
        QCOMPARE(s.rows(QStringLiteral("SELECT record->>'databaseIdentity' <> '' FROM retort.journal")),
                 QStringList{QStringLiteral("true")});
        const QString copy = s.db + QStringLiteral("_copy");
        QVERIFY2(s.cluster.exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 TEMPLATE %2")
                                                                 .arg(quoteIdentifier(copy), quoteIdentifier(s.db))),
                 qPrintable(s.cluster.lastError()));
        const ProcessResult v = s.retort({QStringLiteral("--url"), s.cluster.url(copy), QStringLiteral("verify")});
        s.cluster.dropDatabase(copy);
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(QString::fromUtf8(v.out), QStringLiteral("1 applied revision(s) checked: none changed since it was applied\n"));
    }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
