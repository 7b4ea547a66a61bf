#pragma once

#include "eval/pyvalue.h"

#include <QString>
#include <QVector>

#include <initializer_list>

namespace retort::render {

// The positional-or-keyword parameters of an alembic op or a SQLAlchemy
// constructor, bound in order. Keywords outside `params` are an error
// unless `extraKeywords` accepts them (they land in `extra`).
struct Args {
    QVector<const PyValue *> values;  // nullptr: not given
    QVector<QPair<QString, const PyValue *>> extra;
    QString error;

    bool ok() const { return error.isEmpty(); }
    const PyValue *operator[](int i) const { return values[i]; }
};

Args bindArgs(const PyValue &call, std::initializer_list<const char *> params, bool extraKeywords = false);

// Sets `reason` and returns false: `return fail(reason, "...")`.
bool fail(QString &reason, const QString &why);

bool isNone(const PyValue *v);
// A bool argument: false when not given or None; `ok` false when it is neither bool nor None.
bool boolArg(const PyValue *v, bool fallback, bool &ok);
// An int argument (not bool): `ok` false when not an int.
bool intArg(const PyValue *v, qint64 &out);

// A name: a str or op.f(str), within PostgreSQL's identifier length
// (SQLAlchemy raises IdentifierError beyond it).
bool nameOf(const PyValue *v, QString &out, QString &reason, const char *what);
// An optional schema: None/absent leaves `out` empty.
bool schemaOf(const PyValue *v, QString &out, QString &reason);
// A non-empty literal list of column names, quoted and joined with ", ".
bool columnList(const PyValue *v, QString &out, QString &reason);
// A literal str or sa.text(str) whose text needs no bind processing: no
// ":name" bind parameters and no "\:" escapes. `percentOk`: '%' is kept as is.
bool plainSqlText(const PyValue *v, QString &out, bool percentOk);

// The callee of a Construct without its library prefix when it is one of
// SQLAlchemy's (sa., sa.types., sa.schema., sa.sql.expression.) or the
// PostgreSQL dialect's (postgresql., sa.dialects.postgresql.); `dialect`
// tells which. Empty when neither.
QString libraryName(const PyValue &v, bool *dialect = nullptr);

} // namespace retort::render
