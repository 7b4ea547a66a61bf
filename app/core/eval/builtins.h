#pragma once

#include "eval/pyvalue.h"

#include <QString>
#include <QVector>

#include <optional>

namespace retort::pyeval {

// Bounds on values built while evaluating: a body that makes more needs Python.
constexpr int kMaxSequence = 100000;
constexpr int kMaxText = 1 << 20;

PyValue strValue(const QString &s, int line);
PyValue boolValue(bool b, int line);
PyValue intValue(qint64 i, int line);
// A reference to an object itself, not called (see PyValue::Ref).
PyValue referenceValue(PyValue::Ref ref, const QString &name, int line);
// What `for x in v` visits: items, dict keys, characters; false for anything else.
bool iterate(const PyValue &v, QVector<PyValue> &out);
// An int or a bool as an int.
bool asInt(const PyValue &v, qint64 &out);

// The Python builtins evaluated on known values: str, repr, format, int,
// bool, len, range, list, tuple, enumerate, zip, dict.
bool isBuiltin(const QString &name);
// The builtin exception classes a body may raise on purpose and Retort
// recognises (NotImplementedError, Exception, RuntimeError): what real
// projects write in a downgrade() that cannot be undone.
bool isRaisedException(const QString &name);
std::optional<PyValue> callBuiltin(const QString &name, const PyValue &args, int line, QString &why);
// The str methods evaluated: format, join, upper, lower, strip, lstrip,
// rstrip (ASCII text), replace, startswith, endswith.
std::optional<PyValue> callStrMethod(const QString &s, const QString &method, const PyValue &args, int line,
                                     QString &why);

} // namespace retort::pyeval
