#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

class RevisionGraph;
struct EnvOptions;

// Where alembic keeps its version rows: env.py's version_table and
// version_table_schema (alembic's defaults when env.py sets neither).
struct VersionTable {
    QString name = QStringLiteral("alembic_version");
    QString schema;  // empty: the search_path, as alembic

    static VersionTable fromEnv(const EnvOptions &options);
    // "schema"."table" quoted for PostgreSQL. Always quoting is what
    // SQLAlchemy's quoting amounts to: it leaves only lower-case, legal,
    // non-reserved names bare, and those mean the same quoted.
    QString qualifiedSql() const;
    // schema.table as people write it.
    QString displayName() const;
};

// Quotes an identifier for PostgreSQL ("a""b").
QString quotePgIdentifier(const QString &name);

// What a database says about its place on the graph.
struct VersionState {
    VersionTable table;
    bool tableExists = false;
    QStringList rows;  // version_num values in the order the database returned them
    bool isBase() const { return rows.isEmpty(); }
};

// Reads the version table the way alembic's MigrationContext.get_current_heads
// does: no table means base (no rows); otherwise SELECT version_num, unordered.
Result<VersionState> readVersionState(const QSqlDatabase &db, const VersionTable &table);

// Each version row with the transaction that last wrote it, "version_num@xmin",
// sorted; empty when there is no table. Any later write of the rows, even
// one that puts back the same values (alembic downgrading a revision and
// applying it again), leaves another transaction id.
Result<QStringList> readVersionRowWrites(const QSqlDatabase &db, const VersionTable &table);

// The rows placed on a graph.
struct CurrentRevisions {
    // alembic's ScriptDirectory.get_all_current(rows): the rows and their
    // ancestors through depends_on, filtered to those with no descendant in
    // the set. Ordered: the rows as the database returned them, then
    // revisions reached only through depends_on.
    QVector<int> revisions;
    // Rows that name no revision of the graph, in row order.
    QStringList unknown;
};
CurrentRevisions placeOnGraph(const RevisionGraph &graph, const QStringList &rows);

} // namespace retort
