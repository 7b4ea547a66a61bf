#pragma once

#include "cliargs.h"

#include <QByteArray>

namespace retort::cli {

// What one command printed and how it ended.
struct Outcome {
    QByteArray out;
    QByteArray err;
    int exitCode = 0;
};

// Runs an alembic-style command against the project named by args.config.
Outcome runCommand(const CliArgs &args);

} // namespace retort::cli
