#pragma once

#include "exec/migrationrunner.h"
#include "loadedproject.h"
#include "scratch/scratchdatabase.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace retort {
class ScratchControl;
}

namespace retort::gui {

// What a job needs to run the project's steps on its scratch database as a
// real run would: env.py's options, the step renderer (native first, the
// bridge for the rest), and the bridge's runner against the scratch.
struct ScratchRun {
    ProjectContext project;
    StepRenderer render;
    PythonStepRunner python;
};
// Reads env.py: call it on the worker.
Result<ScratchRun> scratchRunFor(const LoadedProjectPtr &project, const ConnectionSettings &scratch);

// Jobs on a scratch database, one after another on a thread of their own:
// the scratch database (a private cluster unless the request names a
// server) is made for the first job and, for a session, kept for the next,
// each of which gets it empty again. A cancelled job, release() and the
// worker's destruction drop it (stop the cluster): nothing is left behind. Progress
// and each job's end arrive queued on the GUI thread; what a job computes it
// writes where its task put it, to be read on finished().
class ScratchWorker : public QObject {
    Q_OBJECT
public:
    using Progress = std::function<void(const QString &line, int done, int total)>;
    // Runs on the worker's thread, on an empty scratch database; `control`
    // cancels it and reports each step the runs make (shown as progress
    // unless the task reports its own).
    using Task = std::function<void(const ScratchDatabase &scratch, ScratchControl &control, const Progress &progress)>;

    // OneJob: the scratch database is dropped as each job ends, before
    // finished(); Session: kept for the next job until release().
    enum class Lifetime { OneJob, Session };

    ScratchWorker(ScratchRequest request, Lifetime lifetime, QObject *parent = nullptr);
    ~ScratchWorker() override;

    // Queues `task`; returns its number (finished() names it).
    quint64 run(Task task);
    // Cancels the job running and those queued, and drops the scratch database.
    void cancel();
    // Drops the scratch database once the queued jobs are done.
    void release();
    bool isBusy() const { return m_pending > 0; }

signals:
    // `done` of `total` steps or revisions (total 0: not known).
    void progress(quint64 job, const QString &line, int done, int total);
    // Where the scratch database is (ScratchDatabase::note), once made.
    void scratchReady(const QString &note);
    // error: the scratch database could not be made, or Kind::Cancelled.
    void finished(quint64 job, const retort::Error &error);

private:
    struct State;  // touched on the worker's thread only
    void runOnThread(quint64 job, quint64 generation, const Task &task);
    void releaseOnThread();

    ScratchRequest m_request;
    Lifetime m_lifetime = Lifetime::OneJob;
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;  // lives on m_thread: jobs are queued to it
    std::shared_ptr<State> m_state;
    quint64 m_jobs = 0;
    int m_pending = 0;  // queued or running, as the GUI thread counts them
    std::mutex m_mutex;  // guards the two below
    quint64 m_generation = 0;  // jobs queued before the last cancel() run as cancelled
    std::shared_ptr<ScratchControl> m_running;
};

} // namespace retort::gui
