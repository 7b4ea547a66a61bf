#pragma once

#include "bridge/planrenderer.h"
#include "cliargs.h"

#include <QByteArray>
#include <QVector>

#include <functional>

namespace retort {
struct ProjectConfig;
struct RunReport;
struct RevisionScript;
class RevisionGraph;
} // namespace retort

namespace retort::cli {

// What an online upgrade/downgrade/stamp/reset-local printed on stdout
// (alembic's FAILED line) and stderr after the log, and how it ended:
// 0, 255 for alembic's CommandErrors (a plan that cannot be made, a version
// row that does not match), 1 for database failures (alembic's tracebacks).
struct OnlineResult {
    QByteArray out;
    QByteArray err;
    int exitCode = 0;
};

// Applies the command to the database named by --url, DATABASE_URL or
// sqlalchemy.url. Log lines (alembic's INFO lines) go to `log` as they happen.

OnlineResult runOnlineCommand(const CliArgs &args, const ProjectConfig &config,
                              const QVector<RevisionScript> &scripts, const RevisionGraph &graph,
                              const std::function<void(const QByteArray &)> &log);

} // namespace retort::cli
