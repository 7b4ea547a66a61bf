#pragma once

#include "exec/restorerun.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace retort::gui {

// One restoreDatabase() on a thread of its own, its log lines and report
// delivered on the GUI thread. cancel() stops pg_restore (the old database
// stays); destroying the job cancels and waits, so no pg_restore outlives it.
class RestoreJob : public QObject {
    Q_OBJECT
public:
    explicit RestoreJob(QObject *parent = nullptr);
    ~RestoreJob() override;

    // False when a restore is already running.
    bool start(const RestoreRun &run, std::shared_ptr<RunRecorder> recorder);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

signals:
    void logLine(const QString &line);
    void finished(const retort::RunReport &report);

private:
    void onThreadDone(const RunReport &report);

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace retort::gui
