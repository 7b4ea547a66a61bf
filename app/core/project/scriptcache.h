#pragma once

#include "project/revisionscript.h"

#include <QHash>
#include <QString>

#include <sys/types.h>

namespace retort {

// What identifies one version of a file on disk: if any of these changed,
// the file may have changed.
struct FileStamp {
    qint64 size = -1;
    qint64 mtimeNs = 0;
    qint64 ctimeNs = 0;
    quint64 inode = 0;
    quint64 device = 0;

    static bool of(const QString &path, FileStamp *out);
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
    // Safe to call from several threads at once.
    bool lookup(const QString &path, const FileStamp &stamp, RevisionScript *out) const;
    // Records a file of this run (found in the cache or read anew); files
    // not recorded are dropped from the cache when it is saved.
    void record(const QString &path, const FileStamp &stamp, const RevisionScript &script, bool wasCached);
    // Writes this run's entries if anything changed (temp file + rename).
    void save() const;

private:
    struct Entry {
        FileStamp stamp;
        RevisionScript script;
    };
    QString m_file;
    QHash<QString, Entry> m_entries;  // as loaded
    QStringList m_hits;               // this run's files found in m_entries
    QHash<QString, Entry> m_fresh;    // this run's files read anew
};

} // namespace retort
