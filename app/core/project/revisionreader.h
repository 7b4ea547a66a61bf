#pragma once

#include "project/revisionscript.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace retort {

// Reads a revision file statically, the way alembic would see it when it
// imports the module: the last module-level assignment of revision,
// down_revision, branch_labels and depends_on (plain or annotated, chained,
// tuple-unpacked; a name bound earlier to a literal is followed), the
// module docstring (only when it is the first statement) with its
// "Create Date:", and where def upgrade()/downgrade() are. The whole module
// is parsed, function bodies included, as importing it would. Never throws;
// everything that went wrong is in RevisionScript::problems with file and line.
RevisionScript readRevisionScript(const QString &path, const QByteArray &source);

// The module-level names of another Python module (one a revision file
// imports) whose final values a static reader knows, read by the same
// rules: literals, and the dotted paths of constants it imports in turn.
struct ModuleConstants {
    QHash<QString, HeaderValue> values;
    // What its module-level imports load, absolute dotted names: modules
    // (import a.b), and for `from a import b` "a.b", a name of module a
    // or, when a has none, its submodule.
    QStringList imports, fromImports;
    // Other modules' attributes it assigns or deletes (see ModuleStore),
    // and every module any import statement of it names (ImportTimeEffects).
    QList<ModuleStore> stores;
    QStringList anyImports;
    // Its first module-level code that may print or raise (ImportTimeRun).
    QString importTimeCode;
    int importTimeLine = 0;
};
// package: the module's own package, for its relative imports. A syntax
// error (which stops Python's import) is the error.
Result<ModuleConstants> readModuleConstants(const QString &path, const QByteArray &source, const QString &package);

} // namespace retort
