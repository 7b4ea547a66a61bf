#include "pgrestore.h"

#include "db/backup.h"
#include "db/connection.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace retort {

Error checkCustomDump(const QString &file)
{
    Location where;
    where.file = file;
    // opening a FIFO would wait for a writer: a dump is a regular file
    struct stat st {};
    if (::stat(QFile::encodeName(file).constData(), &st) == 0 && !S_ISREG(st.st_mode))
        return Error(Error::Kind::Io, QStringLiteral("Not a regular file: a dump made by pg_dump -Fc is restored"),
                     where);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Io, QStringLiteral("Cannot read the dump: %1").arg(f.errorString()), where);
    // pg_dump's custom format starts with these five bytes (pg_backup_archiver.c)
    if (f.read(5) != QByteArrayLiteral("PGDMP"))
        return Error(Error::Kind::Io,
                     QStringLiteral("Not a dump in pg_dump's custom format (pg_dump -Fc): only such a dump is restored"),
                     where);
    return Error();
}

Error restoreDump(const QString &file, const ConnectionSettings &into, const QStringList &searchDirs,
                  const std::function<bool()> &cancelled)
{
    if (Error bad = checkCustomDump(file))
        return bad;
    QString serverVersion;
    {
        Result<std::unique_ptr<Connection>> c = Connection::open(into);
        if (!c)
            return c.error();
        serverVersion = c.value()->serverVersion();
    }
    Result<PgDumpTool> tool = findPgTool(QStringLiteral("pg_restore"), PgVersion::parse(serverVersion),
                                         searchDirs.isEmpty() ? defaultPgDumpSearchDirs() : searchDirs);
    if (!tool)
        return tool.error();
    const QStringList args = {QStringLiteral("--no-password"), QStringLiteral("--exit-on-error"),
                              QStringLiteral("--single-transaction"),
                              QStringLiteral("--dbname=") + conninfoFor(into), QFileInfo(file).absoluteFilePath()};
    Error failed = runClientTool(tool.value().path, args, into, cancelled);
    if (failed && failed.kind() != Error::Kind::Cancelled) {
        Error e(Error::Kind::Database, QStringLiteral("Restoring %1 failed").arg(QFileInfo(file).absoluteFilePath()));
        e.causedBy(failed);
        return e;
    }
    return failed;
}

} // namespace retort
