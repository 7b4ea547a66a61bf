// Databases on the graph, against the private cluster and the real alembic:
// a database stamped by alembic shows applied / current / pending per row of
// migrations/analytics (a branch, a merge, depends_on) exactly as alembic's
// own upgrade plan from that state says; several connections show as
// markers; a row the files do not have is announced; the range preview is
// alembic's --sql script; saved connections never write a password; a wrong
// password gives a clear message and a prompt. Offscreen, waits on conditions.

#include "connectionsdialog.h"
#include "databasesession.h"
#include "databasestatus.h"
#include "db/savedconnections.h"
#include "db/versionstate.h"
#include "graph/dbstate.h"
#include "projectloader.h"
#include "detailpane.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "sqlpane.h"

#include "processrunner.h"
#include "testcluster.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using namespace retort::testsupport;

namespace {

const QString kSource = QStringLiteral(RETORT_SOURCE_DIR);
const QString kAnalyticsDir = kSource + QStringLiteral("/migrations/analytics");
const QString kAnalytics = kAnalyticsDir + QStringLiteral("/alembic.ini");

QProcessEnvironment envFor(const QString &url)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("DATABASE_URL"), url);
    e.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    return e;
}

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

QStringList markerNames(const HistoryModel &model, const QString &id)
{
    QStringList names;
    for (const DbMarker &m : model.index(model.rowOfRevision(id)).data(HistoryModel::DbMarkersRole).value<DbMarkers>())
        names << m.name;
    return names;
}

// The password the private cluster's PGPASSFILE holds (host:port:db:user:password).
QString clusterPassword(const TestCluster &cluster)
{
    QFile f(cluster.passFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString line = QString::fromUtf8(f.readAll()).section(QLatin1Char('\n'), 0, 0).trimmed();
    return line.section(QLatin1Char(':'), 4);
}

} // namespace

class TestDbState : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void statesAfterAlembicStamp();
    void unknownRevisionShown();
    void savedConnectionsNeverWritePassword();
    void wrongPassword();
    void connectionsDialogTest();
    void stateAgreesWithPlaceOnGraph();
    void cleanupTestCase();

private:
    TestCluster m_cluster;
    QStringList m_databases;
};

void TestDbState::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_dbstate"));
    qunsetenv("DATABASE_URL");
    RETORT_REQUIRE_CLUSTER(m_cluster);
    QVERIFY2(!alembicPython().isEmpty(), "no Python can import alembic (install python3-alembic)");
}

void TestDbState::init()
{
    QSettings().clear();
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

    {
        QSettings settings;
        SavedConnections::save(settings, {{QStringLiteral("local"), m_cluster.url(local), QStringLiteral("#2da44e")},
                                          {QStringLiteral("staging"), m_cluster.url(staging), QStringLiteral("#d4a72c")}});
    }
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
    const QString db = m_cluster.createDatabase(QStringLiteral("gui_unknown"));
    QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << db;
    ProcessResult r = runAlembic(kAnalytics, {"stamp", "a91d0c6e5b27"}, kAnalyticsDir, envFor(m_cluster.url(db)));
    QVERIFY2(r.ok(), qPrintable(r.describe()));
    {
        QSettings settings;
        SavedConnections::save(settings, {{QStringLiteral("local"), m_cluster.url(db), QStringLiteral("#2da44e")}});
    }
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, kAnalytics));
    QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
    QVERIFY(!window.databaseBanner()->isVisible());

    // A row from elsewhere: alembic itself cannot place it.
    QVERIFY(m_cluster.exec(db, QStringLiteral("INSERT INTO alembic_version VALUES ('ffffdeadbeef')")));
    r = runAlembic(kAnalytics, {"current"}, kAnalyticsDir, envFor(m_cluster.url(db)));
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

void TestDbState::savedConnectionsNeverWritePassword()
{
    const QString secret = QStringLiteral("pw-s3cret-%1").arg(QCoreApplication::applicationPid());
    MainWindow window;
    window.show();
    window.showConnections();
    auto *dialog = window.findChild<ConnectionsDialog *>();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChildren<QPushButton *>().constFirst(), Qt::LeftButton);  // Add
    QCOMPARE(dialog->list()->count(), 1);
    dialog->nameField()->clear();
    QTest::keyClicks(dialog->nameField(), QStringLiteral("prod"));
    dialog->urlField()->clear();
    QTest::keyClicks(dialog->urlField(),
                     QStringLiteral("postgresql+psycopg2://app:%1@db.example.com:5433/app?sslmode=require").arg(secret));
    dialog->accept();
    QTRY_VERIFY(!window.findChild<ConnectionsDialog *>());

    // In memory for the session, never on disk.
    QVERIFY(window.databaseSession()->hasSessionPassword(QStringLiteral("prod")));
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray written = file.readAll();
    QVERIFY2(!written.contains(secret.toUtf8()), written.constData());
    QVERIFY2(written.contains("postgresql+psycopg2://app@db.example.com:5433/app?sslmode=require"), written.constData());

    // Round trip: what comes back is what was saved.
    const QVector<SavedConnection> loaded = SavedConnections::load(settings);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded[0].name, QStringLiteral("prod"));
    QCOMPARE(loaded[0].url, QStringLiteral("postgresql+psycopg2://app@db.example.com:5433/app?sslmode=require"));
    QVERIFY(loaded[0].color.startsWith(QLatin1Char('#')));

    // A password in the query string is dropped too, whoever saves.
    SavedConnections::save(settings, {{QStringLiteral("q"), QStringLiteral("postgresql://u@h/d?password=%1&sslmode=disable").arg(secret),
                                       QStringLiteral("#000000")}});
    settings.sync();
    QFile again(settings.fileName());
    QVERIFY(again.open(QIODevice::ReadOnly));
    QVERIFY(!again.readAll().contains(secret.toUtf8()));
    QCOMPARE(SavedConnections::load(settings).value(0).url, QStringLiteral("postgresql://u@h/d?sslmode=disable"));
}

void TestDbState::wrongPassword()
{
    const QString db = m_cluster.createDatabase(QStringLiteral("gui_pw"));
    QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << db;
    const QString password = clusterPassword(m_cluster);
    QVERIFY2(!password.isEmpty(), qPrintable(m_cluster.passFile()));
    {
        QSettings settings;
        SavedConnections::save(settings, {{QStringLiteral("tcp"), m_cluster.url(db), QStringLiteral("#8250df")}});
    }
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, kAnalytics));
    QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);  // PGPASSFILE

    // A wrong password typed for the session: a clear message and a prompt.
    QSignalSpy changed(&window, &MainWindow::databaseStateChanged);
    window.databaseSession()->setSessionPassword(QStringLiteral("tcp"), QStringLiteral("certainly-wrong"));
    QTRY_VERIFY_WITH_TIMEOUT(changed.contains(QList<QVariant>{QStringLiteral("tcp")}), 20000);
    QVERIFY(window.activeDatabase() == nullptr);
    const DatabaseSession::Entry *e = window.databaseSession()->entry(QStringLiteral("tcp"));
    QVERIFY(e && e->last && !e->last->ok);
    QCOMPARE(e->last->error.sqlState(), QStringLiteral("28P01"));
    QVERIFY2(e->last->error.message().startsWith(QLatin1String("Password authentication failed for user \"")
                                                 + m_cluster.user()),
             qPrintable(e->last->error.message()));
    QVERIFY(!e->last->error.message().contains(QLatin1String("certainly-wrong")));
    QVERIFY(window.databaseStatus()->text().contains(QLatin1String("tcp: not connected")));
    QVERIFY(window.databaseStatus()->toolTip().contains(QLatin1String("Password authentication failed")));
    QInputDialog *prompt = nullptr;
    QTRY_VERIFY((prompt = window.findChild<QInputDialog *>(QStringLiteral("passwordPrompt"))) != nullptr);
    QVERIFY(prompt->labelText().contains(QLatin1String("Password authentication failed")));

    // The right one at the prompt connects.
    changed.clear();
    prompt->setTextValue(password);
    prompt->accept();
    QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
    QVERIFY(window.databaseStatus()->text().contains(db));
}

void TestDbState::connectionsDialogTest()
{
    // The dialog's Test connects on a thread of its own and says what it found.
    ConnectionsDialog dialog({{QStringLiteral("cluster"), m_cluster.url(QStringLiteral("postgres")), QStringLiteral("#2da44e")}});
    dialog.show();
    QSignalSpy finished(&dialog, &ConnectionsDialog::testFinished);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(!dialog.testButton()->isEnabled());  // while it runs
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    QCOMPARE(finished.front().value(0).toBool(), true);
    QVERIFY2(dialog.testResult()->text().startsWith(QLatin1String("Connected: PostgreSQL ")),
             qPrintable(dialog.testResult()->text()));

    // A wrong password typed into the URL: refused, said plainly, never shown back.
    finished.clear();
    dialog.urlField()->clear();
    QTest::keyClicks(dialog.urlField(), QStringLiteral("postgresql://%1:not-the-password@%2:%3/postgres")
                                            .arg(m_cluster.user(), m_cluster.host())
                                            .arg(m_cluster.port()));
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    QCOMPARE(finished.front().value(0).toBool(), false);
    const QString message = dialog.testResult()->text();
    QVERIFY2(message.startsWith(QLatin1String("Password authentication failed for user")), qPrintable(message));
    QVERIFY(!message.contains(QLatin1String("not-the-password")));
    QVERIFY(!dialog.connections().front().url.contains(QLatin1String("not-the-password")));
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

QTEST_MAIN(TestDbState)
#include "tst_dbstate.moc"
