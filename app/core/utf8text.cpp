#include "utf8text.h"

#include <QStringEncoder>

#include <cstring>

namespace retort {

char *writeUtf8(char *out, QStringView text)
{
    const char16_t *src = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    // four units at a time while all four are ASCII
    for (; n - i >= 4; i += 4) {
        quint64 units;
        std::memcpy(&units, src + i, sizeof units);
        if (units & 0xff80ff80ff80ff80ull)
            break;
        for (int k = 0; k < 4; ++k)
            out[k] = char(src[i + k]);
        out += 4;
    }
    for (; i < n && src[i] < 0x80; ++i)
        *out++ = char(src[i]);
    if (i == n)
        return out;
    QStringEncoder encoder(QStringEncoder::Utf8);
    return encoder.appendToBuffer(out, text.sliced(i));
}

} // namespace retort
