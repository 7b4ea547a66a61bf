#include "project/envflow.h"

#include "python/ast.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace retort {

namespace {

using namespace retort::py;

class MigrationRuns {
public:
    explicit MigrationRuns(const Module &module)
    {
        for (const Stmt *s : module.body) {
            if (const auto *f = s->dyn<FunctionDef>())
                m_functions[f->name] = f;
            if (s->kind == NodeKind::Import || s->kind == NodeKind::ImportFrom) {
                const bool isFrom = s->kind == NodeKind::ImportFrom;
                const Span<Alias *> names = isFrom ? s->as<ImportFrom>()->names : s->as<Import>()->names;
                for (const Alias *a : names) {
                    const std::string_view from = isFrom ? s->as<ImportFrom>()->module : a->name;
                    const std::string_view root = from.substr(0, from.find('.'));
                    const bool known = !(isFrom && s->as<ImportFrom>()->level > 0)
                                       && (root == "alembic" || root == "sqlalchemy" || root == "logging"
                                           || root == "os" || root == "sys" || root == "typing" || root == "__future__");
                    m_foreignNames[boundName(a, s->kind)] = !known;
                }
            }
        }
        runs = block(module.body);
    }

    int runs = 0;  // 2 stands for "more than once"
    bool foreign = false;

private:
    static int add(int a, int b) { return std::min(a + b, 2); }

    int block(Span<Stmt *> body)
    {
        int n = 0;
        for (const Stmt *s : body)
            n = add(n, statement(s));
        return n;
    }

    int statement(const Stmt *s)
    {
        switch (s->kind) {
        case NodeKind::FunctionDef:
        case NodeKind::AsyncFunctionDef:
        case NodeKind::ClassDef:
            return 0;
        case NodeKind::If: {
            const auto *i = s->as<If>();
            return add(uses(i->test), std::max(block(i->body), block(i->orelse)));
        }
        case NodeKind::For:
        case NodeKind::AsyncFor: {
            const auto *f = s->as<For>();
            return add(uses(f->iter), add(block(f->body) > 0 ? 2 : 0, block(f->orelse)));
        }
        case NodeKind::While: {
            const auto *w = s->as<While>();
            return add(uses(w->test), add(block(w->body) > 0 ? 2 : 0, block(w->orelse)));
        }
        case NodeKind::With:
        case NodeKind::AsyncWith: {
            const auto *w = s->as<With>();
            int n = 0;
            for (const WithItem *item : w->items)
                n = add(n, uses(item));
            return add(n, block(w->body));
        }
        case NodeKind::Try:
        case NodeKind::TryStar: {
            const auto *t = s->as<Try>();
            int alternative = block(t->orelse);
            for (const ExceptHandler *h : t->handlers)
                alternative = std::max(alternative, block(h->body));
            return add(add(block(t->body), alternative), block(t->finalbody));
        }
        default:
            return uses(s);
        }
    }

    // The runs behind the names one simple statement or expression uses.
    int uses(const Node *node)
    {
        int n = 0;
        walk(node, [&](const Node *x) {
            if (x != node && (x->is<FunctionDef>() || x->is<ClassDef>()))
                return false;
            if (const auto *name = x->dyn<Name>()) {
                n = add(n, function(name->id));
            } else if (const auto *c = x->dyn<Call>()) {
                if (const auto *attr = c->func->dyn<Attribute>(); attr && attr->attr == "run_migrations")
                    n = add(n, 1);
            }
            return true;
        });
        return n;
    }

    int function(std::string_view name)
    {
        if (name == "run_migrations")
            return 1;
        const auto f = m_functions.find(name);
        if (f == m_functions.end()) {
            if (const auto i = m_foreignNames.find(name); i != m_foreignNames.end() && i->second)
                foreign = true;
            return 0;
        }
        if (const auto known = m_memo.find(name); known != m_memo.end())
            return known->second;
        m_memo[name] = 0;  // a recursive call adds nothing more
        const int n = block(f->second->body);
        m_memo[name] = n;
        return n;
    }

    std::map<std::string_view, const FunctionDef *> m_functions;
    std::map<std::string_view, bool> m_foreignNames;
    std::map<std::string_view, int> m_memo;
};

// What an if statement's test says of the mode: kOfflineRun for
// `context.is_offline_mode()`, kOnlineRun for `not context.is_offline_mode()`,
// 0 for any other test.
unsigned modeTested(const If *statement, const IsContext &isContext)
{
    const Expr *test = statement->test;
    unsigned mode = kOfflineRun;
    if (const auto *u = test->dyn<UnaryOp>(); u && u->op == UnaryOpKind::Not) {
        test = u->operand;
        mode = kOnlineRun;
    }
    const auto *call = test->dyn<Call>();
    const auto *attr = call ? call->func->dyn<Attribute>() : nullptr;
    if (!attr || attr->attr != "is_offline_mode" || !isContext(attr->value) || !call->args.empty())
        return 0;
    return mode;
}

// Follows names from the module's code into env.py's own functions, each
// with the modes the code naming it runs in.
class ModeFlow {
public:
    ModeFlow(const Module &module, const IsContext &isContext) : m_isContext(isContext)
    {
        for (const Stmt *s : module.body)
            if (const auto *f = s->dyn<FunctionDef>())
                m_functions[f->name] = f;
        // a module-level function runs where it is named
        for (const Stmt *s : module.body)
            if (!s->is<FunctionDef>())
                visit(s, kEitherRun);
    }

    std::map<const FunctionDef *, unsigned> modes;

private:
    // A function, lambda or class inside this code runs, if at all, in its
    // modes: its body is followed with them.
    void visit(const Node *node, unsigned runs)
    {
        if (const auto *name = node->dyn<Name>())
            reach(name->id, runs);
        forEachChildByMode(node, runs, m_isContext, [this](const Node *child, unsigned inside) { visit(child, inside); });
    }

    void reach(std::string_view name, unsigned runs)
    {
        const auto f = m_functions.find(name);
        if (f == m_functions.end())
            return;
        unsigned &known = modes[f->second];
        const unsigned added = runs & ~known;
        if (added == 0)
            return;
        known |= added;
        for (const Stmt *s : f->second->body)
            visit(s, added);
    }

    const IsContext &m_isContext;
    std::map<std::string_view, const FunctionDef *> m_functions;
};

} // namespace


void forEachChildByMode(const py::Node *node, unsigned runs, const IsContext &isContext,
                        const std::function<void(const py::Node *child, unsigned runs)> &fn)
{
    if (const auto *i = node->dyn<If>()) {
        if (const unsigned tested = modeTested(i, isContext)) {
            fn(i->test, runs);
            for (const Stmt *s : i->body)
                fn(s, runs & tested);
            for (const Stmt *s : i->orelse)
                fn(s, runs & ~tested & kEitherRun);
            return;
        }
    }
    forEachChild(node, [&fn, runs](const Node *child) { fn(child, runs); });
}

std::map<const py::FunctionDef *, unsigned> functionModes(const py::Module &module, const IsContext &isContext)
{
    return ModeFlow(module, isContext).modes;
}

int migrationRuns(const py::Module &module, bool *foreign)
{
    const MigrationRuns runs(module);
    *foreign = runs.foreign;
    return runs.runs;
}

} // namespace retort
