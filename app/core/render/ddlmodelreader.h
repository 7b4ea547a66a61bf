#pragma once

#include "render/ddlmodel.h"
#include "eval/pyvalue.h"

#include <QString>
#include <QStringList>
#include <QVector>

// Builds the schema objects of ddlmodel.h from an evaluated op call's
// arguments as SQLAlchemy 1.4's constructors would (Column, ForeignKey,
// Identity, the constraints, Index). Each returns false with the reason when
// the call uses a form whose output has not been checked against alembic.
namespace retort::ddl {

// A call of the SQLAlchemy constructor `name` (not the class itself).
bool isLibrary(const PyValue &v, const char *name);
// A literal bool or None (false); false when it is neither.
bool literalBool(const PyValue *v, bool &out);
// A keyword of another dialect that its construct_arguments accept for
// `construct` ("Table", "Index", "Column"; dialects/mysql/base.py,
// dialects/sqlite/base.py): SQLAlchemy keeps it for that dialect and
// PostgreSQL's compiler never reads it. Any other "<dialect>_" keyword makes
// SQLAlchemy raise, so it is not one of these.
bool otherDialectArgument(const QString &key, const char *construct);
// A constraint's own name= (str, op.f(str) or None).
bool optionalName(const PyValue *v, QString &out, QString &reason);
// A non-empty literal list of names.
bool namedList(const PyValue *v, QStringList &out, QString &reason, const char *what);

// One keyword of ondelete/onupdate/deferrable/initially/match/use_alter into
// `o`; false with the reason when it is one of them but not valid; `handled`
// tells whether the key was one of them.
bool constraintOption(const QString &key, const PyValue *v, ConstraintOptions &o, bool &handled, QString &reason);

bool readColumn(const PyValue &c, ColumnDef &col, QString &reason);
// op.create_table(name, *columns_and_constraints, schema=, comment=).
bool readCreateTable(const PyValue &c, TableModel &out, QString &reason);
// op.create_index's columns and keywords (postgresql_* options).
bool readIndex(const PyValue *columns, const QVector<QPair<QString, const PyValue *>> &keywords, IndexDef &out,
               QString &reason);

} // namespace retort::ddl
