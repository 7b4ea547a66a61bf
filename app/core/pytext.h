#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// Python's text semantics where alembic's output depends on them.

// int(text): optional sign, digits with single underscores, surrounding whitespace.
std::optional<long long> pyInt(const QString &text);
// str.strip() with no argument (Unicode whitespace).
QString pyStrip(const QString &text);
// The same, as a view into text.
QStringView pyStripView(QStringView text);
// str.splitlines(): \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
QStringList pySplitlines(const QString &text);
// repr() of a str: quotes and escapes as Python chooses them.
QString pyRepr(const QString &text);
// repr() of a tuple of str: ('a',) or ('a', 'b').
QString pyTupleRepr(const QStringList &items);

} // namespace retort
