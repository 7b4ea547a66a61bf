#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace retort {

// The most Retort reads of each kind of project file. Real files are a few
// kilobytes; the limits only stop a mistake (a log or dump named *.py, a
// link to /dev/zero) from eating the memory.
namespace FileLimit {
constexpr qint64 kRevision = 16 * 1024 * 1024;
constexpr qint64 kIni = 16 * 1024 * 1024;
constexpr qint64 kEnv = 16 * 1024 * 1024;
constexpr qint64 kCache = 512 * 1024 * 1024;
} // namespace FileLimit

// Reads a whole regular file (symlinks followed) of at most maxBytes. A
// FIFO, device, socket or folder is refused without blocking on it; every
// error is Kind::Io, names the file and says why (the system's words, as in
// "[Errno 13] Permission denied: 'path'"). `what` names the kind of file for
// the size message ("revision file", "alembic.ini", ...).
Result<QByteArray> readProjectFile(const QString &path, qint64 maxBytes, const QString &what);
// The same for the file `name` in the folder open as dirFd, whose path is
// `path`: one path component looked up instead of the whole path, for the
// 10,000 files of one folder.
Result<QByteArray> readProjectFileAt(int dirFd, const QByteArray &name, const QString &path, qint64 maxBytes,
                                     const QString &what);

// A configuration error at file:line (line 0: the file as a whole).
Error configError(const QString &file, int line, const QString &message);

// The error for a failed system call on `path` with `errorNumber` (errno),
// worded as Python's OSError: "[Errno 13] Permission denied: 'path'".
Error fileError(const QString &path, int errorNumber);

} // namespace retort
