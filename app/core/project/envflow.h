#pragma once

#include <functional>
#include <map>

namespace retort {

namespace py {
class Module;
struct Expr;
struct FunctionDef;
struct Node;
}

// How control flows through env.py when alembic runs it.

// How many times running env.py's module level calls run_migrations(): 0, 1,
// or 2 for "more than once". At module level (in any block) or through
// env.py's own functions, following the names code uses (calls, and
// callbacks as the async template's run_sync(do_run_migrations)). Branches of
// an if or try count as alternatives, a loop body that gets there as many
// times. *foreign is set when the code also calls into modules other than
// alembic, SQLAlchemy and the standard ones env.py templates use: those may
// run them too.
int migrationRuns(const py::Module &module, bool *foreign);

// The two ways alembic runs env.py, as bits: --sql (context.is_offline_mode()
// is True) and against a database.
enum EnvModeBits : unsigned { kOfflineRun = 1, kOnlineRun = 2, kEitherRun = 3 };

// Whether an expression is alembic's context (or an alias of it).
using IsContext = std::function<bool(const py::Expr *)>;

// Calls fn(child, modes) for each child of node with the modes it runs in
// when node runs in `runs`: the body of `if context.is_offline_mode():` only
// with --sql, its else only against a database (the other way round under
// `not`); any other child in `runs`.
void forEachChildByMode(const py::Node *node, unsigned runs, const IsContext &isContext,
                        const std::function<void(const py::Node *child, unsigned runs)> &fn);

// The modes each of env.py's module-level functions runs in when alembic
// runs env.py: a function takes the modes of the code that names it (a call,
// a callback), followed through env.py's own functions; the branches of an
// `if context.is_offline_mode():` run in one mode each. A function missing
// from the map is never named by code that runs.
std::map<const py::FunctionDef *, unsigned> functionModes(const py::Module &module, const IsContext &isContext);

} // namespace retort
