#include "eval/operations.h"

#include <QChar>

namespace retort::pyeval {

namespace {

bool isNumber(const PyValue &v)
{
    return v.kind == PyValue::Kind::Bool || v.kind == PyValue::Kind::Int || v.kind == PyValue::Kind::Float;
}

// Python's str.isprintable() for one code point.
bool printable(char32_t c)
{
    if (c == U' ')
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Separator_Space:
        return false;
    default:
        return true;
    }
}

QString hex(uint value, int digits)
{
    return QString::number(value, 16).rightJustified(digits, QLatin1Char('0'));
}

QString reprStr(const QString &s)
{
    const bool hasSingle = s.contains(QLatin1Char('\''));
    const QChar quote = hasSingle && !s.contains(QLatin1Char('"')) ? QLatin1Char('"') : QLatin1Char('\'');
    QString out = quote;
    for (char32_t c : s.toUcs4()) {
        if (c == quote.unicode() || c == U'\\')
            out += QLatin1Char('\\') + QString::fromUcs4(&c, 1);
        else if (c == U'\t')
            out += QLatin1String("\\t");
        else if (c == U'\n')
            out += QLatin1String("\\n");
        else if (c == U'\r')
            out += QLatin1String("\\r");
        else if (c < 0x20 || c == 0x7f)
            out += QLatin1String("\\x") + hex(c, 2);
        else if (c < 0x7f || printable(c))
            out += QString::fromUcs4(&c, 1);
        else if (c <= 0xff)
            out += QLatin1String("\\x") + hex(c, 2);
        else if (c <= 0xffff)
            out += QLatin1String("\\u") + hex(c, 4);
        else
            out += QLatin1String("\\U") + hex(c, 8);
    }
    return out + quote;
}

qsizetype codePoints(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i)
        if (!s.at(i).isLowSurrogate())
            ++n;
    return n;
}

struct Spec {
    QString fill = QStringLiteral(" ");
    QChar align;
    QChar sign;
    bool alternate = false;
    bool zero = false;
    int width = 0;
    QChar grouping;
    int precision = -1;
    QChar type;
};

bool isAlign(QChar c)
{
    return c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('^') || c == QLatin1Char('=');
}

bool parseSpec(const QString &text, Spec &spec, QString &why)
{
    const QVector<uint> cps = text.toUcs4();
    int i = 0;
    const int n = int(cps.size());
    auto at = [&](int k) { return k < n ? QChar(char16_t(cps[k] <= 0xffff ? cps[k] : 0xfffd)) : QChar(); };
    if (n >= 2 && isAlign(at(1))) {
        spec.fill = QString::fromUcs4(reinterpret_cast<const char32_t *>(&cps[0]), 1);
        spec.align = at(1);
        i = 2;
    } else if (n >= 1 && isAlign(at(0))) {
        spec.align = at(0);
        i = 1;
    }
    if (i < n && (at(i) == QLatin1Char('+') || at(i) == QLatin1Char('-') || at(i) == QLatin1Char(' ')))
        spec.sign = at(i++);
    if (i < n && at(i) == QLatin1Char('z'))
        return why = QStringLiteral("the format option 'z'"), false;
    if (i < n && at(i) == QLatin1Char('#'))
        spec.alternate = true, ++i;
    if (i < n && at(i) == QLatin1Char('0'))
        spec.zero = true, ++i;
    qint64 width = 0;
    while (i < n && at(i).isDigit() && cps[i] < 0x80) {
        width = width * 10 + (cps[i++] - '0');
        if (width > 10000)
            return why = QStringLiteral("a format width beyond 10000"), false;
    }
    spec.width = int(width);
    if (i < n && (at(i) == QLatin1Char(',') || at(i) == QLatin1Char('_')))
        spec.grouping = at(i++);
    if (i < n && at(i) == QLatin1Char('.')) {
        ++i;
        qint64 p = 0;
        const int start = i;
        while (i < n && at(i).isDigit() && cps[i] < 0x80) {
            p = p * 10 + (cps[i++] - '0');
            if (p > 10000)
                return why = QStringLiteral("a format precision beyond 10000"), false;
        }
        if (i == start)
            return why = QStringLiteral("a format spec with '.' and no precision (ValueError)"), false;
        spec.precision = int(p);
    }
    if (i < n)
        spec.type = at(i++);
    if (i < n)
        return why = QStringLiteral("an invalid format spec '%1' (ValueError)").arg(text), false;
    return true;
}

QString pad(const QString &body, const Spec &spec, QChar defaultAlign, const QString &prefix = {})
{
    const QChar align = spec.align.isNull() ? defaultAlign : spec.align;
    const qsizetype len = codePoints(prefix) + codePoints(body);
    const qsizetype missing = spec.width > len ? spec.width - len : 0;
    if (align == QLatin1Char('='))
        return prefix + spec.fill.repeated(missing) + body;
    if (align == QLatin1Char('<'))
        return prefix + body + spec.fill.repeated(missing);
    if (align == QLatin1Char('^'))
        return spec.fill.repeated(missing / 2) + prefix + body + spec.fill.repeated(missing - missing / 2);
    return spec.fill.repeated(missing) + prefix + body;
}

std::optional<QString> formatStr(const QString &s, const Spec &spec, QString &why)
{
    if (!spec.type.isNull() && spec.type != QLatin1Char('s'))
        return why = QStringLiteral("format code '%1' for a str (ValueError)").arg(spec.type), std::nullopt;
    if (!spec.sign.isNull() || spec.alternate || !spec.grouping.isNull() || spec.align == QLatin1Char('='))
        return why = QStringLiteral("a numeric format option for a str (ValueError)"), std::nullopt;
    if (spec.zero)
        return why = QStringLiteral("'0' padding of a str"), std::nullopt;
    QString body = s;
    if (spec.precision >= 0) {
        const QVector<uint> cps = s.toUcs4();
        if (cps.size() > spec.precision)
            body = QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), spec.precision);
    }
    return pad(body, spec, QLatin1Char('<'));
}

QString group(const QString &digits, int size, QChar separator)
{
    QString out;
    const int n = int(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % size == 0)
            out += separator;
        out += digits.at(i);
    }
    return out;
}

std::optional<QString> formatInt(qint64 value, Spec spec, QString &why)
{
    const QChar t = spec.type.isNull() ? QLatin1Char('d') : spec.type;
    int base = 10;
    QString prefix;
    if (t == QLatin1Char('x') || t == QLatin1Char('X'))
        base = 16, prefix = QLatin1String("0") + t;
    else if (t == QLatin1Char('o'))
        base = 8, prefix = QStringLiteral("0o");
    else if (t == QLatin1Char('b'))
        base = 2, prefix = QStringLiteral("0b");
    else if (t != QLatin1Char('d'))
        return why = QStringLiteral("format code '%1' for an int").arg(t), std::nullopt;
    if (spec.precision >= 0)
        return why = QStringLiteral("a precision for an int (ValueError)"), std::nullopt;
    if (spec.grouping == QLatin1Char(',') && base != 10)
        return why = QStringLiteral("',' with format code '%1' (ValueError)").arg(t), std::nullopt;
    if (spec.zero && !spec.grouping.isNull())
        return why = QStringLiteral("'0' padding with grouping"), std::nullopt;
    const bool negative = value < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    QString digits = QString::number(magnitude, base);
    if (t == QLatin1Char('X'))
        digits = digits.toUpper();
    if (!spec.grouping.isNull())
        digits = group(digits, base == 10 ? 3 : 4, spec.grouping);
    QString sign;
    if (negative)
        sign = QStringLiteral("-");
    else if (spec.sign == QLatin1Char('+'))
        sign = QStringLiteral("+");
    else if (spec.sign == QLatin1Char(' '))
        sign = QStringLiteral(" ");
    if (spec.zero && spec.align.isNull())
        spec.fill = QStringLiteral("0"), spec.align = QLatin1Char('=');
    return pad(digits, spec, QLatin1Char('>'), sign + (spec.alternate ? prefix : QString()));
}

} // namespace

std::optional<bool> truth(const PyValue &v)
{
    switch (v.kind) {
    case PyValue::Kind::None:
        return false;
    case PyValue::Kind::Bool:
        return v.boolean;
    case PyValue::Kind::Int:
        return v.integer != 0;
    case PyValue::Kind::Float:
        return v.real != 0.0;
    case PyValue::Kind::Str:
        return !v.str.isEmpty();
    case PyValue::Kind::List:
    case PyValue::Kind::Tuple:
        return !v.items.isEmpty();
    case PyValue::Kind::Dict:
        return !v.keywords.isEmpty();
    case PyValue::Kind::Construct:
        break;
    }
    return std::nullopt;
}

std::optional<bool> equal(const PyValue &a, const PyValue &b)
{
    if (a.kind == PyValue::Kind::Construct || b.kind == PyValue::Kind::Construct)
        return std::nullopt;
    if (isNumber(a) && isNumber(b)) {
        if (a.kind == PyValue::Kind::Float || b.kind == PyValue::Kind::Float) {
            const double x = a.kind == PyValue::Kind::Float ? a.real : double(a.kind == PyValue::Kind::Bool ? a.boolean : a.integer);
            const double y = b.kind == PyValue::Kind::Float ? b.real : double(b.kind == PyValue::Kind::Bool ? b.boolean : b.integer);
            return x == y;
        }
        const qint64 x = a.kind == PyValue::Kind::Bool ? qint64(a.boolean) : a.integer;
        const qint64 y = b.kind == PyValue::Kind::Bool ? qint64(b.boolean) : b.integer;
        return x == y;
    }
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case PyValue::Kind::None:
        return true;
    case PyValue::Kind::Str:
        return a.str == b.str;
    case PyValue::Kind::List:
    case PyValue::Kind::Tuple: {
        if (a.items.size() != b.items.size())
            return false;
        for (int i = 0; i < a.items.size(); ++i) {
            const std::optional<bool> e = equal(a.items[i], b.items[i]);
            if (!e || !*e)
                return e;
        }
        return true;
    }
    case PyValue::Kind::Dict: {
        if (a.keywords.size() != b.keywords.size())
            return false;
        for (const auto &kv : a.keywords) {
            const PyValue *other = b.keyword(kv.first.toUtf8().constData());
            if (!other)
                return false;
            const std::optional<bool> e = equal(kv.second, *other);
            if (!e || !*e)
                return e;
        }
        return true;
    }
    default:
        break;
    }
    return std::nullopt;
}

std::optional<QString> repr(const PyValue &v, QString &why)
{
    switch (v.kind) {
    case PyValue::Kind::Str:
        return reprStr(v.str);
    case PyValue::Kind::List:
    case PyValue::Kind::Tuple: {
        QStringList parts;
        for (const PyValue &item : v.items) {
            std::optional<QString> r = repr(item, why);
            if (!r)
                return std::nullopt;
            parts << *r;
        }
        if (v.kind == PyValue::Kind::List)
            return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
        return QLatin1Char('(') + parts.join(QLatin1String(", ")) + QLatin1String(parts.size() == 1 ? ",)" : ")");
    }
    case PyValue::Kind::Dict: {
        QStringList parts;
        for (const auto &kv : v.keywords) {
            std::optional<QString> r = repr(kv.second, why);
            if (!r)
                return std::nullopt;
            parts << reprStr(kv.first) + QLatin1String(": ") + *r;
        }
        return QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
    }
    default:
        return str(v, why);
    }
}

std::optional<QString> str(const PyValue &v, QString &why)
{
    switch (v.kind) {
    case PyValue::Kind::None:
        return QStringLiteral("None");
    case PyValue::Kind::Bool:
        return QLatin1String(v.boolean ? "True" : "False");
    case PyValue::Kind::Int:
        return QString::number(v.integer);
    case PyValue::Kind::Float:
        why = QStringLiteral("a float in text");
        return std::nullopt;
    case PyValue::Kind::Str:
        return v.str;
    case PyValue::Kind::List:
    case PyValue::Kind::Tuple:
    case PyValue::Kind::Dict:
        return repr(v, why);
    case PyValue::Kind::Construct:
        break;
    }
    why = QStringLiteral("the text of %1").arg(v.str);
    return std::nullopt;
}

std::optional<QString> format(const PyValue &v, const QString &specText, QString &why)
{
    if (specText.isEmpty())
        return str(v, why);
    Spec spec;
    if (!parseSpec(specText, spec, why))
        return std::nullopt;
    if (v.kind == PyValue::Kind::Str)
        return formatStr(v.str, spec, why);
    if (v.kind == PyValue::Kind::Int)
        return formatInt(v.integer, spec, why);
    why = QStringLiteral("a format spec for a value that is not a str or an int");
    return std::nullopt;
}

std::optional<QString> percent(const QString &fmt, const PyValue &args, QString &why)
{
    const bool mapping = args.kind == PyValue::Kind::Dict;
    QVector<PyValue> positional;
    if (args.kind == PyValue::Kind::Tuple)
        positional = args.items;
    else if (!mapping)
        positional << args;
    if (args.kind == PyValue::Kind::Construct)
        return why = QStringLiteral("%-formatting of %1").arg(args.str), std::nullopt;
    int next = 0;
    bool usedMapping = false;
    QString out;
    const int n = int(fmt.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = fmt.at(i);
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        if (++i >= n)
            return why = QStringLiteral("an incomplete %-format (ValueError)"), std::nullopt;
        const PyValue *value = nullptr;
        if (fmt.at(i) == QLatin1Char('(')) {
            const int close = fmt.indexOf(QLatin1Char(')'), i);
            if (close < 0 || !mapping)
                return why = QStringLiteral("a %(key) format without a dict"), std::nullopt;
            const QString key = fmt.mid(i + 1, close - i - 1);
            for (const auto &kv : args.keywords)
                if (kv.first == key)
                    value = &kv.second;
            if (!value)
                return why = QStringLiteral("the key '%1' is not in the dict (KeyError)").arg(key), std::nullopt;
            usedMapping = true;
            i = close + 1;
        }
        Spec spec;
        bool left = false, zero = false;
        for (; i < n; ++i) {
            const QChar f = fmt.at(i);
            if (f == QLatin1Char('-'))
                left = true;
            else if (f == QLatin1Char('0'))
                zero = true;
            else if (f == QLatin1Char('+') || f == QLatin1Char(' '))
                spec.sign = (spec.sign == QLatin1Char('+')) ? spec.sign : f;
            else if (f == QLatin1Char('#'))
                spec.alternate = true;
            else
                break;
        }
        while (i < n && fmt.at(i).isDigit() && fmt.at(i).unicode() < 0x80) {
            spec.width = spec.width * 10 + (fmt.at(i++).unicode() - '0');
            if (spec.width > 10000)
                return why = QStringLiteral("a %-format width beyond 10000"), std::nullopt;
        }
        if (i < n && fmt.at(i) == QLatin1Char('.')) {
            spec.precision = 0;
            ++i;
            while (i < n && fmt.at(i).isDigit() && fmt.at(i).unicode() < 0x80) {
                spec.precision = spec.precision * 10 + (fmt.at(i++).unicode() - '0');
                if (spec.precision > 10000)
                    return why = QStringLiteral("a %-format precision beyond 10000"), std::nullopt;
            }
        }
        if (i < n && (fmt.at(i) == QLatin1Char('*')))
            return why = QStringLiteral("a '*' width in a %-format"), std::nullopt;
        while (i < n && (fmt.at(i) == QLatin1Char('h') || fmt.at(i) == QLatin1Char('l') || fmt.at(i) == QLatin1Char('L')))
            ++i;
        if (i >= n)
            return why = QStringLiteral("an incomplete %-format (ValueError)"), std::nullopt;
        const QChar conv = fmt.at(i);
        if (conv == QLatin1Char('%')) {
            out += QLatin1Char('%');
            continue;
        }
        if (!value) {
            if (mapping)
                return why = QStringLiteral("a positional %-format with a dict (TypeError)"), std::nullopt;
            if (next >= positional.size())
                return why = QStringLiteral("not enough arguments for the %-format (TypeError)"), std::nullopt;
            value = &positional[next++];
        }
        spec.align = left ? QLatin1Char('<') : QLatin1Char('>');
        if (conv == QLatin1Char('s') || conv == QLatin1Char('r') || conv == QLatin1Char('a')) {
            std::optional<QString> text = conv == QLatin1Char('s') ? str(*value, why) : repr(*value, why);
            if (!text)
                return std::nullopt;
            if (conv == QLatin1Char('a'))
                for (QChar ch : *text)
                    if (ch.unicode() > 0x7f)
                        return why = QStringLiteral("%a of non-ASCII text"), std::nullopt;
            if (spec.precision >= 0)
                text = text->left(spec.precision);
            out += pad(*text, spec, spec.align);
        } else if (QStringLiteral("diuxXo").contains(conv)) {
            if (value->kind != PyValue::Kind::Int && value->kind != PyValue::Kind::Bool)
                return why = QStringLiteral("%%%1 of a value that is not an int").arg(conv), std::nullopt;
            if (spec.precision >= 0)
                return why = QStringLiteral("a precision in %%%1").arg(conv), std::nullopt;
            const qint64 iv = value->kind == PyValue::Kind::Bool ? qint64(value->boolean) : value->integer;
            Spec s2 = spec;
            s2.type = (conv == QLatin1Char('i') || conv == QLatin1Char('u')) ? QLatin1Char('d') : conv;
            s2.align = left ? QLatin1Char('<') : (zero ? QLatin1Char('=') : QLatin1Char('>'));
            if (zero && !left)
                s2.fill = QStringLiteral("0");
            std::optional<QString> text = formatInt(iv, s2, why);
            if (!text)
                return std::nullopt;
            out += *text;
        } else {
            return why = QStringLiteral("the %-format code '%1'").arg(conv), std::nullopt;
        }
    }
    if (!mapping && next < positional.size())
        return why = QStringLiteral("not all arguments converted during string formatting (TypeError)"), std::nullopt;
    Q_UNUSED(usedMapping);
    return out;
}

std::optional<QString> strFormat(const QString &fmt, const QVector<PyValue> &args,
                                 const QVector<QPair<QString, PyValue>> &kwargs, QString &why)
{
    QString out;
    int automatic = 0;
    bool sawAutomatic = false, sawManual = false;
    const int n = int(fmt.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = fmt.at(i);
        if (c == QLatin1Char('}')) {
            if (i + 1 < n && fmt.at(i + 1) == QLatin1Char('}')) {
                out += c;
                ++i;
                continue;
            }
            return why = QStringLiteral("a single '}' in a format string (ValueError)"), std::nullopt;
        }
        if (c != QLatin1Char('{')) {
            out += c;
            continue;
        }
        if (i + 1 < n && fmt.at(i + 1) == QLatin1Char('{')) {
            out += c;
            ++i;
            continue;
        }
        const int close = fmt.indexOf(QLatin1Char('}'), i);
        if (close < 0)
            return why = QStringLiteral("a '{' without '}' in a format string (ValueError)"), std::nullopt;
        const QString field = fmt.mid(i + 1, close - i - 1);
        if (field.contains(QLatin1Char('{')))
            return why = QStringLiteral("a nested replacement field"), std::nullopt;
        i = close;
        QString name = field, conversion, spec;
        const int colon = name.indexOf(QLatin1Char(':'));
        if (colon >= 0)
            spec = name.mid(colon + 1), name.truncate(colon);
        const int bang = name.indexOf(QLatin1Char('!'));
        if (bang >= 0)
            conversion = name.mid(bang + 1), name.truncate(bang);
        if (name.contains(QLatin1Char('.')) || name.contains(QLatin1Char('[')))
            return why = QStringLiteral("an attribute or index in a replacement field"), std::nullopt;
        const PyValue *value = nullptr;
        if (name.isEmpty()) {
            if (sawManual)
                return why = QStringLiteral("automatic and manual field numbering mixed (ValueError)"), std::nullopt;
            sawAutomatic = true;
            if (automatic >= args.size())
                return why = QStringLiteral("a replacement field without an argument (IndexError)"), std::nullopt;
            value = &args[automatic++];
        } else {
            bool isIndex = true;
            for (QChar d : name)
                isIndex = isIndex && d.isDigit() && d.unicode() < 0x80;
            if (isIndex) {
                if (sawAutomatic)
                    return why = QStringLiteral("automatic and manual field numbering mixed (ValueError)"), std::nullopt;
                sawManual = true;
                const int index = name.size() > 6 ? -1 : name.toInt();
                if (index < 0 || index >= args.size())
                    return why = QStringLiteral("a replacement field without an argument (IndexError)"), std::nullopt;
                value = &args[index];
            } else {
                for (const auto &kv : kwargs)
                    if (kv.first == name)
                        value = &kv.second;
                if (!value)
                    return why = QStringLiteral("no argument named '%1' (KeyError)").arg(name), std::nullopt;
            }
        }
        PyValue converted;
        if (!conversion.isEmpty()) {
            if (conversion != QLatin1String("r") && conversion != QLatin1String("s") && conversion != QLatin1String("a"))
                return why = QStringLiteral("an unknown conversion '!%1' (ValueError)").arg(conversion), std::nullopt;
            std::optional<QString> t = conversion == QLatin1String("s") ? str(*value, why) : repr(*value, why);
            if (!t)
                return std::nullopt;
            if (conversion == QLatin1String("a"))
                for (QChar ch : *t)
                    if (ch.unicode() > 0x7f)
                        return why = QStringLiteral("!a of non-ASCII text"), std::nullopt;
            converted.kind = PyValue::Kind::Str;
            converted.str = *t;
            value = &converted;
        }
        std::optional<QString> text = format(*value, spec, why);
        if (!text)
            return std::nullopt;
        out += *text;
    }
    return out;
}

} // namespace retort::pyeval
