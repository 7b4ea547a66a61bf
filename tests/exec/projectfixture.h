#pragma once

#include "db/connectionsettings.h"
#include "exec/migrationrunner.h"
#include "smallproject.h"
#include "testcluster.h"

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

// Every row of `sql` in db, each as "a|b|c" (NULL as "NULL"); or
// "error: ..." as the only entry.
QStringList queryRows(const TestCluster &cluster, const QString &db, const QString &sql);
// Every table of the public schema and its rows, ordered, for comparing two databases.
QStringList tableData(const TestCluster &cluster, const QString &db);

// The fixture project at `fixture` copied into `dir` with its env.py
// configuring transaction_per_migration=True (the revisions are the same);
// `dir`, or an empty string when that fails.
QString perStepCopy(const QString &fixture, const QString &dir);


} // namespace retort::testsupport
