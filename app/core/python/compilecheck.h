#pragma once

#include "error.h"
#include "python/ast.h"

namespace retort::py {

// The checks CPython 3.11's compile() makes after parsing: ast.parse()
// (which the parser mirrors) accepts these modules, compile() and so
// importlib (and alembic) refuse them. In Python's order: the future imports
// (future.c), the symbol table (symtable.h), then the code generator's own
// ('return', 'yield', 'await', 'break' and 'continue' out of place, starred
// expressions where no list or tuple takes them, assignments to __debug__,
// a repeated keyword argument, a bare 'except:' that is not last, a late
// 'from __future__ import'). The first found, with Python's message and
// position; an empty Error when the module compiles as far as these go.
Error checkCompiles(const Module &module, const QString &fileName);

} // namespace retort::py
