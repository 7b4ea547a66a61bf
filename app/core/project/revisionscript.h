#pragma once

#include "error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// The value of one module-level header assignment of a revision file
// (revision, down_revision, branch_labels, depends_on), read statically.
struct HeaderValue {
    enum class State {
        Absent,      // the name is never assigned at module level
        Literal,     // evaluated: None, a string, or a tuple/list of strings
        Unresolved,  // something the static reader cannot evaluate
        Imported,    // a literal once the constants it names in other modules are read
    };
    State state = State::Absent;
    bool isNone = false;      // the literal None
    bool isSequence = false;  // a tuple/list (as opposed to a single string)
    QStringList items;        // the strings: one for a str, all elements of a sequence
    // Imported: the indices of items that are dotted paths ("pkg.cli.EXPAND")
    // of module-level constants of other modules; a lone one (isSequence
    // false) stands for the whole value.
    QList<qint32> importedItems;
    QString expression;       // source text of the value when Unresolved or Imported
    int line = 0;             // line of the assignment, 0 when Absent

    bool isLiteral() const { return state == State::Literal; }
};

// Everything Retort knows about one revision file without running Python.
// ScriptCache stores these between runs: a field added here goes into its
// file format too (and bumps its format number).
struct RevisionScript {
    QString path;      // the path alembic prints: version location + '/' + file name
    QString fileName;  // e.g. "1975ea83b712_create_account.py"

    HeaderValue revision;
    HeaderValue downRevision;
    HeaderValue branchLabels;
    HeaderValue dependsOn;

    bool hasDocstring = false;
    QString docstring;    // module.__doc__ exactly as Python would produce it (unstripped)
    int docstringLine = 0;
    QString createDate;   // the text after "Create Date:" in the docstring, if present

    int upgradeLine = 0;    // line of "def upgrade", 0 when absent
    int downgradeLine = 0;  // line of "def downgrade", 0 when absent

    // Syntax errors, undecodable bytes, unresolved header values: each with
    // file and line. A syntax error leaves the header fields as far as read.
    QList<Error> problems;
    bool hasSyntaxError = false;
};

} // namespace retort
