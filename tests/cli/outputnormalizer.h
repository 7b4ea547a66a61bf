#pragma once

#include <QByteArray>

namespace retort::testsupport {

// alembic 1.8.1 takes a few orders from Python set iteration, which changes
// with PYTHONHASHSEED: branch labels inside "(...)" and after "Branch names:",
// the list after "Branches into:", the "-> child" entries under a branch
// point in `branches`, and which of two revisions reusing a branch label is
// named first. This puts exactly those places in sorted order and
// leaves every other byte alone, so outputs can be compared byte for byte.
QByteArray normalizeSetOrder(const QByteArray &text);

} // namespace retort::testsupport
