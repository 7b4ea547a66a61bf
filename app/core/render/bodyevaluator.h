#pragma once

#include "eval/evaluator.h"
#include "render/alembichost.h"
#include "render/opcall.h"

#include <QVector>

#include <optional>

namespace retort {

namespace py {
class Module;
struct FunctionDef;
} // namespace py

// Evaluates an upgrade()/downgrade() body statically into the op calls it
// makes, in the order alembic runs them: Python as far as pyeval::Evaluator
// knows it, alembic and SQLAlchemy as AlembicHost knows them. Anything else
// (a database connection, reflection, the project's own modules, helper
// functions that do more than return a value, while, try, ...) stops with a
// reason and the line that needs Python.
class BodyEvaluator {
public:
    using Failure = pyeval::Failure;

    explicit BodyEvaluator(const py::Module &module, RenderMode mode = RenderMode::Offline);

    // The op calls (and autocommit edges) in execution order, or why Python is needed.
    // A body that raises on purpose succeeds with the calls before the raise
    // and raised() set.
    std::optional<Failure> evaluate(const py::FunctionDef &function, QVector<OpCall> &calls);
    const std::optional<pyeval::Raised> &raised() const { return m_evaluator.raised(); }

private:
    AlembicHost m_host;
    pyeval::Evaluator m_evaluator;  // after m_host: the module's top level is evaluated through it
};

} // namespace retort
