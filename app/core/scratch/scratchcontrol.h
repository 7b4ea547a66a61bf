#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

namespace retort {

class Executor;
struct RunProgress;

// What the caller of a check, a drift comparison, a rehearsal or a schema
// replay holds while it runs on a worker: cancel() from any thread stops it
// between steps and stops the statement running on the scratch database at
// once (the executor's own cancel); and it hears each step as it starts.
class ScratchControl {
public:
    using StepProgress = std::function<void(const RunProgress &progress)>;

    // Called on the worker's thread, before the job starts.
    void setStepProgress(StepProgress progress) { m_stepProgress = std::move(progress); }

    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    // For the runs a job makes (applyOn): the executor running now, null when
    // none; a run attached after cancel() is cancelled at once.
    void attach(Executor *executor);
    void reportStep(const RunProgress &progress) const;

private:
    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    Executor *m_executor = nullptr;
    StepProgress m_stepProgress;
};

} // namespace retort
