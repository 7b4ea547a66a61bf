#pragma once

#include "bridge/planrenderer.h"
#include "cliargs.h"
#include "commands.h"
#include "error.h"
#include "exec/migrationrunner.h"
#include "scratch/scratchdatabase.h"

#include <QByteArray>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace retort {
struct ProjectConfig;
struct RevisionScript;
class RevisionGraph;
} // namespace retort

namespace retort::cli {

// Where check, drift and --rehearse write their progress lines, as they happen.
using ProgressLog = std::function<void(const QByteArray &line)>;

// alembic's "FAILED: message" on stdout (exit 255), the cause on stderr.
Outcome failedOutcome(const Error &e);

// What the commands that work on a scratch database share: the project, the
// target (drift and --rehearse connect to it; check only asks its version),
// the scratch database made for it, and how steps are rendered and run
// there (natively, bridged steps through alembic against the scratch).
struct ScratchSession {
    ProjectContext project;
    std::optional<ConnectionSettings> target;
    std::unique_ptr<ScratchDatabase> scratch;
    PlanRenderSettings render;

    StepRenderer stepRenderer() const;
    PythonStepRunner pythonRunner() const;
};

// Loads the env.py options, resolves the target (asking for a password
// when `targetRequired`), makes the scratch database and logs its note.
Result<std::shared_ptr<ScratchSession>> openScratchSession(const CliArgs &args, const ProjectConfig &config,
                                                           const QVector<RevisionScript> &scripts,
                                                           const RevisionGraph &graph, bool targetRequired,
                                                           const ProgressLog &log);

} // namespace retort::cli
