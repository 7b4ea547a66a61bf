// Resetting a local database from the window, as support staff would:
// "Recreate Local Database Here…" and "Restore the Backup Just Taken…",
// each behind the confirmation, offscreen against the private cluster. The
// schema after a recreate is what alembic's own upgrade leaves; after a
// restore the database is what it was when the confirmation's backup was
// taken (pg_dump, data too). The GUI thread is never blocked: the waits
// below process events while the run or pg_restore works.

#include "applycontroller.h"
#include "applyharness.h"
#include "confirmdialog.h"
#include "filetree.h"
#include "processrunner.h"
#include "runview.h"
#include "testcluster.h"

#include <QAction>
#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using namespace retort::testui;
using retort::testsupport::runAlembic;
using retort::testsupport::TestCluster;

namespace {

const QString kMiddle = QStringLiteral("e07f5b3d2a19");
const QString kHead = QStringLiteral("9b52e1c8f3a6");

QString projectDir()
{
    return QFileInfo(analyticsIni()).absolutePath();
}

// Triggers `action` and returns the confirmation it opens; null on failure.
ConfirmDialog *confirmAction(Harness &h, QAction *action)
{
    QSignalSpy planned(h.controller.get(), &ApplyController::planningFinished);
    if (!action->isEnabled()) {
        qWarning("disabled: %s", qPrintable(action->toolTip()));
        return nullptr;
    }
    action->trigger();
    if (!QTest::qWaitFor([&] { return planned.count() > 0; }, kWait) || !planned.first().first().toBool()) {
        qWarning("planning failed: %s", qPrintable(h.controller->planError().toString()));
        return nullptr;
    }
    return h.controller->confirmDialog();
}

} // namespace

class TestResetWindow : public QObject {
    Q_OBJECT

private:
    TestCluster m_cluster;

private slots:
    void initTestCase()
    {
        useEmptyTestSettings(QStringLiteral("tst_resetwindow"));
        RETORT_REQUIRE_CLUSTER(m_cluster);
    }

    void cleanupTestCase() { QSettings().clear(); }

    // The selected revision is where the new database is upgraded to; the
    // session the window does not own is named and refused until the box
    // to end it is ticked.
    void recreateHereFromTheWindow()
    {
        const QString db = m_cluster.createDatabase(QStringLiteral("window_recreate"));
        const QString twin = m_cluster.createDatabase(QStringLiteral("window_recreate_twin"));
        QVERIFY2(!db.isEmpty() && !twin.isEmpty(), qPrintable(m_cluster.lastError()));
        auto a = runAlembic(analyticsIni(), {QStringLiteral("upgrade"), QStringLiteral("heads")}, projectDir(),
                            envFor(m_cluster.url(db)));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        a = runAlembic(analyticsIni(), {QStringLiteral("upgrade"), kMiddle}, projectDir(), envFor(m_cluster.url(twin)));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QVERIFY(m_cluster.exec(db, QStringLiteral("CREATE TABLE leftovers (id int)")));

        Harness h;
        QString error;
        QVERIFY2(h.load(analyticsIni(), error), qPrintable(error));
        h.url = m_cluster.url(db);
        h.selected = QString();
        h.readDatabase();
        h.controller->updateActions();
        QVERIFY(!h.controller->recreateAction()->isEnabled());  // nothing selected: no target
        h.selected = kMiddle;
        h.controller->updateActions();

        QSqlDatabase other = m_cluster.open(db);
        const QString otherName = other.connectionName();
        ConfirmDialog *dialog = confirmAction(h, h.controller->recreateAction());
        QVERIFY(dialog);
        QVERIFY(dialog->disconnectCheck());
        QVERIFY2(dialog->destructiveLabel()->text().contains(QStringLiteral("%1 is dropped with everything in it").arg(db)),
                 qPrintable(dialog->destructiveLabel()->text()));
        QCOMPARE(dialog->plan().preview.steps.front().step.from, QStringList());  // from base: the database is new
        const RunReport *report = runConfirmed(h, dialog);
        QVERIFY(report);
        QVERIFY(!report->ok);
        QVERIFY2(report->error.message().contains(QLatin1String("other session(s): pid ")), qPrintable(report->error.toString()));
        QCOMPARE(m_cluster.versionRows(db), QStringList{kHead});

        dialog = confirmAction(h, h.controller->recreateAction());
        QVERIFY(dialog);
        dialog->disconnectCheck()->setChecked(true);
        report = runConfirmed(h, dialog);
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(otherName);
        QVERIFY2(report && report->ok, report ? qPrintable(report->error.toString()) : "no report");
        QCOMPARE(m_cluster.versionRows(db), QStringList{kMiddle});
        QCOMPARE(m_cluster.schemaDump(db), m_cluster.schemaDump(twin));
        QVERIFY(h.refreshes > 0);

        h.controller.reset();
        m_cluster.dropDatabase(db);
        m_cluster.dropDatabase(twin);
    }

    // A recreate whose upgrade fails after the rename (a hostile try: the
    // run's status said "rolled back, the database is unchanged" while the
    // old database and its data were gone).
    void aFailedRecreateNeverSaysUnchanged()
    {
        const QString db = m_cluster.createDatabase(QStringLiteral("window_recreate_fails"));
        QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.exec(db, QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)")));
        QTemporaryDir project;
        QVERIFY(retort::testsupport::copyTree(projectDir(), project.path()));
        QFile failing(project.filePath(QStringLiteral("alembic/versions/core/ffff00000001_fails.py")));
        QVERIFY(failing.open(QIODevice::WriteOnly));
        failing.write("revision = 'ffff00000001'\ndown_revision = '9b52e1c8f3a6'\nbranch_labels = None\n"
                      "depends_on = None\n\n\ndef upgrade():\n    from alembic import op\n"
                      "    op.execute(\"SELECT 1/0\")\n\n\ndef downgrade():\n    pass\n");
        failing.close();

        Harness h;
        QString error;
        QVERIFY2(h.load(project.filePath(QStringLiteral("alembic.ini")), error), qPrintable(error));
        h.url = m_cluster.url(db);
        h.selected = QStringLiteral("ffff00000001");
        h.readDatabase();
        h.controller->updateActions();
        ConfirmDialog *dialog = confirmAction(h, h.controller->recreateAction());
        QVERIFY(dialog);
        const RunReport *report = runConfirmed(h, dialog);
        QVERIFY(report);
        QVERIFY(!report->ok);
        QVERIFY(report->databaseDropped);
        auto *status = h.controller->runView()->findChild<QLabel *>(QStringLiteral("runStatus"));
        QVERIFY(status);
        QVERIFY2(!status->text().contains(QLatin1String("unchanged")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QLatin1String("dropped and created again")), qPrintable(status->text()));
        QCOMPARE(m_cluster.versionRows(db), QStringList());

        h.controller.reset();
        m_cluster.dropDatabase(db);
    }

    // A backup taken in an upgrade's confirmation, the upgrade run, then
    // "Restore the Backup Just Taken…": the database is the backup's again.
    void restoreTheBackupJustTaken()
    {
        const QString db = m_cluster.createDatabase(QStringLiteral("window_restore"));
        QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
        const auto a = runAlembic(analyticsIni(), {QStringLiteral("upgrade"), kMiddle}, projectDir(),
                                  envFor(m_cluster.url(db)));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QVERIFY(m_cluster.exec(db, QStringLiteral("INSERT INTO organizations (org_id, name) VALUES ('o1', 'acme')")));
        const QString before = m_cluster.fullDump(db);

        Harness h;
        QString error;
        QVERIFY2(h.load(analyticsIni(), error), qPrintable(error));
        h.url = m_cluster.url(db);
        h.selected = kHead;
        h.readDatabase();
        h.controller->updateActions();
        QVERIFY(!h.controller->restoreAction()->isEnabled());  // no backup yet
        QVERIFY2(h.controller->restoreAction()->toolTip().contains(QLatin1String("No backup")),
                 qPrintable(h.controller->restoreAction()->toolTip()));

        ConfirmDialog *dialog = confirmAction(h, h.controller->upgradeAction());
        QVERIFY(dialog);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("before-upgrade.dump"));
        QSignalSpy backedUp(dialog, &ConfirmDialog::backupFinished);
        dialog->startBackup(file);
        QTRY_VERIFY_WITH_TIMEOUT(backedUp.count() == 1, kWait);
        QVERIFY2(backedUp.first().first().toBool(), qPrintable(dialog->backupLabel()->text()));
        const RunReport *report = runConfirmed(h, dialog);
        QVERIFY2(report && report->ok, report ? qPrintable(report->error.toString()) : "no report");
        QCOMPARE(m_cluster.versionRows(db), QStringList{kHead});
        QVERIFY(m_cluster.exec(db, QStringLiteral("INSERT INTO organizations (org_id, name) VALUES ('o2', 'globex')")));

        h.readDatabase();
        h.controller->updateActions();
        QVERIFY2(h.controller->restoreAction()->toolTip().contains(file), qPrintable(h.controller->restoreAction()->toolTip()));
        dialog = confirmAction(h, h.controller->restoreAction());
        QVERIFY(dialog);
        QCOMPARE(dialog->plan().operation.kind, Operation::Kind::Restore);
        QCOMPARE(dialog->plan().operation.targets, QStringList{file});
        QVERIFY2(dialog->destructiveLabel()->text().contains(QStringLiteral("Everything in %1 is replaced").arg(db))
                     && dialog->destructiveLabel()->text().contains(file),
                 qPrintable(dialog->destructiveLabel()->text()));
        QSignalSpy restored(h.controller.get(), &ApplyController::restoreFinished);
        tickAll(dialog);
        QVERIFY(dialog->runButton()->isEnabled());
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        // the window stays responsive: the progress shows while pg_restore runs
        QTRY_VERIFY_WITH_TIMEOUT(restored.count() == 1 || h.window.findChild<QProgressDialog *>(QStringLiteral("restoreProgress")),
                                 kWait);
        QTRY_VERIFY_WITH_TIMEOUT(restored.count() == 1, kWait);
        const RunReport done = restored.first().first().value<RunReport>();
        QVERIFY2(done.ok, qPrintable(done.error.toString()));
        QCOMPARE(m_cluster.fullDump(db), before);
        QCOMPARE(m_cluster.versionRows(db), QStringList{kMiddle});

        h.controller.reset();
        m_cluster.dropDatabase(db);
    }
};

QTEST_MAIN(TestResetWindow)
#include "tst_resetwindow.moc"
