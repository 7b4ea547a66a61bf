#pragma once

#include "checkcommand.h"

namespace retort::cli {

// `retort drift`: exit 0 when the database's schema is the one its version
// rows give, 1 listing the differences ("column users.note added": present
// in the database, made by no revision), 255 when it cannot be compared.
Outcome runDriftCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                        const RevisionGraph &graph, const ProgressLog &log);

} // namespace retort::cli
