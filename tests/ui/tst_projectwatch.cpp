// The window follows the project's files: a revision file added, edited in
// place, renamed away or broken on disk reads the project again by itself,
// keeping the selection; fixing the broken file brings the graph back.
// Offscreen, on a copy of migrations/analytics; waits on conditions.

#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "projectsession.h"
#include "projectwatcher.h"

#include "filetree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using namespace retort::testsupport;

namespace {

constexpr int kWait = 20000;
const QString kHead = QStringLiteral("9b52e1c8f3a6");

bool overwriteFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(text) == text.size();
}

QByteArray newRevision(const QString &id, const QString &parent, const QString &message)
{
    return QStringLiteral("\"\"\"%3\n\nRevision ID: %1\nRevises: %2\nCreate Date: 2026-12-07 04:00:00\n\n\"\"\"\n"
                          "from alembic import op\n\nrevision = \"%1\"\ndown_revision = \"%2\"\n"
                          "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\n"
                          "def downgrade():\n    pass\n")
        .arg(id, parent, message)
        .toUtf8();
}

} // namespace

class TestProjectWatch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_projectwatch"));
        QSettings().clear();
    }

    void filesChangedOnDiskReloadTheGraph()
    {
        QTemporaryDir dir;
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics"), dir.path()));
        const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
        const QString core = dir.filePath(QStringLiteral("alembic/versions/core"));
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy shown(&window, &MainWindow::projectShown);
        window.openProject(ini);
        QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty(); }, kWait));
        HistoryModel *model = window.historyModel();
        const int rows = model->rowCount();
        QVERIFY(window.selectRevision(QStringLiteral("e07f5b3d2a19")));
        const auto selected = [&] {
            return model->project()->graph.node(model->nodeAt(window.historyView()->currentRow())).id;
        };
        QVERIFY(!window.session()->watcher()->watched().isEmpty());

        // Added: a new head appears, the selection stays.
        const QString added = core + QStringLiteral("/c0ffee123456_watch_me.py");
        QVERIFY(overwriteFile(added, newRevision(QStringLiteral("c0ffee123456"), kHead, QStringLiteral("Watch me"))));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), rows + 1, kWait);
        QCOMPARE(selected(), QStringLiteral("e07f5b3d2a19"));
        QVERIFY(model->rowOfRevision(QStringLiteral("c0ffee123456")) >= 0);

        // Edited in place (the file's inode kept, as many editors save): its message follows.
        {
            QFile f(added);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray text = f.readAll();
            text.replace("Watch me", "Watched");
            QVERIFY(f.seek(0));
            QCOMPARE(f.write(text), qint64(text.size()));
            QVERIFY(f.resize(text.size()));
        }
        const auto message = [&] {
            const int row = model->rowOfRevision(QStringLiteral("c0ffee123456"));
            return row < 0 ? QString() : model->index(row).data(HistoryModel::MessageRole).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(message(), QStringLiteral("Watched"), kWait);

        // Broken: the error panel names the file; fixed: the graph is back.
        QVERIFY(overwriteFile(added, newRevision(QStringLiteral("c0ffee123456"), kHead, QStringLiteral("Broken")) + "x = 1 +\n"));
        QTRY_VERIFY_WITH_TIMEOUT(window.page() == MainWindow::Page::Error, kWait);
        QVERIFY(overwriteFile(added, newRevision(QStringLiteral("c0ffee123456"), kHead, QStringLiteral("Fixed"))));
        QTRY_VERIFY_WITH_TIMEOUT(window.page() == MainWindow::Page::History && message() == QStringLiteral("Fixed"),
                                 kWait);

        // Renamed away from a .py name (as `git stash` or a rename would): gone again.
        QVERIFY(QFile::rename(added, added + QStringLiteral(".off")));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), rows, kWait);
        QCOMPARE(model->rowOfRevision(QStringLiteral("c0ffee123456")), -1);
    }

    // A burst of changes (a checkout writing many files) reads the project
    // once it has settled, not once per file.
    void aBurstReadsOnce()
    {
        QTemporaryDir dir;
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics"), dir.path()));
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::projectShown);
        window.openProject(dir.filePath(QStringLiteral("alembic.ini")));
        QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty(); }, kWait));
        shown.clear();
        QString parent = kHead;
        for (int i = 0; i < 20; ++i) {
            const QString id = QStringLiteral("beef%1").arg(i, 8, 10, QLatin1Char('0'));
            QVERIFY(overwriteFile(dir.filePath(QStringLiteral("alembic/versions/core/%1_burst.py").arg(id)),
                              newRevision(id, parent, QStringLiteral("burst %1").arg(i))));
            parent = id;
        }
        QTRY_COMPARE_WITH_TIMEOUT(window.historyModel()->rowCount(), 10 + 20, kWait);
        QTest::qWait(ProjectWatcher::kSettleMs * 3);
        QVERIFY2(shown.size() < 10, qPrintable(QString::number(shown.size())));
    }

    // A folder inside a project configured only in pyproject.toml's
    // [tool.alembic] opens it, and an edit of pyproject.toml reads it again.
    void aPyprojectOnlyFolderOpensAndIsWatched()
    {
        QTemporaryDir dir;
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics"), dir.path()));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("alembic.ini"))));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("extra"))));
        QVERIFY(overwriteFile(dir.filePath(QStringLiteral("extra/c0ffee123456_extra.py")),
                          newRevision(QStringLiteral("c0ffee123456"), kHead, QStringLiteral("Extra"))));
        const QByteArray toml = "[tool.alembic]\nscript_location = \"%(here)s/alembic\"\nprepend_sys_path = [\".\"]\n"
                                "version_locations = [\"%(here)s/alembic/versions/core\", "
                                "\"%(here)s/alembic/versions/reporting\"";
        QVERIFY(overwriteFile(dir.filePath(QStringLiteral("pyproject.toml")), toml + "]\n"));
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::projectShown);
        window.openProject(dir.filePath(QStringLiteral("alembic/versions")));
        QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty(); }, kWait));
        QCOMPARE(window.historyModel()->rowCount(), 10);
        QVERIFY(overwriteFile(dir.filePath(QStringLiteral("pyproject.toml")), toml + ", \"%(here)s/extra\"]\n"));
        QTRY_COMPARE_WITH_TIMEOUT(window.historyModel()->rowCount(), 11, kWait);
    }
};

QTEST_MAIN(TestProjectWatch)
#include "tst_projectwatch.moc"
