#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace retort {

// What a revision's SQL depends on in its file, as text (line endings as
// "\n"): what the journal checksums when a revision is applied, and what
// `verify` compares later.
// - upgrade and downgrade: the top-level functions, from `def` to the end of
//   their last statement. A function the file does not define is an empty
//   text (so a removed downgrade() is a change too).
// - module: every other top-level statement, one after the other, as
//   written: the constants, imports, helper functions and classes the
//   functions may use, and the functions' decorators. Left out: the module
//   docstring, comments and blank lines between statements, and the header
//   (revision, down_revision, branch_labels, depends_on), which the graph
//   reads. So an edit there changes no checksum; `TABLE = "a"` becoming
//   `TABLE = "b"` does.
struct RevisionBodies {
    QString upgrade;
    QString downgrade;
    QString module;

    QString upgradeSha256() const { return sha256(upgrade); }
    QString downgradeSha256() const { return sha256(downgrade); }
    QString moduleSha256() const { return sha256(module); }
    static QString sha256(const QString &text);  // hex

    // Reads `path` with the Python parser; an error names the file and line
    // (unreadable, not Python).
    static Result<RevisionBodies> read(const QString &path);
    static Result<RevisionBodies> fromSource(const QByteArray &source, const QString &fileName);
};

} // namespace retort
