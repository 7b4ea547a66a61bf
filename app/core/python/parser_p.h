#pragma once

// Private to the parser's .cpp files: the recursive-descent parser over a
// pulled token stream. Grammar functions are named after the rules of
// CPython's python.gram where one corresponds.

#include "python/ast.h"
#include "python/parser.h"
#include "python/tokenizer.h"

#include <string>
#include <vector>

namespace retort::py {

struct ParseFailure {};  // thrown once ParserImpl::m_error is set

class ParserImpl {
public:
    ParserImpl(Module &module, const QString &fileName, bool skipBodies);
    ~ParserImpl();
    ParserImpl(const ParserImpl &) = delete;
    ParserImpl &operator=(const ParserImpl &) = delete;

    static void initModule(Module &module, std::string_view text, uint32_t textStart, bool skipBodies,
                           bool checkUtf8);

    void parseFile();
    void parseBody(FunctionDef &function);

    Error m_error;

private:
    friend struct DepthGuard;
    friend struct ChainGuard;
    friend struct StreamSwap;
    class FStringBuilder;

    // ---- tokens
    const Token &peek(size_t k = 0)
    {
        while (m_pos + k >= m_tokens.size())
            m_tokens.push_back(m_tokenizer->next());
        const Token &t = m_tokens[m_pos + k];
        if (t.kind == TokenKind::Error)
            failTokenizer();
        return t;
    }
    TokenKind kind(size_t k = 0) { return peek(k).kind; }
    // m_last is the last token a node can end with: NEWLINE, INDENT and
    // DEDENT never end one (a compound statement ends with its body).
    Token advance()
    {
        const Token t = peek();
        ++m_pos;
        if (t.kind != TokenKind::Newline && t.kind != TokenKind::Indent && t.kind != TokenKind::Dedent)
            m_last = t;
        return t;
    }
    bool accept(TokenKind k)
    {
        if (kind() != k)
            return false;
        advance();
        return true;
    }
    Token expect(TokenKind k);
    void expectColon();
    Token expectName();
    std::string_view text(const Token &t) const { return t.text(m_text); }

    [[noreturn]] void fail(const Token &at, const QString &message);
    [[noreturn]] void failAt(uint32_t line, uint32_t column, const QString &message);
    [[noreturn]] void failNode(const Node *at, const QString &message);
    [[noreturn]] void failInvalid(const Token &at);
    [[noreturn]] void failTokenizer();
    void preferLaterLexicalErrors();

    // ---- nodes
    template <class T>
    T *make(const Token &start, NodeKind kind = T::DefaultKind)
    {
        T *n = m_arena->make<T>(kind);
        n->line = start.line;
        n->column = start.column;
        n->begin = start.offset;
        return n;
    }
    template <class T>
    T *finish(T *n)
    {
        n->endLine = m_last.endLine;
        n->endColumn = m_last.endColumn;
        n->end = m_last.endOffset();
        return n;
    }
    template <class T>
    T *finishAt(T *n, const Token &last)
    {
        n->endLine = last.endLine;
        n->endColumn = last.endColumn;
        n->end = last.endOffset();
        return n;
    }
    size_t mark() const { return m_scratch.size(); }
    void push(Node *n) { m_scratch.push_back(n); }
    template <class T>
    Span<T *> take(size_t mark)
    {
        const size_t n = m_scratch.size() - mark;
        if (n == 0)
            return {};
        T **out = static_cast<T **>(m_arena->allocate(n * sizeof(T *), alignof(T *)));
        for (size_t i = 0; i < n; ++i)
            out[i] = static_cast<T *>(m_scratch[mark + i]);
        m_scratch.resize(mark);
        return Span<T *>(out, uint32_t(n));
    }
    template <class T>
    Span<T *> one(T *n)
    {
        return m_arena->copy(&n, 1);
    }

    // ---- statements (parser.cpp)
    void statements(TokenKind until);
    void statement();
    void simpleStatements();
    Stmt *simpleStatement();
    Stmt *expressionStatement();
    Span<Stmt *> block(const char *what, uint32_t headerLine);
    Stmt *functionDef(Span<Expr *> decorators, const Token &start, bool isAsync);
    void skipBody(FunctionDef *f);
    Stmt *classDef(Span<Expr *> decorators, const Token &start);
    Stmt *decorated();
    Stmt *ifStatement(const Token &start);
    Stmt *whileStatement();
    Stmt *forStatement(const Token &start, bool isAsync);
    Stmt *withStatement(const Token &start, bool isAsync);
    WithItem *withItem();
    Stmt *tryStatement();
    Stmt *importName();
    Stmt *importFrom();
    Alias *importAlias(bool dotted);
    std::string_view dottedName();
    Stmt *globalStatement();
    Stmt *delStatement();
    bool looksLikeMatch();
    Arguments *parameters(TokenKind closing, bool annotations);
    Arg *parameter(bool annotation, bool starAnnotation);

    // ---- targets
    enum class TargetMode { Assign, AugAssign, Delete, For, With, Comprehension, Named };
    void setTarget(Expr *e, ExprContext ctx, TargetMode mode, bool top = true);
    Expr *starTargets();
    Expr *starTarget();
    static const char *describe(const Expr *e);

    // ---- expressions (parserexpr.cpp)
    Expr *starExpressions();
    Expr *starExpression();
    Expr *starNamedExpression();
    Expr *namedExpression();
    Expr *expression();
    Expr *disjunction();
    Expr *conjunction();
    Expr *inversion();
    Expr *comparison();
    Expr *binary(int minPrecedence);  // 1: bitwise_or
    Expr *factor();
    Expr *power();
    Expr *awaitPrimary();
    Expr *primary();
    Expr *atom();
    Expr *parenthesized(const Token &open);
    Expr *listDisplay(const Token &open);
    Expr *braceDisplay(const Token &open);
    Expr *slices();
    Expr *slice();
    Expr *yieldExpr();
    Expr *lambdef();
    Expr *number(const Token &t);
    Span<Comprehension *> comprehensions();
    bool atCompFor() { return kind() == TokenKind::KwFor || (kind() == TokenKind::KwAsync && kind(1) == TokenKind::KwFor); }
    void callArguments(const Token &open, Span<Expr *> *args, Span<Keyword *> *keywords, bool allowGenerator);
    static bool startsExpression(TokenKind k);

    // ---- strings (parserstring.cpp)
    Expr *strings();
    void decodeInto(const Token &t, std::string &out, bool *lossy);
    void lineAndColumn(const Token &t, uint32_t offset, uint32_t *line, uint32_t *lineStart);
    void fstring(const Token &t, FStringBuilder &b);
    uint32_t fstringBody(const Token &t, uint32_t begin, uint32_t end, bool raw, int level, FStringBuilder &b);
    uint32_t replacementField(const Token &t, uint32_t open, uint32_t end, bool raw, int level, FStringBuilder &b);
    Expr *fstringExpression(const Token &t, uint32_t begin, uint32_t end);
    [[noreturn]] void failInToken(const Token &t, uint32_t offset, const QString &message);

    Module &m_module;
    Arena *m_arena;
    std::string_view m_text;
    QString m_fileName;
    bool m_skipBodies;

    Tokenizer m_mainTokenizer;
    Tokenizer *m_tokenizer;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    Token m_last;

    std::vector<Node *> m_scratch;
    std::vector<Stmt *> m_top;
    std::vector<CmpOpKind> m_cmpScratch;
    std::string m_stringBuffer;
    int m_nesting = 0;  // nested grammar calls (DepthGuard): bounds the C stack
    int m_chain = 0;    // chained operators, trailers, elifs (ChainGuard): bounds tree depth
    int m_fstringDepth = 0;
};

// Bounds recursion so hostile input (ten thousand unary minuses) fails
// cleanly instead of exhausting the stack.
struct DepthGuard {
    static constexpr int Max = 300;
    ParserImpl &p;
    DepthGuard(ParserImpl &parser, const Token &t) : p(parser)
    {
        if (p.m_nesting >= Max)
            p.fail(t, QStringLiteral("too many nested expressions"));
        ++p.m_nesting;
    }
    ~DepthGuard() { --p.m_nesting; }
};

// Bounds the depth of the trees that chains build without recursing
// (a + b + c ..., a.b.c(...)[...], elif ...), so that recursive walks over
// the tree (dump(), walk(), an evaluator) stay within the stack.
struct ChainGuard {
    static constexpr int Max = 3000;
    ParserImpl &p;
    int links = 0;
    explicit ChainGuard(ParserImpl &parser) : p(parser) {}
    void link(const Token &t)
    {
        ++links;
        if (++p.m_chain > Max)
            p.fail(t, QStringLiteral("expression or statement nested too deeply"));
    }
    ~ChainGuard() { p.m_chain -= links; }
};

} // namespace retort::py
