#pragma once

#include "eval/host.h"
#include "eval/pyvalue.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

#include <optional>

namespace retort {

namespace py {
class Module;
struct Call;
struct Expr;
struct FunctionDef;
struct Stmt;
template <class T> class Span;
} // namespace py

namespace pyeval {

struct Failure {
    int line = 0;
    QString reason;
};

// An exception a body raises on purpose: `raise NotImplementedError("...")`
// (isRaisedException), called or not, its message a value Retort knows.
struct Raised {
    int line = 0;
    QString exception;  // the class: "NotImplementedError"
    QString message;    // str() of the exception: its one argument, empty without one
};

// Evaluates Python statically, as far as the values are known without
// running Python: literals of every form, f-strings, %-formatting and
// str.format, the builtins of builtins.h, names with Python's scoping
// (module-level constants, locals, UnboundLocalError), assignments and
// unpacking, `if` on known values, `for` over known sequences,
// comprehensions, and module-level functions whose body is a single
// `return <expr>` (called by evaluating <expr> with their parameters
// bound). Imports, attributes and calls of library objects and `with`
// statements are answered by the Host. Anything else stops with a reason and
// the line that needs Python.
class Evaluator {
public:
    // Runs the module's top level as far as it is known (imports, constants,
    // function definitions); the host answers for its imports.
    Evaluator(const py::Module &module, Host &host);

    // Runs a function's body (no parameters) from a fresh local scope. A body
    // that ends in a raise Retort knows succeeds, and raised() says so.
    std::optional<Failure> run(const py::FunctionDef &function);
    // The exception the last run() ended in, if any.
    const std::optional<Raised> &raised() const { return m_raised; }

    // For the host: evaluating parts of a statement or call it handles.
    std::optional<PyValue> eval(const py::Expr *e);
    bool evalArguments(const py::Call *call, PyValue &out);
    bool bind(const py::Expr *target, const PyValue &value);
    Flow runBlock(const py::Span<py::Stmt *> &body);
    std::nullopt_t fail(int line, QString reason);
    std::nullopt_t fail(const py::Expr *e, QString reason);
    // The value of a local name as bound, without reading it; nullptr when unbound.
    const PyValue *local(const QString &name) const;
    // The module-level value a name reads in the function, or nullptr when
    // the name is local there or not known.
    const PyValue *global(const QString &name) const;
    const py::FunctionDef *function() const { return m_function; }

private:
    Flow run(const py::Stmt *s);
    Flow runFor(const py::Stmt *s);
    Flow runRaise(const py::Stmt *s);
    std::optional<PyValue> callStatement(const py::Call *call, bool assigned);

    std::optional<PyValue> evalName(const py::Expr *e);
    std::optional<PyValue> evalAttribute(const py::Expr *e);
    std::optional<PyValue> evalCall(const py::Call *call);
    std::optional<PyValue> evalBinOp(const py::Expr *e);
    std::optional<PyValue> evalCompare(const py::Expr *e);
    std::optional<PyValue> evalSubscript(const py::Expr *e);
    std::optional<PyValue> evalComprehension(const py::Expr *e);
    std::optional<PyValue> evalJoinedStr(const py::Expr *e);
    std::optional<PyValue> callFunction(const py::Call *call, int index, const PyValue &args);
    void registerFunction(const py::FunctionDef *f);

    bool bindImport(const py::Stmt *s, QHash<QString, PyValue> &scope);
    void collectLocalNames(const py::FunctionDef &function);
    QString sourceText(const py::Stmt *s) const;

    const py::Module &m_module;
    Host &m_host;
    QHash<QString, PyValue> m_globals;
    QHash<QString, QString> m_unknownGlobals;  // name -> why its value is not known
    QHash<QString, PyValue> m_locals;
    QHash<QString, QString> m_unknownLocals;  // imported inside the function from modules Retort does not run
    QSet<QString> m_localNames;  // every name the function binds (Python's local scope)
    // Module-level functions, referenced from m_globals as Ref::Function
    // with `integer` their index.
    struct Function {
        const py::FunctionDef *def = nullptr;
        QString whyNot;                            // not empty: a call needs Python
        const py::Expr *result = nullptr;          // the returned expression (None when null)
        QVector<std::optional<PyValue>> defaults;  // per positional parameter
        QVector<std::optional<PyValue>> kwDefaults;  // per keyword-only parameter
    };
    QVector<Function> m_functions;
    QVector<int> m_activeFunctions;  // the function calls being evaluated, innermost last
    const py::FunctionDef *m_function = nullptr;  // the body being run
    qint64 m_budget = 0;  // statements and loop iterations left
    Failure m_failure;
    std::optional<Raised> m_raised;
};

} // namespace pyeval
} // namespace retort
