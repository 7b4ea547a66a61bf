#include "backupjob.h"

#include <QThread>

namespace retort::gui {

BackupJob::BackupJob(QObject *parent) : QObject(parent) {}

BackupJob::~BackupJob()
{
    if (m_thread) {
        m_backup->cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool BackupJob::start(const BackupRequest &request)
{
    if (m_thread)
        return false;
    m_backup = std::make_shared<Backup>();
    std::shared_ptr<Backup> backup = m_backup;
    m_thread = QThread::create([this, backup, request] {
        // Progress and the result are posted to this object's (the GUI)
        // thread; the destructor waits for the thread, so `this` is alive.
        auto result = backup->run(request, [this](qint64 bytes) {
            QMetaObject::invokeMethod(this, [this, bytes] { emit progress(bytes); }, Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(this, [this, result] { onThreadDone(result); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("retort-backup"));
    m_thread->start();
    return true;
}

void BackupJob::cancel()
{
    if (m_backup)
        m_backup->cancel();
}

void BackupJob::onThreadDone(const Result<BackupResult> &result)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (result.ok())
        emit finished(true, result.value(), Error());
    else
        emit finished(false, BackupResult(), result.error());
}

} // namespace retort::gui
