#pragma once

#include "error.h"
#include "python/ast.h"

namespace retort::py {

// The checks CPython's compiler makes after parsing: ast.parse() (which the
// parser mirrors) accepts these modules, compile() and so importlib (and
// alembic) refuse them. 'return', 'yield' and 'await' outside a function,
// 'await' outside an async one, 'break'/'continue' outside a loop, nonlocal
// at module level, a repeated keyword argument or parameter name, a bare
// 'except:' that is not last. The first found, with Python's message and
// position; an empty Error when the module compiles as far as these go.
Error checkCompiles(const Module &module, const QString &fileName);

} // namespace retort::py
