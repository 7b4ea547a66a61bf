#pragma once

#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "result.h"

#include <QList>
#include <QVector>

namespace retort {

// Finds and reads every revision file of a project, in the order alembic
// meets them (version locations in order, directory entries in the order
// the filesystem returns them), on all cores.
class ScriptLoader {
public:
    struct Loaded {
        QVector<RevisionScript> scripts;
        QList<Error> warnings;  // e.g. a file reached through two version locations
    };

    static Result<Loaded> load(const ProjectConfig &config);
    // The revision file names of one folder in readdir order, alembic's filter applied.
    static Result<QStringList> listRevisionFiles(const QString &directory);

private:
    struct Entry {
        QString name;
        bool mayBeLink = false;
    };
    static Result<QList<Entry>> listEntries(const QString &directory);
};

} // namespace retort
