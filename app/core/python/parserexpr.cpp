// Expressions: Python 3.11's precedence from lambda down to atoms, and
// expressions as assignment, for, with and del targets.

#include "python/parser_p.h"

namespace retort::py {

using K = TokenKind;

bool ParserImpl::startsExpression(TokenKind k)
{
    switch (k) {
    case K::Name: case K::Number: case K::String: case K::LPar: case K::LSqb: case K::LBrace:
    case K::Minus: case K::Plus: case K::Tilde: case K::Star: case K::KwNot: case K::KwLambda:
    case K::KwAwait: case K::KwNone: case K::KwTrue: case K::KwFalse: case K::Ellipsis:
        return true;
    default:
        return false;
    }
}

Expr *ParserImpl::starExpressions()
{
    const Token start = peek();
    Expr *first = starExpression();
    if (kind() != K::Comma)
        return first;
    const size_t m = mark();
    push(first);
    while (accept(K::Comma)) {
        if (!startsExpression(kind()))
            break;
        push(starExpression());
    }
    auto *t = make<Sequence>(start, NodeKind::Tuple);
    t->elts = take<Expr>(m);
    return finish(t);
}

Expr *ParserImpl::starExpression()
{
    if (kind() == K::Star) {
        const Token t = advance();
        auto *s = make<Starred>(t);
        s->value = binary(1);
        return finish(s);
    }
    return expression();
}

Expr *ParserImpl::starNamedExpression()
{
    if (kind() == K::Star) {
        const Token t = advance();
        auto *s = make<Starred>(t);
        s->value = binary(1);
        return finish(s);
    }
    return namedExpression();
}

Expr *ParserImpl::namedExpression()
{
    if (kind() == K::Name && kind(1) == K::ColonEqual) {
        const Token t = advance();
        advance();
        auto *target = make<Name>(t);
        target->id = text(t);
        target->ctx = ExprContext::Store;
        finishAt(target, t);
        auto *n = make<NamedExpr>(t);
        n->target = target;
        n->value = expression();
        return finish(n);
    }
    Expr *e = expression();
    if (kind() == K::ColonEqual)
        failNode(e, QStringLiteral("cannot use assignment expressions with %1").arg(QLatin1String(describe(e))));
    return e;
}

// Tokens after which an expression cannot go on (a conservative set).
static bool endsExpression(TokenKind k)
{
    switch (k) {
    case K::Newline: case K::EndMarker: case K::Comma: case K::RPar: case K::RSqb: case K::RBrace:
    case K::Equal: case K::Colon: case K::Semi: case K::KwFor: case K::KwAs:
        return true;
    default:
        return false;
    }
}

Expr *ParserImpl::expression()
{
    const Token start = peek();
    // Fast path for the most common expression, a lone atom ("x", 'id',
    // None, 42): no need to descend through every precedence level.
    switch (start.kind) {
    case K::Name: case K::Number: case K::String: case K::KwNone: case K::KwTrue: case K::KwFalse:
        if (endsExpression(kind(1)))
            return atom();
        break;
    default:
        break;
    }
    DepthGuard guard(*this, start);
    if (start.kind == K::KwLambda)
        return lambdef();
    Expr *body = disjunction();
    if (kind() != K::KwIf)
        return body;
    advance();
    auto *e = make<IfExp>(start);
    e->body = body;
    e->test = disjunction();
    if (!accept(K::KwElse)) {
        finish(e);
        failNode(e, QStringLiteral("expected 'else' after 'if' expression"));
    }
    e->orelse = expression();
    return finish(e);
}

Expr *ParserImpl::lambdef()
{
    const Token start = advance();
    auto *l = make<Lambda>(start);
    l->args = parameters(K::Colon, false);
    l->body = expression();
    return finish(l);
}

Expr *ParserImpl::disjunction()
{
    const Token start = peek();
    Expr *first = conjunction();
    if (kind() != K::KwOr)
        return first;
    const size_t m = mark();
    push(first);
    while (accept(K::KwOr))
        push(conjunction());
    auto *b = make<BoolOp>(start);
    b->op = BoolOpKind::Or;
    b->values = take<Expr>(m);
    return finish(b);
}

Expr *ParserImpl::conjunction()
{
    const Token start = peek();
    Expr *first = inversion();
    if (kind() != K::KwAnd)
        return first;
    const size_t m = mark();
    push(first);
    while (accept(K::KwAnd))
        push(inversion());
    auto *b = make<BoolOp>(start);
    b->op = BoolOpKind::And;
    b->values = take<Expr>(m);
    return finish(b);
}

Expr *ParserImpl::inversion()
{
    if (kind() != K::KwNot)
        return comparison();
    const Token t = advance();
    DepthGuard guard(*this, t);
    auto *u = make<UnaryOp>(t);
    u->op = UnaryOpKind::Not;
    u->operand = inversion();
    return finish(u);
}

Expr *ParserImpl::comparison()
{
    const Token start = peek();
    Expr *left = binary(1);
    const size_t m = mark();
    const size_t opMark = m_cmpScratch.size();
    for (;;) {
        CmpOpKind op;
        const Token t = peek();
        switch (t.kind) {
        case K::EqEqual: op = CmpOpKind::Eq; break;
        case K::NotEqual:
            if (text(t) == "<>")
                failInvalid(t);
            op = CmpOpKind::NotEq;
            break;
        case K::Less: op = CmpOpKind::Lt; break;
        case K::LessEqual: op = CmpOpKind::LtE; break;
        case K::Greater: op = CmpOpKind::Gt; break;
        case K::GreaterEqual: op = CmpOpKind::GtE; break;
        case K::KwIn: op = CmpOpKind::In; break;
        case K::KwIs:
            if (kind(1) == K::KwNot) {
                advance();
                op = CmpOpKind::IsNot;
            } else {
                op = CmpOpKind::Is;
            }
            break;
        case K::KwNot:
            if (kind(1) != K::KwIn)
                goto done;
            advance();
            op = CmpOpKind::NotIn;
            break;
        default:
            goto done;
        }
        advance();
        m_cmpScratch.push_back(op);
        push(binary(1));
    }
done:
    if (mark() == m)
        return left;
    auto *c = make<Compare>(start);
    c->left = left;
    c->ops = m_arena->copy(m_cmpScratch.data() + opMark, m_cmpScratch.size() - opMark);
    m_cmpScratch.resize(opMark);
    c->comparators = take<Expr>(m);
    return finish(c);
}

// Binding strength of a binary operator (0: not one): | ^ & << >> + - * / // % @.
static int binaryPrecedence(TokenKind k, BinOpKind *op)
{
    switch (k) {
    case K::VBar: *op = BinOpKind::BitOr; return 1;
    case K::Circumflex: *op = BinOpKind::BitXor; return 2;
    case K::Amper: *op = BinOpKind::BitAnd; return 3;
    case K::LeftShift: *op = BinOpKind::LShift; return 4;
    case K::RightShift: *op = BinOpKind::RShift; return 4;
    case K::Plus: *op = BinOpKind::Add; return 5;
    case K::Minus: *op = BinOpKind::Sub; return 5;
    case K::Star: *op = BinOpKind::Mult; return 6;
    case K::Slash: *op = BinOpKind::Div; return 6;
    case K::DoubleSlash: *op = BinOpKind::FloorDiv; return 6;
    case K::Percent: *op = BinOpKind::Mod; return 6;
    case K::At: *op = BinOpKind::MatMult; return 6;
    default: return 0;
    }
}

// bitwise_or down to term by precedence climbing: one call per operand
// instead of one per grammar level. All these operators are left-associative.
Expr *ParserImpl::binary(int minPrecedence)
{
    const Token start = peek();
    Expr *left = factor();
    ChainGuard chain(*this);
    for (;;) {
        BinOpKind op;
        const int precedence = binaryPrecedence(kind(), &op);
        if (precedence == 0 || precedence < minPrecedence)
            return left;
        chain.link(advance());
        Expr *right = binary(precedence + 1);
        auto *b = make<BinOp>(start);
        b->left = left;
        b->op = op;
        b->right = right;
        left = finish(b);
    }
}

Expr *ParserImpl::factor()
{
    const Token t = peek();
    UnaryOpKind op;
    switch (t.kind) {
    case K::Plus: op = UnaryOpKind::UAdd; break;
    case K::Minus: op = UnaryOpKind::USub; break;
    case K::Tilde: op = UnaryOpKind::Invert; break;
    default: return power();
    }
    advance();
    DepthGuard guard(*this, t);
    auto *u = make<UnaryOp>(t);
    u->op = op;
    u->operand = factor();
    return finish(u);
}

Expr *ParserImpl::power()
{
    const Token start = peek();
    Expr *base = awaitPrimary();
    if (kind() != K::DoubleStar)
        return base;
    const Token op = advance();
    DepthGuard guard(*this, op);  // a ** b ** c recurses through factor()
    auto *b = make<BinOp>(start);
    b->left = base;
    b->op = BinOpKind::Pow;
    b->right = factor();
    return finish(b);
}

Expr *ParserImpl::awaitPrimary()
{
    if (kind() != K::KwAwait)
        return primary();
    const Token t = advance();
    auto *a = make<Await>(t);
    a->value = primary();
    return finish(a);
}

Expr *ParserImpl::primary()
{
    const Token start = peek();
    Expr *e = atom();
    ChainGuard chain(*this);
    for (;;) {
        const TokenKind k = kind();
        if (k == K::Dot || k == K::LPar || k == K::LSqb)
            chain.link(peek());
        switch (k) {
        case K::Dot: {
            advance();
            const Token name = expectName();
            auto *a = make<Attribute>(start);
            a->value = e;
            a->attr = text(name);
            e = finish(a);
            break;
        }
        case K::LPar: {
            const Token open = advance();
            auto *c = make<Call>(start);
            c->func = e;
            callArguments(open, &c->args, &c->keywords, true);
            e = finish(c);
            break;
        }
        case K::LSqb: {
            advance();
            auto *s = make<Subscript>(start);
            s->value = e;
            s->slice = slices();
            expect(K::RSqb);
            e = finish(s);
            break;
        }
        default:
            return e;
        }
    }
}

// After '(': arguments up to and including ')'. Positional arguments (and
// *x) go to args, name=value and **x to keywords.
void ParserImpl::callArguments(const Token &open, Span<Expr *> *args, Span<Keyword *> *keywords,
                               bool allowGenerator)
{
    const size_t m = mark();
    bool sawKeyword = false, sawDoubleStar = false;
    while (kind() != K::RPar) {
        const Token t = peek();
        if (t.kind == K::Star) {
            advance();
            if (sawDoubleStar)
                fail(t, QStringLiteral("iterable argument unpacking follows keyword argument unpacking"));
            auto *s = make<Starred>(t);
            s->value = expression();
            push(finish(s));
        } else if (t.kind == K::DoubleStar) {
            advance();
            auto *k = make<Keyword>(t);
            k->value = expression();
            sawDoubleStar = true;
            push(finish(k));
        } else if (t.kind == K::Name && kind(1) == K::Equal) {
            advance();
            advance();
            auto *k = make<Keyword>(t);
            k->arg = text(t);
            k->value = expression();
            sawKeyword = true;
            push(finish(k));
        } else if ((t.kind == K::KwTrue || t.kind == K::KwFalse || t.kind == K::KwNone) && kind(1) == K::Equal) {
            fail(t, QStringLiteral("cannot assign to %1").arg(QLatin1String(tokenSpelling(t.kind).data())));
        } else {
            Expr *e = namedExpression();
            if (atCompFor()) {
                if (!allowGenerator || mark() != m)
                    failNode(e, QStringLiteral("Generator expression must be parenthesized"));
                auto *g = make<Comp>(open, NodeKind::GeneratorExp);
                g->elt = e;
                g->generators = comprehensions();
                if (kind() != K::RPar)
                    failNode(e, QStringLiteral("Generator expression must be parenthesized"));
                advance();
                finish(g);
                push(g);
                *args = take<Expr>(m);
                return;
            }
            if (kind() == K::Equal)
                failNode(e, QStringLiteral("expression cannot contain assignment, perhaps you meant \"==\"?"));
            if (sawDoubleStar)
                failNode(e, QStringLiteral("positional argument follows keyword argument unpacking"));
            if (sawKeyword)
                failNode(e, QStringLiteral("positional argument follows keyword argument"));
            push(e);
        }
        if (!accept(K::Comma))
            break;
    }
    expect(K::RPar);
    // Split the mixed list: Keyword nodes go to keywords, the rest to args.
    size_t nk = 0;
    for (size_t i = m; i < m_scratch.size(); ++i)
        nk += m_scratch[i]->kind == NodeKind::Keyword;
    const size_t na = m_scratch.size() - m - nk;
    if (nk) {
        auto **kw = static_cast<Keyword **>(m_arena->allocate(nk * sizeof(Keyword *), alignof(Keyword *)));
        auto **pa = na ? static_cast<Expr **>(m_arena->allocate(na * sizeof(Expr *), alignof(Expr *))) : nullptr;
        size_t ik = 0, ia = 0;
        for (size_t i = m; i < m_scratch.size(); ++i) {
            if (m_scratch[i]->kind == NodeKind::Keyword)
                kw[ik++] = static_cast<Keyword *>(m_scratch[i]);
            else
                pa[ia++] = static_cast<Expr *>(m_scratch[i]);
        }
        *keywords = Span<Keyword *>(kw, uint32_t(nk));
        *args = Span<Expr *>(pa, uint32_t(na));
        m_scratch.resize(m);
    } else {
        *args = take<Expr>(m);
    }
}

Expr *ParserImpl::slices()
{
    const Token start = peek();
    Expr *first = slice();
    if (kind() != K::Comma && first->kind != NodeKind::Starred)
        return first;
    const size_t m = mark();
    push(first);
    while (accept(K::Comma)) {
        if (kind() == K::RSqb)
            break;
        push(slice());
    }
    auto *t = make<Sequence>(start, NodeKind::Tuple);
    t->elts = take<Expr>(m);
    return finish(t);
}

Expr *ParserImpl::slice()
{
    const Token start = peek();
    if (start.kind == K::Star)
        return starNamedExpression();
    Expr *lower = nullptr;
    if (start.kind != K::Colon) {
        lower = namedExpression();
        if (kind() != K::Colon)
            return lower;
    }
    advance();
    auto *s = make<Slice>(start);
    s->lower = lower;
    auto ends = [this] { return kind() == K::Colon || kind() == K::Comma || kind() == K::RSqb; };
    if (!ends())
        s->upper = expression();
    if (accept(K::Colon) && !ends())
        s->step = expression();
    return finish(s);
}

Expr *ParserImpl::yieldExpr()
{
    const Token t = advance();
    if (accept(K::KwFrom)) {
        auto *y = make<YieldFrom>(t);
        y->value = expression();
        return finish(y);
    }
    auto *y = make<Yield>(t);
    if (startsExpression(kind()))
        y->value = starExpressions();
    return finish(y);
}

Span<Comprehension *> ParserImpl::comprehensions()
{
    const size_t m = mark();
    while (atCompFor()) {
        const Token t = peek();
        const bool isAsync = accept(K::KwAsync);
        expect(K::KwFor);
        auto *c = make<Comprehension>(t);
        c->isAsync = isAsync;
        c->target = starTargets();
        expect(K::KwIn);
        c->iter = disjunction();
        const size_t mi = mark();
        while (accept(K::KwIf))
            push(disjunction());
        c->ifs = take<Expr>(mi);
        push(finish(c));
    }
    return take<Comprehension>(m);
}

// ---- targets ----------------------------------------------------------------------

const char *ParserImpl::describe(const Expr *e)
{
    switch (e->kind) {
    case NodeKind::Call: return "function call";
    case NodeKind::Constant:
        switch (e->as<Constant>()->type) {
        case ConstantType::True: return "True";
        case ConstantType::False: return "False";
        case ConstantType::None: return "None";
        case ConstantType::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    case NodeKind::JoinedStr:
    case NodeKind::FormattedValue: return "f-string expression";
    case NodeKind::Compare: return "comparison";
    case NodeKind::Lambda: return "lambda";
    case NodeKind::IfExp: return "conditional expression";
    case NodeKind::NamedExpr: return "named expression";
    case NodeKind::Await: return "await expression";
    case NodeKind::Yield:
    case NodeKind::YieldFrom: return "yield expression";
    case NodeKind::Dict: return "dict literal";
    case NodeKind::Set: return "set display";
    case NodeKind::ListComp: return "list comprehension";
    case NodeKind::SetComp: return "set comprehension";
    case NodeKind::DictComp: return "dict comprehension";
    case NodeKind::GeneratorExp: return "generator expression";
    case NodeKind::Tuple: return "tuple";
    case NodeKind::List: return "list";
    case NodeKind::Starred: return "starred";
    default: return "expression";
    }
}

void ParserImpl::setTarget(Expr *e, ExprContext ctx, TargetMode mode, bool top)
{
    switch (e->kind) {
    case NodeKind::Name: e->as<Name>()->ctx = ctx; return;
    case NodeKind::Attribute: e->as<Attribute>()->ctx = ctx; return;
    case NodeKind::Subscript: e->as<Subscript>()->ctx = ctx; return;
    case NodeKind::Starred:
        if (mode != TargetMode::AugAssign) {
            e->as<Starred>()->ctx = ctx;
            setTarget(e->as<Starred>()->value, ctx, mode, false);
            return;
        }
        break;
    case NodeKind::Tuple:
    case NodeKind::List:
        if (mode != TargetMode::AugAssign) {
            auto *s = e->as<Sequence>();
            s->ctx = ctx;
            for (Expr *elt : s->elts)
                setTarget(elt, ctx, mode, false);
            return;
        }
        break;
    default: break;
    }
    const QString what = QLatin1String(describe(e));
    if (mode == TargetMode::AugAssign)
        failNode(e, QStringLiteral("'%1' is an illegal expression for augmented assignment").arg(what));
    if (mode == TargetMode::Delete)
        failNode(e, QStringLiteral("cannot delete %1").arg(what));
    if (e->kind == NodeKind::Yield || e->kind == NodeKind::YieldFrom)
        failNode(e, QStringLiteral("assignment to yield expression not possible"));
    const bool keywordConstant = e->kind == NodeKind::Constant && std::string_view(describe(e)) != "literal";
    if (mode == TargetMode::Assign && top && !keywordConstant)
        failNode(e, QStringLiteral("cannot assign to %1 here. Maybe you meant '==' instead of '='?").arg(what));
    failNode(e, QStringLiteral("cannot assign to %1").arg(what));
}

Expr *ParserImpl::starTarget()
{
    const Token t = peek();
    if (t.kind == K::Star) {
        advance();
        auto *s = make<Starred>(t);
        if (kind() == K::Star)
            failInvalid(peek());
        s->value = starTarget();
        s->ctx = ExprContext::Store;
        return finish(s);
    }
    Expr *e = primary();
    setTarget(e, ExprContext::Store, TargetMode::For);
    return e;
}

Expr *ParserImpl::starTargets()
{
    const Token start = peek();
    Expr *first = starTarget();
    if (kind() != K::Comma)
        return first;
    const size_t m = mark();
    push(first);
    while (accept(K::Comma)) {
        const TokenKind k = kind();
        if (k != K::Name && k != K::LPar && k != K::LSqb && k != K::Star)
            break;
        push(starTarget());
    }
    auto *t = make<Sequence>(start, NodeKind::Tuple);
    t->elts = take<Expr>(m);
    t->ctx = ExprContext::Store;
    return finish(t);
}

} // namespace retort::py
