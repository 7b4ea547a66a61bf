#include "python/parser.h"

#include "python/parser_p.h"
#include "python/source.h"

namespace retort::py {

using K = TokenKind;

namespace {

// Working vectors kept per thread between parses, so that parsing ten
// thousand files does not grow ten thousand sets of vectors.
struct ParserBuffers {
    std::vector<Token> tokens;
    std::vector<Node *> scratch;
    std::vector<Stmt *> top;
};
thread_local ParserBuffers t_buffers;

template <class V>
void borrow(V &mine, V &shared)
{
    mine.swap(shared);
    mine.clear();
}

template <class V>
void giveBack(V &mine, V &shared)
{
    if (mine.capacity() > shared.capacity() && mine.capacity() < (size_t(1) << 20)) {
        mine.clear();
        mine.swap(shared);
    }
}

} // namespace

ParserImpl::ParserImpl(Module &module, const QString &fileName, bool skipBodies)
    : m_module(module),
      m_arena(&module.m_arena),
      m_text(module.m_source),
      m_fileName(fileName),
      m_skipBodies(skipBodies),
      m_mainTokenizer(module.m_source, fileName),
      m_tokenizer(&m_mainTokenizer)
{
    m_mainTokenizer.setCheckUtf8(module.m_checkUtf8);
    // As in CPython, $ ? ` ! reach the parser, which finds them invalid.
    m_mainTokenizer.setStrayCharactersAsTokens(true);
    borrow(m_tokens, t_buffers.tokens);
    borrow(m_scratch, t_buffers.scratch);
    borrow(m_top, t_buffers.top);
    if (m_tokens.capacity() < 256)
        m_tokens.reserve(256);
    if (m_scratch.capacity() < 64)
        m_scratch.reserve(64);
}

ParserImpl::~ParserImpl()
{
    giveBack(m_tokens, t_buffers.tokens);
    giveBack(m_scratch, t_buffers.scratch);
    giveBack(m_top, t_buffers.top);
}

void ParserImpl::initModule(Module &module, std::string_view text, uint32_t textStart, bool skipBodies,
                            bool checkUtf8)
{
    module.m_checkUtf8 = checkUtf8;
    const size_t first = skipBodies ? text.size() + 2048 : text.size() * 4 + 4096;
    module.m_arena = Arena(first);
    module.m_source = module.m_arena.copyString(text);
    module.m_textStart = textStart;
    module.functionBodiesSkipped = skipBodies;
}

// ---- errors -------------------------------------------------------------------

void ParserImpl::failAt(uint32_t line, uint32_t column, const QString &message)
{
    m_error = Error::syntax(m_fileName, int(line), int(column),
                            m_fstringDepth > 0 && !message.startsWith(QLatin1String("f-string"))
                                ? QStringLiteral("f-string: ") + message
                                : message);
    throw ParseFailure{};
}

void ParserImpl::fail(const Token &at, const QString &message)
{
    if (at.kind == K::EndMarker && m_fstringDepth > 0)
        failAt(m_last.endLine, m_last.endColumn, message);
    if (at.length == 0 && at.offset >= m_text.size()
        && (at.kind == K::EndMarker || at.kind == K::Dedent || at.kind == K::Newline)) {
        // At the end of the file Python points at the last line end (or at
        // the very end when the last line has none, or after a final CR LF).
        uint32_t offset = uint32_t(m_text.size());
        const bool crlf = offset >= m_module.m_textStart + 2 && m_text[offset - 1] == '\n' && m_text[offset - 2] == '\r';
        if (!crlf && offset > m_module.m_textStart && (m_text[offset - 1] == '\n' || m_text[offset - 1] == '\r'))
            --offset;
        uint32_t line, column;
        lineColumnOf(m_text, offset, m_module.m_textStart, &line, &column);
        failAt(line, column, message);
    }
    failAt(at.line, at.column, message);
}

void ParserImpl::failNode(const Node *at, const QString &message)
{
    failAt(at->line, at->column, message);
}

void ParserImpl::failInvalid(const Token &at)
{
    fail(at, QStringLiteral("invalid syntax"));
}

void ParserImpl::failTokenizer()
{
    m_error = m_tokenizer->error();
    throw ParseFailure{};
}

// CPython, on a parser error, tokenizes the rest of the file and reports a
// tokenizer error found there instead; an unclosed bracket only when it was
// opened on a line before the parser error. Do the same, so the error is
// the one `alembic` shows.
void ParserImpl::preferLaterLexicalErrors()
{
    if (m_tokenizer != &m_mainTokenizer || m_mainTokenizer.failed())
        return;
    if (m_error.message() == QLatin1String("unexpected indent"))
        return;
    const int errorLine = m_error.where().line;
    for (;;) {
        const TokenKind k = m_mainTokenizer.next().kind;
        if (k == K::EndMarker)
            return;
        if (k == K::Error)
            break;
    }
    switch (m_mainTokenizer.errorClass()) {
    case Tokenizer::ErrorClass::Lexical:
        m_error = m_mainTokenizer.error();
        return;
    case Tokenizer::ErrorClass::ErrorToken:  // CPython only looks at open brackets then
    case Tokenizer::ErrorClass::Unclosed: {
        char c;
        uint32_t line, column;
        if (m_mainTokenizer.openBracket(&c, &line, &column) && int(line) < errorLine)
            m_error = Error::syntax(m_fileName, int(line), int(column),
                                    QStringLiteral("'%1' was never closed").arg(QLatin1Char(c)));
        return;
    }
    case Tokenizer::ErrorClass::None:
        return;
    }
}

Token ParserImpl::expect(TokenKind k)
{
    if (kind() != k) {
        const Token t = peek();
        if (k == K::RPar || k == K::RSqb || k == K::RBrace || k == K::Indent || t.kind == K::Newline
            || t.kind == K::EndMarker)
            failInvalid(t);
        fail(t, QStringLiteral("expected '%1'").arg(QLatin1String(tokenSpelling(k).data(), int(tokenSpelling(k).size()))));
    }
    return advance();
}

void ParserImpl::expectColon()
{
    if (kind() == K::Colon) {
        advance();
        return;
    }
    failAt(m_last.endLine, m_last.endColumn, QStringLiteral("expected ':'"));
}

Token ParserImpl::expectName()
{
    if (kind() != K::Name)
        failInvalid(peek());
    return advance();
}

// ---- entry points ---------------------------------------------------------------

void ParserImpl::parseFile()
{
    m_mainTokenizer.setRange(m_module.m_textStart, uint32_t(m_text.size()), 1);
    std::vector<Stmt *> &top = m_top;
    try {
        while (kind() != K::EndMarker) {
            const size_t m = mark();
            statement();
            for (size_t i = m; i < m_scratch.size(); ++i)
                top.push_back(static_cast<Stmt *>(m_scratch[i]));
            m_scratch.resize(m);
            // Forget consumed tokens: nothing backtracks across statements.
            m_tokens.erase(m_tokens.begin(), m_tokens.begin() + std::ptrdiff_t(m_pos));
            m_pos = 0;
        }
    } catch (const ParseFailure &) {
        preferLaterLexicalErrors();
    }
    m_module.body = m_arena->copy(top.data(), top.size());
}

void ParserImpl::parseBody(FunctionDef &function)
{
    const BodyRange &r = function.bodyRange;
    m_mainTokenizer.setRange(r.begin, r.end, r.line);
    // The DEDENT closing the body sits where the full parse has it: on the
    // next line with code (errors at the body's end point there too).
    if (r.end < m_text.size()) {
        uint32_t line = r.line;
        for (uint32_t i = r.begin; i < r.end; ++i) {
            const char c = m_text[i];
            line += c == '\n' || (c == '\r' && (i + 1 >= m_text.size() || m_text[i + 1] != '\n'));
        }
        uint32_t p = r.end, lineStart = r.end;
        while (p < m_text.size()) {
            const char c = m_text[p];
            if (c == ' ' || c == '\t' || c == '\f') {
                ++p;
            } else if (c == '#') {
                while (p < m_text.size() && m_text[p] != '\n' && m_text[p] != '\r')
                    ++p;
            } else if (c == '\n' || c == '\r') {
                p += (c == '\r' && p + 1 < m_text.size() && m_text[p + 1] == '\n') ? 2 : 1;
                ++line;
                lineStart = p;
            } else {
                break;
            }
        }
        m_mainTokenizer.setEndPosition(p, line, lineStart);
    }
    try {
        expect(K::Indent);
        const size_t m = mark();
        statements(K::Dedent);
        expect(K::Dedent);
        function.body = take<Stmt>(m);
        function.bodySkipped = false;
    } catch (const ParseFailure &) {
    }
}

ParseResult parseModule(std::string_view raw, const ParseOptions &options)
{
    ParseResult result;
    PreparedSource prepared;
    if (!prepared.prepare(raw, options.fileName, &result.error))
        return result;
    ParserImpl::initModule(result.module, prepared.text(), prepared.start(), options.skipFunctionBodies,
                           prepared.needsUtf8Check());
    ParserImpl parser(result.module, options.fileName, options.skipFunctionBodies);
    parser.parseFile();
    result.error = std::move(parser.m_error);
    return result;
}

Error parseFunctionBody(Module &module, FunctionDef &function, const QString &fileName)
{
    if (!function.bodySkipped)
        return {};
    ParserImpl parser(module, fileName, false);
    parser.parseBody(function);
    return std::move(parser.m_error);
}

Error parseAllFunctionBodies(Module &module, const QString &fileName)
{
    // In source order, so that the error reported is the first one.
    Error first;
    for (const Stmt *s : module.body) {
        walk(s, [&](const Node *n) {
            if (first.isError())
                return false;
            if (const auto *f = n->dyn<FunctionDef>(); f && f->bodySkipped)
                first = parseFunctionBody(module, *const_cast<FunctionDef *>(f), fileName);
            return !first.isError();  // a parsed body is walked next
        });
        if (first.isError())
            break;
    }
    return first;
}

// ---- statements -------------------------------------------------------------------

void ParserImpl::statements(TokenKind until)
{
    while (kind() != until && kind() != K::EndMarker)
        statement();
}

void ParserImpl::statement()
{
    const Token t = peek();
    switch (t.kind) {
    case K::KwDef: push(functionDef({}, t, false)); return;
    case K::KwClass: push(classDef({}, t)); return;
    case K::KwIf: push(ifStatement(t)); return;
    case K::KwWhile: push(whileStatement()); return;
    case K::KwFor: push(forStatement(t, false)); return;
    case K::KwTry: push(tryStatement()); return;
    case K::KwWith: push(withStatement(t, false)); return;
    case K::At: push(decorated()); return;
    case K::KwAsync:
        switch (kind(1)) {
        case K::KwDef: push(functionDef({}, t, true)); return;
        case K::KwWith: advance(); push(withStatement(t, true)); return;
        case K::KwFor: advance(); push(forStatement(t, true)); return;
        default: failInvalid(peek(1));
        }
    case K::Indent: fail(t, QStringLiteral("unexpected indent"));
    case K::Name:
        if (text(t) == "match" && looksLikeMatch())
            fail(t, QStringLiteral("'match' statements are not supported"));
        break;
    default: break;
    }
    simpleStatements();
}

// A statement starting with the soft keyword `match` is a match statement
// when it cannot be an expression: `match x:`, `match (a, b):`, ...
bool ParserImpl::looksLikeMatch()
{
    switch (kind(1)) {
    case K::Name: case K::Number: case K::String: case K::LBrace: case K::KwNone: case K::KwTrue:
    case K::KwFalse: case K::KwNot: case K::KwLambda: case K::KwAwait: case K::Tilde:
    case K::LPar: case K::LSqb: case K::Minus: case K::Star: case K::Plus:
        break;
    default:
        return false;
    }
    for (size_t k = 1;; ++k) {
        const TokenKind t = kind(k);
        if (t == K::EndMarker)
            return false;
        if (t == K::Newline)
            return kind(k - 1) == K::Colon;
    }
}

void ParserImpl::simpleStatements()
{
    for (;;) {
        push(simpleStatement());
        if (!accept(K::Semi))
            break;
        if (kind() == K::Newline)
            break;
    }
    if (kind() != K::Newline)
        failInvalid(peek());
    advance();
}

Stmt *ParserImpl::simpleStatement()
{
    const Token t = peek();
    switch (t.kind) {
    case K::KwPass: advance(); return finish(make<Pass>(t));
    case K::KwBreak: advance(); return finish(make<Break>(t));
    case K::KwContinue: advance(); return finish(make<Continue>(t));
    case K::KwReturn: {
        advance();
        auto *r = make<Return>(t);
        if (startsExpression(kind()))
            r->value = starExpressions();
        return finish(r);
    }
    case K::KwRaise: {
        advance();
        auto *r = make<Raise>(t);
        if (startsExpression(kind())) {
            r->exc = expression();
            if (accept(K::KwFrom))
                r->cause = expression();
        }
        return finish(r);
    }
    case K::KwGlobal:
    case K::KwNonlocal: return globalStatement();
    case K::KwDel: return delStatement();
    case K::KwAssert: {
        advance();
        auto *a = make<Assert>(t);
        a->test = expression();
        if (accept(K::Comma))
            a->msg = expression();
        return finish(a);
    }
    case K::KwImport: return importName();
    case K::KwFrom: return importFrom();
    default: return expressionStatement();
    }
}

static bool augAssignOp(TokenKind k, BinOpKind *op)
{
    switch (k) {
    case K::PlusEqual: *op = BinOpKind::Add; return true;
    case K::MinEqual: *op = BinOpKind::Sub; return true;
    case K::StarEqual: *op = BinOpKind::Mult; return true;
    case K::AtEqual: *op = BinOpKind::MatMult; return true;
    case K::SlashEqual: *op = BinOpKind::Div; return true;
    case K::PercentEqual: *op = BinOpKind::Mod; return true;
    case K::AmperEqual: *op = BinOpKind::BitAnd; return true;
    case K::VBarEqual: *op = BinOpKind::BitOr; return true;
    case K::CircumflexEqual: *op = BinOpKind::BitXor; return true;
    case K::LeftShiftEqual: *op = BinOpKind::LShift; return true;
    case K::RightShiftEqual: *op = BinOpKind::RShift; return true;
    case K::DoubleStarEqual: *op = BinOpKind::Pow; return true;
    case K::DoubleSlashEqual: *op = BinOpKind::FloorDiv; return true;
    default: return false;
    }
}

Stmt *ParserImpl::expressionStatement()
{
    const Token start = peek();
    Expr *first = kind() == K::KwYield ? yieldExpr() : starExpressions();
    BinOpKind op;
    switch (kind()) {
    case K::Equal: {
        const size_t m = mark();
        push(first);
        while (accept(K::Equal))
            push(kind() == K::KwYield ? yieldExpr() : starExpressions());
        auto *value = static_cast<Expr *>(m_scratch.back());
        m_scratch.pop_back();
        for (size_t i = m; i < m_scratch.size(); ++i)
            setTarget(static_cast<Expr *>(m_scratch[i]), ExprContext::Store, TargetMode::Assign);
        auto *a = make<Assign>(start);
        a->targets = take<Expr>(m);
        a->value = value;
        return finish(a);
    }
    case K::Colon: {
        switch (first->kind) {
        case NodeKind::Name:
        case NodeKind::Attribute:
        case NodeKind::Subscript:
            break;
        case NodeKind::Tuple:
            failNode(first, QStringLiteral("only single target (not tuple) can be annotated"));
        case NodeKind::List:
            failNode(first, QStringLiteral("only single target (not list) can be annotated"));
        default:
            failNode(first, QStringLiteral("illegal target for annotation"));
        }
        setTarget(first, ExprContext::Store, TargetMode::Assign);
        advance();
        auto *a = make<AnnAssign>(start);
        a->target = first;
        a->simple = first->kind == NodeKind::Name && first->begin == start.offset;
        a->annotation = expression();
        if (accept(K::Equal))
            a->value = kind() == K::KwYield ? yieldExpr() : starExpressions();
        return finish(a);
    }
    default:
        if (augAssignOp(kind(), &op)) {
            setTarget(first, ExprContext::Store, TargetMode::AugAssign);
            advance();
            auto *a = make<AugAssign>(start);
            a->target = first;
            a->op = op;
            a->value = kind() == K::KwYield ? yieldExpr() : starExpressions();
            return finish(a);
        }
        break;
    }
    auto *s = make<ExprStmt>(start);
    s->value = first;
    return finish(s);
}

std::string_view ParserImpl::dottedName()
{
    const Token first = expectName();
    Token last = first;
    bool contiguous = true;
    while (kind() == K::Dot && kind(1) == K::Name) {
        const Token dot = advance();
        const Token name = advance();
        if (dot.offset != last.endOffset() || name.offset != dot.endOffset())
            contiguous = false;
        last = name;
    }
    if (contiguous)
        return m_text.substr(first.offset, last.endOffset() - first.offset);
    // Written with spaces ("a . b"): spell it without them, as Python does.
    std::string joined;
    for (uint32_t i = first.offset; i < last.endOffset(); ++i) {
        const char c = m_text[i];
        if (c != ' ' && c != '\t' && c != '\f' && c != '\\' && c != '\n' && c != '\r')
            joined += c;
    }
    return m_arena->copyString(joined);
}

Alias *ParserImpl::importAlias(bool dotted)
{
    auto *a = make<Alias>(peek());
    a->name = dotted ? dottedName() : text(expectName());
    if (accept(K::KwAs))
        a->asname = text(expectName());
    return finish(a);
}

Stmt *ParserImpl::importName()
{
    const Token start = advance();
    auto *s = make<Import>(start);
    const size_t m = mark();
    do {
        push(importAlias(true));
    } while (accept(K::Comma));
    s->names = take<Alias>(m);
    return finish(s);
}

Stmt *ParserImpl::importFrom()
{
    const Token start = advance();
    auto *s = make<ImportFrom>(start);
    for (;;) {
        if (accept(K::Dot))
            s->level += 1;
        else if (accept(K::Ellipsis))
            s->level += 3;
        else
            break;
    }
    if (kind() == K::Name)
        s->module = dottedName();
    else if (s->level == 0)
        failInvalid(peek());
    if (kind() != K::KwImport)
        fail(peek(), QStringLiteral("expected 'import'"));
    advance();
    const size_t m = mark();
    if (kind() == K::Star) {
        const Token t = advance();
        auto *a = make<Alias>(t);
        a->name = text(t);
        push(finish(a));
    } else if (kind() == K::LPar) {
        advance();
        do {
            if (kind() == K::RPar && mark() > m)
                break;
            push(importAlias(false));
        } while (accept(K::Comma));
        expect(K::RPar);
    } else {
        for (;;) {
            push(importAlias(false));
            if (!accept(K::Comma))
                break;
            if (kind() == K::Newline || kind() == K::Semi)
                fail(m_last, QStringLiteral("trailing comma not allowed without surrounding parentheses"));
        }
    }
    s->names = take<Alias>(m);
    return finish(s);
}

Stmt *ParserImpl::globalStatement()
{
    const Token start = advance();
    auto *s = make<Global>(start, start.kind == K::KwGlobal ? NodeKind::Global : NodeKind::Nonlocal);
    std::vector<std::string_view> names;
    do {
        names.push_back(text(expectName()));
    } while (accept(K::Comma));
    s->names = m_arena->copy(names.data(), names.size());
    return finish(s);
}

Stmt *ParserImpl::delStatement()
{
    const Token start = advance();
    auto *s = make<Delete>(start);
    const size_t m = mark();
    for (;;) {
        Expr *e = primary();
        setTarget(e, ExprContext::Del, TargetMode::Delete);
        push(e);
        if (!accept(K::Comma) || kind() == K::Newline || kind() == K::Semi)
            break;
    }
    s->targets = take<Expr>(m);
    return finish(s);
}

} // namespace retort::py
