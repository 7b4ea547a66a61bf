#include "eval/evaluator.h"

#include "eval/builtins.h"
#include "eval/operations.h"
#include "python/ast.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

namespace retort::pyeval {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool checkedAdd(qint64 a, qint64 b, qint64 &out) { return !__builtin_add_overflow(a, b, &out); }
bool checkedSub(qint64 a, qint64 b, qint64 &out) { return !__builtin_sub_overflow(a, b, &out); }
bool checkedMul(qint64 a, qint64 b, qint64 &out) { return !__builtin_mul_overflow(a, b, &out); }

} // namespace

std::optional<PyValue> Evaluator::eval(const py::Expr *e)
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

std::optional<PyValue> Evaluator::evalJoinedStr(const py::Expr *e)
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

std::optional<PyValue> Evaluator::evalName(const py::Expr *e)
{
    const QString id = qs(e->as<py::Name>()->id);
    if (auto it = m_locals.constFind(id); it != m_locals.constEnd()) {
        if (it->isReference(PyValue::Ref::Host))
            return m_host.readName(*this, *it, id, e);
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
    if (pyeval::isBuiltin(id) || pyeval::isRaisedException(id))
        return referenceValue(PyValue::Ref::Builtin, QLatin1String("builtins.") + id, int(e->line));
    return fail(e, QStringLiteral("the name %1 is not a known value").arg(id));
}

std::optional<PyValue> Evaluator::evalAttribute(const py::Expr *e)
{
    const auto *a = e->as<py::Attribute>();
    const QString attr = qs(a->attr);
    std::optional<PyValue> base = eval(a->value);
    if (!base)
        return std::nullopt;
    const int line = int(e->line);
    if (base->isReference()) {
        switch (base->ref) {
        case PyValue::Ref::Host:
            return m_host.attribute(*this, *base, attr, e);
        case PyValue::Ref::Builtin:
        case PyValue::Ref::StrMethod:
            return fail(e, QStringLiteral("the attribute %1 of %2").arg(attr, base->str));
        case PyValue::Ref::Function:
            return fail(e, QStringLiteral("%1.%2 is not known").arg(base->str, attr));
        case PyValue::Ref::Library:
            break;
        }
        const QString path = m_host.libraryName(base->str + QLatin1Char('.') + attr);
        if (path.isEmpty())
            return fail(e, QStringLiteral("%1.%2 is not known").arg(base->str, attr));
        return referenceValue(PyValue::Ref::Library, path, line);
    }
    if (base->kind == PyValue::Kind::Construct)
        return m_host.attribute(*this, *base, attr, e);
    if (base->isStr()) {
        PyValue r = referenceValue(PyValue::Ref::StrMethod, QLatin1String("str.") + attr, line);
        r.items << *base;
        return r;
    }
    return fail(e, QStringLiteral("the attribute %1 of a literal").arg(attr));
}

bool Evaluator::evalArguments(const py::Call *call, PyValue &out)
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

std::optional<PyValue> Evaluator::evalCall(const py::Call *call)
{
    std::optional<PyValue> callee = eval(call->func);
    if (!callee)
        return std::nullopt;
    const int line = int(call->line);
    if (!callee->isReference())
        return fail(call, QStringLiteral("calling the result of %1").arg(qs(m_module.text(call->func)).simplified().left(60)));
    if (callee->ref == PyValue::Ref::Library || callee->ref == PyValue::Ref::Host)
        return m_host.call(*this, *callee, call);
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = callee->str;
    args.line = line;
    if (!evalArguments(call, args))
        return std::nullopt;
    if (callee->ref == PyValue::Ref::Function)
        return callFunction(call, int(callee->integer), args);
    QString why;
    std::optional<PyValue> v = callee->ref == PyValue::Ref::StrMethod
                                   ? callStrMethod(callee->items.front().str, callee->member(), args, line, why)
                                   : callBuiltin(callee->member(), args, line, why);
    if (!v)
        return fail(line, why);
    return v;
}

std::optional<PyValue> Evaluator::evalBinOp(const py::Expr *e)
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

std::optional<PyValue> Evaluator::evalCompare(const py::Expr *e)
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

std::optional<PyValue> Evaluator::evalSubscript(const py::Expr *e)
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


} // namespace retort::pyeval
