#include "python/tokenizer.h"
#include "python/tokenizer_p.h"

#include "python/source.h"

#include <QChar>

// The scanners of single tokens: names and keywords, strings, numbers,
// operators, and what a character that starts none of them is.

namespace retort::py {

namespace lex {

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

} // namespace lex

using namespace lex;

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

} // namespace retort::py
