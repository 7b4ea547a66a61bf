#pragma once

#include "cliargs.h"
#include "onlinecommand.h"

#include <functional>

namespace retort {
struct ProjectConfig;
} // namespace retort

namespace retort::cli {

// `retort restore --from FILE [--force=NAME] [--disconnect-others]
// [--journal-table]`: replaces the database (--url, DATABASE_URL or
// sqlalchemy.url) with a pg_dump -Fc dump (restoreDatabase), local only as
// reset-local. Recorded in the journal as "restore". Progress lines go to
// `log`; 0 when restored, 255 when refused (not local, other sessions, not
// a custom-format dump: "FAILED: ..." on stdout), 1 when pg_restore or the
// database failed, the database then left as it was.
OnlineResult runRestoreCommand(const CliArgs &args, const ProjectConfig &config,
                               const std::function<void(const QByteArray &)> &log);

// `retort reset-local --finish-swap [--force=NAME]`: the database is
// missing because a recreate or restore died between DROP and RENAME;
// renames its complete copy into place (finishSwap), local only as
// reset-local. 0 when done, 255 when refused (nothing to finish, not local,
// a rival run), 1 when the database failed.
OnlineResult runFinishSwapCommand(const CliArgs &args, const ProjectConfig &config,
                                  const std::function<void(const QByteArray &)> &log);

} // namespace retort::cli
