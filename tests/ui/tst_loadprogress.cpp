// Long work in the window is visible and can be stopped: loading a generated
// 20,000-revision project (bench/generate_project.py, read cold), the
// needs-Python scan, and reading a database the private cluster keeps waiting
// on a lock. Progress grows to the total; Cancel (or Esc) stops the work
// early, counted in files read, not in time; the window is left whole (the
// project shown before, or an empty window saying the load was cancelled);
// the next load works. Offscreen; waits are on conditions, never timed.

#include "databasesession.h"
#include "databasestatus.h"
#include "guithreadwork.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "progress.h"
#include "progressarea.h"
#include "progressstrip.h"
#include "projectloader.h"
#include "projectsession.h"
#include "searchbar.h"
#include "sqlsession.h"
#include "welcomepage.h"

#include "smallproject.h"
#include "testcluster.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace retort;
using namespace retort::gui;
using namespace retort::testsupport;

namespace {

const QString kAnalytics = QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");
constexpr int kRevisions = 20000;
const QString kReading = QStringLiteral("Reading revision files");

// Keeps the threads that reach pass() waiting while it is held (120 s at
// most): a test acts while work is under way however fast the machine is.
class Gate {
public:
    void hold()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_held = true;
    }
    void release()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_held = false;
        }
        m_released.notify_all();
    }
    void pass()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_released.wait_for(lock, std::chrono::seconds(120), [this] { return !m_held; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_held = false;
};

// What the loader reported, heard on its own threads (a direct connection):
// exact, and ahead of what the GUI has received. With holdReading(), the
// first report of files read keeps the reading threads waiting (reports are
// made under Progress's lock, which every file's advance takes) until
// release(): a test cancels while reading however fast the machine reads.
class LoaderLog {
public:
    explicit LoaderLog(ProjectLoader *loader)
    {
        QObject::connect(loader, &ProjectLoader::progressed, loader,
                         [this](quint64, const QString &step, qint64 done, qint64 total) {
                             {
                                 std::lock_guard<std::mutex> lock(m_mutex);
                                 m_reports << Report{step, done, total};
                             }
                             if (step == kReading && done > 0)
                                 m_gate.pass();
                         }, Qt::DirectConnection);
    }
    ~LoaderLog() { release(); }
    void holdReading() { m_gate.hold(); }
    void release() { m_gate.release(); }
    struct Report {
        QString step;
        qint64 done;
        qint64 total;
    };
    QList<Report> reports() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_reports;
    }
    // The files the current load had read at its last report.
    qint64 filesRead() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (auto it = m_reports.crbegin(); it != m_reports.crend(); ++it)
            if (it->step == kReading)
                return it->done;
        return 0;
    }
    void clear()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_reports.clear();
    }

private:
    mutable std::mutex m_mutex;
    QList<Report> m_reports;
    Gate m_gate;
};

// Returns once the loader's thread has finished whatever it was doing.
void drainLoader(MainWindow &window)
{
    QMetaObject::invokeMethod(window.session()->loader(), [] {}, Qt::BlockingQueuedConnection);
    QCoreApplication::processEvents();  // and its queued answers are delivered (and dropped)
}

bool waitShown(MainWindow &window, QSignalSpy &shown)
{
    return QTest::qWaitFor([&] { return !shown.isEmpty() || window.page() == MainWindow::Page::Error; }, 120000)
        && !shown.isEmpty();
}

// The load's strip is up and the GUI has seen files being read.
bool waitForReading(MainWindow &window)
{
    ProgressStrip *strip = window.progressArea()->loadStrip();
    return QTest::qWaitFor([strip] {
        return strip->isVisible() && strip->bar()->maximum() == kRevisions && strip->bar()->value() > 0;
    }, 120000);
}

} // namespace

class TestLoadProgress : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void stripShowsOnlyAfterItsDelay();
    void progressGrowsToTheTotal();
    void cancelLeavesAnEmptyWindowSayingSo();
    void cancelKeepsTheProjectShown();
    void scanCanBeCancelled();
    void databaseReadCanBeCancelled();
    void handOverLeavesRevisionsOffTheGuiThread();

private:
    QTemporaryDir m_dir;
    QString m_big;  // the generated project's alembic.ini
    QByteArray m_oldCacheDir;
    TestCluster m_cluster;
    QStringList m_databases;
};

void TestLoadProgress::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_loadprogress"));
    qunsetenv("DATABASE_URL");
    // Every file read and parsed, as on a first open: the load lasts long
    // enough to watch and to cancel.
    m_oldCacheDir = qgetenv("RETORT_CACHE_DIR");
    qputenv("RETORT_CACHE_DIR", "off");
    QVERIFY(m_dir.isValid());
    const QString out = m_dir.filePath(QStringLiteral("big"));
    const QString error = generateProject(out, {"--revisions", QString::number(kRevisions), "--ops", "minimal",
                                                "--branch-every", "20", "--merge-every", "25", "--labels", "10"});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_big = out + QStringLiteral("/alembic.ini");
}

void TestLoadProgress::init()
{
    QSettings().clear();
}

void TestLoadProgress::cleanupTestCase()
{
    for (const QString &db : std::as_const(m_databases))
        m_cluster.dropDatabase(db);
    if (m_oldCacheDir.isNull())
        qunsetenv("RETORT_CACHE_DIR");
    else
        qputenv("RETORT_CACHE_DIR", m_oldCacheDir);
}

// Work that ends within the delay never shows a strip; longer work does.
void TestLoadProgress::stripShowsOnlyAfterItsDelay()
{
    QWidget host;
    auto *strip = new ProgressStrip(QStringLiteral("strip"), &host);
    host.show();
    strip->start(QStringLiteral("Quick work"));
    QVERIFY(!strip->isVisible());
    strip->finish();
    QTest::qWait(ProgressStrip::kDelayMs * 2);
    QVERIFY(!strip->isVisible());

    strip->start(QStringLiteral("Slow work"));
    QVERIFY(!strip->isVisible());
    QTRY_VERIFY(strip->isVisible());
    strip->setProgress(QStringLiteral("Slow work"), 3, 8);
    QCOMPARE(strip->bar()->maximum(), 8);
    QCOMPARE(strip->bar()->value(), 3);
    QCOMPARE(strip->label()->text(), QStringLiteral("Slow work: 3 of 8"));
    QSignalSpy cancelled(strip, &ProgressStrip::cancelRequested);
    QTest::mouseClick(strip->cancelButton(), Qt::LeftButton);
    QCOMPARE(cancelled.count(), 1);
    strip->finish();
    QVERIFY(!strip->isVisible());
}

void TestLoadProgress::progressGrowsToTheTotal()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    LoaderLog log(window.session()->loader());
    QSignalSpy gui(window.session(), &ProjectSession::progress);
    QSignalSpy shown(&window, &MainWindow::projectShown);
    ProgressStrip *strip = window.progressArea()->loadStrip();
    // Reading waits at its first report until the strip has shown, however
    // fast the machine reads 20,000 files.
    log.holdReading();
    window.openProject(m_big);
    QVERIFY2(QTest::qWaitFor([&] { return strip->isVisible() && strip->label()->text().startsWith(kReading); }, 60000),
             qPrintable(strip->label()->text()));
    log.release();
    QVERIFY(waitShown(window, shown));
    QCOMPARE(window.historyModel()->rowCount(), kRevisions);
    QVERIFY(!strip->isVisible());

    // Files read: from 0 to every file, always forward, on the loader's side and the GUI's.
    QList<qint64> worker, received;
    for (const LoaderLog::Report &r : log.reports()) {
        if (r.step == kReading) {
            worker << r.done;
            QCOMPARE(r.total, qint64(kRevisions));
        }
    }
    for (const QList<QVariant> &args : std::as_const(gui)) {
        if (args.at(0).toString() == kReading)
            received << args.at(1).toLongLong();
    }
    QCOMPARE(received, worker);  // nothing lost, nothing reordered on the way
    QCOMPARE(worker.front(), qint64(0));
    QCOMPARE(worker.back(), qint64(kRevisions));
    for (int i = 1; i < worker.size(); ++i)
        QVERIFY2(worker[i] > worker[i - 1], qPrintable(QStringLiteral("%1 after %2").arg(worker[i]).arg(worker[i - 1])));
    // The GUI thread handles a bounded number of reports, whatever the size of the project.
    QVERIFY2(gui.size() <= 4 * (Progress::kReportsPerStep + 2), qPrintable(QString::number(gui.size())));
    // The graph's steps follow the files, each counted.
    QStringList steps;
    for (const LoaderLog::Report &r : log.reports())
        if (steps.isEmpty() || steps.back() != r.step)
            steps << r.step;
    QCOMPARE(steps, (QStringList{QStringLiteral("Reading alembic.ini"), kReading, QStringLiteral("Building the graph")}));
    QCOMPARE(log.reports().back().done, log.reports().back().total);
}

void TestLoadProgress::cancelLeavesAnEmptyWindowSayingSo()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    LoaderLog log(window.session()->loader());
    QSignalSpy shown(&window, &MainWindow::projectShown);
    QSignalSpy failed(&window, &MainWindow::projectFailed);
    log.holdReading();
    window.openProject(m_big);
    QCOMPARE(window.page(), MainWindow::Page::Loading);
    QVERIFY(waitForReading(window));

    ProgressStrip *strip = window.progressArea()->loadStrip();
    QTest::mouseClick(strip->cancelButton(), Qt::LeftButton);
    // Read after the cancel flag was set: the true count then was less than
    // a report's stride above this.
    const qint64 afterCancel = log.filesRead();
    log.release();
    // At once: an empty window that says so, no graph, no strip.
    QCOMPARE(window.page(), MainWindow::Page::Welcome);
    QVERIFY2(window.welcomePage()->notice().contains(QLatin1String("was cancelled")),
             qPrintable(window.welcomePage()->notice()));
    QCOMPARE(window.historyModel()->rowCount(), 0);
    QVERIFY(!strip->isVisible());

    // Each reading thread finishes the file in its hands and takes no other;
    // the loader's answer (there is none) changes nothing.
    drainLoader(window);
    const qint64 read = log.filesRead();  // exact: the last report of a step is its count
    const qint64 slack = kRevisions / Progress::kReportsPerStep + std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
    QVERIFY2(read - afterCancel <= slack,
             qPrintable(QStringLiteral("%1 files read after the cancel (at %2 or less)").arg(read - afterCancel).arg(afterCancel + slack)));
    QVERIFY2(read < kRevisions, qPrintable(QString::number(read)));
    QCOMPARE(shown.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(window.page(), MainWindow::Page::Welcome);

    // Trying again loads it whole.
    log.clear();
    emit window.welcomePage()->findChild<QLabel *>(QStringLiteral("welcomeNotice"))->linkActivated(QStringLiteral("retry"));
    QVERIFY(waitShown(window, shown));
    QCOMPARE(window.page(), MainWindow::Page::History);
    QCOMPARE(window.historyModel()->rowCount(), kRevisions);
    QCOMPARE(log.filesRead(), qint64(kRevisions));
    QVERIFY(window.welcomePage()->notice().isEmpty());
}

void TestLoadProgress::cancelKeepsTheProjectShown()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(kAnalytics);
    QVERIFY(waitShown(window, shown));
    const int rows = window.historyModel()->rowCount();
    const QString title = window.windowTitle();
    QVERIFY(window.selectRevision(QStringLiteral("9b52e1c8f3a6")));

    LoaderLog log(window.session()->loader());
    log.holdReading();
    window.openProject(m_big);
    QVERIFY(waitForReading(window));
    QTest::keyClick(&window, Qt::Key_Escape);  // Esc cancels a load: nothing is migrated
    log.release();
    QCOMPARE(window.page(), MainWindow::Page::History);
    QCOMPARE(window.historyModel()->project()->iniPath, kAnalytics);
    QCOMPARE(window.historyModel()->rowCount(), rows);
    QCOMPARE(window.windowTitle(), title);
    QCOMPARE(window.historyModel()->nodeAt(window.historyView()->currentRow()),
             window.historyModel()->project()->graph.indexOf(QStringLiteral("9b52e1c8f3a6")));
    drainLoader(window);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(window.historyModel()->project()->iniPath, kAnalytics);

    // Reload reads the project shown, not the one cancelled.
    QCOMPARE(window.session()->iniPath(), kAnalytics);
    shown.clear();
    window.session()->reload();
    QVERIFY(waitShown(window, shown));
    QCOMPARE(window.historyModel()->project()->iniPath, kAnalytics);
}

void TestLoadProgress::scanCanBeCancelled()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    SqlSession *sql = window.sqlSession();
    // The scan waits at its first report of revisions checked until the test
    // has cancelled: a fast machine scans 20,000 files before the strip's delay.
    // Shared, so a scan still running when a failed check returns outlives nothing.
    const auto gate = std::make_shared<Gate>();
    gate->hold();
    const auto holding = QObject::connect(sql->scanWorker(), &SqlWorker::needsPythonProgressed, sql->scanWorker(),
                                          [gate](quint64, qint64 done, qint64) {
                                              if (done > 0)
                                                  gate->pass();
                                          }, Qt::DirectConnection);
    const auto release = [gate, holding] {
        QObject::disconnect(holding);
        gate->release();
    };
    const auto releaseOnExit = qScopeGuard([&] { release(); });
    QSignalSpy ready(sql, &SqlSession::needsPythonReady);
    QSignalSpy progress(sql, &SqlSession::scanProgress);
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(m_big);
    QVERIFY(waitShown(window, shown));
    ProgressStrip *strip = window.progressArea()->scanStrip();
    QVERIFY(QTest::qWaitFor([&] { return strip->isVisible() && strip->bar()->value() > 0; }, 120000));
    QTest::mouseClick(strip->cancelButton(), Qt::LeftButton);
    QVERIFY(!strip->isVisible());
    QVERIFY(!sql->isScanning());
    release();
    // Revisions scanned: forward only, out of every revision, never finished.
    qint64 last = -1;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        QCOMPARE(args.at(1).toLongLong(), qint64(kRevisions));
        QVERIFY(args.at(0).toLongLong() > last);
        last = args.at(0).toLongLong();
    }
    QVERIFY(last < kRevisions);
    QVERIFY2(progress.size() <= Progress::kReportsPerStep + 2, qPrintable(QString::number(progress.size())));
    QCOMPARE(ready.count(), 0);
    QCOMPARE(window.historyModel()->needsPythonCount(), 0);

    // The next project's scan runs to its end.
    window.openProject(kAnalytics);
    QVERIFY(ready.wait(60000));
    QVERIFY(!sql->isScanning());
    QVERIFY(!strip->isActive());
}

// A loaded project reaches the views without a loop over its revisions on
// the GUI thread: each such loop is a frame the user waits for at 100,000
// revisions. Opening the 20,000-revision project, reloading it (the first one
// released) and closing the window (the second released) count no
// per-revision work there, where each of those loops counted 20,000.
void TestLoadProgress::handOverLeavesRevisionsOffTheGuiThread()
{
    // The search's case-folded text of every revision comes with the
    // project from the loader's thread, and with the names the upgrades
    // touch from the scan's: the first key, the scan's answer and a reload
    // with a search typed each cost the GUI thread a pass of the matcher.
    const QString typed = QStringLiteral("Revision 1234");
    const qint64 before = GuiThreadWork::total();
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy shown(&window, &MainWindow::projectShown);
        QSignalSpy scanned(window.sqlSession(), &SqlSession::needsPythonReady);
        window.openProject(m_big);
        QVERIFY(waitShown(window, shown));
        const HistoryModel &model = *window.historyModel();
        int expected = 0;
        for (const QString &message : std::as_const(model.project()->messages))
            expected += message.contains(typed, Qt::CaseInsensitive) ? 1 : 0;
        QVERIFY(expected > 1);
        QTest::keyClicks(window.searchBar()->field(), typed);
        QCOMPARE(model.matchCount(), expected);
        QVERIFY(scanned.count() > 0 || scanned.wait(120000));
        QCOMPARE(model.rowCount(), kRevisions);
        QCOMPARE(model.matchCount(), expected);
        const LoadedProject *first = model.project().get();
        const int selected = window.historyView()->currentRow();  // the first match

        shown.clear();
        scanned.clear();
        window.session()->reload();
        QVERIFY(waitShown(window, shown));
        QCOMPARE(model.searchText(), typed);
        QCOMPARE(model.matchCount(), expected);
        QVERIFY(scanned.count() > 0 || scanned.wait(120000));
        QVERIFY(model.project().get() != first);
        QCOMPARE(model.rowCount(), kRevisions);
        QCOMPARE(model.matchCount(), expected);
        QCOMPARE(window.historyView()->currentRow(), selected);
    }
    const qint64 counted = GuiThreadWork::total() - before;
    QVERIFY2(counted == 0, qPrintable(QStringLiteral("%1 revisions visited on the GUI thread").arg(counted)));
}

void TestLoadProgress::databaseReadCanBeCancelled()
{
    RETORT_REQUIRE_CLUSTER(m_cluster);
    const QString db = m_cluster.createDatabase(QStringLiteral("gui_cancel"));
    QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << db;
    QVERIFY2(m_cluster.exec(db, QStringLiteral("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL "
                                               "PRIMARY KEY); INSERT INTO alembic_version VALUES ('9b52e1c8f3a6')")),
             qPrintable(m_cluster.lastError()));
    // Hold the version table: the window's read of it waits.
    QString holderName;
    {
        QSqlDatabase holder = m_cluster.open(db);
        QVERIFY(holder.isOpen());
        holderName = holder.connectionName();
        QSqlQuery q(holder);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("LOCK TABLE alembic_version IN ACCESS EXCLUSIVE MODE")));

        {
            MainWindow window;
            window.resize(1200, 800);
            window.show();
            QSignalSpy shown(&window, &MainWindow::projectShown);
            window.openProject(kAnalytics);
            QVERIFY(waitShown(window, shown));
            DatabaseSession *databases = window.databaseSession();
            QVector<SavedConnection> saved{{QStringLiteral("held"), m_cluster.url(db), QStringLiteral("#2da44e")}};
            databases->setSavedConnections(saved);
            ProgressStrip *strip = window.progressArea()->databaseStrip();
            QVERIFY(QTest::qWaitFor([strip] { return strip->isVisible(); }, 60000));
            QVERIFY(databases->entry(QStringLiteral("held"))->reading);
            QVERIFY(strip->bar()->value() < strip->bar()->maximum());

            QTest::mouseClick(strip->cancelButton(), Qt::LeftButton);
            QVERIFY(!strip->isVisible());
            const DatabaseSession::Entry *held = databases->entry(QStringLiteral("held"));
            QVERIFY(!held->reading);
            QVERIFY(held->last.has_value() && !held->last->ok);
            QCOMPARE(held->last->error.kind(), Error::Kind::Cancelled);
            QCOMPARE(window.databaseStatus()->text(), QStringLiteral("held: not read (cancelled)"));
            // Not read: its state on the graph is unknown, never a guess.
            QVERIFY(window.activeDatabase() == nullptr);
            const HistoryModel &model = *window.historyModel();
            for (int row = 0; row < model.rowCount(); ++row)
                QCOMPARE(model.index(row).data(HistoryModel::DbStateRole).toInt(), int(RevisionDbState::Unknown));

            // Once the table is free, reading again works; the cancelled read's late answer is dropped.
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
            window.refreshDatabaseState();
            QVERIFY(QTest::qWaitFor([&] { return window.activeDatabase() != nullptr; }, 60000));
            QCOMPARE(window.activeDatabase()->version.rows, QStringList{QStringLiteral("9b52e1c8f3a6")});
            QVERIFY(QTest::qWaitFor([strip] { return !strip->isActive(); }, 60000));
        }
        holder.close();
    }
    QSqlDatabase::removeDatabase(holderName);
}

QTEST_MAIN(TestLoadProgress)
#include "tst_loadprogress.moc"
