#pragma once

#include "error.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// The version-table options an env.py passes to context.configure(), read
// statically. Defaults are alembic's.
struct EnvOptions {
    QString versionTable = QStringLiteral("alembic_version");
    QString versionTableSchema;  // null: none (the default search_path)
    bool transactionPerMigration = false;
    bool versionTablePk = true;
    // transactional_ddl: given only to say what PostgreSQL already does
    // (True) Retort can follow; False changes both the run and --sql.
    bool transactionalDdl = true;
    int transactionalDdlLine = 0;  // where it is set to False

    QList<Error> problems;   // syntax errors, unresolved values, disagreeing calls
    QStringList found;       // options given as literals ("version_table", ...)
    QStringList unresolved;  // options given but not readable statically
    int configureCalls = 0;  // context.configure(...) calls seen
    bool hasSyntaxError = false;
    // How many times running env.py calls context.run_migrations(), as far
    // as its own code shows: 0 (alembic then does nothing), 1, 2 for "more
    // than once", or -1 when it calls into the project's own modules and
    // cannot be told.
    int migrationRuns = 1;
    // Environment variables env.py reads by name (envvariables.h):
    // "DATABASE_URL" here means the project's URL may come from there.
    QStringList environmentVariables;
};

// The two ways alembic runs env.py: `--sql` (context.is_offline_mode()) and
// against a database.
enum class EnvMode { Offline, Online };

// Parses env.py completely (function bodies included) and reads the
// keyword arguments version_table, version_table_schema,
// transaction_per_migration, version_table_pk and transactional_ddl of every
// context.configure(...) call (also through an alias bound to alembic's
// context) that runs in `mode`: the branches of `if
// context.is_offline_mode():` run in one mode each, a function in the modes
// of the code that names it, anything else in both. A value must be a
// literal (str, None, True, False) or a name bound once to one, in the
// calling function or at module level. When calls of one mode disagree the
// first one wins and a problem is reported.
EnvOptions readEnvOptions(const QString &path, const QByteArray &source, EnvMode mode = EnvMode::Online);

// Reads env.py at envPath: alembic's defaults when the project has none; an
// error naming it when it is there but cannot be read (permissions, not a
// regular file, too large), is not valid Python, does not run the
// migrations exactly once, or decides where the revisions are kept or how
// they are run in a way Retort cannot read or does not follow (a
// version_table it cannot evaluate, options passed through **,
// transactional_ddl=False): defaults in its place would write and read
// another table, or print SQL alembic would not.
Result<EnvOptions> loadEnvOptions(const QString &envPath, EnvMode mode = EnvMode::Online);

} // namespace retort
