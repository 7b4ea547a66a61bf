#pragma once

#include "render/pyvalue.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <optional>

namespace retort {

namespace py {
class Module;
struct FunctionDef;
struct Stmt;
struct Expr;
} // namespace py

// Evaluates an upgrade()/downgrade() body statically into the op calls it
// makes: literals of every form, module-level constants, sa./sqlalchemy./
// postgresql. constructors, op.f(), `for` over literal sequences, local
// constant assignments. Anything else stops with a reason and a line.
class BodyEvaluator {
public:
    explicit BodyEvaluator(const py::Module &module);

    struct Failure {
        int line = 0;
        QString reason;
    };

    // The op calls in execution order, or why Python is needed.
    std::optional<Failure> evaluate(const py::FunctionDef &function, QVector<OpCall> &calls);

private:
    std::optional<Failure> run(const py::Stmt *s, QVector<OpCall> &calls);
    std::optional<PyValue> eval(const py::Expr *e);
    bool bind(const py::Expr *target, const PyValue &value);
    QString canonicalCallee(const py::Expr *func) const;
    QString sourceText(const py::Stmt *s) const;

    const py::Module &m_module;
    QHash<QString, QString> m_aliases;  // local name -> "op", "sa", "postgresql"
    QHash<QString, PyValue> m_moduleConstants;
    QHash<QString, PyValue> m_locals;
    QString m_lastReason;
    bool m_opCallAllowed = false;  // the statement-level op.<name>(...) itself
};

} // namespace retort
