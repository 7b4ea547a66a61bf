#pragma once

#include <QPair>
#include <QString>
#include <QVector>

namespace retort {

// A value of a revision body, known without running Python: a literal, a
// sequence or dict of values, or an object: a call to a known constructor
// ("sa.Column", "sa.text", "op.f", "postgresql.UUID") kept as its callee and
// evaluated arguments for the renderer to interpret, or a reference to an
// object itself, not called (`sa.Integer` in `sa.Column("id", sa.Integer)`,
// the builtin `len`, a module-level function).
//
// Library names are the evaluation host's canonical names whatever the import
// form (see render/alembichost.h): "sa." for sqlalchemy (and sqlalchemy.sql,
// .types, .schema), "postgresql." for sqlalchemy.dialects.postgresql, "op."
// for alembic.op.
struct PyValue {
    enum class Kind { None, Bool, Int, Float, Str, List, Tuple, Dict, Construct };
    // What a reference (a Construct not called) refers to: evaluation
    // dispatches on this, never on the spelling of `str`.
    // `str` names the object for messages and for the renderer, in its
    // namespace ("sa.Integer", "builtins.len", "str.upper", "helper.f").
    enum class Ref : quint8 {
        Library,    // the host's canonical name
        Builtin,    // a Python builtin
        StrMethod,  // a method of the str in items[0]
        Function,   // a module-level function; integer: its index
        Host,       // an object of the host's own: hostKind says which, integer is the host's handle
    };
    Kind kind = Kind::None;
    bool boolean = false;
    qint64 integer = 0;
    double real = 0.0;
    QString str;                                // Str; Construct: the canonical callee
    QVector<PyValue> items;                     // List, Tuple; Construct: positional arguments
    QVector<QPair<QString, PyValue>> keywords;  // Construct: keyword arguments; Dict: its str keys and
                                                // values in insertion order
    bool called = true;  // Construct: false for the object itself (`sa.Integer`, `sa.func.now`)
    Ref ref = Ref::Library;  // Construct not called
    int hostKind = 0;        // Ref::Host: the host's own kind of object
    int line = 0;

    bool isStr() const { return kind == Kind::Str; }
    bool isSequence() const { return kind == Kind::List || kind == Kind::Tuple; }
    bool isConstruct(const char *callee) const { return kind == Kind::Construct && str == QLatin1String(callee); }
    bool isReference() const { return kind == Kind::Construct && !called; }
    bool isReference(Ref r) const { return isReference() && ref == r; }
    // A reference's name within its namespace: "len" for "builtins.len".
    QString member() const { return str.section(QLatin1Char('.'), 1); }
    const PyValue *keyword(const char *name) const
    {
        for (const auto &k : keywords)
            if (k.first == QLatin1String(name))
                return &k.second;
        return nullptr;
    }
};

} // namespace retort
