#include "scriptloader.h"

#include "progress.h"
#include "project/heapreserve.h"
#include "project/importedconstants.h"
#include "project/projectfile.h"
#include "project/revisionreader.h"
#include "project/scriptcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

namespace retort {

namespace {

// A folder os.walk descends into: a real folder, not a link to one.
bool isWalkedFolder(const QString &path, unsigned char type)
{
    if (type == DT_DIR)
        return true;
    if (type != DT_UNKNOWN)
        return false;
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

} // namespace

Result<QList<ScriptLoader::Entry>> ScriptLoader::listEntries(const QString &directory, QStringList *subdirs)
{
    // os.listdir order: readdir's, which QDir does not promise to keep.
    DIR *dir = ::opendir(QFile::encodeName(directory).constData());
    if (!dir) {
        if (errno != ENOENT)
            return fileError(directory, errno);
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
        if (subdirs && isWalkedFolder(directory + QLatin1Char('/') + name, entry->d_type)) {
            *subdirs << name;
            continue;
        }
        // alembic: (?!\.\#|__init__)(.*\.py)$
        if (!name.endsWith(QLatin1String(".py")) || name.startsWith(QLatin1String(".#"))
            || name.startsWith(QLatin1String("__init__")) || name.contains(QLatin1Char('\n')))
            continue;
        if (entry->d_type == DT_DIR)
            continue;
        names << Entry{name, QByteArray(entry->d_name), entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN};
    }
    ::closedir(dir);
    return names;
}

// alembic ≥1.10 with recursive_version_locations: os.walk top-down, each
// folder's files in sorted order, then its sub-folders in sorted order;
// a folder whose path ends in __pycache__ gives no files (and its
// sub-folders keep the filesystem's order, as alembic skips the sort there).
Result<QList<ScriptLoader::Entry>> ScriptLoader::walkEntries(const QString &directory)
{
    QList<Entry> out;
    QStringList pending{QString()};  // folders relative to directory, depth first
    while (!pending.isEmpty()) {
        const QString relative = pending.takeFirst();
        const QString folder = relative.isEmpty() ? directory : directory + QLatin1Char('/') + relative;
        QStringList subdirs;
        Result<QList<Entry>> entries = listEntries(folder, &subdirs);
        if (!entries)
            return entries.error();
        const bool cache = folder.endsWith(QLatin1String("__pycache__"));
        if (!cache) {
            QList<Entry> files = entries.value();
            std::sort(files.begin(), files.end(), [](const Entry &a, const Entry &b) { return a.name < b.name; });
            for (Entry &e : files) {
                // both relative to the version location: the files are
                // stat()ed and opened from its folder descriptor
                if (!relative.isEmpty()) {
                    e.name = relative + QLatin1Char('/') + e.name;
                    e.rawName = QFile::encodeName(relative) + '/' + e.rawName;
                }
                out << e;
            }
            std::sort(subdirs.begin(), subdirs.end());
        }
        QStringList next;
        for (const QString &sub : std::as_const(subdirs))
            next << (relative.isEmpty() ? sub : relative + QLatin1Char('/') + sub);
        pending = next + pending;
    }
    return out;
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

// After the cache: what a project module holds is read afresh every time.
// `constants` is made when first needed (the project's modules are read
// through it), and kept for the caller.
void ScriptLoader::resolveImportedHeaders(const ProjectConfig &config, QVector<RevisionScript> &scripts,
                                          std::optional<ImportedConstants> &constants)
{
    for (RevisionScript &s : scripts) {
        for (HeaderValue *h : {&s.revision, &s.downRevision, &s.branchLabels, &s.dependsOn}) {
            if (h->state != HeaderValue::State::Imported)
                continue;
            if (!constants)
                constants.emplace(projectConstants(config, scripts));
            constants->resolve(*h);
        }
    }
}

ImportedConstants ScriptLoader::projectConstants(const ProjectConfig &config, const QVector<RevisionScript> &scripts)
{
    const QDir base(config.workDir.isEmpty() ? QDir::currentPath() : config.workDir);
    QStringList dirs;
    for (const QString &entry : config.prependSysPath)
        dirs << QDir::cleanPath(base.absoluteFilePath(entry));
    ImportedConstants constants(dirs);
    constants.setRevisions(scripts);
    constants.setEnvironment(config.envPath);
    return constants;
}

Result<ScriptLoader::Loaded> ScriptLoader::load(const ProjectConfig &config, const QString &cacheDirectory,
                                                Progress *progress, Heap heap)
{
    const auto cancelled = [progress] { return progress && progress->isCancelled(); };
    Loaded out;
    // The listing's names and paths, before the count is known.
    constexpr qsizetype kHeapForListing = qsizetype(8) << 20;
    if (heap == Heap::Reserved)
        reserveHeapForBulkLoad(kHeapForListing);
    QStringList paths;
    // Where each file is: its folder (an index into dirs) and its name there.
    std::vector<int> folderOf;
    QList<QByteArray> rawNames;
    QStringList dirs;
    QSet<QString> seen;
    for (const QString &location : config.versionLocations) {
        // alembic skips configured locations that do not exist (and, through
        // os.path.exists, those it may not look at: Retort names those).
        struct stat st {};
        if (config.explicitVersionLocations && ::stat(QFile::encodeName(location).constData(), &st) != 0) {
            if (errno == ENOENT || errno == ENOTDIR)
                continue;
            return fileError(location, errno);
        }
        Result<QList<Entry>> entries = config.recursiveVersionLocations ? walkEntries(location)
                                                                         : listEntries(location);
        if (!entries)
            return entries.error();
        // alembic compares realpath()s; resolving the folder once and only
        // the files that are links themselves gives the same answer. Names
        // in one folder differ, so only a second location or a link can
        // load a file twice.
        const QString realDir = QFileInfo(location).canonicalFilePath();
        const bool mayRepeat = config.versionLocations.size() > 1
                               || std::any_of(entries->cbegin(), entries->cend(),
                                              [](const Entry &e) { return e.mayBeLink; });
        dirs << location;
        for (const Entry &entry : entries.value()) {
            const QString path = location + QLatin1Char('/') + entry.name;
            if (mayRepeat) {
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
            }
            paths << path;
            folderOf.push_back(int(dirs.size()) - 1);
            rawNames << entry.rawName;
        }
    }

    // About what a revision costs once read and put in the graph, docstring
    // included (3 KiB at 10,000 of the bench's shapes); more only reserves
    // address space.
    constexpr qsizetype kHeapPerRevision = 4096;
    if (heap == Heap::Reserved)
        reserveHeapForBulkLoad(kHeapForListing + paths.size() * kHeapPerRevision);
    ScriptCache cache(ScriptCache::fileFor(cacheDirectory, config.versionLocations));
    // Reserved before it is filled, so that its pages are not yet made.
    out.scripts.reserve(paths.size());
    adviseHugePages(out.scripts.constData(), out.scripts.capacity() * qsizetype(sizeof(RevisionScript)));
    out.scripts.resize(paths.size());
    std::vector<FileStamp> stamps(size_t(paths.size()));
    std::vector<char> cached(size_t(paths.size()), 0);
    // The folders stay open while their files are stat()ed and read.
    std::vector<int> dirFds;
    for (const QString &dir : std::as_const(dirs))
        dirFds.push_back(::open(QFile::encodeName(dir).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    auto readOne = [&](int i) {
        if (stamps[size_t(i)].size >= 0 && cache.take(i, paths[i], stamps[size_t(i)], &out.scripts[i])) {
            cached[size_t(i)] = 1;
            return;
        }
        const int dirFd = dirFds[size_t(folderOf[size_t(i)])];
        Result<QByteArray> bytes = dirFd >= 0 ? readProjectFileAt(dirFd, rawNames[i], paths[i], FileLimit::kRevision,
                                                                  QStringLiteral("a revision file"))
                                              : readProjectFile(paths[i], FileLimit::kRevision,
                                                                QStringLiteral("a revision file"));
        if (!bytes) {
            RevisionScript &s = out.scripts[i];
            s.path = paths[i];
            s.fileName = QFileInfo(paths[i]).fileName();
            s.hasSyntaxError = true;
            s.problems << bytes.error();
            return;
        }
        out.scripts[i] = readRevisionScript(paths[i], bytes.value());
    };
    const int threads = paths.size() > 64 ? std::clamp(int(std::thread::hardware_concurrency()), 1, 8) : 1;
    // Runs `job` on `threads` threads, this one included, handing out indices
    // until all are done or the work is cancelled.
    auto parallel = [&](auto job) {
        std::atomic<int> next{0};
        auto worker = [&] {
            for (int i = next++; i < paths.size() && !cancelled(); i = next++)
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
            const int fd = dirFds[size_t(folderOf[size_t(i)])];
            if (fd < 0 || !FileStamp::of(fd, rawNames[i], &stamps[size_t(i)]))
                stamps[size_t(i)].size = -1;
        });
        loader.join();
    }
    if (progress)
        progress->begin(QStringLiteral("Reading revision files"), paths.size());
    parallel([&](int i) {
        readOne(i);
        if (progress)
            progress->advance();
    });
    if (progress)
        progress->end();
    for (int fd : dirFds)
        if (fd >= 0)
            ::close(fd);
    if (cancelled())
        return Progress::cancelledError(QStringLiteral("Reading the revision files"));
    cache.save(paths, stamps, out.scripts, cached);
    out.cachedCount = int(std::count(cached.begin(), cached.end(), 1));
    std::optional<ImportedConstants> constants;
    resolveImportedHeaders(config, out.scripts, constants);
    // the revision files, then the project modules they import, run as
    // alembic imports them
    for (const RevisionScript &s : std::as_const(out.scripts)) {
        if (s.importTimeLine > 0 && !s.hasSyntaxError) {
            out.importTimeCode = QStringLiteral("%1:%2: %3").arg(s.path).arg(s.importTimeLine).arg(s.importTimeCode);
            break;
        }
    }
    if (out.importTimeCode.isEmpty()
        && std::any_of(out.scripts.cbegin(), out.scripts.cend(), [](const RevisionScript &s) { return !s.imports.isEmpty(); })) {
        if (!constants)
            constants.emplace(projectConstants(config, out.scripts));
        out.importTimeCode = constants->importTimeCodeWhere();
    }
    return out;
}

} // namespace retort
