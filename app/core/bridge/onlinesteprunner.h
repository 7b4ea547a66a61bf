#pragma once

#include "bridge/alembicbridge.h"
#include "bridge/interpreterfinder.h"
#include "bridge/planrenderer.h"
#include "db/connectionsettings.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"

#include <QString>

namespace retort {

// The SQLAlchemy URL of `settings` for the bridge's environment, password
// included (percent-encoded); with an `appName` its own application_name is
// left out, so that PGAPPNAME=appName (set beside it) names the bridge's
// connections, for libpq and, through the bridge, for asyncpg alike.
// Never for logs or argv.
QString bridgeDatabaseUrl(const ConnectionSettings &settings, const QString &appName = QString());

// Runs python-online steps through AlembicBridge::runOnline: one child per
// call, the project's env.py online, against `connection`. The URL reaches
// the child only through its environment (RETORT_BRIDGE_URL, and
// DATABASE_URL for env.py files that read it; PGAPPNAME as well), so its
// connection carries the executor's application_name and can be cancelled;
// the session's lock and statement timeouts go in PGOPTIONS.
// An empty `project.python` is looked up with `interpreter` on first use.
PythonStepRunner bridgeStepRunner(BridgeProject project, InterpreterQuery interpreter, ConnectionSettings connection);

// The step renderer of a run: a PlanRenderer over the project's graph and
// scripts under `settings`, made for each plan; a step it cannot render
// fails the plan with that step's error.
StepRenderer planStepRenderer(const ProjectContext &project, PlanRenderSettings settings);

} // namespace retort
