#pragma once

#include "eval/pyvalue.h"

#include <QString>

#include <optional>

namespace retort::pyeval {

// Python's own semantics on values known without running Python: what
// str(), repr(), format(), `%` and str.format() make of them, truthiness and
// ==. Each returns std::nullopt (and says why in `why`) where Python's result
// is not certain to be reproduced exactly: floats in text, library objects,
// format specifications beyond the common ones, Python's own errors.

std::optional<bool> truth(const PyValue &v);
std::optional<bool> equal(const PyValue &a, const PyValue &b);

std::optional<QString> str(const PyValue &v, QString &why);
std::optional<QString> repr(const PyValue &v, QString &why);
// format(v, spec): str.__format__ and int.__format__ with fill, align, sign,
// '#', '0', width, grouping, precision (str) and the types s, d, x, X, o, b.
std::optional<QString> format(const PyValue &v, const QString &spec, QString &why);
// fmt % args: %s %r %a %d %i %u %x %X %o %% with flags, width and mapping keys.
std::optional<QString> percent(const QString &fmt, const PyValue &args, QString &why);
// fmt.format(*args, **kwargs): automatic or numbered or named fields with a
// conversion and a format spec (no attribute, index or nested fields).
std::optional<QString> strFormat(const QString &fmt, const QVector<PyValue> &args,
                                 const QVector<QPair<QString, PyValue>> &kwargs, QString &why);

} // namespace retort::pyeval
