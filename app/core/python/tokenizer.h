#pragma once

#include "error.h"
#include "python/token.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace retort::py {

struct TokenizerOptions {
    bool emitComments = false;  // produce Comment tokens (for highlighters); the parser never asks
    // A string literal with bytes that are not UTF-8 is an error right away,
    // rather than flagged StringFlag::InvalidUtf8 for the parser to report.
    bool rejectInvalidStrings = false;
};

// Python 3.11's tokenizer over UTF-8 text, pulled one token at a time.
//
// The text must be valid UTF-8 without NUL bytes: run PreparedSource first
// (tokenize() below does). Implements NEWLINE/INDENT/DEDENT with Python's
// rules (tabs to multiples of 8, form feed resets, tab/space consistency),
// implicit line joining inside brackets, backslash continuation, universal
// newlines, all string prefixes and number forms. No allocation per token.
//
// On a lexical error next() returns a token of kind Error from then on and
// error() describes it (file, line, column, Python's message).
class Tokenizer {
public:
    Tokenizer(std::string_view text, const QString &fileName = {}, TokenizerOptions options = {});

    // Tokenize text[begin, end) as a file whose first line is `line` and
    // starts at `begin` (used for a BOM, and to parse a function body later).
    void setRange(uint32_t begin, uint32_t end, uint32_t line);
    // Tokenize text[begin, end) as if inside brackets: no NEWLINE/INDENT,
    // no EndMarker checks beyond bracket balance (f-string replacement fields).
    void setEmbedded(uint32_t begin, uint32_t end, uint32_t line, uint32_t lineStart);
    // Where the DEDENT/EndMarker tokens at the end of a range are placed
    // (by default at its end): for a function body parsed on its own, the
    // first token after it.
    void setEndPosition(uint32_t offset, uint32_t line, uint32_t lineStart);
    // The text has bytes that are not UTF-8 (PreparedSource::needsUtf8Check):
    // names with them are errors, string literals with them are flagged.
    void setCheckUtf8(bool check) { m_checkUtf8 = check; }
    // CPython's tokenizer hands $ ? ` and a lone ! to the parser, which
    // rejects them; by default they are an error here. When set, they come
    // out as Stray tokens (for a look past a parser error, see the parser).
    void setStrayCharactersAsTokens(bool asTokens) { m_strayAsTokens = asTokens; }

    Token next();

    // For header-only parsing: called right after next() returned the INDENT
    // opening a block, consumes the whole block through the DEDENT closing
    // it, with every check next() makes, but without producing tokens.
    // Returns false on a lexical error (see error()).
    struct SkippedBlock {
        uint32_t endOffset = 0;  // where the line after the block starts (or the end)
        uint32_t endLine = 0;    // the line of the NEWLINE ending the block's last statement
        uint32_t lastEndOffset = 0;  // end of the block's last real token
        uint32_t lastEndLine = 0;
        uint32_t lastEndColumn = 0;
    };
    bool skipBlock(SkippedBlock *out);

    bool failed() const { return m_failed; }
    const Error &error() const { return m_error; }

    // What kind of failure error() is. CPython's tokenizer raises most as
    // exceptions (Lexical), but returns a plain error token for indentation
    // and continuation problems and a stray character (ErrorToken); an
    // unclosed bracket is found at the end of the file.
    // The difference matters when choosing which error to report (see the
    // parser).
    enum class ErrorClass : uint8_t { None, Lexical, ErrorToken, Unclosed };
    ErrorClass errorClass() const { return m_errorClass; }
    // The innermost bracket still open, if any.
    bool openBracket(char *c, uint32_t *line, uint32_t *column) const
    {
        if (m_depth == 0)
            return false;
        *c = m_brackets[m_depth - 1].c;
        *line = m_brackets[m_depth - 1].line;
        *column = m_brackets[m_depth - 1].column;
        return true;
    }
    std::string_view text() const { return m_text; }

private:
    Token make(TokenKind kind, const char *b, const char *e) const
    {
        Token t;
        t.kind = kind;
        t.offset = uint32_t(b - m_base);
        t.length = uint32_t(e - b);
        t.line = t.endLine = m_line;
        t.column = uint32_t(b - m_lineStart + 1);
        t.endColumn = uint32_t(e - m_lineStart + 1);
        return t;
    }
    Token fail(const char *at, const QString &message);
    Token failToken(const char *at, const QString &message);  // ErrorClass::ErrorToken
    Token failAt(uint32_t line, uint32_t column, const QString &message);
    bool lineStart(Token *out);
    Token scanName(const char *b);
    Token scanNumber(const char *b);
    Token scanString(const char *b, const char *quote, uint16_t flags);
    Token scanOperator(const char *b);
    Token badCharacter(const char *b);
    Token atEnd();
    Token endToken(TokenKind kind) const;
    const char *lineEnd(const char *p) const;
    unsigned char at(const char *p) const { return p < m_end ? static_cast<unsigned char>(*p) : 0; }

    std::string_view m_text;
    QString m_fileName;
    TokenizerOptions m_options;
    const char *m_base = nullptr;  // m_text.data()
    const char *m_p = nullptr;
    const char *m_end = nullptr;
    const char *m_lineStart = nullptr;
    uint32_t m_line = 1;
    const char *m_endAt = nullptr;  // see setEndPosition()
    const char *m_endLineStart = nullptr;
    uint32_t m_endLine = 0;

    bool m_atLineStart = true;   // next token starts a logical line (indentation to check)
    bool m_lineHasTokens = false;  // a logical line is open: a NEWLINE is owed
    bool m_embedded = false;
    bool m_checkUtf8 = false;
    bool m_strayAsTokens = false;
    bool m_failed = false;
    ErrorClass m_errorClass = ErrorClass::None;
    bool m_done = false;
    int m_pendingDedents = 0;

    static constexpr int MaxIndent = 100;
    static constexpr int MaxDepth = 200;
    int m_indentDepth = 0;
    int m_indents[MaxIndent + 1] = {0};
    int m_altIndents[MaxIndent + 1] = {0};

    struct Bracket {
        char c;
        uint32_t line;
        uint32_t column;
    };
    int m_depth = 0;
    Bracket m_brackets[MaxDepth];

    Error m_error;
};

// Convenience for tests and tools: prepare the raw bytes (BOM, coding cookie,
// UTF-8 check) and tokenize everything. `text` receives the UTF-8 text the
// token offsets refer to. On error the last token has kind Error.
struct TokenizeResult {
    std::string text;
    std::vector<Token> tokens;
    Error error;
    bool ok() const { return !error.isError(); }
};
TokenizeResult tokenize(std::string_view raw, const QString &fileName = {},
                        TokenizerOptions options = {});

} // namespace retort::py
