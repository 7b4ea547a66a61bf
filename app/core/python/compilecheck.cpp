#include "python/compilecheck.h"

#include "python/symtable.h"

#include <climits>
#include <vector>

namespace retort::py {

namespace {

QString qstr(std::string_view s) { return QString::fromUtf8(s.data(), int(s.size())); }

const QString kLateFuture = QStringLiteral("from __future__ imports must occur at the beginning of the file");

bool isFutureImport(const Node *s)
{
    const auto *i = s->dyn<ImportFrom>();
    return i && i->module == "__future__";
}

struct Future {
    Error error;
    uint32_t lastLine = 0;  // the line of the last future import that counts (ff_lineno)
    bool annotations = false;
};

// Python/future.c: the future imports at the top of the module, after the
// docstring, and the features they name.
Future readFuture(const Module &module, const QString &fileName)
{
    static const char *const known[] = {"nested_scopes", "generators", "division", "absolute_import",
                                        "with_statement", "print_function", "unicode_literals",
                                        "barry_as_FLUFL", "generator_stop", "annotations"};
    Future future;
    uint32_t i = 0;
    if (!module.body.empty()) {
        const auto *e = module.body.front()->dyn<ExprStmt>();
        const auto *c = e ? e->value->dyn<Constant>() : nullptr;
        i = c && c->isString() ? 1 : 0;
    }
    bool done = false;
    uint32_t previousLine = 0;
    for (; i < module.body.size(); ++i) {
        const Stmt *s = module.body[i];
        if (done && s->line > previousLine)
            break;
        previousLine = s->line;
        if (!isFutureImport(s)) {
            done = true;
            continue;
        }
        if (done) {
            // future.c reports this one at the 0-based column
            future.error = Error::syntax(fileName, int(s->line), int(s->column), kLateFuture);
            return future;
        }
        for (const Alias *alias : s->as<ImportFrom>()->names) {
            bool ok = false;
            for (const char *name : known)
                ok = ok || alias->name == name;
            if (ok) {
                future.annotations = future.annotations || alias->name == "annotations";
                continue;
            }
            future.error = Error::syntax(fileName, int(s->line), int(s->column) + 1,
                                         alias->name == "braces"
                                             ? QStringLiteral("not a chance")
                                             : QStringLiteral("future feature %1 is not defined").arg(qstr(alias->name)));
            return future;
        }
        future.lastLine = s->line;
    }
    return future;
}

// Python/compile.c's own checks, made while it generates code.
class Checker {
public:
    Checker(const QString &fileName, const Future &future, const SymbolTable &symbols)
        : m_fileName(fileName), m_future(future), m_symbols(symbols)
    {
    }

    Error error;

    void statements(Span<Stmt *> body)
    {
        for (const Stmt *s : body)
            visit(s);
    }

private:
    enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };
    struct Scope {
        ScopeType type = ScopeType::Module;
        bool loop = false;
        const Node *block = nullptr;
        bool function() const { return type != ScopeType::Module && type != ScopeType::Class; }
    };

    void fail(const Node *at, const QString &message)
    {
        if (!error)
            error = Error::syntax(m_fileName, int(at->line), int(at->column) + 1, message);
    }

    void children(const Node *n)
    {
        forEachChild(n, [this](const Node *child) { visit(child); });
    }
    void expressions(Span<Expr *> exprs)
    {
        for (const Expr *e : exprs)
            visit(e);
    }

    // Elements of a display or the arguments of a call, where *x is allowed.
    void elements(Span<Expr *> exprs)
    {
        for (const Expr *e : exprs)
            visit(e->is<Starred>() ? e->as<Starred>()->value : e);
    }

    void storeName(const Node *at, std::string_view name)
    {
        if (name == "__debug__")
            fail(at, QStringLiteral("cannot assign to __debug__"));
    }

    void debugParameters(const Node *at, const Arguments *a)
    {
        forEachParameter(a, [this, at](const Arg *arg) { storeName(at, arg->arg); });
    }

    // validate_keywords, before the call's arguments are compiled
    void checkKeywords(const Node *at, Span<Keyword *> keywords)
    {
        for (uint32_t i = 0; i < keywords.size(); ++i) {
            const Keyword *k = keywords[i];
            if (k->arg.empty())
                continue;
            storeName(at, k->arg);
            for (uint32_t j = 0; j < i; ++j)
                if (k->arg == keywords[j]->arg)
                    fail(k, QStringLiteral("keyword argument repeated: %1").arg(qstr(k->arg)));
        }
    }

    void arguments(const Node *at, Span<Expr *> args, Span<Keyword *> keywords)
    {
        checkKeywords(at, keywords);
        elements(args);
        for (const Keyword *k : keywords)
            visit(k->value);
    }

    void annotation(const Expr *e)
    {
        if (!m_future.annotations)
            visit(e);
    }

    void inScope(const Scope &scope, Span<Stmt *> body)
    {
        const Scope outer = m_scope;
        m_scope = scope;
        statements(body);
        m_scope = outer;
    }

    void function(const FunctionDef *f)
    {
        debugParameters(f, f->args);
        expressions(f->decoratorList);
        expressions(f->args->defaults);
        expressions(f->args->kwDefaults);
        forEachParameter(f->args, [this](const Arg *arg) { annotation(arg->annotation); });
        annotation(f->returns);
        inScope(Scope{f->isAsync() ? ScopeType::AsyncFunction : ScopeType::Function, false, f}, f->body);
        storeName(f, f->name);
    }

    void comprehension(const ComprehensionParts &c)
    {
        const Expr *e = c.node;
        const Span<Comprehension *> generators = c.generators;
        if (e->kind != NodeKind::GeneratorExp && m_symbols.facts(e).coroutine
            && m_scope.type != ScopeType::AsyncFunction && m_scope.type != ScopeType::Comprehension)
            fail(e, QStringLiteral("asynchronous comprehension outside of an asynchronous function"));
        const Scope outer = m_scope;
        m_scope = Scope{ScopeType::Comprehension, false, e};
        for (uint32_t i = 0; i < generators.size(); ++i) {
            const Comprehension *g = generators[i];
            if (i > 0)
                visit(g->iter);
            visit(g->target);
            expressions(g->ifs);
        }
        visit(c.elt);
        visit(c.value);
        m_scope = outer;
        visit(generators.front()->iter);
    }

    // An assignment's list or tuple target (unpack_helper).
    void unpackTarget(const Sequence *s)
    {
        bool seenStar = false;
        for (uint32_t i = 0; i < s->elts.size(); ++i) {
            if (!s->elts[i]->is<Starred>())
                continue;
            if (seenStar)
                return fail(s, QStringLiteral("multiple starred expressions in assignment"));
            if (i >= (1u << 8) || s->elts.size() - i - 1 >= uint32_t(INT_MAX >> 8))
                return fail(s, QStringLiteral("too many expressions in star-unpacking assignment"));
            seenStar = true;
        }
    }

    void visit(const Node *n)
    {
        if (!n || error)
            return;
        if (const ComprehensionParts c = comprehensionParts(n); c.node)
            return comprehension(c);
        switch (n->kind) {
        case NodeKind::FunctionDef:
        case NodeKind::AsyncFunctionDef:
            function(n->as<FunctionDef>());
            return;
        case NodeKind::Lambda: {
            const auto *l = n->as<Lambda>();
            debugParameters(l, l->args);
            expressions(l->args->defaults);
            expressions(l->args->kwDefaults);
            const Scope outer = m_scope;
            m_scope = Scope{ScopeType::Lambda, false, l};
            visit(l->body);
            m_scope = outer;
            return;
        }
        case NodeKind::ClassDef: {
            const auto *c = n->as<ClassDef>();
            expressions(c->decoratorList);
            arguments(c, c->bases, c->keywords);
            inScope(Scope{ScopeType::Class, false, c}, c->body);
            storeName(c, c->name);
            return;
        }
        case NodeKind::For:
        case NodeKind::AsyncFor: {
            const auto *f = n->as<For>();
            if (f->isAsync() && m_scope.type != ScopeType::AsyncFunction)
                fail(n, QStringLiteral("'async for' outside async function"));
            visit(f->iter);
            visit(f->target);
            inScope(Scope{m_scope.type, true, m_scope.block}, f->body);
            statements(f->orelse);
            return;
        }
        case NodeKind::While: {
            const auto *w = n->as<While>();
            visit(w->test);
            inScope(Scope{m_scope.type, true, m_scope.block}, w->body);
            statements(w->orelse);
            return;
        }
        case NodeKind::AsyncWith:
            if (m_scope.type != ScopeType::AsyncFunction)
                fail(n, QStringLiteral("'async with' outside async function"));
            break;
        case NodeKind::Return: {
            const auto *r = n->as<Return>();
            if (!m_scope.function()) {
                fail(n, QStringLiteral("'return' outside function"));
            } else if (r->value) {
                const BlockFacts facts = m_symbols.facts(m_scope.block);
                if (facts.coroutine && facts.generator)
                    fail(n, QStringLiteral("'return' with value in async generator"));
            }
            break;
        }
        case NodeKind::Yield:
            if (!m_scope.function())
                fail(n, QStringLiteral("'yield' outside function"));
            break;
        case NodeKind::YieldFrom:
            if (!m_scope.function())
                fail(n, QStringLiteral("'yield' outside function"));
            else if (m_scope.type == ScopeType::AsyncFunction)
                fail(n, QStringLiteral("'yield from' inside async function"));
            break;
        case NodeKind::Await:
            if (!m_scope.function())
                fail(n, QStringLiteral("'await' outside function"));
            else if (m_scope.type != ScopeType::AsyncFunction && m_scope.type != ScopeType::Comprehension)
                fail(n, QStringLiteral("'await' outside async function"));
            break;
        case NodeKind::Break:
            if (!m_scope.loop)
                fail(n, QStringLiteral("'break' outside loop"));
            break;
        case NodeKind::Continue:
            if (!m_scope.loop)
                fail(n, QStringLiteral("'continue' not properly in loop"));
            break;
        case NodeKind::Try:
        case NodeKind::TryStar: {
            const auto *t = n->as<Try>();
            for (size_t i = 0; i + 1 < t->handlers.size(); ++i)
                if (!t->handlers[uint32_t(i)]->type)
                    fail(t->handlers[uint32_t(i)], QStringLiteral("default 'except:' must be last"));
            break;
        }
        case NodeKind::ExceptHandler:
            storeName(n, n->as<ExceptHandler>()->name);
            break;
        case NodeKind::Import:
            for (const Alias *alias : n->as<Import>()->names)
                storeName(n, boundName(alias, n->kind));
            return;
        case NodeKind::ImportFrom:
            if (isFutureImport(n) && n->line > m_future.lastLine)
                fail(n, kLateFuture);
            for (const Alias *alias : n->as<ImportFrom>()->names)
                storeName(n, boundName(alias, n->kind));
            return;
        case NodeKind::Assign: {
            // the value is compiled before the targets
            const auto *a = n->as<Assign>();
            visit(a->value);
            expressions(a->targets);
            return;
        }
        case NodeKind::AugAssign: {
            const auto *a = n->as<AugAssign>();
            // x.__debug__ += 1 is allowed: only a name is checked
            visit(a->target->is<Attribute>() ? a->target->as<Attribute>()->value : a->target);
            visit(a->value);
            return;
        }
        case NodeKind::AnnAssign: {
            const auto *a = n->as<AnnAssign>();
            visit(a->value);
            visit(a->target);
            if (!m_scope.function())
                annotation(a->annotation);
            return;
        }
        case NodeKind::Call: {
            const auto *c = n->as<Call>();
            visit(c->func);
            arguments(c, c->args, c->keywords);
            return;
        }
        case NodeKind::List:
        case NodeKind::Tuple: {
            const auto *s = n->as<Sequence>();
            if (s->ctx == ExprContext::Store)
                unpackTarget(s);
            elements(s->elts);
            return;
        }
        case NodeKind::Set:
            elements(n->as<Set>()->elts);
            return;
        case NodeKind::Starred:
            fail(n, n->as<Starred>()->ctx == ExprContext::Store
                        ? QStringLiteral("starred assignment target must be in a list or tuple")
                        : QStringLiteral("can't use starred expression here"));
            return;
        case NodeKind::Name: {
            const auto *name = n->as<Name>();
            if (name->id == "__debug__" && name->ctx == ExprContext::Del)
                fail(n, QStringLiteral("cannot delete __debug__"));
            else if (name->ctx == ExprContext::Store)
                storeName(n, name->id);
            return;
        }
        case NodeKind::Attribute: {
            const auto *a = n->as<Attribute>();
            if (a->ctx == ExprContext::Store)
                storeName(n, a->attr);
            break;
        }
        default:
            break;
        }
        children(n);
    }

    QString m_fileName;
    const Future &m_future;
    const SymbolTable &m_symbols;
    Scope m_scope;
};

} // namespace

Error checkCompiles(const Module &module, const QString &fileName)
{
    const Future future = readFuture(module, fileName);
    if (future.error)
        return future.error;
    const SymbolTable symbols = buildSymbolTable(module, fileName, future.annotations);
    if (symbols.error)
        return symbols.error;
    Checker checker(fileName, future, symbols);
    checker.statements(module.body);
    return checker.error;
}

} // namespace retort::py
