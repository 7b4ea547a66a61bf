#include "pytext.h"

#include <climits>

namespace retort {

namespace {

bool isPySpace(char32_t c)
{
    // str.isspace(): Unicode White_Space plus the ASCII separators 0x1c-0x1f
    switch (c) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d:
    case 0x1c: case 0x1d: case 0x1e: case 0x1f: case 0x20:
    case 0x85: case 0xa0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200a;
    }
}

bool isLineBreak(QChar c)
{
    switch (c.unicode()) {
    case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x1c: case 0x1d: case 0x1e:
    case 0x85: case 0x2028: case 0x2029:
        return true;
    default:
        return false;
    }
}

bool isPrintable(char32_t c)
{
    if (c == ' ')
        return true;
    if (c < 0x20 || c == 0x7f)
        return false;
    if (c < 0x7f)
        return true;
    const QChar::Category cat = QChar::category(c);
    switch (cat) {
    case QChar::Other_Control: case QChar::Other_Format: case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse: case QChar::Other_NotAssigned:
    case QChar::Separator_Line: case QChar::Separator_Paragraph: case QChar::Separator_Space:
        return false;
    default:
        return true;
    }
}

} // namespace

std::optional<long long> pyInt(const QString &text)
{
    const QString t = pyStrip(text);
    int i = 0;
    bool negative = false;
    if (i < t.size() && (t[i] == QLatin1Char('+') || t[i] == QLatin1Char('-'))) {
        negative = t[i] == QLatin1Char('-');
        ++i;
    }
    if (i >= t.size())
        return std::nullopt;
    long long value = 0;
    bool lastUnderscore = true;  // no leading underscore
    for (; i < t.size(); ++i) {
        const QChar c = t[i];
        if (c == QLatin1Char('_')) {
            if (lastUnderscore)
                return std::nullopt;
            lastUnderscore = true;
            continue;
        }
        const int d = c.digitValue();
        if (d < 0)
            return std::nullopt;
        if (value > (LLONG_MAX - d) / 10)
            return std::nullopt;
        value = value * 10 + d;
        lastUnderscore = false;
    }
    if (lastUnderscore)
        return std::nullopt;
    return negative ? -value : value;
}

QStringView pyStripView(QStringView text)
{
    // Every whitespace character Python knows is in the BMP.
    qsizetype b = 0, e = text.size();
    while (b < e && isPySpace(text[b].unicode()))
        ++b;
    while (e > b && isPySpace(text[e - 1].unicode()))
        --e;
    return text.sliced(b, e - b);
}

QString pyStrip(const QString &text)
{
    const QStringView stripped = pyStripView(text);
    return stripped.size() == text.size() ? text : stripped.toString();
}

QStringList pySplitlines(const QString &text)
{
    QStringList out;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!isLineBreak(c))
            continue;
        out << text.mid(start, i - start);
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        out << text.mid(start);
    return out;
}

QString pyRepr(const QString &text)
{
    const bool hasSingle = text.contains(QLatin1Char('\''));
    const bool hasDouble = text.contains(QLatin1Char('"'));
    const QChar quote = (hasSingle && !hasDouble) ? QLatin1Char('"') : QLatin1Char('\'');
    QString out(quote);
    for (char32_t c : text.toUcs4()) {
        if (c == quote.unicode() || c == '\\') {
            out += QLatin1Char('\\');
            out += QChar(c);
        } else if (c == '\t') {
            out += QStringLiteral("\\t");
        } else if (c == '\n') {
            out += QStringLiteral("\\n");
        } else if (c == '\r') {
            out += QStringLiteral("\\r");
        } else if (!isPrintable(c)) {
            if (c < 0x100)
                out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
            else if (c < 0x10000)
                out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
            else
                out += QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0'));
        } else {
            out += QString::fromUcs4(&c, 1);
        }
    }
    out += quote;
    return out;
}

QString pyTupleRepr(const QStringList &items)
{
    QStringList parts;
    for (const QString &s : items)
        parts << pyRepr(s);
    if (parts.size() == 1)
        return QLatin1Char('(') + parts.front() + QStringLiteral(",)");
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace retort
