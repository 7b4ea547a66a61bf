#include "guithreadwork.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>

namespace retort::gui {

namespace {

std::atomic<qint64> g_total{0};

} // namespace

void GuiThreadWork::count(qsizetype revisions)
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread())
        g_total.fetch_add(revisions, std::memory_order_relaxed);
}

qint64 GuiThreadWork::total()
{
    return g_total.load(std::memory_order_relaxed);
}

} // namespace retort::gui
