#pragma once

namespace retort::cli {

// True when the arguments name a command or an option the CLI answers.
bool wantsCli(int argc, char *argv[]);
// Runs one command; returns the process exit code.
int run(int argc, char *argv[]);

} // namespace retort::cli
