#include "render/bodyevaluator.h"

#include "python/ast.h"
#include "render/pyevalbuiltins.h"
#include "render/pyevalvalue.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

namespace retort {

namespace {

using pyeval::asInt;
using pyeval::boolValue;
using pyeval::intValue;
using pyeval::iterate;
using pyeval::kMaxSequence;
using pyeval::kMaxText;
using pyeval::strValue;

// A generous bound: real bodies run a few hundred statements.
constexpr qint64 kStatementBudget = 1000000;

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A library object itself: a module, a class, a function (not called).
PyValue reference(const QString &path, int line = 0)
{
    PyValue v;
    v.kind = PyValue::Kind::Construct;
    v.called = false;
    v.str = path;
    v.line = line;
    return v;
}

bool isReference(const PyValue &v)
{
    return v.kind == PyValue::Kind::Construct && !v.called;
}

// The canonical name of a dotted path into alembic or sqlalchemy ("sa.",
// "postgresql.", "op.", "context."), or an empty string for any other module.
QString canonicalPath(const QString &dotted)
{
    QString p = dotted;
    if (p == QLatin1String("sqlalchemy") || p.startsWith(QLatin1String("sqlalchemy.")))
        p = QLatin1String("sa") + p.mid(10);
    if (p == QLatin1String("alembic.op") || p.startsWith(QLatin1String("alembic.op.")))
        p = p.mid(8);
    else if (p == QLatin1String("alembic.context") || p.startsWith(QLatin1String("alembic.context.")))
        p = p.mid(8);
    static const char *const saModules[] = {"sa.sql.expression", "sa.sql.sqltypes", "sa.sql", "sa.types", "sa.schema"};
    if (p == QLatin1String("sa.dialects.postgresql") || p.startsWith(QLatin1String("sa.dialects.postgresql.")))
        p = p.mid(12);
    else
        for (const char *m : saModules) {
            const QLatin1String prefix(m);
            if (p == prefix || (p.startsWith(prefix) && p.at(prefix.size()) == QLatin1Char('.'))) {
                p = QLatin1String("sa") + p.mid(prefix.size());
                break;
            }
        }
    const QString head = p.section(QLatin1Char('.'), 0, 0);
    if (head == QLatin1String("sa") || head == QLatin1String("postgresql") || head == QLatin1String("op")
        || head == QLatin1String("context") || p == QLatin1String("alembic"))
        return p;
    return {};
}

// alembic's module-level operations that emit SQL.
bool isOperation(const QString &name)
{
    static const QSet<QString> ops{
        QStringLiteral("add_column"), QStringLiteral("alter_column"), QStringLiteral("bulk_insert"),
        QStringLiteral("create_check_constraint"), QStringLiteral("create_exclude_constraint"),
        QStringLiteral("create_foreign_key"), QStringLiteral("create_index"), QStringLiteral("create_primary_key"),
        QStringLiteral("create_table"), QStringLiteral("create_table_comment"),
        QStringLiteral("create_unique_constraint"), QStringLiteral("drop_column"), QStringLiteral("drop_constraint"),
        QStringLiteral("drop_index"), QStringLiteral("drop_table"), QStringLiteral("drop_table_comment"),
        QStringLiteral("execute"), QStringLiteral("rename_table"),
    };
    return ops.contains(name);
}

// The batch_op.<name>(...) methods alembic queues on PostgreSQL, with where
// the table name goes among the plain op's positional arguments, how many
// positional arguments the batch method takes, and the schema keyword.
struct BatchShape {
    const char *name;
    int tableAt;
    int maxPositional;
    const char *schemaKeyword;
};

const BatchShape *batchShape(const QString &name)
{
    static const BatchShape shapes[] = {
        {"add_column", 0, 1, "schema"},
        {"drop_column", 0, 1, "schema"},
        {"alter_column", 0, 1, "schema"},
        {"create_index", 1, 2, "schema"},
        {"drop_index", 1, 1, "schema"},
        {"create_foreign_key", 1, 4, "source_schema"},
        {"create_unique_constraint", 1, 2, "schema"},
        {"create_check_constraint", 1, 2, "schema"},
        {"create_primary_key", 1, 2, "schema"},
        {"drop_constraint", 1, 2, "schema"},
    };
    for (const BatchShape &s : shapes)
        if (name == QLatin1String(s.name))
            return &s;
    return nullptr;
}

const char *statementName(const py::Stmt *s)
{
    switch (s->kind) {
    case py::NodeKind::While:
        return "a while loop";
    case py::NodeKind::Try:
    case py::NodeKind::TryStar:
        return "try/except";
    case py::NodeKind::Global:
        return "a global statement";
    case py::NodeKind::Nonlocal:
        return "a nonlocal statement";
    case py::NodeKind::FunctionDef:
    case py::NodeKind::AsyncFunctionDef:
        return "a nested function";
    case py::NodeKind::ClassDef:
        return "a class definition";
    case py::NodeKind::Raise:
        return "raise";
    case py::NodeKind::Assert:
        return "assert";
    case py::NodeKind::Delete:
        return "del";
    default:
        return nullptr;
    }
}

bool checkedAdd(qint64 a, qint64 b, qint64 &out) { return !__builtin_add_overflow(a, b, &out); }
bool checkedSub(qint64 a, qint64 b, qint64 &out) { return !__builtin_sub_overflow(a, b, &out); }
bool checkedMul(qint64 a, qint64 b, qint64 &out) { return !__builtin_mul_overflow(a, b, &out); }

} // namespace

BodyEvaluator::BodyEvaluator(const py::Module &module, RenderMode mode) : m_module(module), m_mode(mode)
{
    m_budget = kStatementBudget;
    // The module's names as they stand when alembic calls upgrade(): the
    // module has run from top to bottom. Names bound by statements Retort
    // does not run (defs, classes, if/try at module level, ...) are unknown.
    for (const py::Stmt *s : module.body) {
        if (s->is<py::Import>() || s->is<py::ImportFrom>()) {
            bindModuleImport(s, m_globals);
            continue;
        }
        const py::Expr *value = nullptr;
        QVector<const py::Expr *> targets;
        if (const auto *assign = s->dyn<py::Assign>()) {
            value = assign->value;
            for (const py::Expr *t : assign->targets)
                targets << t;
        } else if (const auto *ann = s->dyn<py::AnnAssign>(); ann && ann->value) {
            value = ann->value;
            targets << ann->target;
        }
        if (value) {
            m_locals.clear();
            std::optional<PyValue> v = eval(value);
            for (const py::Expr *t : targets) {
                bool bound = v && bind(t, *v);
                if (bound) {
                    for (auto it = m_locals.cbegin(); it != m_locals.cend(); ++it) {
                        m_globals.insert(it.key(), it.value());
                        m_unknownGlobals.remove(it.key());
                    }
                }
                m_locals.clear();
                if (bound)
                    continue;
                py::walk(t, [&](const py::Node *n) {
                    if (const auto *name = n->dyn<py::Name>()) {
                        m_globals.remove(qs(name->id));
                        m_unknownGlobals.insert(qs(name->id),
                                                QStringLiteral("the module-level value of %1 (line %2) is not known: %3")
                                                    .arg(qs(name->id))
                                                    .arg(s->line)
                                                    .arg(m_failure.reason));
                    }
                    return true;
                });
            }
            continue;
        }
        if (const auto *f = s->dyn<py::FunctionDef>()) {
            registerHelper(f);
            continue;
        }
        // Any other statement: every name bound inside it is unknown.
        py::walk(s, [&](const py::Node *n) {
            QString bound;
            if (const auto *name = n->dyn<py::Name>(); name && name->ctx != py::ExprContext::Load)
                bound = qs(name->id);
            else if (const auto *c = n->dyn<py::ClassDef>())
                bound = qs(c->name);
            else if (const auto *f = n->dyn<py::FunctionDef>())
                bound = qs(f->name);
            else if (const auto *a = n->dyn<py::Alias>())
                bound = qs(py::boundName(a, py::NodeKind::Import));
            if (!bound.isEmpty()) {
                m_globals.remove(bound);
                m_unknownGlobals.insert(bound, QStringLiteral("%1 is bound by module-level code at line %2 that Retort does not run")
                                                   .arg(bound)
                                                   .arg(s->line));
            }
            return !n->is<py::FunctionDef>() && !n->is<py::ClassDef>();
        });
    }
    m_locals.clear();
}

bool BodyEvaluator::bindModuleImport(const py::Stmt *s, QHash<QString, PyValue> &scope)
{
    const bool isFrom = s->is<py::ImportFrom>();
    const py::Span<py::Alias *> names = isFrom ? s->as<py::ImportFrom>()->names : s->as<py::Import>()->names;
    for (const py::Alias *a : names) {
        const QString bound = qs(py::boundName(a, s->kind));
        const QString name = qs(a->name);
        QString module;
        QString path;
        if (isFrom) {
            const auto *from = s->as<py::ImportFrom>();
            module = QString(from->level, QLatin1Char('.')) + qs(from->module);
            path = from->level == 0 ? qs(from->module) + QLatin1Char('.') + name : QString();
        } else {
            module = name;
            // `import a.b` binds a; `import a.b as c` binds a.b
            path = a->asname.empty() ? name.section(QLatin1Char('.'), 0, 0) : name;
        }
        if (bound == QLatin1String("*")) {
            m_unknownGlobals.insert(QStringLiteral("*"), module);
            continue;
        }
        const QString canonical = path.isEmpty() ? QString() : canonicalPath(path);
        if (canonical.isEmpty()) {
            scope.remove(bound);
            if (&scope == &m_globals)
                m_unknownGlobals.insert(bound, QStringLiteral("%1 is imported from %2, which Retort does not run")
                                                   .arg(bound, isFrom ? module : name));
            else
                m_unknownLocals.insert(bound, QStringLiteral("%1 is imported from %2, which Retort does not run")
                                                  .arg(bound, isFrom ? module : name));
        } else {
            scope.insert(bound, reference(canonical, int(s->line)));
            m_unknownLocals.remove(bound);
            if (&scope == &m_globals)
                m_unknownGlobals.remove(bound);
        }
    }
    return true;
}

void BodyEvaluator::collectLocalNames(const py::FunctionDef &function)
{
    m_localNames.clear();
    QSet<QString> declared;  // global/nonlocal: not local (and refused where they stand)
    for (const py::Stmt *s : function.body) {
        py::walk(s, [this, &declared](const py::Node *n) {
            if (const auto *name = n->dyn<py::Name>(); name && name->ctx != py::ExprContext::Load)
                m_localNames.insert(qs(name->id));
            else if (const auto *a = n->dyn<py::Alias>())
                m_localNames.insert(qs(py::boundName(a, py::NodeKind::Import)));
            else if (const auto *f = n->dyn<py::FunctionDef>())
                m_localNames.insert(qs(f->name));
            else if (const auto *c = n->dyn<py::ClassDef>())
                m_localNames.insert(qs(c->name));
            else if (const auto *g = n->dyn<py::Global>())
                for (std::string_view name : g->names)
                    declared.insert(qs(name));
            // Comprehensions and lambdas have their own scope.
            return !n->is<py::FunctionDef>() && !n->is<py::ClassDef>() && !n->is<py::Lambda>() && !n->is<py::Comp>()
                   && !n->is<py::DictComp>();
        });
    }
    m_localNames -= declared;
}

std::nullopt_t BodyEvaluator::fail(int line, QString reason)
{
    m_failure = Failure{line, std::move(reason)};
    return std::nullopt;
}

std::nullopt_t BodyEvaluator::fail(const py::Expr *e, QString reason)
{
    return fail(int(e->line), std::move(reason));
}

QString BodyEvaluator::sourceText(const py::Stmt *s) const
{
    QString t = qs(m_module.text(s)).simplified();
    if (t.size() > 60)
        t = t.left(57) + QLatin1String("...");
    return t;
}

// ---- expressions --------------------------------------------------------------

std::optional<PyValue> BodyEvaluator::eval(const py::Expr *e)
{
    const int line = int(e->line);
    if (const auto *c = e->dyn<py::Constant>()) {
        PyValue v;
        v.line = line;
        switch (c->type) {
        case py::ConstantType::None:
            return v;
        case py::ConstantType::True:
        case py::ConstantType::False:
            return boolValue(c->type == py::ConstantType::True, line);
        case py::ConstantType::Int:
            if (c->bigInt)
                return fail(e, QStringLiteral("an int beyond 64 bits"));
            return intValue(c->intValue, line);
        case py::ConstantType::Float:
            v.kind = PyValue::Kind::Float;
            v.real = c->floatValue;
            return v;
        case py::ConstantType::Str:
            if (c->lossy)
                return fail(e, QStringLiteral("a \\N{...} escape"));
            return strValue(qs(c->value), line);
        case py::ConstantType::Bytes:
            return fail(e, QStringLiteral("a bytes literal"));
        default:
            return fail(e, QStringLiteral("a constant of this kind (%1)").arg(qs(m_module.text(e)).left(20)));
        }
    }
    if (e->is<py::JoinedStr>())
        return evalJoinedStr(e);
    if (e->is<py::Name>())
        return evalName(e);
    if (e->is<py::Attribute>())
        return evalAttribute(e);
    if (const auto *call = e->dyn<py::Call>())
        return evalCall(call);
    if (const auto *seq = e->dyn<py::Sequence>()) {
        PyValue v;
        v.kind = seq->isTuple() ? PyValue::Kind::Tuple : PyValue::Kind::List;
        v.line = line;
        for (const py::Expr *item : seq->elts) {
            if (const auto *star = item->dyn<py::Starred>()) {
                std::optional<PyValue> sv = eval(star->value);
                if (!sv)
                    return std::nullopt;
                if (!sv->isSequence())
                    return fail(item, QStringLiteral("a starred item that is not a known list or tuple"));
                v.items << sv->items;
                continue;
            }
            std::optional<PyValue> iv = eval(item);
            if (!iv)
                return std::nullopt;
            v.items << *iv;
        }
        return v;
    }
    if (const auto *d = e->dyn<py::Dict>()) {
        PyValue v;
        v.kind = PyValue::Kind::Dict;
        v.line = line;
        for (uint32_t i = 0; i < d->keys.size(); ++i) {
            if (!d->keys[i])
                return fail(d->values[i], QStringLiteral("a **mapping in a dict"));
            std::optional<PyValue> k = eval(d->keys[i]);
            if (!k)
                return std::nullopt;
            if (!k->isStr())
                return fail(d->keys[i], QStringLiteral("a dict key that is not a str"));
            std::optional<PyValue> val = eval(d->values[i]);
            if (!val)
                return std::nullopt;
            bool replaced = false;
            for (auto &kv : v.keywords)
                if (kv.first == k->str)
                    kv.second = *val, replaced = true;
            if (!replaced)
                v.keywords.append({k->str, *val});
        }
        return v;
    }
    if (e->is<py::BinOp>())
        return evalBinOp(e);
    if (const auto *u = e->dyn<py::UnaryOp>()) {
        std::optional<PyValue> v = eval(u->operand);
        if (!v)
            return std::nullopt;
        if (u->op == py::UnaryOpKind::Not) {
            const std::optional<bool> t = pyeval::truth(*v);
            if (!t)
                return fail(e, QStringLiteral("`not` of %1").arg(v->str));
            return boolValue(!*t, line);
        }
        if (v->kind == PyValue::Kind::Float && u->op != py::UnaryOpKind::Invert) {
            v->real = u->op == py::UnaryOpKind::USub ? -v->real : v->real;
            v->line = line;
            return v;
        }
        qint64 i = 0;
        if (!asInt(*v, i) || (u->op == py::UnaryOpKind::USub && i == std::numeric_limits<qint64>::min()))
            return fail(e, QStringLiteral("a unary operator on something that is not a number"));
        if (u->op == py::UnaryOpKind::USub)
            i = -i;
        else if (u->op == py::UnaryOpKind::Invert)
            i = ~i;
        return intValue(i, line);
    }
    if (const auto *b = e->dyn<py::BoolOp>()) {
        // Python evaluates operands only until the result is known.
        std::optional<PyValue> v;
        for (const py::Expr *operand : b->values) {
            v = eval(operand);
            if (!v)
                return std::nullopt;
            const std::optional<bool> t = pyeval::truth(*v);
            if (!t)
                return fail(operand, QStringLiteral("the truth of %1").arg(v->str));
            if (*t == (b->op == py::BoolOpKind::Or))
                return v;
        }
        return v;
    }
    if (e->is<py::Compare>())
        return evalCompare(e);
    if (const auto *ife = e->dyn<py::IfExp>()) {
        std::optional<PyValue> test = eval(ife->test);
        if (!test)
            return std::nullopt;
        const std::optional<bool> t = pyeval::truth(*test);
        if (!t)
            return fail(ife->test, QStringLiteral("the truth of %1").arg(test->str));
        return eval(*t ? ife->body : ife->orelse);
    }
    if (e->is<py::Subscript>())
        return evalSubscript(e);
    if (e->is<py::Comp>())
        return evalComprehension(e);
    const char *what = e->is<py::Lambda>()      ? "a lambda"
                       : e->is<py::NamedExpr>() ? "an assignment expression"
                       : e->is<py::Set>()       ? "a set (its order is Python's)"
                       : e->is<py::DictComp>()  ? "a dict comprehension"
                                                : nullptr;
    if (what)
        return fail(e, QLatin1String(what));
    return fail(e, QStringLiteral("`%1` is not evaluated natively").arg(qs(m_module.text(e)).simplified().left(60)));
}

std::optional<PyValue> BodyEvaluator::evalJoinedStr(const py::Expr *e)
{
    const auto *j = e->as<py::JoinedStr>();
    QString s;
    for (const py::Expr *part : j->values) {
        if (const auto *c = part->dyn<py::Constant>()) {
            std::optional<PyValue> v = eval(c);
            if (!v)
                return std::nullopt;
            s += v->str;
            continue;
        }
        const auto *fv = part->dyn<py::FormattedValue>();
        if (!fv)
            return fail(part, QStringLiteral("an f-string part of an unknown form"));
        std::optional<PyValue> v = eval(fv->value);
        if (!v)
            return std::nullopt;
        QString why;
        if (fv->conversion != -1) {
            std::optional<QString> t = fv->conversion == 's' ? pyeval::str(*v, why) : pyeval::repr(*v, why);
            if (!t)
                return fail(fv->value, QStringLiteral("an f-string field: %1").arg(why));
            if (fv->conversion == 'a')
                for (QChar ch : *t)
                    if (ch.unicode() > 0x7f)
                        return fail(fv->value, QStringLiteral("!a of non-ASCII text"));
            v = strValue(*t, v->line);
        }
        QString spec;
        if (fv->formatSpec) {
            std::optional<PyValue> sv = evalJoinedStr(fv->formatSpec);
            if (!sv)
                return std::nullopt;
            spec = sv->str;
        }
        std::optional<QString> t = pyeval::format(*v, spec, why);
        if (!t)
            return fail(fv->value, QStringLiteral("an f-string field: %1").arg(why));
        s += *t;
        if (s.size() > kMaxText)
            return fail(e, QStringLiteral("text longer than %1 characters").arg(kMaxText));
    }
    return strValue(s, int(e->line));
}

std::optional<PyValue> BodyEvaluator::evalName(const py::Expr *e)
{
    const QString id = qs(e->as<py::Name>()->id);
    if (auto it = m_locals.constFind(id); it != m_locals.constEnd()) {
        // the migration's connection serves only as an enum's bind (enumDdl);
        // any other use is refused where the connection was taken
        if (it->isConstruct("op.get_bind"))
            return fail(it->line, QStringLiteral("op.get_bind() needs a database connection (%1, used at line %2 other than "
                                                 "as the bind of an enum's create() or drop())")
                                      .arg(id)
                                      .arg(e->line));
        return *it;
    }
    if (auto it = m_unknownLocals.constFind(id); it != m_unknownLocals.constEnd())
        return fail(e, *it);
    if (m_localNames.contains(id))
        return fail(e, QStringLiteral("%1 is read before it is assigned (UnboundLocalError)").arg(id));
    if (auto it = m_globals.constFind(id); it != m_globals.constEnd())
        return *it;
    if (auto it = m_unknownGlobals.constFind(id); it != m_unknownGlobals.constEnd())
        return fail(e, *it);
    if (m_unknownGlobals.contains(QStringLiteral("*")))
        return fail(e, QStringLiteral("%1 may come from `from %2 import *`").arg(id, m_unknownGlobals.value(QStringLiteral("*"))));
    if (pyeval::isBuiltin(id))
        return reference(QLatin1String("builtins.") + id, int(e->line));
    return fail(e, QStringLiteral("the name %1 is not a known value").arg(id));
}

std::optional<PyValue> BodyEvaluator::evalAttribute(const py::Expr *e)
{
    const auto *a = e->as<py::Attribute>();
    const QString attr = qs(a->attr);
    std::optional<PyValue> base = eval(a->value);
    if (!base)
        return std::nullopt;
    const int line = int(e->line);
    if (isReference(*base)) {
        if (base->str == QLatin1String("migration_context.dialect") && attr == QLatin1String("name"))
            return strValue(QStringLiteral("postgresql"), line);  // Retort renders for PostgreSQL only
        if (base->str.startsWith(QLatin1String("migration_context.")))
            return fail(e, QStringLiteral("the attribute %1 of the migration context's %2").arg(attr, base->str.mid(18)));
        if (base->str.startsWith(QLatin1String("builtins.")) || base->str.startsWith(QLatin1String("str."))
            || base->str.startsWith(QLatin1String("batch.")))
            return fail(e, QStringLiteral("the attribute %1 of %2").arg(attr, base->str));
        const QString path = canonicalPath(base->str + QLatin1Char('.') + attr);
        if (path.isEmpty())
            return fail(e, QStringLiteral("%1.%2 is not known").arg(base->str, attr));
        return reference(path, line);
    }
    if (base->kind == PyValue::Kind::Construct) {
        // the migration context: its dialect, offline flag and autocommit block
        if (base->str == QLatin1String("op.get_context")) {
            if (attr == QLatin1String("dialect"))
                return reference(QStringLiteral("migration_context.dialect"), line);
            if (attr == QLatin1String("autocommit_block"))
                return reference(QStringLiteral("migration_context.autocommit_block"), line);
            if (attr == QLatin1String("as_sql"))
                return boolValue(m_mode == RenderMode::Offline, line);
            return fail(e, QStringLiteral("the migration context's %1").arg(attr));
        }
        if (base->str == QLatin1String("op.batch_alter_table")) {
            PyValue r = reference(QLatin1String("batch.") + attr, line);
            r.integer = base->integer;
            return r;
        }
        return fail(e, QStringLiteral("the attribute %1 of %2(...)").arg(attr, base->str));
    }
    if (base->isStr()) {
        PyValue r = reference(QLatin1String("str.") + attr, line);
        r.items << *base;
        return r;
    }
    return fail(e, QStringLiteral("the attribute %1 of a literal").arg(attr));
}

bool BodyEvaluator::evalArguments(const py::Call *call, PyValue &out)
{
    for (const py::Expr *a : call->args) {
        if (const auto *star = a->dyn<py::Starred>()) {
            std::optional<PyValue> sv = eval(star->value);
            if (!sv)
                return false;
            if (!sv->isSequence())
                return fail(a, QStringLiteral("*arguments that are not a known list or tuple")), false;
            out.items << sv->items;
            continue;
        }
        std::optional<PyValue> av = eval(a);
        if (!av)
            return false;
        out.items << *av;
    }
    for (const py::Keyword *k : call->keywords) {
        std::optional<PyValue> kv = eval(k->value);
        if (!kv)
            return false;
        QVector<QPair<QString, PyValue>> entries;
        if (k->arg.empty()) {
            if (kv->kind != PyValue::Kind::Dict)
                return fail(k->value, QStringLiteral("**arguments that are not a known dict")), false;
            entries = kv->keywords;
        } else {
            entries.append({qs(k->arg), *kv});
        }
        for (const auto &entry : std::as_const(entries)) {
            for (const auto &existing : std::as_const(out.keywords))
                if (existing.first == entry.first)
                    return fail(k->value, QStringLiteral("the keyword argument %1 repeated (TypeError)").arg(entry.first)), false;
            out.keywords.append(entry);
        }
    }
    return true;
}

std::optional<PyValue> BodyEvaluator::evalCall(const py::Call *call)
{
    std::optional<PyValue> callee = eval(call->func);
    if (!callee)
        return std::nullopt;
    const int line = int(call->line);
    if (!isReference(*callee))
        return fail(call, QStringLiteral("calling the result of %1").arg(qs(m_module.text(call->func)).simplified().left(60)));
    const QString name = callee->str;
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = name;
    args.line = line;
    if (name == QLatin1String("op.get_bind"))
        return fail(call, QStringLiteral("op.get_bind() needs a database connection"));
    if (name == QLatin1String("sa.inspect"))
        return fail(call, QStringLiteral("sa.inspect() reflects the database"));
    static const QSet<QString> queries{
        QStringLiteral("sa.select"), QStringLiteral("sa.insert"), QStringLiteral("sa.update"), QStringLiteral("sa.delete"),
        QStringLiteral("sa.create_engine"), QStringLiteral("sa.engine_from_config"), QStringLiteral("sa.MetaData"),
        QStringLiteral("sa.Table"), QStringLiteral("sa.exists"),
    };
    if (queries.contains(name))
        return fail(call, QStringLiteral("%1() is not evaluated natively (queries, engines and reflected tables need Python)").arg(name));
    if (!evalArguments(call, args))
        return std::nullopt;
    if (name.startsWith(QLatin1String("helper.")))
        return callHelper(call, int(callee->integer), args);
    if (name.startsWith(QLatin1String("builtins.")) || name.startsWith(QLatin1String("str."))) {
        QString why;
        std::optional<PyValue> v = name.startsWith(QLatin1String("str."))
                                       ? pyeval::callStrMethod(callee->items.front().str, name.mid(4), args, line, why)
                                       : pyeval::callBuiltin(name.mid(9), args, line, why);
        if (!v)
            return fail(line, why);
        return v;
    }
    if (name == QLatin1String("op.get_context") || name == QLatin1String("context.get_context")) {
        if (!args.items.isEmpty() || !args.keywords.isEmpty())
            return fail(call, QStringLiteral("%1() with arguments (TypeError)").arg(name));
        args.str = QStringLiteral("op.get_context");
        return args;
    }
    if (name == QLatin1String("context.is_offline_mode")) {
        if (!args.items.isEmpty() || !args.keywords.isEmpty())
            return fail(call, QStringLiteral("%1() with arguments (TypeError)").arg(name));
        return boolValue(m_mode == RenderMode::Offline, line);
    }
    if (name == QLatin1String("op.f") || name == QLatin1String("op.inline_literal"))
        return args;
    if (name.startsWith(QLatin1String("batch."))) {
        const QString method = name.mid(6);
        if (method == QLatin1String("f") || method == QLatin1String("inline_literal")) {
            args.str = QLatin1String("op.") + method;
            return args;
        }
        return fail(call, QStringLiteral("batch_op.%1(...) as a value").arg(method));
    }
    if (name.startsWith(QLatin1String("op.")) || name.startsWith(QLatin1String("context."))
        || name == QLatin1String("alembic") || name.startsWith(QLatin1String("migration_context."))) {
        if (isOperation(name.mid(3)))
            return fail(call, QStringLiteral("the result of %1() used as a value").arg(name));
        return fail(call, QStringLiteral("%1() is not evaluated natively").arg(name));
    }
    // sa.*, postgresql.*: a constructor for the renderer to interpret
    return args;
}

std::optional<PyValue> BodyEvaluator::evalBinOp(const py::Expr *e)
{
    const auto *b = e->as<py::BinOp>();
    const int line = int(e->line);
    std::optional<PyValue> l = eval(b->left);
    if (!l)
        return std::nullopt;
    std::optional<PyValue> r = eval(b->right);
    if (!r)
        return std::nullopt;
    QString why;
    if (b->op == py::BinOpKind::Mod && l->isStr()) {
        std::optional<QString> t = pyeval::percent(l->str, *r, why);
        if (!t)
            return fail(e, QStringLiteral("%-formatting: %1").arg(why));
        return strValue(*t, line);
    }
    qint64 x = 0, y = 0, z = 0;
    if (asInt(*l, x) && asInt(*r, y)) {
        bool ok = true;
        switch (b->op) {
        case py::BinOpKind::Add:
            ok = checkedAdd(x, y, z);
            break;
        case py::BinOpKind::Sub:
            ok = checkedSub(x, y, z);
            break;
        case py::BinOpKind::Mult:
            ok = checkedMul(x, y, z);
            break;
        case py::BinOpKind::FloorDiv:
        case py::BinOpKind::Mod:
            if (y == 0)
                return fail(e, QStringLiteral("a division by zero (ZeroDivisionError)"));
            if (x == std::numeric_limits<qint64>::min() && y == -1)
                return fail(e, QStringLiteral("an int beyond 64 bits"));
            z = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0)))
                --z;  // Python floors
            if (b->op == py::BinOpKind::Mod)
                z = x - z * y;
            break;
        default:
            return fail(e, QStringLiteral("the operator %1 on ints").arg(QLatin1String(py::opName(b->op))));
        }
        if (!ok)
            return fail(e, QStringLiteral("an int beyond 64 bits"));
        return intValue(z, line);
    }
    if (b->op == py::BinOpKind::Add) {
        if (l->isStr() && r->isStr()) {
            if (l->str.size() + r->str.size() > kMaxText)
                return fail(e, QStringLiteral("text longer than %1 characters").arg(kMaxText));
            return strValue(l->str + r->str, line);
        }
        if (l->kind == r->kind && l->isSequence()) {
            if (l->items.size() + r->items.size() > kMaxSequence)
                return fail(e, QStringLiteral("a sequence of more than %1 items").arg(kMaxSequence));
            l->items << r->items;
            l->line = line;
            return l;
        }
    }
    if (b->op == py::BinOpKind::Mult) {
        const bool leftInt = asInt(*l, x);
        const PyValue &seq = leftInt ? *r : *l;
        qint64 n = 0;
        if (leftInt || asInt(*r, n)) {
            if (leftInt)
                n = x;
            n = std::max<qint64>(n, 0);
            if (seq.isStr()) {
                if (n * qint64(seq.str.size()) > kMaxText)
                    return fail(e, QStringLiteral("text longer than %1 characters").arg(kMaxText));
                return strValue(seq.str.repeated(n), line);
            }
            if (seq.isSequence()) {
                if (n * qint64(seq.items.size()) > kMaxSequence)
                    return fail(e, QStringLiteral("a sequence of more than %1 items").arg(kMaxSequence));
                PyValue v = seq;
                v.items.clear();
                for (qint64 i = 0; i < n; ++i)
                    v.items << seq.items;
                v.line = line;
                return v;
            }
        }
    }
    return fail(e, QStringLiteral("the operator %1 on these values").arg(QLatin1String(py::opName(b->op))));
}

std::optional<PyValue> BodyEvaluator::evalCompare(const py::Expr *e)
{
    const auto *c = e->as<py::Compare>();
    const int line = int(e->line);
    std::optional<PyValue> left = eval(c->left);
    if (!left)
        return std::nullopt;
    for (uint32_t i = 0; i < c->ops.size(); ++i) {
        std::optional<PyValue> right = eval(c->comparators[i]);
        if (!right)
            return std::nullopt;
        // the dialect is always PostgreSQL's
        auto known = [](const PyValue &v) { return v.kind != PyValue::Kind::Construct; };
        std::optional<bool> result;
        switch (c->ops[i]) {
        case py::CmpOpKind::Eq:
        case py::CmpOpKind::NotEq:
            if (known(*left) && known(*right))
                if (std::optional<bool> eq = pyeval::equal(*left, *right))
                    result = (c->ops[i] == py::CmpOpKind::Eq) == *eq;
            break;
        case py::CmpOpKind::Is:
        case py::CmpOpKind::IsNot: {
            auto singleton = [](const PyValue &v) { return v.kind == PyValue::Kind::None || v.kind == PyValue::Kind::Bool; };
            if (singleton(*left) || singleton(*right)) {
                if (known(*left) && known(*right)) {
                    const bool same = left->kind == right->kind && (left->kind == PyValue::Kind::None || left->boolean == right->boolean);
                    result = (c->ops[i] == py::CmpOpKind::Is) == same;
                }
            }
            break;
        }
        case py::CmpOpKind::In:
        case py::CmpOpKind::NotIn: {
            std::optional<bool> found;
            if (right->isStr() && left->isStr()) {
                found = right->str.contains(left->str);
            } else if (right->isSequence() && known(*left)) {
                found = false;
                for (const PyValue &item : right->items) {
                    const std::optional<bool> eq = pyeval::equal(*left, item);
                    if (!eq) {
                        found.reset();
                        break;
                    }
                    if (*eq) {
                        found = true;
                        break;
                    }
                }
            } else if (right->kind == PyValue::Kind::Dict && left->isStr()) {
                found = right->keyword(left->str.toUtf8().constData()) != nullptr;
            }
            if (found)
                result = (c->ops[i] == py::CmpOpKind::In) == *found;
            break;
        }
        default: {
            qint64 x = 0, y = 0;
            int cmp = 0;
            if (asInt(*left, x) && asInt(*right, y))
                cmp = x < y ? -1 : x > y ? 1 : 0;
            else if (left->isStr() && right->isStr())
                cmp = left->str < right->str ? -1 : left->str > right->str ? 1 : 0;  // UTF-16 order: same for BMP text
            else
                break;
            switch (c->ops[i]) {
            case py::CmpOpKind::Lt: result = cmp < 0; break;
            case py::CmpOpKind::LtE: result = cmp <= 0; break;
            case py::CmpOpKind::Gt: result = cmp > 0; break;
            default: result = cmp >= 0; break;
            }
        }
        }
        if (!result)
            return fail(e, QStringLiteral("a comparison of values that are not known (%1)")
                               .arg(qs(m_module.text(e)).simplified().left(60)));
        if (!*result)
            return boolValue(false, line);
        left = right;
    }
    return boolValue(true, line);
}

std::optional<PyValue> BodyEvaluator::evalSubscript(const py::Expr *e)
{
    const auto *s = e->as<py::Subscript>();
    std::optional<PyValue> base = eval(s->value);
    if (!base)
        return std::nullopt;
    if (base->kind == PyValue::Kind::Dict) {
        std::optional<PyValue> key = eval(s->slice);
        if (!key)
            return std::nullopt;
        if (!key->isStr() || !base->keyword(key->str.toUtf8().constData()))
            return fail(e, QStringLiteral("a key that is not in the dict (KeyError)"));
        for (const auto &kv : std::as_const(base->keywords))
            if (kv.first == key->str)
                return kv.second;
    }
    QVector<PyValue> elements;
    if (base->isSequence())
        elements = base->items;
    else if (base->isStr())
        for (char32_t c : base->str.toUcs4())
            elements << strValue(QString::fromUcs4(&c, 1), int(e->line));
    else
        return fail(e, QStringLiteral("a subscript of something that is not a known sequence"));
    const qint64 n = elements.size();
    if (const auto *slice = s->slice->dyn<py::Slice>()) {
        qint64 bounds[3] = {0, 0, 1};
        bool given[3] = {false, false, false};
        const py::Expr *parts[3] = {slice->lower, slice->upper, slice->step};
        for (int i = 0; i < 3; ++i) {
            if (!parts[i])
                continue;
            std::optional<PyValue> v = eval(parts[i]);
            if (!v)
                return std::nullopt;
            if (v->kind == PyValue::Kind::None)
                continue;
            if (!asInt(*v, bounds[i]))
                return fail(parts[i], QStringLiteral("a slice bound that is not an int"));
            given[i] = true;
        }
        const qint64 step = bounds[2];
        if (step == 0)
            return fail(e, QStringLiteral("a slice step of zero (ValueError)"));
        auto clamp = [&](qint64 v, bool isGiven, qint64 dflt) {
            if (!isGiven)
                return dflt;
            if (v < 0)
                v += n;
            if (step > 0)
                return std::clamp<qint64>(v, 0, n);
            return std::clamp<qint64>(v, -1, n - 1);
        };
        const qint64 start = clamp(bounds[0], given[0], step > 0 ? 0 : n - 1);
        const qint64 stop = clamp(bounds[1], given[1], step > 0 ? n : -1);
        PyValue v;
        v.kind = base->isStr() ? PyValue::Kind::Str : base->kind;
        v.line = int(e->line);
        for (qint64 i = start; step > 0 ? i < stop : i > stop; i += step) {
            if (base->isStr())
                v.str += elements[int(i)].str;
            else
                v.items << elements[int(i)];
        }
        return v;
    }
    std::optional<PyValue> index = eval(s->slice);
    if (!index)
        return std::nullopt;
    qint64 i = 0;
    if (!asInt(*index, i))
        return fail(s->slice, QStringLiteral("an index that is not an int"));
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return fail(e, QStringLiteral("an index out of range (IndexError)"));
    return elements[int(i)];
}

std::optional<PyValue> BodyEvaluator::evalComprehension(const py::Expr *e)
{
    const auto *c = e->as<py::Comp>();
    if (e->kind == py::NodeKind::SetComp)
        return fail(e, QStringLiteral("a set comprehension (its order is Python's)"));
    // A comprehension has its own scope: its targets do not leak.
    const QHash<QString, PyValue> saved = m_locals;
    const QSet<QString> savedNames = m_localNames;
    PyValue out;
    out.kind = PyValue::Kind::List;
    out.line = int(e->line);
    std::function<bool(uint32_t)> loop = [&](uint32_t level) -> bool {
        if (level == c->generators.size()) {
            std::optional<PyValue> v = eval(c->elt);
            if (!v)
                return false;
            if (out.items.size() >= kMaxSequence)
                return fail(e, QStringLiteral("a sequence of more than %1 items").arg(kMaxSequence)), false;
            out.items << *v;
            return true;
        }
        const py::Comprehension *g = c->generators[level];
        if (g->isAsync)
            return fail(e, QStringLiteral("an async comprehension")), false;
        std::optional<PyValue> seq = eval(g->iter);
        if (!seq)
            return false;
        QVector<PyValue> items;
        if (!iterate(*seq, items))
            return fail(g->iter, QStringLiteral("a comprehension over something that is not a known sequence")), false;
        for (const PyValue &item : std::as_const(items)) {
            if (--m_budget < 0)
                return fail(e, QStringLiteral("the body runs too long to evaluate")), false;
            py::walk(g->target, [this](const py::Node *n) {
                if (const auto *name = n->dyn<py::Name>())
                    m_localNames.remove(qs(name->id));
                return true;
            });
            if (!bind(g->target, item))
                return fail(g->target, QStringLiteral("a comprehension target that does not unpack")), false;
            bool keep = true;
            for (const py::Expr *cond : g->ifs) {
                std::optional<PyValue> t = eval(cond);
                if (!t)
                    return false;
                const std::optional<bool> truth = pyeval::truth(*t);
                if (!truth)
                    return fail(cond, QStringLiteral("the truth of %1").arg(t->str)), false;
                if (!*truth) {
                    keep = false;
                    break;
                }
            }
            if (keep && !loop(level + 1))
                return false;
        }
        return true;
    };
    const bool ok = loop(0);
    m_locals = saved;
    m_localNames = savedNames;
    if (!ok)
        return std::nullopt;
    return out;
}

bool BodyEvaluator::bind(const py::Expr *target, const PyValue &value)
{
    if (const auto *n = target->dyn<py::Name>()) {
        m_unknownLocals.remove(qs(n->id));
        m_locals.insert(qs(n->id), value);
        return true;
    }
    if (const auto *seq = target->dyn<py::Sequence>()) {
        QVector<PyValue> items;
        if (value.isSequence())
            items = value.items;
        else if (value.isStr())
            for (char32_t c : value.str.toUcs4())
                items << strValue(QString::fromUcs4(&c, 1), value.line);
        else if (value.kind == PyValue::Kind::Dict)
            for (const auto &kv : value.keywords)
                items << strValue(kv.first, value.line);
        else
            return fail(target, QStringLiteral("unpacking something that is not a known sequence")), false;
        if (items.size() != int(seq->elts.size()))
            return fail(target, QStringLiteral("unpacking %1 values into %2 names (ValueError)").arg(items.size()).arg(seq->elts.size())), false;
        for (uint32_t i = 0; i < seq->elts.size(); ++i)
            if (!bind(seq->elts[i], items[int(i)]))
                return false;
        return true;
    }
    return fail(target, QStringLiteral("an assignment to something other than names")), false;
}

// ---- statements ---------------------------------------------------------------

std::optional<PyValue> BodyEvaluator::callStatement(const py::Call *call, QVector<OpCall> &calls, bool assigned)
{
    bool enumOk = false;
    if (enumDdl(call, calls, assigned, enumOk)) {
        if (!enumOk)
            return std::nullopt;
        PyValue none;
        none.line = int(call->line);
        return none;
    }
    std::optional<PyValue> callee = eval(call->func);
    if (!callee)
        return std::nullopt;
    const int line = int(call->line);
    const bool isOp = isReference(*callee) && callee->str.startsWith(QLatin1String("op.")) && isOperation(callee->str.mid(3));
    const bool isBatch = isReference(*callee) && callee->str.startsWith(QLatin1String("batch."))
                         && callee->str != QLatin1String("batch.f") && callee->str != QLatin1String("batch.inline_literal");
    if (!isOp && !isBatch)
        return evalCall(call);
    if (assigned && callee->str != QLatin1String("op.create_table"))
        return fail(call, QStringLiteral("the result of %1() used as a value").arg(callee->str));
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = callee->str;
    args.line = line;
    if (!evalArguments(call, args))
        return std::nullopt;
    if (isOp) {
        calls.append(OpCall{callee->str.mid(3), args, line, OpCall::Kind::Op});
        return args;
    }
    std::optional<OpCall> op = batchCall(*callee, args, line);
    if (!op)
        return std::nullopt;
    PyValue none;
    none.line = line;
    if (op->name == QLatin1String("execute")) {
        calls.append(*op);  // batch_op.execute runs at once, through the migration context
        return none;
    }
    m_batches[int(callee->integer)].queued.append(*op);
    return none;
}

// ---- module-level helper functions ----------------------------------------------

void BodyEvaluator::registerHelper(const py::FunctionDef *f)
{
    const QString name = qs(f->name);
    const int line = int(f->line);
    Helper h;
    h.def = f;
    auto why = [&](const QString &what) {
        return QStringLiteral("%1() (line %2) %3").arg(name).arg(line).arg(what);
    };
    const py::Arguments *a = f->args;
    if (f->isAsync())
        h.whyNot = why(QStringLiteral("is an async function"));
    else if (!f->decoratorList.empty())
        h.whyNot = why(QStringLiteral("is decorated"));
    else if (a && (a->vararg || a->kwarg))
        h.whyNot = why(QStringLiteral("takes *args or **kwargs"));
    if (h.whyNot.isEmpty()) {
        // a docstring, then a single return: anything else needs Python
        int i = 0;
        const int n = int(f->body.size());
        if (n > 1) {
            const auto *doc = f->body[0]->dyn<py::ExprStmt>();
            const auto *c = doc ? doc->value->dyn<py::Constant>() : nullptr;
            if (c && c->type == py::ConstantType::Str)
                i = 1;
        }
        const auto *r = i < n ? f->body[uint32_t(i)]->dyn<py::Return>() : nullptr;
        if (!r || i + 1 != n || f->bodySkipped)
            h.whyNot = why(QStringLiteral("does more than return a value; calling it needs Python"));
        else
            h.result = r->value;
    }
    // Defaults are evaluated once, where the def stands.
    if (h.whyNot.isEmpty() && a) {
        m_locals.clear();
        for (const py::Expr *d : a->defaults) {
            std::optional<PyValue> v = eval(d);
            if (!v) {
                h.whyNot = why(QStringLiteral("has a default that is not known: %1").arg(m_failure.reason));
                break;
            }
            h.defaults << v;
        }
        for (const py::Expr *d : a->kwDefaults) {
            std::optional<PyValue> v;
            if (d && !(v = eval(d))) {
                h.whyNot = why(QStringLiteral("has a default that is not known: %1").arg(m_failure.reason));
                break;
            }
            h.kwDefaults << v;
        }
        m_locals.clear();
    }
    m_helpers.append(h);
    m_unknownGlobals.remove(name);
    m_globals.insert(name, reference(QLatin1String("helper.") + name, line));
    m_globals[name].integer = m_helpers.size() - 1;
}

std::optional<PyValue> BodyEvaluator::callHelper(const py::Call *call, int index, const PyValue &args)
{
    const int line = int(call->line);
    const Helper &h = m_helpers.at(index);
    const QString name = qs(h.def->name);
    if (!h.whyNot.isEmpty())
        return fail(line, h.whyNot);
    if (m_activeHelpers.contains(index))
        return fail(line, QStringLiteral("%1() (line %2) calls itself").arg(name).arg(h.def->line));
    if (m_activeHelpers.size() >= 32)
        return fail(line, QStringLiteral("helper functions nested more than 32 calls deep"));
    if (--m_budget < 0)
        return fail(line, QStringLiteral("the body runs too long to evaluate"));
    // Bind the arguments as Python does: positional, then keywords, then defaults.
    const py::Arguments *a = h.def->args;
    QVector<const py::Arg *> positional;
    int positionalOnly = 0;
    QVector<const py::Arg *> keywordOnly;
    if (a) {
        for (const py::Arg *p : a->posonlyargs)
            positional << p;
        positionalOnly = positional.size();
        for (const py::Arg *p : a->args)
            positional << p;
        for (const py::Arg *p : a->kwonlyargs)
            keywordOnly << p;
    }
    auto typeError = [&](const QString &what) {
        return fail(line, QStringLiteral("%1() (line %2) called with %3 (TypeError)").arg(name).arg(h.def->line).arg(what));
    };
    if (args.items.size() > positional.size())
        return typeError(QStringLiteral("%1 positional arguments for %2").arg(args.items.size()).arg(positional.size()));
    QHash<QString, PyValue> bound;
    for (int i = 0; i < args.items.size(); ++i)
        bound.insert(qs(positional[i]->arg), args.items[i]);
    for (const auto &kw : args.keywords) {
        bool known = false;
        for (int i = positionalOnly; i < positional.size() && !known; ++i)
            known = qs(positional[i]->arg) == kw.first;
        for (const py::Arg *p : std::as_const(keywordOnly))
            known = known || qs(p->arg) == kw.first;
        if (!known)
            return typeError(QStringLiteral("an unexpected keyword argument %1").arg(kw.first));
        if (bound.contains(kw.first))
            return typeError(QStringLiteral("%1 given twice").arg(kw.first));
        bound.insert(kw.first, kw.second);
    }
    const int firstDefault = positional.size() - h.defaults.size();
    for (int i = 0; i < positional.size(); ++i) {
        const QString p = qs(positional[i]->arg);
        if (bound.contains(p))
            continue;
        if (i < firstDefault)
            return typeError(QStringLiteral("the argument %1 missing").arg(p));
        bound.insert(p, *h.defaults[i - firstDefault]);
    }
    for (int i = 0; i < keywordOnly.size(); ++i) {
        const QString p = qs(keywordOnly[i]->arg);
        if (bound.contains(p))
            continue;
        if (i >= h.kwDefaults.size() || !h.kwDefaults[i])
            return typeError(QStringLiteral("the keyword argument %1 missing").arg(p));
        bound.insert(p, *h.kwDefaults[i]);
    }
    PyValue none;
    none.line = line;
    if (!h.result)
        return none;
    // The helper sees its parameters and the module's names, none of the caller's.
    const QHash<QString, PyValue> savedLocals = m_locals;
    const QHash<QString, QString> savedUnknown = m_unknownLocals;
    const QSet<QString> savedNames = m_localNames;
    m_locals = bound;
    m_unknownLocals.clear();
    m_localNames.clear();
    for (auto it = bound.cbegin(); it != bound.cend(); ++it)
        m_localNames.insert(it.key());
    m_activeHelpers.append(index);
    std::optional<PyValue> v = eval(h.result);
    m_activeHelpers.removeLast();
    m_locals = savedLocals;
    m_unknownLocals = savedUnknown;
    m_localNames = savedNames;
    if (!v) {
        m_failure.reason = QStringLiteral("%1 (in %2(), called at line %3)").arg(m_failure.reason, name).arg(line);
        return std::nullopt;
    }
    v->line = line;
    return v;
}

// ---- enum types created and dropped through the migration's connection ----------

bool BodyEvaluator::storesMigrationBind(const py::Assign *a)
{
    const auto *call = a->value->dyn<py::Call>();
    if (!call->args.empty() || !call->keywords.empty() || !m_function)
        return false;
    const auto *f = call->func->dyn<py::Attribute>();
    const auto *base = f ? f->value->dyn<py::Name>() : nullptr;
    if (!base || f->attr != "get_bind")
        return false;
    const QString module = qs(base->id);
    if (m_locals.contains(module) || m_localNames.contains(module))
        return false;
    const auto it = m_globals.constFind(module);
    if (it == m_globals.constEnd() || !isReference(*it) || it->str != QLatin1String("op"))
        return false;
    // Every read of each name, anywhere in the function, must be the bind of
    // an enum's create() or drop(); a connection used for anything else (or
    // for nothing) is refused where it is taken.
    for (const py::Expr *t : a->targets) {
        const auto *target = t->dyn<py::Name>();
        if (!target)
            return false;
        int reads = 0, binds = 0;
        for (const py::Stmt *s : m_function->body) {
            py::walk(s, [&](const py::Node *n) {
                if (const auto *name = n->dyn<py::Name>(); name && name->ctx == py::ExprContext::Load && name->id == target->id)
                    ++reads;
                const auto *c = n->dyn<py::Call>();
                const auto *m = c ? c->func->dyn<py::Attribute>() : nullptr;
                if (!m || (m->attr != "create" && m->attr != "drop"))
                    return true;
                auto isTarget = [&](const py::Expr *e) {
                    const auto *name = e ? e->dyn<py::Name>() : nullptr;
                    return name && name->id == target->id;
                };
                if (!c->args.empty() && isTarget(c->args[0]))
                    ++binds;
                for (const py::Keyword *k : c->keywords)
                    if (k->arg == "bind" && isTarget(k->value))
                        ++binds;
                return true;
            });
        }
        if (reads == 0 || reads != binds)
            return false;
    }
    return true;
}

bool BodyEvaluator::enumDdl(const py::Call *call, QVector<OpCall> &calls, bool assigned, bool &ok)
{
    ok = false;
    const auto *attr = call->func->dyn<py::Attribute>();
    if (!attr || (attr->attr != "create" && attr->attr != "drop"))
        return false;
    const QString method = qs(attr->attr);
    std::optional<PyValue> type = eval(attr->value);
    if (!type)
        return true;
    if (type->kind != PyValue::Kind::Construct || !type->called
        || !(type->str == QLatin1String("sa.Enum") || type->str == QLatin1String("postgresql.ENUM")))
        return false;  // evaluated again, and refused, as any other call
    const int line = int(call->line);
    const QString what = QStringLiteral("%1(...).%2()").arg(type->str, method);
    if (assigned)
        return fail(call, QStringLiteral("the result of %1 used as a value").arg(what)), true;
    // (bind=None, checkfirst=...): the bind must be the migration's own connection
    const py::Expr *given[2] = {nullptr, nullptr};
    static const char *const params[] = {"bind", "checkfirst"};
    if (call->args.size() > 2)
        return fail(call, QStringLiteral("%1 with more than two positional arguments (TypeError)").arg(what)), true;
    for (uint32_t i = 0; i < call->args.size(); ++i) {
        if (call->args[i]->is<py::Starred>())
            return fail(call->args[i], QStringLiteral("*arguments to %1").arg(what)), true;
        given[i] = call->args[i];
    }
    for (const py::Keyword *k : call->keywords) {
        int idx = -1;
        for (int i = 0; i < 2; ++i)
            if (k->arg == params[i])
                idx = i;
        if (idx < 0)
            return fail(k->value, QStringLiteral("%1 with the argument %2").arg(what, k->arg.empty() ? QStringLiteral("**") : qs(k->arg))), true;
        if (given[idx])
            return fail(k->value, QStringLiteral("%1 with %2 given twice (TypeError)").arg(what, qs(k->arg))), true;
        given[idx] = k->value;
    }
    // op.get_bind() itself, or a local name bound to it
    bool migrationBind = false;
    if (const auto *name = given[0] ? given[0]->dyn<py::Name>() : nullptr) {
        const auto it = m_locals.constFind(qs(name->id));
        migrationBind = it != m_locals.constEnd() && it->isConstruct("op.get_bind");
    } else if (const auto *bindCall = given[0] ? given[0]->dyn<py::Call>() : nullptr) {
        std::optional<PyValue> bindee = eval(bindCall->func);
        migrationBind = bindee && isReference(*bindee) && bindee->str == QLatin1String("op.get_bind")
                        && bindCall->args.empty() && bindCall->keywords.empty();
    }
    if (!migrationBind)
        return fail(given[0] ? given[0] : call->func,
                    QStringLiteral("%1 with a bind other than op.get_bind()").arg(what)), true;
    // sa.Enum's create/drop default to checkfirst=False, postgresql.ENUM's to True
    bool checkfirst = type->str == QLatin1String("postgresql.ENUM");
    if (given[1]) {
        std::optional<PyValue> v = eval(given[1]);
        if (!v)
            return true;
        const std::optional<bool> t = pyeval::truth(*v);
        if (!t || v->kind == PyValue::Kind::Construct)
            return fail(given[1], QStringLiteral("%1 with a checkfirst that is not known").arg(what)), true;
        checkfirst = *t;
    }
    // Offline SQLAlchemy's mock connection never checks first; online the
    // check queries pg_type, which only Python can do.
    if (checkfirst && m_mode == RenderMode::Online)
        return fail(call, QStringLiteral("%1 with checkfirst=True asks the database whether the type exists").arg(what)), true;
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = type->str + QLatin1Char('.') + method;
    args.line = line;
    args.items << *type;
    calls.append(OpCall{QLatin1String("enum_") + method, args, line, OpCall::Kind::Op});
    ok = true;
    return true;
}

std::optional<OpCall> BodyEvaluator::batchCall(const PyValue &ref, const PyValue &args, int line)
{
    const QString method = ref.str.mid(6);
    Batch &batch = m_batches[int(ref.integer)];
    if (!batch.open)
        return fail(line, QStringLiteral("batch_op.%1() after its with block (alembic would never run it)").arg(method));
    PyValue call = args;
    call.str = QLatin1String("op.") + method;
    if (method == QLatin1String("execute"))
        return OpCall{method, call, line, OpCall::Kind::Op};
    const BatchShape *shape = batchShape(method);
    if (!shape)
        return fail(line, QStringLiteral("batch_op.%1() is not evaluated natively").arg(method));
    if (call.items.size() > shape->maxPositional) {
        if (method == QLatin1String("create_foreign_key") && call.items.size() == 5) {
            call.keywords.append({QStringLiteral("referent_schema"), call.items.takeLast()});
        } else {
            return fail(line, QStringLiteral("batch_op.%1() with too many positional arguments (TypeError)").arg(method));
        }
    }
    for (const auto &kw : std::as_const(call.keywords)) {
        if (kw.first == QLatin1String("table_name") || kw.first == QLatin1String(shape->schemaKeyword)
            || kw.first == QLatin1String("source_table"))
            return fail(line, QStringLiteral("batch_op.%1(%2=...) (TypeError)").arg(method, kw.first));
        if ((kw.first == QLatin1String("insert_before") || kw.first == QLatin1String("insert_after"))
            && kw.second.kind != PyValue::Kind::None)
            return fail(line, QStringLiteral("batch_op.%1(%2=...) needs recreate='always'").arg(method, kw.first));
    }
    if (call.items.size() < shape->tableAt)
        return fail(line, QStringLiteral("batch_op.%1() without its required arguments (TypeError)").arg(method));
    if (method == QLatin1String("drop_index"))
        call.keywords.append({QStringLiteral("table_name"), batch.table});
    else
        call.items.insert(shape->tableAt, batch.table);
    if (batch.schema.kind != PyValue::Kind::None)
        call.keywords.append({QLatin1String(shape->schemaKeyword), batch.schema});
    return OpCall{method, call, line, OpCall::Kind::Op};
}

BodyEvaluator::Flow BodyEvaluator::runBlock(const py::Span<py::Stmt *> &body, QVector<OpCall> &calls)
{
    for (const py::Stmt *s : body) {
        const Flow f = run(s, calls);
        if (f != Flow::Normal)
            return f;
    }
    return Flow::Normal;
}

BodyEvaluator::Flow BodyEvaluator::run(const py::Stmt *s, QVector<OpCall> &calls)
{
    const int line = int(s->line);
    if (--m_budget < 0)
        return fail(line, QStringLiteral("the body runs too long to evaluate")), Flow::Fail;
    if (s->is<py::Pass>())
        return Flow::Normal;
    if (s->is<py::Break>())
        return Flow::Break;
    if (s->is<py::Continue>())
        return Flow::Continue;
    if (const auto *es = s->dyn<py::ExprStmt>()) {
        if (es->value->is<py::Constant>())
            return Flow::Normal;  // a docstring, or `...`
        if (const auto *call = es->value->dyn<py::Call>())
            return callStatement(call, calls, false) ? Flow::Normal : Flow::Fail;
        return eval(es->value) ? Flow::Normal : Flow::Fail;
    }
    if (const auto *a = s->dyn<py::Assign>()) {
        const auto *call = a->value->dyn<py::Call>();
        if (call && storesMigrationBind(a)) {
            PyValue connection;  // a placeholder only enumDdl accepts
            connection.kind = PyValue::Kind::Construct;
            connection.str = QStringLiteral("op.get_bind");
            connection.line = line;
            for (const py::Expr *t : a->targets)
                bind(t, connection);
            return Flow::Normal;
        }
        std::optional<PyValue> v = call ? callStatement(call, calls, true) : eval(a->value);
        if (!v)
            return Flow::Fail;
        for (const py::Expr *t : a->targets)
            if (!bind(t, *v))
                return Flow::Fail;
        return Flow::Normal;
    }
    if (const auto *a = s->dyn<py::AnnAssign>()) {
        if (!a->value)
            return Flow::Normal;
        std::optional<PyValue> v = eval(a->value);
        return v && bind(a->target, *v) ? Flow::Normal : Flow::Fail;
    }
    if (const auto *a = s->dyn<py::AugAssign>()) {
        if (!a->target->is<py::Name>())
            return fail(line, QStringLiteral("an augmented assignment to something other than a name")), Flow::Fail;
        // evaluate `x op= v` as `x = x op v` on a synthesized BinOp
        py::BinOp op;
        op.kind = py::NodeKind::BinOp;
        op.line = a->line;
        op.begin = a->begin;
        op.end = a->end;
        op.left = a->target;
        op.op = a->op;
        op.right = a->value;
        py::Name load = *a->target->as<py::Name>();
        load.ctx = py::ExprContext::Load;
        op.left = &load;
        std::optional<PyValue> v = evalBinOp(&op);
        return v && bind(a->target, *v) ? Flow::Normal : Flow::Fail;
    }
    if (const auto *i = s->dyn<py::If>()) {
        std::optional<PyValue> test = eval(i->test);
        if (!test)
            return Flow::Fail;
        const std::optional<bool> t = pyeval::truth(*test);
        if (!t)
            return fail(i->test, QStringLiteral("the truth of %1").arg(test->str)), Flow::Fail;
        return runBlock(*t ? i->body : i->orelse, calls);
    }
    if (s->is<py::For>())
        return runFor(s, calls);
    if (s->is<py::With>())
        return runWith(s, calls);
    if (const auto *r = s->dyn<py::Return>()) {
        if (r->value && !eval(r->value))
            return Flow::Fail;
        return Flow::Return;
    }
    if (s->is<py::Import>() || s->is<py::ImportFrom>())
        return bindModuleImport(s, m_locals) ? Flow::Normal : Flow::Fail;
    if (const char *what = statementName(s))
        return fail(line, QStringLiteral("%1 (`%2`)").arg(QLatin1String(what), sourceText(s))), Flow::Fail;
    return fail(line, QStringLiteral("`%1` is not evaluated natively").arg(sourceText(s))), Flow::Fail;
}

BodyEvaluator::Flow BodyEvaluator::runFor(const py::Stmt *s, QVector<OpCall> &calls)
{
    const auto *f = s->as<py::For>();
    if (f->isAsync())
        return fail(int(s->line), QStringLiteral("async for")), Flow::Fail;
    std::optional<PyValue> seq = eval(f->iter);
    if (!seq)
        return Flow::Fail;
    QVector<PyValue> items;
    if (!iterate(*seq, items))
        return fail(f->iter, QStringLiteral("a for loop over something that is not a known sequence")), Flow::Fail;
    for (const PyValue &item : std::as_const(items)) {
        if (!bind(f->target, item))
            return Flow::Fail;
        const Flow flow = runBlock(f->body, calls);
        if (flow == Flow::Break)
            return Flow::Normal;  // the else clause runs only without break
        if (flow == Flow::Fail || flow == Flow::Return)
            return flow;
    }
    return runBlock(f->orelse, calls);
}

BodyEvaluator::Flow BodyEvaluator::runWith(const py::Stmt *s, QVector<OpCall> &calls)
{
    const auto *w = s->as<py::With>();
    const int line = int(s->line);
    if (w->isAsync() || w->items.size() != 1)
        return fail(line, QStringLiteral("a with statement other than op.batch_alter_table(...) or an autocommit block")),
               Flow::Fail;
    const py::WithItem *item = w->items.front();
    const auto *call = item->contextExpr->dyn<py::Call>();
    std::optional<PyValue> callee = call ? eval(call->func) : std::nullopt;
    if (!call || (callee && !isReference(*callee)))
        return fail(item->contextExpr, QStringLiteral("a with statement other than op.batch_alter_table(...) or an autocommit block")),
               Flow::Fail;
    if (!callee)
        return Flow::Fail;
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = callee->str;
    args.line = int(call->line);
    if (callee->str == QLatin1String("migration_context.autocommit_block")) {
        if (!evalArguments(call, args))
            return Flow::Fail;
        if (!args.items.isEmpty() || !args.keywords.isEmpty())
            return fail(call, QStringLiteral("autocommit_block() with arguments (TypeError)")), Flow::Fail;
        if (item->optionalVars)
            return fail(item->optionalVars, QStringLiteral("`as` on an autocommit block")), Flow::Fail;
        if (m_autocommitDepth > 0)
            return fail(call, QStringLiteral("an autocommit block inside another")), Flow::Fail;
        OpCall edge;
        edge.kind = OpCall::Kind::EnterAutocommit;
        edge.line = line;
        calls.append(edge);
        ++m_autocommitDepth;
        const Flow flow = runBlock(w->body, calls);
        --m_autocommitDepth;
        if (flow == Flow::Fail)
            return flow;
        edge.kind = OpCall::Kind::LeaveAutocommit;
        calls.append(edge);
        return flow;
    }
    if (callee->str != QLatin1String("op.batch_alter_table"))
        return fail(call, QStringLiteral("a with statement on %1(...)").arg(callee->str)), Flow::Fail;
    if (!evalArguments(call, args))
        return Flow::Fail;
    static const char *const params[] = {"table_name", "schema", "recreate"};
    const PyValue *given[3] = {nullptr, nullptr, nullptr};
    if (args.items.size() > 3)
        return fail(call, QStringLiteral("op.batch_alter_table() with arguments beyond table_name, schema, recreate")), Flow::Fail;
    for (int i = 0; i < args.items.size(); ++i)
        given[i] = &args.items[i];
    for (const auto &kw : std::as_const(args.keywords)) {
        int idx = -1;
        for (int i = 0; i < 3; ++i)
            if (kw.first == QLatin1String(params[i]))
                idx = i;
        if (idx < 0 || given[idx])
            return fail(call, QStringLiteral("op.batch_alter_table(%1=...) is not evaluated natively").arg(kw.first)), Flow::Fail;
        given[idx] = &kw.second;
    }
    if (!given[0] || !given[0]->isStr())
        return fail(call, QStringLiteral("op.batch_alter_table() without a literal table name")), Flow::Fail;
    if (given[1] && given[1]->kind != PyValue::Kind::None && !given[1]->isStr())
        return fail(call, QStringLiteral("op.batch_alter_table() with a schema that is not a str")), Flow::Fail;
    if (given[2] && !(given[2]->isStr() && (given[2]->str == QLatin1String("auto") || given[2]->str == QLatin1String("never"))))
        return fail(call, QStringLiteral("op.batch_alter_table(recreate=...) other than 'auto' or 'never' (a table copy needs Python)")),
               Flow::Fail;
    Batch batch;
    batch.table = *given[0];
    if (given[1])
        batch.schema = *given[1];
    m_batches.append(batch);
    PyValue handle = args;
    handle.integer = m_batches.size() - 1;
    handle.items.clear();
    handle.keywords.clear();
    if (item->optionalVars && !bind(item->optionalVars, handle))
        return Flow::Fail;
    const int index = int(handle.integer);
    const Flow flow = runBlock(w->body, calls);
    if (flow == Flow::Fail)
        return flow;
    // the batch's ops run when the block ends, after the plain ops inside it
    m_batches[index].open = false;
    calls << m_batches[index].queued;
    return flow;
}

std::optional<BodyEvaluator::Failure> BodyEvaluator::evaluate(const py::FunctionDef &function, QVector<OpCall> &calls)
{
    m_locals.clear();
    m_unknownLocals.clear();
    m_batches.clear();
    m_activeHelpers.clear();
    m_autocommitDepth = 0;
    m_budget = kStatementBudget;
    m_failure = Failure{int(function.line), QStringLiteral("an unknown failure")};
    collectLocalNames(function);
    m_function = &function;
    if (function.isAsync())
        return Failure{int(function.line), QStringLiteral("an async function")};
    const Flow flow = runBlock(function.body, calls);
    if (flow == Flow::Fail)
        return m_failure;
    if (flow == Flow::Break || flow == Flow::Continue)
        return Failure{int(function.line), QStringLiteral("break/continue outside a loop")};
    return std::nullopt;
}

} // namespace retort
