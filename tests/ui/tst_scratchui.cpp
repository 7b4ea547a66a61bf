// The scratch-database tools in the window, offscreen, against the private
// test cluster and private scratch clusters Retort starts itself: Check
// Consistency, Compare With Files (drift, with its badge on the database's
// marker), Rehearse, the Schema tab (one revision, two compared, cached),
// and Cancel leaving no scratch cluster behind. Results are compared with
// what the built `retort` prints for the same project and command.
// Waits are on state (QTRY_*), never on sleeps.

#include "applyharness.h"
#include "detailpane.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "processrunner.h"
#include "schemapane.h"
#include "schemasession.h"
#include "scratchcontroller.h"
#include "scratchdialog.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using namespace retort::testui;
using retort::testsupport::runAlembic;
using retort::testsupport::runRetort;
using retort::testsupport::TestCluster;
using retort::testsupport::writeSmallProject;

namespace {

const QStringList kUpgrades = retort::testsupport::usersUpgrades();
// s2's downgrade forgets to drop users.email
const QStringList kDowngrades = [] {
    QStringList d = retort::testsupport::usersDowngrades();
    d[1] = QStringLiteral("pass");
    return d;
}();

// The private cluster's dir named in a scratch note ("scratch: ..., in DIR").
QString clusterDirOf(const QString &note)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral(", in (/\\S+)$")).match(note);
    return m.hasMatch() ? m.captured(1) : QString();
}

struct Window {
    MainWindow window;
    ScratchController *scratch = nullptr;

    bool open(const QString &ini, bool withDatabase)
    {
        window.resize(1300, 800);
        window.show();
        QSignalSpy shown(&window, &MainWindow::projectShown);
        window.openProject(ini);
        if (!QTest::qWaitFor([&] { return !shown.isEmpty(); }, kWait))
            return false;
        if (withDatabase && !QTest::qWaitFor([&] { return window.activeDatabase() != nullptr; }, kWait))
            return false;
        scratch = window.scratchController();
        return scratch != nullptr;
    }

    // Triggers `action` and waits for the run to end; its dialog.
    ScratchDialog *run(QAction *action)
    {
        if (!action->isEnabled()) {
            qWarning("%s is disabled: %s", qPrintable(action->objectName()), qPrintable(action->toolTip()));
            return nullptr;
        }
        QSignalSpy finished(scratch, &ScratchController::runFinished);
        action->trigger();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 4 * kWait))
            return nullptr;
        return scratch->dialog();
    }

    bool driftBadgeOn(const QString &revision) const
    {
        const HistoryModel &model = *window.historyModel();
        const QVariant markers = model.index(model.rowOfRevision(revision)).data(HistoryModel::DbMarkersRole);
        for (const DbMarker &m : markers.value<DbMarkers>())
            if (m.drift)
                return true;
        return false;
    }
};

} // namespace

class TestScratchUi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useEmptyTestSettings(QStringLiteral("tst_scratchui")); }

    void actionsAreInTheMenuAndTheContextMenu()
    {
        QTemporaryDir dir;
        const QString ini = writeSmallProject(dir.path(), kUpgrades, false, kDowngrades);
        Window w;
        QVERIFY(w.open(ini, false));
        QMenu *database = nullptr;
        for (QAction *menu : w.window.menuBar()->actions())
            if (menu->text() == QLatin1String("&Database"))
                database = menu->menu();
        QVERIFY(database);
        for (QAction *a : {w.scratch->checkAction(), w.scratch->driftAction(), w.scratch->rehearseAction()}) {
            QVERIFY(database->actions().contains(a));
            QVERIFY(w.window.historyView()->actions().contains(a));
        }
        QVERIFY(w.scratch->checkAction()->isEnabled());
        // no database: drift and rehearse say why they cannot run
        QVERIFY(!w.scratch->driftAction()->isEnabled());
        QVERIFY2(w.scratch->driftAction()->toolTip().contains(QLatin1String("No database")),
                 qPrintable(w.scratch->driftAction()->toolTip()));
        QVERIFY(!w.scratch->rehearseAction()->isEnabled());
        QCOMPARE(w.window.detailPane()->tabs()->tabText(w.window.detailPane()->tabs()->indexOf(w.scratch->schemaPane())),
                 QStringLiteral("Schema"));
    }

    void checkNamesTheRevisionAndTheColumnAsTheCommandLineDoes()
    {
        QTemporaryDir dir;
        const QString ini = writeSmallProject(dir.path(), kUpgrades, false, kDowngrades);
        Window w;
        QVERIFY(w.open(ini, false));
        QVERIFY(w.window.selectRevision(QStringLiteral("s3")));
        ScratchDialog *dialog = w.run(w.scratch->checkAction());
        QVERIFY(dialog);
        QCOMPARE(int(dialog->outcome()), int(ScratchDialog::Outcome::Found));
        QVERIFY2(dialog->headline().contains(QLatin1String("s2")), qPrintable(dialog->headline()));
        QVERIFY2(dialog->resultText().contains(QLatin1String("column users.email added")),
                 qPrintable(dialog->resultText()));
        // progress per revision: s1 was checked before s2 failed
        QVERIFY2(dialog->logText().contains(QLatin1String("[1/3] s1 (s1.py): consistent")), qPrintable(dialog->logText()));
        // the scratch cluster is gone with the run
        const QString cluster = clusterDirOf(dialog->findChild<QLabel *>(QStringLiteral("scratchNote"))->text());
        QVERIFY2(!cluster.isEmpty(), qPrintable(dialog->findChild<QLabel *>(QStringLiteral("scratchNote"))->text()));
        QVERIFY(!QFileInfo::exists(cluster));

        const auto cli = runRetort({QStringLiteral("-c"), ini, QStringLiteral("check"), QStringLiteral("s3")}, dir.path());
        QCOMPARE(cli.exitCode, 1);
        QCOMPARE(dialog->resultText(), QString::fromUtf8(cli.out));
        dialog->close();

        // up to s1 the project is consistent
        QVERIFY(w.window.selectRevision(QStringLiteral("s1")));
        dialog = w.run(w.scratch->checkAction());
        QVERIFY(dialog);
        QCOMPARE(int(dialog->outcome()), int(ScratchDialog::Outcome::Passed));
        QCOMPARE(dialog->resultText(), QStringLiteral("1 revisions checked: each downgrade undoes its upgrade, and "
                                                      "upgrading again gives the same schema\n"));
    }

    void driftIsShownAndBadgesTheDatabaseUntilItIsCleanOrChanges()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir dir;
        const QString ini = writeSmallProject(dir.path(), kUpgrades, false, kDowngrades);
        const QString db = cluster.createDatabase(QStringLiteral("scratchui_drift"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const auto up = runAlembic(ini, {QStringLiteral("upgrade"), QStringLiteral("head")}, dir.path(), envFor(cluster.url(db)));
        QVERIFY2(up.ok(), qPrintable(up.describe()));
        // altered by hand: a column added, an index dropped
        QVERIFY(cluster.exec(db, QStringLiteral("ALTER TABLE users ADD COLUMN note text")));
        QVERIFY(cluster.exec(db, QStringLiteral("DROP INDEX ix_users_name")));
        saveConnectionsFor(ini, {{QStringLiteral("local"), cluster.url(db), QStringLiteral("#2da44e")}});

        Window w;
        QVERIFY(w.open(ini, true));
        QVERIFY(!w.driftBadgeOn(QStringLiteral("s3")));
        ScratchDialog *dialog = w.run(w.scratch->driftAction());
        QVERIFY(dialog);
        QCOMPARE(int(dialog->outcome()), int(ScratchDialog::Outcome::Found));
        QVERIFY2(dialog->resultText().contains(QLatin1String("  column users.note added\n")), qPrintable(dialog->resultText()));
        QVERIFY2(dialog->resultText().contains(QLatin1String("  index ix_users_name dropped\n")), qPrintable(dialog->resultText()));
        const auto cli = runRetort({QStringLiteral("-c"), ini, QStringLiteral("drift")}, dir.path(), envFor(cluster.url(db)));
        QCOMPARE(cli.exitCode, 1);
        QCOMPARE(dialog->resultText(), QString::fromUtf8(cli.out));
        QVERIFY(w.driftBadgeOn(QStringLiteral("s3")));
        QVERIFY(!w.driftBadgeOn(QStringLiteral("s2")));
        dialog->close();

        // repaired by hand: a clean comparison clears the badge
        QVERIFY(cluster.exec(db, QStringLiteral("ALTER TABLE users DROP COLUMN note")));
        QVERIFY(cluster.exec(db, QStringLiteral("CREATE INDEX ix_users_name ON users (name)")));
        dialog = w.run(w.scratch->driftAction());
        QVERIFY(dialog);
        QCOMPARE(int(dialog->outcome()), int(ScratchDialog::Outcome::Passed));
        QVERIFY2(dialog->resultText().startsWith(QLatin1String("no drift: ")), qPrintable(dialog->resultText()));
        QVERIFY(!w.driftBadgeOn(QStringLiteral("s3")));
        dialog->close();

        // drifted again, then migrated: its version rows changed, the badge goes
        QVERIFY(cluster.exec(db, QStringLiteral("ALTER TABLE users ADD COLUMN note text")));
        dialog = w.run(w.scratch->driftAction());
        QVERIFY(dialog);
        QVERIFY(w.driftBadgeOn(QStringLiteral("s3")));
        dialog->close();
        const auto down = runAlembic(ini, {QStringLiteral("downgrade"), QStringLiteral("s2")}, dir.path(), envFor(cluster.url(db)));
        QVERIFY2(down.ok(), qPrintable(down.describe()));
        w.window.refreshDatabaseState();
        QTRY_VERIFY_WITH_TIMEOUT(!w.driftBadgeOn(QStringLiteral("s3")) && !w.driftBadgeOn(QStringLiteral("s2"))
                                     && w.window.activeDatabase()
                                     && w.window.activeDatabase()->version.rows == QStringList{QStringLiteral("s2")},
                                 kWait);
        cluster.dropDatabase(db);
    }

    void rehearsalOfAFailingRevisionReportsItAndLeavesTheTarget()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString ini = fixtureIni(QStringLiteral("failing"));
        const QString db = cluster.createDatabase(QStringLiteral("scratchui_rehearse"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        const QString before = cluster.schemaDump(db);
        QVERIFY2(!before.isEmpty(), qPrintable(cluster.lastError()));
        saveConnectionsFor(ini, {{QStringLiteral("local"), cluster.url(db), QStringLiteral("#2da44e")}});

        Window w;
        QVERIFY(w.open(ini, true));
        QVERIFY(w.window.selectRevision(QStringLiteral("a1000000f002")));
        QTRY_VERIFY_WITH_TIMEOUT(w.scratch->rehearseAction()->isEnabled(), kWait);
        ScratchDialog *dialog = w.run(w.scratch->rehearseAction());
        QVERIFY(dialog);
        QCOMPARE(int(dialog->outcome()), int(ScratchDialog::Outcome::Found));
        QVERIFY2(dialog->resultText().contains(QLatin1String("rehearsal failed: ")), qPrintable(dialog->resultText()));
        QVERIFY2(dialog->resultText().contains(QLatin1String("[SQLSTATE 42P01]")), qPrintable(dialog->resultText()));
        QCOMPARE(cluster.schemaDump(db), before);
        QCOMPARE(cluster.versionRows(db), QStringList());
        // the same statements as the command line lists (their times differ)
        const auto cli = runRetort({QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("a1000000f002"),
                                    QStringLiteral("--rehearse")},
                                   QFileInfo(ini).absolutePath(), envFor(cluster.url(db)));
        QCOMPARE(cli.exitCode, 1);
        const auto withoutTimes = [](QString text) {
            return text.replace(QRegularExpression(QStringLiteral("\\s+\\d+ ms\\b")), QStringLiteral(" N ms"));
        };
        QCOMPARE(withoutTimes(dialog->resultText()), withoutTimes(QString::fromUtf8(cli.out)));
        cluster.dropDatabase(db);
    }

    void schemaTabShowsARevisionAndComparesTwo()
    {
        QTemporaryDir dir;
        const QString ini = writeSmallProject(dir.path(), kUpgrades, false, kDowngrades);
        QString cluster;
        {
            Window w;
            QVERIFY(w.open(ini, false));
            SchemaPane *pane = w.scratch->schemaPane();
            QSignalSpy shown(pane, &SchemaPane::shown);
            QVERIFY(w.window.selectRevision(QStringLiteral("s2")));
            QTabWidget *tabs = w.window.detailPane()->tabs();
            tabs->setCurrentWidget(pane);
            QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 4 * kWait);
            QVERIFY2(pane->text().contains(QLatin1String("table users")), qPrintable(pane->text()));
            QVERIFY2(pane->text().contains(QLatin1String("    column users.email: type character varying(100)")),
                     qPrintable(pane->text()));
            QVERIFY(!pane->text().contains(QLatin1String("ix_users_name")));
            QCOMPARE(pane->session()->replays(), 1);
            cluster = clusterDirOf(pane->session()->scratchNote());
            QVERIFY2(QFileInfo::exists(cluster), qPrintable(pane->session()->scratchNote()));

            shown.clear();
            QVERIFY(w.window.selectRevision(QStringLiteral("s3")));
            QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 4 * kWait);
            QVERIFY2(pane->text().contains(QLatin1String("index ix_users_name")), qPrintable(pane->text()));
            QCOMPARE(pane->session()->replays(), 2);

            // cached: back to s2 replays nothing
            shown.clear();
            QVERIFY(w.window.selectRevision(QStringLiteral("s2")));
            QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kWait);
            QVERIFY(pane->text().contains(QLatin1String("column users.email")));
            QCOMPARE(pane->session()->replays(), 2);

            // two rows: what turns s1's schema into s3's
            shown.clear();
            const HistoryModel &model = *w.window.historyModel();
            QVERIFY(w.window.selectRevision(QStringLiteral("s3")));
            w.window.historyView()->selectionModel()->select(model.index(model.rowOfRevision(QStringLiteral("s1"))),
                                                              QItemSelectionModel::Select);
            QTRY_VERIFY_WITH_TIMEOUT(pane->shownRevisions() == (QStringList{QStringLiteral("s1"), QStringLiteral("s3")})
                                         && !pane->session()->isBusy() && !pane->text().isEmpty(),
                                     4 * kWait);
            QCOMPARE(pane->text(), QStringLiteral("column users.email added\nindex ix_users_name added"));
            QCOMPARE(pane->session()->replays(), 3);
        }
        // the window is gone, and with it the session's scratch cluster
        QVERIFY(!QFileInfo::exists(cluster));
        QCOMPARE(retort::testsupport::liveProcesses(cluster), QList<qint64>());
    }

    void cancelLeavesNoScratchClusterBehind()
    {
        // b2000000c002 sleeps for ten minutes
        const QString ini = fixtureIni(QStringLiteral("slow"));
        Window w;
        QVERIFY(w.open(ini, false));
        QVERIFY(w.window.selectRevision(QStringLiteral("b2000000c002")));
        QSignalSpy started(w.scratch, &ScratchController::runStarted);
        QSignalSpy finished(w.scratch, &ScratchController::runFinished);
        w.scratch->checkAction()->trigger();
        QCOMPARE(started.size(), 1);
        ScratchDialog *dialog = w.scratch->dialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->logText().contains(QLatin1String("[1/2] b2000000c001")), 4 * kWait);
        const QString cluster = clusterDirOf(dialog->findChild<QLabel *>(QStringLiteral("scratchNote"))->text());
        QVERIFY(QFileInfo::exists(cluster));
        QVERIFY(!w.scratch->checkAction()->isEnabled());  // one run at a time
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWait);
        QCOMPARE(int(dialog->outcome()), int(ScratchDialog::Outcome::Cancelled));
        QVERIFY(!QFileInfo::exists(cluster));
        QCOMPARE(retort::testsupport::liveProcesses(cluster), QList<qint64>());
        dialog->close();

        // the Schema tab's replay of the same revision, cancelled
        SchemaPane *pane = w.scratch->schemaPane();
        QSignalSpy shown(pane, &SchemaPane::shown);
        w.window.detailPane()->tabs()->setCurrentWidget(pane);
        QTRY_VERIFY_WITH_TIMEOUT(pane->session()->isBusy() && !pane->session()->scratchNote().isEmpty(), 4 * kWait);
        const QString schemaCluster = clusterDirOf(pane->session()->scratchNote());
        QVERIFY(QFileInfo::exists(schemaCluster));
        QTRY_VERIFY_WITH_TIMEOUT(pane->statusLabel()->text().contains(QLatin1String("b2000000c002")), 4 * kWait);
        QTest::mouseClick(pane->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kWait);
        QVERIFY2(pane->statusLabel()->text().startsWith(QLatin1String("Cancelled")), qPrintable(pane->statusLabel()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(schemaCluster), kWait);
        QCOMPARE(retort::testsupport::liveProcesses(schemaCluster), QList<qint64>());
    }
};

QTEST_MAIN(TestScratchUi)
#include "tst_scratchui.moc"
