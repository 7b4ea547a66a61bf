// Compound statements: blocks, def (with its parameters and skipped
// bodies), class, if, while, for, with, try.

#include "python/parser_p.h"

namespace retort::py {

using K = TokenKind;

Span<Stmt *> ParserImpl::block(const char *what, uint32_t headerLine)
{
    const size_t m = mark();
    if (kind() == K::Newline) {
        advance();
        if (kind() != K::Indent) {
            const Token t = peek();
            fail(t, QStringLiteral("expected an indented block after %1 on line %2")
                        .arg(QLatin1String(what))
                        .arg(headerLine));
        }
        advance();
        statements(K::Dedent);
        expect(K::Dedent);
    } else {
        simpleStatements();
    }
    return take<Stmt>(m);
}

Stmt *ParserImpl::decorated()
{
    const size_t m = mark();
    while (kind() == K::At) {
        advance();
        push(namedExpression());
        if (kind() != K::Newline)
            failInvalid(peek());
        advance();
    }
    const Span<Expr *> decorators = take<Expr>(m);
    const Token t = peek();
    if (t.kind == K::KwDef)
        return functionDef(decorators, t, false);
    if (t.kind == K::KwAsync && kind(1) == K::KwDef)
        return functionDef(decorators, t, true);
    if (t.kind == K::KwClass)
        return classDef(decorators, t);
    failInvalid(t);
}

Stmt *ParserImpl::functionDef(Span<Expr *> decorators, const Token &start, bool isAsync)
{
    auto *f = make<FunctionDef>(start, isAsync ? NodeKind::AsyncFunctionDef : NodeKind::FunctionDef);
    if (isAsync)
        advance();
    expect(K::KwDef);
    f->name = text(expectName());
    f->decoratorList = decorators;
    if (kind() != K::LPar)
        fail(peek(), QStringLiteral("expected '('"));
    advance();
    f->args = parameters(K::RPar, true);
    if (accept(K::RArrow))
        f->returns = expression();
    expectColon();
    if (m_skipBodies && kind() == K::Newline && kind(1) == K::Indent)
        skipBody(f);
    else
        f->body = block("function definition", start.line);
    return finish(f);
}

// Consumes a function body at token level: every token is still produced
// (so lexical errors surface) but nothing is stored or parsed.
void ParserImpl::skipBody(FunctionDef *f)
{
    advance();  // NEWLINE
    const Token indent = advance();
    f->bodySkipped = true;
    f->bodyRange.begin = indent.offset - (indent.column - 1);
    f->bodyRange.line = indent.line;
    int depth = 1;
    Token lastReal = m_last;
    Token lastNewline = indent;
    Token closing = indent;
    auto consume = [&](const Token &t) {
        switch (t.kind) {
        case K::Indent: ++depth; break;
        case K::Dedent: --depth; closing = t; break;
        case K::Newline: lastNewline = t; break;
        case K::Error: failTokenizer();
        case K::EndMarker: failInvalid(t);
        default: lastReal = t; break;
        }
        return depth > 0;
    };
    if (m_pos == m_tokens.size()) {
        // Nothing buffered past the INDENT: let the tokenizer skip the block.
        Tokenizer::SkippedBlock block;
        if (!m_tokenizer->skipBlock(&block))
            failTokenizer();
        f->bodyRange.end = block.endOffset;
        f->bodyRange.endLine = block.endLine;
        m_last.endLine = block.lastEndLine;
        m_last.endColumn = block.lastEndColumn;
        m_last.offset = block.lastEndOffset;
        m_last.length = 0;
        return;
    }
    bool open = true;
    while (open && m_pos < m_tokens.size())
        open = consume(m_tokens[m_pos++]);
    while (open)
        open = consume(m_tokenizer->next());
    f->bodyRange.end = closing.offset >= m_text.size() ? uint32_t(m_text.size()) : closing.offset - (closing.column - 1);
    f->bodyRange.endLine = lastNewline.line;
    m_last = lastReal;
}

Arg *ParserImpl::parameter(bool annotation, bool starAnnotation)
{
    const Token t = expectName();
    auto *a = make<Arg>(t);
    a->arg = text(t);
    if (annotation && accept(K::Colon))
        a->annotation = (starAnnotation && kind() == K::Star) ? starExpression() : expression();
    return finish(a);
}

Arguments *ParserImpl::parameters(TokenKind closing, bool annotations)
{
    auto *a = make<Arguments>(peek());
    std::vector<Arg *> plain, posonly, kwonly;
    std::vector<Expr *> defaults, kwDefaults;
    bool star = false, slash = false, sawDefault = false, bareStar = false;
    Token bareStarToken;
    while (kind() != closing) {
        const Token t = peek();
        if (t.kind == K::Slash) {
            if (slash)
                fail(t, QStringLiteral("/ may appear only once"));
            if (star)
                fail(t, QStringLiteral("/ must be ahead of *"));
            if (plain.empty())
                fail(t, QStringLiteral("at least one argument must precede /"));
            advance();
            slash = true;
            posonly.swap(plain);
        } else if (t.kind == K::Star) {
            if (star)
                fail(t, QStringLiteral("* argument may appear only once"));
            advance();
            star = true;
            if (kind() == K::Comma || kind() == closing) {
                bareStar = true;
                bareStarToken = t;
            } else {
                a->vararg = parameter(annotations, true);
            }
        } else if (t.kind == K::DoubleStar) {
            advance();
            a->kwarg = parameter(annotations, false);
            accept(K::Comma);
            if (kind() != closing)
                fail(peek(), QStringLiteral("arguments cannot follow var-keyword argument"));
            break;
        } else {
            Arg *arg = parameter(annotations, false);
            Expr *def = nullptr;
            if (accept(K::Equal))
                def = expression();
            if (star) {
                kwonly.push_back(arg);
                kwDefaults.push_back(def);
            } else {
                plain.push_back(arg);
                if (def) {
                    defaults.push_back(def);
                    sawDefault = true;
                } else if (sawDefault) {
                    fail(t, QStringLiteral("non-default argument follows default argument"));
                }
            }
        }
        if (!accept(K::Comma))
            break;
    }
    if (bareStar && kwonly.empty())
        fail(bareStarToken, QStringLiteral("named arguments must follow bare *"));
    if (kind() != closing) {
        if (closing == K::Colon)
            failAt(m_last.endLine, m_last.endColumn, QStringLiteral("expected ':'"));
        failInvalid(peek());
    }
    advance();
    a->posonlyargs = m_arena->copy(posonly.data(), posonly.size());
    a->args = m_arena->copy(plain.data(), plain.size());
    a->kwonlyargs = m_arena->copy(kwonly.data(), kwonly.size());
    a->kwDefaults = m_arena->copy(kwDefaults.data(), kwDefaults.size());
    a->defaults = m_arena->copy(defaults.data(), defaults.size());
    return finish(a);
}

Stmt *ParserImpl::classDef(Span<Expr *> decorators, const Token &start)
{
    auto *c = make<ClassDef>(start);
    advance();
    c->name = text(expectName());
    c->decoratorList = decorators;
    if (kind() == K::LPar) {
        const Token open = advance();
        callArguments(open, &c->bases, &c->keywords, false);
    }
    expectColon();
    c->body = block("class definition", start.line);
    return finish(c);
}

// if/elif/else: an elif is an If in the orelse of the one before. Built in
// a loop (long elif chains do not recurse); every If of the chain ends where
// the whole statement ends.
Stmt *ParserImpl::ifStatement(const Token &start)
{
    std::vector<If *> chain;
    ChainGuard guard(*this);
    Token clause = start;
    for (;;) {
        auto *s = make<If>(clause);
        advance();
        s->test = namedExpression();
        expectColon();
        s->body = block(clause.kind == K::KwIf ? "'if' statement" : "'elif' statement", clause.line);
        if (!chain.empty())
            chain.back()->orelse = one<Stmt>(s);
        chain.push_back(s);
        if (kind() != K::KwElif)
            break;
        clause = peek();
        guard.link(clause);
    }
    if (kind() == K::KwElse) {
        const Token t = advance();
        expectColon();
        chain.back()->orelse = block("'else' statement", t.line);
    }
    for (If *s : chain)
        finish(s);
    return chain.front();
}

Stmt *ParserImpl::whileStatement()
{
    const Token start = advance();
    auto *s = make<While>(start);
    s->test = namedExpression();
    expectColon();
    s->body = block("'while' statement", start.line);
    if (kind() == K::KwElse) {
        const Token t = advance();
        expectColon();
        s->orelse = block("'else' statement", t.line);
    }
    return finish(s);
}

Stmt *ParserImpl::forStatement(const Token &start, bool isAsync)
{
    auto *s = make<For>(start, isAsync ? NodeKind::AsyncFor : NodeKind::For);
    const Token forToken = advance();
    s->target = starTargets();
    expect(K::KwIn);
    s->iter = starExpressions();
    expectColon();
    s->body = block("'for' statement", forToken.line);
    if (kind() == K::KwElse) {
        const Token t = advance();
        expectColon();
        s->orelse = block("'else' statement", t.line);
    }
    return finish(s);
}

WithItem *ParserImpl::withItem()
{
    auto *w = make<WithItem>(peek());
    w->contextExpr = expression();
    if (accept(K::KwAs)) {
        w->optionalVars = starTarget();
        if (kind() != K::Comma && kind() != K::RPar && kind() != K::Colon)
            failInvalid(peek());
    }
    return finish(w);
}

Stmt *ParserImpl::withStatement(const Token &start, bool isAsync)
{
    auto *s = make<With>(start, isAsync ? NodeKind::AsyncWith : NodeKind::With);
    const Token withToken = advance();
    const size_t m = mark();
    bool done = false;
    if (kind() == K::LPar) {
        // Python 3.9+: with (a as b, c as d): ... is tried first, then the
        // parenthesised expression form.
        const size_t savedPos = m_pos;
        const Token savedLast = m_last;
        const int savedNesting = m_nesting;
        try {
            advance();
            for (;;) {
                push(withItem());
                if (!accept(K::Comma) || kind() == K::RPar)
                    break;
            }
            expect(K::RPar);
            if (kind() != K::Colon)
                throw ParseFailure{};
            done = true;
        } catch (const ParseFailure &) {
            if (m_tokenizer->failed())
                throw;
            m_pos = savedPos;
            m_last = savedLast;
            m_nesting = savedNesting;
            m_scratch.resize(m);
            m_error = Error();
        }
    }
    if (!done) {
        for (;;) {
            push(withItem());
            if (!accept(K::Comma))
                break;
        }
    }
    s->items = take<WithItem>(m);
    expectColon();
    s->body = block("'with' statement", withToken.line);
    return finish(s);
}

Stmt *ParserImpl::tryStatement()
{
    const Token start = advance();
    auto *s = make<Try>(start);
    expectColon();
    s->body = block("'try' statement", start.line);
    const size_t m = mark();
    bool sawPlain = false, sawStar = false;
    while (kind() == K::KwExcept) {
        const Token t = advance();
        const bool star = accept(K::Star);
        if ((star && sawPlain) || (!star && sawStar))
            fail(t, QStringLiteral("cannot have both 'except' and 'except*' on the same 'try'"));
        (star ? sawStar : sawPlain) = true;
        auto *h = make<ExceptHandler>(t);
        if (kind() != K::Colon) {
            h->type = expression();
            if (kind() == K::Comma)
                failNode(h->type, QStringLiteral("multiple exception types must be parenthesized"));
            if (accept(K::KwAs))
                h->name = text(expectName());
        } else if (star) {
            fail(peek(), QStringLiteral("expected one or more exception types"));
        }
        expectColon();
        h->body = block(star ? "'except*' statement" : "'except' statement", t.line);
        push(finish(h));
    }
    s->handlers = take<ExceptHandler>(m);
    if (sawStar)
        s->kind = NodeKind::TryStar;
    if (kind() == K::KwElse) {
        if (s->handlers.empty())
            fail(peek(), QStringLiteral("expected 'except' or 'finally' block"));
        const Token t = advance();
        expectColon();
        s->orelse = block("'else' statement", t.line);
    }
    if (kind() == K::KwFinally) {
        const Token t = advance();
        expectColon();
        s->finalbody = block("'finally' statement", t.line);
    }
    if (s->handlers.empty() && s->finalbody.empty())
        fail(peek(), QStringLiteral("expected 'except' or 'finally' block"));
    return finish(s);
}
} // namespace retort::py
