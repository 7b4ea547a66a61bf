#pragma once

#include "render/typecompiler.h"

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace retort::ddl {

// Plain values for the SQLAlchemy 1.4 schema objects an op builds (Table,
// Column, Index, the constraints), read from the evaluated call by
// ddlmodelreader.h and printed only by the PostgreSQL DDL compiler
// (pgddlcompiler.h). They hold what SQLAlchemy's objects hold, never SQL
// already printed, except SQL text the revision itself wrote (sa.text()).

struct TableDef {
    QString schema, name;
};

// A constraint's referential actions and deferral (ForeignKey,
// ForeignKeyConstraint, UniqueConstraint): ondelete, onupdate, match,
// deferrable, initially, and use_alter (created later by ALTER, not inline).
struct ConstraintOptions {
    QString ondelete, onupdate, initially, match;
    std::optional<bool> deferrable;
    bool useAlter = false;
};

struct ForeignKeyDef {
    QString name;  // empty: unnamed
    QStringList local;
    QString refSchema, refTable;
    QStringList remote;
    ConstraintOptions options;
};

struct UniqueDef {
    QString name;
    QStringList columns;
    ConstraintOptions options;
};

struct CheckDef {
    QString name;
    QString sqltext;
};

struct PrimaryKeyDef {
    QString name;
    QStringList columns;
};

// sa.Identity(...): the options given (absent ones are not printed).
struct IdentityDef {
    bool always = false;
    std::optional<qint64> start, increment, minvalue, maxvalue, cache;
    bool cycle = false;
};

struct ColumnDef {
    // Column(autoincrement=): "auto", False, True, "ignore_fk"
    enum class Autoincrement { Auto, No, Yes, IgnoreFk };

    QString name;
    CompiledType type;
    bool primaryKey = false;
    std::optional<bool> nullable;  // absent: SQLAlchemy's default
    Autoincrement autoincrement = Autoincrement::Auto;
    bool pythonDefault = false;    // default= given (not a Sequence)
    bool sequence = false;         // a sa.Sequence() default
    QString serverDefault;         // the compiled DEFAULT expression
    bool hasServerDefault = false;
    QString comment;
    bool unique = false;
    bool index = false;
    std::optional<IdentityDef> identity;
    QString computed;  // sa.Computed()'s SQL text; empty: none
    QVector<ForeignKeyDef> foreignKeys;  // its own sa.ForeignKey()s
    // named by a table-level ForeignKeyConstraint, which gives it a foreign key too
    bool inForeignKeyConstraint = false;

    // Column.foreign_keys is not empty
    bool hasForeignKey() const { return !foreignKeys.isEmpty() || inForeignKeyConstraint; }

    // Column.nullable as SQLAlchemy sets it when none is given.
    bool effectiveNullable() const
    {
        if (nullable)
            return *nullable;
        return !primaryKey && !identity;
    }
};

// One element of an Index: a column by name, or a sa.text() expression.
struct IndexElement {
    QString column;  // the column's name; empty for an expression
    QString text;    // the expression's SQL text
    QString opclass;  // postgresql_ops for this element; empty: none
};

struct IndexDef {
    QString name;
    TableDef table;
    QVector<IndexElement> elements;
    bool unique = false;
    // postgresql_* dialect options
    bool concurrently = false;
    QString using_;  // lower-case; empty: none
    QStringList include;
    QVector<QPair<QString, QString>> with;  // storage parameter, value as Python's str()
    QString tablespace;
    QString where;
};

// The CREATE TABLE of op.create_table: the table, its columns, the
// table-level constraints in the order given, and the indexes it creates.
struct TableModel {
    TableDef table;
    QVector<ColumnDef> columns;
    std::optional<PrimaryKeyDef> primaryKey;  // a table-level PrimaryKeyConstraint
    // table-level constraints other than the primary key, in the order given
    struct Constraint {
        enum class Kind { Unique, Check, ForeignKey } kind = Kind::Unique;
        UniqueDef unique;
        CheckDef check;
        ForeignKeyDef foreignKey;
    };
    QVector<Constraint> constraints;
    QVector<IndexDef> indexes;  // sa.Index() arguments
    std::optional<QString> comment;
};

// The indexes of the primary key's columns: a table-level
// PrimaryKeyConstraint's in its order, else the columns marked primary_key.
QVector<int> primaryKeyColumns(const TableModel &t);

// PrimaryKeyConstraint._autoincrement_column (sql/schema.py): the column of
// `pk` that becomes SERIAL, or -1. False with a reason for the forms not
// verified against alembic.
bool autoincrementColumn(const QVector<ColumnDef> &cols, const QVector<int> &pk, int &out, QString &reason);

// A name a naming convention made, as the PostgreSQL compiler prints it
// (truncated with a hash when longer than 63 characters).
QString conventionName(const QString &name);
// The name the default naming convention ("ix_%(column_0_label)s") gives an
// index whose first element is `column` (a text() element: its text).
QString defaultIndexName(const TableDef &t, const QString &column);
// The index an index=True column makes.
IndexDef defaultIndex(const TableDef &t, const ColumnDef &col);

} // namespace retort::ddl
