#pragma once

#include "project/revisionscript.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <string_view>

namespace retort::py {
struct Module;
}

namespace retort {

// What running a module may change besides its own module-level
// assignments, read statically: names it rebinds from inside functions or
// expressions, whether it reaches namespaces by name, and the attributes of
// other modules it assigns or deletes.
struct ImportTimeEffects {
    // Declared `global`/`nonlocal` in a function or class body, or bound by
    // a walrus: the module-level value may not be the last assignment's.
    QStringList reboundNames;
    // The first use of globals(), vars(), exec(), eval(), setattr(),
    // delattr(), __import__, sys.modules or __dict__ (empty: none) and its line.
    QString reflective;
    int reflectiveLine = 0;
    // `mod.NAME = ...`, `mod.NAME += ...`, `del mod.NAME`, `for mod.NAME in`,
    // `setattr(mod, ...)` where mod is an imported module; and, marked
    // `mutation`, `mod.NAME` used where its object may be changed in place
    // (`mod.NAME.append(...)`, `mod.NAME[0] = ...`, passed to a function,
    // bound to another name): that matters only when NAME holds a list.
    QList<ModuleStore> stores;
    // Every module any import statement of it names (absolute; blocks and
    // functions included, `import_module("x")` too), for finding what the
    // modules it may run change.
    QStringList imports;
    // The module's own names used where their object may be changed in place
    // (same rule): a list they hold may not be what the file spells out.
    QStringList escapedNames;
};

// The first module-level code of a module that, run at import, may print or
// raise: a call made for its effect (`print(...)`, `setup()`), any print()
// call, `raise`, `assert`. Bodies of functions and lambdas are not read
// (they run when called, and a call at module level is found itself).
// alembic imports every revision file for every command: what they print
// comes first in its output, and a raise ends the command.
struct ImportTimeRun {
    QString what;  // e.g. "print(...)", "raise", "setup()"; empty when none
    int line = 0;
};
ImportTimeRun importTimeRun(const py::Module &module);

// `from <level dots><module> import ...` as the absolute module name, anchored
// at `package` (the importing module's package); empty when it cannot be.
QString absoluteImportModule(const QString &package, uint32_t level, std::string_view module);

// moduleOf(name): the dotted module (or imported name) a module-level name
// is bound to by an import, empty when it is not. Bodies of the functions
// named in `skipFunctions` (module level) are not read: they run after
// alembic has read the headers (a revision's upgrade and downgrade).
// `package`: the module's package, for its relative imports.
// `headerNames`: names whose binding to another name or module constant
// (`branch_labels = LABELS`) alembic reads without changing it.
ImportTimeEffects importTimeEffects(const py::Module &module,
                                    const std::function<QString(std::string_view name)> &moduleOf,
                                    const QStringList &skipFunctions = {}, const QStringList &headerNames = {},
                                    const QString &package = {});

} // namespace retort
