#include "scriptcache.h"

#include "project/privatedir.h"
#include "project/projectfile.h"
#include "utf8text.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QStandardPaths>

#include <sys/stat.h>

#include <algorithm>
#include <cstring>

namespace retort {

namespace {

constexpr quint32 kMagic = 0x52545243;  // "RTRC"
constexpr quint32 kFormat = 11;
// Every file ends in a checksum of everything before it: a flipped bit in an
// id or a parent would otherwise be believed, and rewrite the history.
// It is for damage, not attacks (whoever can write the cache can write the
// revision files too), so it need not cost what MD5 did: a sixth of a warm
// `heads`.
constexpr qsizetype kChecksumSize = 8;

constexpr quint64 kOdd1 = 0x9e3779b185ebca87ull;
constexpr quint64 kOdd2 = 0xc2b2ae3d27d4eb4full;

quint64 rotl(quint64 x, int r) { return (x << r) | (x >> (64 - r)); }

// For a given lane the step is a bijection of the word, and for a given word
// a bijection of the lane; so is every later step of the lane and of the
// combination. A change confined to one 8-byte word therefore always
// changes the result; wider damage goes unseen with odds of 2^-64.
quint64 step(quint64 lane, quint64 word) { return rotl(lane ^ (word * kOdd2), 31) * kOdd1; }

QByteArray checksum(const char *p, qsizetype n)
{
    quint64 lanes[4] = {kOdd1, kOdd2, ~kOdd1, ~kOdd2};
    qsizetype at = 0;
    // four independent lanes keep the multiplier busy
    for (; n - at >= 32; at += 32) {
        quint64 w[4];
        std::memcpy(w, p + at, sizeof w);
        for (int k = 0; k < 4; ++k)
            lanes[k] = step(lanes[k], w[k]);
    }
    for (int k = 0; at < n; ++k, at += 8) {
        quint64 w = 0;
        std::memcpy(&w, p + at, size_t(std::min<qsizetype>(8, n - at)));
        lanes[k] = step(lanes[k], w);
    }
    quint64 h = quint64(n);
    for (quint64 lane : lanes)
        h = rotl(h ^ lane, 27) * kOdd1;
    return QByteArray(reinterpret_cast<const char *>(&h), sizeof h);
}

// A plain native-endian encoding (strings as UTF-8, half the size of UTF-16
// for the mostly ASCII docstrings): the cache never leaves this machine, and
// QDataStream costs hundreds of instructions per field. Fields are copied
// into a buffer grown by doubling: appending each through QByteArray cost
// as much as a tenth of a first, cache-writing run.
class Writer {
public:
    template <typename T>
    void pod(T v)
    {
        std::memcpy(room(sizeof v), &v, sizeof v);
        m_used += qsizetype(sizeof v);
    }
    void str(const QString &s)
    {
        char *at = room(qsizetype(sizeof(qint32)) + maxUtf8Size(s.size()));
        char *const text = at + sizeof(qint32);
        char *const end = writeUtf8(text, s);
        const qint32 n = qint32(end - text);
        std::memcpy(at, &n, sizeof n);
        m_used += qsizetype(sizeof n) + n;
    }
    qsizetype size() const { return m_used; }
    void patch(qsizetype at, qint32 v) { std::memcpy(m_bytes.data() + at, &v, sizeof v); }
    const char *data() const { return m_bytes.constData(); }
    QByteArray take()
    {
        m_bytes.truncate(m_used);
        return std::move(m_bytes);
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

private:
    char *room(qsizetype n)
    {
        if (m_bytes.size() - m_used < n)
            m_bytes.resize(std::max(2 * m_bytes.size(), m_used + n));
        return m_bytes.data() + m_used;
    }

    QByteArray m_bytes;
    qsizetype m_used = 0;
};

class Reader {
public:
    Reader(const char *p, qsizetype n) : m_p(p), m_end(p + n) {}
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
        if (n == 0)
            return {};  // most fields are empty: as the parser leaves them, no call
        QString s = QString::fromUtf8(m_p, n);
        m_p += n;
        return s;
    }
    QStringList list()
    {
        const qint32 n = pod<qint32>();
        QStringList l;
        if (n > 0 && n <= (m_end - m_p) / 4)
            l.reserve(n);
        for (qint32 i = 0; i < n && m_ok; ++i)
            l << str();
        m_ok = m_ok && n >= 0;
        return l;
    }
    // In place: the script's own field, not a temporary moved into it.
    void header(HeaderValue &v)
    {
        v.importedItems.clear();
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

    // The bytes of a length-prefixed block, unread.
    QByteArrayView block()
    {
        const qint32 n = pod<qint32>();
        if (n < 0 || m_end - m_p < n) {
            m_ok = false;
            return {};
        }
        const QByteArrayView b(m_p, n);
        m_p += n;
        return b;
    }
    bool atEnd() const { return m_p == m_end; }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

// Everything of a script the cache keeps but its path, which the entry
// holds. A block of its own, prefixed by its length: loading the cache
// skips it, and only a file this run asks for is decoded, straight into
// the caller's script.
void writeScript(Writer &out, const RevisionScript &s)
{
    const qsizetype lengthAt = out.size();
    out.pod(qint32(0));
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
    out.patch(lengthAt, qint32(out.size() - lengthAt - qsizetype(sizeof(qint32))));
}

bool readScript(QByteArrayView block, RevisionScript *s)
{
    Reader in(block.data(), block.size());
    s->fileName = in.str();
    in.header(s->revision);
    in.header(s->downRevision);
    in.header(s->branchLabels);
    in.header(s->dependsOn);
    s->hasDocstring = in.pod<bool>();
    s->docstring = in.str();
    s->docstringLine = in.pod<qint32>();
    s->createDate = in.str();
    s->upgradeLine = in.pod<qint32>();
    s->downgradeLine = in.pod<qint32>();
    s->imports = in.list();
    s->stores = in.stores();
    s->importTimeCode = in.str();
    s->importTimeLine = in.pod<qint32>();
    return in.ok() && in.atEnd();
}

} // namespace

bool FileStamp::of(int dirFd, const QByteArray &name, FileStamp *out)
{
    struct stat st {};
    if (::fstatat(dirFd, name.constData(), &st, 0) != 0)
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
    // A cache another user could write is never read: its checksum only
    // catches accidents, not a forger who recomputes it.
    if (!enabled() || !isPrivateDirectory(QFileInfo(m_file).path()))
        return;
    Result<QByteArray> file = readProjectFile(m_file, FileLimit::kCache, QStringLiteral("the header cache"));
    if (!file || file->size() < kChecksumSize)
        return;
    const qsizetype size = file->size() - kChecksumSize;
    if (checksum(file->constData(), size) != QByteArrayView(file->constData() + size, kChecksumSize))
        return;
    Reader in(file->constData(), size);
    if (in.pod<quint32>() != kMagic || in.pod<quint32>() != kFormat || in.str() != QLatin1String(RETORT_VERSION))
        return;
    const qint32 count = in.pod<qint32>();
    if (!in.ok() || count < 0)
        return;
    std::vector<Entry> entries;
    entries.reserve(size_t(std::min<qint32>(count, qint32(size / 64))));
    for (qint32 i = 0; i < count && in.ok(); ++i) {
        Entry e;
        e.path = in.block();
        e.stamp.size = in.pod<qint64>();
        e.stamp.mtimeNs = in.pod<qint64>();
        e.stamp.ctimeNs = in.pod<qint64>();
        e.stamp.inode = in.pod<quint64>();
        e.stamp.device = in.pod<quint64>();
        e.script = in.block();
        entries.push_back(e);
    }
    if (in.ok() && in.atEnd() && entries.size() == size_t(count)) {
        m_bytes = std::move(file.value());
        m_entries = std::move(entries);
    }
}

const ScriptCache::Entry *ScriptCache::find(int position, const QString &path)
{
    if (position >= 0 && size_t(position) < m_entries.size()
        && QAnyStringView::equal(QUtf8StringView(m_entries[size_t(position)].path), path))
        return &m_entries[size_t(position)];
    ++m_misplaced;
    std::call_once(m_indexed, [this] {
        m_index.reserve(qsizetype(m_entries.size()));
        for (size_t i = 0; i < m_entries.size(); ++i)
            m_index.insert(QString::fromUtf8(m_entries[i].path), int(i));
        m_hashed = int(m_entries.size());
    });
    const int at = m_index.value(path, -1);
    return at >= 0 ? &m_entries[size_t(at)] : nullptr;
}

bool ScriptCache::take(int position, const QString &path, const FileStamp &stamp, RevisionScript *out)
{
    const Entry *e = find(position, path);
    if (!e || !(e->stamp == stamp))
        return false;
    out->path = path;
    if (readScript(e->script, out))
        return true;
    *out = RevisionScript();  // a block the checksum let through but this build cannot read
    return false;
}

void ScriptCache::save(const QStringList &paths, const std::vector<FileStamp> &stamps,
                       const QVector<RevisionScript> &scripts, const std::vector<char> &cached) const
{
    if (!enabled())
        return;
    std::vector<int> kept;
    kept.reserve(size_t(paths.size()));
    bool changed = m_misplaced > 0;
    for (int i = 0; i < paths.size(); ++i) {
        const RevisionScript &s = scripts[i];
        if (stamps[size_t(i)].size < 0 || !s.problems.isEmpty() || s.hasSyntaxError)
            continue;
        kept.push_back(i);
        changed = changed || !cached[size_t(i)];
    }
    if (!changed && kept.size() == m_entries.size())
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
    out.pod(qint32(kept.size()));
    for (int i : kept) {
        const FileStamp &stamp = stamps[size_t(i)];
        out.str(paths[i]);
        out.pod(stamp.size);
        out.pod(stamp.mtimeNs);
        out.pod(stamp.ctimeNs);
        out.pod(stamp.inode);
        out.pod(stamp.device);
        writeScript(out, scripts[i]);
    }
    const QByteArray sum = checksum(out.data(), out.size());
    QByteArray bytes = out.take();
    bytes += sum;
    f.write(bytes);
    f.commit();
}

} // namespace retort
