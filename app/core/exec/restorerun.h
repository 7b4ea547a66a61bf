#pragma once

#include "db/connectionsettings.h"
#include "db/versionstate.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace retort {

class RunRecorder;

struct RestoreRun {
    ConnectionSettings connection;  // the database replaced; its password reaches pg_restore only through PGPASSWORD
    // Kind::Restore, targets {the dump}; forceDatabase and disconnectOthers
    // as for a reset-local (resetLocalGuard, recreateDatabase).
    Operation operation;
    VersionTable versionTable;     // the version rows before and after, for the journal
    QStringList searchDirs;        // where pg_restore is looked for; empty: defaultPgDumpSearchDirs()
};

// Replaces the database with a custom-format dump (pg_dump -Fc, the
// confirmation's backup): recreateDatabase() with restoreDump() filling the
// new database before the old one is dropped, so a dump that fails to
// restore, a refusal (not local, other sessions) or a cancel leaves the old
// database as it was. `recorder` (may be null) is told as of a run with no
// steps: the version rows of the old database before, of the restored one
// after. Blocks: call it on a worker or from the CLI.
RunReport restoreDatabase(const RestoreRun &run, const std::shared_ptr<RunRecorder> &recorder,
                          const std::function<bool()> &cancelled, const std::function<void(const QString &)> &log);

} // namespace retort
