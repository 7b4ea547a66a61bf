#pragma once

#include "graph/migrationplan.h"
#include "render/stepsql.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// What env.py and the revision modules print() outside the steps, where
// alembic's --sql has it: before its first line (BEGIN), after it and before
// the steps, after the steps and before the last line (COMMIT), after it.
struct OfflineFrame {
    QString head;
    QString start;
    QString end;
    QString tail;
};

// How env.py configured the version table and transactions, for --sql.
struct OfflineOptions {
    QString versionTable = QStringLiteral("alembic_version");
    QString versionTableSchema;  // empty: unqualified
    bool versionTablePk = true;
    bool transactionPerMigration = false;
};

// Frames planned steps into alembic 1.8.1's offline PostgreSQL script:
// BEGIN/COMMIT (once, or per step with transaction_per_migration), the
// version table's CREATE when a step starts from no heads, each step's
// "-- Running ..." marker, its body statements, its version-row statements,
// and the DROP of the version table when the run ends with no heads.
class OfflineScript {
public:
    explicit OfflineScript(OfflineOptions options);

    // bodies[i] holds step i's body (empty for a step that renders no SQL). startHeads are the
    // version rows before the first step (needed when there are no steps).
    QString render(const QVector<MigrationStep> &steps, const QVector<StepBody> &bodies,
                   const QStringList &startHeads, const OfflineFrame &frame = {}) const;

    // The single statements, without ';'.
    QString createVersionTable() const;
    QString dropVersionTable() const;
    QString rowStatement(const VersionRowOp &op) const;

private:
    static void chunk(QString &out, const QString &text);
    static QString bodyChunk(const SqlStatement &statement);

    OfflineOptions m_options;
    QString m_table;   // quoted, schema-qualified
    QString m_column;  // table.version_num for WHERE and RETURNING
};

} // namespace retort
