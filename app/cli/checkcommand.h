#pragma once

#include "scratchsession.h"

namespace retort::cli {

// `retort check [RANGE]`: exit 0 when every revision's downgrade undoes its
// upgrade on a scratch database, 1 naming the revision and the schema
// difference, 255 when the check cannot run.
Outcome runCheckCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                        const RevisionGraph &graph, const ProgressLog &log);

} // namespace retort::cli
