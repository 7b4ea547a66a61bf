#include "scratchcontrol.h"

#include "exec/executor.h"

namespace retort {

void ScratchControl::cancel()
{
    m_cancelled = true;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_executor)
        m_executor->cancel();
}

void ScratchControl::attach(Executor *executor)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_executor = executor;
    if (m_executor && m_cancelled)
        m_executor->cancel();
}

void ScratchControl::reportStep(const RunProgress &progress) const
{
    if (m_stepProgress)
        m_stepProgress(progress);
}

} // namespace retort
