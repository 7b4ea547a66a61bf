// The run journal with real parts: the retort binary and the executor
// against the private cluster, alembic's own offline script as the oracle
// of the SQL hash, diff -u as the oracle of the unified diff.
#include "journal/databasejournal.h"
#include "journal/journalrecorder.h"
#include "journal/unifieddiff.h"
#include "journalscenario.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// The SHA-256 of alembic's own offline script for `args` (its statements,
// each followed by ";\n", comments dropped): what Retort sends online.
QString alembicScriptSha(const QString &ini, const QStringList &args, const QString &url)
{
    const ProcessResult r = runAlembic(ini, args + QStringList{QStringLiteral("--sql")}, QString(), alembicEnv(url));
    if (!r.ok())
        return QStringLiteral("alembic failed: ") + r.describe();
    QByteArray joined;
    for (const QString &chunk : QString::fromUtf8(r.out).split(QStringLiteral(";\n"))) {
        QStringList lines;
        for (const QString &l : chunk.split(QLatin1Char('\n')))
            if (!l.startsWith(QStringLiteral("-- ")))
                lines << l;
        QString statement = lines.join(QLatin1Char('\n'));
        while (statement.startsWith(QLatin1Char('\n')))
            statement.remove(0, 1);
        while (statement.endsWith(QLatin1Char('\n')))
            statement.chop(1);
        if (!statement.trimmed().isEmpty())
            joined += statement.toUtf8() + ";\n";
    }
    return sha256(joined);
}

QString osUser()
{
    const ProcessResult r = runProcess(QStringLiteral("id"), {QStringLiteral("-un")}, QString());
    return QString::fromUtf8(r.out).trimmed();
}

QString upgradeText(const QString &statement)
{
    return QStringLiteral("def upgrade() -> None:\n    ") + statement;
}

} // namespace

class TestJournal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    // Our unified diff is diff -u's, byte for byte.
    void unifiedDiffIsDiffU_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("one line changed") << "def upgrade():\n    x = 1\n    y = 2\n" << "def upgrade():\n    x = 3\n    y = 2\n";
        QTest::newRow("line added at the end") << "a\nb\n" << "a\nb\nc\n";
        QTest::newRow("line removed at the start") << "a\nb\nc\n" << "b\nc\n";
        QTest::newRow("from nothing") << "" << "a\nb\n";
        QTest::newRow("to nothing") << "a\nb\n" << "";
        QString longA, longB;
        for (int i = 0; i < 40; ++i) {
            longA += QStringLiteral("line %1\n").arg(i);
            longB += i == 3 || i == 30 ? QStringLiteral("changed %1\n").arg(i) : QStringLiteral("line %1\n").arg(i);
        }
        QTest::newRow("two hunks") << longA << longB;
        QString nearB = longA;
        nearB.replace(QStringLiteral("line 10\n"), QStringLiteral("ten\n")).replace(QStringLiteral("line 15\n"), QString());
        QTest::newRow("close changes in one hunk") << longA << nearB;
    }
    void unifiedDiffIsDiffU()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QTemporaryDir tmp;
        QFile fa(tmp.filePath(QStringLiteral("a"))), fb(tmp.filePath(QStringLiteral("b")));
        QVERIFY(fa.open(QIODevice::WriteOnly) && fb.open(QIODevice::WriteOnly));
        fa.write(a.toUtf8());
        fb.write(b.toUtf8());
        fa.close();
        fb.close();
        const ProcessResult d = runProcess(QStringLiteral("diff"),
                                           {QStringLiteral("-u"), QStringLiteral("--label"), QStringLiteral("old"),
                                            QStringLiteral("--label"), QStringLiteral("new"), fa.fileName(), fb.fileName()},
                                           QString());
        QCOMPARE(d.exitCode, 1);
        QCOMPARE(unifiedDiff(a, b, QStringLiteral("old"), QStringLiteral("new")), QString::fromUtf8(d.out));
    }

    // A successful upgrade with --journal-table: one record locally and one
    // row in retort.journal, with who, the duration, the plan, the hash of
    // exactly the statements alembic's script has, and each revision's bodies.
    void successfulRun()
    {
        Scenario s({exec(QStringLiteral("CREATE TABLE a (id int)")), exec(QStringLiteral("CREATE TABLE b (id int)"))},
                   QStringLiteral("journal_ok"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString &ini = s.ini, &db = s.db, &journal = s.journal;
        TestCluster &cluster = s.cluster;
        const ProcessResult r = s.retort({QStringLiteral("upgrade"), QStringLiteral("heads"),
                                           QStringLiteral("--journal-table")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(!r.err.contains("journal"), r.err.constData());

        const QVector<JournalRecord> records = localRecords(journal);
        QCOMPARE(records.size(), 1);
        const JournalRecord &j = records.front();
        QCOMPARE(j.operation, QStringLiteral("upgrade"));
        QCOMPARE(j.targets, QStringList{QStringLiteral("heads")});
        QCOMPARE(j.outcome, QStringLiteral("succeeded"));
        QCOMPARE(j.osUser, osUser());
        QCOMPARE(j.databaseUser, cluster.user());
        QCOMPARE(j.databaseKey, QStringLiteral("%1:%2/%3").arg(cluster.host()).arg(cluster.port()).arg(db));
        QVERIFY(j.durationMs > 0);
        QVERIFY(qAbs(j.startedAt.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
        QCOMPARE(j.headsBefore, QStringList());
        QCOMPARE(j.headsAfter, QStringList{QStringLiteral("s2")});
        QCOMPARE(j.sqlSha256, alembicScriptSha(ini, {QStringLiteral("upgrade"), QStringLiteral("heads")}, cluster.url(db)));
        QCOMPARE(j.inDatabase, QStringLiteral("in the run's transaction"));
        QCOMPARE(j.steps.size(), 2);
        QCOMPARE(j.steps[0].revision, QStringLiteral("s1"));
        QCOMPARE(j.steps[0].outcome, QStringLiteral("committed"));
        QCOMPARE(j.steps[1].outcome, QStringLiteral("committed"));
        QCOMPARE(j.steps[0].upgradeText, upgradeText(exec(QStringLiteral("CREATE TABLE a (id int)"))));
        QCOMPARE(j.steps[0].upgradeSha256, sha256(j.steps[0].upgradeText.toUtf8()));
        QCOMPARE(j.steps[0].downgradeText, QStringLiteral("def downgrade() -> None:\n    pass"));
        QVERIFY(!r.err.contains("password"));

        // the same run in the database, written in its transaction
        const QStringList rows = queryRows(cluster, db,
                                           QStringLiteral("SELECT id, operation, targets, outcome, os_user, db_user, "
                                                          "heads_before, heads_after, sql_sha256, error IS NULL, "
                                                          "duration_ms > 0, record->>'id' FROM retort.journal"));
        QCOMPARE(rows, QStringList{QStringLiteral("%1|upgrade|heads|succeeded|%2|%3||s2|%4|true|true|%1")
                                       .arg(j.id, osUser(), cluster.user(), j.sqlSha256)});
        // alembic never sees it as its own: its version table is alone in public
        QCOMPARE(queryRows(cluster, db, QStringLiteral("SELECT table_schema || '.' || table_name FROM "
                                                      "information_schema.tables WHERE table_name = 'journal'")),
                 QStringList{QStringLiteral("retort.journal")});

        // once the table is there every run goes in, flag or not
        const ProcessResult down = s.retort({QStringLiteral("downgrade"), QStringLiteral("-1")});
        QVERIFY2(down.ok(), qPrintable(down.describe()));
        QCOMPARE(queryRows(cluster, db, QStringLiteral("SELECT operation, outcome, heads_after FROM retort.journal "
                                                      "ORDER BY started_at")),
                 (QStringList{QStringLiteral("upgrade|succeeded|s2"), QStringLiteral("downgrade|succeeded|s1")}));

        // `journal`: newest first, each from both places
        const ProcessResult shown = s.retort({QStringLiteral("journal")});
        QVERIFY2(shown.ok(), qPrintable(shown.describe()));
        const QString out = QString::fromUtf8(shown.out);
        const int downAt = out.indexOf(QStringLiteral("downgrade -1  succeeded"));
        const int upAt = out.indexOf(QStringLiteral("upgrade heads  succeeded"));
        QVERIFY2(downAt >= 0 && upAt > downAt, qPrintable(out));
        QCOMPARE(out.count(QStringLiteral("[local, database]")), 2);
        QVERIFY2(out.contains(j.sqlSha256), qPrintable(out));
    }

    // A statement that fails: recorded as failed with the server's error, the
    // failing step and the step rolled back with it; in the database too,
    // after the rollback, and never as a success.
    void failedRun()
    {
        Scenario s({exec(QStringLiteral("CREATE TABLE a (id int)")),
                    exec(QStringLiteral("ALTER TABLE missing ADD COLUMN x int"))},
                   QStringLiteral("journal_fail"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString &db = s.db, &journal = s.journal;
        TestCluster &cluster = s.cluster;
        const ProcessResult r = s.retort({QStringLiteral("upgrade"), QStringLiteral("heads"),
                                           QStringLiteral("--journal-table")});
        QCOMPARE(r.exitCode, 1);
        const QVector<JournalRecord> records = localRecords(journal);
        QCOMPARE(records.size(), 1);
        const JournalRecord &j = records.front();
        QCOMPARE(j.outcome, QStringLiteral("failed"));
        QCOMPARE(j.sqlState, QStringLiteral("42P01"));
        QVERIFY2(j.error.contains(QStringLiteral("\"missing\" does not exist")), qPrintable(j.error));
        QCOMPARE(j.steps.size(), 2);
        QCOMPARE(j.steps[0].outcome, QStringLiteral("rolled back"));
        QCOMPARE(j.steps[1].outcome, QStringLiteral("failed"));
        QCOMPARE(j.headsAfter, QStringList());
        QVERIFY(j.durationMs > 0);
        QCOMPARE(j.inDatabase, QStringLiteral("after the run"));
        QCOMPARE(queryRows(cluster, db, QStringLiteral("SELECT id, outcome, heads_after, error LIKE '%missing%' "
                                                      "FROM retort.journal")),
                 QStringList{QStringLiteral("%1|failed||true").arg(j.id)});
    }

    // transaction_per_migration: the step before the failure stays committed
    // and is recorded so; the row goes in after the run.
    void perMigrationFailure()
    {
        Scenario s({exec(QStringLiteral("CREATE TABLE a (id int)")),
                    exec(QStringLiteral("ALTER TABLE missing ADD COLUMN x int"))},
                   QStringLiteral("journal_permigration"), true);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const ProcessResult r = s.retort({QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--journal-table")});
        QCOMPARE(r.exitCode, 1);
        const QVector<JournalRecord> records = localRecords(s.journal);
        QCOMPARE(records.size(), 1);
        const JournalRecord &j = records.front();
        QCOMPARE(j.outcome, QStringLiteral("failed"));
        QVERIFY(j.transactionPerMigration);
        QCOMPARE(j.steps[0].outcome, QStringLiteral("committed"));
        QCOMPARE(j.steps[1].outcome, QStringLiteral("failed"));
        QCOMPARE(j.headsAfter, QStringList{QStringLiteral("s1")});
        QCOMPARE(j.inDatabase, QStringLiteral("after the run"));
        QCOMPARE(s.rows(QStringLiteral("SELECT id, outcome, heads_after FROM retort.journal")),
                 QStringList{QStringLiteral("%1|failed|s1").arg(j.id)});
    }

    // A password given in the URL (and only there) reaches neither the local
    // journal nor retort.journal.
    void passwordNeverRecorded()
    {
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("journal_secret"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QFile pass(s.cluster.passFile());
        QVERIFY(pass.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(pass.readLine()).trimmed().section(QLatin1Char(':'), 4);
        QVERIFY(password.size() >= 8);
        QProcessEnvironment env = s.env();
        env.insert(QStringLiteral("DATABASE_URL"),
                   QStringLiteral("postgresql://%1:%2@%3:%4/%5")
                       .arg(s.cluster.user(), QString::fromLatin1(QUrl::toPercentEncoding(password)), s.cluster.host())
                       .arg(s.cluster.port())
                       .arg(s.db));
        env.insert(QStringLiteral("PGPASSFILE"), s.tmp.filePath(QStringLiteral("no-pgpass")));
        const ProcessResult r = runRetort({QStringLiteral("-c"), s.ini, QStringLiteral("upgrade"), QStringLiteral("heads"),
                                           QStringLiteral("--journal-table")},
                                          s.tmp.path(), env);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QFile file(LocalJournal(s.journal).filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray local = file.readAll();
        QCOMPARE(localRecords(s.journal).size(), 1);
        QVERIFY(!local.contains(password.toUtf8()));
        const QStringList rows = s.rows(QStringLiteral("SELECT record::text FROM retort.journal"));
        QCOMPARE(rows.size(), 1);
        QVERIFY(!rows.front().contains(password));
    }

    // The run's COMMIT itself fails (a deferred foreign key): the row written
    // in the run's transaction goes with it, and the row that stays says failed.
    void commitFailureIsNotASuccess()
    {
        Scenario s({exec(QStringLiteral("CREATE TABLE p (id int PRIMARY KEY)")) + QLatin1Char('\n')
                        + exec(QStringLiteral("CREATE TABLE c (pid int REFERENCES p DEFERRABLE INITIALLY DEFERRED)")),
                    exec(QStringLiteral("INSERT INTO c VALUES (1)"))},
                   QStringLiteral("journal_commit"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString &db = s.db, &journal = s.journal;
        TestCluster &cluster = s.cluster;
        const ProcessResult r = s.retort({QStringLiteral("upgrade"), QStringLiteral("heads"),
                                           QStringLiteral("--journal-table")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(cluster.versionRows(db), QStringList());
        const QVector<JournalRecord> records = localRecords(journal);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.front().outcome, QStringLiteral("failed"));
        QCOMPARE(records.front().sqlState, QStringLiteral("23503"));
        QCOMPARE(records.front().steps[0].outcome, QStringLiteral("rolled back"));
        QCOMPARE(records.front().steps[1].outcome, QStringLiteral("rolled back"));
        QCOMPARE(queryRows(cluster, db, QStringLiteral("SELECT id, outcome FROM retort.journal")),
                 QStringList{QStringLiteral("%1|failed").arg(records.front().id)});
    }

    // Cancel during SELECT pg_sleep(30): recorded as cancelled, the step
    // that was running as cancelled, locally and in the database.
    void cancelledRun()
    {
        Scenario s({exec(QStringLiteral("CREATE TABLE a (id int)")), exec(QStringLiteral("SELECT pg_sleep(30)"))},
                   QStringLiteral("journal_cancel"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString &ini = s.ini, &db = s.db, &journal = s.journal;
        TestCluster &cluster = s.cluster;
        const LoadedProject project = loadProject(ini);
        QVERIFY2(project.error.isEmpty(), qPrintable(project.error));

        Operation op;
        op.targets = QStringList{QStringLiteral("heads")};
        MigrationRunner runner(project.context, clusterSettings(cluster.url(db)), RunOptions());
        JournalContext context;
        context.operation = op;
        context.connection = clusterSettings(cluster.url(db));
        context.databaseTable = true;
        context.localDirectory = journal;
        auto recorder = std::make_shared<JournalRecorder>(context);
        runner.setRecorder(recorder);
        Result<RunRequest> request = runner.request(op);
        QVERIFY2(request.ok(), qPrintable(request.error().toString()));

        ExecutorThread thread;
        QSignalSpy finished(&thread, &ExecutorThread::finished);
        QSignalSpy progress(&thread, &ExecutorThread::progress);
        QVERIFY(thread.start(request.value()));
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.back().front().value<RunProgress>().statementText
                                                            == QStringLiteral("SELECT pg_sleep(30)"),
                                 20000);
        // the statement is on the server before the cancel goes out
        QTRY_VERIFY_WITH_TIMEOUT(queryRows(cluster, QStringLiteral("postgres"),
                                           QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = '%1' "
                                                          "AND query = 'SELECT pg_sleep(30)'").arg(db))
                                     == QStringList{QStringLiteral("1")},
                                 20000);
        thread.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(finished.front().front().value<RunReport>().cancelled);

        const QVector<JournalRecord> records = localRecords(journal);
        QCOMPARE(records.size(), 1);
        const JournalRecord &j = records.front();
        QCOMPARE(j.outcome, QStringLiteral("cancelled"));
        QCOMPARE(j.sqlState, QStringLiteral("57014"));
        QCOMPARE(j.steps[0].outcome, QStringLiteral("rolled back"));
        QCOMPARE(j.steps[1].outcome, QStringLiteral("cancelled"));
        QVERIFY(j.durationMs > 0);
        QVERIFY(!j.sqlSha256.isEmpty());
        QCOMPARE(recorder->record().id, j.id);
        QCOMPARE(recorder->problems(), QStringList());
        QCOMPARE(queryRows(cluster, db, QStringLiteral("SELECT id, outcome, duration_ms > 0, sql_sha256 FROM retort.journal")),
                 QStringList{QStringLiteral("%1|cancelled|true|%2").arg(j.id, j.sqlSha256)});
    }

    // A journal file with a garbage line, a record whose bytes changed and a
    // last line cut short: each is reported by its line, the other records
    // are all read, and the next run appends on a line of its own.
    void damagedLocalJournal()
    {
        // downgrade() is `pass`: an upgrade that can run again
        Scenario s({exec(QStringLiteral("SELECT 1"))}, QStringLiteral("journal_damaged"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QString &journal = s.journal;
        const QProcessEnvironment env = s.env();
        QVERIFY(s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")}).ok());
        QVERIFY(s.retort({QStringLiteral("downgrade"), QStringLiteral("base")}).ok());

        QFile file(LocalJournal(journal).filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        QCOMPARE(lines.size(), 3);  // two records and the empty rest after the last newline
        QByteArray edited = lines[1];
        edited.replace("\"downgrade\"", "\"upgrade\"");  // a record changed by hand
        QVERIFY(edited != lines[1]);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines[0] + "\nnot a record at all\n" + edited + '\n' + lines[0].left(50));
        file.close();

        const ProcessResult again =
            s.retort({QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(again.ok(), qPrintable(again.describe()));
        QVector<DamagedRecord> damaged;
        const QVector<JournalRecord> records = localRecords(journal, &damaged);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].operation, QStringLiteral("upgrade"));
        QCOMPARE(records[1].operation, QStringLiteral("upgrade"));
        QVERIFY(records[0].id != records[1].id);
        QCOMPARE(damaged.size(), 3);
        QCOMPARE(damaged[0].line, 2);
        QCOMPARE(damaged[1].line, 3);
        QVERIFY2(damaged[1].reason.contains(QStringLiteral("checksum")), qPrintable(damaged[1].reason));
        QCOMPARE(damaged[2].line, 4);

        const ProcessResult shown = s.retort({QStringLiteral("journal")});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(QString::fromUtf8(shown.out).count(QStringLiteral("upgrade heads  succeeded")), 2);
        const QString err = QString::fromUtf8(shown.err);
        for (int line : {2, 3, 4})
            QVERIFY2(err.contains(QStringLiteral("%1:%2: ").arg(LocalJournal(journal).filePath()).arg(line)), qPrintable(err));
    }

    // Writers in parallel never interleave: every record reads back whole.
    void concurrentAppends()
    {
        QTemporaryDir tmp;
        const LocalJournal journal(tmp.filePath(QStringLiteral("j")));
        constexpr int kThreads = 6, kEach = 40;
        QString padding(20000, QLatin1Char('x'));  // lines far longer than one write of a pipe
        std::vector<std::unique_ptr<QThread>> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    JournalRecord r;
                    r.id = QStringLiteral("%1-%2").arg(t).arg(i);
                    r.startedAt = QDateTime::currentDateTimeUtc();
                    r.error = padding;
                    if (journal.append(r))
                        ++failures;
                }
            }));
        for (auto &t : threads)
            t->start();
        for (auto &t : threads)
            t->wait();
        QCOMPARE(failures.load(), 0);
        QVector<DamagedRecord> damaged;
        const QVector<JournalRecord> records = localRecords(journal.directory(), &damaged);
        QCOMPARE(damaged.size(), 0);
        QCOMPARE(records.size(), kThreads * kEach);
        QSet<QString> ids;
        for (const JournalRecord &r : records)
            ids.insert(r.id);
        QCOMPARE(ids.size(), kThreads * kEach);
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
