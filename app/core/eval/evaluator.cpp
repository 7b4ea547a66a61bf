#include "eval/evaluator.h"

#include "eval/builtins.h"
#include "eval/operations.h"
#include "python/ast.h"

#include <functional>
#include <utility>

namespace retort::pyeval {

namespace {

// A generous bound: real bodies run a few hundred statements.
constexpr qint64 kStatementBudget = 1000000;

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
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

} // namespace

Evaluator::Evaluator(const py::Module &module, Host &host) : m_module(module), m_host(host)
{
    m_budget = kStatementBudget;
    // The module's names as they stand when its functions are called: the
    // module has run from top to bottom. Names bound by statements Retort
    // does not run (defs, classes, if/try at module level, ...) are unknown.
    for (const py::Stmt *s : module.body) {
        if (s->is<py::Import>() || s->is<py::ImportFrom>()) {
            bindImport(s, m_globals);
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
            registerFunction(f);
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

bool Evaluator::bindImport(const py::Stmt *s, QHash<QString, PyValue> &scope)
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
        const QString canonical = path.isEmpty() ? QString() : m_host.libraryName(path);
        if (canonical.isEmpty()) {
            scope.remove(bound);
            if (&scope == &m_globals)
                m_unknownGlobals.insert(bound, QStringLiteral("%1 is imported from %2, which Retort does not run")
                                                   .arg(bound, isFrom ? module : name));
            else
                m_unknownLocals.insert(bound, QStringLiteral("%1 is imported from %2, which Retort does not run")
                                                  .arg(bound, isFrom ? module : name));
        } else {
            scope.insert(bound, referenceValue(PyValue::Ref::Library, canonical, int(s->line)));
            m_unknownLocals.remove(bound);
            if (&scope == &m_globals)
                m_unknownGlobals.remove(bound);
        }
    }
    return true;
}

void Evaluator::collectLocalNames(const py::FunctionDef &function)
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

const PyValue *Evaluator::local(const QString &name) const
{
    const auto it = m_locals.constFind(name);
    return it == m_locals.constEnd() ? nullptr : &*it;
}

const PyValue *Evaluator::global(const QString &name) const
{
    if (m_locals.contains(name) || m_localNames.contains(name))
        return nullptr;
    const auto it = m_globals.constFind(name);
    return it == m_globals.constEnd() ? nullptr : &*it;
}

std::nullopt_t Evaluator::fail(int line, QString reason)
{
    m_failure = Failure{line, std::move(reason)};
    return std::nullopt;
}

std::nullopt_t Evaluator::fail(const py::Expr *e, QString reason)
{
    return fail(int(e->line), std::move(reason));
}

QString Evaluator::sourceText(const py::Stmt *s) const
{
    QString t = qs(m_module.text(s)).simplified();
    if (t.size() > 60)
        t = t.left(57) + QLatin1String("...");
    return t;
}

std::optional<PyValue> Evaluator::evalComprehension(const py::Expr *e)
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

bool Evaluator::bind(const py::Expr *target, const PyValue &value)
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

// ---- module-level functions ------------------------------------------------------

void Evaluator::registerFunction(const py::FunctionDef *f)
{
    const QString name = qs(f->name);
    const int line = int(f->line);
    Function h;
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
    m_functions.append(h);
    m_unknownGlobals.remove(name);
    m_globals.insert(name, referenceValue(PyValue::Ref::Function, QLatin1String("helper.") + name, line));
    m_globals[name].integer = m_functions.size() - 1;
}

std::optional<PyValue> Evaluator::callFunction(const py::Call *call, int index, const PyValue &args)
{
    const int line = int(call->line);
    const Function &h = m_functions.at(index);
    const QString name = qs(h.def->name);
    if (!h.whyNot.isEmpty())
        return fail(line, h.whyNot);
    if (m_activeFunctions.contains(index))
        return fail(line, QStringLiteral("%1() (line %2) calls itself").arg(name).arg(h.def->line));
    if (m_activeFunctions.size() >= 32)
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
    // The function sees its parameters and the module's names, none of the caller's.
    const QHash<QString, PyValue> savedLocals = m_locals;
    const QHash<QString, QString> savedUnknown = m_unknownLocals;
    const QSet<QString> savedNames = m_localNames;
    m_locals = bound;
    m_unknownLocals.clear();
    m_localNames.clear();
    for (auto it = bound.cbegin(); it != bound.cend(); ++it)
        m_localNames.insert(it.key());
    m_activeFunctions.append(index);
    std::optional<PyValue> v = eval(h.result);
    m_activeFunctions.removeLast();
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

Flow Evaluator::runBlock(const py::Span<py::Stmt *> &body)
{
    for (const py::Stmt *s : body) {
        const Flow f = run(s);
        if (f != Flow::Normal)
            return f;
    }
    return Flow::Normal;
}

Flow Evaluator::run(const py::Stmt *s)
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
            return callStatement(call, false) ? Flow::Normal : Flow::Fail;
        return eval(es->value) ? Flow::Normal : Flow::Fail;
    }
    if (const auto *a = s->dyn<py::Assign>()) {
        const auto *call = a->value->dyn<py::Call>();
        if (call) {
            if (const Host::Handled h = m_host.assignment(*this, a); h != Host::Handled::No)
                return h == Host::Handled::Done ? Flow::Normal : Flow::Fail;
        }
        std::optional<PyValue> v = call ? callStatement(call, true) : eval(a->value);
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
        return runBlock(*t ? i->body : i->orelse);
    }
    if (s->is<py::For>())
        return runFor(s);
    if (const auto *w = s->dyn<py::With>())
        return m_host.withStatement(*this, w);
    if (const auto *r = s->dyn<py::Return>()) {
        if (r->value && !eval(r->value))
            return Flow::Fail;
        return Flow::Return;
    }
    if (s->is<py::Import>() || s->is<py::ImportFrom>())
        return bindImport(s, m_locals) ? Flow::Normal : Flow::Fail;
    if (s->is<py::Raise>())
        return runRaise(s);
    if (const char *what = statementName(s))
        return fail(line, QStringLiteral("%1 (`%2`)").arg(QLatin1String(what), sourceText(s))), Flow::Fail;
    return fail(line, QStringLiteral("`%1` is not evaluated natively").arg(sourceText(s))), Flow::Fail;
}

Flow Evaluator::runFor(const py::Stmt *s)
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
        const Flow flow = runBlock(f->body);
        if (flow == Flow::Break)
            return Flow::Normal;  // the else clause runs only without break
        if (flow == Flow::Fail || flow == Flow::Return || flow == Flow::Raise)
            return flow;
    }
    return runBlock(f->orelse);
}

Flow Evaluator::runRaise(const py::Stmt *s)
{
    const auto *r = s->as<py::Raise>();
    const int line = int(s->line);
    auto needsPython = [&] {
        return fail(line, QStringLiteral("raise (`%1`)").arg(sourceText(s))), Flow::Fail;
    };
    // A bare `raise` re-raises whatever is active; `from` chains a cause
    // alembic's traceback shows: both only Python reproduces.
    if (!r->exc || r->cause)
        return needsPython();
    const auto *call = r->exc->dyn<py::Call>();
    const py::Expr *classExpr = call ? call->func : r->exc;
    if (!classExpr->is<py::Name>())
        return needsPython();
    // The name is read as Python reads it: a local or module-level
    // NotImplementedError is not the builtin.
    std::optional<PyValue> cls = eval(classExpr);
    if (!cls)
        return Flow::Fail;
    if (!cls->isReference(PyValue::Ref::Builtin) || !isRaisedException(cls->member()))
        return needsPython();
    Raised raised;
    raised.line = line;
    raised.exception = cls->member();
    if (call) {
        PyValue args;
        args.kind = PyValue::Kind::Construct;
        args.line = line;
        if (!evalArguments(call, args))
            return Flow::Fail;
        // str() of an exception with several arguments is their tuple's repr
        if (!args.keywords.isEmpty() || args.items.size() > 1)
            return needsPython();
        if (!args.items.isEmpty()) {
            QString why;
            std::optional<PyValue> text = callBuiltin(QStringLiteral("str"), args, line, why);
            if (!text)
                return fail(line, why), Flow::Fail;
            raised.message = text->str;
        }
    }
    m_raised = raised;
    return Flow::Raise;
}

std::optional<PyValue> Evaluator::callStatement(const py::Call *call, bool assigned)
{
    PyValue result;
    switch (m_host.callStatement(*this, call, assigned, result)) {
    case Host::Handled::Done:
        return result;
    case Host::Handled::Failed:
        return std::nullopt;
    case Host::Handled::No:
        break;
    }
    return evalCall(call);
}

std::optional<Failure> Evaluator::run(const py::FunctionDef &function)
{
    m_locals.clear();
    m_unknownLocals.clear();
    m_activeFunctions.clear();
    m_budget = kStatementBudget;
    m_failure = Failure{int(function.line), QStringLiteral("an unknown failure")};
    m_raised.reset();
    collectLocalNames(function);
    m_function = &function;
    if (function.isAsync())
        return Failure{int(function.line), QStringLiteral("an async function")};
    const Flow flow = runBlock(function.body);
    if (flow == Flow::Fail)
        return m_failure;
    if (flow == Flow::Break || flow == Flow::Continue)
        return Failure{int(function.line), QStringLiteral("break/continue outside a loop")};
    return std::nullopt;
}

} // namespace retort::pyeval
