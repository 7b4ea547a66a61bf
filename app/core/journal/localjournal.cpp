#include "journal/localjournal.h"

#include "project/privatedir.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retort {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QByteArray digest(const QByteArray &json)
{
    return QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex();
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

LocalJournal::LocalJournal(QString directory) : m_directory(std::move(directory)) {}

QString LocalJournal::defaultDirectory()
{
    const QString set = qEnvironmentVariable("RETORT_JOURNAL_DIR");
    if (!set.isEmpty())
        return set;
    // The same folder for the CLI and the window (their AppDataLocation
    // differ by the window's organisation name).
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/retort/journal");
}

QString LocalJournal::filePath() const
{
    return m_directory + QStringLiteral("/journal.jsonl");
}

QByteArray LocalJournal::line(const JournalRecord &record)
{
    const QByteArray json = record.toLine();
    return digest(json) + ' ' + json + '\n';
}

Result<JournalRecord> LocalJournal::parseLine(const QByteArray &line)
{
    const int space = int(line.indexOf(' '));
    if (space != 64)
        return Error(Error::Kind::Io, QStringLiteral("not a journal record (no checksum at the start)"));
    const QByteArray json = line.mid(space + 1);
    if (digest(json) != line.left(space))
        return Error(Error::Kind::Io, QStringLiteral("damaged: the checksum does not match the record"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return Error(Error::Kind::Io, QStringLiteral("damaged: %1").arg(parseError.errorString()));
    return JournalRecord::fromJson(doc.object());
}

Error LocalJournal::append(const JournalRecord &record) const
{
    QString why;
    if (!makePrivateDirectory(m_directory, &why))
        return Error(Error::Kind::Io, QStringLiteral("The journal was not written: %1").arg(why));
    const QString path = filePath();
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error(Error::Kind::Io, QStringLiteral("The journal %1 cannot be opened: %2").arg(path, errnoText(errno)));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error(Error::Kind::Io, QStringLiteral("The journal %1 is not a regular file").arg(path));
    }
    while (::flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            const int e = errno;
            ::close(fd);
            return Error(Error::Kind::Io, QStringLiteral("The journal %1 cannot be locked: %2").arg(path, errnoText(e)));
        }
    }
    QByteArray bytes = line(record);
    // A writer that died mid-line left it without its newline (read through
    // this descriptor, hence O_RDWR): close it so
    // the damage does not swallow this record.
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        char last = '\n';
        if (::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
            bytes.prepend('\n');
    }
    const bool written = writeAll(fd, bytes) && ::fdatasync(fd) == 0;
    const int e = errno;
    ::flock(fd, LOCK_UN);
    ::close(fd);
    if (!written)
        return Error(Error::Kind::Io, QStringLiteral("The journal %1 was not written: %2").arg(path, errnoText(e)));
    return Error();
}

Result<JournalContents> LocalJournal::read() const
{
    JournalContents out;
    QFile file(filePath());
    if (!file.exists())
        return out;
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Io, QStringLiteral("The journal %1 cannot be read: %2").arg(filePath(), file.errorString()));
    const QByteArray all = file.readAll();
    int lineNumber = 0;
    qsizetype at = 0;
    while (at < all.size()) {
        qsizetype end = all.indexOf('\n', at);
        if (end < 0)
            end = all.size();
        const QByteArray text = all.mid(at, end - at);
        at = end + 1;
        ++lineNumber;
        if (text.trimmed().isEmpty())
            continue;
        Result<JournalRecord> r = parseLine(text);
        if (r)
            out.records.append(std::move(r).value());
        else
            out.damaged.append({lineNumber, r.error().message()});
    }
    return out;
}

} // namespace retort
