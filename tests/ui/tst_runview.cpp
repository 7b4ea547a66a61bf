// The run view, offscreen, against the private cluster and the real
// executor: a failing statement underlined (also the failing copy of a
// repeated one) with the database rolled back, and a run that is never
// cancelled without the user's confirmation, from the run view's keys and
// buttons or from closing the window. Waits are on state, never on sleeps.

#include "applycontroller.h"
#include "applyharness.h"
#include "applyscripteditor.h"
#include "confirmdialog.h"
#include "mainwindow.h"
#include "runview.h"
#include "testcluster.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QProgressBar>
#include <QtTest>

#include <functional>

using namespace retort;
using namespace retort::gui;
using namespace retort::testui;
using retort::testsupport::TestCluster;

namespace {

const QString kFailing = fixtureIni(QStringLiteral("failing"));
const QString kSlow = fixtureIni(QStringLiteral("slow"));
const QString kTwice = fixtureIni(QStringLiteral("twice"));

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

class TestRunView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useEmptyTestSettings(QStringLiteral("tst_runview")); }

    void cleanupTestCase() { QSettings().clear(); }

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
        // The bar shows what stays applied (nothing), in the failure's colour.
        QCOMPARE(view->progressBar()->value(), report->stepsCommitted);
        QVERIFY2(view->progressBar()->text().contains(QLatin1String("rolled back")),
                 qPrintable(view->progressBar()->text()));
        QCOMPARE(view->progressBar()->palette().color(QPalette::Highlight), QColor(0xc6, 0x28, 0x28));
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
};

QTEST_MAIN(TestRunView)
#include "tst_runview.moc"
