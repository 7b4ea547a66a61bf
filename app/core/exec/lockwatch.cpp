#include "exec/lockwatch.h"

#include "db/connection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QVariant>

namespace retort {

QString describeBlocker(int pid, const QString &application, const QString &user, const QDateTime &since)
{
    QStringList about;
    about << (application.isEmpty() ? QStringLiteral("no application_name")
                                    : QStringLiteral("application \"%1\"").arg(application));
    if (!user.isEmpty())
        about << QStringLiteral("user %1").arg(user);
    if (since.isValid())
        about << QStringLiteral("since %1").arg(since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    return QStringLiteral("pid %1 (%2)").arg(pid).arg(about.join(QStringLiteral(", ")));
}

LockWatch::LockWatch(ConnectionSettings settings, int backendPid, std::function<void(const QString &)> report)
    : m_settings(std::move(settings)), m_pid(backendPid), m_report(std::move(report))
{
    m_settings.query.removeIf([](const QPair<QString, QString> &kv) { return kv.first == QLatin1String("application_name"); });
    m_settings.query.append({QStringLiteral("application_name"), QStringLiteral("retort-watch")});
    m_thread = std::thread([this] { watch(); });
}

LockWatch::~LockWatch()
{
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void LockWatch::watch()
{
    // a watch that cannot connect says nothing: the run itself reports
    // what is wrong with the database
    Result<std::unique_ptr<Connection>> c = Connection::open(m_settings);
    if (!c)
        return;
    const QSqlDatabase db = c.value()->database();
    QString current;      // the wait being timed ("" when none)
    QString reported;     // what was last reported
    QElapsedTimer since;  // how long `current` has lasted
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (m_wake.wait_for(lock, std::chrono::milliseconds(kPollMs), [this] { return m_stop; }))
                break;
        }
        // the lock the run's backend waits for, and the first backend in its way
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "SELECT w.locktype, w.relation::regclass::text, b.pid, "
            "b.application_name, b.usename, coalesce(b.xact_start, b.backend_start) "
            "FROM pg_locks w JOIN pg_stat_activity b ON b.pid = ANY (pg_blocking_pids(w.pid)) "
            "WHERE w.pid = ? AND NOT w.granted ORDER BY b.backend_start LIMIT 1"));
        q.addBindValue(m_pid);
        QString wait;
        if (q.exec() && q.next()) {
            const QString what = q.value(1).isNull() ? QStringLiteral("a lock (%1)").arg(q.value(0).toString())
                                                     : QStringLiteral("a lock on %1").arg(q.value(1).toString());
            wait = QStringLiteral("waiting for %1 held by %2")
                       .arg(what, describeBlocker(q.value(2).toInt(), q.value(3).toString(), q.value(4).toString(),
                                                  q.value(5).toDateTime()));
        }
        if (wait != current) {
            current = wait;
            since.start();
        }
        if (current.isEmpty() && !reported.isEmpty()) {
            reported.clear();
            m_report(QString());
        } else if (!current.isEmpty() && current != reported && since.elapsed() >= kQuietMs) {
            reported = current;
            m_report(current);
        }
    }
}

} // namespace retort
