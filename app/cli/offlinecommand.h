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

// Renders the offline script of upgrade/downgrade/stamp --sql with the engine
// args.engine chooses (natively, and through the alembic bridge for the steps
// that need Python), or fails with the step that cannot be rendered. Prints
// nothing approximate; when alembic itself fails on a step, `out` is what
// alembic prints before its traceback and exitCode is 1.
OfflineResult runOfflineCommand(const CliArgs &args, const ProjectConfig &config,
                                const QVector<RevisionScript> &scripts, const RevisionGraph &graph);

// `retort engines [--format text|json] [--engine E]`: for every revision,
// parents first, which engine renders its upgrade() and downgrade() and why.
QByteArray runEnginesCommand(const CliArgs &args, const ProjectConfig &config,
                             const QVector<RevisionScript> &scripts, const RevisionGraph &graph);

} // namespace retort::cli
