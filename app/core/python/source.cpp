#include "python/source.h"

#include <QStringDecoder>

#include <cstring>

namespace retort::py {

namespace {

// Position of the first invalid UTF-8 sequence, or npos. NUL bytes are
// rejected by prepare() before (with memchr); one met off the fast path is
// reported with *isNul set.
size_t findInvalidUtf8(std::string_view text, size_t from, bool *isNul)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const size_t n = text.size();
    size_t i = from;
    constexpr uint64_t highBits = 0x8080808080808080ull;
    while (i < n) {
        // Fast path: sixteen ASCII bytes at a time.
        while (i + 16 <= n) {
            uint64_t v, w;
            std::memcpy(&v, s + i, 8);
            std::memcpy(&w, s + i + 8, 8);
            if ((v | w) & highBits)
                break;
            i += 16;
        }
        if (i >= n)
            break;
        const unsigned char c = s[i];
        if (c == 0) {
            *isNul = true;
            return i;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        *isNul = false;
        int len;
        char32_t min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        char32_t cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len; ++k) {
            const unsigned char cc = s[i + k];
            if ((cc & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

bool isCommentOrBlankLine(std::string_view line)
{
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\f')
            continue;
        return c == '#';
    }
    return true;
}

// The encoding named by a PEP 263 cookie in `line`, or empty.
std::string_view cookieIn(std::string_view line)
{
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f'))
        ++i;
    if (i >= line.size() || line[i] != '#')
        return {};
    const size_t pos = line.find("coding", i);
    if (pos == std::string_view::npos || pos + 6 >= line.size())
        return {};
    size_t j = pos + 6;
    if (line[j] != ':' && line[j] != '=')
        return {};
    ++j;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t'))
        ++j;
    const size_t b = j;
    while (j < line.size()) {
        const char c = line[j];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.')
            ++j;
        else
            break;
    }
    return line.substr(b, j - b);
}

// How the text is read, after a PEP 263 cookie.
enum class Cookie {
    Utf8,        // no cookie, or one Python's tokenizer reads as utf-8 itself
    Utf8Strict,  // another name of the utf-8 codec: Python decodes the whole file
    Latin1,
    Ascii,
    Other,       // any other codec, decoded through QStringDecoder (ICU)
};

// Python's encodings.normalize_encoding() of a lower-cased name.
std::string normalizeEncoding(std::string_view name)
{
    std::string out;
    bool punct = false;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
            if (punct && !out.empty())
                out += '_';
            out += c;
            punct = false;
        } else {
            punct = true;
        }
    }
    return out;
}

// The tokenizer's get_normal_name(), then the codec lookup's aliases for
// the encodings read without ICU.
Cookie classifyCookie(std::string_view name)
{
    std::string n;
    for (size_t i = 0; i < name.size() && i < 12; ++i) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        n += c == '_' ? '-' : c;
    }
    auto is = [&n](std::string_view base) {
        return n == base || (n.size() > base.size() && n.compare(0, base.size(), base) == 0 && n[base.size()] == '-');
    };
    if (is("utf-8"))
        return Cookie::Utf8;
    if (is("latin-1") || is("iso-8859-1") || is("iso-latin-1"))
        return Cookie::Latin1;
    const std::string norm = normalizeEncoding(name);
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", "utf_8_sig"};
    static const char *const latin1[] = {"latin_1", "latin1", "latin", "l1", "8859", "cp819", "csisolatin1", "ibm819",
                                         "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987", "iso_ir_100"};
    static const char *const ascii[] = {"ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367",
                                        "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"};
    for (const char *a : utf8)
        if (norm == a)
            return Cookie::Utf8Strict;
    for (const char *a : latin1)
        if (norm == a)
            return Cookie::Latin1;
    for (const char *a : ascii)
        if (norm == a)
            return Cookie::Ascii;
    return Cookie::Other;
}

Error errorAt(const QString &file, std::string_view text, uint32_t offset, uint32_t start,
              const QString &message)
{
    uint32_t line, column;
    lineColumnOf(text, offset, start, &line, &column);
    return Error::syntax(file, int(line), int(column), message);
}

} // namespace

void lineColumnOf(std::string_view text, uint32_t offset, uint32_t lineOneStart, uint32_t *line,
                  uint32_t *column)
{
    uint32_t l = 1;
    uint32_t lineStart = lineOneStart;
    const uint32_t end = uint32_t(std::min<size_t>(offset, text.size()));
    for (uint32_t i = lineOneStart; i < end; ++i) {
        const char c = text[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = offset >= lineStart ? offset - lineStart + 1 : 1;
}

const char *firstInvalidUtf8(const char *p, const char *end)
{
    bool isNul = false;
    const size_t at = findInvalidUtf8(std::string_view(p, size_t(end - p)), 0, &isNul);
    return at == std::string_view::npos ? end : p + at;
}

QString invalidUtf8Message(unsigned char byte)
{
    return QStringLiteral("invalid UTF-8 byte 0x%1 (no other encoding is declared; see PEP 263)")
        .arg(byte, 2, 16, QLatin1Char('0'));
}

int decodeUtf8(const unsigned char *p, const unsigned char *end, char32_t *cp)
{
    const unsigned char c = *p;
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (p + len > end)
        len = int(end - p);
    if (len == 1) {
        *cp = c;
        return 1;
    }
    char32_t v = c & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k)
        v = (v << 6) | (p[k] & 0x3F);
    *cp = v;
    return len;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

bool PreparedSource::prepare(std::string_view raw, const QString &fileName, Error *error)
{
    m_raw = raw;
    m_storage.clear();
    m_converted = false;
    m_needsUtf8Check = false;
    m_start = 0;
    m_encoding = SourceEncoding::Utf8;

    auto fail = [&](uint32_t offset, const QString &message) {
        if (error)
            *error = errorAt(fileName, raw, offset, m_start, message);
        return false;
    };

    if (raw.size() >= 0xFFFFFFF0u)
        return fail(0, QStringLiteral("source file too large"));

    const bool bom = raw.size() >= 3 && raw.compare(0, 3, "\xEF\xBB\xBF") == 0;
    if (bom)
        m_start = 3;

    // PEP 263: a cookie on line 1, or on line 2 when line 1 is a comment or blank.
    Cookie cookie = Cookie::Utf8;
    std::string_view cookieName;
    uint32_t cookieOffset = 0;
    size_t pos = m_start;
    for (int lineNo = 1; lineNo <= 2 && pos < raw.size(); ++lineNo) {
        size_t eol = pos;
        while (eol < raw.size() && raw[eol] != '\n' && raw[eol] != '\r')
            ++eol;
        const std::string_view line = raw.substr(pos, eol - pos);
        const std::string_view name = cookieIn(line);
        if (!name.empty()) {
            cookieName = name;
            cookieOffset = uint32_t(pos);
            cookie = classifyCookie(name);
            break;
        }
        if (!isCommentOrBlankLine(line))
            break;
        if (eol < raw.size() && raw[eol] == '\r' && eol + 1 < raw.size() && raw[eol + 1] == '\n')
            ++eol;
        pos = eol + 1;
    }

    const QString cookieText = QString::fromLatin1(cookieName.data(), int(cookieName.size()));
    if (bom && cookie != Cookie::Utf8 && cookie != Cookie::Utf8Strict)
        return fail(cookieOffset, QStringLiteral("encoding problem: %1 with BOM").arg(cookieText));
    // Python refuses NUL bytes before anything else.
    if (const void *nul = std::memchr(raw.data(), 0, raw.size()))
        return fail(uint32_t(static_cast<const char *>(nul) - raw.data()),
                    QStringLiteral("source code cannot contain null bytes"));

    if (cookie == Cookie::Latin1) {
        m_encoding = SourceEncoding::Latin1;
        bool ascii = true;
        for (char c : raw) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            m_storage.reserve(raw.size() + raw.size() / 8);
            for (char c : raw)
                appendUtf8(m_storage, static_cast<unsigned char>(c));
            m_converted = true;
        }
        return true;
    }

    if (cookie == Cookie::Other) {
        // Python decodes the whole file with the codec named.
        const std::string codec = normalizeEncoding(cookieName);
        QStringDecoder decoder(codec.c_str());
        if (!decoder.isValid())
            decoder = QStringDecoder(std::string(cookieName).c_str());
        if (!decoder.isValid())
            return fail(cookieOffset, QStringLiteral("unknown encoding: %1").arg(cookieText));
        const QString decoded = decoder.decode(QByteArrayView(raw.data() + m_start, qsizetype(raw.size() - m_start)));
        if (decoder.hasError()) {
            // Find the line for the message, one line at a time.
            size_t lineStart = m_start;
            while (lineStart < raw.size()) {
                size_t eol = raw.find('\n', lineStart);
                eol = eol == std::string_view::npos ? raw.size() : eol + 1;
                QStringDecoder lineDecoder(decoder.name(), QStringConverter::Flag::Stateless);
                const QString lineText = lineDecoder.decode(QByteArrayView(raw.data() + lineStart, qsizetype(eol - lineStart)));
                if (lineDecoder.hasError())
                    break;
                lineStart = eol;
            }
            return fail(uint32_t(std::min(lineStart, raw.size())),
                        QStringLiteral("'%1' codec can't decode the file").arg(cookieText));
        }
        m_storage = decoded.toStdString();
        m_converted = true;
        m_encoding = SourceEncoding::Other;
        return true;
    }

    bool isNul = false;
    const size_t bad = findInvalidUtf8(raw, m_start, &isNul);
    if (bad != std::string_view::npos) {
        const unsigned char b = static_cast<unsigned char>(raw[bad]);
        if (cookie == Cookie::Ascii && b >= 0x80)
            return fail(uint32_t(bad), QStringLiteral("non-ASCII byte 0x%1 in a file declared as '%2'")
                                           .arg(b, 2, 16, QLatin1Char('0'))
                                           .arg(cookieText));
        if (cookie == Cookie::Utf8Strict)
            return fail(uint32_t(bad), invalidUtf8Message(b));
        // Reported later, where a token needs decoding (see the header).
        m_needsUtf8Check = true;
    }
    if (cookie == Cookie::Ascii) {
        for (size_t i = m_start; i < raw.size(); ++i) {
            const unsigned char b = static_cast<unsigned char>(raw[i]);
            if (b >= 0x80)
                return fail(uint32_t(i), QStringLiteral("non-ASCII byte 0x%1 in a file declared as '%2'")
                                             .arg(b, 2, 16, QLatin1Char('0'))
                                             .arg(cookieText));
        }
    }
    return true;
}

} // namespace retort::py
