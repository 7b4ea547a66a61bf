#pragma once

#include "error.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace retort::py {

enum class SourceEncoding : uint8_t { Utf8, Latin1 };

// A Python source file made ready for the tokenizer, as Python's own reader
// does it: a UTF-8 BOM is skipped, a PEP 263 coding cookie on line 1 or 2 is
// honoured (utf-8 and latin-1/iso-8859-1 families; others are an error), the
// text is checked to be valid UTF-8 without NUL bytes, and latin-1 text is
// transcoded to UTF-8. Universal newlines are left to the tokenizer.
//
// Like Python compiling bytes (which is how importlib, hence alembic, loads
// a file), bytes that are not UTF-8 are tolerated inside comments: the text
// is valid UTF-8 everywhere except there. `python3 file.py` would reject
// them; alembic does not.
class PreparedSource {
public:
    // Returns false and fills *error (when given) if the bytes cannot be Python source.
    bool prepare(std::string_view raw, const QString &fileName, Error *error);

    // The UTF-8 text: the raw bytes themselves, or the transcoded copy.
    std::string_view text() const { return m_converted ? std::string_view(m_storage) : m_raw; }
    // Offset of the first byte to tokenize (3 after a BOM, else 0).
    uint32_t start() const { return m_start; }
    SourceEncoding encoding() const { return m_encoding; }

private:
    std::string_view m_raw;
    std::string m_storage;
    bool m_converted = false;
    uint32_t m_start = 0;
    SourceEncoding m_encoding = SourceEncoding::Utf8;
};

// Line (1-based) and byte column (1-based) of `offset` in `text`, counting
// \n, \r\n and \r as line ends and columns from `lineOneStart` on line 1
// (the byte after a BOM). For error reporting only: it scans from the start.
void lineColumnOf(std::string_view text, uint32_t offset, uint32_t lineOneStart,
                  uint32_t *line, uint32_t *column);

// Decodes one UTF-8 sequence at `p` (known valid); returns its length.
int decodeUtf8(const unsigned char *p, const unsigned char *end, char32_t *cp);
// Appends the UTF-8 encoding of `cp` (surrogates are encoded as 3 bytes, as
// Python's "surrogatepass" would).
void appendUtf8(std::string &out, char32_t cp);

} // namespace retort::py
