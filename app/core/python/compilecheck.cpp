#include "python/compilecheck.h"

#include <vector>

namespace retort::py {

namespace {

QString qstr(std::string_view s) { return QString::fromUtf8(s.data(), int(s.size())); }

class Checker {
public:
    explicit Checker(const QString &fileName) : m_fileName(fileName) {}

    Error error;

    void statements(Span<Stmt *> body)
    {
        for (const Stmt *s : body)
            visit(s);
    }

private:
    struct Scope {
        bool function = false;
        bool async = false;
        bool loop = false;
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

    void parameters(const Arguments *a)
    {
        if (!a)
            return;
        std::vector<std::string_view> seen;
        auto add = [&](const Arg *arg) {
            if (!arg)
                return;
            for (std::string_view s : seen)
                if (s == arg->arg)
                    return fail(arg, QStringLiteral("duplicate argument '%1' in function definition").arg(qstr(arg->arg)));
            seen.push_back(arg->arg);
        };
        for (const Arg *x : a->posonlyargs)
            add(x);
        for (const Arg *x : a->args)
            add(x);
        add(a->vararg);
        for (const Arg *x : a->kwonlyargs)
            add(x);
        add(a->kwarg);
    }

    void inScope(const Scope &scope, const Node *n)
    {
        const Scope outer = m_scope;
        m_scope = scope;
        children(n);
        m_scope = outer;
    }

    void body(const Scope &scope, Span<Stmt *> stmts)
    {
        const Scope outer = m_scope;
        m_scope = scope;
        statements(stmts);
        m_scope = outer;
    }

    void visit(const Node *n)
    {
        if (!n || error)
            return;
        switch (n->kind) {
        case NodeKind::FunctionDef:
        case NodeKind::AsyncFunctionDef: {
            const auto *f = n->as<FunctionDef>();
            parameters(f->args);
            for (const Expr *d : f->decoratorList)
                visit(d);
            visit(f->args);
            visit(f->returns);
            body(Scope{true, f->isAsync(), false}, f->body);
            return;
        }
        case NodeKind::Lambda: {
            const auto *l = n->as<Lambda>();
            parameters(l->args);
            visit(l->args);
            const Scope outer = m_scope;
            m_scope = Scope{true, false, false};
            visit(l->body);
            m_scope = outer;
            return;
        }
        case NodeKind::ClassDef:
            inScope(Scope{false, false, false}, n);
            return;
        case NodeKind::For:
        case NodeKind::AsyncFor: {
            const auto *f = n->as<For>();
            if (f->isAsync() && !m_scope.async)
                fail(n, QStringLiteral("'async for' outside async function"));
            visit(f->target);
            visit(f->iter);
            body(Scope{m_scope.function, m_scope.async, true}, f->body);
            statements(f->orelse);
            return;
        }
        case NodeKind::While: {
            const auto *w = n->as<While>();
            visit(w->test);
            body(Scope{m_scope.function, m_scope.async, true}, w->body);
            statements(w->orelse);
            return;
        }
        case NodeKind::AsyncWith:
            if (!m_scope.async)
                fail(n, QStringLiteral("'async with' outside async function"));
            break;
        case NodeKind::Return:
            if (!m_scope.function)
                fail(n, QStringLiteral("'return' outside function"));
            break;
        case NodeKind::Yield:
        case NodeKind::YieldFrom:
            if (!m_scope.function)
                fail(n, QStringLiteral("'yield' outside function"));
            break;
        case NodeKind::Await:
            if (!m_scope.function)
                fail(n, QStringLiteral("'await' outside function"));
            else if (!m_scope.async)
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
        case NodeKind::Nonlocal:
            if (!m_scope.function)
                fail(n, QStringLiteral("nonlocal declaration not allowed at module level"));
            break;
        case NodeKind::Try:
        case NodeKind::TryStar: {
            const auto *t = n->as<Try>();
            for (size_t i = 0; i + 1 < t->handlers.size(); ++i)
                if (!t->handlers[uint32_t(i)]->type)
                    fail(t->handlers[uint32_t(i)], QStringLiteral("default 'except:' must be last"));
            break;
        }
        case NodeKind::Call: {
            const auto *c = n->as<Call>();
            for (uint32_t i = 0; i < c->keywords.size(); ++i)
                for (uint32_t j = 0; j < i; ++j)
                    if (!c->keywords[i]->arg.empty() && c->keywords[i]->arg == c->keywords[j]->arg)
                        fail(c->keywords[i], QStringLiteral("keyword argument repeated: %1").arg(qstr(c->keywords[i]->arg)));
            break;
        }
        default:
            break;
        }
        children(n);
    }

    QString m_fileName;
    Scope m_scope;
};

} // namespace

Error checkCompiles(const Module &module, const QString &fileName)
{
    Checker checker(fileName);
    checker.statements(module.body);
    return checker.error;
}

} // namespace retort::py
