#include "scratchowner.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>

namespace retort {

namespace {

const QLatin1String kCommentPrefix("retort scratch database; made by ");

struct ProcessState {
    char state = 0;
    qint64 startTicks = 0;
};

// /proc/<pid>/stat after the command name, which may itself hold ") ".
std::optional<ProcessState> processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = stat.readAll();
    const int close = text.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() < 20 || fields[0].isEmpty())
        return std::nullopt;
    bool ok = false;
    ProcessState s{fields[0].at(0), fields[19].toLongLong(&ok)};
    if (!ok)
        return std::nullopt;
    return s;
}

// Hostnames are [A-Za-z0-9.-]; anything else is left out so the comment
// needs no quoting and parses back the same.
QString plainHost()
{
    QString host = QSysInfo::machineHostName();
    host.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")));
    return host;
}

} // namespace

std::optional<ScratchOwner> ScratchOwner::current()
{
    ScratchOwner o;
    QFile boot(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!boot.open(QIODevice::ReadOnly))
        return std::nullopt;
    o.bootId = QString::fromLatin1(boot.readAll().trimmed());
    o.pidNamespace = QFileInfo(QStringLiteral("/proc/self/ns/pid")).symLinkTarget();
    o.pidNamespace = o.pidNamespace.section(QLatin1Char('/'), -1);
    o.host = plainHost();
    o.pid = QCoreApplication::applicationPid();
    const std::optional<ProcessState> self = processState(o.pid);
    if (o.bootId.isEmpty() || o.pidNamespace.isEmpty() || !self)
        return std::nullopt;
    o.startTicks = self->startTicks;
    return o;
}

QString ScratchOwner::comment() const
{
    return kCommentPrefix
           + QStringLiteral("host=%1 boot=%2 pidns=%3 pid=%4 start=%5")
                 .arg(host, bootId, pidNamespace)
                 .arg(pid)
                 .arg(startTicks);
}

std::optional<ScratchOwner> ScratchOwner::fromComment(const QString &comment)
{
    static const QRegularExpression form(
        QRegularExpression::anchoredPattern(QRegularExpression::escape(kCommentPrefix)
                                            + QStringLiteral("host=([A-Za-z0-9._-]*) boot=([0-9a-f-]+) "
                                                             "pidns=(pid:\\[[0-9]+\\]) pid=([0-9]+) start=([0-9]+)")));
    const QRegularExpressionMatch m = form.match(comment);
    if (!m.hasMatch())
        return std::nullopt;
    ScratchOwner o;
    o.host = m.captured(1);
    o.bootId = m.captured(2);
    o.pidNamespace = m.captured(3);
    o.pid = m.captured(4).toLongLong();
    o.startTicks = m.captured(5).toLongLong();
    return o;
}

bool ScratchOwner::provablyGone(const ScratchOwner &here) const
{
    if (host != here.host || bootId != here.bootId || pidNamespace != here.pidNamespace)
        return false;
    if (pid == here.pid)
        return startTicks != here.startTicks;
    const std::optional<ProcessState> now = processState(pid);
    if (!now)
        return !QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
    return now->startTicks != startTicks || now->state == 'Z' || now->state == 'X';
}

} // namespace retort
