#pragma once

#include <QPair>
#include <QString>
#include <QVector>

namespace retort {

// A value of a revision body, known without running Python: a literal, a
// sequence or dict of values, or a library object: a call to a known
// constructor ("sa.Column", "sa.text", "op.f", "postgresql.UUID") kept as its
// callee and evaluated arguments for the renderer to interpret, or the
// object itself, not called (`sa.Integer` in `sa.Column("id", sa.Integer)`).
//
// Names are canonical whatever the import form: "sa." for sqlalchemy (and
// sqlalchemy.sql, .types, .schema), "postgresql." for
// sqlalchemy.dialects.postgresql, "op." for alembic.op.
struct PyValue {
    enum class Kind { None, Bool, Int, Float, Str, List, Tuple, Dict, Construct };
    Kind kind = Kind::None;
    bool boolean = false;
    qint64 integer = 0;
    double real = 0.0;
    QString str;                                // Str; Construct: the canonical callee
    QVector<PyValue> items;                     // List, Tuple; Construct: positional arguments
    QVector<QPair<QString, PyValue>> keywords;  // Construct: keyword arguments; Dict: its str keys and
                                                // values in insertion order
    bool called = true;  // Construct: false for the object itself (`sa.Integer`, `sa.func.now`)
    int line = 0;

    bool isStr() const { return kind == Kind::Str; }
    bool isSequence() const { return kind == Kind::List || kind == Kind::Tuple; }
    bool isConstruct(const char *callee) const { return kind == Kind::Construct && str == QLatin1String(callee); }
    const PyValue *keyword(const char *name) const
    {
        for (const auto &k : keywords)
            if (k.first == QLatin1String(name))
                return &k.second;
        return nullptr;
    }
};

// One op.<name>(...) call of a body, its arguments evaluated, or the edge of
// a `with op.get_context().autocommit_block():` (name and call empty).
struct OpCall {
    enum class Kind { Op, EnterAutocommit, LeaveAutocommit };
    QString name;  // "execute", "create_index", ...
    PyValue call;  // Construct "op.<name>"
    int line = 0;
    Kind kind = Kind::Op;
};

} // namespace retort
