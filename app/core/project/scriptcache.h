#pragma once

#include "project/revisionscript.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QVector>

#include <atomic>
#include <mutex>
#include <vector>

namespace retort {

// What identifies one version of a file on disk: if any of these changed,
// the file may have changed.
struct FileStamp {
    qint64 size = -1;
    qint64 mtimeNs = 0;
    qint64 ctimeNs = 0;
    quint64 inode = 0;
    quint64 device = 0;

    // name inside the folder open as dirFd: no path walk per file.
    static bool of(int dirFd, const QByteArray &name, FileStamp *out);
    bool operator==(const FileStamp &o) const
    {
        return size == o.size && mtimeNs == o.mtimeNs && ctimeNs == o.ctimeNs && inode == o.inode
               && device == o.device;
    }
};

// The headers of revision files read in an earlier run, keyed by path and
// stamp, so that unchanged files are not parsed again (as git's index does
// for its work tree). Only files read without problems are kept. A stale,
// unreadable or foreign cache file is ignored, never trusted.
class ScriptCache {
public:
    // $RETORT_CACHE_DIR, else the user's cache folder; "off" (or an empty
    // RETORT_CACHE_DIR) disables caching and returns an empty path.
    static QString defaultDirectory();
    // One cache file per set of version locations.
    static QString fileFor(const QString &directory, const QStringList &versionLocations);

    explicit ScriptCache(QString file) : m_file(std::move(file)) {}

    bool enabled() const { return !m_file.isEmpty(); }
    void load();
    // Hands over the cached headers of path when its stamp still matches;
    // each file is taken once. position is the file's place in this run's
    // list: the cache keeps the order of the run that wrote it, so an
    // unchanged project finds every file there without hashing a path.
    // Safe to call from several threads at once for different files.
    bool take(int position, const QString &path, const FileStamp &stamp, RevisionScript *out);
    // Writes this run's files in this order (those with a stamp and no
    // problem), unless they are exactly what was loaded (temp file + rename).
    // cached[i]: scripts[i] came from take().
    void save(const QStringList &paths, const std::vector<FileStamp> &stamps, const QVector<RevisionScript> &scripts,
              const std::vector<char> &cached) const;
    // Entries looked up by path because they were not at their position.
    int entriesHashed() const { return m_hashed; }

private:
    // Views into m_bytes: the path as UTF-8, the script's block undecoded.
    struct Entry {
        QByteArrayView path;
        FileStamp stamp;
        QByteArrayView script;
    };
    const Entry *find(int position, const QString &path);

    QString m_file;
    QByteArray m_bytes;            // the cache file as read
    std::vector<Entry> m_entries;  // as loaded, in the order of the run that wrote them
    std::once_flag m_indexed;
    QHash<QString, int> m_index;   // path -> entry, built at the first file out of place
    int m_hashed = 0;
    std::atomic<int> m_misplaced{0};
};

} // namespace retort
