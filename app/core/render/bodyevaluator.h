#pragma once

#include "render/pyvalue.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

#include <optional>

namespace retort {

namespace py {
class Module;
struct Assign;
struct Call;
struct Expr;
struct FunctionDef;
struct Stmt;
template <class T> class Span;
} // namespace py

// Which run a body is evaluated for: `alembic upgrade --sql` (Offline) or a
// run against a database (Online). Only context.is_offline_mode() tells them apart.
enum class RenderMode { Offline, Online };

// Evaluates an upgrade()/downgrade() body statically into the op calls it
// makes, in the order alembic runs them: literals of every form, f-strings,
// %-formatting and str.format on known values, module-level constants and
// imports of alembic/sqlalchemy in every form, local assignments, `for` over
// known sequences, `if` on known values (context.is_offline_mode(), the
// dialect name), `with op.batch_alter_table(...)` (its ops queued until the
// block ends, as alembic does on PostgreSQL), `with
// op.get_context().autocommit_block()`, `t = op.create_table(...)`.
// Anything else (a database connection, reflection, the project's own
// modules, helper functions that do more than return a value, while, try,
// ...) stops with a reason and the line that needs Python. A module-level
// `def` whose body is a single `return <expr>` is called by evaluating <expr>
// with its parameters bound; `<enum>.create(op.get_bind(), ...)` and
// `.drop(...)` on a named sa.Enum/postgresql.ENUM become the calls
// "enum_create"/"enum_drop": op.get_bind(), called there or kept in a local
// name, is accepted as their bind and nowhere else.
class BodyEvaluator {
public:
    explicit BodyEvaluator(const py::Module &module, RenderMode mode = RenderMode::Offline);

    struct Failure {
        int line = 0;
        QString reason;
    };

    // The op calls (and autocommit edges) in execution order, or why Python is needed.
    std::optional<Failure> evaluate(const py::FunctionDef &function, QVector<OpCall> &calls);

private:
    enum class Flow { Normal, Break, Continue, Return, Fail };
    struct Batch {
        PyValue table;
        PyValue schema;  // None when not given
        QVector<OpCall> queued;
        bool open = true;
    };

    Flow runBlock(const py::Span<py::Stmt *> &body, QVector<OpCall> &calls);
    Flow run(const py::Stmt *s, QVector<OpCall> &calls);
    Flow runWith(const py::Stmt *s, QVector<OpCall> &calls);
    Flow runFor(const py::Stmt *s, QVector<OpCall> &calls);
    // A call at statement level (or as an assignment's value): op.<name>(...)
    // and batch_op.<name>(...) are recorded; anything else is evaluated.
    std::optional<PyValue> callStatement(const py::Call *call, QVector<OpCall> &calls, bool assigned);

    std::optional<PyValue> eval(const py::Expr *e);
    std::optional<PyValue> evalName(const py::Expr *e);
    std::optional<PyValue> evalAttribute(const py::Expr *e);
    std::optional<PyValue> evalCall(const py::Call *call);
    bool evalArguments(const py::Call *call, PyValue &out);
    std::optional<PyValue> evalBinOp(const py::Expr *e);
    std::optional<PyValue> evalCompare(const py::Expr *e);
    std::optional<PyValue> evalSubscript(const py::Expr *e);
    std::optional<PyValue> evalComprehension(const py::Expr *e);
    std::optional<PyValue> evalJoinedStr(const py::Expr *e);
    std::optional<PyValue> callBuiltin(const QString &name, const PyValue &args, int line);
    std::optional<PyValue> callStrMethod(const PyValue &ref, const PyValue &args, int line);
    std::optional<OpCall> batchCall(const PyValue &ref, const PyValue &args, int line);
    // `<enum>.create(op.get_bind(), checkfirst=...)` / `.drop(...)`: true when
    // the call has that shape (then `ok` says whether it was recorded).
    bool enumDdl(const py::Call *call, QVector<OpCall> &calls, bool assigned, bool &ok);
    // `name = op.get_bind()` where every read of name is an enum's bind.
    bool storesMigrationBind(const py::Assign *a);
    std::optional<PyValue> callHelper(const py::Call *call, int index, const PyValue &args);
    void registerHelper(const py::FunctionDef *f);

    bool bind(const py::Expr *target, const PyValue &value);
    bool bindModuleImport(const py::Stmt *s, QHash<QString, PyValue> &scope);
    void collectLocalNames(const py::FunctionDef &function);

    std::nullopt_t fail(int line, QString reason);
    std::nullopt_t fail(const py::Expr *e, QString reason);
    QString sourceText(const py::Stmt *s) const;

    const py::Module &m_module;
    RenderMode m_mode;
    QHash<QString, PyValue> m_globals;
    QHash<QString, QString> m_unknownGlobals;  // name -> why its value is not known
    QHash<QString, PyValue> m_locals;
    QHash<QString, QString> m_unknownLocals;  // imported inside the function from modules Retort does not run
    QSet<QString> m_localNames;  // every name the function binds (Python's local scope)
    QVector<Batch> m_batches;
    // Module-level functions, referenced from m_globals as "helper.<name>"
    // with `integer` their index.
    struct Helper {
        const py::FunctionDef *def = nullptr;
        QString whyNot;                            // not empty: a call needs Python
        const py::Expr *result = nullptr;          // the returned expression (None when null)
        QVector<std::optional<PyValue>> defaults;  // per positional parameter
        QVector<std::optional<PyValue>> kwDefaults;  // per keyword-only parameter
    };
    QVector<Helper> m_helpers;
    QVector<int> m_activeHelpers;  // the helper calls being evaluated, innermost last
    const py::FunctionDef *m_function = nullptr;  // the upgrade()/downgrade() being evaluated
    int m_autocommitDepth = 0;
    qint64 m_budget = 0;  // statements and loop iterations left
    Failure m_failure;
};

} // namespace retort
