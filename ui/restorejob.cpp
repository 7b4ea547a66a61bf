#include "restorejob.h"

#include "exec/runrecorder.h"

#include <QThread>

namespace retort::gui {

RestoreJob::RestoreJob(QObject *parent) : QObject(parent) {}

RestoreJob::~RestoreJob()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

bool RestoreJob::start(const RestoreRun &run, std::shared_ptr<RunRecorder> recorder)
{
    if (m_thread)
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    m_thread = QThread::create([this, run, recorder, cancel] {
        // posted to this object's (the GUI) thread; the destructor waits for
        // the thread, so `this` is alive
        const RunReport report = restoreDatabase(
            run, recorder, [cancel] { return cancel->load(); },
            [this](const QString &line) {
                QMetaObject::invokeMethod(this, [this, line] { emit logLine(line); }, Qt::QueuedConnection);
            });
        QMetaObject::invokeMethod(this, [this, report] { onThreadDone(report); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("retort-restore"));
    m_thread->start();
    return true;
}

void RestoreJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void RestoreJob::onThreadDone(const RunReport &report)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    emit finished(report);
}

} // namespace retort::gui
