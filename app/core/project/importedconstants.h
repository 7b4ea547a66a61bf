#pragma once

#include "project/revisionreader.h"
#include "project/revisionscript.h"
#include "result.h"

#include <QHash>
#include <QVector>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace retort {

// Header values that name constants of the project's own modules, such as
// `branch_labels = (cli.EXPAND_BRANCH,)` after `from myapp.db import cli`.
// The module is found the way Python's import finds it on the directories
// alembic puts first on sys.path (prepend_sys_path), read statically by the
// revision reader's rules, and the value put in place. What cannot be read
// that way stays a value that needs Python, with the reason.
class ImportedConstants {
public:
    // searchPath: absolute directories, in sys.path order.
    explicit ImportedConstants(QStringList searchPath);

    // The revision files alembic loads: the modules they import and the
    // module attributes they change. A constant that any of them, or any
    // project module they import, may change while the modules run is not
    // read statically (Python's answer depends on the order they run in).
    void setRevisions(const QVector<RevisionScript> &scripts);
    // env.py (read like a project module): what it changes, and imports.
    void setEnvironment(const QString &envPath);

    // An Imported value becomes Literal, or Unresolved with the reason
    // appended to its expression. Other values are left alone.
    void resolve(HeaderValue &value);

    // The first project module the revisions import (directly or through
    // other project modules) whose import may print, raise or fail: "file:line:
    // what", empty when none. alembic imports them with the revisions.
    QString importTimeCodeWhere();

private:
    struct Module {
        QString file;     // empty for a namespace package
        QString package;  // anchor of its relative imports
    };
    Result<HeaderValue> constant(const QString &dotted, int depth);
    Result<HeaderValue> literalOf(HeaderValue value, int depth);
    std::optional<Module> findModule(const QString &dotted);
    struct Constants {
        ModuleConstants read;
        Error error;  // why the module's import would fail (a syntax error, an unreadable file)
        QString file;
    };
    const Constants &constantsOf(const QString &name, const Module &module);
    // Why importing `name` would fail among what Retort can see: its
    // packages' __init__ files and the project modules it imports in turn.
    // A circular import among them needs Python (see moduleError).
    Error importError(const QString &name);
    // Why running `name`'s own file would fail; named: an import statement
    // names it (not only one of its submodules).
    Error moduleError(const QString &name, const Module &module, bool named);
    QString searchPathText() const;
    // Runs through every module the revisions import, gathering the stores.
    void collectStores();
    void addStore(const ModuleStore &store);
    // "pkg.consts.X" as (module, attribute), following modules bound by
    // imports ("cli.branches.X" where cli imported branches); none for an
    // object's attribute or a module that is not the project's.
    std::optional<std::pair<QString, QString>> storedAttribute(const QString &dotted, int depth);
    // Why parts[0..k) (a module) .parts[k] may not hold what its file says
    // (`value`: what the file says, if it says).
    Error storeError(const QStringList &parts, int k, const HeaderValue *value) const;

    QStringList m_searchPath;
    QHash<QString, std::optional<Module>> m_modules;
    QHash<QString, Constants> m_constants;
    QHash<QString, Error> m_importErrors;
    QStringList m_importing;  // the modules being run, outermost first, for cycles
    QStringList m_revisionImports;
    QList<ModuleStore> m_revisionStores;
    bool m_storesCollected = false;
    std::optional<ModuleStore> m_anyStore;                   // one that may change any module
    QHash<QString, QHash<QString, ModuleStore>> m_stores;    // module -> attribute ("*": all) -> where
};

} // namespace retort
