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

// ---- dump -------------------------------------------------------------------

namespace {

// Python's repr() of a float (the 'r' format): shortest round-trip digits,
// positional when the exponent is in [-4, 16), else d.ddde+XX.
std::string floatRepr(double v, bool pointZero)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string s(buf, res.ptr);
    std::string sign;
    if (!s.empty() && s[0] == '-') {
        sign = "-";
        s.erase(0, 1);
    }
    const size_t epos = s.find('e');
    std::string digits = s.substr(0, epos);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    int exp = std::atoi(s.c_str() + epos + 1);
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    std::string out;
    if (exp >= -4 && exp < 16) {
        if (exp >= 0) {
            std::string ip = digits.substr(0, std::min(digits.size(), size_t(exp) + 1));
            while (ip.size() < size_t(exp) + 1)
                ip += '0';
            std::string fp = digits.size() > size_t(exp) + 1 ? digits.substr(size_t(exp) + 1) : std::string();
            out = ip;
            if (!fp.empty())
                out += "." + fp;
            else if (pointZero)
                out += ".0";
        } else {
            out = "0." + std::string(size_t(-exp - 1), '0') + digits;
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        out += exp < 0 ? "e-" : "e+";
        const int a = exp < 0 ? -exp : exp;
        if (a < 10)
            out += '0';
        out += std::to_string(a);
    }
    return sign + out;
}

// Decimal digits of an integer literal of any size ("0x_ff" -> "255").
std::string intLiteralToDecimal(std::string_view text)
{
    unsigned base = 10;
    size_t i = 0;
    if (text.size() > 1 && text[0] == '0') {
        const char p = char(text[1] | 0x20);
        if (p == 'x') base = 16, i = 2;
        else if (p == 'o') base = 8, i = 2;
        else if (p == 'b') base = 2, i = 2;
    }
    std::vector<uint32_t> limbs{0};  // little-endian base 1e9
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_')
            continue;
        unsigned d = (c >= '0' && c <= '9') ? unsigned(c - '0') : unsigned((c | 0x20) - 'a' + 10);
        uint64_t carry = d;
        for (uint32_t &limb : limbs) {
            const uint64_t x = uint64_t(limb) * base + carry;
            limb = uint32_t(x % 1000000000u);
            carry = x / 1000000000u;
        }
        while (carry) {
            limbs.push_back(uint32_t(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    std::string out = std::to_string(limbs.back());
    for (size_t k = limbs.size() - 1; k-- > 0;) {
        std::string part = std::to_string(limbs[k]);
        out += std::string(9 - part.size(), '0') + part;
    }
    return out;
}

void quoteText(std::string &out, std::string_view s, bool bytes)
{
    static const char hex[] = "0123456789abcdef";
    out += bytes ? "b\"" : "\"";
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '\\': out += "\\\\"; continue;
        case '"': out += "\\\""; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        default: break;
        }
        if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else if (!bytes && c == 0xED && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0xA0) {
            // A lone surrogate (from a \uD800 escape): print it as an escape.
            const unsigned cp = 0xD000u | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6)
                | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            out += "\\u";
            out += hex[(cp >> 12) & 15];
            out += hex[(cp >> 8) & 15];
            out += hex[(cp >> 4) & 15];
            out += hex[cp & 15];
            i += 2;
        } else {
            out += char(c);
        }
    }
    out += '"';
}

class Dumper {
public:
    explicit Dumper(DumpOptions options) : m_options(options) {}
    std::string out;

    void node(const Node *n)
    {
        if (!n) {
            out += '~';
            return;
        }
        out += '(';
        out += nodeKindName(n->kind);
        if (m_options.positions && m_fstringDepth == 0 && hasPython311Position(n->kind)) {
            out += '@';
            out += std::to_string(n->line) + ':' + std::to_string(n->column) + '-'
                + std::to_string(n->endLine) + ':' + std::to_string(n->endColumn);
        }
        fields(n);
        out += ')';
    }

private:
    static bool hasPython311Position(NodeKind k)
    {
        return k <= NodeKind::Slice || k == NodeKind::Arg || k == NodeKind::Keyword || k == NodeKind::Alias
            || k == NodeKind::ExceptHandler;
    }

    void sp() { out += ' '; }
    void f(const Node *n) { sp(); node(n); }
    template <class T>
    void f(const Span<T *> &list)
    {
        sp();
        out += '[';
        bool first = true;
        for (const T *n : list) {
            if (!first)
                out += ' ';
            first = false;
            node(n);
        }
        out += ']';
    }
    void id(std::string_view s)
    {
        sp();
        if (s.empty())
            out += '~';
        else
            out += s;
    }
    void word(const char *s) { sp(); out += s; }
    void num(long v) { sp(); out += std::to_string(v); }
    void ctx(ExprContext c) { word(c == ExprContext::Load ? "Load" : c == ExprContext::Store ? "Store" : "Del"); }

    void constant(const Constant *c)
    {
        sp();
        switch (c->type) {
        case ConstantType::None: out += "None"; break;
        case ConstantType::True: out += "True"; break;
        case ConstantType::False: out += "False"; break;
        case ConstantType::Ellipsis: out += "Ellipsis"; break;
        case ConstantType::Int:
            out += c->bigInt ? intLiteralToDecimal(c->value) : std::to_string(c->intValue);
            break;
        case ConstantType::Float: out += floatRepr(c->floatValue, true); break;
        case ConstantType::Complex: out += floatRepr(c->floatValue, false) + "j"; break;
        case ConstantType::Str: quoteText(out, c->value, false); break;
        case ConstantType::Bytes: quoteText(out, c->value, true); break;
        }
    }

    void fields(const Node *n)
    {
        switch (n->kind) {
        case NodeKind::FunctionDef:
        case NodeKind::AsyncFunctionDef: {
            auto *d = n->as<FunctionDef>();
            id(d->name), f(d->args), f(d->body), f(d->decoratorList), f(d->returns);
            break;
        }
        case NodeKind::ClassDef: {
            auto *d = n->as<ClassDef>();
            id(d->name), f(d->bases), f(d->keywords), f(d->body), f(d->decoratorList);
            break;
        }
        case NodeKind::Return: f(n->as<Return>()->value); break;
        case NodeKind::Delete: f(n->as<Delete>()->targets); break;
        case NodeKind::Assign: f(n->as<Assign>()->targets), f(n->as<Assign>()->value); break;
        case NodeKind::AugAssign: {
            auto *a = n->as<AugAssign>();
            f(a->target), word(opName(a->op)), f(a->value);
            break;
        }
        case NodeKind::AnnAssign: {
            auto *a = n->as<AnnAssign>();
            f(a->target), f(a->annotation), f(a->value), num(a->simple ? 1 : 0);
            break;
        }
        case NodeKind::For:
        case NodeKind::AsyncFor: {
            auto *s = n->as<For>();
            f(s->target), f(s->iter), f(s->body), f(s->orelse);
            break;
        }
        case NodeKind::While: {
            auto *s = n->as<While>();
            f(s->test), f(s->body), f(s->orelse);
            break;
        }
        case NodeKind::If: {
            auto *s = n->as<If>();
            f(s->test), f(s->body), f(s->orelse);
            break;
        }
        case NodeKind::With:
        case NodeKind::AsyncWith: f(n->as<With>()->items), f(n->as<With>()->body); break;
        case NodeKind::Raise: f(n->as<Raise>()->exc), f(n->as<Raise>()->cause); break;
        case NodeKind::Try:
        case NodeKind::TryStar: {
            auto *s = n->as<Try>();
            f(s->body), f(s->handlers), f(s->orelse), f(s->finalbody);
            break;
        }
        case NodeKind::Assert: f(n->as<Assert>()->test), f(n->as<Assert>()->msg); break;
        case NodeKind::Import: f(n->as<Import>()->names); break;
        case NodeKind::ImportFrom: {
            auto *s = n->as<ImportFrom>();
            id(s->module), f(s->names), num(long(s->level));
            break;
        }
        case NodeKind::Global:
        case NodeKind::Nonlocal: {
            sp();
            out += '[';
            bool first = true;
            for (std::string_view name : n->as<Global>()->names) {
                if (!first)
                    out += ' ';
                first = false;
                out += name;
            }
            out += ']';
            break;
        }
        case NodeKind::ExprStmt: f(n->as<ExprStmt>()->value); break;
        case NodeKind::Pass:
        case NodeKind::Break:
        case NodeKind::Continue:
            break;
        case NodeKind::BoolOp: word(opName(n->as<BoolOp>()->op)), f(n->as<BoolOp>()->values); break;
        case NodeKind::NamedExpr: f(n->as<NamedExpr>()->target), f(n->as<NamedExpr>()->value); break;
        case NodeKind::BinOp: {
            auto *b = n->as<BinOp>();
            f(b->left), word(opName(b->op)), f(b->right);
            break;
        }
        case NodeKind::UnaryOp: word(opName(n->as<UnaryOp>()->op)), f(n->as<UnaryOp>()->operand); break;
        case NodeKind::Lambda: f(n->as<Lambda>()->args), f(n->as<Lambda>()->body); break;
        case NodeKind::IfExp: {
            auto *e = n->as<IfExp>();
            f(e->test), f(e->body), f(e->orelse);
            break;
        }
        case NodeKind::Dict: f(n->as<Dict>()->keys), f(n->as<Dict>()->values); break;
        case NodeKind::Set: f(n->as<Set>()->elts); break;
        case NodeKind::ListComp:
        case NodeKind::SetComp:
        case NodeKind::GeneratorExp: f(n->as<Comp>()->elt), f(n->as<Comp>()->generators); break;
        case NodeKind::DictComp: {
            auto *d = n->as<DictComp>();
            f(d->key), f(d->value), f(d->generators);
            break;
        }
        case NodeKind::Await: f(n->as<Await>()->value); break;
        case NodeKind::Yield: f(n->as<Yield>()->value); break;
        case NodeKind::YieldFrom: f(n->as<YieldFrom>()->value); break;
        case NodeKind::Compare: {
            auto *c = n->as<Compare>();
            f(c->left);
            sp();
            out += '[';
            for (uint32_t i = 0; i < c->ops.size(); ++i) {
                if (i)
                    out += ' ';
                out += opName(c->ops[i]);
            }
            out += ']';
            f(c->comparators);
            break;
        }
        case NodeKind::Call: {
            auto *c = n->as<Call>();
            f(c->func), f(c->args), f(c->keywords);
            break;
        }
        case NodeKind::FormattedValue: {
            auto *v = n->as<FormattedValue>();
            ++m_fstringDepth;
            f(v->value), num(v->conversion), f(v->formatSpec);
            --m_fstringDepth;
            break;
        }
        case NodeKind::JoinedStr:
            ++m_fstringDepth;
            f(n->as<JoinedStr>()->values);
            --m_fstringDepth;
            break;
        case NodeKind::Constant: constant(n->as<Constant>()); break;
        case NodeKind::Attribute: {
            auto *a = n->as<Attribute>();
            f(a->value), id(a->attr), ctx(a->ctx);
            break;
        }
        case NodeKind::Subscript: {
            auto *s = n->as<Subscript>();
            f(s->value), f(s->slice), ctx(s->ctx);
            break;
        }
        case NodeKind::Starred: f(n->as<Starred>()->value), ctx(n->as<Starred>()->ctx); break;
        case NodeKind::Name: id(n->as<Name>()->id), ctx(n->as<Name>()->ctx); break;
        case NodeKind::List:
        case NodeKind::Tuple: f(n->as<Sequence>()->elts), ctx(n->as<Sequence>()->ctx); break;
        case NodeKind::Slice: {
            auto *s = n->as<Slice>();
            f(s->lower), f(s->upper), f(s->step);
            break;
        }
        case NodeKind::Arguments: {
            auto *a = n->as<Arguments>();
            f(a->posonlyargs), f(a->args), f(a->vararg), f(a->kwonlyargs), f(a->kwDefaults), f(a->kwarg),
                f(a->defaults);
            break;
        }
        case NodeKind::Arg: id(n->as<Arg>()->arg), f(n->as<Arg>()->annotation); break;
        case NodeKind::Keyword: id(n->as<Keyword>()->arg), f(n->as<Keyword>()->value); break;
        case NodeKind::Alias: id(n->as<Alias>()->name), id(n->as<Alias>()->asname); break;
        case NodeKind::WithItem: f(n->as<WithItem>()->contextExpr), f(n->as<WithItem>()->optionalVars); break;
        case NodeKind::ExceptHandler: {
            auto *h = n->as<ExceptHandler>();
            f(h->type), id(h->name), f(h->body);
            break;
        }
        case NodeKind::Comprehension: {
            auto *c = n->as<Comprehension>();
            f(c->target), f(c->iter), f(c->ifs), num(c->isAsync ? 1 : 0);
            break;
        }
        }
    }

    DumpOptions m_options;
    int m_fstringDepth = 0;
};

} // namespace

std::string dump(const Node *node, DumpOptions options)
{
    Dumper d(options);
    d.node(node);
    return std::move(d.out);
}

std::string dump(const Module &module, DumpOptions options)
{
    Dumper d(options);
    d.out = "(Module [";
    bool first = true;
    for (const Stmt *s : module.body) {
        if (!first)
            d.out += ' ';
        first = false;
        d.node(s);
    }
    d.out += "])";
    return std::move(d.out);
}

} // namespace retort::py
