#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace retort::py {

struct LiteralError {
    uint32_t offset = 0;   // byte offset of the offending escape within the decoded text
    std::string message;   // Python's wording where it has one
};

struct LiteralInfo {
    // A \N{...} escape was replaced by U+FFFD: character names need ICU,
    // which this build lacks.
    bool lossy = false;
};

// Decodes the text between the quotes of a str or bytes literal with
// Python's rules, appending to `out`: all escapes (\n \t \\ \' \" \a \b \f
// \v \ooo \xhh, and for str \uXXXX \UXXXXXXXX \N{NAME}), backslash-newline
// continuation, unknown escapes kept verbatim, \r\n and \r read as \n.
// Raw literals keep backslashes. str results are UTF-8 (lone surrogates from
// \uD800-style escapes are encoded as three bytes); bytes results are the
// raw bytes. Returns false on a malformed escape or a non-ASCII character in
// a bytes literal.
bool decodeStringBody(std::string_view body, bool raw, bool bytes, std::string &out,
                      LiteralError *error = nullptr, LiteralInfo *info = nullptr);

// Decodes a whole literal as written: prefix, quotes and body ("r'a\\b'",
// "'''x'''", "b'\\x00'"). f-strings are rejected (they are not constants).
bool decodeStringLiteral(std::string_view literal, std::string &out, LiteralError *error = nullptr,
                         LiteralInfo *info = nullptr);

// True when decoding the body would copy it unchanged (no backslash, no CR
// and, for bytes, only ASCII): the parser then points into the source.
bool isVerbatimBody(std::string_view body, bool bytes);

} // namespace retort::py
