// The main window against the analytics sample project (a branch, a merge,
// labels, depends_on, two version locations) and against broken projects,
// offscreen. Waits are on signals, never on sleeps.

#include "codeeditor.h"
#include "detailpane.h"
#include "errorpanel.h"
#include "graph/revisiongraph.h"
#include "graph/revisionwalker.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "projectloader.h"
#include "projectsession.h"
#include "sqlpane.h"
#include "sqlsession.h"
#include "project/projectconfig.h"
#include "project/scriptloader.h"
#include "recentprojects.h"
#include "searchbar.h"

#include <Qsci/qscilexer.h>

#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QtTest>

using namespace retort;
using namespace retort::gui;

namespace {

const QString kSource = QStringLiteral(RETORT_SOURCE_DIR);
const QString kAnalytics = kSource + QStringLiteral("/migrations/analytics/alembic.ini");
const QString kMerge = QStringLiteral("0c8d4a6f1e93");

using Revisions = QList<QPair<QString, QString>>;  // (id, down_revision)

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

QByteArray revisionFile(const QString &id, const QString &down)
{
    return QStringLiteral("\"\"\"%1\n\"\"\"\nrevision = \"%1\"\ndown_revision = %2\nbranch_labels = None\n"
                          "depends_on = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n")
        .arg(id, down.isEmpty() ? QStringLiteral("None") : QLatin1Char('"') + down + QLatin1Char('"'))
        .toUtf8();
}

// A project at dir: alembic.ini + alembic/versions/<id>_x.py per (id, down).
bool writeProject(const QString &dir, const Revisions &revisions)
{
    if (!writeFile(dir + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = %(here)s/alembic\n"))
        return false;
    for (const auto &[id, down] : revisions) {
        if (!writeFile(dir + QStringLiteral("/alembic/versions/%1_x.py").arg(id), revisionFile(id, down)))
            return false;
    }
    return true;
}

QString labelText(const QWidget *root, const char *name)
{
    const auto *label = root->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

QStringList historyIds(const HistoryModel &model)
{
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.index(r).data(HistoryModel::RevisionIdRole).toString();
    return ids;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void opensTheSampleProject();
    void rowsFollowAlembicHistoryOrder();
    void mergeRowJoinsTwoParentLines();
    void labelledRevisionsShowTheirLabels();
    void selectingARowFillsTheDetailPane();
    void longListsInTheDetailPaneAreShortened();
    void detailLinksNavigate();
    void keyboardNavigation();
    void loadingRunsOffTheGuiThread();
    void brokenProjectsShowTheErrorPanel_data();
    void brokenProjectsShowTheErrorPanel();
    void searchSelectsRows_data();
    void searchSelectsRows();
    void escapeInSearchGivesTheListItsKeys();
    void aReloadRecountsTheSearch();
    void defaultSizeFitsTheScreen();
    void saveAsProposesTheProjectFolder();
    void folderAndDropOpenProjects();
    void reloadKeepsTheSelection();
    void recentProjectsStoreOnlyPaths();
    void screenshotMode();
    void windowKeepsTheProcessOfRetort();

private:
    bool open(MainWindow &window, const QString &path);
};

bool TestMainWindow::open(MainWindow &window, const QString &path)
{
    QSignalSpy shown(&window, &MainWindow::projectShown);
    QSignalSpy failed(&window, &MainWindow::projectFailed);
    window.openProject(path);
    return QTest::qWaitFor([&] { return !shown.isEmpty() || !failed.isEmpty(); }, 20000) && !shown.isEmpty();
}

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(QFileInfo::exists(kAnalytics));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::opensTheSampleProject()
{
    MainWindow window;
    window.show();
    QCOMPARE(window.page(), MainWindow::Page::Welcome);
    QVERIFY(open(window, kAnalytics));
    QCOMPARE(window.page(), MainWindow::Page::History);

    int files = 0;
    for (const QString &location : {QStringLiteral("core"), QStringLiteral("reporting")}) {
        QDirIterator it(kSource + QStringLiteral("/migrations/analytics/alembic/versions/") + location,
                        {QStringLiteral("*.py")}, QDir::Files);
        while (it.hasNext()) {
            it.next();
            ++files;
        }
    }
    QCOMPARE(files, 10);
    QCOMPARE(window.historyModel()->rowCount(), files);
    QCOMPARE(labelText(&window, "statusRevisions"), QStringLiteral("10 revisions"));
    QCOMPARE(labelText(&window, "statusHeads"), QStringLiteral("1 head"));
    // The newest revision is selected and shown.
    QCOMPARE(window.historyView()->currentRow(), 0);
    QCOMPARE(labelText(window.detailPane(), "revisionIdLabel"), QStringLiteral("9b52e1c8f3a6"));
}

void TestMainWindow::rowsFollowAlembicHistoryOrder()
{
    MainWindow window;
    QVERIFY(open(window, kAnalytics));

    // alembic's `history` order, computed straight from the core.
    Result<ProjectConfig> config = ProjectConfig::load(kAnalytics);
    QVERIFY(config);
    Result<ScriptLoader::Loaded> scripts = ScriptLoader::load(config.value());
    QVERIFY(scripts);
    Result<RevisionGraph> graph = RevisionGraph::build(scripts.value().scripts);
    QVERIFY(graph);
    Result<QVector<int>> order = RevisionWalker(graph.value()).history(QString(), QString());
    QVERIFY(order);
    QStringList expected;
    for (int n : order.value())
        expected << graph.value().node(n).id;
    QCOMPARE(historyIds(*window.historyModel()), expected);
}

void TestMainWindow::mergeRowJoinsTwoParentLines()
{
    MainWindow window;
    QVERIFY(open(window, kAnalytics));
    const HistoryModel &model = *window.historyModel();
    const LaneLayout &layout = model.project()->layout;
    const int row = model.rowOfRevision(kMerge);
    QVERIFY(row >= 0);
    QVERIFY(model.index(row).data(HistoryModel::FlagsRole).toInt() & HistoryModel::MergePoint);

    // Two down_revision lines meet at the merge's node, in two lanes, and
    // each one runs down to one of its parents.
    const EdgeSpan edges = model.index(row).data(HistoryModel::EdgesRole).value<EdgeSpan>();
    QSet<int> lanes;
    for (const GraphEdge *e = edges.begin; e != edges.end; ++e) {
        if (e->part == GraphEdge::Part::Out && e->type == GraphEdge::Type::Parent)
            lanes.insert(e->toLane);
    }
    QCOMPARE(lanes.size(), 2);
    QStringList reached;
    for (int lane : std::as_const(lanes)) {
        for (int r = row + 1; r < layout.rowCount(); ++r) {
            bool in = false, through = false;
            for (const GraphEdge *e = layout.edgesBegin(r); e != layout.edgesEnd(r); ++e) {
                if (e->fromLane != lane || e->type != GraphEdge::Type::Parent)
                    continue;
                in = in || e->part == GraphEdge::Part::In;
                through = through || e->part == GraphEdge::Part::Through;
            }
            if (in) {
                reached << model.index(r).data(HistoryModel::RevisionIdRole).toString();
                break;
            }
            QVERIFY2(through, qPrintable(QStringLiteral("the line in lane %1 stops at row %2").arg(lane).arg(r)));
        }
    }
    reached.sort();
    QCOMPARE(reached, (QStringList{QStringLiteral("7e3b9f0a2c65"), QStringLiteral("f3a1c7e9d048")}));

    // And the depends_on of 7e3b9f0a2c65 is drawn as its own kind of line.
    const int dependent = model.rowOfRevision(QStringLiteral("7e3b9f0a2c65"));
    const EdgeSpan depEdges = model.index(dependent).data(HistoryModel::EdgesRole).value<EdgeSpan>();
    bool dependsLine = false;
    for (const GraphEdge *e = depEdges.begin; e != depEdges.end; ++e)
        dependsLine = dependsLine || (e->part == GraphEdge::Part::Out && e->type == GraphEdge::Type::DependsOn);
    QVERIFY(dependsLine);
}

void TestMainWindow::labelledRevisionsShowTheirLabels()
{
    MainWindow window;
    QVERIFY(open(window, kAnalytics));
    const HistoryModel &model = *window.historyModel();
    QCOMPARE(model.index(model.rowOfRevision(QStringLiteral("e07f5b3d2a19"))).data(HistoryModel::LabelsRole).toStringList(),
             QStringList{QStringLiteral("core")});
    QCOMPARE(model.index(model.rowOfRevision(QStringLiteral("b6f04d8c3e52"))).data(HistoryModel::LabelsRole).toStringList(),
             QStringList{QStringLiteral("reporting")});
    QVERIFY(model.index(model.rowOfRevision(kMerge)).data(HistoryModel::LabelsRole).toStringList().isEmpty());
    const int head = model.rowOfRevision(QStringLiteral("9b52e1c8f3a6"));
    QVERIFY(model.index(head).data(HistoryModel::FlagsRole).toInt() & HistoryModel::Head);

    // The detail pane lists the labels the revision carries, its own in bold.
    window.selectRevision(QStringLiteral("e07f5b3d2a19"));
    QVERIFY(labelText(window.detailPane(), "labelsLabel").contains(QStringLiteral("<b>core</b>")));
}

// A revision on a long straight history carries every label declared along
// it, and a revision can have many children: the pane lists the first 20 of
// each, its own labels first, and says how many more there are (laying out
// thousands took a tenth of a second per selection).
void TestMainWindow::longListsInTheDetailPaneAreShortened()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("alembic.ini")), "[alembic]\nscript_location = %(here)s/alembic\n"));
    const auto write = [&](const QString &id, const QString &down, const QString &label) {
        const QString text = QStringLiteral("\"\"\"%1\n\"\"\"\nrevision = \"%1\"\ndown_revision = %2\nbranch_labels = %3\n"
                                            "depends_on = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n")
                                 .arg(id, down.isEmpty() ? QStringLiteral("None") : QLatin1Char('"') + down + QLatin1Char('"'),
                                      label.isEmpty() ? QStringLiteral("None") : QStringLiteral("(\"%1\",)").arg(label));
        return writeFile(dir.filePath(QStringLiteral("alembic/versions/%1_x.py").arg(id)), text.toUtf8());
    };
    // c000 <- ... <- c299, each declaring label_NNN; 25 children of c299.
    for (int i = 0; i < 300; ++i) {
        QVERIFY(write(QStringLiteral("c%1").arg(i, 3, 10, QLatin1Char('0')),
                      i ? QStringLiteral("c%1").arg(i - 1, 3, 10, QLatin1Char('0')) : QString(),
                      QStringLiteral("label_%1").arg(i, 3, 10, QLatin1Char('0'))));
    }
    for (int i = 0; i < 25; ++i)
        QVERIFY(write(QStringLiteral("k%1").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("c299"), QString()));
    MainWindow window;
    window.show();
    QVERIFY(open(window, dir.filePath(QStringLiteral("alembic.ini"))));
    QVERIFY(window.selectRevision(QStringLiteral("c299")));
    DetailPane *pane = window.detailPane();
    const QString labels = labelText(pane, "labelsLabel");
    QVERIFY2(labels.startsWith(QStringLiteral("<b>label_299</b> (declared here), ")), qPrintable(labels));
    QCOMPARE(labels.count(QStringLiteral("label_")), 20);
    QVERIFY2(labels.endsWith(QStringLiteral(", … and 280 more")), qPrintable(labels));
    const QString children = labelText(pane, "childrenLabel");
    QCOMPARE(children.count(QStringLiteral("href=\"rev:k")), 20);
    QVERIFY2(children.endsWith(QStringLiteral("<br>… and 5 more")), qPrintable(children));
    // The row's tooltip too.
    const HistoryModel &model = *window.historyModel();
    const QString tip = model.index(model.rowOfRevision(QStringLiteral("c299"))).data(Qt::ToolTipRole).toString();
    QCOMPARE(tip.count(QStringLiteral("label_")), 20);
    QVERIFY2(tip.contains(QStringLiteral(", … and 280 more)")), qPrintable(tip.left(400)));

    // Short lists stay whole.
    QVERIFY(window.selectRevision(QStringLiteral("k003")));
    QCOMPARE(labelText(pane, "childrenLabel").count(QStringLiteral("href")), 0);
    QVERIFY(window.selectRevision(QStringLiteral("c001")));
    QCOMPARE(labelText(pane, "childrenLabel").count(QStringLiteral("href=\"rev:c002\"")), 1);
    QVERIFY(!labelText(pane, "childrenLabel").contains(QStringLiteral("more")));
}

void TestMainWindow::selectingARowFillsTheDetailPane()
{
    MainWindow window;
    window.show();
    QVERIFY(open(window, kAnalytics));
    const int row = window.historyModel()->rowOfRevision(kMerge);
    QTest::mouseClick(window.historyView()->viewport(), Qt::LeftButton, {},
                      window.historyView()->visualRect(window.historyModel()->index(row)).center());
    QCOMPARE(window.historyView()->currentRow(), row);

    DetailPane *pane = window.detailPane();
    QCOMPARE(labelText(pane, "revisionIdLabel"), kMerge);
    QVERIFY(labelText(pane, "revisionKindLabel").contains(QStringLiteral("merge point")));
    const QString parents = labelText(pane, "parentsLabel");
    QVERIFY2(parents.contains(QStringLiteral("7e3b9f0a2c65")) && parents.contains(QStringLiteral("f3a1c7e9d048")),
             qPrintable(parents));
    QVERIFY(labelText(pane, "childrenLabel").contains(QStringLiteral("d2f6b8a0c417")));
    QCOMPARE(labelText(pane, "filePathLabel"),
             QStringLiteral("alembic/versions/core/0c8d4a6f1e93_merge_reporting_into_core.py"));
    QCOMPARE(labelText(pane, "messageLabel"), QStringLiteral("merge reporting into core"));
    QVERIFY(labelText(pane, "createDateLabel").contains(QStringLiteral("2025-10-09 17:30:05")));

    QFile file(kSource + QStringLiteral("/migrations/analytics/alembic/versions/core/0c8d4a6f1e93_merge_reporting_into_core.py"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString contents = QString::fromUtf8(file.readAll());
    QTRY_COMPARE(pane->sourceEditor()->text(), contents);
    QVERIFY(pane->sourceEditor()->isReadOnly());
    QVERIFY(pane->sourceEditor()->lexer());
    QCOMPARE(QString::fromLatin1(pane->sourceEditor()->lexer()->language()), QStringLiteral("Python"));

    // depends_on shows in the pane of the revision declaring it.
    window.selectRevision(QStringLiteral("7e3b9f0a2c65"));
    QVERIFY(labelText(pane, "dependsOnLabel").contains(QStringLiteral("b6f04d8c3e52")));
    QTRY_VERIFY(pane->sourceEditor()->text().contains(QStringLiteral("depends_on = \"b6f04d8c3e52\"")));
}

void TestMainWindow::detailLinksNavigate()
{
    MainWindow window;
    QVERIFY(open(window, kAnalytics));
    window.selectRevision(kMerge);
    emit window.detailPane()->revisionActivated(QStringLiteral("f3a1c7e9d048"));
    QCOMPARE(labelText(window.detailPane(), "revisionIdLabel"), QStringLiteral("f3a1c7e9d048"));
}

void TestMainWindow::keyboardNavigation()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(open(window, kAnalytics));
    HistoryView *view = window.historyView();
    view->setFocus();
    QCOMPARE(view->currentRow(), 0);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentRow(), 1);
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(view->currentRow(), window.historyModel()->rowCount() - 1);
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->currentRow(), 0);

    // Alt+Up / Alt+Down: to a child / the first parent, however far apart.
    window.selectRevision(kMerge);
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(labelText(window.detailPane(), "revisionIdLabel"), QStringLiteral("7e3b9f0a2c65"));
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(labelText(window.detailPane(), "revisionIdLabel"), kMerge);
}

void TestMainWindow::loadingRunsOffTheGuiThread()
{
    MainWindow window;
    ProjectSession *session = window.session();
    QThread *loadedOn = nullptr;
    // Direct: the lambda runs in whichever thread emits, i.e. the loader's.
    connect(session->loader(), &ProjectLoader::loaded, this,
            [&loadedOn](quint64, LoadedProjectPtr) { loadedOn = QThread::currentThread(); },
            Qt::DirectConnection);
    QSignalSpy busy(session, &ProjectSession::loadingStarted);
    QVERIFY(open(window, kAnalytics));
    QCOMPARE(busy.count(), 1);
    QVERIFY(loadedOn != nullptr);
    QVERIFY(loadedOn != QThread::currentThread());
    QCOMPARE(loadedOn, session->workerThread());
    QCOMPARE(session->workerThread()->objectName(), QStringLiteral("retort-project-loader"));
}

void TestMainWindow::brokenProjectsShowTheErrorPanel_data()
{
    QTest::addColumn<Revisions>("revisions");
    QTest::addColumn<QByteArray>("extraFile");  // name=contents, written into versions/
    QTest::addColumn<QStringList>("messageHas");
    QTest::addColumn<QString>("locationHas");

    using Revs = Revisions;
    QTest::newRow("cycle") << Revs{{"base01", ""}, {"tip002", "base01"}, {"loopa3", "loopb4"}, {"loopb4", "loopa3"}}
                           << QByteArray() << QStringList{"Cycle is detected", "loopa3", "loopb4"}
                           << QStringLiteral("loopa3_x.py:4");
    QTest::newRow("syntax error") << Revs{{"base01", ""}}
                                  << QByteArray("bad999_x.py=\"\"\"bad\n\"\"\"\nrevision = \"bad999\"\n"
                                                "down_revision = \"base01\"\n\ndef upgrade(:\n    pass\n")
                                  << QStringList{"invalid syntax"} << QStringLiteral("bad999_x.py:6");
    QTest::newRow("missing parent") << Revs{{"base01", ""}, {"orphan", "nothere"}} << QByteArray()
                                    << QStringList{"nothere", "orphan"} << QStringLiteral("orphan_x.py:4");
}

void TestMainWindow::brokenProjectsShowTheErrorPanel()
{
    QFETCH(Revisions, revisions);
    QFETCH(QByteArray, extraFile);
    QFETCH(QStringList, messageHas);
    QFETCH(QString, locationHas);

    QTemporaryDir dir;
    QVERIFY(writeProject(dir.path(), revisions));
    if (!extraFile.isEmpty()) {
        const int eq = extraFile.indexOf('=');
        QVERIFY(writeFile(dir.path() + QStringLiteral("/alembic/versions/") + QString::fromUtf8(extraFile.left(eq)),
                          extraFile.mid(eq + 1)));
    }

    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::projectFailed);
    window.openProject(dir.path());
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(window.page(), MainWindow::Page::Error);
    QCOMPARE(window.historyModel()->rowCount(), 0);
    const QString message = window.errorPanel()->messageText();
    for (const QString &part : messageHas)
        QVERIFY2(message.contains(part), qPrintable(message));
    QVERIFY2(window.errorPanel()->locationText().contains(locationHas), qPrintable(window.errorPanel()->locationText()));
    // The lines around it, that line marked, and the file offered to the desktop's editor.
    const QString file = locationHas.section(QLatin1Char(':'), 0, 0);
    const int line = locationHas.section(QLatin1Char(':'), 1).toInt();
    QVERIFY2(window.errorPanel()->fileToOpen().endsWith(QStringLiteral("/alembic/versions/") + file),
             qPrintable(window.errorPanel()->fileToOpen()));
    QVERIFY(window.errorPanel()->findChild<QPushButton *>(QStringLiteral("openInEditor"))->isVisibleTo(&window));
    QTRY_VERIFY_WITH_TIMEOUT(!window.errorPanel()->excerptText().isEmpty(), 20000);
    QFile source(window.errorPanel()->fileToOpen());
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QString marked = QString::fromUtf8(source.readAll()).split(QLatin1Char('\n')).value(line - 1);
    QVERIFY2(window.errorPanel()->excerptText().contains(QStringLiteral("> %1 | %2").arg(line).arg(marked)),
             qPrintable(window.errorPanel()->excerptText()));
    // No dialog popped up over it.
    QVERIFY(QApplication::activeModalWidget() == nullptr);

    // Fixed on disk, "Try Again" recovers without reopening.
    QVERIFY(writeProject(dir.path(), {{"base01", ""}}));
    for (const QString &name : QDir(dir.path() + QStringLiteral("/alembic/versions")).entryList({"*.py"})) {
        if (!name.startsWith(QLatin1String("base01")))
            QVERIFY(QFile::remove(dir.path() + QStringLiteral("/alembic/versions/") + name));
    }
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.session()->reload();
    QVERIFY(shown.wait(20000));
    QCOMPARE(window.page(), MainWindow::Page::History);
    QCOMPARE(window.historyModel()->rowCount(), 1);
}

void TestMainWindow::searchSelectsRows_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("selected");
    QTest::addColumn<QStringList>("matching");  // newest first

    QTest::newRow("id prefix") << "b6f0" << "b6f04d8c3e52" << QStringList{"b6f04d8c3e52"};
    QTest::newRow("id prefix, upper case") << "F3A1" << "f3a1c7e9d048" << QStringList{"f3a1c7e9d048"};
    QTest::newRow("message") << "retention" << "d2f6b8a0c417" << QStringList{"d2f6b8a0c417"};
    // What the upgrade's SQL names: a table (in two messages, and indexed by
    // 7e3b's), a column, an index.
    QTest::newRow("table") << "audit_logs" << "9b52e1c8f3a6"
                           << QStringList{"9b52e1c8f3a6", "7e3b9f0a2c65", "e07f5b3d2a19"};
    QTest::newRow("column") << "users.email" << "4b1e7f2a9c03" << QStringList{"4b1e7f2a9c03"};
    QTest::newRow("index") << "idx_events_org_ts" << "7e3b9f0a2c65" << QStringList{"7e3b9f0a2c65"};
    // A branch label matches every revision carrying it (alembic propagates
    // labels along their line); the selected head carries it already.
    QTest::newRow("label") << "reporting" << "9b52e1c8f3a6"
                           << QStringList{"9b52e1c8f3a6", "d2f6b8a0c417", "0c8d4a6f1e93", "f3a1c7e9d048",
                                          "2d9e6a7b1f80", "b6f04d8c3e52"};
    // Typed letter by letter: "q" matches the selected row, "qq" nothing.
    QTest::newRow("nothing") << "qqqq" << "9b52e1c8f3a6" << QStringList{};
}

void TestMainWindow::searchSelectsRows()
{
    QFETCH(QString, typed);
    QFETCH(QString, selected);
    QFETCH(QStringList, matching);

    MainWindow window;
    window.show();
    QSignalSpy scanned(window.sqlSession(), &SqlSession::needsPythonReady);
    QVERIFY(open(window, kAnalytics));
    QVERIFY(!scanned.isEmpty() || scanned.wait(20000));  // what each upgrade names is known
    QTest::keyClicks(window.searchBar()->field(), typed);
    const HistoryModel &model = *window.historyModel();
    QStringList matched;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r).data(HistoryModel::SearchMatchRole).toBool())
            matched << model.index(r).data(HistoryModel::RevisionIdRole).toString();
    }
    QCOMPARE(matched, matching);
    QCOMPARE(model.matchCount(), matching.size());
    QCOMPARE(labelText(window.detailPane(), "revisionIdLabel"), selected);
    QCOMPARE(labelText(window.searchBar(), "searchCount"),
             matching.isEmpty()       ? QStringLiteral("No matches")
             : matching.size() == 1 ? QStringLiteral("1 match")
                                    : QStringLiteral("%1 matches").arg(matching.size()));

    const int row = window.historyView()->currentRow();
    if (matching.size() > 1) {
        // Enter goes to the next match, Shift+Enter back.
        QTest::keyClick(window.searchBar()->field(), Qt::Key_Return);
        QCOMPARE(labelText(window.detailPane(), "revisionIdLabel"), matching.at(1));
        QTest::keyClick(window.searchBar()->field(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(window.historyView()->currentRow(), row);
    }
    // Escape clears the search: every row matches again.
    QTest::keyClick(window.searchBar()->field(), Qt::Key_Escape);
    QCOMPARE(model.searchText(), QString());
    QVERIFY(model.rowMatches(0));
    QCOMPARE(labelText(window.searchBar(), "searchCount"), QString());
}

// The count beside the search is the shown project's from the moment it is
// shown, not the one before a reload's until the background scan answers.
void TestMainWindow::aReloadRecountsTheSearch()
{
    QTemporaryDir dir;
    QVERIFY(writeProject(dir.path(), {{"aa01", ""}, {"aa02", "aa01"}, {"bb03", "aa02"}}));
    MainWindow window;
    window.show();
    QVERIFY(open(window, dir.filePath(QStringLiteral("alembic.ini"))));
    QTest::keyClicks(window.searchBar()->field(), QStringLiteral("aa"));
    QCOMPARE(labelText(window.searchBar(), "searchCount"), QStringLiteral("2 matches"));

    QVERIFY(writeFile(dir.filePath(QStringLiteral("alembic/versions/aa04_x.py")), revisionFile(QStringLiteral("aa04"), QStringLiteral("bb03"))));
    QString countWhenShown;
    connect(&window, &MainWindow::projectShown, &window,
            [&] { countWhenShown = labelText(window.searchBar(), "searchCount"); });
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.session()->reload();
    QVERIFY(shown.wait(20000));
    QCOMPARE(window.historyModel()->matchCount(), 3);
    QCOMPARE(countWhenShown, QStringLiteral("3 matches"));
}

void TestMainWindow::escapeInSearchGivesTheListItsKeys()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(open(window, kAnalytics));
    window.searchBar()->focusField();
    QTest::keyClicks(window.searchBar()->field(), QStringLiteral("e0"));
    QTest::keyClick(window.searchBar()->field(), Qt::Key_Escape);
    QCOMPARE(window.historyModel()->searchText(), QString());
    // The arrows now move the selection in the list.
    const int row = window.historyView()->currentRow();
    QVERIFY(QApplication::focusWidget() != window.searchBar()->field());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(window.historyView()->currentRow(), row + 1);
}

// Without a saved geometry the window opens no larger than the screen
// (offscreen: 800x600; a 1366x768 laptop at 200% scale offers 683x384).
void TestMainWindow::defaultSizeFitsTheScreen()
{
    MainWindow window;
    const QSize available = window.screen()->availableGeometry().size();
    QVERIFY2(window.width() <= available.width() && window.height() <= available.height(),
             qPrintable(QStringLiteral("%1x%2 on %3x%4").arg(window.width()).arg(window.height())
                            .arg(available.width()).arg(available.height())));
}

// "Save as .sql" proposes a name without colons or spaces, beside the project.
void TestMainWindow::saveAsProposesTheProjectFolder()
{
    MainWindow window;
    QVERIFY(open(window, kAnalytics));
    QVERIFY(window.selectRevision(kMerge));
    DetailPane *detail = window.detailPane();
    const QString folder = QFileInfo(kAnalytics).absolutePath();
    QTRY_COMPARE(detail->upgradePane()->suggestedPath(), folder + QStringLiteral("/%1_upgrade.sql").arg(kMerge));
    SqlScript script;
    script.ok = true;
    script.text = QStringLiteral("SELECT 1;\n\n");
    detail->setPreview(script, QStringLiteral("local: upgrade to %1").arg(kMerge));
    QCOMPARE(detail->previewPane()->suggestedPath(), folder + QStringLiteral("/local__upgrade_to_%1.sql").arg(kMerge));
}

void TestMainWindow::folderAndDropOpenProjects()
{
    const QString folder = QFileInfo(kAnalytics).absolutePath();
    QCOMPARE(ProjectLoader::resolveIniPath(folder), QFileInfo(kAnalytics).absoluteFilePath());
    // A folder inside the project finds the alembic.ini above it.
    QCOMPARE(ProjectLoader::resolveIniPath(folder + QStringLiteral("/alembic/versions/core")),
             QFileInfo(kAnalytics).absoluteFilePath());
    {
        QTemporaryDir none;
        QVERIFY(QDir(none.path()).mkpath(QStringLiteral("a/b")));
        QCOMPARE(ProjectLoader::resolveIniPath(none.filePath(QStringLiteral("a/b"))),
                 none.filePath(QStringLiteral("a/b/alembic.ini")));
    }

    MainWindow window;
    window.show();
    QVERIFY(open(window, folder));
    QCOMPARE(window.historyModel()->project()->iniPath, QFileInfo(kAnalytics).absoluteFilePath());

    // A dropped folder opens like File > Open.
    QTemporaryDir dir;
    QVERIFY(writeProject(dir.path(), {{"aaa001", ""}, {"bbb002", "aaa001"}}));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir.path())});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy shown(&window, &MainWindow::projectShown);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(shown.wait(20000));
    QCOMPARE(historyIds(*window.historyModel()), (QStringList{"bbb002", "aaa001"}));

    // Something else dropped is refused.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestMainWindow::reloadKeepsTheSelection()
{
    MainWindow window;
    QVERIFY(open(window, kAnalytics));
    QVERIFY(window.selectRevision(QStringLiteral("2d9e6a7b1f80")));
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.session()->reload();
    // The graph stays up while reloading.
    QCOMPARE(window.page(), MainWindow::Page::History);
    QVERIFY(shown.wait(20000));
    QCOMPARE(labelText(window.detailPane(), "revisionIdLabel"), QStringLiteral("2d9e6a7b1f80"));
}

void TestMainWindow::recentProjectsStoreOnlyPaths()
{
    {
        MainWindow window;
        QVERIFY(open(window, kAnalytics));
        window.close();  // saves geometry and splitters
    }
    QCOMPARE(RecentProjects::list().value(0), QFileInfo(kAnalytics).absoluteFilePath());
    QSettings settings;
    QVERIFY(settings.contains(QStringLiteral("window/geometry")));
    QVERIFY(settings.contains(QStringLiteral("window/mainSplitter")));
    for (const QString &key : settings.allKeys()) {
        const QString value = settings.value(key).toString() + settings.value(key).toStringList().join(QLatin1Char(' '));
        QVERIFY2(!value.contains(QStringLiteral("postgresql://")), qPrintable(key));
    }
}

void TestMainWindow::screenshotMode()
{
    // The binary on the command line path, as scripts/screenshot.sh runs it.
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    QProcess retort;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("RETORT_SCREENSHOT"), png);
    env.insert(QStringLiteral("RETORT_SCREENSHOT_SELECT"), kMerge);
    retort.setProcessEnvironment(env);
    retort.start(QStringLiteral(RETORT_BINARY), {kAnalytics});
    QVERIFY(retort.waitForFinished(60000));
    QCOMPARE(retort.exitStatus(), QProcess::NormalExit);
    QVERIFY2(retort.exitCode() == 0, retort.readAllStandardError().constData());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 800));
}

// retort <project> execs the window program in its own process: a script
// that started retort and later signals that pid reaches the window.
void TestMainWindow::windowKeepsTheProcessOfRetort()
{
    QProcess retort;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    retort.setProcessEnvironment(env);
    retort.start(QStringLiteral(RETORT_BINARY), {kAnalytics});
    QVERIFY(retort.waitForStarted());
    const QString proc = QStringLiteral("/proc/%1/").arg(retort.processId());
    const QString window = QFileInfo(QStringLiteral(RETORT_BINARY)).canonicalPath() + QStringLiteral("/retort-window");
    // A wait for the exec, not a timing assertion: it fails only if it never happens.
    QTRY_COMPARE_WITH_TIMEOUT(QFile::symLinkTarget(proc + QStringLiteral("exe")), window, 60000);
    QCOMPARE(retort.state(), QProcess::Running);
    retort.terminate();
    QVERIFY(retort.waitForFinished(60000));
    QCOMPARE(retort.exitStatus(), QProcess::CrashExit);  // SIGTERM ended the window
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
