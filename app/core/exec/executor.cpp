#include "executor.h"

#include <QThread>

namespace retort {

QVector<PlannedStatement> statementsFor(const QVector<PlannedStep> &, const QStringList &, bool, const VersionTable &,
                                        bool, bool)
{
    return {};
}

Executor::Executor(QObject *parent) : QObject(parent) {}
Executor::~Executor() = default;

QString Executor::applicationName()
{
    return QStringLiteral("retort " RETORT_VERSION);
}

RunReport Executor::run(const RunRequest &)
{
    RunReport report;
    report.error = Error(Error::Kind::Internal, QStringLiteral("The executor is not implemented yet"));
    Q_EMIT finished(report);
    return report;
}

void Executor::cancel()
{
    m_cancelled = true;
}

void Executor::setCancelHandle(void *) {}
void Executor::clearCancelHandle() {}

ExecutorThread::ExecutorThread(QObject *parent) : QObject(parent) {}
ExecutorThread::~ExecutorThread() = default;
bool ExecutorThread::start(const RunRequest &) { return false; }
void ExecutorThread::cancel() {}
void ExecutorThread::wait() {}

} // namespace retort
