#pragma once

#include "cliargs.h"
#include "error.h"

#include <QByteArray>
#include <QVector>

namespace retort {
struct ProjectConfig;
struct RevisionScript;
class RevisionGraph;
} // namespace retort

namespace retort::cli {

// What `upgrade`, `downgrade` or `stamp` with --sql wrote: the script on
// stdout, or the text alembic prints before failing (its BEGIN) and the
// error. exitCode 1 stands for alembic's Python traceback exits.
struct OfflineResult {
    QByteArray out;
    Error error;
    int exitCode = 0;
};

// alembic's checks of the revision argument that come before env.py runs,
// for upgrade/downgrade/stamp with or without --sql ("Range revision not
// allowed", ...). An empty error when there is nothing to object to.
Error checkMigrationArguments(const CliArgs &args);

// Renders the offline script of upgrade/downgrade/stamp --sql natively, or
// fails with the step that needs Python. Prints nothing approximate.
OfflineResult runOfflineCommand(const CliArgs &args, const ProjectConfig &config,
                                const QVector<RevisionScript> &scripts, const RevisionGraph &graph);

} // namespace retort::cli
