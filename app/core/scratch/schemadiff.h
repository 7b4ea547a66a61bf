#pragma once

#include "scratch/schemasnapshot.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// One difference between two snapshots, seen from the first to the second:
// "column users.email added", "index ix_a dropped", "column users.name
// changed: type character varying(50) -> text".
struct SchemaChange {
    enum class Kind { Added, Dropped, Changed };
    Kind change = Kind::Added;
    QString objectKind;  // "column"
    QString name;        // "users.email"
    // Changed, one per attribute: "type character varying(50) -> text",
    // "NOT NULL -> nullable", "default 0 -> no default"
    QStringList details;
    QString parent;      // SchemaObject::parent

    QString text() const;
};

// What turns `before` into `after`, in a stable order (by kind: schemas,
// types, tables, columns, constraints, indexes, ...; then by name). The
// columns, constraints, indexes, triggers and policies of a table that is
// itself added or dropped are not listed again.
QVector<SchemaChange> diffSchemas(const SchemaSnapshot &before, const SchemaSnapshot &after);

// The changes as lines of text, at most `limit` (0: all) and a count of the rest.
QStringList describeChanges(const QVector<SchemaChange> &changes, int limit = 0);

// A snapshot for reading, in the diff's order of kinds: each object on its
// own line with its attributes ("column users.name: type text; NOT NULL"),
// the columns, constraints, indexes, triggers and policies of a table (or
// view) indented under it.
QStringList describeSnapshot(const SchemaSnapshot &snapshot);

} // namespace retort
