#include "project/privatedir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace retort {

namespace {

bool othersMayReplace(const struct stat &st)
{
    return (st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX);
}

} // namespace

bool isPrivateDirectory(const QString &directory, QString *why)
{
    auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    // The real place, links resolved: a link planted by another user is
    // judged by what it points to.
    const QString real = QFileInfo(directory).canonicalFilePath();
    if (real.isEmpty())
        return fail(QStringLiteral("%1 does not exist").arg(directory));
    const uid_t me = ::geteuid();
    struct stat st {};
    if (::stat(QFile::encodeName(real).constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return fail(QStringLiteral("%1 is not a directory").arg(real));
    if (st.st_uid != me)
        return fail(QStringLiteral("%1 belongs to uid %2, not to this user").arg(real).arg(st.st_uid));
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        return fail(QStringLiteral("%1 is writable by other users").arg(real));
    for (QDir up(real); up.cdUp();) {
        const QString path = up.absolutePath();
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            return fail(QStringLiteral("cannot inspect %1").arg(path));
        if (st.st_uid != me && st.st_uid != 0)
            return fail(QStringLiteral("%1 belongs to uid %2").arg(path).arg(st.st_uid));
        if (othersMayReplace(st))
            return fail(QStringLiteral("%1 lets other users replace its entries").arg(path));
        if (up.isRoot())
            break;
    }
    return true;
}

bool makePrivateDirectory(const QString &directory, QString *why)
{
    if (!QDir().mkpath(directory)) {
        if (why)
            *why = QStringLiteral("cannot create %1").arg(directory);
        return false;
    }
    return isPrivateDirectory(directory, why);
}

} // namespace retort
