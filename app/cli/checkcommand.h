#pragma once

#include "cliargs.h"
#include "commands.h"
#include "error.h"

#include <QByteArray>
#include <QVector>

#include <functional>

namespace retort {
struct ProjectConfig;
struct RevisionScript;
class RevisionGraph;
} // namespace retort

namespace retort::cli {

// Where check and drift write their progress lines, as they happen.
using ProgressLog = std::function<void(const QByteArray &line)>;

// alembic's "FAILED: message" on stdout (exit 255), the cause on stderr.
Outcome failedOutcome(const Error &e);

// `retort check [RANGE]`: exit 0 when every revision's downgrade undoes its
// upgrade on a scratch database, 1 naming the revision and the schema
// difference, 255 when the check cannot run.
Outcome runCheckCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                        const RevisionGraph &graph, const ProgressLog &log);

} // namespace retort::cli
