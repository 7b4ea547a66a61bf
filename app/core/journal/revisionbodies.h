#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace retort {

// A revision file's top-level upgrade() and downgrade() as text: from
// `def` to the end of the function's last statement, line endings as "\n".
// What the journal checksums when a revision is applied, and what `verify`
// compares later: an edit to the header, the docstring or another function
// leaves them alone. A function the file does not define is an empty text
// (so a removed downgrade() is a change too).
struct RevisionBodies {
    QString upgrade;
    QString downgrade;

    QString upgradeSha256() const { return sha256(upgrade); }
    QString downgradeSha256() const { return sha256(downgrade); }
    static QString sha256(const QString &text);  // hex

    // Reads `path` with the Python parser; an error names the file and line
    // (unreadable, not Python).
    static Result<RevisionBodies> read(const QString &path);
    static Result<RevisionBodies> fromSource(const QByteArray &source, const QString &fileName);
};

} // namespace retort
