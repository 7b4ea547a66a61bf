#pragma once

#include "cliargs.h"

#include <QByteArray>
#include <QVector>

namespace retort {
struct ProjectConfig;
struct RevisionScript;
class RevisionGraph;
} // namespace retort

namespace retort::cli {

struct JournalOutcome {
    QByteArray out;
    QByteArray err;
    int exitCode = 0;
};

// `journal`: the database's run history, newest first (DatabaseHistory).
// Damaged records and an unreachable database are warnings on stderr; 255
// when there is no database URL or the local journal cannot be read.
JournalOutcome runJournalCommand(const CliArgs &args, const ProjectConfig &config);

// `verify`: 0 when every revision the database's version rows say is
// applied was applied by a journaled run and its file still has the
// upgrade(), downgrade() and module-level code it was applied with; 1
// listing those that changed (with a unified diff of each changed part whose
// old text the journal kept) and those no journal record lets it check; 255
// on errors, the version rows not read among them.
JournalOutcome runVerifyCommand(const CliArgs &args, const ProjectConfig &config,
                                const QVector<RevisionScript> &scripts, const RevisionGraph &graph);

} // namespace retort::cli
