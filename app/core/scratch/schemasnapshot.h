#pragma once

#include "result.h"

#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace retort {

// One object of a schema, by name, never by OID: "column users.email" with
// its attributes ("type" -> "character varying(200)", "not null" -> "yes").
// Names are quoted as PostgreSQL's quote_ident() quotes them ("Users"."Email")
// and carry their schema unless it is public. Empty attributes are left
// out, so "no comment" and "comment ''" are the same.
struct SchemaObject {
    QString kind;    // "table", "column", "index", ...
    QString name;    // "users", "users.email", "ix_a", "audit.log", "\"Users\".\"Email\""
    QString parent;  // the table (or view, domain) a column/constraint/index/trigger/policy is on
    QMap<QString, QString> attributes;

    QString key() const { return kind + QLatin1Char(' ') + name; }
};

// A schema as the catalogs describe it: tables, columns (type, default,
// nullability, identity, generated, collation), constraints and indexes with
// their definitions, sequences, views, enums, domains, composite types,
// functions, triggers, policies, extensions, schemas, comments. Ownership
// and privileges are left out. Two databases with the same schema give
// equal snapshots, whatever their OIDs or the order things were made in.
struct SchemaSnapshot {
    QMap<QString, SchemaObject> objects;  // by key()

    bool operator==(const SchemaSnapshot &other) const;
    bool operator!=(const SchemaSnapshot &other) const { return !(*this == other); }
};

struct SnapshotOptions {
    // Left out of the snapshot with everything on it: alembic's version
    // table, whose rows are bookkeeping, not schema. An empty schema means
    // the first schema of the search_path, as alembic does.
    QString excludeTable;
    QString excludeTableSchema;
};

// Reads the snapshot through `db` (PostgreSQL 11 or later).
Result<SchemaSnapshot> readSchemaSnapshot(const QSqlDatabase &db, const SnapshotOptions &options);

} // namespace retort
