#include "progress.h"

#include <algorithm>

namespace retort {

Progress::Progress(Listener listener, const std::atomic<bool> *cancel)
    : m_listener(std::move(listener)), m_cancel(cancel)
{
}

Error Progress::cancelledError(const QString &what)
{
    return Error(Error::Kind::Cancelled, QStringLiteral("%1 was cancelled").arg(what));
}

void Progress::begin(const QString &step, qint64 total)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_step = step;
    m_done = 0;
    m_total = std::max<qint64>(0, total);
    m_reported = -1;
    reportLocked();
}

void Progress::advance(qint64 units)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_done += units;
    if (m_done != m_reported && (m_done >= m_nextReport || (m_total > 0 && m_done >= m_total)))
        reportLocked();
}

void Progress::end()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_reported != m_done)
        reportLocked();
}

void Progress::reportLocked()
{
    m_reported = m_done;
    const qint64 stride = m_total > 0 ? std::max<qint64>(1, m_total / kReportsPerStep) : kUnknownStride;
    m_nextReport = m_done + stride;
    if (m_listener)
        m_listener(m_step, m_done, m_total);
}

QString Progress::step() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_step;
}

qint64 Progress::done() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_done;
}

qint64 Progress::total() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_total;
}

} // namespace retort
