#pragma once

#include "authoringcommand.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace retort::cli {

// The command line in alembic's shape: global options, one command, its
// options and positionals.
struct CliArgs {
    QString config;            // the ini: -c/--config, else $ALEMBIC_CONFIG, else alembic.ini
    QString toml = QStringLiteral("pyproject.toml");  // -c .../pyproject.toml, else $ALEMBIC_CONFIG if one, else pyproject.toml
    QString configError;       // alembic's CommandError for two files of one kind given with -c
    QString name = QStringLiteral("alembic");  // -n/--name: the ini section
    QStringList x;             // -x key=value (accepted, passed to the bridge later)
    QStringList alembicArgv;   // the arguments without Retort's own options: what alembic's sys.argv[1:] would be
    bool raiseErr = false;
    QString url;               // --url: database URL (Retort's addition)
    QString scratchUrl;        // --scratch-url: where check/drift make their scratch database

    QString command;
    bool verbose = false;
    bool resolveDependencies = false;
    bool indicateCurrent = false;
    bool sql = false;
    bool rehearse = false;     // upgrade/downgrade --rehearse: on a scratch copy of the target's schema
    bool purge = false;
    QString tag;
    QString revRange;          // history -r
    bool hasRevRange = false;
    QStringList positionals;
    QString lockTimeout;       // --lock-timeout MS (Retort's addition, online commands)
    QString statementTimeout;  // --statement-timeout MS
    bool noWait = false;       // --no-wait: refuse when another migration holds the lock
    bool journalTable = false; // --journal-table: also record the run in the database's retort.journal
    QString forceDatabase;     // reset-local/restore --force=NAME: this database even when not proven local
    bool recreate = false;     // reset-local --recreate: drop and create the database, then upgrade
    QString resetTo;           // reset-local --recreate --to REV (default heads)
    bool finishSwap = false;   // reset-local --finish-swap: rename a dead run's complete copy into place
    bool disconnectOthers = false;  // reset-local --recreate, restore: DROP DATABASE ... WITH (FORCE)
    QString restoreFrom;       // restore --from FILE: a pg_dump -Fc dump
    QString engine = QStringLiteral("auto");  // --engine auto|native|python (upgrade/downgrade/stamp --sql, engines)
    QString python;            // --python: the interpreter for the alembic bridge
    QString format = QStringLiteral("text");  // engines --format text|json; lint text|json|sarif
    QString failOn = QStringLiteral("error");  // lint --fail-on warning|error
    AuthoringArgs authoring;   // revision / merge options

    bool help = false;
    bool version = false;
};

struct ParseResult {
    std::optional<CliArgs> args;
    QString error;  // argparse-style message when args is empty
};

ParseResult parseArgs(const QStringList &arguments);
// True for the words that name a command (heads, history, ...).
bool isCommandWord(const QString &word);
QString usageText();
QString helpText();

} // namespace retort::cli
