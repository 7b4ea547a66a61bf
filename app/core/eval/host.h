#pragma once

#include "eval/pyvalue.h"

#include <QString>

#include <optional>

namespace retort {

namespace py {
struct Assign;
struct Call;
struct Expr;
struct With;
} // namespace py

namespace pyeval {

class Evaluator;

// How a statement ends. Raise: the body raised an exception Retort knows
// (Evaluator::raised()); Fail: it needs Python.
enum class Flow { Normal, Break, Continue, Return, Raise, Fail };

// What the libraries a body imports mean. The Evaluator knows Python; the
// host knows which modules and objects exist, what their attributes and
// calls evaluate to, and the statements that act on them (an op call, a
// `with` block). A host refuses through Evaluator::fail().
class Host {
public:
    enum class Handled { No, Done, Failed };

    virtual ~Host() = default;

    // The canonical name of the object a dotted path names (an import, or an
    // attribute of a library object: "sqlalchemy.types.Integer"), or an empty
    // string for a module only Python can run.
    virtual QString libraryName(const QString &dotted) const = 0;
    // `base.attr` where base is a Ref::Host reference or a call the host evaluated.
    virtual std::optional<PyValue> attribute(Evaluator &ev, const PyValue &base, const QString &attr,
                                             const py::Expr *e) = 0;
    // `callee(...)` where callee is a Ref::Library or Ref::Host reference.
    virtual std::optional<PyValue> call(Evaluator &ev, const PyValue &callee, const py::Call *call) = 0;
    // A local name bound to a Ref::Host reference is read.
    virtual std::optional<PyValue> readName(Evaluator &ev, const PyValue &value, const QString &name,
                                            const py::Expr *e) = 0;
    // A call standing as a statement (or the value of an assignment when
    // `assigned`): Handled::No leaves it to be evaluated as any call.
    virtual Handled callStatement(Evaluator &ev, const py::Call *call, bool assigned, PyValue &result) = 0;
    // An assignment the host binds itself, or Handled::No.
    virtual Handled assignment(Evaluator &ev, const py::Assign *a) = 0;
    // Every `with` statement: the host says what entering and leaving mean.
    virtual Flow withStatement(Evaluator &ev, const py::With *w) = 0;
};

} // namespace pyeval
} // namespace retort
