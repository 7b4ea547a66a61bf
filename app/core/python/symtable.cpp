#include "python/symtable.h"

#include <deque>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace retort::py {

namespace {

QString qstr(std::string_view s) { return QString::fromUtf8(s.data(), int(s.size())); }

// symtable.c's DEF_* flags, as far as the checks below need them.
enum : uint32_t {
    DefGlobal = 1,
    DefLocal = 2,
    DefParam = 4,
    DefNonlocal = 8,
    Use = 16,
    DefImport = 32,
    DefAnnot = 64,
    DefCompIter = 128,
    DefBound = DefLocal | DefParam | DefImport,
};

struct Block {
    enum class Type { Module, Class, Function };
    Type type = Type::Function;
    const Node *node = nullptr;
    NodeKind comprehension{};  // ListComp, SetComp, DictComp or GeneratorExp when isComprehension
    bool isComprehension = false;
    int compIterExpr = 0;       // inside a comprehension's iterable expression
    bool compIterTarget = false;  // binding a comprehension's iteration variable
    // Names in the order they first appear, as Python's dict keeps them,
    // and where each is in that list.
    std::vector<std::pair<std::string_view, uint32_t>> symbols;
    std::unordered_map<std::string_view, size_t> index;
    // global/nonlocal statements (and walrus targets a comprehension hands
    // out) per name, where errors about that name are reported.
    std::vector<std::pair<std::string_view, const Node *>> directives;
    std::vector<Block *> children;

    uint32_t lookup(std::string_view name) const
    {
        const auto it = index.find(name);
        return it == index.end() ? 0 : symbols[it->second].second;
    }
    uint32_t &flags(std::string_view name)
    {
        const auto [it, added] = index.emplace(name, symbols.size());
        if (added)
            symbols.emplace_back(name, 0);
        return symbols[it->second].second;
    }
    const Node *directive(std::string_view name) const
    {
        for (const auto &[n, at] : directives)
            if (n == name)
                return at;
        return node;
    }
};

const char *comprehensionName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::ListComp: return "list comprehension";
    case NodeKind::SetComp: return "set comprehension";
    case NodeKind::DictComp: return "dict comprehension";
    default: return "generator expression";
    }
}

struct Failure {};

class Builder {
public:
    Builder(const QString &fileName, bool futureAnnotations, SymbolTable &table)
        : m_fileName(fileName), m_futureAnnotations(futureAnnotations), m_table(table)
    {
    }

    void run(const Module &module)
    {
        try {
            m_module = enter(Block::Type::Module, nullptr);
            statements(module.body);
            leave();
            analyze(m_module, nullptr);
        } catch (const Failure &) {
        }
    }

private:
    [[noreturn]] void fail(const Node *at, const QString &message)
    {
        m_table.error = at ? Error::syntax(m_fileName, int(at->line), int(at->column) + 1, message)
                           : Error::syntax(m_fileName, 1, 0, message);
        throw Failure{};
    }

    Block *cur() { return m_stack.back(); }

    Block *enter(Block::Type type, const Node *node)
    {
        Block &b = m_blocks.emplace_back();
        b.type = type;
        b.node = node;
        if (!m_stack.empty()) {
            b.compIterExpr = cur()->compIterExpr;
            cur()->children.push_back(&b);
        }
        m_stack.push_back(&b);
        return &b;
    }

    void leave()
    {
        Block *b = m_stack.back();
        m_stack.pop_back();
        if (b->node)
            m_table.blocks[b->node] = m_facts[b];
    }

    void addDef(std::string_view name, uint32_t flag, const Node *at, Block *block = nullptr)
    {
        Block *b = block ? block : cur();
        uint32_t &flags = b->flags(name);
        if ((flag & DefParam) && (flags & DefParam))
            fail(at, QStringLiteral("duplicate argument '%1' in function definition").arg(qstr(name)));
        flags |= flag;
        if (b->compIterTarget) {
            if (flags & (DefGlobal | DefNonlocal))
                fail(at, QStringLiteral("comprehension inner loop cannot rebind assignment expression target '%1'")
                             .arg(qstr(name)));
            flags |= DefCompIter;
        }
    }

    void statements(Span<Stmt *> body)
    {
        for (const Stmt *s : body)
            visit(s);
    }
    void expressions(Span<Expr *> exprs)
    {
        for (const Expr *e : exprs)
            visit(e);
    }

    void annotation(const Expr *e)
    {
        if (!m_futureAnnotations)
            visit(e);
    }

    void parameters(const Arguments *a)
    {
        forEachParameter(a, [this](const Arg *arg) { addDef(arg->arg, DefParam, arg); });
    }

    void declaration(const Global *g)
    {
        const bool global = g->kind == NodeKind::Global;
        const QString kind = global ? QStringLiteral("global") : QStringLiteral("nonlocal");
        for (std::string_view name : g->names) {
            const uint32_t flags = cur()->lookup(name);
            QString message;
            if (flags & DefParam)
                message = QStringLiteral("name '%1' is parameter and %2");
            else if (flags & Use)
                message = QStringLiteral("name '%1' is used prior to %2 declaration");
            else if (flags & DefAnnot)
                message = QStringLiteral("annotated name '%1' can't be %2");
            else if (flags & DefLocal)
                message = QStringLiteral("name '%1' is assigned to before %2 declaration");
            if (!message.isEmpty())
                fail(g, message.arg(qstr(name), kind));
            addDef(name, global ? DefGlobal : DefNonlocal, g);
            cur()->directives.emplace_back(name, g);
        }
    }

    void visit(const Node *n)
    {
        if (!n)
            return;
        if (const ComprehensionParts c = comprehensionParts(n); c.node)
            return comprehension(c);
        switch (n->kind) {
        case NodeKind::FunctionDef:
        case NodeKind::AsyncFunctionDef: {
            const auto *f = n->as<FunctionDef>();
            addDef(f->name, DefLocal, f);
            expressions(f->args->defaults);
            expressions(f->args->kwDefaults);
            forEachParameter(f->args, [this](const Arg *arg) { annotation(arg->annotation); });
            annotation(f->returns);
            expressions(f->decoratorList);
            Block *b = enter(Block::Type::Function, f);
            m_facts[b].coroutine = f->isAsync();
            parameters(f->args);
            statements(f->body);
            leave();
            return;
        }
        case NodeKind::ClassDef: {
            const auto *c = n->as<ClassDef>();
            addDef(c->name, DefLocal, c);
            expressions(c->bases);
            for (const Keyword *k : c->keywords)
                visit(k->value);
            expressions(c->decoratorList);
            enter(Block::Type::Class, c);
            statements(c->body);
            leave();
            return;
        }
        case NodeKind::AnnAssign: {
            const auto *a = n->as<AnnAssign>();
            if (const auto *name = a->target->dyn<Name>()) {
                const uint32_t flags = cur()->lookup(name->id);
                if ((flags & (DefGlobal | DefNonlocal)) && cur() != m_module && a->simple)
                    fail(a, QStringLiteral("annotated name '%1' can't be %2")
                                .arg(qstr(name->id), (flags & DefGlobal) ? QStringLiteral("global")
                                                                         : QStringLiteral("nonlocal")));
                if (a->simple)
                    addDef(name->id, DefAnnot | DefLocal, name);
                else if (a->value)
                    addDef(name->id, DefLocal, name);
            } else {
                visit(a->target);
            }
            annotation(a->annotation);
            visit(a->value);
            return;
        }
        case NodeKind::Import:
        case NodeKind::ImportFrom: {
            const Span<Alias *> names = n->kind == NodeKind::Import ? n->as<Import>()->names : n->as<ImportFrom>()->names;
            for (const Alias *alias : names) {
                if (alias->name == "*") {
                    if (cur()->type != Block::Type::Module)
                        fail(alias, QStringLiteral("import * only allowed at module level"));
                } else {
                    addDef(boundName(alias, n->kind), DefImport, alias);
                }
            }
            return;
        }
        case NodeKind::Global:
        case NodeKind::Nonlocal:
            declaration(n->as<Global>());
            return;
        case NodeKind::ExceptHandler: {
            const auto *h = n->as<ExceptHandler>();
            visit(h->type);
            if (!h->name.empty())
                addDef(h->name, DefLocal, h);
            statements(h->body);
            return;
        }
        case NodeKind::Name: {
            const auto *name = n->as<Name>();
            addDef(name->id, name->ctx == ExprContext::Load ? Use : DefLocal, name);
            return;
        }
        case NodeKind::NamedExpr: {
            const auto *w = n->as<NamedExpr>();
            if (cur()->compIterExpr > 0)
                fail(w, QStringLiteral("assignment expression cannot be used in a comprehension iterable expression"));
            if (cur()->isComprehension)
                extendNamedExprScope(w->target->as<Name>());
            visit(w->value);
            visit(w->target);
            return;
        }
        case NodeKind::Yield:
        case NodeKind::YieldFrom:
            forEachChild(n, [this](const Node *child) { visit(child); });
            m_facts[cur()].generator = true;
            if (cur()->isComprehension)
                fail(n, QStringLiteral("'yield' inside %1").arg(QLatin1String(comprehensionName(cur()->comprehension))));
            return;
        case NodeKind::Await:
            visit(n->as<Await>()->value);
            m_facts[cur()].coroutine = true;
            return;
        case NodeKind::Lambda: {
            const auto *l = n->as<Lambda>();
            expressions(l->args->defaults);
            expressions(l->args->kwDefaults);
            enter(Block::Type::Function, l);
            parameters(l->args);
            visit(l->body);
            leave();
            return;
        }
        default:
            forEachChild(n, [this](const Node *child) { visit(child); });
            return;
        }
    }

    void comprehension(const ComprehensionParts &c)
    {
        const Expr *e = c.node;
        const Span<Comprehension *> generators = c.generators;
        const Comprehension *outermost = generators.front();
        ++cur()->compIterExpr;
        visit(outermost->iter);
        --cur()->compIterExpr;
        Block *b = enter(Block::Type::Function, e);
        b->isComprehension = true;
        b->comprehension = e->kind;
        const bool isGenerator = e->kind == NodeKind::GeneratorExp;
        if (outermost->isAsync)
            m_facts[b].coroutine = true;
        b->compIterTarget = true;
        visit(outermost->target);
        b->compIterTarget = false;
        expressions(outermost->ifs);
        for (uint32_t i = 1; i < generators.size(); ++i) {
            const Comprehension *g = generators[i];
            b->compIterTarget = true;
            visit(g->target);
            b->compIterTarget = false;
            ++b->compIterExpr;
            visit(g->iter);
            --b->compIterExpr;
            expressions(g->ifs);
            if (g->isAsync)
                m_facts[b].coroutine = true;
        }
        visit(c.value);
        visit(c.elt);
        m_facts[b].generator = isGenerator;
        const bool isAsync = m_facts[b].coroutine && !isGenerator;
        leave();
        // An async list, set or dict comprehension makes the one around it async too.
        if (isAsync)
            m_facts[cur()].coroutine = true;
    }

    // A walrus in a comprehension binds in the nearest function or module
    // around it (symtable_extend_namedexpr_scope).
    void extendNamedExprScope(const Name *target)
    {
        for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
            Block *b = *it;
            if (b->isComprehension) {
                if (b->lookup(target->id) & DefCompIter)
                    fail(target, QStringLiteral("assignment expression cannot rebind comprehension iteration variable '%1'")
                                     .arg(qstr(target->id)));
                continue;
            }
            if (b->type == Block::Type::Function) {
                addDef(target->id, (b->lookup(target->id) & DefGlobal) ? DefGlobal : DefNonlocal, target);
                cur()->directives.emplace_back(target->id, target);
                addDef(target->id, DefLocal, target, b);
                return;
            }
            if (b->type == Block::Type::Module) {
                addDef(target->id, DefGlobal, target);
                cur()->directives.emplace_back(target->id, target);
                addDef(target->id, DefGlobal, target, b);
                return;
            }
            fail(target, QStringLiteral("assignment expression within a comprehension cannot be used in a class body"));
        }
    }

    // symtable.c's analyze_block, for its errors only: `bound` holds the
    // names functions around this block bind (nullptr for the module).
    void analyze(const Block *b, const std::set<std::string_view> *parentBound)
    {
        std::set<std::string_view> bound;
        if (parentBound)
            bound = *parentBound;
        std::set<std::string_view> childBound;
        if (b->type == Block::Type::Class)
            childBound = bound;
        std::set<std::string_view> local;
        for (const auto &[name, flags] : b->symbols) {
            if (flags & DefGlobal) {
                if (flags & DefNonlocal)
                    fail(b->directive(name), QStringLiteral("name '%1' is nonlocal and global").arg(qstr(name)));
                bound.erase(name);
            } else if (flags & DefNonlocal) {
                if (!parentBound)
                    fail(b->directive(name), QStringLiteral("nonlocal declaration not allowed at module level"));
                if (!bound.count(name))
                    fail(b->directive(name), QStringLiteral("no binding for nonlocal '%1' found").arg(qstr(name)));
            } else if (flags & DefBound) {
                local.insert(name);
            }
        }
        if (b->type == Block::Type::Class) {
            childBound.insert("__class__");
        } else {
            if (b->type == Block::Type::Function)
                childBound = local;
            if (parentBound)
                childBound.insert(bound.begin(), bound.end());
        }
        for (const Block *child : b->children)
            analyze(child, &childBound);
    }

    QString m_fileName;
    bool m_futureAnnotations = false;
    SymbolTable &m_table;
    std::deque<Block> m_blocks;
    std::vector<Block *> m_stack;
    Block *m_module = nullptr;
    std::unordered_map<const Block *, BlockFacts> m_facts;
};

} // namespace

ComprehensionParts comprehensionParts(const Node *node)
{
    if (const auto *c = node->dyn<Comp>())
        return {c, c->generators, c->elt, nullptr};
    if (const auto *d = node->dyn<DictComp>())
        return {d, d->generators, d->key, d->value};
    return {};
}

SymbolTable buildSymbolTable(const Module &module, const QString &fileName, bool futureAnnotations)
{
    SymbolTable table;
    Builder(fileName, futureAnnotations, table).run(module);
    return table;
}

} // namespace retort::py
