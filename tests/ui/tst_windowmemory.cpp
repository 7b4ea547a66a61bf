// What one window costs in memory across reloads, in a process of its own
// (no earlier test's memory in it): a generated 10,000-revision project
// (bench/generate_project.py) opened, scanned and read again twice. Memory
// is the kernel's resident figure for the process, compared with itself.

#include "historymodel.h"
#include "mainwindow.h"
#include "projectsession.h"
#include "sqlsession.h"

#include "smallproject.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

using namespace retort::gui;
using namespace retort::testsupport;

namespace {

constexpr int kRevisions = 10000;

double residentMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// The project shown and its needs-Python scan answered; the project it
// replaced (if any) destroyed, which happens on the thread pool.
bool waitSettled(QSignalSpy &shown, QSignalSpy &scanned)
{
    const bool ok = (!shown.isEmpty() || shown.wait(120000)) && (!scanned.isEmpty() || scanned.wait(120000));
    QThreadPool::globalInstance()->waitForDone(60000);
    shown.clear();
    scanned.clear();
    return ok;
}

} // namespace

class TestWindowMemory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void aReloadGivesBackWhatTheProjectBeforeHeld();

private:
    QTemporaryDir m_dir;
    QString m_ini;
    QByteArray m_oldCacheDir;
};

void TestWindowMemory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowmemory"));
    qunsetenv("DATABASE_URL");
    m_oldCacheDir = qgetenv("RETORT_CACHE_DIR");
    qputenv("RETORT_CACHE_DIR", "off");
    QVERIFY(m_dir.isValid());
    const QString out = m_dir.filePath(QStringLiteral("p"));
    const QString error = generateProject(out, {"--revisions", QString::number(kRevisions), "--ops", "minimal",
                                                "--branch-every", "20", "--merge-every", "25", "--labels", "10"});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_ini = out + QStringLiteral("/alembic.ini");
}

void TestWindowMemory::cleanupTestCase()
{
    if (m_oldCacheDir.isNull())
        qunsetenv("RETORT_CACHE_DIR");
    else
        qputenv("RETORT_CACHE_DIR", m_oldCacheDir);
}

// While a reload reads the files, the project before it stays shown: for a
// moment the window holds two. Once the new one is shown the old one's
// memory goes back to the system; a window reloaded twice is the size it was
// after its open, not a project bigger for every reload it saw.
void TestWindowMemory::aReloadGivesBackWhatTheProjectBeforeHeld()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QSignalSpy shown(&window, &MainWindow::projectShown);
    QSignalSpy scanned(window.sqlSession(), &SqlSession::needsPythonReady);
    QCoreApplication::processEvents();
    const double empty = residentMb();
    window.openProject(m_ini);
    QVERIFY(waitSettled(shown, scanned));
    QCOMPARE(window.historyModel()->rowCount(), kRevisions);
    const double opened = residentMb();
    const double project = opened - empty;

    for (int i = 0; i < 2; ++i) {
        window.session()->reload();
        QVERIFY(waitSettled(shown, scanned));
        QCOMPARE(window.historyModel()->rowCount(), kRevisions);
    }
    const double reloaded = residentMb();
    const QString figures = QStringLiteral("resident: %1 MB without a project, %2 MB with it, %3 MB after two reloads")
                                .arg(empty, 0, 'f', 1)
                                .arg(opened, 0, 'f', 1)
                                .arg(reloaded, 0, 'f', 1);
    qInfo("%s", qPrintable(figures));
    QVERIFY2(reloaded - opened < project / 3, qPrintable(figures));
}

QTEST_MAIN(TestWindowMemory)
#include "tst_windowmemory.moc"
