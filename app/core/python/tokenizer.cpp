#include "python/tokenizer.h"

#include "python/source.h"

#include <QChar>

#include <array>
#include <cstring>

namespace retort::py {

namespace {

enum : uint8_t {
    CNameStart = 1,
    CNameCont = 2,
    CDigit = 4,
    CHex = 8,
    CAsciiName = 16,   // [A-Za-z0-9_]
    CSpace = 32,       // space, tab, form feed
    CStringStop = 64,  // quotes, backslash, CR, LF: where a string body scan must look
    CPlain = 128,      // needs no attention in a skipped block (see skipBlock)
};

constexpr std::array<uint8_t, 256> makeClasses()
{
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        uint8_t v = 0;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80)
            v |= CNameStart | CNameCont;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))
            v |= CAsciiName;
        if (c >= '0' && c <= '9')
            v |= CDigit | CNameCont | CHex;
        if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
            v |= CHex;
        if (c == ' ' || c == '\t' || c == '\f')
            v |= CSpace;
        if (c == '\'' || c == '"' || c == '\\' || c == '\n' || c == '\r')
            v |= CStringStop;
        // Name bytes (not digits: they may start a number), blanks, and the
        // operator characters that are tokens alone or only combine among
        // themselves.
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ' ' || c == '\t' || c == '\f'
            || c == ',' || c == ';' || c == ':' || c == '=' || c == '+' || c == '-' || c == '*' || c == '/'
            || c == '%' || c == '&' || c == '|' || c == '^' || c == '~' || c == '<' || c == '>' || c == '@')
            v |= CPlain;
        t[size_t(c)] = v;
    }
    return t;
}
constexpr std::array<uint8_t, 256> kClasses = makeClasses();

inline bool isNameStart(unsigned char c) { return kClasses[c] & CNameStart; }
inline bool isNameCont(unsigned char c) { return kClasses[c] & CNameCont; }
inline bool isDigit(unsigned char c) { return kClasses[c] & CDigit; }
inline bool isHex(unsigned char c) { return kClasses[c] & CHex; }
inline bool is(const char *p, uint8_t cls) { return kClasses[static_cast<unsigned char>(*p)] & cls; }
inline bool isOct(unsigned char c) { return c >= '0' && c <= '7'; }
inline bool isBin(unsigned char c) { return c == '0' || c == '1'; }

inline bool eq(const char *s, const char *kw, size_t n) { return std::memcmp(s, kw, n) == 0; }

TokenKind keywordKind(const char *s, size_t n)
{
    using K = TokenKind;
    switch (n) {
    case 2:
        if (s[0] == 'a' && s[1] == 's') return K::KwAs;
        if (s[0] == 'i') {
            if (s[1] == 'f') return K::KwIf;
            if (s[1] == 'n') return K::KwIn;
            if (s[1] == 's') return K::KwIs;
        }
        if (s[0] == 'o' && s[1] == 'r') return K::KwOr;
        break;
    case 3:
        switch (s[0]) {
        case 'a': if (eq(s, "and", 3)) return K::KwAnd; break;
        case 'd':
            if (eq(s, "def", 3)) return K::KwDef;
            if (eq(s, "del", 3)) return K::KwDel;
            break;
        case 'f': if (eq(s, "for", 3)) return K::KwFor; break;
        case 'n': if (eq(s, "not", 3)) return K::KwNot; break;
        case 't': if (eq(s, "try", 3)) return K::KwTry; break;
        }
        break;
    case 4:
        switch (s[0]) {
        case 'N': if (eq(s, "None", 4)) return K::KwNone; break;
        case 'T': if (eq(s, "True", 4)) return K::KwTrue; break;
        case 'e':
            if (eq(s, "elif", 4)) return K::KwElif;
            if (eq(s, "else", 4)) return K::KwElse;
            break;
        case 'f': if (eq(s, "from", 4)) return K::KwFrom; break;
        case 'p': if (eq(s, "pass", 4)) return K::KwPass; break;
        case 'w': if (eq(s, "with", 4)) return K::KwWith; break;
        }
        break;
    case 5:
        switch (s[0]) {
        case 'F': if (eq(s, "False", 5)) return K::KwFalse; break;
        case 'a':
            if (eq(s, "async", 5)) return K::KwAsync;
            if (eq(s, "await", 5)) return K::KwAwait;
            break;
        case 'b': if (eq(s, "break", 5)) return K::KwBreak; break;
        case 'c': if (eq(s, "class", 5)) return K::KwClass; break;
        case 'r': if (eq(s, "raise", 5)) return K::KwRaise; break;
        case 'w': if (eq(s, "while", 5)) return K::KwWhile; break;
        case 'y': if (eq(s, "yield", 5)) return K::KwYield; break;
        }
        break;
    case 6:
        switch (s[0]) {
        case 'a': if (eq(s, "assert", 6)) return K::KwAssert; break;
        case 'e': if (eq(s, "except", 6)) return K::KwExcept; break;
        case 'g': if (eq(s, "global", 6)) return K::KwGlobal; break;
        case 'i': if (eq(s, "import", 6)) return K::KwImport; break;
        case 'l': if (eq(s, "lambda", 6)) return K::KwLambda; break;
        case 'r': if (eq(s, "return", 6)) return K::KwReturn; break;
        }
        break;
    case 7:
        if (eq(s, "finally", 7)) return K::KwFinally;
        break;
    case 8:
        if (eq(s, "continue", 8)) return K::KwContinue;
        if (eq(s, "nonlocal", 8)) return K::KwNonlocal;
        break;
    }
    return K::Name;
}

// Recognises a string prefix (r, u, b, f, br, rb, fr, rf in any case).
bool stringPrefix(const char *s, size_t n, uint16_t *flags)
{
    uint8_t f = 0;
    for (size_t i = 0; i < n; ++i) {
        uint8_t bit;
        switch (s[i] | 0x20) {
        case 'r': bit = StringFlag::Raw; break;
        case 'b': bit = StringFlag::Bytes; break;
        case 'f': bit = StringFlag::Format; break;
        case 'u': bit = StringFlag::Unicode; break;
        default: return false;
        }
        if (f & bit)
            return false;
        f |= bit;
    }
    if ((f & StringFlag::Unicode) && n != 1)
        return false;
    if ((f & StringFlag::Bytes) && (f & StringFlag::Format))
        return false;
    *flags = uint16_t(f | (n << 5));
    return true;
}

bool isIdStart(char32_t cp)
{
    if (cp == '_')
        return true;
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_Letter:
        return true;
    default:
        return cp == 0x2118 || cp == 0x212E || cp == 0x309B || cp == 0x309C;
    }
}

bool isIdContinue(char32_t cp)
{
    if (isIdStart(cp) || (cp >= '0' && cp <= '9'))
        return true;
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Number_DecimalDigit:
    case QChar::Punctuation_Connector:
        return true;
    default:
        return cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA;
    }
}

QString invalidCharacterMessage(char32_t cp)
{
    const QString hex = QString::number(uint(cp), 16).toUpper().rightJustified(4, QLatin1Char('0'));
    if (QChar::isPrint(cp) && cp != 0xA0)
        return QStringLiteral("invalid character '%1' (U+%2)").arg(QString::fromUcs4(&cp, 1), hex);
    return QStringLiteral("invalid non-printable character U+%1").arg(hex);
}

} // namespace

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

Token Tokenizer::scanName(const char *b)
{
    const char *p = b;
    while (p < m_end && is(p, CAsciiName))
        ++p;
    bool nonAscii = false;
    if (p < m_end && static_cast<unsigned char>(*p) >= 0x80) {
        nonAscii = true;
        while (p < m_end && isNameCont(static_cast<unsigned char>(*p)))
            ++p;
    }
    if (p < m_end && (*p == '"' || *p == '\'') && p - b <= 2) {
        uint16_t flags;
        if (stringPrefix(b, size_t(p - b), &flags))
            return scanString(b, p, flags);
    }
    if (nonAscii) {
        if (m_checkUtf8) {
            const char *bad = firstInvalidUtf8(b, p);
            if (bad < p) {
                m_p = bad;
                return fail(bad, invalidUtf8Message(static_cast<unsigned char>(*bad)));
            }
        }
        const auto *u = reinterpret_cast<const unsigned char *>(b);
        const auto *ue = reinterpret_cast<const unsigned char *>(p);
        bool first = true;
        while (u < ue) {
            char32_t cp;
            const int len = decodeUtf8(u, ue, &cp);
            if (first ? !isIdStart(cp) : !isIdContinue(cp)) {
                m_p = reinterpret_cast<const char *>(u);
                return fail(m_p, invalidCharacterMessage(cp));
            }
            first = false;
            u += len;
        }
    }
    m_p = p;
    return make(keywordKind(b, size_t(p - b)), b, p);
}

Token Tokenizer::scanString(const char *b, const char *quote, uint16_t flags)
{
    const char q = *quote;
    const char *p = quote + 1;
    const uint32_t startLine = m_line;
    const char *startLineStart = m_lineStart;
    auto unterminated = [&](const char *what) {
        uint32_t detected = m_line;
        if (m_lineStart == m_end && m_line > startLine)
            --detected;
        return failAt(startLine, uint32_t(b - startLineStart + 1),
                      QStringLiteral("unterminated %1 (detected at line %2)")
                          .arg(QLatin1String(what))
                          .arg(detected));
    };
    auto newline = [&](const char *nl) {
        const char *after = nl + ((*nl == '\r' && nl + 1 < m_end && nl[1] == '\n') ? 2 : 1);
        ++m_line;
        m_lineStart = after;
        return after;
    };

    if (p + 1 < m_end && p[0] == q && p[1] == q) {
        flags |= StringFlag::Triple;
        p += 2;
        for (;;) {
            while (p < m_end && !is(p, CStringStop))
                ++p;
            if (p >= m_end) {
                m_p = p;
                return unterminated("triple-quoted string literal");
            }
            const char c = *p;
            if (c == q) {
                if (p + 2 < m_end && p[1] == q && p[2] == q) {
                    p += 3;
                    break;
                }
                ++p;
            } else if (c == '\\') {
                flags |= StringFlag::Escapes;
                ++p;
                if (p >= m_end)
                    continue;
                if (*p == '\n' || *p == '\r')
                    p = newline(p);
                else
                    ++p;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r')
                    flags |= StringFlag::Escapes;
                p = newline(p);
            } else {
                ++p;
            }
        }
    } else {
        for (;;) {
            while (p < m_end && !is(p, CStringStop))
                ++p;
            if (p >= m_end || *p == '\n' || *p == '\r') {
                m_p = p;
                return unterminated("string literal");
            }
            const char c = *p;
            if (c == q) {
                ++p;
                break;
            }
            if (c == '\\') {
                flags |= StringFlag::Escapes;
                ++p;
                if (p >= m_end) {
                    m_p = p;
                    return unterminated("string literal");
                }
                if (*p == '\n' || *p == '\r')
                    p = newline(p);
                else
                    ++p;
            } else {
                ++p;
            }
        }
    }
    m_p = p;
    if (m_checkUtf8) {
        const char *bad = firstInvalidUtf8(b, p);
        if (bad < p) {
            if (m_options.rejectInvalidStrings)
                return fail(bad, invalidUtf8Message(static_cast<unsigned char>(*bad)));
            flags |= StringFlag::InvalidUtf8;
        }
    }
    Token t;
    t.kind = TokenKind::String;
    t.flags = flags;
    t.offset = uint32_t(b - m_base);
    t.length = uint32_t(p - b);
    t.line = startLine;
    t.column = uint32_t(b - startLineStart + 1);
    t.endLine = m_line;
    t.endColumn = uint32_t(p - m_lineStart + 1);
    return t;
}

Token Tokenizer::scanNumber(const char *b)
{
    const char *p = b;
    // Digits separated by single underscores; p is at a digit. Returns the
    // position of a misplaced underscore, or null.
    auto digits = [&](bool (*ok)(unsigned char)) -> const char * {
        for (;;) {
            while (p < m_end && ok(static_cast<unsigned char>(*p)))
                ++p;
            if (p < m_end && *p == '_') {
                ++p;
                if (!(p < m_end && ok(static_cast<unsigned char>(*p))))
                    return p - 1;
            } else {
                return nullptr;
            }
        }
    };
    auto endOfNumber = [&](const char *kind) -> Token {
        const unsigned char c = at(p);
        if (isNameCont(c)) {
            auto follows = [&](const char *word) {
                const size_t n = std::strlen(word);
                return size_t(m_end - p) >= n && std::memcmp(p, word, n) == 0;
            };
            const bool keyword = follows("and") || follows("else") || follows("for") || follows("if")
                || follows("in") || follows("is") || follows("not") || follows("or");
            if (!keyword)
                return fail(b, QStringLiteral("invalid %1 literal").arg(QLatin1String(kind)));
        }
        m_p = p;
        return make(TokenKind::Number, b, p);
    };
    auto radix = [&](bool (*ok)(unsigned char), const char *kind, const char *name) -> Token {
        p += 2;
        if (at(p) == '_')
            ++p;
        const unsigned char c = at(p);
        if (!ok(c)) {
            if (isDigit(c))
                return fail(p, QStringLiteral("invalid digit '%1' in %2 literal").arg(QString(QLatin1Char(char(c))), QLatin1String(name)));
            return fail(p, QStringLiteral("invalid %1 literal").arg(QLatin1String(kind)));
        }
        if (const char *bad = digits(ok))
            return fail(bad, QStringLiteral("invalid %1 literal").arg(QLatin1String(kind)));
        if (isDigit(at(p)))
            return fail(p, QStringLiteral("invalid digit '%1' in %2 literal").arg(QString(QLatin1Char(*p)), QLatin1String(name)));
        return endOfNumber(kind);
    };

    if (*p == '0' && p + 1 < m_end) {
        switch (p[1]) {
        case 'x': case 'X': return radix(isHex, "hexadecimal", "hexadecimal");
        case 'o': case 'O': return radix(isOct, "octal", "octal");
        case 'b': case 'B': return radix(isBin, "binary", "binary");
        default: break;
        }
    }
    bool leadingZero = false;
    if (*p != '.') {
        leadingZero = *p == '0';
        if (const char *bad = digits(isDigit))
            return fail(bad, QStringLiteral("invalid decimal literal"));
    }
    bool isInteger = true;
    if (at(p) == '.') {
        isInteger = false;
        ++p;
        if (isDigit(at(p))) {
            if (const char *bad = digits(isDigit))
                return fail(bad, QStringLiteral("invalid decimal literal"));
        }
    }
    const unsigned char e = at(p);
    if (e == 'e' || e == 'E') {
        const char *mark = p;
        ++p;
        if (at(p) == '+' || at(p) == '-')
            ++p;
        if (isDigit(at(p))) {
            isInteger = false;
            if (const char *bad = digits(isDigit))
                return fail(bad, QStringLiteral("invalid decimal literal"));
        } else {
            p = mark;
        }
    }
    if (at(p) == 'j' || at(p) == 'J') {
        ++p;
        return endOfNumber("imaginary");
    }
    if (isInteger && leadingZero) {
        for (const char *z = b; z < p; ++z) {
            if (*z != '0' && *z != '_')
                return fail(b, QStringLiteral("leading zeros in decimal integer literals are not "
                                              "permitted; use an 0o prefix for octal integers"));
        }
    }
    return endOfNumber("decimal");
}

Token Tokenizer::scanOperator(const char *b)
{
    using K = TokenKind;
    const char c = *b;
    const unsigned char c1 = at(b + 1);
    const unsigned char c2 = at(b + 2);
    K kind;
    int len = 1;
    switch (c) {
    case '(': case '[': case '{': {
        if (m_depth >= MaxDepth)
            return fail(b, QStringLiteral("too many nested parentheses"));
        m_brackets[m_depth++] = {c, m_line, uint32_t(b - m_lineStart + 1)};
        kind = c == '(' ? K::LPar : c == '[' ? K::LSqb : K::LBrace;
        break;
    }
    case ')': case ']': case '}': {
        if (m_depth == 0)
            return fail(b, QStringLiteral("unmatched '%1'").arg(QLatin1Char(c)));
        const Bracket &open = m_brackets[m_depth - 1];
        const char expected = open.c == '(' ? ')' : open.c == '[' ? ']' : '}';
        if (c != expected) {
            QString msg = QStringLiteral("closing parenthesis '%1' does not match opening parenthesis '%2'")
                              .arg(QString(QLatin1Char(c)), QString(QLatin1Char(open.c)));
            if (open.line != m_line)
                msg += QStringLiteral(" on line %1").arg(open.line);
            return fail(b, msg);
        }
        --m_depth;
        kind = c == ')' ? K::RPar : c == ']' ? K::RSqb : K::RBrace;
        break;
    }
    case ':': if (c1 == '=') { kind = K::ColonEqual; len = 2; } else kind = K::Colon; break;
    case ',': kind = K::Comma; break;
    case ';': kind = K::Semi; break;
    case '~': kind = K::Tilde; break;
    case '.':
        if (c1 == '.' && c2 == '.') { kind = K::Ellipsis; len = 3; } else kind = K::Dot;
        break;
    case '+': if (c1 == '=') { kind = K::PlusEqual; len = 2; } else kind = K::Plus; break;
    case '-':
        if (c1 == '=') { kind = K::MinEqual; len = 2; }
        else if (c1 == '>') { kind = K::RArrow; len = 2; }
        else kind = K::Minus;
        break;
    case '*':
        if (c1 == '*') {
            if (c2 == '=') { kind = K::DoubleStarEqual; len = 3; } else { kind = K::DoubleStar; len = 2; }
        } else if (c1 == '=') { kind = K::StarEqual; len = 2; }
        else kind = K::Star;
        break;
    case '/':
        if (c1 == '/') {
            if (c2 == '=') { kind = K::DoubleSlashEqual; len = 3; } else { kind = K::DoubleSlash; len = 2; }
        } else if (c1 == '=') { kind = K::SlashEqual; len = 2; }
        else kind = K::Slash;
        break;
    case '%': if (c1 == '=') { kind = K::PercentEqual; len = 2; } else kind = K::Percent; break;
    case '@': if (c1 == '=') { kind = K::AtEqual; len = 2; } else kind = K::At; break;
    case '&': if (c1 == '=') { kind = K::AmperEqual; len = 2; } else kind = K::Amper; break;
    case '|': if (c1 == '=') { kind = K::VBarEqual; len = 2; } else kind = K::VBar; break;
    case '^': if (c1 == '=') { kind = K::CircumflexEqual; len = 2; } else kind = K::Circumflex; break;
    case '<':
        if (c1 == '<') {
            if (c2 == '=') { kind = K::LeftShiftEqual; len = 3; } else { kind = K::LeftShift; len = 2; }
        } else if (c1 == '=') { kind = K::LessEqual; len = 2; }
        else if (c1 == '>') { kind = K::NotEqual; len = 2; }  // PEP 401; the parser rejects it
        else kind = K::Less;
        break;
    case '>':
        if (c1 == '>') {
            if (c2 == '=') { kind = K::RightShiftEqual; len = 3; } else { kind = K::RightShift; len = 2; }
        } else if (c1 == '=') { kind = K::GreaterEqual; len = 2; }
        else kind = K::Greater;
        break;
    case '=': if (c1 == '=') { kind = K::EqEqual; len = 2; } else kind = K::Equal; break;
    case '!':
        if (c1 == '=') { kind = K::NotEqual; len = 2; break; }
        return badCharacter(b);
    default:
        return badCharacter(b);
    }
    m_p = b + len;
    return make(kind, b, m_p);
}

Token Tokenizer::badCharacter(const char *b)
{
    const unsigned char c = static_cast<unsigned char>(*b);
    if (c == '$' || c == '?' || c == '`' || c == '!') {
        if (m_strayAsTokens) {
            m_p = b + 1;
            return make(TokenKind::Stray, b, m_p);
        }
        return failToken(b, QStringLiteral("invalid syntax"));
    }
    return fail(b, invalidCharacterMessage(c));
}

const char *tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::EndMarker: return "ENDMARKER";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::Name: return "NAME";
    case TokenKind::Number: return "NUMBER";
    case TokenKind::String: return "STRING";
    case TokenKind::Comment: return "COMMENT";
    case TokenKind::Error: return "ERROR";
    case TokenKind::Stray: return "STRAY";
    default: break;
    }
    return isKeyword(kind) ? "KEYWORD" : "OP";
}

std::string_view tokenSpelling(TokenKind kind)
{
    using K = TokenKind;
    switch (kind) {
    case K::KwFalse: return "False";
    case K::KwNone: return "None";
    case K::KwTrue: return "True";
    case K::KwAnd: return "and";
    case K::KwAs: return "as";
    case K::KwAssert: return "assert";
    case K::KwAsync: return "async";
    case K::KwAwait: return "await";
    case K::KwBreak: return "break";
    case K::KwClass: return "class";
    case K::KwContinue: return "continue";
    case K::KwDef: return "def";
    case K::KwDel: return "del";
    case K::KwElif: return "elif";
    case K::KwElse: return "else";
    case K::KwExcept: return "except";
    case K::KwFinally: return "finally";
    case K::KwFor: return "for";
    case K::KwFrom: return "from";
    case K::KwGlobal: return "global";
    case K::KwIf: return "if";
    case K::KwImport: return "import";
    case K::KwIn: return "in";
    case K::KwIs: return "is";
    case K::KwLambda: return "lambda";
    case K::KwNonlocal: return "nonlocal";
    case K::KwNot: return "not";
    case K::KwOr: return "or";
    case K::KwPass: return "pass";
    case K::KwRaise: return "raise";
    case K::KwReturn: return "return";
    case K::KwTry: return "try";
    case K::KwWhile: return "while";
    case K::KwWith: return "with";
    case K::KwYield: return "yield";
    case K::LPar: return "(";
    case K::RPar: return ")";
    case K::LSqb: return "[";
    case K::RSqb: return "]";
    case K::LBrace: return "{";
    case K::RBrace: return "}";
    case K::Colon: return ":";
    case K::Comma: return ",";
    case K::Semi: return ";";
    case K::Dot: return ".";
    case K::Ellipsis: return "...";
    case K::RArrow: return "->";
    case K::ColonEqual: return ":=";
    case K::At: return "@";
    case K::AtEqual: return "@=";
    case K::Plus: return "+";
    case K::Minus: return "-";
    case K::Star: return "*";
    case K::Slash: return "/";
    case K::DoubleSlash: return "//";
    case K::Percent: return "%";
    case K::DoubleStar: return "**";
    case K::VBar: return "|";
    case K::Amper: return "&";
    case K::Circumflex: return "^";
    case K::Tilde: return "~";
    case K::LeftShift: return "<<";
    case K::RightShift: return ">>";
    case K::Less: return "<";
    case K::Greater: return ">";
    case K::Equal: return "=";
    case K::EqEqual: return "==";
    case K::NotEqual: return "!=";
    case K::LessEqual: return "<=";
    case K::GreaterEqual: return ">=";
    case K::PlusEqual: return "+=";
    case K::MinEqual: return "-=";
    case K::StarEqual: return "*=";
    case K::SlashEqual: return "/=";
    case K::DoubleSlashEqual: return "//=";
    case K::PercentEqual: return "%=";
    case K::DoubleStarEqual: return "**=";
    case K::AmperEqual: return "&=";
    case K::VBarEqual: return "|=";
    case K::CircumflexEqual: return "^=";
    case K::LeftShiftEqual: return "<<=";
    case K::RightShiftEqual: return ">>=";
    default: return {};
    }
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
