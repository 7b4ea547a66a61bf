#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>

namespace retort::cli {

// Writes all of `bytes` to `stream` (after what stdio holds for it), waiting
// while the descriptor is full: a parent may have left it non-blocking
// (O_NONBLOCK on a shared pipe), where fwrite drops what does not fit and
// the text would end early with exit 0. False, with `error` set, when the
// output cannot be written (a closed descriptor, a full disk).
bool writeFully(std::FILE *stream, const QByteArray &bytes, QString *error);

} // namespace retort::cli
