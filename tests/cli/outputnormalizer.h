#pragma once

#include <QByteArray>

namespace retort::testsupport {

// alembic 1.8.1 takes a few orders from Python set iteration, which changes
// with PYTHONHASHSEED: branch labels inside "(...)" and after "Branch names:",
// the list after "Branches into:", and the "-> child" lines under a branch
// point in `branches`. This puts exactly those places in sorted order and
// leaves every other byte alone, so outputs can be compared byte for byte.
QByteArray normalizeSetOrder(const QByteArray &text);

} // namespace retort::testsupport
