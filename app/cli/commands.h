#pragma once

#include "cliargs.h"

#include <QByteArray>
#include <QString>

#include <cstdio>

namespace retort::cli {

// What one command printed and how it ended.
struct Outcome {
    QByteArray out;
    QByteArray err;
    int exitCode = 0;
    QString outputError;  // the stream could not take a piece of a listing: why (nothing more was written)
};

// Runs an alembic-style command against the project named by args.config.
// With a stream, the listings (heads, history, branches) write their text to
// it in pieces as they go and the outcome holds only what is left.
Outcome runCommand(const CliArgs &args, std::FILE *stream = nullptr);

} // namespace retort::cli
