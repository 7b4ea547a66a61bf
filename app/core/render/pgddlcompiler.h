#pragma once

#include "render/ddlmodel.h"

#include <QString>
#include <QStringList>

#include <optional>

// SQLAlchemy 1.4's PostgreSQL DDL compiler (PGDDLCompiler over DDLCompiler,
// dialects/postgresql/base.py and sql/compiler.py) for the schema objects of
// ddlmodel.h. Each function carries the name of the compiler method it
// corresponds to, so each rule can be read beside its source. Statements
// come without ';'.
namespace retort::pgddl {

QString defineConstraintMatch(const ddl::ConstraintOptions &o);
QString defineConstraintCascades(const ddl::ConstraintOptions &o);
QString defineConstraintDeferrability(const ddl::ConstraintOptions &o);

QString visitPrimaryKeyConstraint(const ddl::PrimaryKeyDef &pk);
QString visitForeignKeyConstraint(const ddl::ForeignKeyDef &fk);
QString visitUniqueConstraint(const ddl::UniqueDef &uq);
QString visitCheckConstraint(const ddl::CheckDef &ck);
// The CHECK (col IN (...)) a non-native Enum(create_constraint=True) adds.
QString visitEnumCheckConstraint(const ddl::ColumnDef &col);

QString visitIdentityColumn(const ddl::IdentityDef &identity);
QString visitComputedColumn(const QString &sqltext);
// `autoincrement`: the column is its table's _autoincrement_column.
QString getColumnSpecification(const ddl::ColumnDef &col, bool autoincrement);

// CREATE TABLE with its columns and constraints (create_table_constraints:
// the primary key, then the others in the order given, then those the
// columns make). `autoincrementColumn`: index into the columns, or -1.
// False when a column makes several constraints (their order comes from a
// Python set).
bool visitCreateTable(const ddl::TableModel &t, int autoincrementColumn, QString &out, QString &reason);
QString visitDropTable(const ddl::TableDef &t);
QString visitAddConstraint(const ddl::TableDef &t, const QString &constraint);
QString visitDropConstraint(const ddl::TableDef &t, const QString &name);

QString visitCreateIndex(const ddl::IndexDef &index);
QString visitDropIndex(const QString &schema, const QString &name, bool concurrently);

QString visitCreateEnumType(const EnumTypeDef &e);
QString visitDropEnumType(const EnumTypeDef &e);

// COMMENT ON TABLE/COLUMN; a null comment is IS NULL.
bool visitSetTableComment(const ddl::TableDef &t, const std::optional<QString> &comment, QString &out, QString &reason);
bool visitSetColumnComment(const ddl::TableDef &t, const QString &column, const std::optional<QString> &comment,
                           QString &out, QString &reason);
QString visitDropTableComment(const ddl::TableDef &t);

} // namespace retort::pgddl
