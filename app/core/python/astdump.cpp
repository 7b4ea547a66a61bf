#include "python/ast.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace retort::py {

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
