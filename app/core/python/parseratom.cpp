// Atoms: names, constants, numbers and the parenthesized, list, set and
// dict displays (strings are in parserstring.cpp).

#include "python/parser_p.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace retort::py {

using K = TokenKind;

Expr *ParserImpl::atom()
{
    const Token t = peek();
    switch (t.kind) {
    case K::Name: {
        advance();
        auto *n = make<Name>(t);
        n->id = text(t);
        return finish(n);
    }
    case K::KwTrue:
    case K::KwFalse:
    case K::KwNone:
    case K::Ellipsis: {
        advance();
        auto *c = make<Constant>(t);
        c->type = t.kind == K::KwTrue ? ConstantType::True
            : t.kind == K::KwFalse   ? ConstantType::False
            : t.kind == K::KwNone    ? ConstantType::None
                                     : ConstantType::Ellipsis;
        return finish(c);
    }
    case K::Number: advance(); return number(t);
    case K::String: return strings();
    case K::LPar: advance(); return parenthesized(t);
    case K::LSqb: advance(); return listDisplay(t);
    case K::LBrace: advance(); return braceDisplay(t);
    default: failInvalid(t);
    }
}

Expr *ParserImpl::number(const Token &t)
{
    constexpr size_t kMaxIntStrDigits = 4300;
    auto *c = make<Constant>(t);
    finish(c);
    const std::string_view s = text(t);
    c->value = s;
    char buf[128];
    size_t n = 0;
    bool bufOverflow = false;
    for (char ch : s) {
        if (ch == '_')
            continue;
        if (n + 1 >= sizeof buf) {
            bufOverflow = true;
            break;
        }
        buf[n++] = ch;
    }
    buf[n] = 0;
    const char last = char(s.back() | 0x20);
    const bool radix = s.size() > 1 && s[0] == '0' && (s[1] | 0x20) != 'e' && (s[1] | 0x20) != 'j'
        && ((s[1] | 0x20) == 'x' || (s[1] | 0x20) == 'o' || (s[1] | 0x20) == 'b');
    auto parseFloat = [&](size_t len) {
        if (bufOverflow) {
            // Absurdly long literal: good enough for a value nobody reads.
            std::string clean;
            for (char ch : s)
                if (ch != '_' && (ch | 0x20) != 'j')
                    clean += ch;
            double v = 0;
            std::from_chars(clean.data(), clean.data() + clean.size(), v);
            return v;
        }
        double v = 0;
        const auto r = std::from_chars(buf, buf + len, v);
        if (r.ec == std::errc::result_out_of_range) {
            const char *e = std::find_if(buf, buf + len, [](char ch) { return ch == 'e' || ch == 'E'; });
            const bool negativeExponent = e != buf + len && e + 1 < buf + len && e[1] == '-';
            v = negativeExponent ? 0.0 : std::numeric_limits<double>::infinity();
        }
        return v;
    };
    if (!radix && last == 'j') {
        c->type = ConstantType::Complex;
        c->floatValue = parseFloat(n - 1);
        return c;
    }
    if (!radix && s.find_first_of(".eE") != std::string_view::npos) {
        c->type = ConstantType::Float;
        c->floatValue = parseFloat(n);
        return c;
    }
    c->type = ConstantType::Int;
    if (!radix && s[0] != '0') {
        // CPython 3.11 refuses to convert a decimal literal of more digits
        // than sys.get_int_max_str_digits() (4300 unless changed) when it
        // parses the file; binary, octal, hex and zero (all zeros, read
        // without that conversion) are exempt.
        const auto digits = size_t(std::count_if(s.begin(), s.end(), [](char ch) { return ch != '_'; }));
        if (digits > kMaxIntStrDigits)
            failAt(t.line, 0,
                   QStringLiteral("Exceeds the limit (%1 digits) for integer string conversion: value has %2 digits; "
                                  "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal "
                                  "for huge integer literals to avoid decimal conversion limits.")
                       .arg(kMaxIntStrDigits)
                       .arg(digits));
    }
    int base = 10;
    const char *p = buf;
    if (radix) {
        const char r = char(buf[1] | 0x20);
        base = r == 'x' ? 16 : r == 'o' ? 8 : 2;
        p += 2;
    }
    uint64_t v = 0;
    const auto r = std::from_chars(p, buf + n, v, base);
    if (bufOverflow || r.ec == std::errc::result_out_of_range || v > uint64_t(std::numeric_limits<int64_t>::max()))
        c->bigInt = true;
    else
        c->intValue = int64_t(v);
    return c;
}

Expr *ParserImpl::parenthesized(const Token &open)
{
    if (accept(K::RPar)) {
        auto *t = make<Sequence>(open, NodeKind::Tuple);
        return finish(t);
    }
    if (kind() == K::KwYield) {
        Expr *y = yieldExpr();
        expect(K::RPar);
        return y;
    }
    Expr *first = starNamedExpression();
    if (atCompFor()) {
        if (first->kind == NodeKind::Starred)
            failNode(first, QStringLiteral("iterable unpacking cannot be used in comprehension"));
        auto *g = make<Comp>(open, NodeKind::GeneratorExp);
        g->elt = first;
        g->generators = comprehensions();
        expect(K::RPar);
        return finish(g);
    }
    if (kind() == K::Comma) {
        const size_t m = mark();
        push(first);
        while (accept(K::Comma)) {
            if (kind() == K::RPar)
                break;
            push(starNamedExpression());
        }
        expect(K::RPar);
        auto *t = make<Sequence>(open, NodeKind::Tuple);
        t->elts = take<Expr>(m);
        return finish(t);
    }
    expect(K::RPar);
    if (first->kind == NodeKind::Starred)
        failNode(first, QStringLiteral("cannot use starred expression here"));
    return first;
}

Expr *ParserImpl::listDisplay(const Token &open)
{
    if (accept(K::RSqb))
        return finish(make<Sequence>(open, NodeKind::List));
    Expr *first = starNamedExpression();
    if (atCompFor()) {
        if (first->kind == NodeKind::Starred)
            failNode(first, QStringLiteral("iterable unpacking cannot be used in comprehension"));
        auto *c = make<Comp>(open, NodeKind::ListComp);
        c->elt = first;
        c->generators = comprehensions();
        expect(K::RSqb);
        return finish(c);
    }
    const size_t m = mark();
    push(first);
    while (accept(K::Comma)) {
        if (kind() == K::RSqb)
            break;
        push(starNamedExpression());
    }
    expect(K::RSqb);
    auto *l = make<Sequence>(open, NodeKind::List);
    l->elts = take<Expr>(m);
    return finish(l);
}

Expr *ParserImpl::braceDisplay(const Token &open)
{
    if (accept(K::RBrace))
        return finish(make<Dict>(open));
    const size_t m = mark();
    bool isDict;
    if (kind() == K::DoubleStar) {
        advance();
        push(nullptr);
        push(binary(1));
        isDict = true;
        if (atCompFor())
            fail(peek(), QStringLiteral("dict unpacking cannot be used in dict comprehension"));
    } else {
        Expr *first = starNamedExpression();
        isDict = kind() == K::Colon && first->kind != NodeKind::Starred;
        if (isDict) {
            advance();
            Expr *value = expression();
            if (atCompFor()) {
                auto *d = make<DictComp>(open);
                d->key = first;
                d->value = value;
                d->generators = comprehensions();
                expect(K::RBrace);
                return finish(d);
            }
            push(first);
            push(value);
        } else {
            if (atCompFor()) {
                if (first->kind == NodeKind::Starred)
                    failNode(first, QStringLiteral("iterable unpacking cannot be used in comprehension"));
                auto *c = make<Comp>(open, NodeKind::SetComp);
                c->elt = first;
                c->generators = comprehensions();
                expect(K::RBrace);
                return finish(c);
            }
            push(first);
        }
    }
    while (accept(K::Comma)) {
        if (kind() == K::RBrace)
            break;
        if (isDict) {
            if (accept(K::DoubleStar)) {
                push(nullptr);
                push(binary(1));
            } else {
                push(expression());
                expect(K::Colon);
                push(expression());
            }
        } else {
            push(starNamedExpression());
        }
    }
    expect(K::RBrace);
    if (!isDict) {
        auto *s = make<Set>(open);
        s->elts = take<Expr>(m);
        return finish(s);
    }
    // Pairs were pushed key, value, key, value...
    const size_t pairs = (m_scratch.size() - m) / 2;
    auto **keys = static_cast<Expr **>(m_arena->allocate(pairs * sizeof(Expr *), alignof(Expr *)));
    auto **values = static_cast<Expr **>(m_arena->allocate(pairs * sizeof(Expr *), alignof(Expr *)));
    for (size_t i = 0; i < pairs; ++i) {
        keys[i] = static_cast<Expr *>(m_scratch[m + 2 * i]);
        values[i] = static_cast<Expr *>(m_scratch[m + 2 * i + 1]);
    }
    m_scratch.resize(m);
    auto *d = make<Dict>(open);
    d->keys = Span<Expr *>(keys, uint32_t(pairs));
    d->values = Span<Expr *>(values, uint32_t(pairs));
    return finish(d);
}

} // namespace retort::py
