#include "bridgescript.h"

#include "project/privatedir.h"
#include "project/scriptcache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSaveFile>
#include <QTemporaryDir>

#include <unistd.h>

namespace retort {

namespace bridgedata {
extern const char kScript[];
}

namespace {

Result<QString> writeInto(const QString &directory, const QByteArray &text)
{
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex().left(12));
    const QString path = directory + QStringLiteral("/retort_bridge-%1.py").arg(hash);
    // Python runs this file with the user's credentials in its environment:
    // in a folder another user can write, they could swap it between our
    // check and Python's open.
    QString why;
    if (!makePrivateDirectory(directory, &why))
        return Error(Error::Kind::Io, QStringLiteral("not using %1 for the alembic bridge: %2").arg(directory, why));
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == text)
        return path;
    // QSaveFile: a concurrent retort never sees a half-written script. It
    // writes through a link to the link's target: a link is replaced instead.
    if (QFileInfo(path).isSymLink() && !QFile::remove(path))
        return Error(Error::Kind::Io, QStringLiteral("cannot replace the link %1 for the alembic bridge").arg(path));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
        return Error(Error::Kind::Io, QStringLiteral("cannot write the alembic bridge to %1: %2").arg(path, out.errorString()));
    return path;
}

} // namespace

QByteArray BridgeScript::text()
{
    return QByteArray(bridgedata::kScript);
}

Result<QString> BridgeScript::path()
{
    static QMutex mutex;
    static QString written;
    QMutexLocker lock(&mutex);
    if (!written.isEmpty() && QFile::exists(written))
        return written;
    const QByteArray script = text();
    const QString cache = ScriptCache::defaultDirectory();
    Result<QString> r = cache.isEmpty() ? Result<QString>(Error(Error::Kind::Io, QString()))
                                        : writeInto(cache + QStringLiteral("/bridge"), script);
    if (!r)  // no cache directory (RETORT_CACHE_DIR=off, read-only home): a per-user temp dir
        r = writeInto(QDir::tempPath() + QStringLiteral("/retort-bridge-%1").arg(::getuid()), script);
    if (!r) {
        // that name taken by someone else: a fresh folder only we can have
        // made, removed when the process ends
        static QTemporaryDir fresh(QDir::tempPath() + QStringLiteral("/retort-bridge-XXXXXX"));
        if (fresh.isValid())
            r = writeInto(fresh.path(), script);
    }
    if (r)
        written = r.value();
    return r;
}

} // namespace retort
