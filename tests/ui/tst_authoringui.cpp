// "New Revision…" and "Merge Heads…" in the window, offscreen: the dialog's
// request, the file written off the GUI thread, the graph reloaded with the
// new revision selected, and a refusal reported without writing anything.

#include "authoringcontroller.h"
#include "detailpane.h"
#include "filetree.h"
#include "graph/revisiongraph.h"
#include "mainwindow.h"
#include "newrevisiondialog.h"
#include "projectsession.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;

namespace {

const QString kSource = QStringLiteral(RETORT_SOURCE_DIR);

QStringList pyFiles(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QString shownId(const MainWindow &window)
{
    const int node = window.detailPane()->shownNode();
    return node >= 0 ? window.session()->project()->graph.node(node).id : QString();
}

} // namespace

class TestAuthoringUi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void dialogAsksWhatAlembicTakes();
    void newRevisionIsSelectedAfterTheReload();
    void mergeHeadsJoinsTheHeads();
    void refusalWritesNothing();

private:
    // A private copy of a sample project, opened in the window.
    bool openCopy(MainWindow &window, const QString &sample);
    // Runs a request through the window's controller and waits for the reload.
    bool writeAndReload(MainWindow &window, const RevisionRequest &request);

    QTemporaryDir m_tmp;
    int m_copies = 0;
    QString m_dir;
};

bool TestAuthoringUi::openCopy(MainWindow &window, const QString &sample)
{
    m_dir = m_tmp.filePath(QStringLiteral("copy%1").arg(++m_copies));
    if (!testsupport::copyTree(kSource + QStringLiteral("/migrations/") + sample, m_dir))
        return false;
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(m_dir);
    return shown.wait(20000);
}

bool TestAuthoringUi::writeAndReload(MainWindow &window, const RevisionRequest &request)
{
    QSignalSpy shown(&window, &MainWindow::projectShown);
    QSignalSpy written(window.authoringController(), &AuthoringController::written);
    if (!window.authoringController()->write(request))
        return false;
    // the write runs on a worker: the GUI thread is back at once
    if (!window.authoringController()->isWriting() || !written.isEmpty())
        return false;
    if (window.authoringController()->newRevisionAction()->isEnabled())
        return false;
    return QTest::qWaitFor([&] { return !shown.isEmpty(); }, 30000);
}

void TestAuthoringUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_authoringui"));
    QSettings().clear();
    QVERIFY(m_tmp.isValid());
}

void TestAuthoringUi::dialogAsksWhatAlembicTakes()
{
    MainWindow window;
    QVERIFY(openCopy(window, QStringLiteral("jobs")));
    const LoadedProjectPtr project = window.session()->project();

    // the selected revision is offered as the parent; not a head: splice
    NewRevisionDialog dialog(project, false, QStringLiteral("002"));
    QCOMPARE(dialog.headCombo()->currentText(), QStringLiteral("002"));
    QVERIFY(dialog.spliceCheck()->isChecked());
    dialog.messageEdit()->setText(QStringLiteral("  add an index  "));
    dialog.branchLabelEdit()->setText(QStringLiteral("side"));
    dialog.dependsOnEdit()->setText(QStringLiteral("001, 003"));
    dialog.revIdEdit()->setText(QStringLiteral("d1a1"));
    RevisionRequest r = dialog.request();
    QVERIFY(!r.merge);
    QCOMPARE(r.message.value_or(QString()), QStringLiteral("add an index"));
    QCOMPARE(r.heads, QStringList{QStringLiteral("002")});
    QVERIFY(r.splice);
    QCOMPARE(r.branchLabel.value_or(QString()), QStringLiteral("side"));
    QCOMPARE(r.dependsOn, (QStringList{QStringLiteral("001"), QStringLiteral("003")}));
    QCOMPARE(r.revId, QStringLiteral("d1a1"));
    QVERIFY(!r.versionPath);

    // the head selected: no splice; nothing typed: alembic's defaults
    NewRevisionDialog onHead(project, false, QStringLiteral("005"));
    QVERIFY(!onHead.spliceCheck()->isChecked());
    r = onHead.request();
    QVERIFY(!r.message);
    QVERIFY(!r.branchLabel);
    QVERIFY(r.revId.isEmpty());
    QVERIFY(r.dependsOn.isEmpty());
}

void TestAuthoringUi::newRevisionIsSelectedAfterTheReload()
{
    MainWindow window;
    QVERIFY(openCopy(window, QStringLiteral("jobs")));
    QVERIFY(window.authoringController()->newRevisionAction()->isEnabled());
    QVERIFY(!window.authoringController()->mergeHeadsAction()->isEnabled());  // one head
    const QStringList before = pyFiles(m_dir);
    NewRevisionDialog dialog(window.session()->project(), false, QStringLiteral("005"));
    dialog.messageEdit()->setText(QStringLiteral("from the window"));
    dialog.revIdEdit()->setText(QStringLiteral("w1nd0w"));
    QVERIFY(writeAndReload(window, dialog.request()));

    QCOMPARE(shownId(window), QStringLiteral("w1nd0w"));
    const RevisionGraph &graph = window.session()->project()->graph;
    QCOMPARE(graph.heads().size(), 1);
    QCOMPARE(graph.node(graph.heads().front()).id, QStringLiteral("w1nd0w"));
    QCOMPARE(graph.node(graph.heads().front()).downRevisions, QStringList{QStringLiteral("005")});
    QStringList after = pyFiles(m_dir);
    for (const QString &f : before)
        after.removeOne(f);
    QCOMPARE(after, QStringList{m_dir + QStringLiteral("/versions/w1nd0w_from_the_window.py")});
    QVERIFY(window.authoringController()->newRevisionAction()->isEnabled());
}

void TestAuthoringUi::mergeHeadsJoinsTheHeads()
{
    MainWindow window;
    QVERIFY(openCopy(window, QStringLiteral("jobs")));
    // a second head first: a splice off 003
    RevisionRequest side;
    side.heads = {QStringLiteral("003")};
    side.splice = true;
    side.message = QStringLiteral("side branch");
    side.revId = QStringLiteral("51de");
    QVERIFY(writeAndReload(window, side));
    QCOMPARE(shownId(window), QStringLiteral("51de"));
    QCOMPARE(window.session()->project()->graph.heads().size(), 2);
    QVERIFY(window.authoringController()->mergeHeadsAction()->isEnabled());

    NewRevisionDialog dialog(window.session()->project(), true, QString());
    QCOMPARE(dialog.headList()->count(), 2);
    dialog.messageEdit()->setText(QStringLiteral("merge the two"));
    dialog.revIdEdit()->setText(QStringLiteral("3e46e"));
    const RevisionRequest r = dialog.request();
    QVERIFY(r.merge);
    QCOMPARE(r.heads.size(), 2);
    QVERIFY(writeAndReload(window, r));

    QCOMPARE(shownId(window), QStringLiteral("3e46e"));
    const RevisionGraph &graph = window.session()->project()->graph;
    QCOMPARE(graph.heads().size(), 1);
    const RevisionNode &merge = graph.node(graph.heads().front());
    QCOMPARE(merge.id, QStringLiteral("3e46e"));
    QStringList parents = merge.downRevisions;
    parents.sort();
    QCOMPARE(parents, (QStringList{QStringLiteral("005"), QStringLiteral("51de")}));
    QVERIFY(!window.authoringController()->mergeHeadsAction()->isEnabled());
}

void TestAuthoringUi::refusalWritesNothing()
{
    MainWindow window;
    QVERIFY(openCopy(window, QStringLiteral("jobs")));
    const QStringList before = pyFiles(m_dir);
    QSignalSpy failed(window.authoringController(), &AuthoringController::failed);
    QSignalSpy shown(&window, &MainWindow::projectShown);
    RevisionRequest bad;
    bad.heads = {QStringLiteral("002")};  // not a head, no splice
    bad.revId = QStringLiteral("b4d");
    QVERIFY(window.authoringController()->write(bad));
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.front().front().value<Error>().message(),
             QStringLiteral("Revision 002 is not a head revision; please specify --splice to create a new branch "
                            "from this revision"));
    QCOMPARE(pyFiles(m_dir), before);
    QVERIFY(shown.isEmpty());  // no reload
    QVERIFY(window.authoringController()->newRevisionAction()->isEnabled());
}

QTEST_MAIN(TestAuthoringUi)
#include "tst_authoringui.moc"
