// The guarded apply flow, offscreen, against the private cluster and the real
// executor: the checklist gating Run, upgrades and downgrades of
// migrations/analytics compared with the real alembic on a twin database,
// the window's flow, and actions disabled with their reasons. The run view's
// own behaviour (failures, cancel) is in tst_runview.
// Waits are on state (QTRY_*), never on sleeps.

#include "applycontroller.h"
#include "applyharness.h"
#include "applyplan.h"
#include "applyscripteditor.h"
#include "confirmdialog.h"
#include "db/connectionsettings.h"
#include "db/savedconnections.h"
#include "graph/dbstate.h"
#include "historymodel.h"
#include "historyview.h"
#include "journal/localjournal.h"
#include "journaldialog.h"
#include "mainwindow.h"
#include "processrunner.h"
#include "projectloader.h"
#include "runview.h"
#include "filetree.h"
#include "foreignserver.h"
#include "testcluster.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTextDocument>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using namespace retort::testui;
using retort::testsupport::runAlembic;
using retort::testsupport::copyTree;
using retort::testsupport::TestCluster;

namespace {

const QString kAnalytics = analyticsIni();
const QString kFailing = fixtureIni(QStringLiteral("failing"));

// A plan made by hand for the checklist tests: no database needed, so where
// the server is (Locality) is given too.
ApplyPlan handPlan(const QString &url, Operation::Kind kind, bool local)
{
    ApplyPlan plan;
    plan.operation.kind = kind;
    plan.operation.targets = {QStringLiteral("abc123")};
    plan.title = operationTitle(plan.operation);
    plan.connection = settingsFor(url);
    plan.preview.locality.local = local;
    plan.preview.locality.where = QStringLiteral("%1:%2").arg(plan.connection.host).arg(plan.connection.port);
    plan.preview.locality.reason = local ? QStringLiteral("a hand-made plan on this machine")
                                         : QStringLiteral("a hand-made plan elsewhere");
    PlannedStep step;
    step.step.kind = kind == Operation::Kind::Downgrade ? MigrationStep::Kind::Downgrade : MigrationStep::Kind::Upgrade;
    step.revision = QStringLiteral("abc123");
    step.doc = QStringLiteral("add a column");
    plan.preview.steps = {step};
    return plan;
}

} // namespace

class TestApply : public QObject {
    Q_OBJECT

private:
private slots:
    void initTestCase() { useEmptyTestSettings(QStringLiteral("tst_apply")); }

    void cleanupTestCase() { QSettings().clear(); }

    // Runs from the window are journaled: locally always, and in the
    // database's retort.journal when its saved connection asks for it; a
    // success and a failure, each with its steps and the revision's bodies.
    void windowRunsAreJournaled()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir journal;
        qputenv("RETORT_JOURNAL_DIR", journal.path().toUtf8());
        const QString db = cluster.createDatabase(QStringLiteral("apply_journal"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        Harness h;
        QString error;
        QVERIFY2(h.load(kFailing, error), qPrintable(error));
        h.url = cluster.url(db);
        h.journalInDatabase = true;
        h.readDatabase();
        for (const QString &target : {QStringLiteral("a1000000f001"), QStringLiteral("a1000000f002")}) {
            Operation op;
            op.targets = {target};
            ConfirmDialog *dialog = confirmFor(h, op);
            QVERIFY2(dialog, qPrintable(h.controller->planError().toString()));
            const RunReport *report = runConfirmed(h, dialog);
            QVERIFY2(report, "the run did not finish");
            QCOMPARE(report->ok, target.endsWith(QLatin1String("1")));
            h.readDatabase();
        }
        h.controller.reset();
        qunsetenv("RETORT_JOURNAL_DIR");

        const Result<JournalContents> local = LocalJournal(journal.path()).read();
        QVERIFY2(local.ok(), qPrintable(local.error().toString()));
        QCOMPARE(local->records.size(), 2);
        const JournalRecord &ok = local->records[0], &failed = local->records[1];
        QCOMPARE(ok.outcome, QStringLiteral("succeeded"));
        QCOMPARE(ok.targets, QStringList{QStringLiteral("a1000000f001")});
        QCOMPARE(ok.steps.size(), 1);
        QCOMPARE(ok.steps[0].revision, QStringLiteral("a1000000f001"));
        QVERIFY(!ok.steps[0].upgradeSha256.isEmpty() && ok.steps[0].upgradeText.startsWith(QStringLiteral("def upgrade(")));
        QCOMPARE(ok.inDatabase, QStringLiteral("in the run's transaction"));
        QCOMPARE(failed.outcome, QStringLiteral("failed"));
        QCOMPARE(failed.sqlState, QStringLiteral("42P01"));
        QCOMPARE(failed.steps[0].outcome, QStringLiteral("failed"));
        QCOMPARE(failed.inDatabase, QStringLiteral("after the run"));
        QString connectionName;
        {
            QSqlDatabase conn = cluster.open(db);
            connectionName = conn.connectionName();
            QVERIFY(conn.isOpen());
            QSqlQuery q(conn);
            QVERIFY(q.exec(QStringLiteral("SELECT id::text, outcome FROM retort.journal ORDER BY started_at")));
            QStringList rows;
            while (q.next())
                rows << q.value(0).toString() + QLatin1Char('|') + q.value(1).toString();
            QCOMPARE(rows, (QStringList{ok.id + QStringLiteral("|succeeded"), failed.id + QStringLiteral("|failed")}));
        }
        QSqlDatabase::removeDatabase(connectionName);

        // the window's journal of that database: newest first, from both places
        qputenv("RETORT_JOURNAL_DIR", journal.path().toUtf8());
        JournalDialog view(QStringLiteral("local"), settingsFor(cluster.url(db)));
        qunsetenv("RETORT_JOURNAL_DIR");
        QSignalSpy loaded(&view, &JournalDialog::loaded);
        QVERIFY(loaded.wait(kWait));
        QCOMPARE(view.runList()->topLevelItemCount(), 2);
        QCOMPARE(view.runList()->topLevelItem(0)->text(2), QStringLiteral("failed"));
        QCOMPARE(view.runList()->topLevelItem(0)->text(5), QStringLiteral("local, database"));
        QCOMPARE(view.runList()->topLevelItem(1)->text(2), QStringLiteral("succeeded"));
        QVERIFY2(view.details()->toPlainText().contains(failed.sqlSha256), qPrintable(view.details()->toPlainText()));
        cluster.dropDatabase(db);
    }

    void checklistGatesRunOnLocalHost()
    {
        ConfirmDialog dialog(handPlan(QStringLiteral("postgresql://me@localhost/shop"), Operation::Kind::Upgrade, true),
                             nullptr);
        QVERIFY(!dialog.typedNameEdit());
        QVERIFY(!dialog.forceCheck());
        QList<QCheckBox *> boxes = {dialog.backupCheck(), dialog.reviewedCheck(), dialog.trafficCheck()};
        QVERIFY(!dialog.runButton()->isEnabled());
        // Any two of the three are not enough.
        for (QCheckBox *missing : boxes) {
            for (QCheckBox *b : boxes)
                b->setChecked(b != missing);
            QVERIFY2(!dialog.runButton()->isEnabled(), qPrintable(missing->text()));
            QVERIFY(!dialog.isComplete());
        }
        tickAll(&dialog);
        QVERIFY(dialog.runButton()->isEnabled());
        dialog.trafficCheck()->setChecked(false);
        QVERIFY(!dialog.runButton()->isEnabled());
        QCOMPARE(dialog.stepList()->topLevelItem(0)->text(3), QStringLiteral("add a column"));

        // Nothing to run: Run stays disabled whatever is ticked.
        ApplyPlan empty = handPlan(QStringLiteral("postgresql://me@localhost/shop"), Operation::Kind::Upgrade, true);
        empty.preview.steps.clear();
        ConfirmDialog nothing(empty, nullptr);
        tickAll(&nothing);
        QVERIFY(!nothing.runButton()->isEnabled());
        QVERIFY(nothing.destructiveLabel()->text().contains(QLatin1String("Nothing to do")));
    }

    // An error of the lock model is one more box to tick; the locks, their
    // spans and who is in the way now are shown.
    void riskErrorAddsChecklistBox()
    {
        ApplyPlan plan = handPlan(QStringLiteral("postgresql://me@localhost/shop"), Operation::Kind::Upgrade, true);
        using K = PlannedStatement::Kind;
        plan.preview.statements = {{K::Begin, -1, QStringLiteral("BEGIN"), 0, -1},
                                   {K::Body, 0, QStringLiteral("ALTER TABLE users ALTER COLUMN id TYPE bigint"), 12, -1},
                                   {K::Commit, -1, QStringLiteral("COMMIT"), 0, -1}};
        plan.risk = risk::analyzePlan(plan.preview.steps, plan.preview.statements);
        risk::LiveBlocker blocker;
        blocker.relation = QStringLiteral("users");
        blocker.pid = 4242;
        blocker.mode = QStringLiteral("AccessShareLock");
        blocker.application = QStringLiteral("pg_dump");
        blocker.transactionSeconds = 720;
        plan.live.blockers = {blocker};
        plan.risk.allowProblems = {Error(Error::Kind::Config, QStringLiteral("unknown rule 'nosuch' in '# retort: allow nosuch'"),
                                         Location{QStringLiteral("v/abc123_users.py"), 7, 0, QString(), -1, 0})};
        ConfirmDialog dialog(plan, nullptr);
        QVERIFY(dialog.riskCheck());
        QVERIFY(dialog.riskCheck()->text().contains(QLatin1String("alter-column-type-rewrite")));
        dialog.backupCheck()->setChecked(true);
        dialog.reviewedCheck()->setChecked(true);
        dialog.trafficCheck()->setChecked(true);
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.riskCheck()->setChecked(true);
        QVERIFY(dialog.runButton()->isEnabled());
        const QString text = dialog.riskLabel()->text();
        QVERIFY2(text.contains(QLatin1String("AccessExclusiveLock on users from revision abc123 statement 1")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("not honoured: v/abc123_users.py:7: unknown rule 'nosuch'")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("will wait behind pid 4242 (pg_dump, 12 min)")), qPrintable(text));

        // Warnings only: no extra box.
        ApplyPlan warned = handPlan(QStringLiteral("postgresql://me@localhost/shop"), Operation::Kind::Upgrade, true);
        warned.preview.statements = {{K::Begin, -1, QStringLiteral("BEGIN"), 0, -1},
                                     {K::Body, 0, QStringLiteral("CREATE INDEX ix ON users (email)"), 3, -1},
                                     {K::Commit, -1, QStringLiteral("COMMIT"), 0, -1}};
        warned.risk = risk::analyzePlan(warned.preview.steps, warned.preview.statements);
        ConfirmDialog calm(warned, nullptr);
        QVERIFY(!calm.riskCheck());
        QVERIFY(calm.riskLabel()->text().contains(QLatin1String("0 errors, 2 warnings")));
    }

    void checklistNeedsTypedNameOnRemoteHost()
    {
        ConfirmDialog dialog(
            handPlan(QStringLiteral("postgresql://me:pw-typed@db.example.com:5433/shop"), Operation::Kind::Downgrade,
                     false),
            nullptr);
        QVERIFY(dialog.typedNameEdit());
        tickAll(&dialog);
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.typedNameEdit()->setText(QStringLiteral("sho"));
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.typedNameEdit()->setText(QStringLiteral("SHOP"));
        QVERIFY(!dialog.runButton()->isEnabled());
        QTest::keyClicks(dialog.typedNameEdit(), QString());
        dialog.typedNameEdit()->clear();
        QTest::keyClicks(dialog.typedNameEdit(), QStringLiteral("shop"));
        QVERIFY(dialog.runButton()->isEnabled());
        dialog.backupCheck()->setChecked(false);
        QVERIFY(!dialog.runButton()->isEnabled());
        // The host is named as not this machine.
        const QString all = [&] {
            QString t;
            for (auto *l : dialog.findChildren<QLabel *>())
                t += l->text() + QLatin1Char('\n');
            return t;
        }();
        QVERIFY2(all.contains(QLatin1String("db.example.com:5433")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("not proven to be this machine")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("a hand-made plan elsewhere")), qPrintable(all));
        // Nothing of it is shown or remembered: no password on screen, no settings written.
        QVERIFY(!all.contains(QLatin1String("pw-typed")));
        QVERIFY2(QSettings().allKeys().isEmpty(), qPrintable(QSettings().allKeys().join(QLatin1Char(' '))));
    }

    void resetOfRemoteHostMustBeForced()
    {
        ConfirmDialog dialog(handPlan(QStringLiteral("postgresql://me@10.1.2.3/shop"), Operation::Kind::ResetLocal, false),
                             nullptr);
        QVERIFY(dialog.forceCheck());
        tickAll(&dialog);
        dialog.typedNameEdit()->setText(QStringLiteral("shop"));
        QVERIFY(!dialog.runButton()->isEnabled());
        QVERIFY(!dialog.forceReset());
        dialog.forceCheck()->setChecked(true);
        QVERIFY(dialog.runButton()->isEnabled());
        QVERIFY(dialog.forceReset());

        ConfirmDialog local(handPlan(QStringLiteral("postgresql://me@127.0.0.1/shop"), Operation::Kind::ResetLocal, true),
                            nullptr);
        QVERIFY(!local.forceCheck());
    }

    // "Back up now" runs pg_dump on a worker; the file and its size are
    // shown and the box is ticked.
    void backupNowRecordsFileAndTicks()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_backup"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QVERIFY(cluster.exec(db, QStringLiteral("CREATE TABLE t AS SELECT g AS id FROM generate_series(1, 1000) g")));
        QTemporaryDir dir;
        ConfirmDialog dialog(handPlan(cluster.url(db), Operation::Kind::Upgrade, true), nullptr);
        QSignalSpy done(&dialog, &ConfirmDialog::backupFinished);
        const QString file = dir.filePath(QStringLiteral("before.dump"));
        dialog.startBackup(file);
        QVERIFY(dialog.isBackingUp());
        QVERIFY(!dialog.backupButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, kWait);
        QVERIFY2(done.first().first().toBool(), qPrintable(dialog.backupLabel()->text()));
        QVERIFY(dialog.backupCheck()->isChecked());
        QVERIFY(dialog.backup());
        QCOMPARE(dialog.backup()->file, file);
        QCOMPARE(dialog.backup()->size, QFileInfo(file).size());
        QVERIFY(dialog.backup()->size > 0);
        QVERIFY2(dialog.backupLabel()->text().contains(file), qPrintable(dialog.backupLabel()->text()));
        QVERIFY2(dialog.backupLabel()->text().contains(formatBytes(dialog.backup()->size)),
                 qPrintable(dialog.backupLabel()->text()));
        cluster.dropDatabase(db);
    }

    // Upgrade to the head from the GUI, then downgrade to the branch point;
    // after each, version rows and the schema equal what the real alembic
    // leaves in a twin database.
    void upgradeThenDowngradeAnalytics()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_gui"));
        const QString twin = cluster.createDatabase(QStringLiteral("apply_twin"));
        QVERIFY2(!db.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        const QString projectDir = QFileInfo(kAnalytics).absolutePath();

        Harness h;
        QString error;
        QVERIFY2(h.load(kAnalytics, error), qPrintable(error));
        h.url = cluster.url(db);
        h.selected = QStringLiteral("9b52e1c8f3a6");
        h.readDatabase();
        QVERIFY(h.controller->upgradeAction()->isEnabled());

        struct Case {
            Operation::Kind kind;
            QString target;
            QStringList alembic;
            QString endsAt;  // what the dialog says the database ends at
        } cases[] = {
            {Operation::Kind::Upgrade, QStringLiteral("9b52e1c8f3a6"), {"upgrade", "9b52e1c8f3a6"},
             QStringLiteral("9b52e1c8f3a6")},
            // below the merge: two version rows, said so before it runs
            {Operation::Kind::Downgrade, QStringLiteral("7e3b9f0a2c65"), {"downgrade", "7e3b9f0a2c65"},
             QStringLiteral("7e3b9f0a2c65, f3a1c7e9d048 (2 version rows: the database ends on separate branches)")},
            {Operation::Kind::Downgrade, QStringLiteral("a91d0c6e5b27"), {"downgrade", "a91d0c6e5b27"},
             QStringLiteral("a91d0c6e5b27")},
        };
        for (const Case &c : cases) {
            Operation op;
            op.kind = c.kind;
            op.targets = {c.target};
            const int refreshesBefore = h.refreshes;
            ConfirmDialog *dialog = confirmFor(h, op);
            QVERIFY2(dialog, qPrintable(h.controller->planError().toString()));
            QVERIFY(dialog->stepList()->topLevelItemCount() > 0);
            QVERIFY(!dialog->runButton()->isEnabled());
            auto *endState = dialog->findChild<QLabel *>(QStringLiteral("endState"));
            QVERIFY(endState);
            QTextDocument rendered;
            rendered.setHtml(endState->text());
            QCOMPARE(rendered.toPlainText(), c.endsAt);
            QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("stampBackwards")));
            const RunReport *report = runConfirmed(h, dialog);
            QVERIFY2(report, "the run did not finish");
            QVERIFY2(report->ok, qPrintable(report->error.toString()));
            QCOMPARE(h.refreshes, refreshesBefore + 1);

            const auto a = runAlembic(kAnalytics, c.alembic, projectDir, envFor(cluster.url(twin)));
            QVERIFY2(a.ok(), qPrintable(a.describe()));
            QCOMPARE(cluster.versionRows(db), cluster.versionRows(twin));
            QVERIFY(!cluster.versionRows(db).isEmpty());
            QCOMPARE(cluster.schemaDump(db), cluster.schemaDump(twin));
            // The run view's log carries alembic's lines for each step, and Retort's own.
            const QString log = h.controller->runView()->logPane()->toPlainText();
            QVERIFY2(log.contains(QLatin1String("INFO  [alembic.runtime.migration] Running ")), qPrintable(log));
            QVERIFY2(log.contains(QLatin1String("RETORT")), qPrintable(log));
        }
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("a91d0c6e5b27")});
        h.controller.reset();
        cluster.dropDatabase(db);
        cluster.dropDatabase(twin);
    }

    // Through a TCP forwarder on 127.0.0.1 (an SSH tunnel's shape) the plan,
    // read on the worker, shows the server as not proven local, says why,
    // and the reset needs the typed name and the force box; the force it
    // runs with is that name.
    void resetThroughTunnelMustBeForced()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_tunnel"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        testsupport::TcpForwarder forwarder(cluster.port());
        QVERIFY2(forwarder.start(), qPrintable(forwarder.error()));
        Harness h;
        QString error;
        QVERIFY2(h.load(kAnalytics, error), qPrintable(error));
        h.url = QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(cluster.user()).arg(forwarder.port()).arg(db);
        h.controller->updateActions();
        Operation reset;
        reset.kind = Operation::Kind::ResetLocal;
        ConfirmDialog *dialog = confirmFor(h, reset);
        QVERIFY2(dialog, qPrintable(h.controller->planError().toString()));
        QVERIFY(dialog->forceCheck());
        QVERIFY(dialog->typedNameEdit());
        auto *host = dialog->findChild<QLabel *>(QStringLiteral("targetHost"));
        QVERIFY(host);
        QVERIFY2(host->text().contains(QStringLiteral("127.0.0.1:%1").arg(forwarder.port()))
                     && host->text().contains(QLatin1String("not proven to be this machine")),
                 qPrintable(host->text()));
        auto *why = dialog->findChild<QLabel *>(QStringLiteral("localityReason"));
        QVERIFY(why);
        QVERIFY2(why->text().contains(QStringLiteral("(pid %1)").arg(forwarder.pid())), qPrintable(why->text()));
        tickAll(dialog);
        dialog->typedNameEdit()->setText(db);
        QVERIFY(!dialog->runButton()->isEnabled());
        dialog->forceCheck()->setChecked(true);
        QVERIFY(dialog->runButton()->isEnabled());
        QCOMPARE(dialog->forcedDatabase(), db);
        dialog->close();
        h.controller.reset();
        cluster.dropDatabase(db);
    }

    // Reset Local Database, then Stamp… with purge through its action, against
    // alembic's downgrade base + upgrade heads and stamp --purge.
    void stampAndResetLocal()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_stamp"));
        const QString twin = cluster.createDatabase(QStringLiteral("apply_stamp_twin"));
        QVERIFY2(!db.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        const QString projectDir = QFileInfo(kAnalytics).absolutePath();
        for (const QString &d : {db, twin}) {
            const auto a = runAlembic(kAnalytics, {"upgrade", "e07f5b3d2a19"}, projectDir, envFor(cluster.url(d)));
            QVERIFY2(a.ok(), qPrintable(a.describe()));
        }

        Harness h;
        QString error;
        QVERIFY2(h.load(kAnalytics, error), qPrintable(error));
        h.url = cluster.url(db);
        h.selected = QStringLiteral("f3a1c7e9d048");
        h.readDatabase();

        // Reset: down to base, up to the heads.
        Operation reset;
        reset.kind = Operation::Kind::ResetLocal;
        ConfirmDialog *dialog = confirmFor(h, reset);
        QVERIFY2(dialog, qPrintable(h.controller->planError().toString()));
        QVERIFY(!dialog->forceCheck());  // 127.0.0.1 is this machine
        const RunReport *report = runConfirmed(h, dialog);
        QVERIFY2(report && report->ok, report ? qPrintable(report->error.toString()) : "no report");
        for (const QStringList &args : {QStringList{"downgrade", "base"}, QStringList{"upgrade", "heads"}}) {
            const auto a = runAlembic(kAnalytics, args, projectDir, envFor(cluster.url(twin)));
            QVERIFY2(a.ok(), qPrintable(a.describe()));
        }
        QCOMPARE(cluster.versionRows(db), cluster.versionRows(twin));
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("9b52e1c8f3a6")});
        QCOMPARE(cluster.schemaDump(db), cluster.schemaDump(twin));

        // Stamp…: the revisions to stamp and Purge are asked first.
        QSignalSpy opened(h.controller.get(), &ApplyController::confirmationOpened);
        const QString schemaBeforeStamp = cluster.schemaDump(db);
        h.controller->stampAction()->trigger();
        QDialog *ask = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((ask = h.window.findChild<QDialog *>(QStringLiteral("stampDialog"))) != nullptr, kWait);
        auto *targets = ask->findChild<QLineEdit *>();
        auto *purge = ask->findChild<QCheckBox *>();
        QVERIFY(targets && purge);
        QCOMPARE(targets->text(), h.selected);  // the selection is offered
        targets->setText(QStringLiteral("f3a1c7e9d048 7e3b9f0a2c65"));
        purge->setChecked(true);
        ask->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), kWait);
        dialog = h.controller->confirmDialog();
        QVERIFY(dialog);
        QVERIFY2(dialog->destructiveLabel()->text().contains(QLatin1String("only the version table changes")),
                 qPrintable(dialog->destructiveLabel()->text()));
        // From the head back to below the merge: the merge and the two after
        // it would be marked not applied, with their changes still there.
        auto *backwards = dialog->findChild<QLabel *>(QStringLiteral("stampBackwards"));
        QVERIFY(backwards);
        QVERIFY2(backwards->text().contains(QLatin1String("3 applied revisions will be marked as not applied")),
                 qPrintable(backwards->text()));
        report = runConfirmed(h, dialog);
        QVERIFY2(report && report->ok, report ? qPrintable(report->error.toString()) : "no report");
        auto a = runAlembic(kAnalytics, {"stamp", "--purge", "f3a1c7e9d048", "7e3b9f0a2c65"}, projectDir,
                            envFor(cluster.url(twin)));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QCOMPARE(cluster.versionRows(db), cluster.versionRows(twin));
        QCOMPARE(cluster.versionRows(db).size(), 2);
        QCOMPARE(cluster.schemaDump(db), schemaBeforeStamp);  // nothing but the rows changed

        QVERIFY(!cluster.versionRows(db).contains(QStringLiteral("9b52e1c8f3a6")));
        h.controller.reset();
        cluster.dropDatabase(db);
        cluster.dropDatabase(twin);
    }

    // The same flow from the window: the actions in the history's context
    // menu, the Database menu's run, and the graph's states read again after.
    void windowUpgradesAndDowngradesWithGraphState()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_window"));
        const QString twin = cluster.createDatabase(QStringLiteral("apply_window_twin"));
        QVERIFY2(!db.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        const QString projectDir = QFileInfo(kAnalytics).absolutePath();
        saveConnectionsFor(kAnalytics, {{QStringLiteral("local"), cluster.url(db), QStringLiteral("#2da44e")}});
        {
            MainWindow window;
            window.resize(1300, 800);
            window.show();
            QSignalSpy shown(&window, &MainWindow::projectShown);
            window.openProject(kAnalytics);
            QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kWait);
            QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, kWait);
            const HistoryModel &model = *window.historyModel();
            const auto state = [&](const QString &id) {
                return model.index(model.rowOfRevision(id)).data(HistoryModel::DbStateRole).toInt();
            };
            QCOMPARE(state(QStringLiteral("4b1e7f2a9c03")), int(RevisionDbState::Pending));

            auto *upgrade = window.findChild<QAction *>(QStringLiteral("upgradeToHere"));
            auto *downgrade = window.findChild<QAction *>(QStringLiteral("downgradeToHere"));
            QVERIFY(upgrade && downgrade);
            QVERIFY(window.historyView()->actions().contains(upgrade));
            QVERIFY(window.historyView()->actions().contains(downgrade));

            struct Case {
                QAction *action;
                QString target;
                QStringList alembic;
            } cases[] = {
                {upgrade, QStringLiteral("e07f5b3d2a19"), {"upgrade", "e07f5b3d2a19"}},
                {downgrade, QStringLiteral("a91d0c6e5b27"), {"downgrade", "a91d0c6e5b27"}},
            };
            for (const Case &c : cases) {
                QVERIFY(window.selectRevision(c.target));
                QTRY_VERIFY_WITH_TIMEOUT(c.action->isEnabled(), kWait);
                QSignalSpy changed(&window, &MainWindow::databaseStateChanged);
                c.action->trigger();
                ConfirmDialog *dialog = nullptr;
                QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleChild<ConfirmDialog>(window)) != nullptr, kWait);
                tickAll(dialog);
                QVERIFY(dialog->runButton()->isEnabled());
                QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
                RunView *view = nullptr;
                QTRY_VERIFY_WITH_TIMEOUT((view = visibleChild<RunView>(window)) != nullptr && view->report(), kWait);
                QVERIFY2(view->report()->ok, qPrintable(view->report()->error.toString()));
                // The window reads the database again and redraws the states.
                QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kWait);
                QTRY_COMPARE_WITH_TIMEOUT(state(c.target), int(RevisionDbState::Current), kWait);

                const auto a = runAlembic(kAnalytics, c.alembic, projectDir, envFor(cluster.url(twin)));
                QVERIFY2(a.ok(), qPrintable(a.describe()));
                QCOMPARE(cluster.versionRows(db), cluster.versionRows(twin));
                QCOMPARE(cluster.versionRows(db), QStringList{c.target});
                view->close();
            }
            // After the downgrade: its ancestors applied, what it removed pending again.
            QCOMPARE(state(QStringLiteral("4b1e7f2a9c03")), int(RevisionDbState::Applied));
            QCOMPARE(state(QStringLiteral("e07f5b3d2a19")), int(RevisionDbState::Pending));
            QCOMPARE(state(QStringLiteral("9b52e1c8f3a6")), int(RevisionDbState::Pending));
        }
        QSettings().clear();
        cluster.dropDatabase(db);
        cluster.dropDatabase(twin);
    }

    // An action that cannot work is disabled and says why, before alembic
    // would have said it with an error: no database, a state not read (a
    // server that is down), upgrade to an applied revision or to the current
    // one, downgrade to a revision not applied or to the current one, stamp
    // to where the database already is. The database is stamped by alembic.
    // An env.py the window cannot use (here one Python cannot compile) is an
    // error naming it, for the database read and for the plan: never alembic's
    // default version table in its place, which would draw and migrate from
    // rows that were never read.
    void brokenEnvPyIsAnErrorNotDefaults()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_badenv"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyTree(QFileInfo(kAnalytics).absolutePath(), dir.path()));
        const QString ini = dir.filePath(QStringLiteral("alembic.ini"));

        Harness h;
        QString error;
        QVERIFY2(h.load(ini, error), qPrintable(error));
        QFile env(h.project->config.envPath);
        QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
        env.write("from alembic import context\ncontext.configure(version_table='elsewhere'\n");
        env.close();
        h.url = cluster.url(db);
        h.selected = QStringLiteral("9b52e1c8f3a6");
        h.readDatabase();
        QVERIFY(h.read.has_value());
        QVERIFY2(!h.read->ok, "the database was read with alembic's defaults in place of env.py");
        QVERIFY2(h.read->error.toString().contains(QStringLiteral("env.py")), qPrintable(h.read->error.toString()));
        QVERIFY(!h.controller->upgradeAction()->isEnabled());

        Operation op;
        op.kind = Operation::Kind::Upgrade;
        op.targets = {QStringLiteral("9b52e1c8f3a6")};
        Result<ApplyPlan> plan = buildApplyPlan(h.project, settingsFor(h.url), op);
        QVERIFY2(!plan, "a plan was made with alembic's defaults in place of env.py");
        QVERIFY2(plan.error().toString().contains(QStringLiteral("env.py")), qPrintable(plan.error().toString()));
        cluster.dropDatabase(db);
    }

    void impossibleActionsAreDisabledWithReason()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_actions"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString projectDir = QFileInfo(kFailing).absolutePath();
        const QString first = QStringLiteral("a1000000f001");
        const QString second = QStringLiteral("a1000000f002");

        Harness h;
        QString error;
        QVERIFY2(h.load(kFailing, error), qPrintable(error));
        const QList<QAction *> all = h.controller->actions();
        const auto check = [&](QAction *action, bool enabled, const char *because) {
            const QString tip = action->toolTip();
            if (action->isEnabled() != enabled)
                return QStringLiteral("%1: enabled %2, tooltip \"%3\"").arg(action->objectName()).arg(action->isEnabled()).arg(tip);
            if (!enabled && !tip.contains(QLatin1String(because), Qt::CaseInsensitive))
                return QStringLiteral("%1: tooltip \"%2\" lacks \"%3\"").arg(action->objectName(), tip, QLatin1String(because));
            return QString();
        };
#define CHECK_ACTION(action, enabled, because)                                                                         \
    do {                                                                                                               \
        const QString problem = check(action, enabled, because);                                                      \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                             \
    } while (false)

        // No database at all.
        h.selected = second;
        h.controller->updateActions();
        for (QAction *a : all)
            CHECK_ACTION(a, false, "No database");

        // A server that is down: nothing was read, nothing is offered.
        h.url = QStringLiteral("postgresql://retort@127.0.0.1:1/nowhere");
        h.readDatabase();
        QVERIFY(!h.read->ok);
        for (QAction *a : all)
            CHECK_ACTION(a, false, "unknown");

        // Stamped at the head: the first revision is applied, the second current.
        h.url = cluster.url(db);
        auto a = runAlembic(kFailing, {"stamp", second}, projectDir, envFor(h.url));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        h.readDatabase();
        QVERIFY2(h.read->ok, qPrintable(h.read->error.toString()));
        h.selected = first;
        h.controller->updateActions();
        CHECK_ACTION(h.controller->upgradeAction(), false, "already applied");
        CHECK_ACTION(h.controller->downgradeAction(), true, "");
        CHECK_ACTION(h.controller->stampAction(), true, "");
        CHECK_ACTION(h.controller->resetAction(), true, "");
        h.selected = second;
        h.controller->updateActions();
        CHECK_ACTION(h.controller->upgradeAction(), false, "already");
        CHECK_ACTION(h.controller->downgradeAction(), false, "nothing to downgrade");
        CHECK_ACTION(h.controller->stampAction(), false, "stamped at a1000000f002 already");

        // Stamped at the first: the second is above it.
        a = runAlembic(kFailing, {"stamp", first}, projectDir, envFor(h.url));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        h.readDatabase();
        CHECK_ACTION(h.controller->upgradeAction(), true, "");
        CHECK_ACTION(h.controller->downgradeAction(), false, "has not applied a1000000f002");
        CHECK_ACTION(h.controller->stampAction(), true, "");
        // Nothing selected: only what needs no revision.
        h.selected.clear();
        h.controller->updateActions();
        CHECK_ACTION(h.controller->upgradeAction(), false, "Select");
        CHECK_ACTION(h.controller->downgradeAction(), false, "Select");
        CHECK_ACTION(h.controller->stampAction(), true, "");
#undef CHECK_ACTION
        h.controller.reset();
        cluster.dropDatabase(db);
    }
};

QTEST_MAIN(TestApply)
#include "tst_apply.moc"
