// String atoms: implicit concatenation, escape decoding and f-strings
// (Python 3.11 rules: the whole f-string is one token; replacement fields
// are found here and their expressions parsed by a nested token stream).

#include "python/literal.h"
#include "python/parser_p.h"
#include "python/source.h"

namespace retort::py {

using K = TokenKind;

// Collects the parts of a JoinedStr: literal text is gathered and merged
// until a replacement field needs it flushed as a Constant.
class ParserImpl::FStringBuilder {
public:
    explicit FStringBuilder(size_t mark) : m_mark(mark) {}
    std::string literal;
    size_t m_mark;
};

namespace {

std::string_view bodyOf(std::string_view text, const Token &t)
{
    const unsigned prefix = StringFlag::prefixLength(t.flags);
    const unsigned quote = StringFlag::quoteLength(t.flags);
    return text.substr(t.offset + prefix + quote, t.length - prefix - 2 * quote);
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

} // namespace

// A struct the f-string code swaps in to parse an expression from a
// different range of the same text, restoring the outer stream afterwards.
struct StreamSwap {
    ParserImpl &p;
    Tokenizer *tokenizer;
    std::vector<Token> tokens;
    size_t pos;
    Token last;
    StreamSwap(ParserImpl &parser, Tokenizer *inner) : p(parser), tokenizer(parser.m_tokenizer), pos(parser.m_pos), last(parser.m_last)
    {
        tokens.swap(p.m_tokens);
        p.m_tokenizer = inner;
        p.m_pos = 0;
        ++p.m_fstringDepth;
    }
    ~StreamSwap()
    {
        --p.m_fstringDepth;
        p.m_tokenizer = tokenizer;
        p.m_tokens.swap(tokens);
        p.m_pos = pos;
        p.m_last = last;
    }
};

void ParserImpl::lineAndColumn(const Token &t, uint32_t offset, uint32_t *line, uint32_t *lineStart)
{
    uint32_t l = t.line;
    uint32_t ls = t.offset - (t.column - 1);
    for (uint32_t i = t.offset; i < offset && i < m_text.size(); ++i) {
        const char c = m_text[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= m_text.size() || m_text[i + 1] != '\n'))) {
            ++l;
            ls = i + 1;
        }
    }
    *line = l;
    *lineStart = ls;
}

void ParserImpl::failInToken(const Token &t, uint32_t offset, const QString &message)
{
    uint32_t line, lineStart;
    lineAndColumn(t, offset, &line, &lineStart);
    failAt(line, offset - lineStart + 1, message);
}

void ParserImpl::decodeInto(const Token &t, std::string &out, bool *lossy)
{
    const std::string_view body = bodyOf(m_text, t);
    LiteralError error;
    LiteralInfo info;
    if (!decodeStringBody(body, t.flags & StringFlag::Raw, t.flags & StringFlag::Bytes, out, &error, &info)) {
        const uint32_t bodyStart = t.offset + StringFlag::prefixLength(t.flags) + StringFlag::quoteLength(t.flags);
        failInToken(t, bodyStart + error.offset, QString::fromStdString(error.message));
    }
    if (lossy && info.lossy)
        *lossy = true;
}

Expr *ParserImpl::strings()
{
    const Token first = peek();
    size_t count = 0;
    bool anyFormat = false, anyBytes = false, allBytes = true;
    for (; kind(count) == K::String; ++count) {
        const uint8_t f = peek(count).flags;
        anyFormat |= (f & StringFlag::Format) != 0;
        const bool b = (f & StringFlag::Bytes) != 0;
        anyBytes |= b;
        allBytes &= b;
    }
    if (anyBytes && !allBytes)
        fail(first, QStringLiteral("cannot mix bytes and nonbytes literals"));
    for (size_t i = 0; i < count; ++i) {
        const Token &t = peek(i);
        if (t.flags & StringFlag::InvalidUtf8) {
            const char *b = m_text.data() + t.offset;
            const char *bad = firstInvalidUtf8(b, b + t.length);
            failInToken(t, uint32_t(bad - m_text.data()), invalidUtf8Message(static_cast<unsigned char>(*bad)));
        }
    }

    if (!anyFormat) {
        auto *c = make<Constant>(first);
        c->type = allBytes ? ConstantType::Bytes : ConstantType::Str;
        c->unicodePrefix = (first.flags & StringFlag::Unicode) != 0;
        if (count == 1) {
            const Token t = advance();
            const std::string_view body = bodyOf(m_text, t);
            // The tokenizer saw no backslash or CR; bytes must still be ASCII.
            if (!(t.flags & StringFlag::Escapes) && (!allBytes || isVerbatimBody(body, true))) {
                c->value = body;
                return finish(c);
            }
        }
        std::string &buffer = m_stringBuffer;
        buffer.clear();
        if (count == 1) {
            decodeInto(m_last, buffer, &c->lossy);
        } else {
            for (size_t i = 0; i < count; ++i)
                decodeInto(advance(), buffer, &c->lossy);
        }
        c->value = m_arena->copyString(buffer);
        return finish(c);
    }

    FStringBuilder b(mark());
    Token firstPartToken = first;
    for (size_t i = 0; i < count; ++i) {
        const Token t = advance();
        if (t.flags & StringFlag::Format) {
            fstring(t, b);
        } else {
            if (b.literal.empty())
                firstPartToken = t;
            decodeInto(t, b.literal, nullptr);
        }
    }
    if (!b.literal.empty()) {
        auto *part = make<Constant>(firstPartToken);
        part->type = ConstantType::Str;
        part->value = m_arena->copyString(b.literal);
        push(finish(part));
    }
    auto *j = make<JoinedStr>(first);
    j->values = take<Expr>(b.m_mark);
    return finish(j);
}

void ParserImpl::fstring(const Token &t, FStringBuilder &b)
{
    const uint32_t begin = t.offset + StringFlag::prefixLength(t.flags) + StringFlag::quoteLength(t.flags);
    const uint32_t end = t.endOffset() - StringFlag::quoteLength(t.flags);
    fstringBody(t, begin, end, (t.flags & StringFlag::Raw) != 0, 0, b);
}

// Literal text and replacement fields from i up to end, or (in a format
// spec, level > 0) up to the '}' closing the field; returns where it stopped.
uint32_t ParserImpl::fstringBody(const Token &t, uint32_t i, uint32_t end, bool raw, int level, FStringBuilder &b)
{
    uint32_t segment = i;
    auto flush = [&](uint32_t to) {
        if (to <= segment)
            return;
        LiteralError error;
        if (!decodeStringBody(m_text.substr(segment, to - segment), raw, false, b.literal, &error))
            failInToken(t, segment + error.offset, QString::fromStdString(error.message));
    };
    while (i < end) {
        const char c = m_text[i];
        if (!raw && c == '\\' && i + 1 < end) {
            const char n = m_text[i + 1];
            if (n == 'N' && i + 2 < end && m_text[i + 2] == '{') {
                // \N{NAME}: its braces are not a replacement field.
                uint32_t j = i + 3;
                while (j < end && m_text[j] != '}')
                    ++j;
                i = j < end ? j + 1 : end;
                continue;
            }
            i += (n == '{' || n == '}') ? 1 : 2;
            continue;
        }
        if (c == '{' || c == '}') {
            if (level == 0 && i + 1 < end && m_text[i + 1] == c) {
                flush(i + 1);
                i += 2;
                segment = i;
                continue;
            }
            if (c == '}') {
                if (level == 0)
                    failInToken(t, i, QStringLiteral("f-string: single '}' is not allowed"));
                flush(i);
                return i;
            }
            flush(i);
            i = replacementField(t, i, end, raw, level, b);
            segment = i;
            continue;
        }
        ++i;
    }
    flush(i);
    return i;
}

uint32_t ParserImpl::replacementField(const Token &t, uint32_t open, uint32_t end, bool raw, int level,
                                      FStringBuilder &b)
{
    if (level >= 2)
        failInToken(t, open, QStringLiteral("f-string: expressions nested too deeply"));
    const uint32_t exprBegin = open + 1;
    uint32_t i = exprBegin;
    char stack[200];
    int depth = 0;
    char quote = 0;
    int quoteLength = 0;
    for (;;) {
        if (i >= end)
            failInToken(t, i, QStringLiteral("f-string: expecting '}'"));
        const char c = m_text[i];
        if (c == '\\')
            failInToken(t, i, QStringLiteral("f-string expression part cannot include a backslash"));
        if (quote) {
            if (c == quote) {
                if (quoteLength == 1) {
                    quote = 0;
                } else if (i + 2 < end && m_text[i + 1] == quote && m_text[i + 2] == quote) {
                    quote = 0;
                    i += 3;
                    continue;
                }
            }
            ++i;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            if (i + 2 < end && m_text[i + 1] == c && m_text[i + 2] == c) {
                quoteLength = 3;
                i += 3;
            } else {
                quoteLength = 1;
                ++i;
            }
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (depth >= int(sizeof stack))
                failInToken(t, i, QStringLiteral("f-string: too many nested parenthesis"));
            stack[depth++] = c;
            ++i;
            continue;
        }
        if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) {
                if (c == '}')
                    break;
                failInToken(t, i, QStringLiteral("f-string: unmatched '%1'").arg(QLatin1Char(c)));
            }
            const char o = stack[--depth];
            const char expected = o == '(' ? ')' : o == '[' ? ']' : '}';
            if (c != expected)
                failInToken(t, i, QStringLiteral("f-string: closing parenthesis '%1' does not match opening "
                                                 "parenthesis '%2'")
                                      .arg(QString(QLatin1Char(c)), QString(QLatin1Char(o))));
            ++i;
            continue;
        }
        if (c == '#')
            failInToken(t, i, QStringLiteral("f-string expression part cannot include '#'"));
        if (depth == 0) {
            const char n = i + 1 < end ? m_text[i + 1] : 0;
            if (c == '!') {
                if (n == '=') {
                    i += 2;
                    continue;
                }
                break;
            }
            if (c == ':')
                break;
            if ((c == '=' || c == '<' || c == '>') && n == '=') {
                i += 2;
                continue;
            }
            if (c == '=')
                break;
        }
        ++i;
    }
    const uint32_t exprEnd = i;
    bool blank = true;
    for (uint32_t k = exprBegin; k < exprEnd; ++k)
        blank &= isSpace(m_text[k]);
    if (blank)
        failInToken(t, exprEnd, QStringLiteral("f-string: empty expression not allowed"));
    Expr *value = fstringExpression(t, exprBegin, exprEnd);

    bool debug = false;
    if (m_text[i] == '=') {
        debug = true;
        ++i;
        while (i < end && isSpace(m_text[i]))
            ++i;
        b.literal.append(m_text.substr(exprBegin, i - exprBegin));
    }
    int conversion = -1;
    if (i < end && m_text[i] == '!') {
        ++i;
        const char cc = i < end ? m_text[i] : 0;
        if (cc != 's' && cc != 'r' && cc != 'a')
            failInToken(t, i, QStringLiteral("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
        conversion = cc;
        ++i;
    }
    JoinedStr *spec = nullptr;
    if (i < end && m_text[i] == ':') {
        ++i;
        FStringBuilder sb(mark());
        i = fstringBody(t, i, end, raw, level + 1, sb);
        if (!sb.literal.empty()) {
            auto *part = make<Constant>(t);
            part->type = ConstantType::Str;
            part->value = m_arena->copyString(sb.literal);
            push(finishAt(part, t));
        }
        spec = make<JoinedStr>(t);
        spec->values = take<Expr>(sb.m_mark);
        finishAt(spec, t);
    }
    if (i >= end || m_text[i] != '}')
        failInToken(t, i, QStringLiteral("f-string: expecting '}'"));
    ++i;
    if (debug && conversion == -1 && !spec)
        conversion = 'r';

    if (!b.literal.empty()) {
        auto *part = make<Constant>(t);
        part->type = ConstantType::Str;
        part->value = m_arena->copyString(b.literal);
        push(finishAt(part, t));
        b.literal.clear();
    }
    auto *fv = make<FormattedValue>(t);
    fv->value = value;
    fv->conversion = conversion;
    fv->formatSpec = spec;
    push(finishAt(fv, t));
    return i;
}

Expr *ParserImpl::fstringExpression(const Token &t, uint32_t begin, uint32_t end)
{
    uint32_t line, lineStart;
    lineAndColumn(t, begin, &line, &lineStart);
    Tokenizer inner(m_text, m_fileName);
    inner.setEmbedded(begin, end, line, lineStart);
    inner.setCheckUtf8(m_module.needsUtf8Check());
    StreamSwap swap(*this, &inner);
    Expr *e = kind() == K::KwYield ? yieldExpr() : starExpressions();
    if (e->kind == NodeKind::Starred)
        failNode(e, QStringLiteral("cannot use starred expression here"));
    if (kind() != K::EndMarker)
        failInvalid(peek());
    return e;
}

} // namespace retort::py
