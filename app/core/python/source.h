#pragma once

#include "error.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace retort::py {

enum class SourceEncoding : uint8_t { Utf8, Latin1, Other };

// A Python source file made ready for the tokenizer, as Python's own reader
// does it: a UTF-8 BOM is skipped, a PEP 263 coding cookie on line 1 or 2 is
// honoured (utf-8 and latin-1 natively, with Python's aliases; any other
// codec Qt knows through ICU, e.g. cp1252; unknown names are an error), NUL
// bytes are refused, and text in another encoding is transcoded to UTF-8.
// Universal newlines are left to the tokenizer.
//
// Like Python compiling bytes (which is how importlib, hence alembic, loads
// a file), bytes that are not UTF-8 are not an error by themselves: only
// where a token needs decoding. When the file has such bytes,
// needsUtf8Check() is true and the tokenizer (names) and parser (string
// literals) report them where Python would; inside comments they pass.
// (`python3 file.py` rejects them anywhere; alembic does not.)
class PreparedSource {
public:
    // Returns false and fills *error (when given) if the bytes cannot be Python source.
    bool prepare(std::string_view raw, const QString &fileName, Error *error);

    // The UTF-8 text: the raw bytes themselves, or the transcoded copy.
    std::string_view text() const { return m_converted ? std::string_view(m_storage) : m_raw; }
    // Offset of the first byte to tokenize (3 after a BOM, else 0).
    uint32_t start() const { return m_start; }
    // The UTF-8 text has invalid sequences somewhere (see above).
    bool needsUtf8Check() const { return m_needsUtf8Check; }
    SourceEncoding encoding() const { return m_encoding; }

private:
    std::string_view m_raw;
    std::string m_storage;
    bool m_converted = false;
    bool m_needsUtf8Check = false;
    uint32_t m_start = 0;
    SourceEncoding m_encoding = SourceEncoding::Utf8;
};

// Line (1-based) and byte column (1-based) of `offset` in `text`, counting
// \n, \r\n and \r as line ends and columns from `lineOneStart` on line 1
// (the byte after a BOM). For error reporting only: it scans from the start.
void lineColumnOf(std::string_view text, uint32_t offset, uint32_t lineOneStart,
                  uint32_t *line, uint32_t *column);

// The first byte of [p, end) that does not begin a valid UTF-8 sequence, or end.
const char *firstInvalidUtf8(const char *p, const char *end);
// Message for an undecodable byte.
QString invalidUtf8Message(unsigned char byte);

// Decodes one UTF-8 sequence at `p` (known valid); returns its length.
int decodeUtf8(const unsigned char *p, const unsigned char *end, char32_t *cp);
// Appends the UTF-8 encoding of `cp` (surrogates are encoded as 3 bytes, as
// Python's "surrogatepass" would).
void appendUtf8(std::string &out, char32_t cp);

} // namespace retort::py
