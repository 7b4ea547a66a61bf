#include "python/literal.h"

#include "python/source.h"

#ifdef RETORT_HAVE_ICU
#include <unicode/uchar.h>
#endif

namespace retort::py {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool failAt(LiteralError *error, size_t offset, std::string message)
{
    if (error) {
        error->offset = uint32_t(offset);
        error->message = std::move(message);
    }
    return false;
}

// The code point of a Unicode character name or alias (\N{...}).
enum class NameLookup { Found, Unknown, Unsupported };
NameLookup lookupCharacterName(std::string_view name, char32_t *cp)
{
#ifdef RETORT_HAVE_ICU
    const std::string n(name);
    for (UCharNameChoice choice : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS}) {
        UErrorCode status = U_ZERO_ERROR;
        const UChar32 c = u_charFromName(choice, n.c_str(), &status);
        if (U_SUCCESS(status) && c >= 0) {
            *cp = char32_t(c);
            return NameLookup::Found;
        }
    }
    return NameLookup::Unknown;
#else
    (void)name;
    (void)cp;
    return NameLookup::Unsupported;
#endif
}

} // namespace

bool isVerbatimBody(std::string_view body, bool bytes)
{
    for (char c : body) {
        if (c == '\\' || c == '\r' || (bytes && static_cast<unsigned char>(c) >= 0x80))
            return false;
    }
    return true;
}

bool decodeStringBody(std::string_view body, bool raw, bool bytes, std::string &out,
                      LiteralError *error, LiteralInfo *info)
{
    const size_t n = body.size();
    out.reserve(out.size() + n);
    size_t i = 0;
    while (i < n) {
        const char c = body[i];
        if (c == '\r') {
            out += '\n';
            i += (i + 1 < n && body[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (bytes && static_cast<unsigned char>(c) >= 0x80)
            return failAt(error, i, "bytes can only contain ASCII literal characters");
        if (c != '\\' || raw) {
            if (c == '\\' && i + 1 < n) {
                // A raw literal keeps the backslash and the character after
                // it, which may be a quote or a line break (kept as \n).
                out += '\\';
                ++i;
                continue;
            }
            out += c;
            ++i;
            continue;
        }
        // An escape sequence.
        const size_t start = i;
        ++i;
        if (i >= n) {
            out += '\\';
            break;
        }
        const char e = body[i++];
        switch (e) {
        case '\n':
            break;
        case '\r':
            if (i < n && body[i] == '\n')
                ++i;
            break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = unsigned(e - '0');
            for (int k = 0; k < 2 && i < n && body[i] >= '0' && body[i] <= '7'; ++k)
                v = v * 8 + unsigned(body[i++] - '0');
            if (bytes)
                out += char(v & 0xFF);
            else
                appendUtf8(out, v);
            break;
        }
        case 'x': {
            int v = 0;
            for (int k = 0; k < 2; ++k) {
                const int h = i < n ? hexValue(body[i]) : -1;
                if (h < 0)
                    return failAt(error, start, bytes ? "invalid \\x escape" : "truncated \\xXX escape");
                v = v * 16 + h;
                ++i;
            }
            if (bytes)
                out += char(v);
            else
                appendUtf8(out, char32_t(v));
            break;
        }
        case 'u':
        case 'U':
        case 'N':
            if (bytes) {
                out += '\\';
                out += e;
                break;
            }
            if (e == 'N') {
                if (i >= n || body[i] != '{')
                    return failAt(error, start, "malformed \\N character escape");
                const size_t close = body.find('}', i);
                if (close == std::string_view::npos || close == i + 1)
                    return failAt(error, start, "malformed \\N character escape");
                char32_t cp = 0xFFFD;
                switch (lookupCharacterName(body.substr(i + 1, close - i - 1), &cp)) {
                case NameLookup::Found: break;
                case NameLookup::Unknown: return failAt(error, start, "unknown Unicode character name");
                case NameLookup::Unsupported:
                    if (info)
                        info->lossy = true;
                    break;
                }
                i = close + 1;
                appendUtf8(out, cp);
                break;
            } else {
                const int digits = e == 'u' ? 4 : 8;
                char32_t v = 0;
                for (int k = 0; k < digits; ++k) {
                    const int h = i < n ? hexValue(body[i]) : -1;
                    if (h < 0)
                        return failAt(error, start, e == 'u' ? "truncated \\uXXXX escape"
                                                             : "truncated \\UXXXXXXXX escape");
                    v = v * 16 + char32_t(h);
                    ++i;
                }
                if (v > 0x10FFFF)
                    return failAt(error, start, "illegal Unicode character");
                appendUtf8(out, v);
            }
            break;
        default:
            // Unknown escape: Python keeps it (with a DeprecationWarning).
            out += '\\';
            if (bytes && static_cast<unsigned char>(e) >= 0x80)
                return failAt(error, i - 1, "bytes can only contain ASCII literal characters");
            out += e;
            break;
        }
    }
    return true;
}

bool decodeStringLiteral(std::string_view literal, std::string &out, LiteralError *error,
                         LiteralInfo *info)
{
    bool raw = false;
    bool bytes = false;
    size_t i = 0;
    while (i < literal.size() && literal[i] != '\'' && literal[i] != '"') {
        switch (literal[i] | 0x20) {
        case 'r': raw = true; break;
        case 'b': bytes = true; break;
        case 'u': break;
        case 'f': return failAt(error, i, "f-strings are not constants");
        default: return failAt(error, i, "not a string literal");
        }
        ++i;
    }
    if (i >= literal.size())
        return failAt(error, 0, "not a string literal");
    const char q = literal[i];
    size_t quote = 1;
    if (literal.size() >= i + 6 && literal[i + 1] == q && literal[i + 2] == q)
        quote = 3;
    if (literal.size() < i + 2 * quote || literal[literal.size() - 1] != q)
        return failAt(error, literal.size(), "unterminated string literal");
    const std::string_view body = literal.substr(i + quote, literal.size() - i - 2 * quote);
    LiteralError local;
    if (!decodeStringBody(body, raw, bytes, out, error ? &local : nullptr, info)) {
        if (error) {
            error->offset = uint32_t(local.offset + i + quote);
            error->message = std::move(local.message);
        }
        return false;
    }
    return true;
}

} // namespace retort::py
