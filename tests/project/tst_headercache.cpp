// The header cache (ScriptCache) on a warm run: what it costs per file and
// what it refuses. An unchanged project finds each file's entry at the
// file's own place in the listing, hashing no path; a damaged cache file,
// whichever bit is flipped, is not believed.

#include "project/projectconfig.h"
#include "project/projectfile.h"
#include "project/scriptcache.h"
#include "project/scriptloader.h"
#include "filetree.h"

#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

using namespace retort;
using retort::testsupport::writeFile;

namespace {

// A linear project of `count` revisions; its configuration.
ProjectConfig writeChain(const QString &root, int count)
{
    writeFile(root + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = %(here)s/mig\n");
    writeFile(root + QStringLiteral("/mig/env.py"), "");
    QByteArray down = "None";
    for (int i = 1; i <= count; ++i) {
        const QByteArray id = "r" + QByteArray::number(i).rightJustified(4, '0');
        writeFile(root + QStringLiteral("/mig/versions/") + QString::fromLatin1(id) + QStringLiteral(".py"),
                  "\"\"\"" + id + "\"\"\"\nrevision = '" + id + "'\ndown_revision = " + down
                      + "\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
        down = "'" + id + "'";
    }
    Result<ProjectConfig> cfg = ProjectConfig::load(root + QStringLiteral("/alembic.ini"));
    if (!cfg)
        qFatal("%s", qPrintable(cfg.error().toString()));
    return cfg.value();
}

ScriptLoader::Loaded load(const ProjectConfig &cfg, const QString &cacheDir)
{
    Result<ScriptLoader::Loaded> l = ScriptLoader::load(cfg, cacheDir);
    if (!l)
        qFatal("%s", qPrintable(l.error().toString()));
    return l.value();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The address ranges of this process marked for transparent huge pages
// (MADV_HUGEPAGE: "hg" among an area's VmFlags).
QList<std::pair<quintptr, quintptr>> hugePageAreas()
{
    QList<std::pair<quintptr, quintptr>> areas;
    std::pair<quintptr, quintptr> area{0, 0};
    for (const QByteArray &line : readAll(QStringLiteral("/proc/self/smaps")).split('\n')) {
        // "start-end perms ..." opens an area; "Key: value" lines describe it
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        if (dash > 0 && space > dash && line[space - 1] != ':') {
            area = {line.left(dash).toULongLong(nullptr, 16), line.mid(dash + 1, space - dash - 1).toULongLong(nullptr, 16)};
        } else if (line.startsWith("VmFlags:") && line.split(' ').contains("hg")) {
            areas << area;
        }
    }
    return areas;
}

bool inAreas(const void *p, const QList<std::pair<quintptr, quintptr>> &areas)
{
    const auto at = reinterpret_cast<quintptr>(p);
    return std::any_of(areas.cbegin(), areas.cend(), [at](const auto &a) { return at >= a.first && at < a.second; });
}

} // namespace

class TestHeaderCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unchangedFilesAreFoundInPlace()
    {
        QTemporaryDir dir, cacheDir;
        const ProjectConfig cfg = writeChain(dir.path(), 60);
        load(cfg, cacheDir.path());
        QCOMPARE(load(cfg, cacheDir.path()).cachedCount, 60);

        const QString versions = cfg.versionLocations.front();
        Result<QStringList> names = ScriptLoader::listRevisionFiles(versions);
        QVERIFY(names);
        const int fd = ::open(QFile::encodeName(versions).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QStringList paths;
        std::vector<FileStamp> stamps;
        for (const QString &name : names.value()) {
            paths << versions + QLatin1Char('/') + name;
            stamps.emplace_back();
            QVERIFY(FileStamp::of(fd, QFile::encodeName(name), &stamps.back()));
        }
        ::close(fd);

        ScriptCache cache(ScriptCache::fileFor(cacheDir.path(), cfg.versionLocations));
        cache.load();
        for (int i = 0; i < paths.size(); ++i) {
            RevisionScript s;
            QVERIFY(cache.take(i, paths[i], stamps[size_t(i)], &s));
            QCOMPARE(s.path, paths[i]);
            QCOMPARE(s.revision.items, QStringList{QFileInfo(paths[i]).completeBaseName()});
        }
        QCOMPARE(cache.entriesHashed(), 0);

        // Out of place (another listing order): found through the paths,
        // hashed once for the whole run.
        ScriptCache shuffled(ScriptCache::fileFor(cacheDir.path(), cfg.versionLocations));
        shuffled.load();
        for (int i = 0; i < paths.size(); ++i) {
            const int other = paths.size() - 1 - i;
            RevisionScript s;
            QVERIFY(shuffled.take(i, paths[other], stamps[size_t(other)], &s));
            QCOMPARE(s.path, paths[other]);
        }
        QCOMPARE(shuffled.entriesHashed(), 60);

        // A changed file is read again, and the rewritten cache is in this
        // run's order: the next run finds every file in place again.
        writeFile(paths[7], readAll(paths[7]) + "\n# changed\n");
        QCOMPARE(load(cfg, cacheDir.path()).cachedCount, 59);
        ScriptCache again(ScriptCache::fileFor(cacheDir.path(), cfg.versionLocations));
        again.load();
        RevisionScript s;
        const int fd2 = ::open(QFile::encodeName(versions).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(FileStamp::of(fd2, QFile::encodeName(QFileInfo(paths[7]).fileName()), &stamps[7]));
        ::close(fd2);
        QVERIFY(again.take(7, paths[7], stamps[7], &s));
        QCOMPARE(again.entriesHashed(), 0);
    }

    // A command-line load puts what it reads where each 2 MiB costs one
    // page fault, not 512: at 10,000 revisions the faults of fresh 4 KiB
    // pages were a quarter of a warm `heads` (bench/README.md).
    void aCommandLineLoadLiesInHugePages()
    {
        QTemporaryDir dir;
        const int count = 3000;
        const ProjectConfig cfg = writeChain(dir.path(), count);
        // No cache: a load before this one would leave its freed memory to
        // this one's, where a command line run has none.
        Result<ScriptLoader::Loaded> l = ScriptLoader::load(cfg, QString(), nullptr, ScriptLoader::Heap::Reserved);
        QVERIFY(l);
        QCOMPARE(l->scripts.size(), count);
        // What this thread made: the revisions' array, their paths. (A worker
        // may share the arena of a thread QtTest started before the load,
        // which a command-line run does not have.) The huge page the heap's
        // top began in keeps the small pages it had: a small project has a
        // share of its paths there.
        const auto areas = hugePageAreas();
        QVERIFY(inAreas(l->scripts.constData(), areas));
        const auto inHugePages = std::count_if(l->scripts.cbegin(), l->scripts.cend(),
                                               [&areas](const RevisionScript &s) { return inAreas(s.path.constData(), areas); });
        QVERIFY2(inHugePages >= count * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(inHugePages).arg(count)));
    }

    // A block over glibc's 32 MiB mmap threshold is mapped on its own,
    // outside the reserved heap: the header cache of 100,000 revisions
    // (47 MB), read in 4 KiB faults, was a fifth of a warm `heads`' faults.
    void aLargeFileIsReadIntoHugePages()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("headers.bin"));
        writeFile(path, QByteArray(40 << 20, 'x'));
        Result<QByteArray> bytes = readProjectFile(path, FileLimit::kCache, QStringLiteral("the header cache"));
        QVERIFY(bytes);
        QCOMPARE(bytes->size(), qsizetype(40) << 20);
        const auto areas = hugePageAreas();
        // all but the partial 2 MiB pages at either end
        QVERIFY(inAreas(bytes->constData() + (4 << 20), areas));
        QVERIFY(inAreas(bytes->constData() + (36 << 20), areas));
    }

    // Without the checksum a flipped bit in an id or a parent would be
    // believed and rewrite the history: every single-bit change of the
    // file, its checksum included, makes the run read the files afresh.
    void everyFlippedBitIsNoticed()
    {
        QTemporaryDir dir, cacheDir;
        const ProjectConfig cfg = writeChain(dir.path(), 3);
        const ScriptLoader::Loaded fresh = load(cfg, cacheDir.path());
        const QString file = ScriptCache::fileFor(cacheDir.path(), cfg.versionLocations);
        const QByteArray good = readAll(file);
        QVERIFY(good.size() > 100);
        for (qsizetype at = 0; at < good.size(); ++at) {
            QByteArray damaged = good;
            damaged[at] = char(damaged[at] ^ (1 << (at % 8)));
            writeFile(file, damaged);
            const ScriptLoader::Loaded l = load(cfg, cacheDir.path());
            QVERIFY2(l.cachedCount == 0, qPrintable(QStringLiteral("byte %1 flipped, believed").arg(at)));
            for (int i = 0; i < 3; ++i)
                QCOMPARE(l.scripts[i].downRevision.items, fresh.scripts[i].downRevision.items);
        }
    }

    // The cache keeps strings as UTF-8 written without an encoder while
    // they are ASCII: text that is not (accents, CJK, a character outside
    // the BMP, in a docstring, a label and a file name) reads back as the
    // file has it.
    void textThatIsNotAsciiSurvivesTheCache()
    {
        QTemporaryDir dir, cacheDir;
        const ProjectConfig cfg = writeChain(dir.path(), 2);
        const QString path = cfg.versionLocations.front() + QStringLiteral("/r0003_caf\u00e9.py");
        writeFile(path, QStringLiteral("\"\"\"Caf\u00e9 \u65e5\u672c \U0001F600 abcdefgh\u00fc\n\nmore\"\"\"\n"
                                       "revision = 'r0003'\ndown_revision = 'r0002'\n"
                                       "branch_labels = ('br\u00fccke\U0001F600x',)\n")
                            .toUtf8());
        const ScriptLoader::Loaded fresh = load(cfg, cacheDir.path());
        const ScriptLoader::Loaded cached = load(cfg, cacheDir.path());
        QCOMPARE(cached.cachedCount, 3);
        const auto third = [](const ScriptLoader::Loaded &l) {
            return *std::find_if(l.scripts.cbegin(), l.scripts.cend(),
                                 [](const RevisionScript &s) { return s.revision.items == QStringList{"r0003"}; });
        };
        QVERIFY(third(fresh).docstring.contains(QStringLiteral("\U0001F600 abcdefgh\u00fc")));
        QCOMPARE(third(cached).docstring, third(fresh).docstring);
        QCOMPARE(third(cached).branchLabels.items, QStringList{QStringLiteral("br\u00fccke\U0001F600x")});
        QCOMPARE(third(cached).path, path);
        QCOMPARE(third(cached).fileName, QStringLiteral("r0003_caf\u00e9.py"));
    }

    // With recursive_version_locations a file in a sub-folder is stamped
    // (and read) by its path under the version location, not by its bare
    // name: a file of the same name in the top folder once lent it its
    // stamp, and an edit of the sub-folder's file went unseen.
    void aSubFolderFileIsStampedByItsOwnPath()
    {
        QTemporaryDir dir, cacheDir;
        const QString root = dir.path();
        writeFile(root + QStringLiteral("/alembic.ini"),
                  "[alembic]\nscript_location = %(here)s/mig\nrecursive_version_locations = true\n");
        writeFile(root + QStringLiteral("/mig/env.py"), "");
        const auto revision = [](const QByteArray &id, const QByteArray &down) {
            return "revision = '" + id + "'\ndown_revision = " + down + "\n";
        };
        writeFile(root + QStringLiteral("/mig/versions/a.py"), revision("r1", "None"));
        const QString nested = root + QStringLiteral("/mig/versions/sub/a.py");
        writeFile(nested, revision("r2", "'r1'"));
        Result<ProjectConfig> cfg = ProjectConfig::load(root + QStringLiteral("/alembic.ini"));
        QVERIFY(cfg);
        QVERIFY(cfg->recursiveVersionLocations);
        const auto revisionOf = [&](const ScriptLoader::Loaded &l) {
            for (const RevisionScript &s : l.scripts)
                if (s.path == nested)
                    return s.revision.items;
            return QStringList();
        };
        QCOMPARE(revisionOf(load(cfg.value(), cacheDir.path())), QStringList{QStringLiteral("r2")});
        QCOMPARE(load(cfg.value(), cacheDir.path()).cachedCount, 2);

        writeFile(nested, revision("r3", "'r1'") + "# edited\n");
        const ScriptLoader::Loaded edited = load(cfg.value(), cacheDir.path());
        QCOMPARE(revisionOf(edited), QStringList{QStringLiteral("r3")});
        QCOMPARE(edited.cachedCount, 1);
    }
};

QTEST_GUILESS_MAIN(TestHeaderCache)
#include "tst_headercache.moc"
