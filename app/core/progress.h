#pragma once

#include "error.h"

#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

namespace retort {

// How long work tells whoever waits for it how far it got, and learns that it
// should stop: a listener called with (step, done, total) and a cancel flag
// the caller owns. No widgets: the window turns the reports into a progress
// strip, the tests count them. One Progress may be shared by several threads.
class Progress {
public:
    // `done` of `total` units of `step` (a phrase for the user); total 0 while
    // the size is not known. Called on the working threads, one call at a time
    // and in order, so `done` never goes back within a step: keep it short
    // (queue a signal, store a number).
    using Listener = std::function<void(const QString &step, qint64 done, qint64 total)>;

    Progress() = default;
    Progress(Listener listener, const std::atomic<bool> *cancel);
    Progress(const Progress &) = delete;
    Progress &operator=(const Progress &) = delete;

    bool isCancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    // For work that takes the flag itself (a child process it stops).
    const std::atomic<bool> *cancelFlag() const { return m_cancel; }
    // What work returns when it stopped because it was asked to.
    static Error cancelledError(const QString &what);

    // A new step of `total` units (0: not known); reported at once.
    void begin(const QString &step, qint64 total = 0);
    // Units done, from any thread. Reported about every hundredth of the step
    // (every kUnknownStride units when its size is not known), so a step of
    // 50,000 files costs its listener about a hundred calls.
    void advance(qint64 units = 1);
    // Reports the exact count if the last report did not: the last report of
    // a step, finished or cancelled, is how many units were done.
    void end();

    QString step() const;
    qint64 done() const;
    qint64 total() const;

    static constexpr qint64 kReportsPerStep = 100;
    static constexpr qint64 kUnknownStride = 256;

private:
    void reportLocked();

    Listener m_listener;
    const std::atomic<bool> *m_cancel = nullptr;
    mutable std::mutex m_mutex;
    QString m_step;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_reported = -1;    // `done` of the last report in this step
    qint64 m_nextReport = 0;   // report again once `done` reaches this
};

} // namespace retort
