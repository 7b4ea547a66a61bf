#include "screenshot.h"

#include "detailpane.h"
#include "mainwindow.h"
#include "projectsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace retort::gui {

namespace {
constexpr int kSettleMs = 150;      // let layouts and the first paint happen
constexpr int kGiveUpMs = 60000;    // never hang a script
}

Screenshot::Screenshot(MainWindow *window, QString file, QString select)
    : QObject(window), m_window(window), m_file(std::move(file)), m_select(std::move(select))
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
    return new Screenshot(window, file, qEnvironmentVariable("RETORT_SCREENSHOT_SELECT"));
}

void Screenshot::onShown()
{
    if (!m_select.isEmpty() && !m_window->selectRevision(m_select))
        std::fprintf(stderr, "retort: screenshot: no revision %s\n", qPrintable(m_select));
    DetailPane *detail = m_window->detailPane();
    if (detail->sourcePath().isEmpty()) {
        QTimer::singleShot(kSettleMs, this, [this] { grab(0); });
        return;
    }
    // The source is read on the worker thread: wait for it.
    auto *connection = new QMetaObject::Connection;
    *connection = connect(m_window->session(), &ProjectSession::sourceReady, this, [this, connection] {
        disconnect(*connection);
        delete connection;
        QTimer::singleShot(kSettleMs, this, [this] { grab(0); });
    });
}

void Screenshot::grab(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    if (!m_window->grab().save(m_file)) {
        std::fprintf(stderr, "retort: screenshot: could not write %s\n", qPrintable(m_file));
        exitCode = 3;
    }
    m_window->close();
    QCoreApplication::exit(exitCode);
}

} // namespace retort::gui
