// Connection passwords in the desktop keyring (PasswordKeyring, qtkeychain):
// against a real GNOME Keyring on a private session bus, a password is
// stored, read back and deleted; with the session bus pointing nowhere (a
// child run of this binary, since a process's bus is chosen once), every
// call fails with the message that the password is kept for this session
// only, and no message holds the password. The window end to end: a
// password typed in the connection form with "Keep the password in the
// desktop keyring" lets the next window connect without asking (and without
// a pgpass file), and unticking it removes the entry.

#include "applyharness.h"
#include "connectionform.h"
#include "connectionsdialog.h"
#include "databasesession.h"
#include "db/savedconnections.h"
#include "mainwindow.h"
#include "passwordkeyring.h"
#include "testcluster.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using retort::gui::ConnectionsDialog;
using retort::gui::MainWindow;
using retort::gui::PasswordKeyring;
using retort::testsupport::TestCluster;

namespace {

const QString kPassword = QStringLiteral("kr-S3cret-pw");

// The cluster's password, from the PGPASSFILE it wrote (host:port:db:user:password).
QString clusterPassword(const TestCluster &cluster)
{
    QFile f(cluster.passFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readLine()).trimmed().section(QLatin1Char(':'), 4);
}

bool openAndWait(MainWindow &window, const QString &ini)
{
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(ini);
    return QTest::qWaitFor([&] { return !shown.isEmpty(); }, 20000);
}

// What the keyring holds for `key` once it answers: the password, or empty.
QString keyringValue(const QString &key)
{
    PasswordKeyring keyring;
    QSignalSpy read(&keyring, &PasswordKeyring::readFinished);
    keyring.read(key);
    if (!QTest::qWaitFor([&] { return !read.isEmpty(); }, 20000))
        return QStringLiteral("(no answer)");
    return read[0][1].toBool() ? read[0][2].toString() : QString();
}
const char kNoBusChild[] = "--no-bus-child";

// What the child prints for each call: "<signal> <ok/found> <message>".
int runWithoutBus()
{
    PasswordKeyring keyring;
    QStringList lines;
    QObject::connect(&keyring, &PasswordKeyring::stored, [&](const QString &, bool ok, const QString &message) {
        lines << QStringLiteral("stored %1 %2").arg(ok).arg(message);
    });
    QObject::connect(&keyring, &PasswordKeyring::readFinished,
                     [&](const QString &, bool found, const QString &password, const QString &message) {
                         lines << QStringLiteral("read %1 %2%3").arg(found).arg(message, password);
                     });
    QObject::connect(&keyring, &PasswordKeyring::removed, [&](const QString &, bool ok, const QString &message) {
        lines << QStringLiteral("removed %1 %2").arg(ok).arg(message);
    });
    const QString key = PasswordKeyring::keyFor(QStringLiteral("nobus"), QStringLiteral("db"));
    keyring.store(key, kPassword);
    keyring.read(key);
    keyring.remove(key);
    if (!QTest::qWaitFor([&] { return lines.size() == 3; }, 60000))
        lines << QStringLiteral("timeout");
    std::fputs(qPrintable(lines.join(QLatin1Char('\n'))), stdout);
    return 0;
}

} // namespace

class TestKeyring : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("run")));
        QVERIFY(QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

        // A private session bus, and GNOME Keyring on it with a login keyring
        // unlocked from stdin (headless, as on CI).
        m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                    QStringLiteral("--print-address=1")});
        QVERIFY2(m_bus.waitForStarted(), qPrintable(m_bus.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 20000);
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY2(address.startsWith("unix:"), address.constData());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromUtf8(address));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
        m_keyringDaemon.setProcessEnvironment(env);
        m_keyringDaemon.start(QStringLiteral("gnome-keyring-daemon"),
                              {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                               QStringLiteral("--components=secrets")});
        QVERIFY2(m_keyringDaemon.waitForStarted(), qPrintable(m_keyringDaemon.errorString()));
        m_keyringDaemon.write("unlock-for-test");
        m_keyringDaemon.closeWriteChannel();
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
        QTRY_VERIFY_WITH_TIMEOUT(bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")),
                                 20000);
    }

    void storeReadDeleteInRealKeyring()
    {
        PasswordKeyring keyring;
        const QString key = PasswordKeyring::keyFor(QStringLiteral("0123abcd"), QStringLiteral("staging"));
        QSignalSpy stored(&keyring, &PasswordKeyring::stored);
        keyring.store(key, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 20000);
        QVERIFY2(stored[0][1].toBool(), qPrintable(stored[0][2].toString()));

        QSignalSpy read(&keyring, &PasswordKeyring::readFinished);
        keyring.read(key);
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 20000);
        QCOMPARE(read[0][0].toString(), key);
        QVERIFY2(read[0][1].toBool(), qPrintable(read[0][3].toString()));
        QCOMPARE(read[0][2].toString(), kPassword);

        // Another connection's entry is another entry.
        keyring.read(PasswordKeyring::keyFor(QStringLiteral("0123abcd"), QStringLiteral("production")));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, 20000);
        QVERIFY(!read[1][1].toBool());
        QCOMPARE(read[1][3].toString(), QString());  // not there: no error to show

        QSignalSpy removed(&keyring, &PasswordKeyring::removed);
        keyring.remove(key);
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 20000);
        QVERIFY2(removed[0][1].toBool(), qPrintable(removed[0][2].toString()));
        keyring.read(key);
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 3, 20000);
        QVERIFY(!read[2][1].toBool());
        QVERIFY(read[2][2].toString().isEmpty());
    }

    void windowKeepsPasswordInKeyring()
    {
        RETORT_REQUIRE_CLUSTER(m_cluster);
        retort::testui::useEmptyTestSettings(QStringLiteral("tst_keyring"));
        const QString db = m_cluster.createDatabase(QStringLiteral("keyring_window"));
        QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
        const QString password = clusterPassword(m_cluster);
        QVERIFY(!password.isEmpty());
        // Only the keyring can give the password: no pgpass file.
        const QByteArray passFile = qgetenv("PGPASSFILE");
        qputenv("PGPASSFILE", m_dir.filePath(QStringLiteral("no-pgpass")).toUtf8());
        const QString ini = retort::testui::analyticsIni();
        const QString key = PasswordKeyring::keyFor(retort::testui::projectKeyOf(ini), QStringLiteral("tcp"));

        {
            MainWindow window;
            window.show();
            QVERIFY(openAndWait(window, ini));
            window.showConnections();
            auto *dialog = window.findChild<ConnectionsDialog *>();
            QVERIFY(dialog);
            dialog->addConnection();
            dialog->nameField()->setText(QStringLiteral("tcp"));
            dialog->urlField()->selectAll();
            QTest::keyClicks(dialog->urlField(), m_cluster.url(db));
            QTest::keyClicks(dialog->form()->passwordField(), password);
            dialog->keyringCheck()->setChecked(true);
            dialog->accept();
            window.databaseSession()->setActive(QStringLiteral("tcp"));
            QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
        }
        QCOMPARE(keyringValue(key), password);
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY2(written.contains("passwordInKeyring=true") && !written.contains(password.toUtf8()), written.constData());

        // A new session: the password comes from the keyring, no prompt.
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, ini));
        QTRY_VERIFY_WITH_TIMEOUT(window.activeDatabase() != nullptr, 20000);
        QVERIFY(!window.findChild<QInputDialog *>(QStringLiteral("passwordPrompt")));

        // Unticked: the entry leaves the keyring.
        window.showConnections();
        auto *dialog = window.findChild<ConnectionsDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->form()->passwordField()->text(), password);
        dialog->keyringCheck()->setChecked(false);
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(keyringValue(key).isEmpty(), 20000);
        qputenv("PGPASSFILE", passFile);
    }

    void noKeyringSaysSessionOnly()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus-here")));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kNoBusChild)});
        QVERIFY(child.waitForFinished(120000));
        QCOMPARE(child.exitCode(), 0);
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const QStringList lines = out.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        for (const QString &line : lines) {
            QVERIFY2(line.contains(QLatin1String(" 0 The desktop keyring cannot be used (")), qPrintable(out));
            QVERIFY2(line.endsWith(QLatin1String("): the password is kept for this session only")), qPrintable(out));
        }
        QVERIFY2(!out.contains(kPassword), qPrintable(out));
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_keyringDaemon, &m_bus}) {
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(10000))
                    p->kill();
                p->waitForFinished();
            }
        }
    }

private:
    QTemporaryDir m_dir;
    TestCluster m_cluster;
    QProcess m_bus;
    QProcess m_keyringDaemon;
};

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], kNoBusChild) == 0) {
        QCoreApplication app(argc, argv);
        return runWithoutBus();
    }
    QApplication app(argc, argv);
    TestKeyring test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keyring.moc"
