#include "scratchworker.h"

#include "applyplan.h"
#include "bridge/onlinesteprunner.h"
#include "exec/executor.h"
#include "scratch/scratchcontrol.h"
#include "threadpriority.h"

#include <QThread>

namespace retort::gui {

Result<ScratchRun> scratchRunFor(const LoadedProjectPtr &project, const ConnectionSettings &scratch)
{
    Result<ProjectContext> context = projectContext(project);
    if (!context)
        return context.error();
    const PlanRenderSettings render = onlineRenderSettings(project);
    ScratchRun run;
    run.project = context.value();
    run.render = planStepRenderer(run.project, render);
    run.python = bridgeStepRunner(render.bridge, render.interpreter, scratch);
    return run;
}

struct ScratchWorker::State {
    std::unique_ptr<ScratchDatabase> scratch;
    bool used = false;  // a job ran on it: the next one makes it again, empty
};

ScratchWorker::ScratchWorker(ScratchRequest request, Lifetime lifetime, QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_lifetime(lifetime), m_state(std::make_shared<State>())
{
    qRegisterMetaType<retort::Error>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("retort-scratch"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_context, [] { lowerCurrentThreadPriority(); });
    m_thread->start();
    connect(this, &ScratchWorker::finished, this, [this] { --m_pending; });
}

ScratchWorker::~ScratchWorker()
{
    // The scratch database is dropped (its cluster stopped) on the thread
    // that made it, after the job running ends: cancelled, it ends soon.
    cancel();
    QMetaObject::invokeMethod(m_context, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

quint64 ScratchWorker::run(Task task)
{
    const quint64 job = ++m_jobs;
    quint64 generation;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        generation = m_generation;
    }
    ++m_pending;
    QMetaObject::invokeMethod(
        m_context, [this, job, generation, task] { runOnThread(job, generation, task); }, Qt::QueuedConnection);
    return job;
}

void ScratchWorker::cancel()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_generation;
    if (m_running)
        m_running->cancel();
    QMetaObject::invokeMethod(m_context, [this] { releaseOnThread(); }, Qt::QueuedConnection);
}

void ScratchWorker::release()
{
    QMetaObject::invokeMethod(m_context, [this] { releaseOnThread(); }, Qt::QueuedConnection);
}

void ScratchWorker::releaseOnThread()
{
    if (m_state->scratch)
        m_state->scratch->release();
    m_state->scratch.reset();
    m_state->used = false;
}

void ScratchWorker::runOnThread(quint64 job, quint64 generation, const Task &task)
{
    auto control = std::make_shared<ScratchControl>();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (generation != m_generation) {
            emit finished(job, Error(Error::Kind::Cancelled, QStringLiteral("Cancelled")));
            return;
        }
        m_running = control;
    }
    const auto done = [&](const Error &error) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_running.reset();
        }
        if (control->isCancelled() || m_lifetime == Lifetime::OneJob)
            releaseOnThread();
        emit finished(job, control->isCancelled() ? Error(Error::Kind::Cancelled, QStringLiteral("Cancelled")) : error);
    };

    State &state = *m_state;
    if (state.scratch && state.used) {
        if (Error e = state.scratch->recreate()) {
            releaseOnThread();
            return done(e);
        }
    }
    if (!state.scratch) {
        Result<std::unique_ptr<ScratchDatabase>> made = ScratchDatabase::create(m_request);
        if (!made)
            return done(made.error());
        state.scratch = std::move(made.value());
        emit scratchReady(state.scratch->note());
    }
    state.used = true;
    if (control->isCancelled())
        return done(Error());
    const Progress progress = [this, job](const QString &line, int doneCount, int total) {
        emit this->progress(job, line, doneCount, total);
    };
    control->setStepProgress([progress](const RunProgress &p) {
        progress(QStringLiteral("step %1/%2: %3").arg(p.step).arg(p.stepCount).arg(p.stepLog), p.step - 1, p.stepCount);
    });
    task(*state.scratch, *control, progress);
    done(Error());
}

} // namespace retort::gui
