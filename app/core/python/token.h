#pragma once

#include <cstdint>
#include <string_view>

namespace retort::py {

// The tokens of Python 3.11's grammar. Keywords get their own kinds so the
// parser compares integers, never strings; soft keywords (match, case, _)
// stay Name.
enum class TokenKind : uint8_t {
    EndMarker,
    Newline,
    Indent,
    Dedent,
    Name,
    Number,
    String,
    Comment,  // only with TokenizerOptions::emitComments
    Error,    // the tokenizer failed; Tokenizer::error() says why
    Stray,    // $ ? ` or a lone !, only with Tokenizer::setStrayCharactersAsTokens()

    // keywords
    KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak,
    KwClass, KwContinue, KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally,
    KwFor, KwFrom, KwGlobal, KwIf, KwImport, KwIn, KwIs, KwLambda, KwNonlocal,
    KwNot, KwOr, KwPass, KwRaise, KwReturn, KwTry, KwWhile, KwWith, KwYield,

    // operators and delimiters
    LPar, RPar, LSqb, RSqb, LBrace, RBrace,
    Colon, Comma, Semi, Dot, Ellipsis, RArrow, ColonEqual, At, AtEqual,
    Plus, Minus, Star, Slash, DoubleSlash, Percent, DoubleStar,
    VBar, Amper, Circumflex, Tilde, LeftShift, RightShift,
    Less, Greater, Equal, EqEqual, NotEqual, LessEqual, GreaterEqual,
    PlusEqual, MinEqual, StarEqual, SlashEqual, DoubleSlashEqual, PercentEqual,
    DoubleStarEqual, AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual,
    RightShiftEqual,

    Count_
};

inline constexpr bool isKeyword(TokenKind k)
{
    return k >= TokenKind::KwFalse && k <= TokenKind::KwYield;
}

// Flags of a String token (Token::flags).
namespace StringFlag {
enum : uint8_t {
    Raw = 1 << 0,
    Bytes = 1 << 1,
    Format = 1 << 2,
    Unicode = 1 << 3,  // the legacy u prefix
    Triple = 1 << 4,
    // bits 5-6: prefix length (0..2)
    Escapes = 1 << 7,  // the body has a backslash or a CR: decoding changes it
};
enum : uint16_t {
    // The literal holds bytes that are not UTF-8. Like Python, the parser
    // reports it when it decodes the literal; skipping or tokenize() do
    // when they meet it. Only set when the file has such bytes at all.
    InvalidUtf8 = 1 << 8,
};
inline constexpr unsigned prefixLength(uint16_t flags) { return (flags >> 5) & 3u; }
inline constexpr unsigned quoteLength(uint16_t flags) { return (flags & Triple) ? 3u : 1u; }
} // namespace StringFlag

// One token. Positions are 1-based; columns count bytes of UTF-8 (like
// Python's ast col_offset, plus one). endColumn is exclusive: a token "ab" at
// column 5 has endColumn 7. Offsets index the tokenizer's source buffer.
// Indent/Dedent/EndMarker have length 0 and sit where the next token starts.
struct Token {
    TokenKind kind = TokenKind::EndMarker;
    uint16_t flags = 0;  // StringFlag bits for strings
    uint32_t offset = 0;
    uint32_t length = 0;
    uint32_t line = 0;
    uint32_t column = 0;
    uint32_t endLine = 0;
    uint32_t endColumn = 0;

    uint32_t endOffset() const { return offset + length; }
    std::string_view text(std::string_view source) const { return source.substr(offset, length); }
    bool is(TokenKind k) const { return kind == k; }
};

// "NAME", "'('", "'def'", ... for messages and token dumps.
const char *tokenKindName(TokenKind kind);
// The spelling of a keyword or operator ("def", "**="), empty for other kinds.
std::string_view tokenSpelling(TokenKind kind);

} // namespace retort::py
