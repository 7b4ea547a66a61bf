#include "cli.h"

namespace retort::cli {

bool wantsCli(int, char *[]) { return true; }
int run(int, char *[]) { return 0; }

} // namespace retort::cli
