// Databases on the graph, against the private cluster and the real alembic:
// a database stamped by alembic shows applied / current / pending per row of
// migrations/analytics (a branch, a merge, depends_on) exactly as alembic's
// own upgrade plan from that state says; several connections show as
// markers; a row the files do not have is announced; the range preview is
// alembic's --sql script; saved connections never write a password; a wrong
// password gives a clear message and a prompt (those in tst_dbconnections.cpp).
// Offscreen, waits on conditions.

#include "tst_dbstate.h"

#include "applyharness.h"
#include "databasesession.h"
#include "databasestatus.h"
#include "db/versionstate.h"
#include "graph/dbstate.h"
#include "projectloader.h"
#include "detailpane.h"
#include "graphlegend.h"
#include "graphstyle.h"
#include "historydelegate.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "sqlpane.h"

#include "processrunner.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QAction>
#include <QPainter>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <tuple>

using namespace retort;
using namespace retort::gui;
using namespace retort::testsupport;
using retort::testui::saveConnectionsFor;
using namespace retort::dbstatetest;

namespace retort::dbstatetest {

const QString kSource = QStringLiteral(RETORT_SOURCE_DIR);
const QString kAnalyticsDir = kSource + QStringLiteral("/migrations/analytics");
const QString kAnalytics = kAnalyticsDir + QStringLiteral("/alembic.ini");
const QString kJobsDir = kSource + QStringLiteral("/migrations/jobs");
const QString kJobs = kJobsDir + QStringLiteral("/alembic.ini");

QProcessEnvironment envFor(const QString &url)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("DATABASE_URL"), url);
    e.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    return e;
}

bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(path);
    return QTest::qWaitFor([&] { return !shown.isEmpty(); }, 20000);
}

int rowState(const HistoryModel &model, const QString &id)
{
    return model.index(model.rowOfRevision(id)).data(HistoryModel::DbStateRole).toInt();
}

} // namespace retort::dbstatetest

namespace {

// The revisions alembic's offline upgrade from `from` to heads would run.
QStringList alembicPending(const QString &from)
{
    const ProcessResult r = runAlembic(kAnalytics, {"upgrade", from + QStringLiteral(":heads"), "--sql"}, kAnalyticsDir);
    if (!r.ok())
        return {QStringLiteral("alembic failed: ") + r.describe()};
    QStringList ids;
    static const QRegularExpression marker(QStringLiteral("^-- Running upgrade .* -> (\\w+)$"),
                                           QRegularExpression::MultilineOption);
    auto it = marker.globalMatch(QString::fromUtf8(r.out));
    while (it.hasNext())
        ids << it.next().captured(1);
    return ids;
}

// Every revision id, newest first, as `alembic history` lists them.
QStringList alembicHistory()
{
    const ProcessResult r = runAlembic(kAnalytics, {"history"}, kAnalyticsDir);
    QStringList ids;
    for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString arrow = line.section(QStringLiteral(" -> "), 1);
        ids << arrow.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(','));
    }
    return ids;
}

QStringList markerNames(const HistoryModel &model, const QString &id)
{
    QStringList names;
    for (const DbMarker &m : model.index(model.rowOfRevision(id)).data(HistoryModel::DbMarkersRole).value<DbMarkers>())
        names << m.name;
    return names;
}

// The colour at the centre of revision `id`'s node as the graph's delegate
// paints its row (unselected), and the colour of its lane.
struct NodePaint {
    QColor centre;
    QColor lane;
    QColor base;
};

NodePaint paintNode(const HistoryModel &model, const QString &id)
{
    const QModelIndex index = model.index(model.rowOfRevision(id));
    HistoryDelegate delegate;
    const QFontMetrics fm(QApplication::font());
    const QRect row(0, 0, 700, HistoryDelegate::rowHeight(fm));
    const QPalette palette = QApplication::palette();
    QImage image(row.size(), QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Base));
    QStyleOptionViewItem option;
    option.rect = row;
    option.palette = palette;
    option.font = QApplication::font();
    option.fontMetrics = fm;
    option.state = QStyle::State_Enabled;
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, index);
    }
    const int lane = index.data(HistoryModel::LaneRole).toInt();
    const QPointF c = delegate.nodeCentre(row, lane);
    return {image.pixelColor(int(c.x()), int(c.y())), graphstyle::laneColor(lane, palette),
            palette.color(QPalette::Base)};
}

bool sameColor(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 6 && std::abs(a.green() - b.green()) <= 6
           && std::abs(a.blue() - b.blue()) <= 6;
}

} // namespace

void TestDbState::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_dbstate"));
    qunsetenv("DATABASE_URL");
    RETORT_REQUIRE_CLUSTER(m_cluster);
    QVERIFY2(!alembicPython().isEmpty(), "no Python can import alembic (install python3-alembic)");
}

QString TestDbState::stampedLocal(const QString &name, const QString &revision)
{
    const QString db = m_cluster.createDatabase(name);
    if (db.isEmpty()) {
        qWarning("%s", qPrintable(m_cluster.lastError()));
        return {};
    }
    m_databases << db;
    const ProcessResult r = runAlembic(kAnalytics, {"stamp", revision}, kAnalyticsDir, envFor(m_cluster.url(db)));
    if (!r.ok()) {
        qWarning("%s", qPrintable(r.describe()));
        return {};
    }
    saveConnectionsFor(kAnalytics, {{QStringLiteral("local"), m_cluster.url(db), QStringLiteral("#2da44e")}});
    return db;
}

bool TestDbState::openWithActiveDatabase(MainWindow &window)
{
    window.resize(1200, 800);
    window.show();
    return openAndWait(window, kAnalytics)
           && QTest::qWaitFor([&window] { return window.activeDatabase() != nullptr; }, 20000);
}

void TestDbState::init()
{
    QSettings().clear();
}

// A revision applied by Retort (so in the run journal) whose upgrade() was
// edited afterwards carries the "edited" mark on the graph, with the reason
// in its tooltip; the revision left alone does not; the legend explains it.
void TestDbState::editedAppliedRevisionIsMarked()
{
    QTemporaryDir tmp;
    const QString journal = tmp.filePath(QStringLiteral("journal"));
    qputenv("RETORT_JOURNAL_DIR", journal.toUtf8());
    const QString ini = writeSmallProject(tmp.filePath(QStringLiteral("p")),
                                          {QStringLiteral("op.execute(\"SELECT 1\")"), QStringLiteral("op.execute(\"SELECT 2\")")});
    QVERIFY(!ini.isEmpty());
    const QString db = m_cluster.createDatabase(QStringLiteral("gui_edited"));
    QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << db;
    const ProcessResult up = runRetort({QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("heads")},
                                       tmp.path(), envFor(m_cluster.url(db)));
    QVERIFY2(up.ok(), qPrintable(up.describe()));
    const QString s1 = tmp.filePath(QStringLiteral("p/migrations/versions/s1.py"));
    QFile f(s1);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    QVERIFY(text.contains("SELECT 1"));
    text.replace("SELECT 1", "SELECT 10");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size());
    f.close();
    saveConnectionsFor(ini, {{QStringLiteral("local"), m_cluster.url(db), QStringLiteral("#2da44e")}});

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, ini));
    QVERIFY(QTest::qWaitFor([&window] { return window.activeDatabase() != nullptr; }, 20000));
    const HistoryModel &model = *window.historyModel();
    const QModelIndex edited = model.index(model.rowOfRevision(QStringLiteral("s1")));
    QVERIFY2(edited.data(HistoryModel::EditedRole).toString().contains(QStringLiteral("upgrade()")),
             qPrintable(edited.data(HistoryModel::EditedRole).toString()));
    QVERIFY2(edited.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Edited since it was applied")),
             qPrintable(edited.data(Qt::ToolTipRole).toString()));
    QCOMPARE(model.index(model.rowOfRevision(QStringLiteral("s2"))).data(HistoryModel::EditedRole).toString(), QString());
    GraphLegend *legend = window.findChild<GraphLegend *>(QStringLiteral("graphLegend"));
    QVERIFY(legend);
    QVERIFY(legend->entries().join(QLatin1Char('|')).contains(QStringLiteral("edited")));
    qunsetenv("RETORT_JOURNAL_DIR");
}

void TestDbState::cleanupTestCase()
{
    for (const QString &db : std::as_const(m_databases))
        m_cluster.dropDatabase(db);
    QSettings().clear();
}

void TestDbState::statesAfterAlembicStamp()
{
    // local: stamped by alembic at 7e3b9f0a2c65, which depends_on b6f04d8c3e52
    // on the other branch; staging: at the merge.
    const QString local = m_cluster.createDatabase(QStringLiteral("gui_local"));
    const QString staging = m_cluster.createDatabase(QStringLiteral("gui_staging"));
    QVERIFY2(!local.isEmpty() && !staging.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << local << staging;
    const QString current = QStringLiteral("7e3b9f0a2c65");
    const QString merge = QStringLiteral("0c8d4a6f1e93");
    ProcessResult r = runAlembic(kAnalytics, {"stamp", current}, kAnalyticsDir, envFor(m_cluster.url(local)));
    QVERIFY2(r.ok(), qPrintable(r.describe()));
    r = runAlembic(kAnalytics, {"stamp", merge}, kAnalyticsDir, envFor(m_cluster.url(staging)));
    QVERIFY2(r.ok(), qPrintable(r.describe()));
    QCOMPARE(m_cluster.versionRows(local), QStringList{current});

    saveConnectionsFor(kAnalytics, {{QStringLiteral("local"), m_cluster.url(local), QStringLiteral("#2da44e")},
                                      {QStringLiteral("staging"), m_cluster.url(staging), QStringLiteral("#d4a72c")}});
    MainWindow window;
    window.resize(1300, 800);
    window.show();
    QVERIFY(openAndWait(window, kAnalytics));
    QCOMPARE(window.activeConnectionName(), QStringLiteral("local"));
    QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
    const HistoryModel &model = *window.historyModel();

    // Rows in alembic's history order; the merge's parents on different lanes.
    const QStringList history = alembicHistory();
    QCOMPARE(history.size(), 10);
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.index(row).data(HistoryModel::RevisionIdRole).toString();
    QCOMPARE(rows, history);
    QVERIFY(model.index(model.rowOfRevision(QStringLiteral("7e3b9f0a2c65"))).data(HistoryModel::LaneRole)
            != model.index(model.rowOfRevision(QStringLiteral("f3a1c7e9d048"))).data(HistoryModel::LaneRole));

    // Pending exactly what alembic would upgrade; current what `alembic current` prints (the
    // stamped row and b6f04d8c3e52, reached through depends_on); applied the rest.
    const QStringList pending = alembicPending(current);
    QCOMPARE(pending.size(), 5);
    r = runAlembic(kAnalytics, {"current"}, kAnalyticsDir, envFor(m_cluster.url(local)));
    QVERIFY2(r.ok(), qPrintable(r.describe()));
    QStringList currents;
    for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        currents << line.section(QLatin1Char(' '), 0, 0);
    currents.sort();
    QCOMPARE(currents, (QStringList{current, QStringLiteral("b6f04d8c3e52")}));
    int applied = 0;
    for (const QString &id : history) {
        const int expected = currents.contains(id)       ? int(RevisionDbState::Current)
                             : pending.contains(id)      ? int(RevisionDbState::Pending)
                                                         : int(RevisionDbState::Applied);
        QVERIFY2(rowState(model, id) == expected,
                 qPrintable(QStringLiteral("%1: %2, expected %3").arg(id).arg(rowState(model, id)).arg(expected)));
        applied += expected == int(RevisionDbState::Applied);
    }
    QCOMPARE(applied, 3);  // e07f5b3d2a19, a91d0c6e5b27, 4b1e7f2a9c03

    // Both databases as markers: local at 7e3b9f0a2c65, staging at the merge.
    QTRY_VERIFY_WITH_TIMEOUT(markerNames(model, merge) == QStringList{QStringLiteral("staging")}, 20000);
    QCOMPARE(markerNames(model, current), QStringList{QStringLiteral("local")});
    QVERIFY(markerNames(model, QStringLiteral("9b52e1c8f3a6")).isEmpty());

    // The status bar: database, host, server version, current revision.
    const QString status = window.databaseStatus()->text();
    QVERIFY2(status.contains(local) && status.contains(m_cluster.host()) && status.contains(QLatin1String("PostgreSQL "))
                 && status.contains(QStringLiteral("at ") + current),
             qPrintable(status));

    // Jump to current.
    QVERIFY(window.selectRevision(QStringLiteral("9b52e1c8f3a6")));
    window.jumpToCurrent();
    QCOMPARE(window.historyView()->currentRow(), model.rowOfRevision(current));

    // Range preview, downgrade: select an applied revision. The preview is the executor's
    // statement list; for a database that has its version table it is alembic's --sql script.
    QVERIFY(window.selectRevision(QStringLiteral("e07f5b3d2a19")));
    SqlPane *preview = window.detailPane()->previewPane();
    QTRY_VERIFY_WITH_TIMEOUT(preview->engineLabel()->text().contains(QLatin1String("downgrade to e07f5b3d2a19")), 20000);
    r = runAlembic(kAnalytics, {"downgrade", current + QStringLiteral(":e07f5b3d2a19"), "--sql"}, kAnalyticsDir);
    QVERIFY2(r.ok(), qPrintable(r.describe()));
    QVERIFY2(preview->script().ok, qPrintable(preview->script().engine));
    QCOMPARE(preview->script().text, QString::fromUtf8(r.out));

    // Upgrade towards a pending revision: alembic's script, or an honest "needs Python".
    QVERIFY(window.selectRevision(QStringLiteral("f3a1c7e9d048")));
    QTRY_VERIFY_WITH_TIMEOUT(preview->engineLabel()->text().contains(QLatin1String("upgrade to f3a1c7e9d048"))
                                 || preview->engineLabel()->text().startsWith(QLatin1String("needs Python")),
                             20000);
    if (preview->script().ok) {
        r = runAlembic(kAnalytics, {"upgrade", current + QStringLiteral(":f3a1c7e9d048"), "--sql"}, kAnalyticsDir);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(preview->script().text, QString::fromUtf8(r.out));
    }

    // The other database becomes the active one: the nodes follow it.
    window.databaseSession()->setActive(QStringLiteral("staging"));
    QCOMPARE(rowState(model, merge), int(RevisionDbState::Current));
    QCOMPARE(rowState(model, QStringLiteral("f3a1c7e9d048")), int(RevisionDbState::Applied));
    QCOMPARE(rowState(model, QStringLiteral("d2f6b8a0c417")), int(RevisionDbState::Pending));
}

void TestDbState::unknownRevisionShown()
{
    const QString db = stampedLocal(QStringLiteral("gui_unknown"), QStringLiteral("a91d0c6e5b27"));
    QVERIFY(!db.isEmpty());
    MainWindow window;
    QVERIFY(openWithActiveDatabase(window));
    QVERIFY(!window.databaseBanner()->isVisible());

    // A row from elsewhere: alembic itself cannot place it.
    QVERIFY(m_cluster.exec(db, QStringLiteral("INSERT INTO alembic_version VALUES ('ffffdeadbeef')")));
    const ProcessResult r = runAlembic(kAnalytics, {"current"}, kAnalyticsDir, envFor(m_cluster.url(db)));
    QVERIFY2(!r.ok() && r.out.contains("ffffdeadbeef"), qPrintable(QString::fromUtf8(r.out + r.err)));

    // Every connection is read again, alembic.ini's own URL too: wait for "local".
    QSignalSpy changed(&window, &MainWindow::databaseStateChanged);
    window.refreshDatabaseState();
    auto localRead = [&changed] {
        for (const QList<QVariant> &args : std::as_const(changed))
            if (args.value(0).toString() == QLatin1String("local"))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(localRead(), 20000);
    const DatabaseSession::Entry *e = window.databaseSession()->entry(QStringLiteral("local"));
    QVERIFY(e && e->last && e->last->ok);
    QCOMPARE(e->last->state.unknown, QStringList{QStringLiteral("ffffdeadbeef")});
    QVERIFY(window.databaseBanner()->isVisible());
    QVERIFY2(window.databaseBanner()->text().contains(QLatin1String("ffffdeadbeef")),
             qPrintable(window.databaseBanner()->text()));
    // The known row still places the database on the graph.
    QCOMPARE(rowState(*window.historyModel(), QStringLiteral("a91d0c6e5b27")), int(RevisionDbState::Current));
    QCOMPARE(rowState(*window.historyModel(), QStringLiteral("e07f5b3d2a19")), int(RevisionDbState::Pending));
}

void TestDbState::stateAgreesWithPlaceOnGraph()
{
    // DatabaseGraphState computes alembic's get_all_current in linear time;
    // placeOnGraph (checked against alembic's `current` in tests/db) is the
    // reference: every state of one or two rows of migrations/analytics.
    Result<LoadedProjectPtr> loaded = ProjectLoader::loadProject(kAnalytics);
    QVERIFY2(loaded, qPrintable(loaded.error().toString()));
    const RevisionGraph &graph = loaded.value()->graph;
    QStringList ids;
    for (int i = 0; i < graph.size(); ++i)
        ids << graph.node(i).id;
    int states = 0;
    for (int a = 0; a < ids.size(); ++a) {
        for (int b = a; b < ids.size(); ++b) {
            const QStringList rows = a == b ? QStringList{ids[a]} : QStringList{ids[a], ids[b], QStringLiteral("feedfacecafe")};
            const DatabaseGraphState state = DatabaseGraphState::compute(graph, rows);
            const CurrentRevisions reference = placeOnGraph(graph, rows);
            QSet<int> current(state.current.cbegin(), state.current.cend());
            QSet<int> expected(reference.revisions.cbegin(), reference.revisions.cend());
            QVERIFY2(current == expected, qPrintable(rows.join(QLatin1Char(','))));
            QCOMPARE(state.unknown, reference.unknown);
            // Applied: the rows and their ancestors through down_revision and depends_on.
            QVector<int> known;
            for (const QString &row : rows)
                if (graph.indexOf(row) >= 0)
                    known << graph.indexOf(row);
            const std::vector<int> up = graph.related(RevisionGraph::Relation::AllDown, known);
            QSet<int> applied(up.begin(), up.end());
            for (int k : known)
                applied.insert(k);
            for (int n = 0; n < graph.size(); ++n)
                QVERIFY2((state.state(n) != RevisionDbState::Pending) == applied.contains(n),
                         qPrintable(ids[n] + QStringLiteral(" for ") + rows.join(QLatin1Char(','))));
            ++states;
        }
    }
    QCOMPARE(states, 55);
}

// A database past the root: the root is applied and drawn filled in its
// lane's colour, as every applied revision is; a pending one is a ring. The
// legend under the graph names every look.
void TestDbState::appliedRootIsFilledAndLegendShown()
{
    QVERIFY(!stampedLocal(QStringLiteral("gui_root"), QStringLiteral("a91d0c6e5b27")).isEmpty());
    MainWindow window;
    QVERIFY(openWithActiveDatabase(window));
    const HistoryModel &model = *window.historyModel();
    const QString root = QStringLiteral("4b1e7f2a9c03");
    QVERIFY(model.index(model.rowOfRevision(root)).data(HistoryModel::FlagsRole).toInt() & HistoryModel::Base);
    QCOMPARE(rowState(model, root), int(RevisionDbState::Applied));
    NodePaint paint = paintNode(model, root);
    QVERIFY2(sameColor(paint.centre, paint.lane),
             qPrintable(QStringLiteral("root drawn %1, lane %2").arg(paint.centre.name(), paint.lane.name())));
    paint = paintNode(model, QStringLiteral("a91d0c6e5b27"));  // current
    QVERIFY(sameColor(paint.centre, paint.lane));
    paint = paintNode(model, QStringLiteral("9b52e1c8f3a6"));  // pending
    QCOMPARE(rowState(model, QStringLiteral("9b52e1c8f3a6")), int(RevisionDbState::Pending));
    QVERIFY2(sameColor(paint.centre, paint.base) && !sameColor(paint.centre, paint.lane),
             qPrintable(paint.centre.name()));

    GraphLegend *legend = window.findChild<GraphLegend *>(QStringLiteral("graphLegend"));
    QVERIFY(legend);
    QVERIFY(legend->isVisible());
    QVERIFY(legend->height() > 0 && legend->width() > 0);
    const QString entries = legend->entries().join(QLatin1Char('|'));
    for (const char *want : {"applied", "pending", "unknown", "database"})
        QVERIFY2(entries.contains(QLatin1String(want)), qPrintable(entries));
}

// The server is down: nothing was read, so no revision is shown as applied
// (or pending): every one is unknown and drawn as such, and no action that
// would need the state is offered.
void TestDbState::serverDownIsUnknownNotApplied()
{
    // Port 1: nothing listens, the connection is refused at once.
    saveConnectionsFor(kAnalytics, {{QStringLiteral("down"), QStringLiteral("postgresql://retort@127.0.0.1:1/gone"),
                                     QStringLiteral("#cf222e")}});
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, kAnalytics));
    QCOMPARE(window.activeConnectionName(), QStringLiteral("down"));
    QTRY_VERIFY_WITH_TIMEOUT(window.databaseSession()->entry(QStringLiteral("down"))->last.has_value(), 20000);
    QVERIFY(!window.databaseSession()->entry(QStringLiteral("down"))->last->ok);
    QVERIFY(window.activeDatabase() == nullptr);

    const HistoryModel &model = *window.historyModel();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString id = model.index(row).data(HistoryModel::RevisionIdRole).toString();
        QVERIFY2(rowState(model, id) == int(RevisionDbState::Unknown),
                 qPrintable(QStringLiteral("%1: %2").arg(id).arg(rowState(model, id))));
        const NodePaint paint = paintNode(model, id);
        QVERIFY2(!sameColor(paint.centre, paint.lane),
                 qPrintable(QStringLiteral("%1 drawn filled (%2) as if applied").arg(id, paint.centre.name())));
    }
    QVERIFY(window.selectRevision(QStringLiteral("9b52e1c8f3a6")));
    for (const char *name : {"upgradeToHere", "downgradeToHere", "stamp", "resetLocal"}) {
        auto *action = window.findChild<QAction *>(QLatin1String(name));
        QVERIFY(action);
        QVERIFY2(!action->isEnabled(), name);
        QVERIFY2(action->toolTip().contains(QLatin1String("unknown")), qPrintable(action->toolTip()));
    }
}

QTEST_MAIN(TestDbState)
