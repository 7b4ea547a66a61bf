#pragma once

#include "project/importedconstants.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "result.h"

#include <QList>
#include <QVector>

#include <optional>

namespace retort {

class Progress;

// Finds and reads every revision file of a project, in the order alembic
// meets them (version locations in order, directory entries in the order
// the filesystem returns them, or os.walk's with recursive_version_locations),
// on all cores.
class ScriptLoader {
public:
    struct Loaded {
        QVector<RevisionScript> scripts;
        QList<Error> warnings;  // e.g. a file reached through two version locations
        int cachedCount = 0;    // files whose headers came from the cache
        // The first revision file (RevisionScript::importTimeCode), else the
        // first project module the revisions import (ImportedConstants),
        // that may print, raise or fail as alembic imports it: "file:line:
        // what"; empty when none. Project modules are read afresh each run.
        QString importTimeCode;
    };

    // cacheDirectory: where unchanged files' headers are remembered between
    // runs (ScriptCache::defaultDirectory()); empty reads every file.
    // progress (may be null) hears "Reading revision files", file by file, and
    // its cancel flag stops the reading within one file per thread; the answer
    // is then a Cancelled error and the cache is left as it was.
    // Reserved: the process loads, answers and exits (the command line), so
    // the heap may be readied for the load's allocations and kept so
    // (reserveHeapForBulkLoad); a long-lived process (the window) shares it.
    enum class Heap { Shared, Reserved };
    static Result<Loaded> load(const ProjectConfig &config, const QString &cacheDirectory = QString(),
                               Progress *progress = nullptr, Heap heap = Heap::Shared);
    // The revision file names of one folder in readdir order, alembic's filter applied.
    static Result<QStringList> listRevisionFiles(const QString &directory);

private:
    static void resolveImportedHeaders(const ProjectConfig &config, QVector<RevisionScript> &scripts,
                                       std::optional<ImportedConstants> &constants);
    static ImportedConstants projectConstants(const ProjectConfig &config, const QVector<RevisionScript> &scripts);
    struct Entry {
        QString name;
        QByteArray rawName;  // as the folder holds it, for fstatat
        bool mayBeLink = false;
    };
    // subdirs (may be null) gets the folders os.walk would descend into.
    static Result<QList<Entry>> listEntries(const QString &directory, QStringList *subdirs = nullptr);
    static Result<QList<Entry>> walkEntries(const QString &directory);
};

} // namespace retort
