#pragma once

namespace retort {

namespace py {
class Module;
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

} // namespace retort
