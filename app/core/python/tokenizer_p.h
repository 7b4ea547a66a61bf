#pragma once

// The byte classes and lexical helpers shared by the tokenizer's main loop
// (tokenizer.cpp) and its scanners (tokenizerscan.cpp).

#include "python/token.h"

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace retort::py::lex {

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
inline constexpr std::array<uint8_t, 256> kClasses = makeClasses();

inline bool isNameStart(unsigned char c) { return kClasses[c] & CNameStart; }
inline bool isNameCont(unsigned char c) { return kClasses[c] & CNameCont; }
inline bool isDigit(unsigned char c) { return kClasses[c] & CDigit; }
inline bool isHex(unsigned char c) { return kClasses[c] & CHex; }
inline bool is(const char *p, uint8_t cls) { return kClasses[static_cast<unsigned char>(*p)] & cls; }
inline bool isOct(unsigned char c) { return c >= '0' && c <= '7'; }
inline bool isBin(unsigned char c) { return c == '0' || c == '1'; }

inline bool eq(const char *s, const char *kw, size_t n) { return std::memcmp(s, kw, n) == 0; }

TokenKind keywordKind(const char *s, size_t n);
// Recognises a string prefix (r, u, b, f, br, rb, fr, rf in any case).
bool stringPrefix(const char *s, size_t n, uint16_t *flags);
bool isIdStart(char32_t cp);
bool isIdContinue(char32_t cp);
QString invalidCharacterMessage(char32_t cp);

} // namespace retort::py::lex
