#pragma once

#include <QStringView>

namespace retort {

// The most UTF-8 bytes writeUtf8 writes for `units` UTF-16 code units.
constexpr qsizetype maxUtf8Size(qsizetype units) { return 3 * units; }

// Writes text as UTF-8 at out (room for maxUtf8Size(text.size()) bytes) and
// returns the end. What is printed and cached is nearly all ASCII (ids,
// hex, docstrings): those units are copied as they are, without setting up
// an encoder for each string.
char *writeUtf8(char *out, QStringView text);

} // namespace retort
