#include "python/tokenizer.h"
#include "python/tokenizer_p.h"

#include "python/source.h"

#include <cstring>

namespace retort::py {

using namespace lex;

// The first CR or LF at or after p (m_end if none).
const char *Tokenizer::lineEnd(const char *p) const
{
    const void *lf = std::memchr(p, '\n', size_t(m_end - p));
    const char *e = lf ? static_cast<const char *>(lf) : m_end;
    const void *cr = std::memchr(p, '\r', size_t(e - p));
    return cr ? static_cast<const char *>(cr) : e;
}

Tokenizer::Tokenizer(std::string_view text, const QString &fileName, TokenizerOptions options)
    : m_text(text), m_fileName(fileName), m_options(options)
{
    m_base = text.data();
    m_p = m_base;
    m_end = m_base + text.size();
    m_lineStart = m_base;
}

void Tokenizer::setRange(uint32_t begin, uint32_t end, uint32_t line)
{
    m_p = m_base + begin;
    m_end = m_base + std::min<size_t>(end, m_text.size());
    m_lineStart = m_p;
    m_line = line;
    m_atLineStart = true;
    m_embedded = false;
}

void Tokenizer::setEmbedded(uint32_t begin, uint32_t end, uint32_t line, uint32_t lineStart)
{
    m_p = m_base + begin;
    m_end = m_base + std::min<size_t>(end, m_text.size());
    m_lineStart = m_base + lineStart;
    m_line = line;
    m_atLineStart = false;
    m_embedded = true;
}

Token Tokenizer::failAt(uint32_t line, uint32_t column, const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        m_errorClass = ErrorClass::Lexical;
        m_error = Error::syntax(m_fileName, int(line), int(column), message);
    }
    Token t;
    t.kind = TokenKind::Error;
    t.offset = uint32_t(m_p - m_base);
    t.line = t.endLine = uint32_t(m_error.where().line);
    t.column = t.endColumn = uint32_t(m_error.where().column);
    return t;
}

Token Tokenizer::fail(const char *at, const QString &message)
{
    if (at >= m_lineStart)
        return failAt(m_line, uint32_t(at - m_lineStart + 1), message);
    uint32_t line, column;
    lineColumnOf(m_text, uint32_t(at - m_base), 0, &line, &column);
    return failAt(line, column, message);
}

void Tokenizer::setEndPosition(uint32_t offset, uint32_t line, uint32_t lineStart)
{
    m_endAt = m_base + offset;
    m_endLine = line;
    m_endLineStart = m_base + lineStart;
}

Token Tokenizer::endToken(TokenKind kind) const
{
    if (!m_endAt)
        return make(kind, m_end, m_end);
    Token t;
    t.kind = kind;
    t.offset = uint32_t(m_endAt - m_base);
    t.line = t.endLine = m_endLine;
    t.column = t.endColumn = uint32_t(m_endAt - m_endLineStart + 1);
    return t;
}

Token Tokenizer::failToken(const char *at, const QString &message)
{
    const bool first = !m_failed;
    const Token t = fail(at, message);
    if (first)
        m_errorClass = ErrorClass::ErrorToken;
    return t;
}

Token Tokenizer::next()
{
    if (m_failed)
        return failAt(0, 0, {});
    if (m_pendingDedents > 0) {
        --m_pendingDedents;
        return make(TokenKind::Dedent, m_p, m_p);
    }
    for (;;) {
        if (m_atLineStart) {
            Token t;
            if (lineStart(&t))
                return t;
        }
        const char *p = m_p;
        while (p < m_end && is(p, CSpace))
            ++p;
        m_p = p;
        if (p >= m_end)
            return atEnd();
        const unsigned char c = static_cast<unsigned char>(*p);
        if (isNameStart(c)) {
            m_lineHasTokens = true;
            return scanName(p);
        }
        if (isDigit(c)) {
            m_lineHasTokens = true;
            return scanNumber(p);
        }
        switch (c) {
        case '\n':
        case '\r': {
            const char *q = p + 1;
            if (c == '\r' && q < m_end && *q == '\n')
                ++q;
            const bool logical = m_lineHasTokens && m_depth == 0 && !m_embedded;
            const Token t = make(TokenKind::Newline, p, q);
            ++m_line;
            m_lineStart = q;
            m_p = q;
            if (m_depth == 0 && !m_embedded)
                m_atLineStart = true;
            if (logical) {
                m_lineHasTokens = false;
                return t;
            }
            continue;
        }
        case '#': {
            const char *q = lineEnd(p + 1);
            m_p = q;
            if (m_options.emitComments)
                return make(TokenKind::Comment, p, q);
            continue;
        }
        case '\\': {
            const char *q = p + 1;
            if (q >= m_end)
                return failToken(q, QStringLiteral("unexpected EOF while parsing"));
            if (*q != '\n' && *q != '\r')
                return failToken(q, QStringLiteral("unexpected character after line continuation character"));
            const char *after = q + ((*q == '\r' && q + 1 < m_end && q[1] == '\n') ? 2 : 1);
            if (after >= m_end)
                return failToken(q, QStringLiteral("unexpected EOF while parsing"));
            ++m_line;
            m_lineStart = after;
            m_p = after;
            continue;
        }
        case '"':
        case '\'':
            m_lineHasTokens = true;
            return scanString(p, p, 0);
        case '.':
            m_lineHasTokens = true;
            if (p + 1 < m_end && isDigit(static_cast<unsigned char>(p[1])))
                return scanNumber(p);
            return scanOperator(p);
        default:
            m_lineHasTokens = true;
            return scanOperator(p);
        }
    }
}

// At the start of a logical line outside brackets: measure the indentation
// and produce INDENT/DEDENT. Returns false when no token results (same
// level, or a blank/comment-only line, which never changes indentation).
bool Tokenizer::lineStart(Token *out)
{
    m_atLineStart = false;
    int col = 0;
    int altcol = 0;
    const char *p = m_p;
    for (; p < m_end; ++p) {
        const char c = *p;
        if (c == ' ') {
            ++col;
            ++altcol;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            ++altcol;
        } else if (c == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
    }
    m_p = p;
    if (p >= m_end || *p == '#' || *p == '\n' || *p == '\r')
        return false;

    const int top = m_indents[m_indentDepth];
    const int altTop = m_altIndents[m_indentDepth];
    if (col == top) {
        if (altcol != altTop) {
            *out = failToken(p, QStringLiteral("inconsistent use of tabs and spaces in indentation"));
            return true;
        }
        return false;
    }
    if (col > top) {
        if (m_indentDepth + 1 >= MaxIndent) {
            *out = failToken(p, QStringLiteral("too many levels of indentation"));
            return true;
        }
        if (altcol <= altTop) {
            *out = failToken(p, QStringLiteral("inconsistent use of tabs and spaces in indentation"));
            return true;
        }
        ++m_indentDepth;
        m_indents[m_indentDepth] = col;
        m_altIndents[m_indentDepth] = altcol;
        *out = make(TokenKind::Indent, p, p);
        return true;
    }
    int dedents = 0;
    while (m_indentDepth > 0 && col < m_indents[m_indentDepth]) {
        --m_indentDepth;
        ++dedents;
    }
    if (col != m_indents[m_indentDepth]) {
        *out = failToken(p, QStringLiteral("unindent does not match any outer indentation level"));
        return true;
    }
    if (altcol != m_altIndents[m_indentDepth]) {
        *out = failToken(p, QStringLiteral("inconsistent use of tabs and spaces in indentation"));
        return true;
    }
    m_pendingDedents = dedents - 1;
    *out = make(TokenKind::Dedent, p, p);
    return true;
}

bool Tokenizer::skipBlock(SkippedBlock *out)
{
    if (m_failed)
        return false;
    const int blockDepth = m_indentDepth;
    const char *lastEnd = m_p;
    uint32_t lastLine = m_line;
    const char *lastLineStart = m_lineStart;
    uint32_t newlineLine = m_line;
    bool afterComment = false;

    // Runs of plain bytes are not tokenized one by one, so the last token
    // of a physical line is found when the line ends: before its trailing
    // blanks, or before its comment or continuation backslash.
    auto lineContent = [&](const char *at) {
        const char *e = at;
        while (e > m_lineStart && is(e - 1, CSpace))
            --e;
        if (e > m_lineStart) {
            lastEnd = e;
            lastLine = m_line;
            lastLineStart = m_lineStart;
            m_lineHasTokens = true;
        }
    };
    auto token = [&] {
        lastEnd = m_p;
        lastLine = m_line;
        lastLineStart = m_lineStart;
        m_lineHasTokens = true;
    };
    const char *blockEnd = m_end;  // where the line after the block starts
    auto done = [&] {
        out->endOffset = uint32_t(blockEnd - m_base);
        out->endLine = newlineLine;
        out->lastEndOffset = uint32_t(lastEnd - m_base);
        out->lastEndLine = lastLine;
        out->lastEndColumn = uint32_t(lastEnd - lastLineStart + 1);
        return true;
    };
    for (;;) {
        if (m_atLineStart) {
            // lineStart() without tokens: only the block's end matters.
            Token t;
            if (lineStart(&t)) {
                if (t.kind == TokenKind::Error)
                    return false;
                if (t.kind == TokenKind::Dedent) {
                    // lineStart() popped the levels and owes dedents-1 more.
                    if (m_indentDepth < blockDepth) {
                        m_pendingDedents = blockDepth - 1 - m_indentDepth;
                        blockEnd = m_lineStart;
                        return done();
                    }
                    m_pendingDedents = 0;
                }
            }
        }
        const char *p = m_p;
        for (;;) {
            while (p < m_end && is(p, CPlain))
                ++p;
            // A digit inside a name is plain; one starting a token starts a number.
            if (p < m_end && is(p, CDigit) && p > m_lineStart && is(p - 1, CAsciiName)) {
                ++p;
                continue;
            }
            break;
        }
        m_p = p;
        if (p >= m_end) {
            if (!afterComment)
                lineContent(p);
            if (m_depth > 0) {
                atEnd();
                return false;
            }
            if (m_lineHasTokens) {
                newlineLine = m_line;
                m_lineHasTokens = false;
            }
            m_indentDepth = blockDepth - 1;
            return done();
        }
        const unsigned char c = static_cast<unsigned char>(*p);
        switch (c) {
        case '\n':
        case '\r': {
            if (!afterComment)
                lineContent(p);
            afterComment = false;
            const char *q = p + 1;
            if (c == '\r' && q < m_end && *q == '\n')
                ++q;
            if (m_lineHasTokens && m_depth == 0) {
                newlineLine = m_line;
                m_lineHasTokens = false;
            }
            ++m_line;
            m_lineStart = q;
            m_p = q;
            if (m_depth == 0)
                m_atLineStart = true;
            continue;
        }
        case '#': {
            lineContent(p);
            afterComment = true;
            m_p = lineEnd(p + 1);
            continue;
        }
        case '\\': {
            lineContent(p);
            const char *q = p + 1;
            if (q >= m_end) {
                failToken(q, QStringLiteral("unexpected EOF while parsing"));
                return false;
            }
            if (*q != '\n' && *q != '\r') {
                failToken(q, QStringLiteral("unexpected character after line continuation character"));
                return false;
            }
            const char *after = q + ((*q == '\r' && q + 1 < m_end && q[1] == '\n') ? 2 : 1);
            if (after >= m_end) {
                failToken(q, QStringLiteral("unexpected EOF while parsing"));
                return false;
            }
            ++m_line;
            m_lineStart = after;
            m_p = after;
            continue;
        }
        case '"':
        case '\'': {
            // A prefix (r, b, f, rb, ...) was taken for a plain run: look back.
            const char *b = p;
            while (b > m_lineStart && p - b < 3 && is(b - 1, CAsciiName))
                --b;
            uint16_t flags = 0;
            if (b < p && (p - b > 2 || (b > m_lineStart && is(b - 1, CNameCont)) || !stringPrefix(b, size_t(p - b), &flags))) {
                b = p;
                flags = 0;
            }
            const Token t = scanString(b, p, flags);
            if (t.kind == TokenKind::Error)
                return false;
            if (t.flags & StringFlag::InvalidUtf8) {
                const char *bad = firstInvalidUtf8(b, m_p);
                fail(bad, invalidUtf8Message(static_cast<unsigned char>(*bad)));
                return false;
            }
            token();
            continue;
        }
        case '.':
            if (!(p + 1 < m_end && isDigit(static_cast<unsigned char>(p[1])))) {
                m_p = p + 1;
                continue;
            }
            [[fallthrough]];
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
            if (scanNumber(p).kind == TokenKind::Error)
                return false;
            token();
            continue;
        case '(': case '[': case '{':
            if (m_depth < MaxDepth) {
                m_brackets[m_depth++] = {char(c), m_line, uint32_t(p - m_lineStart + 1)};
                m_p = p + 1;
                token();
                continue;
            }
            break;
        case ')': case ']': case '}':
            if (m_depth > 0 && m_brackets[m_depth - 1].c == (c == ')' ? '(' : c == ']' ? '[' : '{')) {
                --m_depth;
                m_p = p + 1;
                token();
                continue;
            }
            break;  // scanOperator() reports it
        default:
            if (c >= 0x80) {
                // A non-ASCII identifier; its ASCII head went by as plain bytes.
                const char *b = p;
                while (b > m_lineStart && is(b - 1, CNameCont))
                    --b;
                if (scanName(b).kind == TokenKind::Error)
                    return false;
                token();
                continue;
            }
            break;
        }
        const TokenKind k = scanOperator(p).kind;
        if (k == TokenKind::Error)
            return false;
        if (k == TokenKind::Stray) {
            failToken(p, QStringLiteral("invalid syntax"));
            return false;
        }
        token();
    }
}

Token Tokenizer::atEnd()
{
    if (m_depth > 0) {
        const Bracket &b = m_brackets[m_depth - 1];
        const Token t = failAt(b.line, b.column, QStringLiteral("'%1' was never closed").arg(QLatin1Char(b.c)));
        m_errorClass = ErrorClass::Unclosed;
        return t;
    }
    if (m_embedded)
        return make(TokenKind::EndMarker, m_end, m_end);
    if (m_lineHasTokens) {
        m_lineHasTokens = false;
        return make(TokenKind::Newline, m_end, m_end);
    }
    if (m_indentDepth > 0) {
        --m_indentDepth;
        return endToken(TokenKind::Dedent);
    }
    m_done = true;
    return endToken(TokenKind::EndMarker);
}

TokenizeResult tokenize(std::string_view raw, const QString &fileName, TokenizerOptions options)
{
    TokenizeResult result;
    PreparedSource prepared;
    if (!prepared.prepare(raw, fileName, &result.error)) {
        result.text.assign(raw.data(), raw.size());
        Token t;
        t.kind = TokenKind::Error;
        t.line = t.endLine = uint32_t(result.error.where().line);
        t.column = t.endColumn = uint32_t(result.error.where().column);
        result.tokens.push_back(t);
        return result;
    }
    result.text.assign(prepared.text());
    options.rejectInvalidStrings = true;
    Tokenizer tokenizer(result.text, fileName, options);
    tokenizer.setRange(prepared.start(), uint32_t(result.text.size()), 1);
    tokenizer.setCheckUtf8(prepared.needsUtf8Check());
    result.tokens.reserve(result.text.size() / 4 + 8);
    for (;;) {
        const Token t = tokenizer.next();
        result.tokens.push_back(t);
        if (t.kind == TokenKind::EndMarker)
            break;
        if (t.kind == TokenKind::Error) {
            result.error = tokenizer.error();
            break;
        }
    }
    return result;
}

} // namespace retort::py
