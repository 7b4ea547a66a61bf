#include "scriptloader.h"

#include "project/revisionreader.h"
#include "project/scriptcache.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace retort {

namespace {

// One open, one fstat, one read for a whole file: QFile would stat it three
// times, which is most of the time spent on 10,000 small revision files.
QString readWholeFile(const QString &path, QByteArray *bytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const QString error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return error;
    }
    bytes->resize(qsizetype(st.st_size));
    qsizetype done = 0;
    for (;;) {
        if (done == bytes->size())
            bytes->resize(done + 4096);  // the file grew, or st_size was 0 (e.g. /proc)
        const ssize_t n = ::read(fd, bytes->data() + done, size_t(bytes->size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const QString error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return error;
        }
        if (n == 0)
            break;
        done += n;
        if (done == qsizetype(st.st_size) && st.st_size > 0)
            break;
    }
    ::close(fd);
    bytes->resize(done);
    return {};
}

} // namespace

Result<QList<ScriptLoader::Entry>> ScriptLoader::listEntries(const QString &directory)
{
    // os.listdir order: readdir's, which QDir does not promise to keep.
    DIR *dir = ::opendir(QFile::encodeName(directory).constData());
    if (!dir) {
        Location where;
        where.file = directory;
        return Error(Error::Kind::Io,
                     QStringLiteral("[Errno 2] No such file or directory: %1").arg(directory), where);
    }
    QList<Entry> names;
    while (const dirent *entry = ::readdir(dir)) {
        const QString name = QFile::decodeName(entry->d_name);
        if (name == QLatin1String(".") || name == QLatin1String(".."))
            continue;
        // alembic: (?!\.\#|__init__)(.*\.py)$
        if (!name.endsWith(QLatin1String(".py")) || name.startsWith(QLatin1String(".#"))
            || name.startsWith(QLatin1String("__init__")) || name.contains(QLatin1Char('\n')))
            continue;
        if (entry->d_type == DT_DIR)
            continue;
        names << Entry{name, entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN};
    }
    ::closedir(dir);
    return names;
}

Result<QStringList> ScriptLoader::listRevisionFiles(const QString &directory)
{
    Result<QList<Entry>> entries = listEntries(directory);
    if (!entries)
        return entries.error();
    QStringList names;
    for (const Entry &e : entries.value())
        names << e.name;
    return names;
}

Result<ScriptLoader::Loaded> ScriptLoader::load(const ProjectConfig &config, const QString &cacheDirectory)
{
    Loaded out;
    QStringList paths;
    QSet<QString> seen;
    for (const QString &location : config.versionLocations) {
        if (config.explicitVersionLocations && !QFileInfo::exists(location))
            continue;  // alembic skips configured locations that do not exist
        Result<QList<Entry>> entries = listEntries(location);
        if (!entries)
            return entries.error();
        // alembic compares realpath()s; resolving the folder once and only
        // the files that are links themselves gives the same answer.
        const QString realDir = QFileInfo(location).canonicalFilePath();
        for (const Entry &entry : entries.value()) {
            const QString path = location + QLatin1Char('/') + entry.name;
            const QString real = entry.mayBeLink ? QFileInfo(path).canonicalFilePath()
                                                 : realDir + QLatin1Char('/') + entry.name;
            if (!real.isEmpty() && seen.contains(real)) {
                Location where;
                where.file = path;
                out.warnings << Error(Error::Kind::Config,
                                      QStringLiteral("File %1 loaded twice! ignoring. Please ensure "
                                                     "version_locations is unique.")
                                          .arg(real),
                                      where);
                continue;
            }
            seen.insert(real);
            paths << path;
        }
    }

    ScriptCache cache(ScriptCache::fileFor(cacheDirectory, config.versionLocations));
    out.scripts.resize(paths.size());
    std::vector<FileStamp> stamps(size_t(paths.size()));
    std::vector<char> cached(size_t(paths.size()), 0);
    const int threads = paths.size() > 64 ? std::clamp(int(std::thread::hardware_concurrency()), 1, 8) : 1;
    // Runs `job` on `threads` threads, this one included, handing out indices.
    auto parallel = [&](auto job) {
        std::atomic<int> next{0};
        auto worker = [&] {
            for (int i = next++; i < paths.size(); i = next++)
                job(i);
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(worker);
        worker();
        for (std::thread &t : pool)
            t.join();
    };

    if (cache.enabled()) {
        // The cache file is read while the other cores stat the revision files.
        std::thread loader([&cache] { cache.load(); });
        parallel([&](int i) {
            if (!FileStamp::of(paths[i], &stamps[size_t(i)]))
                stamps[size_t(i)].size = -1;
        });
        loader.join();
    }
    parallel([&](int i) {
        if (stamps[size_t(i)].size >= 0 && cache.lookup(paths[i], stamps[size_t(i)], &out.scripts[i])) {
            cached[size_t(i)] = 1;
            return;
        }
        QByteArray bytes;
        const QString error = readWholeFile(paths[i], &bytes);
        if (!error.isEmpty()) {
            RevisionScript &s = out.scripts[i];
            s.path = paths[i];
            s.fileName = QFileInfo(paths[i]).fileName();
            s.hasSyntaxError = true;
            Location where;
            where.file = paths[i];
            s.problems << Error(Error::Kind::Io, error, where);
            return;
        }
        out.scripts[i] = readRevisionScript(paths[i], bytes);
    });
    if (cache.enabled()) {
        for (int i = 0; i < paths.size(); ++i)
            if (stamps[size_t(i)].size >= 0)
                cache.record(paths[i], stamps[size_t(i)], out.scripts[i], cached[size_t(i)]);
        cache.save();
    }
    out.cachedCount = int(std::count(cached.begin(), cached.end(), 1));
    return out;
}

} // namespace retort
