#pragma once

#include <QByteArray>
#include <QString>

namespace retort::testsupport {

// alembic 1.8.1 takes a few orders from Python set iteration, which changes
// with PYTHONHASHSEED: branch labels inside "(...)" and after "Branch names:",
// the list after "Branches into:", the "-> child" entries under a branch
// point in `branches`, and which of two revisions reusing a branch label is
// named first. This puts exactly those places in sorted order and
// leaves every other byte alone, so outputs can be compared byte for byte.
QByteArray normalizeSetOrder(const QByteArray &text);

// In an offline (--sql) script, alembic picks which parent row of a merge it
// UPDATEs and which it DELETEs (or INSERTs, unmerging) in set order: this
// replaces each run of two or more version-row statements by its effect, the
// rows removed and added, sorted; every other chunk is kept as it is.
QString normalizeVersionRowOrder(const QByteArray &offlineScript);

} // namespace retort::testsupport
