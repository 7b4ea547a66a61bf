#pragma once

#include "cliargs.h"
#include "bridge/planrenderer.h"
#include "exec/migrationrunner.h"
#include "result.h"
#include "scratch/scratchdatabase.h"

#include <QByteArray>
#include <QVector>

namespace retort::cli {

// The run context every database command shares: the loaded project with
// env.py's options. The graph must outlive it (the CLI keeps it to the end).
Result<ProjectContext> projectContext(const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                                      const RevisionGraph &graph);

// The database named by --url, DATABASE_URL or sqlalchemy.url, with a
// password asked on the terminal when the server wants one nothing gives;
// warnings (unknown URL parameters) are appended to `warnings`.
Result<ConnectionSettings> targetConnection(const CliArgs &args, const ProjectConfig &config, QByteArray *warnings);

// What a scratch database stands in for: `target`'s server major version
// (asked with a short timeout) and a description of it, or why it is
// unknown; with --scratch-url from the command line.
ScratchRequest scratchRequestFor(const CliArgs &args, const Result<ConnectionSettings> &target);

// How step bodies render for a command that plans (online runs, check,
// drift, lint): native first, the project's alembic for the rest, --engine
// choosing; --python, the ini file and section, -x; `mode` is what
// context.is_offline_mode() answers.
PlanRenderSettings planRenderSettings(const CliArgs &args, const ProjectConfig &config, RenderMode mode);

} // namespace retort::cli
