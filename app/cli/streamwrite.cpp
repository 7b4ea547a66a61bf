#include "streamwrite.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace retort::cli {

bool writeFully(std::FILE *stream, const QByteArray &bytes, QString *error)
{
    std::fflush(stream);
    const int fd = ::fileno(stream);
    const char *data = bytes.constData();
    size_t left = size_t(bytes.size());
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n > 0) {
            data += n;
            left -= size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd ready{fd, POLLOUT, 0};
            if (::poll(&ready, 1, -1) >= 0 || errno == EINTR)
                continue;
        }
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(n < 0 ? errno : EIO));
        return false;
    }
    return true;
}

} // namespace retort::cli
