#include "locality.h"

#include "pgconn.h"

#include <QByteArray>
#include <QList>

#include <libpq-fe.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <optional>

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace retort {

namespace {

// An address as /proc/net/tcp6 spells it: IPv4 as ::ffff:a.b.c.d, so that a
// v4 socket and its dual-stack peer compare equal.
struct Endpoint {
    std::array<unsigned char, 16> address{};
    quint16 port = 0;

    bool operator==(const Endpoint &o) const { return address == o.address && port == o.port; }
};

std::array<unsigned char, 16> mappedV4(const void *fourBytes)
{
    std::array<unsigned char, 16> a{};
    a[10] = 0xff;
    a[11] = 0xff;
    std::memcpy(a.data() + 12, fourBytes, 4);
    return a;
}

bool isV4(const Endpoint &e)
{
    static const unsigned char prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return std::memcmp(e.address.data(), prefix, 12) == 0;
}

std::optional<Endpoint> endpointOf(const sockaddr_storage &ss)
{
    Endpoint e;
    if (ss.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&ss);
        e.address = mappedV4(&in->sin_addr);
        e.port = ntohs(in->sin_port);
        return e;
    }
    if (ss.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&ss);
        std::memcpy(e.address.data(), &in6->sin6_addr, 16);
        e.port = ntohs(in6->sin6_port);
        return e;
    }
    return std::nullopt;
}

QString endpointText(const Endpoint &e)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (isV4(e)) {
        inet_ntop(AF_INET, e.address.data() + 12, text, sizeof text);
        return QStringLiteral("%1:%2").arg(QLatin1String(text)).arg(e.port);
    }
    inet_ntop(AF_INET6, e.address.data(), text, sizeof text);
    return QStringLiteral("[%1]:%2").arg(QLatin1String(text)).arg(e.port);
}

// A /proc file (their size reads as 0, so read to the end).
QByteArray readProcFile(const QByteArray &path)
{
    QByteArray out;
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return out;
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        out.append(buffer, int(n));
    }
    ::close(fd);
    return out;
}

// "0100007F:1538" (tcp) or 32 hex digits and a port (tcp6): each 32-bit
// word is printed as the kernel holds it, in host order.
std::optional<Endpoint> parseProcEndpoint(const QByteArray &text)
{
    const int colon = text.indexOf(':');
    if (colon < 0)
        return std::nullopt;
    const QByteArray hex = text.left(colon);
    bool ok = false;
    Endpoint e;
    e.port = quint16(text.mid(colon + 1).toUInt(&ok, 16));
    if (!ok)
        return std::nullopt;
    if (hex.size() == 8) {
        const quint32 word = hex.toUInt(&ok, 16);
        if (!ok)
            return std::nullopt;
        e.address = mappedV4(&word);
        return e;
    }
    if (hex.size() == 32) {
        for (int i = 0; i < 4; ++i) {
            const quint32 word = hex.mid(i * 8, 8).toUInt(&ok, 16);
            if (!ok)
                return std::nullopt;
            std::memcpy(e.address.data() + i * 4, &word, 4);
        }
        return e;
    }
    return std::nullopt;
}

// The kernel's answer for one TCP socket named by its four-tuple (sock_diag's
// exact lookup): its inode, 0 when no such socket exists, nullopt when the
// kernel does not answer this way. A v4 pair is asked as AF_INET, then as
// AF_INET6 (a dual-stack server's end holds v4-mapped addresses).
std::optional<quint64> diagSocketInode(const Endpoint &local, const Endpoint &remote)
{
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0)
        return std::nullopt;
    std::optional<quint64> inode = quint64(0);
    const bool v4 = isV4(local) && isV4(remote);
    for (const int family : {v4 ? AF_INET : AF_INET6, AF_INET6}) {
        struct {
            nlmsghdr header;
            inet_diag_req_v2 request;
        } message{};
        message.header.nlmsg_len = sizeof message;
        message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
        message.header.nlmsg_flags = NLM_F_REQUEST;
        message.header.nlmsg_seq = 1;
        message.request.sdiag_family = quint8(family);
        message.request.sdiag_protocol = IPPROTO_TCP;
        message.request.idiag_states = ~0U;
        inet_diag_sockid &id = message.request.id;
        id.idiag_sport = htons(local.port);
        id.idiag_dport = htons(remote.port);
        if (family == AF_INET) {
            std::memcpy(id.idiag_src, local.address.data() + 12, 4);
            std::memcpy(id.idiag_dst, remote.address.data() + 12, 4);
        } else {
            std::memcpy(id.idiag_src, local.address.data(), 16);
            std::memcpy(id.idiag_dst, remote.address.data(), 16);
        }
        id.idiag_cookie[0] = id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
        sockaddr_nl kernel{};
        kernel.nl_family = AF_NETLINK;
        alignas(nlmsghdr) char buffer[8192];
        ssize_t n = -1;
        if (::sendto(fd, &message, sizeof message, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel) >= 0)
            n = ::recv(fd, buffer, sizeof buffer, 0);
        const auto *reply = reinterpret_cast<const nlmsghdr *>(buffer);
        if (n < 0 || !NLMSG_OK(reply, quint32(n))) {
            inode.reset();
            break;
        }
        if (reply->nlmsg_type == SOCK_DIAG_BY_FAMILY) {
            inode = static_cast<const inet_diag_msg *>(NLMSG_DATA(reply))->idiag_inode;
            break;
        }
        if (reply->nlmsg_type != NLMSG_ERROR || static_cast<const nlmsgerr *>(NLMSG_DATA(reply))->error != -ENOENT) {
            inode.reset();
            break;
        }
        if (family == AF_INET6)
            break;
    }
    ::close(fd);
    return inode;
}

// The inode of the TCP socket in this network namespace whose local end is
// `local` and whose remote end is `remote`; 0 when there is none. Asked of
// the kernel by the four-tuple; /proc/net/tcp only when that fails, since
// reading it walks the whole connection hash table (tens of milliseconds on
// a machine with much memory).
quint64 tcpSocketInode(const Endpoint &local, const Endpoint &remote)
{
    if (const std::optional<quint64> inode = diagSocketInode(local, remote))
        return *inode;
    for (const char *file : {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
        const QList<QByteArray> lines = readProcFile(file).split('\n');
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines[i].simplified().split(' ');
            if (f.size() < 10)
                continue;
            const std::optional<Endpoint> l = parseProcEndpoint(f[1]);
            const std::optional<Endpoint> r = parseProcEndpoint(f[2]);
            if (l && r && *l == local && *r == remote)
                return f[9].toULongLong();
        }
    }
    return 0;
}

enum class Holds { Yes, No, Unreadable };

Holds holdsSocket(qint64 pid, quint64 inode)
{
    const QByteArray dir = "/proc/" + QByteArray::number(pid) + "/fd";
    DIR *d = ::opendir(dir.constData());
    if (!d)
        return Holds::Unreadable;
    const QByteArray wanted = "socket:[" + QByteArray::number(inode) + ']';
    Holds found = Holds::No;
    while (const dirent *entry = ::readdir(d)) {
        if (entry->d_name[0] == '.')
            continue;
        char target[64] = {};
        const QByteArray link = dir + '/' + entry->d_name;
        const ssize_t n = ::readlink(link.constData(), target, sizeof target - 1);
        if (n > 0 && wanted == QByteArray(target, int(n))) {
            found = Holds::Yes;
            break;
        }
    }
    ::closedir(d);
    return found;
}

// The process's name: its executable's file name when we may read it, else
// /proc/PID/comm (readable for every process).
QString processName(qint64 pid)
{
    char target[4096] = {};
    const QByteArray exe = "/proc/" + QByteArray::number(pid) + "/exe";
    const ssize_t n = ::readlink(exe.constData(), target, sizeof target - 1);
    if (n > 0)
        return QString::fromLocal8Bit(target, int(n)).section(QLatin1Char('/'), -1).remove(QStringLiteral(" (deleted)"));
    return QString::fromLocal8Bit(readProcFile("/proc/" + QByteArray::number(pid) + "/comm")).trimmed();
}

bool isPostgres(qint64 pid)
{
    return processName(pid) == QLatin1String("postgres");
}

// The process holding socket `inode`, among those we may inspect; 0 when none.
qint64 socketHolder(quint64 inode)
{
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return 0;
    qint64 holder = 0;
    while (const dirent *entry = ::readdir(proc)) {
        bool numeric = false;
        const qint64 pid = QByteArray(entry->d_name).toLongLong(&numeric);
        if (numeric && pid > 0 && holdsSocket(pid, inode) == Holds::Yes) {
            holder = pid;
            break;
        }
    }
    ::closedir(proc);
    return holder;
}

Locality unixSocket(int fd)
{
    Locality l;
    sockaddr_un peer{};
    socklen_t len = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &len) == 0 && peer.sun_path[0])
        l.where = QStringLiteral("socket %1").arg(QString::fromLocal8Bit(peer.sun_path));
    else
        l.where = QStringLiteral("a Unix socket");
    ucred cred{};
    socklen_t credLen = sizeof cred;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &credLen) != 0 || cred.pid <= 0) {
        // the server's processes are in another PID namespace, on this kernel
        l.local = true;
        l.reason = QStringLiteral("a Unix socket on this machine");
        return l;
    }
    // The listening process: the postmaster, or a forwarder (ssh -L, socat)
    // that carries the socket to another machine.
    const QString name = processName(cred.pid);
    if (name != QLatin1String("postgres")) {
        l.reason = QStringLiteral("the process at the other end of the socket is %1 (pid %2), not a postgres server")
                       .arg(name.isEmpty() ? QStringLiteral("unknown") : name)
                       .arg(cred.pid);
        return l;
    }
    l.local = true;
    l.reason = QStringLiteral("a Unix socket served by postgres (pid %1)").arg(cred.pid);
    return l;
}

} // namespace

QString Locality::describe() const
{
    return local ? QStringLiteral("%1 is this machine: %2").arg(where, reason)
                 : QStringLiteral("%1 is not proven local: %2").arg(where, reason);
}

Locality classifyLocality(const QSqlDatabase &db)
{
    Locality l;
    PGconn *conn = pgConnOf(db);
    const int fd = conn ? PQsocket(conn) : -1;
    if (fd < 0) {
        l.where = QStringLiteral("the server");
        l.reason = QStringLiteral("the connection is not open");
        return l;
    }
    sockaddr_storage ours{};
    sockaddr_storage peer{};
    socklen_t ourLen = sizeof ours;
    socklen_t peerLen = sizeof peer;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&ours), &ourLen) != 0
        || ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLen) != 0) {
        l.where = QStringLiteral("the server");
        l.reason = QStringLiteral("the connection's addresses cannot be read (%1)").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return l;
    }
    if (ours.ss_family == AF_UNIX)
        return unixSocket(fd);

    const std::optional<Endpoint> local = endpointOf(ours);
    const std::optional<Endpoint> remote = endpointOf(peer);
    if (!local || !remote) {
        l.where = QStringLiteral("the server");
        l.reason = QStringLiteral("the connection is neither TCP nor a Unix socket");
        return l;
    }
    l.where = endpointText(*remote);
    // The server end of our connection, as this machine's kernel knows it.
    const quint64 inode = tcpSocketInode(*remote, *local);
    if (inode == 0) {
        l.reason = QStringLiteral("no socket on this machine is the server end of the connection (the server "
                                  "is on another machine, or /proc is not readable)");
        return l;
    }
    const qint64 backend = PQbackendPID(conn);
    if (backend > 0 && holdsSocket(backend, inode) == Holds::Yes && isPostgres(backend)) {
        l.local = true;
        l.reason = QStringLiteral("the other end of the connection is its postgres backend (pid %1)").arg(backend);
        return l;
    }
    const qint64 holder = socketHolder(inode);
    if (holder == 0) {
        l.reason = QStringLiteral("the process at the other end of the connection cannot be inspected (another "
                                  "user's process, or /proc is not readable); the server names its backend pid %1")
                       .arg(backend);
    } else if (!isPostgres(holder)) {
        l.reason = QStringLiteral("the process at the other end of the connection is %1 (pid %2), not a postgres "
                                  "backend: a tunnel or a forwarder")
                       .arg(processName(holder))
                       .arg(holder);
    } else {
        l.reason = QStringLiteral("the other end of the connection is postgres pid %1 but the server names its "
                                  "backend pid %2: the server runs in another PID namespace (a container)")
                       .arg(holder)
                       .arg(backend);
    }
    return l;
}

} // namespace retort
