#include "screenshot.h"

#include "databasesession.h"
#include "schemapane.h"
#include "schemasession.h"
#include "scratchcontroller.h"
#include "detailpane.h"
#include "mainwindow.h"
#include "projectsession.h"
#include "sqlpane.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace retort::gui {

namespace {
constexpr int kSettleMs = 150;      // let layouts and the first paint happen
constexpr int kGiveUpMs = 60000;    // never hang a script
}

Screenshot::Screenshot(MainWindow *window, QString file, QString select, QString tab)
    : QObject(window), m_window(window), m_file(std::move(file)), m_select(std::move(select)), m_tab(std::move(tab))
{
    connect(window, &MainWindow::projectShown, this, &Screenshot::onShown);
    connect(window, &MainWindow::projectFailed, this, [this] {
        QTimer::singleShot(kSettleMs, this, [this] { grab(1); });
    });
    QTimer::singleShot(kGiveUpMs, this, [this] {
        std::fprintf(stderr, "retort: screenshot: gave up waiting for the project\n");
        grab(2);
    });
}

Screenshot *Screenshot::fromEnvironment(MainWindow *window)
{
    const QString file = qEnvironmentVariable("RETORT_SCREENSHOT");
    if (file.isEmpty())
        return nullptr;
    return new Screenshot(window, file, qEnvironmentVariable("RETORT_SCREENSHOT_SELECT"),
                          qEnvironmentVariable("RETORT_SCREENSHOT_TAB"));
}

void Screenshot::onShown()
{
    if (!m_select.isEmpty() && !m_window->selectRevision(m_select))
        std::fprintf(stderr, "retort: screenshot: no revision %s\n", qPrintable(m_select));
    DetailPane *detail = m_window->detailPane();
    static const QStringList tabs = {QStringLiteral("upgrade"), QStringLiteral("downgrade"), QStringLiteral("python"),
                                     QStringLiteral("preview")};
    const int tab = m_tab.isEmpty() ? int(DetailPane::PythonTab) : int(tabs.indexOf(m_tab));
    if (m_tab == QLatin1String("schema"))
        detail->tabs()->setCurrentWidget(m_window->scratchController()->schemaPane());
    else if (tab < 0)
        std::fprintf(stderr, "retort: screenshot: no tab %s\n", qPrintable(m_tab));
    else
        detail->tabs()->setCurrentIndex(tab);
    m_sourceRead = detail->sourcePath().isEmpty();
    if (!m_sourceRead) {
        // The source is read on the worker thread: wait for it.
        auto *connection = new QMetaObject::Connection;
        *connection = connect(m_window->session(), &ProjectSession::sourceReady, this, [this, connection] {
            disconnect(*connection);
            delete connection;
            m_sourceRead = true;
        });
    }
    waitUntilReady();
}

bool Screenshot::ready() const
{
    if (!m_sourceRead)
        return false;
    // SQL tabs render on a worker, databases are read on threads of their own.
    DetailPane *detail = m_window->detailPane();
    for (SqlPane *pane : {detail->upgradePane(), detail->downgradePane(), detail->previewPane()}) {
        const QString engine = pane->engineLabel()->text();
        if (engine == QStringLiteral("Rendering…") || engine == QStringLiteral("Planning…")
            || engine.startsWith(QStringLiteral("Waiting for ")))
            return false;
    }
    for (const DatabaseSession::Entry &e : m_window->databaseSession()->entries()) {
        if (e.reading || !e.last)
            return false;
    }
    // the Schema tab replays on a scratch database
    const SchemaPane *schema = m_window->scratchController()->schemaPane();
    return detail->tabs()->currentWidget() != schema || (!schema->session()->isBusy() && !schema->text().isEmpty());
}

void Screenshot::waitUntilReady()
{
    if (ready()) {
        QTimer::singleShot(kSettleMs, this, [this] { grab(0); });
        return;
    }
    QTimer::singleShot(50, this, &Screenshot::waitUntilReady);
}

bool saveScreenshot(QWidget *what, const QString &file)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (what->grab().save(file))
        return true;
    std::fprintf(stderr, "retort: screenshot: could not write %s\n", qPrintable(file));
    return false;
}

void Screenshot::grab(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    if (!saveScreenshot(m_window, m_file))
        exitCode = 3;
    m_window->close();
    QCoreApplication::exit(exitCode);
}

} // namespace retort::gui
