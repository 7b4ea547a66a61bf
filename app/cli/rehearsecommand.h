#pragma once

#include "checkcommand.h"

namespace retort::cli {

// `upgrade|downgrade TARGET --rehearse`: the plan run on a scratch copy of
// the target's schema and version rows, each statement with its time; exit
// 0 when it ran through, 1 with the failing statement named, 255 when no
// rehearsal could be made. The target is only read.
Outcome runRehearseCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                           const RevisionGraph &graph, const ProgressLog &log);

} // namespace retort::cli
