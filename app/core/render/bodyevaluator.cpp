#include "render/bodyevaluator.h"

#include "python/ast.h"

#include <utility>

namespace retort {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

PyValue strValue(const QString &s, int line)
{
    PyValue v;
    v.kind = PyValue::Kind::Str;
    v.str = s;
    v.line = line;
    return v;
}

} // namespace

BodyEvaluator::BodyEvaluator(const py::Module &module) : m_module(module)
{
    QHash<QString, int> assignments;
    for (const py::Stmt *s : module.body) {
        if (const auto *imp = s->dyn<py::Import>()) {
            for (const py::Alias *a : imp->names) {
                const QString name = qs(a->name);
                const QString as = a->asname.empty() ? name : qs(a->asname);
                if (name == QLatin1String("sqlalchemy"))
                    m_aliases.insert(as, QStringLiteral("sa"));
                else
                    m_aliases.remove(as);
            }
        } else if (const auto *from = s->dyn<py::ImportFrom>()) {
            const QString mod = qs(from->module);
            for (const py::Alias *a : from->names) {
                const QString name = qs(a->name);
                const QString as = a->asname.empty() ? name : qs(a->asname);
                if (from->level == 0 && mod == QLatin1String("alembic") && name == QLatin1String("op"))
                    m_aliases.insert(as, QStringLiteral("op"));
                else if (from->level == 0 && mod == QLatin1String("sqlalchemy.dialects")
                         && name == QLatin1String("postgresql"))
                    m_aliases.insert(as, QStringLiteral("postgresql"));
                else
                    m_aliases.remove(as);
            }
        } else if (const auto *assign = s->dyn<py::Assign>()) {
            for (const py::Expr *t : assign->targets)
                if (const auto *n = t->dyn<py::Name>())
                    ++assignments[qs(n->id)];
        } else if (const auto *ann = s->dyn<py::AnnAssign>()) {
            if (const auto *n = ann->target->dyn<py::Name>())
                ++assignments[qs(n->id)];
        }
    }
    // Constants: names assigned exactly once at module level, to a literal.
    for (const py::Stmt *s : module.body) {
        const py::Expr *target = nullptr;
        const py::Expr *value = nullptr;
        if (const auto *assign = s->dyn<py::Assign>(); assign && assign->targets.size() == 1) {
            target = assign->targets.front();
            value = assign->value;
        } else if (const auto *ann = s->dyn<py::AnnAssign>(); ann && ann->value) {
            target = ann->target;
            value = ann->value;
        }
        const auto *n = target ? target->dyn<py::Name>() : nullptr;
        if (!n || assignments.value(qs(n->id)) != 1 || m_aliases.contains(qs(n->id)))
            continue;
        if (std::optional<PyValue> v = eval(value))
            m_moduleConstants.insert(qs(n->id), *v);
    }
}

QString BodyEvaluator::sourceText(const py::Stmt *s) const
{
    QString t = qs(m_module.text(s)).simplified();
    if (t.size() > 60)
        t = t.left(57) + QLatin1String("...");
    return t;
}

QString BodyEvaluator::canonicalCallee(const py::Expr *func) const
{
    const QString dotted = QString::fromStdString(py::dottedName(func));
    const int dot = dotted.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return {};
    const QString head = dotted.left(dot);
    if (m_locals.contains(head))
        return {};
    const QString alias = m_aliases.value(head);
    if (alias.isEmpty())
        return {};
    return alias + dotted.mid(dot);
}

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
            v.kind = PyValue::Kind::Bool;
            v.boolean = c->type == py::ConstantType::True;
            return v;
        case py::ConstantType::Int:
            if (c->bigInt)
                break;
            v.kind = PyValue::Kind::Int;
            v.integer = c->intValue;
            return v;
        case py::ConstantType::Float:
            v.kind = PyValue::Kind::Float;
            v.real = c->floatValue;
            return v;
        case py::ConstantType::Str:
            if (c->lossy)
                break;
            return strValue(qs(c->value), line);
        default:
            break;
        }
        m_lastReason = QStringLiteral("a constant of this kind is not evaluated");
        return std::nullopt;
    }
    if (const auto *j = e->dyn<py::JoinedStr>()) {
        QString s;
        for (const py::Expr *part : j->values) {
            const py::Expr *inner = part;
            if (const auto *fv = part->dyn<py::FormattedValue>()) {
                if (fv->formatSpec || (fv->conversion != -1 && fv->conversion != 's'))
                    return m_lastReason = QStringLiteral("an f-string with a format"), std::nullopt;
                inner = fv->value;
            }
            std::optional<PyValue> v = eval(inner);
            if (!v || !v->isStr())
                return m_lastReason = QStringLiteral("an f-string part that is not a known str"), std::nullopt;
            s += v->str;
        }
        return strValue(s, line);
    }
    if (const auto *n = e->dyn<py::Name>()) {
        const QString id = qs(n->id);
        if (auto it = m_locals.constFind(id); it != m_locals.constEnd())
            return *it;
        if (auto it = m_moduleConstants.constFind(id); it != m_moduleConstants.constEnd())
            return *it;
        m_lastReason = QStringLiteral("the name %1 is not a known constant").arg(id);
        return std::nullopt;
    }
    if (const auto *seq = e->dyn<py::Sequence>()) {
        PyValue v;
        v.kind = seq->isTuple() ? PyValue::Kind::Tuple : PyValue::Kind::List;
        v.line = line;
        for (const py::Expr *item : seq->elts) {
            if (item->is<py::Starred>())
                return m_lastReason = QStringLiteral("a starred item"), std::nullopt;
            std::optional<PyValue> iv = eval(item);
            if (!iv)
                return std::nullopt;
            v.items << *iv;
        }
        return v;
    }
    if (const auto *b = e->dyn<py::BinOp>(); b && b->op == py::BinOpKind::Add) {
        std::optional<PyValue> l = eval(b->left);
        std::optional<PyValue> r = l ? eval(b->right) : std::nullopt;
        if (l && r && l->isStr() && r->isStr())
            return strValue(l->str + r->str, line);
        m_lastReason = QStringLiteral("an expression that is not a literal");
        return std::nullopt;
    }
    if (const auto *call = e->dyn<py::Call>()) {
        const QString callee = canonicalCallee(call->func);
        const bool opCallAllowed = std::exchange(m_opCallAllowed, false);
        const bool isOpCall = callee.startsWith(QLatin1String("op.")) && callee != QLatin1String("op.f");
        if (callee.isEmpty() || (isOpCall && !opCallAllowed)) {
            if (callee.isEmpty())
                m_lastReason = QStringLiteral("%1(...) is not a known function")
                                   .arg(qs(m_module.text(call->func)).simplified());
            else
                m_lastReason = QStringLiteral("%1 as a value").arg(callee);
            return std::nullopt;
        }
        PyValue v;
        v.kind = PyValue::Kind::Construct;
        v.str = callee;
        v.line = line;
        for (const py::Expr *a : call->args) {
            if (a->is<py::Starred>())
                return m_lastReason = QStringLiteral("*arguments in %1()").arg(callee), std::nullopt;
            std::optional<PyValue> av = eval(a);
            if (!av)
                return std::nullopt;
            v.items << *av;
        }
        for (const py::Keyword *k : call->keywords) {
            if (k->arg.empty())
                return m_lastReason = QStringLiteral("**arguments in %1()").arg(callee), std::nullopt;
            std::optional<PyValue> kv = eval(k->value);
            if (!kv)
                return std::nullopt;
            v.keywords.append({qs(k->arg), *kv});
        }
        return v;
    }
    m_lastReason = QStringLiteral("`%1` is not evaluated natively").arg(qs(m_module.text(e)).simplified().left(60));
    return std::nullopt;
}

bool BodyEvaluator::bind(const py::Expr *target, const PyValue &value)
{
    if (const auto *n = target->dyn<py::Name>()) {
        const QString id = qs(n->id);
        if (m_aliases.contains(id))
            return false;
        m_locals.insert(id, value);
        return true;
    }
    if (const auto *seq = target->dyn<py::Sequence>()) {
        if (!value.isSequence() || value.items.size() != int(seq->elts.size()))
            return false;
        for (uint32_t i = 0; i < seq->elts.size(); ++i)
            if (!bind(seq->elts[i], value.items[int(i)]))
                return false;
        return true;
    }
    return false;
}

std::optional<BodyEvaluator::Failure> BodyEvaluator::run(const py::Stmt *s, QVector<OpCall> &calls)
{
    const int line = int(s->line);
    if (s->is<py::Pass>())
        return std::nullopt;
    if (const auto *es = s->dyn<py::ExprStmt>()) {
        if (es->value->is<py::Constant>())
            return std::nullopt;
        const auto *call = es->value->dyn<py::Call>();
        const QString callee = call ? canonicalCallee(call->func) : QString();
        if (!callee.startsWith(QLatin1String("op.")) || callee == QLatin1String("op.f"))
            return Failure{line, QStringLiteral("`%1` is not rendered natively").arg(sourceText(s))};
        m_opCallAllowed = true;
        std::optional<PyValue> v = eval(call);
        if (!v)
            return Failure{line, m_lastReason};
        calls.append(OpCall{callee.mid(3), *v, line});
        return std::nullopt;
    }
    if (const auto *a = s->dyn<py::Assign>(); a && a->targets.size() == 1) {
        std::optional<PyValue> v = eval(a->value);
        if (!v)
            return Failure{line, m_lastReason};
        if (!bind(a->targets.front(), *v))
            return Failure{line, QStringLiteral("an assignment that is not to plain names")};
        return std::nullopt;
    }
    if (const auto *f = s->dyn<py::For>(); f && !f->isAsync() && f->orelse.empty()) {
        std::optional<PyValue> seq = eval(f->iter);
        if (!seq || !seq->isSequence())
            return Failure{line, seq ? QStringLiteral("a for loop over something that is not a literal sequence")
                                     : m_lastReason};
        for (const PyValue &item : std::as_const(seq->items)) {
            if (!bind(f->target, item))
                return Failure{line, QStringLiteral("a for loop target that does not unpack")};
            for (const py::Stmt *inner : f->body) {
                if (inner->is<py::Break>() || inner->is<py::Continue>())
                    return Failure{int(inner->line), QStringLiteral("break/continue")};
                if (std::optional<Failure> failure = run(inner, calls))
                    return failure;
            }
        }
        return std::nullopt;
    }
    return Failure{line, QStringLiteral("`%1` is not rendered natively").arg(sourceText(s))};
}

std::optional<BodyEvaluator::Failure> BodyEvaluator::evaluate(const py::FunctionDef &function, QVector<OpCall> &calls)
{
    m_locals.clear();
    for (const py::Stmt *s : function.body)
        if (std::optional<Failure> f = run(s, calls))
            return f;
    return std::nullopt;
}

} // namespace retort
