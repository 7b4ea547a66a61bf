#pragma once

#include "eval/pyvalue.h"

#include <QString>

namespace retort::render {

// A Python str as a SQL literal (quotes and backslashes doubled), refused
// when it holds '%': SQLAlchemy doubles it or not depending on env.py's
// paramstyle, which Retort does not evaluate.
bool strLiteral(const QString &value, QString &out, QString &reason);

// Python's repr() of a float (shortest round trip; exponent form below
// 1e-4 and from 1e16), as SQLAlchemy renders a float literal. False for
// nan and infinities.
bool pythonFloatRepr(double value, QString &out);

// A server_default / DEFAULT expression as SQLAlchemy renders it: a str
// quoted, sa.text(...) as written, sa.true()/sa.false(), sa.func.<known>()
// calls.
bool defaultExpression(const PyValue &v, QString &out, QString &reason);

} // namespace retort::render
