#include "executor.h"

#include "exec/executorrun.h"
#include "db/pghandle.h"
#include "render/stepsql.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QThread>

namespace retort {

Executor::Executor(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<retort::RunProgress>();
    qRegisterMetaType<retort::RunReport>();
}

Executor::~Executor()
{
    clearCancelHandle();
}

QString Executor::applicationName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty())
        user = QStringLiteral("unknown");
    // PostgreSQL keeps 63 bytes of application_name
    return QStringLiteral("retort %1 (%2@%3)").arg(QStringLiteral(RETORT_VERSION), user, QSysInfo::machineHostName()).left(63);
}

RunReport Executor::run(const RunRequest &request)
{
    RunReport report = executeRun(*this, request);
    Q_EMIT finished(report);
    return report;
}

void Executor::cancel()
{
    m_cancelled = true;
    sendCancel();
}

void Executor::sendCancel()
{
    std::lock_guard<std::mutex> guard(m_cancelMutex);
    if (m_cancelHandle)
        pghandle::sendCancel(m_cancelHandle);
}

void Executor::setCancelHandle(void *pgcancel)
{
    std::lock_guard<std::mutex> guard(m_cancelMutex);
    pghandle::freeCancel(m_cancelHandle);
    m_cancelHandle = pgcancel;
}

void Executor::clearCancelHandle()
{
    setCancelHandle(nullptr);
}

ExecutorThread::ExecutorThread(QObject *parent) : QObject(parent)
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("retort-executor"));
    m_executor = new Executor;
    m_executor->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_executor, &QObject::deleteLater);
    connect(m_executor, &Executor::progress, this, &ExecutorThread::progress);
    connect(m_executor, &Executor::logLine, this, &ExecutorThread::logLine);
    // the window's run log: printed text line by line, marked as such
    connect(m_executor, &Executor::printed, this, [this](const QString &text) {
        for (const QString &line : printedLines(text))
            Q_EMIT logLine(QStringLiteral("print: ") + line);
    });
    connect(m_executor, &Executor::waiting, this, &ExecutorThread::waiting);
    connect(m_executor, &Executor::finished, this, [this](const RunReport &report) {
        m_running = false;
        Q_EMIT finished(report);
    });
    m_thread->start();
}

ExecutorThread::~ExecutorThread()
{
    m_executor->cancel();
    m_thread->quit();
    m_thread->wait();
}

bool ExecutorThread::start(const RunRequest &request)
{
    if (m_running)
        return false;
    m_running = true;
    m_executor->m_cancelled = false;
    Executor *executor = m_executor;
    QMetaObject::invokeMethod(executor, [executor, request] { executor->run(request); }, Qt::QueuedConnection);
    return true;
}

void ExecutorThread::cancel()
{
    m_executor->cancel();
}

void ExecutorThread::wait()
{
    while (m_running) {
        // the finished signal is queued to this thread: deliver it
        QThread::msleep(5);
        QCoreApplication::sendPostedEvents(this);
    }
}

} // namespace retort
