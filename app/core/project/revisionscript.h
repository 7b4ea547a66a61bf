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

    // Unresolved because env.py changes what it names: not even alembic's
    // own reading (the bridge, which runs no env.py) says what an upgrade sees.
    // Set after the header cache, never stored.
    bool envDependent = false;

    bool isLiteral() const { return state == State::Literal; }
};

// An assignment or deletion of another module's attribute, found in a
// revision file or a module it imports: what that module's constant holds
// then depends on the order Python runs them in.
struct ModuleStore {
    QString target;  // "pkg.mod.NAME"; "pkg.mod.*" (setattr/delattr on the module); "*" (any module)
    QString what;    // the construct, for messages: "consts.X = ...", "setattr(consts, ...)", "sys.modules"
    QString file;
    int line = 0;
    // The object may be changed in place (a list's append, a subscript
    // store, passed along), not the name rebound: harmless for a str.
    bool mutation = false;
    // The object was handed on (an argument, another name): when it is a
    // module, any of its attributes may be set.
    bool handedOn = false;
    // Made by env.py, which alembic runs for upgrade, downgrade and stamp but
    // not for heads or history: the two kinds of command see different values.
    bool inEnv = false;
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

    // Read only when a header names another module's constant
    // (ImportedConstants): the modules it imports (as ModuleConstants
    // lists them; alembic's and SQLAlchemy's own left out, a project cannot
    // shadow them and still run alembic), and other modules' attributes it
    // changes outside upgrade() and downgrade().
    QStringList imports;  // "a.b" for `import a.b`, "a.b" for `from a import b` (a name or a submodule)
    QList<ModuleStore> stores;

    // The first module-level code that may print or raise when alembic
    // imports the file (ImportTimeRun): only alembic can say what it does,
    // so the commands that load the revisions ask it (bridge/pythonheaders).
    QString importTimeCode;  // e.g. "print()", "raise"; empty when none
    int importTimeLine = 0;

    // Its headers were read by Python through the bridge (bridge/pythonheaders):
    // the static reader could not. Never cached.
    bool headersFromPython = false;

    // Syntax errors, undecodable bytes, unresolved header values: each with
    // file and line. A syntax error leaves the header fields as far as read.
    QList<Error> problems;
    bool hasSyntaxError = false;
};

} // namespace retort
