#pragma once

#include <QString>

namespace retort {

// The differences between two texts as a unified diff (three lines of
// context, "---"/"+++" headers with the labels given), as `diff -u` shows
// them; empty when the texts are equal. Texts longer than a few thousand
// lines are compared line by line only as far as a bounded table allows:
// beyond it the whole rest is shown as removed and added.
QString unifiedDiff(const QString &oldText, const QString &newText, const QString &oldLabel,
                    const QString &newLabel);

} // namespace retort
