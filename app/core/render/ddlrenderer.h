#pragma once

#include "eval/pyvalue.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace retort {

// Schema operations (create_table, add_column, alter_column, constraints,
// indexes, comments, renames, drops) as alembic 1.8.1 and SQLAlchemy 1.4
// print them for PostgreSQL offline, one statement per list entry, without
// ';'. Each returns false with the reason when the call uses a form whose
// output has not been checked against alembic.
namespace ddl {

// `createdEnums` ("schema.name") are the native enums already created in
// this run: alembic's DDL runner remembers them and creates each only once.
bool createTable(const PyValue &call, QStringList &out, QString &reason, QSet<QString> &createdEnums);
bool dropTable(const PyValue &call, QStringList &out, QString &reason);
bool addColumn(const PyValue &call, QStringList &out, QString &reason);
bool dropColumn(const PyValue &call, QStringList &out, QString &reason);
bool alterColumn(const PyValue &call, QStringList &out, QString &reason);
bool createIndex(const PyValue &call, QStringList &out, QString &reason);
bool dropIndex(const PyValue &call, QStringList &out, QString &reason);
bool createForeignKey(const PyValue &call, QStringList &out, QString &reason);
bool createUniqueConstraint(const PyValue &call, QStringList &out, QString &reason);
bool createCheckConstraint(const PyValue &call, QStringList &out, QString &reason);
bool createPrimaryKey(const PyValue &call, QStringList &out, QString &reason);
bool dropConstraint(const PyValue &call, QStringList &out, QString &reason);
bool renameTable(const PyValue &call, QStringList &out, QString &reason);
bool createTableComment(const PyValue &call, QStringList &out, QString &reason);
bool dropTableComment(const PyValue &call, QStringList &out, QString &reason);
// `<enum>.create(op.get_bind(), checkfirst=False)` and `.drop(...)` on a named
// native enum (the evaluator's "enum_create"/"enum_drop"; the enum is the
// call's only item): CREATE TYPE ... AS ENUM (...) and DROP TYPE ...
bool createEnumType(const PyValue &call, QStringList &out, QString &reason);
bool dropEnumType(const PyValue &call, QStringList &out, QString &reason);

} // namespace ddl

} // namespace retort
