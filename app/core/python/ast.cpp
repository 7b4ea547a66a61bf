#include "python/ast.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace retort::py {

const char *nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::FunctionDef: return "FunctionDef";
    case NodeKind::AsyncFunctionDef: return "AsyncFunctionDef";
    case NodeKind::ClassDef: return "ClassDef";
    case NodeKind::Return: return "Return";
    case NodeKind::Delete: return "Delete";
    case NodeKind::Assign: return "Assign";
    case NodeKind::AugAssign: return "AugAssign";
    case NodeKind::AnnAssign: return "AnnAssign";
    case NodeKind::For: return "For";
    case NodeKind::AsyncFor: return "AsyncFor";
    case NodeKind::While: return "While";
    case NodeKind::If: return "If";
    case NodeKind::With: return "With";
    case NodeKind::AsyncWith: return "AsyncWith";
    case NodeKind::Raise: return "Raise";
    case NodeKind::Try: return "Try";
    case NodeKind::TryStar: return "TryStar";
    case NodeKind::Assert: return "Assert";
    case NodeKind::Import: return "Import";
    case NodeKind::ImportFrom: return "ImportFrom";
    case NodeKind::Global: return "Global";
    case NodeKind::Nonlocal: return "Nonlocal";
    case NodeKind::ExprStmt: return "Expr";
    case NodeKind::Pass: return "Pass";
    case NodeKind::Break: return "Break";
    case NodeKind::Continue: return "Continue";
    case NodeKind::BoolOp: return "BoolOp";
    case NodeKind::NamedExpr: return "NamedExpr";
    case NodeKind::BinOp: return "BinOp";
    case NodeKind::UnaryOp: return "UnaryOp";
    case NodeKind::Lambda: return "Lambda";
    case NodeKind::IfExp: return "IfExp";
    case NodeKind::Dict: return "Dict";
    case NodeKind::Set: return "Set";
    case NodeKind::ListComp: return "ListComp";
    case NodeKind::SetComp: return "SetComp";
    case NodeKind::DictComp: return "DictComp";
    case NodeKind::GeneratorExp: return "GeneratorExp";
    case NodeKind::Await: return "Await";
    case NodeKind::Yield: return "Yield";
    case NodeKind::YieldFrom: return "YieldFrom";
    case NodeKind::Compare: return "Compare";
    case NodeKind::Call: return "Call";
    case NodeKind::FormattedValue: return "FormattedValue";
    case NodeKind::JoinedStr: return "JoinedStr";
    case NodeKind::Constant: return "Constant";
    case NodeKind::Attribute: return "Attribute";
    case NodeKind::Subscript: return "Subscript";
    case NodeKind::Starred: return "Starred";
    case NodeKind::Name: return "Name";
    case NodeKind::List: return "List";
    case NodeKind::Tuple: return "Tuple";
    case NodeKind::Slice: return "Slice";
    case NodeKind::Arguments: return "arguments";
    case NodeKind::Arg: return "arg";
    case NodeKind::Keyword: return "keyword";
    case NodeKind::Alias: return "alias";
    case NodeKind::WithItem: return "withitem";
    case NodeKind::ExceptHandler: return "ExceptHandler";
    case NodeKind::Comprehension: return "comprehension";
    }
    return "?";
}

const char *opName(BoolOpKind op) { return op == BoolOpKind::And ? "And" : "Or"; }

const char *opName(BinOpKind op)
{
    static const char *const names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                        "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
    return names[size_t(op)];
}

const char *opName(UnaryOpKind op)
{
    static const char *const names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[size_t(op)];
}

const char *opName(CmpOpKind op)
{
    static const char *const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return names[size_t(op)];
}

void Arena::grow(size_t atLeast)
{
    size_t size = m_nextBlockSize;
    if (size < atLeast)
        size = atLeast;
    if (!m_firstBlock) {
        m_firstBlock.reset(new char[size]);
        m_cur = m_firstBlock.get();
    } else {
        m_blocks.emplace_back(new char[size]);
        m_cur = m_blocks.back().get();
    }
    m_end = m_cur + size;
    m_allocated += size;
    if (m_nextBlockSize < (size_t(1) << 20))
        m_nextBlockSize *= 2;
}

std::string_view Arena::copyString(std::string_view s)
{
    if (s.empty())
        return std::string_view(static_cast<const char *>(allocate(1, 1)), 0);
    char *out = static_cast<char *>(allocate(s.size(), 1));
    std::memcpy(out, s.data(), s.size());
    return std::string_view(out, s.size());
}

const Keyword *Call::keyword(std::string_view name) const
{
    for (const Keyword *k : keywords) {
        if (k->arg == name)
            return k;
    }
    return nullptr;
}

// ---- children ---------------------------------------------------------------

namespace {

struct ChildVisitor {
    void (*fn)(const Node *, void *);
    void *ctx;
    void operator()(const Node *n) const
    {
        if (n)
            fn(n, ctx);
    }
    template <class T>
    void operator()(const Span<T *> &list) const
    {
        for (const T *n : list)
            (*this)(n);
    }
};

} // namespace

void forEachChild(const Node *node, void (*fn)(const Node *, void *), void *context)
{
    if (!node)
        return;
    const ChildVisitor v{fn, context};
    switch (node->kind) {
    case NodeKind::FunctionDef:
    case NodeKind::AsyncFunctionDef: {
        auto *n = node->as<FunctionDef>();
        v(n->args), v(n->body), v(n->decoratorList), v(n->returns);
        break;
    }
    case NodeKind::ClassDef: {
        auto *n = node->as<ClassDef>();
        v(n->bases), v(n->keywords), v(n->body), v(n->decoratorList);
        break;
    }
    case NodeKind::Return: v(node->as<Return>()->value); break;
    case NodeKind::Delete: v(node->as<Delete>()->targets); break;
    case NodeKind::Assign: v(node->as<Assign>()->targets), v(node->as<Assign>()->value); break;
    case NodeKind::AugAssign: v(node->as<AugAssign>()->target), v(node->as<AugAssign>()->value); break;
    case NodeKind::AnnAssign: {
        auto *n = node->as<AnnAssign>();
        v(n->target), v(n->annotation), v(n->value);
        break;
    }
    case NodeKind::For:
    case NodeKind::AsyncFor: {
        auto *n = node->as<For>();
        v(n->target), v(n->iter), v(n->body), v(n->orelse);
        break;
    }
    case NodeKind::While: {
        auto *n = node->as<While>();
        v(n->test), v(n->body), v(n->orelse);
        break;
    }
    case NodeKind::If: {
        auto *n = node->as<If>();
        v(n->test), v(n->body), v(n->orelse);
        break;
    }
    case NodeKind::With:
    case NodeKind::AsyncWith: v(node->as<With>()->items), v(node->as<With>()->body); break;
    case NodeKind::Raise: v(node->as<Raise>()->exc), v(node->as<Raise>()->cause); break;
    case NodeKind::Try:
    case NodeKind::TryStar: {
        auto *n = node->as<Try>();
        v(n->body), v(n->handlers), v(n->orelse), v(n->finalbody);
        break;
    }
    case NodeKind::Assert: v(node->as<Assert>()->test), v(node->as<Assert>()->msg); break;
    case NodeKind::Import: v(node->as<Import>()->names); break;
    case NodeKind::ImportFrom: v(node->as<ImportFrom>()->names); break;
    case NodeKind::Global:
    case NodeKind::Nonlocal:
    case NodeKind::Pass:
    case NodeKind::Break:
    case NodeKind::Continue:
        break;
    case NodeKind::ExprStmt: v(node->as<ExprStmt>()->value); break;
    case NodeKind::BoolOp: v(node->as<BoolOp>()->values); break;
    case NodeKind::NamedExpr: v(node->as<NamedExpr>()->target), v(node->as<NamedExpr>()->value); break;
    case NodeKind::BinOp: v(node->as<BinOp>()->left), v(node->as<BinOp>()->right); break;
    case NodeKind::UnaryOp: v(node->as<UnaryOp>()->operand); break;
    case NodeKind::Lambda: v(node->as<Lambda>()->args), v(node->as<Lambda>()->body); break;
    case NodeKind::IfExp: {
        auto *n = node->as<IfExp>();
        v(n->test), v(n->body), v(n->orelse);
        break;
    }
    case NodeKind::Dict: {
        auto *n = node->as<Dict>();
        for (uint32_t i = 0; i < n->values.size(); ++i)
            v(n->keys[i]), v(n->values[i]);
        break;
    }
    case NodeKind::Set: v(node->as<Set>()->elts); break;
    case NodeKind::ListComp:
    case NodeKind::SetComp:
    case NodeKind::GeneratorExp: v(node->as<Comp>()->elt), v(node->as<Comp>()->generators); break;
    case NodeKind::DictComp: {
        auto *n = node->as<DictComp>();
        v(n->key), v(n->value), v(n->generators);
        break;
    }
    case NodeKind::Await: v(node->as<Await>()->value); break;
    case NodeKind::Yield: v(node->as<Yield>()->value); break;
    case NodeKind::YieldFrom: v(node->as<YieldFrom>()->value); break;
    case NodeKind::Compare: v(node->as<Compare>()->left), v(node->as<Compare>()->comparators); break;
    case NodeKind::Call: {
        auto *n = node->as<Call>();
        v(n->func), v(n->args), v(n->keywords);
        break;
    }
    case NodeKind::FormattedValue:
        v(node->as<FormattedValue>()->value), v(node->as<FormattedValue>()->formatSpec);
        break;
    case NodeKind::JoinedStr: v(node->as<JoinedStr>()->values); break;
    case NodeKind::Constant:
    case NodeKind::Name:
        break;
    case NodeKind::Attribute: v(node->as<Attribute>()->value); break;
    case NodeKind::Subscript: v(node->as<Subscript>()->value), v(node->as<Subscript>()->slice); break;
    case NodeKind::Starred: v(node->as<Starred>()->value); break;
    case NodeKind::List:
    case NodeKind::Tuple: v(node->as<Sequence>()->elts); break;
    case NodeKind::Slice: {
        auto *n = node->as<Slice>();
        v(n->lower), v(n->upper), v(n->step);
        break;
    }
    case NodeKind::Arguments: {
        auto *n = node->as<Arguments>();
        v(n->posonlyargs), v(n->args), v(n->vararg), v(n->kwonlyargs), v(n->kwDefaults), v(n->kwarg),
            v(n->defaults);
        break;
    }
    case NodeKind::Arg: v(node->as<Arg>()->annotation); break;
    case NodeKind::Keyword: v(node->as<Keyword>()->value); break;
    case NodeKind::Alias: break;
    case NodeKind::WithItem: v(node->as<WithItem>()->contextExpr), v(node->as<WithItem>()->optionalVars); break;
    case NodeKind::ExceptHandler: v(node->as<ExceptHandler>()->type), v(node->as<ExceptHandler>()->body); break;
    case NodeKind::Comprehension: {
        auto *n = node->as<Comprehension>();
        v(n->target), v(n->iter), v(n->ifs);
        break;
    }
    }
}

std::string_view boundName(const Alias *alias, NodeKind statement)
{
    if (!alias->asname.empty())
        return alias->asname;
    if (statement == NodeKind::Import)
        return alias->name.substr(0, alias->name.find('.'));
    return alias->name;
}

std::string dottedName(const Expr *expr)
{
    std::vector<std::string_view> parts;
    while (expr) {
        if (const auto *a = expr->dyn<Attribute>()) {
            parts.push_back(a->attr);
            expr = a->value;
        } else if (const auto *n = expr->dyn<Name>()) {
            parts.push_back(n->id);
            break;
        } else {
            return {};
        }
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!out.empty())
            out += '.';
        out += *it;
    }
    return out;
}

} // namespace retort::py
