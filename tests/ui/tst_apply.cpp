// The guarded apply flow, offscreen, against the private cluster and the real
// executor: the checklist gating Run, upgrades and downgrades of
// migrations/analytics compared with the real alembic on a twin database, a
// failing statement underlined in the run view, and a cancel mid-statement.
// Waits are on state (QTRY_*), never on sleeps.

#include "applycontroller.h"
#include "applyplan.h"
#include "applyscripteditor.h"
#include "confirmdialog.h"
#include "databaseworker.h"
#include "db/connectionsettings.h"
#include "db/savedconnections.h"
#include "projectconnections.h"
#include "graph/dbstate.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "processrunner.h"
#include "projectloader.h"
#include "runview.h"
#include "testcluster.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using retort::testsupport::runAlembic;
using retort::testsupport::TestCluster;

namespace {

const QString kSource = QStringLiteral(RETORT_SOURCE_DIR);
const QString kAnalytics = kSource + QStringLiteral("/migrations/analytics/alembic.ini");
const QString kFailing = kSource + QStringLiteral("/tests/ui/fixtures/failing/alembic.ini");
const QString kSlow = kSource + QStringLiteral("/tests/ui/fixtures/slow/alembic.ini");
const QString kTwice = kSource + QStringLiteral("/tests/ui/fixtures/twice/alembic.ini");
constexpr int kWait = 60000;

QProcessEnvironment envFor(const QString &url)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("DATABASE_URL"), url);
    return e;
}

ConnectionSettings settingsFor(const QString &url)
{
    auto r = ConnectionSettings::parse(url);
    if (!r)
        qFatal("bad test URL");
    return r.value();
}

// The controller as the window would hold it: a project, a database, a
// selected revision, and a refresh hook that counts its calls.
struct Harness {
    QWidget window;
    LoadedProjectPtr project;
    QString url;
    QString selected;
    int refreshes = 0;
    std::optional<DatabaseRead> read;  // as the window reads it; none: unknown
    std::unique_ptr<ApplyController> controller;

    bool load(const QString &ini, QString &error)
    {
        auto loaded = ProjectLoader::loadProject(ini);
        if (!loaded) {
            error = loaded.error().toString();
            return false;
        }
        project = loaded.value();
        ApplyController::Context context;
        context.project = [this] { return project; };
        context.connection = [this]() -> Result<ConnectionSettings> {
            if (url.isEmpty())
                return Error(Error::Kind::Config, QStringLiteral("no database"));
            return ConnectionSettings::parse(url);
        };
        context.database = [this] {
            ApplyController::TargetDatabase target;
            if (!url.isEmpty())
                target.name = QStringLiteral("local");
            if (read && read->ok)
                target.state = &read->state;
            else
                target.unknownReason = read ? read->error.message() : QStringLiteral("not read");
            return target;
        };
        context.selectedRevision = [this] { return selected; };
        context.refreshDatabase = [this] { ++refreshes; };
        controller = std::make_unique<ApplyController>(context, &window);
        controller->setParent(nullptr);
        return true;
    }

    // Reads the database's state, as the window does after every change.
    void readDatabase()
    {
        read = DatabaseWorker::readDatabase(QStringLiteral("local"), settingsFor(url), project);
        controller->updateActions();
    }
};

template<typename T>
T *visibleChild(QWidget &parent)
{
    for (T *child : parent.findChildren<T *>()) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

void tickAll(ConfirmDialog *dialog)
{
    dialog->backupCheck()->setChecked(true);
    dialog->reviewedCheck()->setChecked(true);
    dialog->trafficCheck()->setChecked(true);
}

// A plan made by hand for the checklist tests: no database needed.
ApplyPlan handPlan(const QString &url, Operation::Kind kind)
{
    ApplyPlan plan;
    plan.operation.kind = kind;
    plan.operation.targets = {QStringLiteral("abc123")};
    plan.title = operationTitle(plan.operation);
    plan.connection = settingsFor(url);
    plan.isLocalHost = MigrationRunner::isLocalHost(plan.connection);
    PlannedStep step;
    step.step.kind = kind == Operation::Kind::Downgrade ? MigrationStep::Kind::Downgrade : MigrationStep::Kind::Upgrade;
    step.revision = QStringLiteral("abc123");
    step.doc = QStringLiteral("add a column");
    plan.preview.steps = {step};
    return plan;
}

// The server is running the slow fixture's `SELECT pg_sleep(600)` in `db` (not just about to).
bool sleepIsRunning(TestCluster &cluster, const QString &db)
{
    return cluster.exec(QStringLiteral("postgres"),
                        QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = "
                                       "'%1' AND state = 'active' AND query LIKE 'SELECT pg_sleep(600)%') THEN "
                                       "RAISE EXCEPTION 'not running'; END IF; END $$")
                            .arg(db));
}

} // namespace

class TestApply : public QObject {
    Q_OBJECT

private:
    // Plans `op` through the controller and returns the confirmation dialog.
    ConfirmDialog *confirmFor(Harness &h, const Operation &op)
    {
        QSignalSpy opened(h.controller.get(), &ApplyController::confirmationOpened);
        QSignalSpy planned(h.controller.get(), &ApplyController::planningFinished);
        h.controller->start(op);
        if (!QTest::qWaitFor([&] { return planned.count() > 0; }, kWait))
            return nullptr;
        if (!planned.first().first().toBool()) {
            qWarning("planning failed: %s", qPrintable(h.controller->planError().toString()));
            return nullptr;
        }
        return h.controller->confirmDialog();
    }

    // Loads `ini` into `h` and plans `upgrade head` on `url`; null (with a warning) on failure.
    ConfirmDialog *confirmUpgradeToHead(Harness &h, const QString &ini, const QString &url)
    {
        QString error;
        if (!h.load(ini, error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        h.url = url;
        Operation op;
        op.kind = Operation::Kind::Upgrade;
        op.targets = {QStringLiteral("head")};
        return confirmFor(h, op);
    }

    // Ticks the checklist, presses Run, waits for the report.
    const RunReport *runConfirmed(Harness &h, ConfirmDialog *dialog)
    {
        QSignalSpy finished(h.controller.get(), &ApplyController::runFinished);
        tickAll(dialog);
        if (!dialog->runButton()->isEnabled())
            return nullptr;
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return finished.count() > 0; }, kWait))
            return nullptr;
        return h.controller->runView() ? h.controller->runView()->report() : nullptr;
    }

private slots:
    void initTestCase()
    {
        // The window's saved connections go to a test-only settings file.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_apply"));
        qunsetenv("DATABASE_URL");
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void checklistGatesRunOnLocalHost()
    {
        ConfirmDialog dialog(handPlan(QStringLiteral("postgresql://me@localhost/shop"), Operation::Kind::Upgrade),
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
        ApplyPlan empty = handPlan(QStringLiteral("postgresql://me@localhost/shop"), Operation::Kind::Upgrade);
        empty.preview.steps.clear();
        ConfirmDialog nothing(empty, nullptr);
        tickAll(&nothing);
        QVERIFY(!nothing.runButton()->isEnabled());
        QVERIFY(nothing.destructiveLabel()->text().contains(QLatin1String("Nothing to do")));
    }

    void checklistNeedsTypedNameOnRemoteHost()
    {
        ConfirmDialog dialog(
            handPlan(QStringLiteral("postgresql://me:pw-typed@db.example.com:5433/shop"), Operation::Kind::Downgrade),
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
        QVERIFY2(all.contains(QLatin1String("not this machine")), qPrintable(all));
        // Nothing of it is shown or remembered: no password on screen, no settings written.
        QVERIFY(!all.contains(QLatin1String("pw-typed")));
        QVERIFY2(QSettings().allKeys().isEmpty(), qPrintable(QSettings().allKeys().join(QLatin1Char(' '))));
    }

    void resetOfRemoteHostMustBeForced()
    {
        ConfirmDialog dialog(handPlan(QStringLiteral("postgresql://me@10.1.2.3/shop"), Operation::Kind::ResetLocal),
                             nullptr);
        QVERIFY(dialog.forceCheck());
        tickAll(&dialog);
        dialog.typedNameEdit()->setText(QStringLiteral("shop"));
        QVERIFY(!dialog.runButton()->isEnabled());
        QVERIFY(!dialog.forceReset());
        dialog.forceCheck()->setChecked(true);
        QVERIFY(dialog.runButton()->isEnabled());
        QVERIFY(dialog.forceReset());

        ConfirmDialog local(handPlan(QStringLiteral("postgresql://me@127.0.0.1/shop"), Operation::Kind::ResetLocal),
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
        ConfirmDialog dialog(handPlan(cluster.url(db), Operation::Kind::Upgrade), nullptr);
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
        } cases[] = {
            {Operation::Kind::Upgrade, QStringLiteral("9b52e1c8f3a6"), {"upgrade", "9b52e1c8f3a6"}},
            {Operation::Kind::Downgrade, QStringLiteral("a91d0c6e5b27"), {"downgrade", "a91d0c6e5b27"}},
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

    // A statement fails: its SQLSTATE and message are shown, the statement is
    // underlined in the script, and the database is as it was.
    void failingStatementIsUnderlinedAndRolledBack()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_fail"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString schemaBefore = cluster.schemaDump(db);

        Harness h;
        ConfirmDialog *dialog = confirmUpgradeToHead(h, kFailing, cluster.url(db));
        QVERIFY(dialog);
        QCOMPARE(dialog->stepList()->topLevelItemCount(), 2);
        // "Show the full script" opens the statements apply will send.
        auto *link = dialog->findChild<QLabel *>(QStringLiteral("scriptLink"));
        QVERIFY(link);
        emit link->linkActivated(QStringLiteral("#script"));
        auto *viewer = dialog->findChild<ApplyScriptEditor *>(QStringLiteral("scriptViewer"));
        QVERIFY(viewer);
        QVERIFY(viewer->isReadOnly());
        QCOMPARE(viewer->text(), dialog->plan().script);
        QVERIFY(viewer->text().contains(QLatin1String("INSERT INTO item_archive")));
        viewer->window()->close();
        const RunReport *report = runConfirmed(h, dialog);
        QVERIFY2(report, "the run did not finish");
        QVERIFY(!report->ok);
        QVERIFY(!report->cancelled);
        // PostgreSQL's undefined_table.
        QCOMPARE(report->error.sqlState(), QStringLiteral("42P01"));

        RunView *view = h.controller->runView();
        QVERIFY(view->errorLabel()->isVisible() || !view->errorLabel()->isHidden());
        const QString shown = view->errorLabel()->text();
        QVERIFY2(shown.contains(QLatin1String("42P01")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("item_archive")), qPrintable(shown));

        const QString failing = QStringLiteral("INSERT INTO item_archive (id, name) SELECT id, name FROM items");
        ApplyScriptEditor *editor = view->scriptEditor();
        const int at = int(editor->text().indexOf(failing));
        QVERIFY2(at >= 0, qPrintable(editor->text()));
        QVERIFY(editor->hasError());
        QCOMPARE(editor->errorOffset(), at);
        QCOMPARE(editor->errorLength(), int(failing.size()));
        for (int i = at; i < at + failing.size(); ++i)
            QVERIFY2(editor->isMarkedAt(i), qPrintable(QString::number(i - at)));
        QVERIFY(!editor->isMarkedAt(at - 1));
        QVERIFY(!editor->isMarkedAt(at + int(failing.size()) + 1));
        // The caret was moved to the failing statement.
        int line = 0;
        int index = 0;
        editor->getCursorPosition(&line, &index);
        QCOMPARE(line, int(editor->text().left(at).count(QLatin1Char('\n'))));

        // Rolled back: no version table, no items table.
        QVERIFY(cluster.versionRows(db).isEmpty());
        QCOMPARE(cluster.schemaDump(db), schemaBefore);
        h.controller.reset();
        cluster.dropDatabase(db);
    }

    // The same statement text runs twice and only the second copy fails:
    // the underline is on that copy (the one the executor ran), not on the
    // first occurrence of the text.
    void failingCopyOfRepeatedStatementIsUnderlined()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_twice"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));

        Harness h;
        ConfirmDialog *dialog = confirmUpgradeToHead(h, kTwice, cluster.url(db));
        QVERIFY(dialog);
        const RunReport *report = runConfirmed(h, dialog);
        QVERIFY2(report, "the run did not finish");
        QVERIFY(!report->ok);
        QCOMPARE(report->error.sqlState(), QStringLiteral("23505"));  // unique_violation

        const QString insert = QStringLiteral("INSERT INTO seen (id) VALUES (1)");
        ApplyScriptEditor *editor = h.controller->runView()->scriptEditor();
        const int first = int(editor->text().indexOf(insert));
        const int second = int(editor->text().indexOf(insert, first + 1));
        QVERIFY2(first >= 0 && second > first, qPrintable(editor->text()));
        QCOMPARE(editor->text().count(insert), 2);
        QVERIFY(editor->hasError());
        QCOMPARE(editor->errorOffset(), second);
        QCOMPARE(editor->errorLength(), int(insert.size()));
        QVERIFY(!editor->isMarkedAt(first));
        QVERIFY(editor->isMarkedAt(second));
        int line = 0;
        int index = 0;
        editor->getCursorPosition(&line, &index);
        QCOMPARE(line, int(editor->text().left(second).count(QLatin1Char('\n'))));
        QVERIFY(cluster.versionRows(db).isEmpty());
        h.controller.reset();
        cluster.dropDatabase(db);
    }

    // A run is never cancelled by a stray key: Esc, closing the run view and
    // its Cancel button each ask first, and the question's Esc and Enter keep
    // the run going (the server is still running the statement after each).
    // Only "Cancel Migration" stops `SELECT pg_sleep(600)`, and the run rolls back.
    void cancelAsksFirst()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_cancel"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString schemaBefore = cluster.schemaDump(db);

        Harness h;
        QString error;
        QVERIFY2(h.load(kSlow, error), qPrintable(error));
        h.url = cluster.url(db);
        Operation op;
        op.kind = Operation::Kind::Upgrade;
        op.targets = {QStringLiteral("heads")};
        ConfirmDialog *dialog = confirmFor(h, op);
        QVERIFY2(dialog, qPrintable(h.controller->planError().toString()));
        QSignalSpy started(h.controller.get(), &ApplyController::runStarted);
        tickAll(dialog);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(started.count() == 1, kWait);
        RunView *view = h.controller->runView();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QTRY_VERIFY_WITH_TIMEOUT(sleepIsRunning(cluster, db), kWait);

        const auto stillRunning = [&] { return view->isRunning() && !view->report() && sleepIsRunning(cluster, db); };
        struct Way {
            const char *name;
            std::function<void()> ask;
            Qt::Key answer;
        } ways[] = {
            {"Esc in the run view, Esc in the question", [&] { QTest::keyClick(view, Qt::Key_Escape); }, Qt::Key_Escape},
            {"Esc in the run view, Enter in the question", [&] { QTest::keyClick(view, Qt::Key_Escape); },
             Qt::Key_Return},
            {"closing the run view, Esc", [&] { view->close(); }, Qt::Key_Escape},
            {"the Cancel button, Enter", [&] { QTest::mouseClick(view->cancelButton(), Qt::LeftButton); },
             Qt::Key_Return},
        };
        for (const Way &way : ways) {
            way.ask();
            QMessageBox *question = view->findChild<QMessageBox *>();
            QVERIFY2(question && question->isVisible(), way.name);
            QVERIFY2(stillRunning(), way.name);
            QCOMPARE(question->defaultButton()->objectName(), QStringLiteral("keepRunning"));
            QTest::keyClick(question, way.answer);
            QTRY_VERIFY2(!view->findChild<QMessageBox *>(), way.name);
            QVERIFY2(stillRunning(), way.name);
            QVERIFY2(view->isVisible(), way.name);
        }

        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QMessageBox *question = view->findChild<QMessageBox *>();
        QVERIFY(question);
        auto *confirm = question->findChild<QPushButton *>(QStringLiteral("confirmCancel"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        // pg_sleep(600) would finish on its own only after 10 minutes, so a
        // report within the wait means the server really cancelled it.
        QTRY_VERIFY_WITH_TIMEOUT(view->report() != nullptr, kWait);
        QVERIFY(!view->report()->ok);
        QVERIFY2(view->report()->cancelled, qPrintable(view->report()->error.toString()));
        QVERIFY2(view->statusLabel()->text().contains(QLatin1String("Cancelled")),
                 qPrintable(view->statusLabel()->text()));
        QVERIFY(cluster.versionRows(db).isEmpty());
        QCOMPARE(cluster.schemaDump(db), schemaBefore);
        h.controller.reset();
        cluster.dropDatabase(db);
    }

    // Closing the window mid-run asks too; Esc keeps both the run and the
    // window. Insisting cancels, and the window closes only after the run
    // rolled back.
    void closingWindowMidRunAsksAndWaitsForRollback()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("apply_quit"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString schemaBefore = cluster.schemaDump(db);
        saveConnectionsFor(kSlow, {{QStringLiteral("local"), cluster.url(db), QStringLiteral("#2da44e")}});
        {
            MainWindow window;
            window.show();
            QSignalSpy shown(&window, &MainWindow::projectShown);
            window.openProject(kSlow);
            QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kWait);
            QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, kWait);
            QVERIFY(window.selectRevision(QStringLiteral("b2000000c002")));
            auto *upgrade = window.findChild<QAction *>(QStringLiteral("upgradeToHere"));
            QTRY_VERIFY_WITH_TIMEOUT(upgrade->isEnabled(), kWait);
            upgrade->trigger();
            ConfirmDialog *dialog = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleChild<ConfirmDialog>(window)) != nullptr, kWait);
            tickAll(dialog);
            QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
            RunView *view = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((view = visibleChild<RunView>(window)) != nullptr, kWait);
            QTRY_VERIFY_WITH_TIMEOUT(sleepIsRunning(cluster, db), kWait);

            QVERIFY(!window.close());
            QMessageBox *question = view->findChild<QMessageBox *>();
            QVERIFY(question && question->isVisible());
            QTest::keyClick(question, Qt::Key_Escape);
            QTRY_VERIFY(!view->findChild<QMessageBox *>());
            QVERIFY(window.isVisible());
            QVERIFY(view->isRunning());
            QVERIFY(sleepIsRunning(cluster, db));

            QVERIFY(!window.close());
            question = view->findChild<QMessageBox *>();
            QVERIFY(question);
            auto *confirm = question->findChild<QPushButton *>(QStringLiteral("confirmCancel"));
            QVERIFY(confirm);
            QTest::mouseClick(confirm, Qt::LeftButton);
            // Still up while the executor stops and rolls back; closed after.
            QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), kWait);
            QVERIFY(view->report());
            QVERIFY2(view->report()->cancelled, qPrintable(view->report()->error.toString()));
        }
        QVERIFY(cluster.versionRows(db).isEmpty());
        QCOMPARE(cluster.schemaDump(db), schemaBefore);
        QSettings().clear();
        cluster.dropDatabase(db);
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
