#include "connectionsscreenshot.h"

#include "connectionsdialog.h"
#include "databasesession.h"
#include "journaldialog.h"
#include "mainwindow.h"
#include "screenshot.h"

#include <QAction>
#include <QCoreApplication>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

namespace retort::gui {

namespace {
constexpr int kSettleMs = 300;     // layouts and the first paint
constexpr int kGiveUpMs = 120000;  // never hang a script
}

ConnectionsScreenshot::ConnectionsScreenshot(MainWindow *window, QString file, bool journal)
    : QObject(window), m_window(window), m_file(std::move(file)), m_journal(journal)
{
    connect(window, &MainWindow::projectShown, this, &ConnectionsScreenshot::onShown);
    QTimer::singleShot(kGiveUpMs, this, [this] {
        std::fprintf(stderr, "retort: screenshot: gave up waiting for the connection test\n");
        finish(2, m_window);
    });
}

ConnectionsScreenshot *ConnectionsScreenshot::fromEnvironment(MainWindow *window)
{
    const QString journal = qEnvironmentVariable("RETORT_SCREENSHOT_JOURNAL");
    if (!journal.isEmpty())
        return new ConnectionsScreenshot(window, journal, true);
    const QString file = qEnvironmentVariable("RETORT_SCREENSHOT_FORM");
    return file.isEmpty() ? nullptr : new ConnectionsScreenshot(window, file, false);
}

void ConnectionsScreenshot::onShown()
{
    if (m_started)
        return;
    m_started = true;
    DatabaseSession *session = m_window->databaseSession();
    if (session->savedConnections().isEmpty()) {
        QVector<SavedConnection> connections;
        const QStringList specs =
            qEnvironmentVariable("RETORT_SCREENSHOT_FORM_CONNECTIONS").split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &spec : specs) {
            const int eq = int(spec.indexOf(QLatin1Char('=')));
            if (eq <= 0)
                continue;
            SavedConnection c{spec.left(eq).section(QLatin1Char(':'), 0, 0), spec.mid(eq + 1),
                              SavedConnections::defaultColor(connections)};
            c.kind = environmentKindFromName(spec.left(eq).section(QLatin1Char(':'), 1), EnvironmentKind::Development);
            connections.append(c);
        }
        session->setSavedConnections(connections);
    }
    if (m_journal) {
        QTimer::singleShot(kSettleMs, this, &ConnectionsScreenshot::openJournal);
        return;
    }
    m_window->showConnections();
    auto *dialog = m_window->findChild<ConnectionsDialog *>();
    if (!dialog) {
        std::fprintf(stderr, "retort: screenshot: no connections dialog\n");
        finish(1, nullptr);
        return;
    }
    connect(dialog, &ConnectionsDialog::testFinished, this, [this, dialog] {
        QTimer::singleShot(kSettleMs, this, [this, dialog] { finish(0, dialog); });
    });
    QTimer::singleShot(kSettleMs, dialog, [dialog] { dialog->testButton()->click(); });
}

void ConnectionsScreenshot::openJournal()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("journalAction"));
    if (action)
        action->trigger();
    auto *dialog = m_window->findChild<JournalDialog *>();
    if (!dialog) {
        std::fprintf(stderr, "retort: screenshot: no journal dialog\n");
        finish(1, nullptr);
        return;
    }
    dialog->resize(1100, 640);
    connect(dialog, &JournalDialog::loaded, this, [this, dialog] {
        QTimer::singleShot(kSettleMs, this, [this, dialog] { finish(0, dialog); });
    });
}

void ConnectionsScreenshot::finish(int exitCode, QWidget *what)
{
    if (m_done)
        return;
    m_done = true;
    if (what && !saveScreenshot(what, m_file))
        exitCode = 3;
    QCoreApplication::exit(exitCode);
}

} // namespace retort::gui
