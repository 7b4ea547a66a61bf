#pragma once

#include "db/versionstate.h"
#include "graph/migrationplan.h"
#include "render/stepsql.h"

#include <QString>
#include <QVector>

namespace retort {

// One planned step with everything the executor needs to run and report it.
struct PlannedStep {
    MigrationStep step;
    StepSql sql;        // the body (empty for stamps and `pass` bodies)
    QString revision;   // the revision id whose upgrade()/downgrade() runs; empty for stamps
    QString file;       // its revision file, for error locations
    QString doc;        // the revision's message, for alembic's "Running upgrade a -> b, doc" line
};

// The SQL a run sends, statement by statement, in order (what the GUI
// previews and apply runs): transaction control, the version table's CREATE
// when it is missing, step markers, bodies, version-row statements.
struct PlannedStatement {
    enum class Kind {
        Begin, Commit,
        CreateVersionTable,  // alembic's CREATE TABLE, when the table is missing
        Purge,               // stamp --purge: DELETE FROM the version table
        StepStart,           // "-- Running upgrade a -> b" (no SQL is sent)
        Body,
        VersionRow,          // rowOp indexes steps[step].step.rowOps
        EnterAutocommit,     // COMMIT, then the block runs outside a transaction
        LeaveAutocommit,     // BEGIN again
    };
    Kind kind = Kind::Body;
    int step = -1;  // index into the steps; -1 for run-level statements
    QString sql;    // as sent, without ';' (StepStart: the step's short log)
    int line = 0;   // the op call's line for Body statements
    int rowOp = -1;
};
// alembic's online order: one transaction around everything, or with
// transaction_per_migration the version table's CREATE on its own and one
// transaction per step. A step that raises on purpose (a preview's last,
// MigrationRunner::RaisingStep::Show) ends them after what it emits: alembic
// fails there. Such statements are shown, never run.
QVector<PlannedStatement> statementsFor(const QVector<PlannedStep> &steps, bool versionTableExists,
                                        const VersionTable &table, bool versionTablePk, bool transactionPerMigration,
                                        bool purge = false);
// The statements as one script, for display (";" and blank lines, "-- Running" markers).
QString scriptText(const QVector<PlannedStatement> &statements);
// The raise of a step that raises on purpose (the last of a preview), or nullptr.
const StepRaise *planRaise(const QVector<PlannedStep> &steps);

} // namespace retort
