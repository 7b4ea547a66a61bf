#include "scriptcache.h"

#include "project/privatedir.h"
#include "project/projectfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QStandardPaths>

#include <sys/stat.h>

#include <cstring>

namespace retort {

namespace {

constexpr quint32 kMagic = 0x52545243;  // "RTRC"
constexpr quint32 kFormat = 9;
// Every file ends in a digest of everything before it: a flipped bit in an
// id or a parent would otherwise be believed, and rewrite the history.
// MD5 is for damage, not attacks: whoever can write the cache can write
// the revision files too.
constexpr QCryptographicHash::Algorithm kDigest = QCryptographicHash::Md5;
constexpr qsizetype kDigestSize = 16;

// A plain native-endian encoding (strings as UTF-8, half the size of UTF-16
// for the mostly ASCII docstrings): the cache never leaves this machine, and
// QDataStream costs hundreds of instructions per field.
class Writer {
public:
    QByteArray bytes;
    template <typename T>
    void pod(T v) { bytes.append(reinterpret_cast<const char *>(&v), sizeof v); }
    void str(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        pod(qint32(utf8.size()));
        bytes.append(utf8);
    }
    void list(const QStringList &l)
    {
        pod(qint32(l.size()));
        for (const QString &s : l)
            str(s);
    }
    void header(const HeaderValue &v)
    {
        pod(qint32(v.state));
        pod(v.isNone);
        pod(v.isSequence);
        list(v.items);
        pod(qint32(v.importedItems.size()));
        for (qint32 i : v.importedItems)
            pod(i);
        str(v.expression);
        pod(qint32(v.line));
    }
    void stores(const QList<ModuleStore> &l)
    {
        pod(qint32(l.size()));
        for (const ModuleStore &s : l) {
            str(s.target);
            str(s.what);
            str(s.file);
            pod(qint32(s.line));
            pod(s.mutation);
            pod(s.handedOn);
            pod(s.inEnv);
        }
    }
};

class Reader {
public:
    explicit Reader(const QByteArray &b) : m_p(b.constData()), m_end(b.constData() + b.size()) {}
    bool ok() const { return m_ok; }
    template <typename T>
    T pod()
    {
        T v{};
        if (m_end - m_p < qsizetype(sizeof v)) {
            m_ok = false;
            return v;
        }
        std::memcpy(&v, m_p, sizeof v);
        m_p += sizeof v;
        return v;
    }
    QString str()
    {
        const qint32 n = pod<qint32>();
        if (n < 0 || m_end - m_p < n) {
            m_ok = false;
            return {};
        }
        QString s = QString::fromUtf8(m_p, n);
        m_p += n;
        return s;
    }
    QStringList list()
    {
        const qint32 n = pod<qint32>();
        QStringList l;
        for (qint32 i = 0; i < n && m_ok; ++i)
            l << str();
        m_ok = m_ok && n >= 0;
        return l;
    }
    HeaderValue header()
    {
        HeaderValue v;
        v.state = HeaderValue::State(pod<qint32>());
        v.isNone = pod<bool>();
        v.isSequence = pod<bool>();
        v.items = list();
        const qint32 imported = pod<qint32>();
        for (qint32 i = 0; i < imported && m_ok; ++i) {
            const qint32 at = pod<qint32>();
            m_ok = m_ok && at >= 0 && at < v.items.size();
            v.importedItems << at;
        }
        m_ok = m_ok && imported >= 0;
        v.expression = str();
        v.line = pod<qint32>();
        return v;
    }
    QList<ModuleStore> stores()
    {
        const qint32 n = pod<qint32>();
        QList<ModuleStore> l;
        for (qint32 i = 0; i < n && m_ok; ++i) {
            ModuleStore s;
            s.target = str();
            s.what = str();
            s.file = str();
            s.line = pod<qint32>();
            s.mutation = pod<bool>();
            s.handedOn = pod<bool>();
            s.inEnv = pod<bool>();
            l << s;
        }
        m_ok = m_ok && n >= 0;
        return l;
    }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

} // namespace

bool FileStamp::of(const QString &path, FileStamp *out)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    out->size = st.st_size;
    out->mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    out->ctimeNs = qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    out->inode = st.st_ino;
    out->device = st.st_dev;
    return true;
}

QString ScriptCache::defaultDirectory()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (env.contains(QStringLiteral("RETORT_CACHE_DIR"))) {
        const QString dir = env.value(QStringLiteral("RETORT_CACHE_DIR"));
        return dir == QLatin1String("off") ? QString() : dir;
    }
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/retort");
}

QString ScriptCache::fileFor(const QString &directory, const QStringList &versionLocations)
{
    if (directory.isEmpty())
        return {};
    const QByteArray key = QCryptographicHash::hash(versionLocations.join(QLatin1Char('\n')).toUtf8(),
                                                    QCryptographicHash::Sha1)
                               .toHex();
    return directory + QStringLiteral("/headers-") + QString::fromLatin1(key) + QStringLiteral(".bin");
}

void ScriptCache::load()
{
    // A cache another user could write is never read: its digest only
    // catches accidents, not a forger who recomputes it.
    if (!enabled() || !isPrivateDirectory(QFileInfo(m_file).path()))
        return;
    Result<QByteArray> file = readProjectFile(m_file, FileLimit::kCache, QStringLiteral("the header cache"));
    if (!file || file->size() < kDigestSize)
        return;
    const QByteArray bytes = QByteArray::fromRawData(file->constData(), file->size() - kDigestSize);
    if (QCryptographicHash::hash(bytes, kDigest) != file->right(kDigestSize))
        return;
    Reader in(bytes);
    if (in.pod<quint32>() != kMagic || in.pod<quint32>() != kFormat || in.str() != QLatin1String(RETORT_VERSION))
        return;
    const qint32 count = in.pod<qint32>();
    if (!in.ok() || count < 0)
        return;
    QHash<QString, Entry> entries;
    entries.reserve(count);
    for (qint32 i = 0; i < count && in.ok(); ++i) {
        const QString key = in.str();
        Entry e;
        e.stamp.size = in.pod<qint64>();
        e.stamp.mtimeNs = in.pod<qint64>();
        e.stamp.ctimeNs = in.pod<qint64>();
        e.stamp.inode = in.pod<quint64>();
        e.stamp.device = in.pod<quint64>();
        RevisionScript &s = e.script;
        s.path = in.str();
        s.fileName = in.str();
        s.revision = in.header();
        s.downRevision = in.header();
        s.branchLabels = in.header();
        s.dependsOn = in.header();
        s.hasDocstring = in.pod<bool>();
        s.docstring = in.str();
        s.docstringLine = in.pod<qint32>();
        s.createDate = in.str();
        s.upgradeLine = in.pod<qint32>();
        s.downgradeLine = in.pod<qint32>();
        s.imports = in.list();
        s.stores = in.stores();
        s.importTimeCode = in.str();
        s.importTimeLine = in.pod<qint32>();
        entries.insert(key, std::move(e));
    }
    if (in.ok())
        m_entries = std::move(entries);
}

bool ScriptCache::lookup(const QString &path, const FileStamp &stamp, RevisionScript *out) const
{
    auto it = m_entries.constFind(path);
    if (it == m_entries.constEnd() || !(it->stamp == stamp))
        return false;
    *out = it->script;
    return true;
}

void ScriptCache::record(const QString &path, const FileStamp &stamp, const RevisionScript &script,
                         bool wasCached)
{
    if (!enabled() || !script.problems.isEmpty() || script.hasSyntaxError)
        return;
    if (wasCached)
        m_hits << path;
    else
        m_fresh.insert(path, Entry{stamp, script});
}

void ScriptCache::save() const
{
    if (!enabled() || (m_fresh.isEmpty() && m_hits.size() == m_entries.size()))
        return;
    if (!makePrivateDirectory(QFileInfo(m_file).path()))
        return;  // nor written where another user could swap it
    // QSaveFile writes through a link to its target: a cache file linked to
    // /dev/zero once replaced that device with a regular file.
    if (QFileInfo(m_file).isSymLink())
        return;
    QSaveFile f(m_file);
    if (!f.open(QIODevice::WriteOnly))
        return;  // a cache that cannot be written only costs time
    Writer out;
    out.pod(kMagic);
    out.pod(kFormat);
    out.str(QStringLiteral(RETORT_VERSION));
    out.pod(qint32(m_hits.size() + m_fresh.size()));
    auto write = [&out](const QString &key, const Entry &e) {
        out.str(key);
        out.pod(e.stamp.size);
        out.pod(e.stamp.mtimeNs);
        out.pod(e.stamp.ctimeNs);
        out.pod(e.stamp.inode);
        out.pod(e.stamp.device);
        const RevisionScript &s = e.script;
        out.str(s.path);
        out.str(s.fileName);
        out.header(s.revision);
        out.header(s.downRevision);
        out.header(s.branchLabels);
        out.header(s.dependsOn);
        out.pod(s.hasDocstring);
        out.str(s.docstring);
        out.pod(qint32(s.docstringLine));
        out.str(s.createDate);
        out.pod(qint32(s.upgradeLine));
        out.pod(qint32(s.downgradeLine));
        out.list(s.imports);
        out.stores(s.stores);
        out.str(s.importTimeCode);
        out.pod(qint32(s.importTimeLine));
    };
    for (const QString &key : m_hits)
        write(key, m_entries[key]);
    for (auto it = m_fresh.constBegin(); it != m_fresh.constEnd(); ++it)
        write(it.key(), it.value());
    out.bytes += QCryptographicHash::hash(out.bytes, kDigest);
    f.write(out.bytes);
    f.commit();
}

} // namespace retort
