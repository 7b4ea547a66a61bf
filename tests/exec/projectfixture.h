#pragma once

#include "db/connectionsettings.h"
#include "exec/migrationrunner.h"

#include <QProcessEnvironment>
#include <QString>

namespace retort::testsupport {

// A project loaded the way the CLI loads it, for driving MigrationRunner in process.
struct LoadedProject {
    QString ini;
    QString dir;
    ProjectContext context;
    QString error;  // why loading failed
};
LoadedProject loadProject(const QString &ini);

// ConnectionSettings for a database of the private cluster (TCP, PGPASSFILE).
ConnectionSettings clusterSettings(const QString &url);

// DATABASE_URL for alembic's env.py, no .pyc files in the source tree.
QProcessEnvironment alembicEnv(const QString &url);

// What a run did, in one line for failure messages.
QString describe(const RunReport &report);

// Runs an operation through MigrationRunner + Executor on this thread;
// bodies natively, or with `bridge` as the CLI does by default (native
// first, the steps that need Python through the project's alembic online).
RunReport applyWithRetort(const LoadedProject &project, const QString &url, const Operation &operation,
                          RunOptions options = RunOptions(), bool bridge = false);

// bench/generate_project.py into dir; empty string or the error.
QString generateProject(const QString &dir, const QStringList &options);

} // namespace retort::testsupport
