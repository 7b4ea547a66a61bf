// The other half of tst_dbstate: saved connections never write a password, a
// wrong password gives a clear message and a prompt, the connections dialog,
// databases filed per project, DATABASE_URL offered only where env.py reads it.

#include "tst_dbstate.h"

#include "applyharness.h"
#include "confirmdialog.h"
#include "connectionform.h"
#include "connectionsdialog.h"
#include "databasesession.h"
#include "databasestatus.h"
#include "db/locality.h"
#include "db/savedconnections.h"
#include "detailpane.h"
#include "exec/migrationrunner.h"
#include "historyview.h"

#include "processrunner.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QAction>
#include <QColor>
#include <QComboBox>
#include <QSet>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using namespace retort::testsupport;
using namespace retort::dbstatetest;
using retort::testui::projectKeyOf;
using retort::testui::saveConnectionsFor;
using retort::testui::Harness;
using retort::testui::confirmUpgradeToHead;
using retort::testui::tickAll;

namespace {

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

void TestDbState::savedConnectionsNeverWritePassword()
{
    const QString secret = QStringLiteral("pw-s3cret-%1").arg(QCoreApplication::applicationPid());
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, kAnalytics));
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
    const QString key = projectKeyOf(kAnalytics);
    const QVector<SavedConnection> loaded = SavedConnections::load(settings, key);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded[0].name, QStringLiteral("prod"));
    QCOMPARE(loaded[0].url, QStringLiteral("postgresql+psycopg2://app@db.example.com:5433/app?sslmode=require"));
    QVERIFY(loaded[0].color.startsWith(QLatin1Char('#')));

    // A password in the query string is dropped too, whoever saves.
    SavedConnections::save(settings, key, {{QStringLiteral("q"), QStringLiteral("postgresql://u@h/d?password=%1&sslmode=disable").arg(secret),
                                       QStringLiteral("#000000")}});
    settings.sync();
    QFile again(settings.fileName());
    QVERIFY(again.open(QIODevice::ReadOnly));
    QVERIFY(!again.readAll().contains(secret.toUtf8()));
    QCOMPARE(SavedConnections::load(settings, key).value(0).url, QStringLiteral("postgresql://u@h/d?sslmode=disable"));
}

void TestDbState::wrongPassword()
{
    const QString db = m_cluster.createDatabase(QStringLiteral("gui_pw"));
    QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << db;
    const QString password = clusterPassword(m_cluster);
    QVERIFY2(!password.isEmpty(), qPrintable(m_cluster.passFile()));
    saveConnectionsFor(kAnalytics, {{QStringLiteral("tcp"), m_cluster.url(db), QStringLiteral("#8250df")}});
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

    // New connections get colours of their own: none repeats (the first
    // one's green included), none is a green that reads as the head pill or
    // a red that reads as an error.
    for (int i = 0; i < 11; ++i)
        dialog.addConnection();
    QStringList colors;
    for (const SavedConnection &c : dialog.connections())
        colors << QColor(c.color).name();
    QCOMPARE(colors.size(), 12);
    QCOMPARE(QSet<QString>(colors.cbegin(), colors.cend()).size(), 12);
    for (const QString &color : colors.mid(1)) {
        const int hue = QColor(color).hslHue();
        QVERIFY2(hue > 25 && hue < 335 && !(hue > 85 && hue < 165), qPrintable(color));
    }
}

// Saved databases belong to their project. Two projects in one window, each
// with its own databases: switching shows none of the other's (no banner for
// its rows, no prompt for its password, not its active database), and a new
// window restores each project's active database. The global list an earlier
// version saved is shown to no project.
void TestDbState::databasesBelongToTheirProject()
{
    const QString a1 = m_cluster.createDatabase(QStringLiteral("gui_proj_a1"));
    const QString a2 = m_cluster.createDatabase(QStringLiteral("gui_proj_a2"));
    const QString b1 = m_cluster.createDatabase(QStringLiteral("gui_proj_b1"));
    QVERIFY2(!a1.isEmpty() && !a2.isEmpty() && !b1.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << a1 << a2 << b1;
    for (const auto &[ini, dir, db, rev] : {std::tuple{kAnalytics, kAnalyticsDir, a1, QStringLiteral("a91d0c6e5b27")},
                                           std::tuple{kAnalytics, kAnalyticsDir, a2, QStringLiteral("7e3b9f0a2c65")},
                                           std::tuple{kJobs, kJobsDir, b1, QStringLiteral("heads")}}) {
        const ProcessResult r = runAlembic(ini, {"stamp", rev}, dir, envFor(m_cluster.url(db)));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
    }
    {
        // What an earlier Retort saved, for every project at once.
        QSettings settings;
        settings.beginWriteArray(QStringLiteral("connections"), 1);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("name"), QStringLiteral("legacy"));
        settings.setValue(QStringLiteral("url"), m_cluster.url(a1));
        settings.setValue(QStringLiteral("color"), QStringLiteral("#000000"));
        settings.endArray();
    }
    const QStringList aNames = {QStringLiteral("a-one"), QStringLiteral("a-two"), QStringLiteral("a-tcp")};
    const auto names = [](const DatabaseSession &session) {
        QStringList out;
        for (const DatabaseSession::Entry &e : session.entries())
            out << e.connection.name;
        return out;
    };
    const auto allRead = [](const DatabaseSession &session) {
        for (const DatabaseSession::Entry &e : session.entries())
            if (e.reading || !e.last)
                return false;
        return true;
    };
    const auto prompt = [](MainWindow &window) {
        return window.findChild<QInputDialog *>(QStringLiteral("passwordPrompt"));
    };

    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        DatabaseSession &session = *window.databaseSession();
        QVERIFY(openAndWait(window, kAnalytics));
        QVERIFY2(!names(session).contains(QStringLiteral("legacy")), qPrintable(names(session).join(QLatin1Char(' '))));
        // Project A's databases, as the connections dialog saves them; the second made active.
        session.setSavedConnections({{aNames[0], m_cluster.url(a1), QStringLiteral("#2da44e")},
                                     {aNames[1], m_cluster.url(a2), QStringLiteral("#d4a72c")},
                                     {aNames[2], m_cluster.url(a1), QStringLiteral("#8250df")}});
        session.setActive(aNames[1]);
        QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
        QCOMPARE(rowState(*window.historyModel(), QStringLiteral("7e3b9f0a2c65")), int(RevisionDbState::Current));
        // A wrong password for one of them: A asks for it (that is A's business).
        session.setSessionPassword(aNames[2], QStringLiteral("certainly-wrong"));
        QTRY_VERIFY_WITH_TIMEOUT(prompt(window) != nullptr, 20000);
        prompt(window)->reject();
        QTRY_VERIFY(prompt(window) == nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(allRead(session), 20000);

        // Project B in the same window: nothing of A.
        QVERIFY(openAndWait(window, kJobs));
        QTRY_VERIFY_WITH_TIMEOUT(allRead(session), 20000);
        for (const QString &a : aNames)
            QVERIFY2(!names(session).contains(a), qPrintable(names(session).join(QLatin1Char(' '))));
        QVERIFY2(!aNames.contains(window.activeConnectionName()), qPrintable(window.activeConnectionName()));
        QVERIFY2(!window.databaseBanner()->isVisible(), qPrintable(window.databaseBanner()->text()));
        QVERIFY(prompt(window) == nullptr);
        for (int row = 0; row < window.historyModel()->rowCount(); ++row)
            for (const DbMarker &m : window.historyModel()->index(row).data(HistoryModel::DbMarkersRole).value<DbMarkers>())
                QVERIFY2(!aNames.contains(m.name), qPrintable(m.name));
        QVERIFY(!window.databaseSession()->hasSessionPassword(aNames[2]));

        // B's own database.
        session.setSavedConnections({{QStringLiteral("b-one"), m_cluster.url(b1), QStringLiteral("#2da44e")}});
        QCOMPARE(window.activeConnectionName(), QStringLiteral("b-one"));
        QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
        QVERIFY(!window.databaseBanner()->isVisible());

        // Back to A: its databases, its active one, nothing of B.
        QVERIFY(openAndWait(window, kAnalytics));
        QCOMPARE(window.activeConnectionName(), aNames[1]);
        QVERIFY(!names(session).contains(QStringLiteral("b-one")));
        QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
        QCOMPARE(rowState(*window.historyModel(), QStringLiteral("7e3b9f0a2c65")), int(RevisionDbState::Current));
        QVERIFY(!window.databaseBanner()->isVisible());
    }

    // Reopened: each project's active database is restored.
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, kJobs));
    QCOMPARE(window.activeConnectionName(), QStringLiteral("b-one"));
    QCOMPARE(names(*window.databaseSession()).count(QStringLiteral("b-one")), 1);
    QVERIFY(openAndWait(window, kAnalytics));
    QCOMPARE(window.activeConnectionName(), aNames[1]);
    QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
    QCOMPARE(window.activeDatabase()->database, a2);
}

// DATABASE_URL is a project's own database only where its env.py reads it:
// alembic never reads it itself, so for any other project it names a
// database that project's commands would not touch, and must not be offered
// (let alone made active) there.
void TestDbState::databaseUrlOnlyWhereEnvReadsIt()
{
    const QString envDb = m_cluster.createDatabase(QStringLiteral("gui_envurl"));
    const QString iniDb = m_cluster.createDatabase(QStringLiteral("gui_iniurl"));
    QVERIFY2(!envDb.isEmpty() && !iniDb.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << envDb << iniDb;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &name, const QByteArray &text) {
        QDir().mkpath(QFileInfo(dir.filePath(name)).path());
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
    // the bridge fixtures' env.py: sqlalchemy.url only
    QVERIFY(write(QStringLiteral("alembic.ini"),
                  "[alembic]\nscript_location = %(here)s/mig\nsqlalchemy.url = " + m_cluster.url(iniDb).toUtf8()
                      + "\n\n[loggers]\nkeys = root\n\n[handlers]\nkeys =\n\n[formatters]\nkeys =\n\n"
                        "[logger_root]\nlevel = WARN\nhandlers =\n"));
    QFile env(kSource + QStringLiteral("/tests/bridge/fixtures/migrations/env.py"));
    QVERIFY(env.open(QIODevice::ReadOnly));
    QVERIFY(write(QStringLiteral("mig/env.py"), env.readAll()));
    QVERIFY(write(QStringLiteral("mig/versions/a1_first.py"),
                  "\"\"\"first\n\nRevision ID: a1\n\"\"\"\nrevision = 'a1'\ndown_revision = None\nbranch_labels = None\n"
                  "depends_on = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"));
    // alembic itself, with DATABASE_URL set, stamps the ini's database
    const ProcessResult stamp = runAlembic(ini, {"stamp", "a1"}, dir.path(), envFor(m_cluster.url(envDb)));
    QVERIFY2(stamp.ok(), qPrintable(stamp.describe()));
    QCOMPARE(m_cluster.versionRows(iniDb), QStringList{QStringLiteral("a1")});
    QCOMPARE(m_cluster.versionRows(envDb), QStringList());

    qputenv("DATABASE_URL", m_cluster.url(envDb).toUtf8());
    const auto unset = qScopeGuard([] { qunsetenv("DATABASE_URL"); });
    const auto names = [](const DatabaseSession &session) {
        QStringList out;
        for (const DatabaseSession::Entry &e : session.entries())
            out << e.connection.name;
        return out;
    };
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, ini));
    QCOMPARE(names(*window.databaseSession()), QStringList{QStringLiteral("alembic.ini")});
    QCOMPARE(window.activeConnectionName(), QStringLiteral("alembic.ini"));
    QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
    QCOMPARE(window.activeDatabase()->database, iniDb);
    // analytics' env.py reads DATABASE_URL: there it is the project's URL
    QVERIFY(openAndWait(window, kAnalytics));
    QCOMPARE(names(*window.databaseSession()), QStringList{QStringLiteral("DATABASE_URL")});
    QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
    QCOMPARE(window.activeDatabase()->database, envDb);
}

// The connection form: a pasted URL fills the fields (its password moved out
// and never saved), each field edited rewrites the URL, keywords the form has
// no field for are kept and named.
void TestDbState::connectionFormBothWays()
{
    ConnectionsDialog dialog({{QStringLiteral("db"), QStringLiteral("postgresql://localhost/"), QStringLiteral("#0969da")}});
    dialog.show();
    ConnectionForm *form = dialog.form();
    form->urlField()->selectAll();
    QTest::keyClicks(form->urlField(), QStringLiteral("postgresql+asyncpg://app:s3cret@[::1]:6432/shop?sslmode=verify-full"
                                                      "&sslrootcert=/etc/ca.pem&frobnicate=yes&connect_timeout=4"));
    QCOMPARE(form->hostField()->text(), QStringLiteral("::1"));
    QCOMPARE(form->portField()->text(), QStringLiteral("6432"));
    QCOMPARE(form->databaseField()->text(), QStringLiteral("shop"));
    QCOMPARE(form->userField()->text(), QStringLiteral("app"));
    QCOMPARE(form->passwordField()->text(), QStringLiteral("s3cret"));
    QCOMPARE(form->sslModeBox()->currentText(), QStringLiteral("verify-full"));
    QCOMPARE(form->sslRootCertField()->text(), QStringLiteral("/etc/ca.pem"));
    QCOMPARE(form->otherField()->text(), QStringLiteral("frobnicate=yes&connect_timeout=4"));
    QVERIFY(form->urlProblem()->isVisibleTo(&dialog));
    QVERIFY2(form->urlProblem()->text().contains(QLatin1String("frobnicate")), qPrintable(form->urlProblem()->text()));
    QTest::keyClick(form->urlField(), Qt::Key_Return);  // done typing: the password leaves the URL
    QCOMPARE(form->urlField()->text(), QStringLiteral("postgresql+asyncpg://app@[::1]:6432/shop?sslmode=verify-full"
                                                      "&sslrootcert=/etc/ca.pem&frobnicate=yes&connect_timeout=4"));

    // Fields -> URL, the driver and every other keyword kept.
    form->hostField()->selectAll();
    QTest::keyClicks(form->hostField(), QStringLiteral("db.internal"));
    QCOMPARE(form->urlField()->text(), QStringLiteral("postgresql+asyncpg://app@db.internal:6432/shop?sslmode=verify-full"
                                                      "&sslrootcert=/etc/ca.pem&frobnicate=yes&connect_timeout=4"));
    form->hostField()->selectAll();
    QTest::keyClicks(form->hostField(), QStringLiteral("/run/postgresql"));
    form->portField()->clear();
    QTest::keyClicks(form->portField(), QStringLiteral("5"));
    form->sslModeBox()->setCurrentIndex(form->sslModeBox()->findText(QStringLiteral("require")));
    form->sslRootCertField()->clear();
    QTest::keyClicks(form->sslRootCertField(), QStringLiteral(" "));
    form->userField()->selectAll();
    QTest::keyClicks(form->userField(), QStringLiteral("me@corp"));
    form->serviceBox()->setCurrentText(QStringLiteral("analytics"));
    QCOMPARE(form->urlField()->text(), QStringLiteral("postgresql+asyncpg://me%40corp@:5/shop?host=/run/postgresql"
                                                      "&sslmode=require&service=analytics&frobnicate=yes&connect_timeout=4"));

    // What the dialog keeps: that URL, the password apart.
    dialog.accept();
    QCOMPARE(dialog.connections().value(0).url, form->urlField()->text());
    QCOMPARE(dialog.passwords().value(QStringLiteral("db")), QStringLiteral("s3cret"));

    // A URL that does not parse says why and leaves the fields alone.
    form->urlField()->selectAll();
    QTest::keyClicks(form->urlField(), QStringLiteral("mysql://x@h/d"));
    QVERIFY(form->urlProblem()->text().contains(QLatin1String("PostgreSQL only")));
    QCOMPARE(form->databaseField()->text(), QStringLiteral("shop"));
}

// A service from PGSERVICEFILE is offered and connects; a password libpq
// finds in PGPASSFILE is named as its source.
void TestDbState::connectionFormServiceAndPgpass()
{
    QTemporaryDir dir;
    const QString serviceFile = dir.filePath(QStringLiteral("pg_service.conf"));
    {
        QFile f(serviceFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[retort-test]\nhost=%1\nport=%2\ndbname=postgres\nuser=%3\n")
                    .arg(m_cluster.host())
                    .arg(m_cluster.port())
                    .arg(m_cluster.user())
                    .toUtf8());
    }
    const QByteArray before = qgetenv("PGSERVICEFILE");
    qputenv("PGSERVICEFILE", serviceFile.toUtf8());
    ConnectionsDialog dialog({{QStringLiteral("svc"), QStringLiteral("postgresql://?service=retort-test"),
                               QStringLiteral("#0969da")}});
    dialog.show();
    ConnectionForm *form = dialog.form();
    QVERIFY(form->serviceBox()->findText(QStringLiteral("retort-test")) >= 0);
    QCOMPARE(form->serviceBox()->currentText(), QStringLiteral("retort-test"));
    QVERIFY2(form->serviceBox()->toolTip().contains(QStringLiteral("port=%1").arg(m_cluster.port())),
             qPrintable(form->serviceBox()->toolTip()));
    QSignalSpy finished(&dialog, &ConnectionsDialog::testFinished);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    if (before.isNull())
        qunsetenv("PGSERVICEFILE");
    else
        qputenv("PGSERVICEFILE", before);
    QVERIFY2(finished.front().value(0).toBool(), qPrintable(dialog.testResult()->text()));

    // The cluster's TCP URL has its password in PGPASSFILE.
    form->urlField()->selectAll();
    QTest::keyClicks(form->urlField(), m_cluster.url(QStringLiteral("postgres")));
    QVERIFY2(form->passwordSource()->text().startsWith(QStringLiteral("password from %1 (line ").arg(m_cluster.passFile())),
             qPrintable(form->passwordSource()->text()));
    form->userField()->selectAll();
    QTest::keyClicks(form->userField(), QStringLiteral("nobody-else"));
    QVERIFY2(form->passwordSource()->text().startsWith(QLatin1String("no password in ")),
             qPrintable(form->passwordSource()->text()));
}

// Test names the server's version and where the database stands: the
// project's version table read on the test's thread.
void TestDbState::testShowsCurrentRevisions()
{
    const QString db = stampedLocal(QStringLiteral("gui_test_button"), QStringLiteral("a91d0c6e5b27"));
    QVERIFY(!db.isEmpty());
    const QString empty = m_cluster.createDatabase(QStringLiteral("gui_test_button_base"));
    QVERIFY2(!empty.isEmpty(), qPrintable(m_cluster.lastError()));
    m_databases << empty;
    ConnectionsDialog dialog({{QStringLiteral("stamped"), m_cluster.url(db), QStringLiteral("#0969da")},
                              {QStringLiteral("base"), m_cluster.url(empty), QStringLiteral("#8250df")}});
    dialog.setEnvPath(kAnalyticsDir + QStringLiteral("/alembic/env.py"));
    dialog.show();
    QSignalSpy finished(&dialog, &ConnectionsDialog::testFinished);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    const QString text = dialog.testResult()->text();
    QVERIFY2(text.startsWith(QLatin1String("Connected: PostgreSQL ")) && text.contains(QLatin1String("current revision: a91d0c6e5b27")),
             qPrintable(text));
    finished.clear();
    dialog.list()->setCurrentRow(1);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
    QVERIFY2(dialog.testResult()->text().endsWith(QLatin1String("; no alembic_version table: at base")),
             qPrintable(dialog.testResult()->text()));
}

// A production database: its kind saved (older settings load as
// development), its marker says so, its name is typed even on this machine,
// and reset is disabled with the reason and refused by the core.
void TestDbState::productionIsGuarded()
{
    const QString key = projectKeyOf(kAnalytics);
    {
        QSettings settings;
        settings.beginGroup(QStringLiteral("projects/") + key);
        settings.remove(QString());
        settings.beginWriteArray(QStringLiteral("connections"), 1);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("name"), QStringLiteral("old"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("postgresql://h/d"));
        settings.endArray();
        settings.endGroup();
        const QVector<SavedConnection> loaded = SavedConnections::load(settings, key);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded[0].kind, EnvironmentKind::Development);
    }

    const QString db = stampedLocal(QStringLiteral("gui_production"), QStringLiteral("a91d0c6e5b27"));
    QVERIFY(!db.isEmpty());
    SavedConnection prod{QStringLiteral("prod"), m_cluster.url(db), QStringLiteral("#8250df")};
    prod.kind = EnvironmentKind::Production;
    saveConnectionsFor(kAnalytics, {prod});
    {
        QSettings settings;
        QCOMPARE(SavedConnections::load(settings, key).value(0).kind, EnvironmentKind::Production);
    }

    // The kind chosen in the dialog is what is saved.
    {
        ConnectionsDialog dialog({{QStringLiteral("x"), QStringLiteral("postgresql://h/d"), QStringLiteral("#0969da")}});
        dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findText(QStringLiteral("staging")));
        QCOMPARE(dialog.connections().value(0).kind, EnvironmentKind::Staging);
    }

    MainWindow window;
    QVERIFY(openWithActiveDatabase(window));
    const int row = window.historyModel()->rowOfNode(
        window.historyModel()->project()->graph.indexOf(QStringLiteral("a91d0c6e5b27")));
    QVERIFY(row >= 0);
    const DbMarkers markers = window.historyModel()->index(row).data(HistoryModel::DbMarkersRole).value<DbMarkers>();
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers[0].kind, EnvironmentKind::Production);
    QAction *reset = window.findChild<QAction *>(QStringLiteral("resetLocal"));
    QVERIFY(reset);
    QTRY_VERIFY(!reset->isEnabled());
    QVERIFY2(reset->toolTip().contains(QLatin1String("prod is marked production")), qPrintable(reset->toolTip()));

    // The core refuses whatever the window does, even forced by name.
    Operation op;
    op.kind = Operation::Kind::ResetLocal;
    op.production = true;
    op.forceDatabase = db;
    Locality here;
    here.local = true;
    const Error refused = resetLocalGuard(op, here, db);
    QVERIFY2(refused.message().contains(QLatin1String("never resets a production database")), qPrintable(refused.message()));
    op.production = false;
    QVERIFY(resetLocalGuard(op, here, db).message().isEmpty());

    // On this very machine, production still needs its name typed.
    for (const EnvironmentKind kind : {EnvironmentKind::Development, EnvironmentKind::Production}) {
        Harness h;
        h.kind = kind;
        ConfirmDialog *dialog = confirmUpgradeToHead(h, kAnalytics, m_cluster.url(db));
        QVERIFY(dialog);
        QVERIFY(dialog->plan().preview.locality.local);
        QCOMPARE(dialog->typedNameEdit() != nullptr, kind == EnvironmentKind::Production);
        if (kind == EnvironmentKind::Production) {
            tickAll(dialog);
            dialog->typedNameEdit()->clear();
            QVERIFY(!dialog->runButton()->isEnabled());
            QTest::keyClicks(dialog->typedNameEdit(), db);
            QVERIFY(dialog->runButton()->isEnabled());
        }
        dialog->close();
    }
}
