#include "project/projectfile.h"

#include "project/heapreserve.h"
#include "pytext.h"

#include <QFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace retort {

namespace {

Error fileProblem(const QString &path, const QString &message)
{
    Location where;
    where.file = path;
    return Error(Error::Kind::Io, message, where);
}

} // namespace

Error fileError(const QString &path, int errorNumber)
{
    return fileProblem(path, QStringLiteral("[Errno %1] %2: %3")
                                 .arg(errorNumber)
                                 .arg(QString::fromLocal8Bit(std::strerror(errorNumber)), pyRepr(path)));
}

Result<QByteArray> readProjectFile(const QString &path, qint64 maxBytes, const QString &what)
{
    return readProjectFileAt(AT_FDCWD, QFile::encodeName(path), path, maxBytes, what);
}

Result<QByteArray> readProjectFileAt(int dirFd, const QByteArray &name, const QString &path, qint64 maxBytes,
                                     const QString &what)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer; one open and
    // one fstat, since this runs for each of 10,000 revision files.
    const int fd = ::openat(dirFd, name.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return fileError(path, errno);
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return fileError(path, errno);
    if (!S_ISREG(st.st_mode))
        return fileProblem(path, QStringLiteral("%1 is not a regular file").arg(pyRepr(path)));
    // Built only when needed: the path's repr cost a third of reading
    // 10,000 revision files when it was made for every file.
    const auto tooLarge = [&] {
        return fileProblem(path, QStringLiteral("%1 is larger than %2 MiB, the most Retort reads for %3")
                                     .arg(pyRepr(path))
                                     .arg(maxBytes / (1024 * 1024))
                                     .arg(what));
    };
    if (st.st_size > maxBytes)
        return tooLarge();
    QByteArray bytes;
    bytes.resize(qsizetype(st.st_size));
    // Not yet written to: a large file (the header cache) is read into huge pages.
    adviseHugePages(bytes.constData(), bytes.size());
    qsizetype done = 0;
    for (;;) {
        if (done == bytes.size()) {
            // the file grew since fstat
            if (done > maxBytes)
                return tooLarge();
            bytes.resize(done + 4096);
        }
        const ssize_t n = ::read(fd, bytes.data() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fileError(path, errno);
        if (n == 0)
            break;
        done += n;
        if (done == qsizetype(st.st_size) && st.st_size > 0)
            break;
    }
    bytes.resize(done);
    return bytes;
}

Error configError(const QString &file, int line, const QString &message)
{
    Location where;
    where.file = file;
    where.line = line;
    return Error(Error::Kind::Config, message, where);
}

} // namespace retort
